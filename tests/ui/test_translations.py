"""English interface: the .qm built by tools/build-translations.sh is loaded per the
`ui.language` setting; Indonesian (the source language) is the default."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pesiar_desktop.app import _cached_language, _follow_database_language, load_language
from pesiar_desktop.config import resources_dir
from pesiar_desktop.services import settings
from pesiar_desktop.services.settings import SETTINGS
from pesiar_desktop.ui.dialogs.users import LoginDialog
from pesiar_desktop.ui.main_window import PAGE_KEYS
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
