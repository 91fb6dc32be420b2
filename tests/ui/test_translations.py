"""English interface: the .qm built by tools/build-translations.sh is loaded per the
`ui.language` setting; Indonesian (the source language) is the default."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QMenu

from pesiar_desktop.app import _cached_language, _follow_database_language, load_language
from pesiar_desktop.config import resources_dir
from pesiar_desktop.services import settings
from pesiar_desktop.services.settings import GROUPS, REGISTRY, SETTINGS
from pesiar_desktop.ui.dialogs.users import LoginDialog
from pesiar_desktop.ui.main_window import PAGE_KEYS
from pesiar_desktop.ui.pages.settings_general import where_to_change
from pesiar_desktop.ui.settings_strings import REGISTRY_TEXTS
from tests.ui.conftest import wait_written


@pytest.fixture
def restore_language(qapp) -> Iterator[None]:
    yield
    load_language("id")


def _sidebar(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [window.sidebar.item(i).text() for i in range(window.sidebar.count())]


def test_qm_files_are_built():
    folder = resources_dir() / "i18n"
    assert (folder / "pesiar_en.ts").is_file() and (folder / "pesiar_id.ts").is_file()
    assert (folder / "pesiar_en.qm").stat().st_size > 1000, "run tools/build-translations.sh"


def test_english_after_the_setting_changes(
    qtbot, make_window, village_db, admin, ui_paths, restore_language
):
    indonesian = make_window(admin)
    assert _sidebar(indonesian)[PAGE_KEYS.index("penduduk")] == "Penduduk"

    # Pengaturan → Pengaturan umum: the choice is saved (it applies at the next start).
    general = indonesian.settings_page.general_tab
    language = general.editors[SETTINGS.language.key].widget
    language.setCurrentIndex(language.findData("en"))
    general.save()
    wait_written(qtbot, general)
    assert settings.read(village_db, SETTINGS.language) == "en"
    assert "dibuka ulang" in general.saved_label.text()

    # What app.run_gui does at the next start once the database is open: the setting
    # differs from ui.ini's copy, so English is loaded and remembered.
    _follow_database_language(village_db, ui_paths, None)
    assert _cached_language(ui_paths) == "en"
    english = make_window(admin)
    labels = _sidebar(english)
    assert labels[PAGE_KEYS.index("penduduk")] == "Residents"
    assert labels[PAGE_KEYS.index("pengaturan")] == "Settings"
    assert [a.text() for a in english.menuBar().actions()][:2] == ["&File", "&User"]
    english.show_page("penduduk")
    assert english.residents_page.search_edit.placeholderText().startswith("Search")
    login = LoginDialog(village_db, None)
    qtbot.addWidget(login)
    assert login.ok_button.text() == "Log in"

    load_language("id")
    again = make_window(admin)
    assert _sidebar(again)[PAGE_KEYS.index("penduduk")] == "Penduduk"


def test_unknown_language_falls_back_to_indonesian(qapp, restore_language):
    assert load_language("xx") is True


# ---------------------------------------------------------------- the English UI is complete

_EN_TS = resources_dir() / "i18n" / "pesiar_en.ts"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d|</?[a-z]+[^>]*>")


def _english_messages() -> list[tuple[str, str, ET.Element | None]]:
    root = ET.parse(_EN_TS).getroot()
    return [
        (
            context.findtext("name") or "",
            message.findtext("source") or "",
            message.find("translation"),
        )
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def test_every_english_message_is_translated():
    """tools/translations_en.py fills pesiar_en.ts; a new UI string needs its English there."""
    unfinished = [
        f"{context}: {source!r}"
        for context, source, translation in _english_messages()
        if translation is None
        or translation.get("type") == "unfinished"
        or not (translation.text or "").strip()
    ]
    assert unfinished == [], "run tools/translations_en.py (and add what it reports)"
    differ = [
        f"{context}: {source!r} -> {translation.text!r}"
        for context, source, translation in _english_messages()
        if translation is not None
        and sorted(_PLACEHOLDER.findall(source))
        != sorted(_PLACEHOLDER.findall(translation.text or ""))
    ]
    assert differ == [], "placeholders and HTML tags must survive translation"
    assert not [c for c, _s, _t in _english_messages() if c in ("", "parent")], (
        "a context lupdate could not name (an aliased translate() or another object's tr())"
    )


def _registry_texts() -> set[str]:
    texts = set(GROUPS.values())
    for setting in REGISTRY.values():
        texts |= {setting.label, setting.help, setting.unit, setting.zero_text, setting.edited_in}
        texts |= {label for _value, label in setting.choices}
    return {text for text in texts if text and text != "Rp"}


def test_settings_registry_texts_reach_lupdate_and_english(qapp, restore_language):
    """lupdate scans only ui/: tools/gen_settings_strings.py copies the registry's texts into
    ui/settings_strings.py; each is then translated in the "Settings" context."""
    assert _registry_texts() == set(REGISTRY_TEXTS), "run tools/gen_settings_strings.py"
    in_ts = {source for context, source, _t in _english_messages() if context == "Settings"}
    assert _registry_texts() <= in_ts, "run bash tools/build-translations.sh --update"
    load_language("en")
    assert QCoreApplication.translate("Settings", SETTINGS.max_families.label) == (
        "Families per agent"
    )
    assert QCoreApplication.translate("Settings", GROUPS["agen"]) == "Agents & fees"
    assert where_to_change(SETTINGS.lock_minutes) == (
        "Settings › General settings › Security & language › Lock the session when idle"
    )


def _menu_texts(menu: QMenu) -> list[str]:
    texts = []
    for action in menu.actions():
        if action.text():
            texts.append(action.text())
        if action.menu() is not None:
            texts += _menu_texts(action.menu())
    return texts


def test_english_window_shows_no_indonesian(
    qtbot, make_window, village_db, admin, restore_language
):
    settings.put(village_db, admin, SETTINGS.language, "en")
    assert load_language(settings.read(village_db, SETTINGS.language)) is True
    window = make_window(admin)
    # Indonesian sources whose English differs: none may be shown on the sidebar or menus.
    indonesian = {
        source
        for _c, source, translation in _english_messages()
        if translation is not None and translation.text != source
    }
    sidebar = _sidebar(window)
    menus = [a.text() for a in window.menuBar().actions()]
    for action in window.menuBar().actions():
        if action.menu() is not None:
            menus += _menu_texts(action.menu())
    shown = sidebar + menus
    assert [text for text in shown if text in indonesian] == []
    for word in ("Penduduk", "Pengaturan", "Laporan", "Keluar", "Pengguna", "Kunci", "Berkas"):
        assert not [text for text in shown if word in text], word
    assert "Mapping" in sidebar and "Registration" in sidebar
    assert "Log out / switch user" in menus
    # Spot checks on pages lupdate could not reach before (settings registry, shared widgets).
    window.show_page("pengaturan")
    general = window.settings_page.general_tab
    titles = [box.title() for box in general.findChildren(QGroupBox)]
    assert "Agents && fees" in titles and "Security && language" in titles
    assert general.save_button.text() == "Save changes"
    window.show_page("registrasi")
    registrasi = window.pages["registrasi"]
    assert registrasi.search_edit.placeholderText().startswith("Search name")  # type: ignore[attr-defined]
