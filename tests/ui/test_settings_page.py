"""Pengaturan › Pengaturan umum: every registry setting in one place, typed, validated
beside its field, saved and audited in one go; no message names a stored key."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QLineEdit, QSpinBox, QWidget
from sqlalchemy import select

from pesiar_desktop.models import AuditLog
from pesiar_desktop.services import settings
from pesiar_desktop.services.settings import GROUPS, REGISTRY, SETTINGS
from tests.ui.conftest import wait_written

PACKAGE = Path(__file__).resolve().parents[2] / "pesiar_desktop"


def _visible_texts(widget: QWidget) -> str:
    texts = [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]
    return "\n".join(texts)


def test_every_registry_setting_is_shown_grouped_with_its_explanation(qtbot, make_window, admin):
    window = make_window(admin)
    window.show_page("pengaturan")
    page = window.settings_page
    tab = page.general_tab
    page.tabs.setCurrentWidget(tab)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Pengaturan umum"
    assert set(tab.editors) == set(REGISTRY)
    shown = _visible_texts(tab)
    for setting in REGISTRY.values():
        assert setting.label in shown and setting.help in shown
    titles = {box.title() for box in tab.findChildren(QGroupBox)}
    assert {"Agen && honor", "Pendaftaran", "Surat", "Cadangan", "Keamanan && bahasa"} <= titles
    assert "Insentif per jiwa diaktifkan kembali" in shown
    # typed widgets: numbers in spin boxes with their range, fixed sets in combo boxes
    fee = tab.editors[SETTINGS.reactivation_fee_per_person.key].widget
    assert isinstance(fee, QSpinBox) and fee.prefix() == "Rp " and fee.maximum() == 10_000_000
    assert fee.text() == "tanpa insentif"  # 0 means none
    assert isinstance(tab.editors[SETTINGS.paper.key].widget, QComboBox)
    assert isinstance(tab.editors[SETTINGS.va_pattern.key].widget, QLineEdit)
    assert isinstance(tab.editors[SETTINGS.first_payment_until_days.key].widget, QSpinBox)
    # the mapping edited on Laporan is shown, read-only, with where it is changed
    assert "Laporan › Kolom lembar Pendaftaran (FDIP)" in shown
    # a letter number example follows the template as it is typed
    template = tab.editors[SETTINGS.number_template.key].widget
    template.setText("{kode}/{urut:03}/{tahun}")
    assert re.search(r"141/012/\d{4}", tab.number_example.text())
    assert GROUPS  # every group used by the registry has a title
    # no text on the page names a stored key
    for key in REGISTRY:
        assert key not in _visible_texts(tab)


def test_admin_saves_changes_in_one_audited_write(qtbot, make_window, admin, village_db):
    window = make_window(admin)
    tab = window.settings_page.general_tab
    tab.editors[SETTINGS.max_families.key].widget.setValue(250)
    paper = tab.editors[SETTINGS.paper.key].widget
    paper.setCurrentIndex(paper.findData("F4"))
    tab.editors[SETTINGS.reactivation_fee_per_person.key].widget.setValue(5000)
    tab.save()
    wait_written(qtbot, tab)
    assert tab.saved_label.text() == "3 pengaturan tersimpan."
    assert settings.read(village_db, SETTINGS.max_families) == 250
    assert settings.read(village_db, SETTINGS.paper) == "F4"
    assert settings.read(village_db, SETTINGS.reactivation_fee_per_person) == 5000
    with village_db.read() as session:
        keys = session.scalars(
            select(AuditLog.entity_id).where(AuditLog.action == "setting.change")
        ).all()
    assert sorted(keys) == ["agent.max_families", "fees.reactivation_per_person", "letters.paper"]
    tab.save()  # nothing changed since
    assert tab.saved_label.text() == "Tidak ada perubahan."


def test_a_bad_value_is_shown_beside_its_field_and_nothing_is_saved(
    qtbot, make_window, admin, village_db
):
    window = make_window(admin)
    tab = window.settings_page.general_tab
    tab.editors[SETTINGS.max_families.key].widget.setValue(250)
    tab.editors[SETTINGS.va_pattern.key].widget.setText("^8888(\\d{12}$")
    tab.save()
    wait_written(qtbot, tab)
    assert "bukan pola (regular expression) yang sah" in tab.errors.text(SETTINGS.va_pattern.key)
    assert settings.read(village_db, SETTINGS.max_families) == 500
    # corrected: saved
    tab.editors[SETTINGS.va_pattern.key].widget.setText(r"^\d{16}$")
    tab.save()
    wait_written(qtbot, tab)
    assert settings.read(village_db, SETTINGS.va_pattern) == r"^\d{16}$"
    assert settings.read(village_db, SETTINGS.max_families) == 250


def test_the_payment_window_may_not_end_before_it_starts(qtbot, make_window, admin, village_db):
    window = make_window(admin)
    tab = window.settings_page.general_tab
    tab.editors[SETTINGS.first_payment_until_days.key].widget.setValue(7)
    tab.save()
    wait_written(qtbot, tab)
    message = tab.errors.text(SETTINGS.first_payment_until_days.key)
    assert "tidak boleh sebelum hari mulai pembayaran (hari ke-14)" in message
    assert settings.read(village_db, SETTINGS.first_payment_until_days) == 30


def test_other_roles_see_the_values_but_cannot_change_them(qtbot, make_window, operator, viewer):
    for actor in (operator, viewer):
        window = make_window(actor)
        tab = window.settings_page.general_tab
        assert not tab.save_button.isVisibleTo(tab)
        assert all(
            not editor.widget.isEnabled()
            for editor in tab.editors.values()
            if not isinstance(editor.widget, QLabel)
        )
        assert "Hanya administrator" in _visible_texts(tab)
        spin = tab.editors[SETTINGS.max_families.key].widget
        assert spin.value() == 500


def test_a_change_elsewhere_shows_up_without_losing_unsaved_edits(
    qtbot, make_window, admin, village_db
):
    window = make_window(admin)
    tab = window.settings_page.general_tab
    tab.editors[SETTINGS.backup_keep.key].widget.setValue(20)  # not saved yet
    settings.put(village_db, admin, SETTINGS.paper, "F4")
    qtbot.waitUntil(
        lambda: tab.editors[SETTINGS.paper.key].widget.currentData() == "F4", timeout=5000
    )
    assert tab.editors[SETTINGS.backup_keep.key].widget.value() == 20

    if village_db.is_sqlite:  # Cadangan: how many backups are kept, and where to change it
        keep = window.settings_page.backup_tab.keep_label.text()
        assert "10 yang terakhir" in keep
        assert "Pengaturan › Pengaturan umum › Cadangan › Jumlah cadangan otomatis" in keep


def test_no_message_in_the_program_names_a_stored_setting_key():
    """A user reads where to change a setting (Pengaturan › …), never its key: no string
    literal outside the registry holds "Pengaturan <key>" or a key in brackets."""
    keys = "|".join(re.escape(key) for key in REGISTRY)
    pattern = re.compile(rf"(Pengaturan\s*\(?\s*({keys}))|(\(({keys})\))")
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "settings.py" and path.parent.name == "services":
            continue
        # implicit concatenation ("… (Pengaturan "\n "agent.max_families) …") joined first
        text = re.sub(r'"\s*\n\s*(?:f|rf|r)?"', "", path.read_text(encoding="utf-8"))
        for literal in re.findall(r'"(?:[^"\\\n]|\\.)*"', text):
            if pattern.search(literal):
                offenders.append(f"{path.name}: {literal}")
    assert offenders == []
