"""Add / edit dialogs and the family actions, driven like a user would."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from pesiar_desktop.models import Family, Resident
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.nik import nik_for
from pesiar_desktop.services import residents, village
from pesiar_desktop.ui.dialogs.family_actions import (
    KIND_DEAD,
    ChangeHeadDialog,
    LifeEventDialog,
    MoveDialog,
)
from pesiar_desktop.ui.dialogs.resident_dialog import ResidentDialog
from tests.ui.conftest import POPULATION, show_residents, wait_loaded, wait_written


def select_person(qtbot, page, resident_id: int) -> None:
    page.table.selectRow(page.model.row_of(resident_id))
    qtbot.waitUntil(
        lambda: (
            page.family_panel.family is not None
            and page.family_panel.focus_member() is not None
            and page.family_panel.focus_member().id == resident_id
        ),
        timeout=5000,
    )


def open_dialog(page, opener) -> QDialog:
    opener()
    dialog = page.active_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_edit_shows_field_error_then_saves(qtbot, make_window, village_db, admin, filled):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    budi = filled.residents["BUDI SANTOSO"]
    select_person(qtbot, page, budi)
    dialog = open_dialog(page, page.edit_selected)
    assert isinstance(dialog, ResidentDialog)
    nik_edit = dialog.fields["nik"]
    good_nik = nik_edit.text()
    assert dialog.fields["name"].text() == "BUDI SANTOSO"
    nik_edit.clear()
    qtbot.keyClicks(nik_edit, "52010112")
    qtbot.keyClick(nik_edit, Qt.Key.Key_Return)  # Enter = save
    wait_written(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors.text("nik") == "NIK harus 16 digit (terisi 8)."
    assert dialog.errors.label("nik").isVisible()
    assert dialog.focusWidget() is nik_edit
    # Typing in the field takes its message away (saving checks again).
    qtbot.keyClick(nik_edit, Qt.Key.Key_Backspace)
    assert not dialog.errors.label("nik").isVisible() and not dialog.errors.text("nik")
    # Fix it, change the phone number, save.
    nik_edit.setText(good_nik)
    dialog.fields["phone"].setText("081234567890")
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_value is not None
    assert residents.load_resident(village_db, budi)[0].phone == "081234567890"
    # The page refreshes itself and keeps the person selected.
    wait_loaded(qtbot, page)
    assert page.selected_resident_id() == budi


def test_escape_cancels_without_saving(qtbot, make_window, village_db, admin, filled):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    select_person(qtbot, page, filled.residents["DEWI LESTARI"])
    dialog = open_dialog(page, page.edit_selected)
    dialog.fields["name"].setText("NAMA LAIN")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.fields["name"], Qt.Key.Key_Escape)
    assert residents.load_resident(village_db, filled.residents["DEWI LESTARI"])[0].name == (
        "DEWI LESTARI"
    )


def test_nik_warning_needs_confirmation(qtbot, make_window, village_db, admin, filled):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    select_person(qtbot, page, filled.residents["DEWI LESTARI"])
    dialog = open_dialog(page, page.add_member)
    assert dialog.fields["shdk"].currentData() == 4  # Anak by default
    # The NIK says another birth date than the one typed: a warning, not an error.
    dialog.fields["nik"].setText(nik_for("520101", date(2015, 6, 1), 1, 77))
    dialog.fields["name"].setText("Bayu")
    dialog.fields["sex"].setCurrentIndex(dialog.fields["sex"].findData(1))
    dialog.fields["birth_date"].setDate(QDate(2015, 6, 2))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.nik_warning.isVisible()
    assert "Tanggal lahir di NIK" in dialog.nik_warning.text()
    assert dialog.save_button.text() == "Tetap simpan"
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_value is not None and dialog.result_value.warnings
    with village_db.read() as s:
        bayu = s.scalar(select(Resident).where(Resident.name == "BAYU"))
        assert bayu.family_id == filled.families["DEWI LESTARI"]
        assert bayu.shdk == 4


def test_add_family_flow(qtbot, make_window, village_db, admin, filled):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    dialog = open_dialog(page, page.add_family)
    assert dialog.choose_new.isChecked()
    assert dialog.fields["shdk"].currentData() == codes.SHDK_HEAD
    # Save empty: every required field says what is missing, the NIK field gets focus.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_written(qtbot, dialog)
    assert dialog.errors.text("nik") == "NIK wajib diisi."
    assert dialog.errors.text("name") == "Nama wajib diisi."
    assert dialog.errors.text("birth_date") == "Tanggal lahir wajib diisi."
    born = date(1988, 9, 15)
    nik = nik_for("520101", born, 2, 501)
    qtbot.keyClicks(dialog.fields["nik"], nik)
    qtbot.keyClicks(dialog.fields["name"], "wayan  sukerti")
    dialog.fields["sex"].setCurrentIndex(dialog.fields["sex"].findData(2))
    dialog.fields["birth_date"].setDate(QDate(1988, 9, 15))
    dialog.fields["jkn_status"].setCurrentIndex(
        dialog.fields["jkn_status"].findData(codes.STATUS_ACTIVE)
    )
    dialog.fields["segment"].setCurrentIndex(dialog.fields["segment"].findData("PBPU"))
    qtbot.keyClicks(dialog.fields["no_kk"], "12345")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_written(qtbot, dialog)
    # The family part is checked by the service too.
    assert dialog.errors.text("no_kk") == "No KK harus 16 digit (terisi 5)."
    assert dialog.errors.text("rt_id") == "Wilayah (dusun/RT) wajib dipilih."
    assert dialog.focusWidget() is dialog.fields["no_kk"]
    dialog.fields["no_kk"].setText("5201011203150099")
    rt = village.list_areas(village_db)[2]
    dialog.fields["rt_id"].setCurrentIndex(dialog.fields["rt_id"].findData(rt.rt_id))
    dialog.fields["address"].setText("Jl. Kenanga 7")
    dialog.fields["welfare_decile"].setCurrentIndex(dialog.fields["welfare_decile"].findData(3))
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    new_id = dialog.result_value.resident_id
    with village_db.read() as s:
        family = s.scalar(select(Family).where(Family.no_kk == "5201011203150099"))
        assert (family.rt_id, family.address, family.welfare_decile) == (
            rt.rt_id,
            "Jl. Kenanga 7",
            3,
        )
        person = s.get(Resident, new_id)
        assert (person.name, person.shdk, person.family_id) == ("WAYAN SUKERTI", 1, family.id)
    # The table picks up the new person and selects them; the panel shows the new KK.
    qtbot.waitUntil(lambda: page.model.rowCount() == POPULATION + 1, timeout=5000)
    qtbot.waitUntil(lambda: page.selected_resident_id() == new_id, timeout=5000)
    qtbot.waitUntil(
        lambda: (
            page.family_panel.family is not None
            and page.family_panel.family.no_kk == "5201011203150099"
        ),
        timeout=5000,
    )
    # Then a member for that KK from the panel.
    dialog = open_dialog(page, page.add_member)
    dialog.fields["nik"].setText(nik_for("520101", date(2012, 1, 5), 1, 502))
    dialog.fields["name"].setText("Komang")
    dialog.fields["sex"].setCurrentIndex(dialog.fields["sex"].findData(1))
    dialog.fields["birth_date"].setDate(QDate(2012, 1, 5))
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.fields["name"], Qt.Key.Key_Enter)
    qtbot.waitUntil(
        lambda: page.family_panel.family is not None and len(page.family_panel.family.members) == 2,
        timeout=5000,
    )


def test_add_to_existing_family_by_search(qtbot, make_window, village_db, admin, filled):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    dialog = ResidentDialog(village_db, window.tasks, admin, page, new_family=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.choose_existing.isChecked()
    assert not dialog.new_family_widget.isVisible()
    with qtbot.waitSignal(dialog.family_picker.results_shown, timeout=5000):
        qtbot.keyClicks(dialog.family_picker.search_edit, "ahmad")
    assert dialog.family_picker.family_id() == filled.families["AHMAD FAUZI"]
    dialog.fields["nik"].setText(nik_for("520101", date(2001, 3, 3), 1, 601))
    dialog.fields["name"].setText("Rizki Fauzi")
    dialog.fields["sex"].setCurrentIndex(dialog.fields["sex"].findData(1))
    dialog.fields["birth_date"].setDate(QDate(2001, 3, 3))
    dialog.fields["shdk"].setCurrentIndex(dialog.fields["shdk"].findData(4))
    with qtbot.waitSignal(dialog.finished):
        dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_value.family_id == filled.families["AHMAD FAUZI"]


def test_mark_dead_asks_for_new_head(qtbot, make_window, village_db, admin, filled):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    budi = filled.residents["BUDI SANTOSO"]
    select_person(qtbot, page, budi)
    dialog = open_dialog(page, lambda: page.mark_member(KIND_DEAD))
    assert isinstance(dialog, LifeEventDialog)
    assert dialog.new_head is not None  # head of a family with living members
    assert "BUDI SANTOSO" in dialog.message.text()
    # Enter does not confirm a destructive action.
    assert not dialog.ok_button.isDefault()
    assert dialog.date.value() == date.today()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_written(qtbot, dialog)
    assert dialog.isVisible()
    assert "pilih anggota lain" in dialog.errors.text("new_head")
    dialog.new_head.setCurrentIndex(dialog.new_head.findData(filled.residents["SITI AMINAH"]))
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    with village_db.read() as s:
        assert s.get(Resident, budi).life_status == codes.LIFE_DEAD
        assert s.get(Resident, filled.residents["SITI AMINAH"]).shdk == codes.SHDK_HEAD
    qtbot.waitUntil(lambda: page.model.row_of(budi) is None, timeout=5000)
    assert page.model.rowCount() == POPULATION - 1


def test_move_to_other_family(qtbot, make_window, village_db, admin, filled):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    rina = filled.residents["RINA SANTOSO"]
    select_person(qtbot, page, rina)
    dialog = open_dialog(page, page.move_member)
    assert isinstance(dialog, MoveDialog)
    assert dialog.new_head is None
    with qtbot.waitSignal(dialog.picker.results_shown, timeout=5000):
        qtbot.keyClicks(dialog.picker.search_edit, "dewi")
    assert dialog.picker.family_id() == filled.families["DEWI LESTARI"]
    dialog.shdk.setCurrentIndex(dialog.shdk.findData(9))
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    with village_db.read() as s:
        moved = s.get(Resident, rina)
        assert (moved.family_id, moved.shdk) == (filled.families["DEWI LESTARI"], 9)
    qtbot.waitUntil(
        lambda: (
            page.family_panel.family is not None
            and page.family_panel.family.id == filled.families["DEWI LESTARI"]
        ),
        timeout=5000,
    )


def test_move_to_new_family(qtbot, make_window, village_db, admin, filled):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    putu = filled.residents["PUTU ANGGARA"]
    select_person(qtbot, page, putu)
    dialog = open_dialog(page, page.move_member)
    dialog.to_new.setChecked(True)
    assert dialog.shdk.currentData() == codes.SHDK_HEAD and not dialog.shdk.isEnabled()
    dialog.new_family.no_kk.setText("5201011203150077")
    dialog.new_family.rt.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    with village_db.read() as s:
        moved = s.get(Resident, putu)
        assert moved.family.no_kk == "5201011203150077" and moved.shdk == codes.SHDK_HEAD


def test_change_head(qtbot, make_window, village_db, admin, filled):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    putu = filled.residents["PUTU ANGGARA"]
    select_person(qtbot, page, putu)
    dialog = open_dialog(page, page.change_head)
    assert isinstance(dialog, ChangeHeadDialog)
    assert dialog.new_head.currentData() == putu  # the focused person is preselected
    assert dialog.old_shdk.currentData() == 2  # KETUT (male) becomes Suami by default
    dialog.old_shdk.setCurrentIndex(dialog.old_shdk.findData(7))  # Orang Tua
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    with village_db.read() as s:
        assert s.get(Resident, putu).shdk == codes.SHDK_HEAD
        assert s.get(Resident, filled.residents["KETUT WIRAWAN"]).shdk == 7
    qtbot.waitUntil(lambda: page.family_panel.head.text() == "PUTU ANGGARA", timeout=5000)


def test_viewer_dialog_cannot_save(qtbot, village_db, viewer, filled, make_window):
    window = make_window(viewer)
    dialog = ResidentDialog(
        village_db, window.tasks, viewer, window, resident_id=filled.residents["DEWI LESTARI"]
    )
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    assert "hanya dapat melihat" in dialog.general_error.text()
