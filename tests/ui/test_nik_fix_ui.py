"""Perbaiki NIK from the Penduduk page: a newborn saved without a NIK (the form's tick),
listed with the reason, fixed in the work list with a NIK that is checked first."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate

from pesiar_desktop import clock
from pesiar_desktop.models import Resident
from pesiar_desktop.rules.nik import nik_for
from pesiar_desktop.ui.dialogs.nik_fix import REASON_WIDTH, NikFixDialog
from pesiar_desktop.ui.dialogs.resident_dialog import ResidentDialog
from tests.ui.conftest import show_residents, wait_written
from tests.ui.test_resident_dialogs import open_dialog, select_person


def test_birth_without_a_nik_then_fixed_in_the_work_list(
    qtbot, make_window, village_db, admin, filled
):
    window = make_window(admin)
    page = show_residents(qtbot, window)
    select_person(qtbot, page, filled.residents["BUDI SANTOSO"])
    born = clock.today() - timedelta(days=2)
    dialog = open_dialog(page, page.family_panel.birth_button.click)
    assert isinstance(dialog, ResidentDialog)
    dialog.fields["name"].setText("Bayi Santoso")
    dialog.fields["sex"].setCurrentIndex(dialog.fields["sex"].findData(1))
    dialog.fields["birth_date"].setDate(QDate(born.year, born.month, born.day))
    dialog.fields["nik_to_fix"].setChecked(True)  # no NIK yet: kept, flagged
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.save()
        if dialog.isVisible():  # the warning is shown once; Simpan again keeps it
            dialog.save()
    baby = dialog.result_value.resident_id

    work = open_dialog(page, page.nik_fix_button.click)
    assert isinstance(work, NikFixDialog)
    [row] = work.rows
    assert row.name == "BAYI SANTOSO" and "bayi baru lahir" in row.reason
    assert work.table.item(0, 1).text() == "(kosong)"
    assert not work.save_button.isEnabled()  # nobody chosen yet
    work.table.selectRow(0)
    work.nik_edit.setText("520101")
    work.save()
    wait_written(qtbot, work)
    qtbot.waitUntil(lambda: work.error.isVisible(), timeout=5_000)
    assert "16 digit" in work.error.text()
    right = nik_for("520101", born, 1, 4321)
    work.table.selectRow(0)
    work.nik_edit.setText(right)
    work.save()
    wait_written(qtbot, work)
    qtbot.waitUntil(lambda: not work.rows, timeout=5_000)
    with village_db.read() as s:
        person = s.get(Resident, baby)
        assert (person.nik, person.nik_problem) == (right, None)


def test_viewer_sees_the_work_list_masked_and_cannot_fix(
    qtbot, make_window, village_db, admin, viewer, filled
):
    from pesiar_desktop.services import residents

    data, _member, _fid, _life = residents.load_resident(
        village_db, filled.residents["SITI AMINAH"]
    )
    written = data.nik[:15]
    data.nik, data.nik_to_fix = written, True
    residents.edit_resident(village_db, admin, filled.residents["SITI AMINAH"], data)
    window = make_window(viewer)
    page = show_residents(qtbot, window)
    work = NikFixDialog(village_db, window.tasks, viewer, page)
    qtbot.addWidget(work)
    assert work.table.item(0, 1).text() == "*" * 15
    assert "16 digit" in work.table.item(0, 2).text()
    work.table.selectRow(0)
    assert not work.save_button.isEnabled()
    assert "hanya dapat melihat" in work.intro.text()  # not "… lalu Simpan"
    assert "lalu Simpan" not in work.intro.text()


def test_a_long_reason_leaves_the_columns_that_say_who_in_view(
    qtbot, village_db, admin, tasks, filled
):
    """A reason quoting the number ("NIK 5201…: nomor urut … 0000 tidak mungkin, …") is
    cut (whole in its tooltip) so Tgl lahir, No KK and Dusun stay in the 860-px dialog."""
    with village_db.transaction() as s:
        person = s.get(Resident, filled.residents["BUDI SANTOSO"])
        person.nik_problem = "NIK " + "5201016511040000: nomor urut 0000 tidak mungkin " * 3
    dialog = NikFixDialog(village_db, tasks, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.rows
    row = next(i for i, r in enumerate(dialog.rows) if r.name == "BUDI SANTOSO")
    assert dialog.table.item(row, 2).toolTip().startswith("NIK 5201016511040000")
    header = dialog.table.horizontalHeader()
    assert dialog.table.columnWidth(2) <= REASON_WIDTH
    assert header.sectionPosition(5) + 40 <= dialog.table.viewport().width()
