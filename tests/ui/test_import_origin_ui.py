"""The import dialog with a file from another village: the yellow warning, the tick the
commit needs, and the list of rows with what will change (issue 18 item 6)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from pesiar_desktop.models import Resident
from pesiar_desktop.ui.dialogs.import_wizard import PAGE_DONE, PAGE_PREVIEW, ImportDialog
from tests.import_files import family, moved_from, write_opensid

TIMEOUT = 20_000


def _residents(db) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return int(s.scalar(select(func.count(Resident.id))) or 0)


def _preview(qtbot, make_window, actor, path):  # type: ignore[no-untyped-def]
    window = make_window(actor)
    dialog = ImportDialog(window.db, window.tasks, actor, "residents", window, path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start_preview()
    qtbot.waitUntil(lambda: dialog.page() == PAGE_PREVIEW, timeout=TIMEOUT)
    return dialog


def test_other_village_file_is_shown_and_needs_the_tick(
    qtbot, qtmodeltester, make_window, village_db, admin, tmp_path
):
    rows = moved_from("327301", family(1, dusun="Dusun Cihampelas") + family(2))
    path = write_opensid(tmp_path / "desa-lain.xlsx", rows)
    dialog = _preview(qtbot, make_window, admin, path)
    assert dialog.origin_box.isVisible()
    text = dialog.origin_label.text()
    assert "tampaknya dari desa lain: 6 dari 6 NIK dan 2 dari 2 No KK" in text
    assert "Kec. Sukasari, Kota Bandung" in text
    assert "1 dusun yang belum ada di desa ini: Dusun Cihampelas" in text
    # The rows are shown first: who would be written.
    assert dialog.tabs.currentIndex() == 3 and dialog.tabs.tabText(3) == "Baris (6)"
    qtmodeltester.check(dialog.rows_model)
    first = dialog.rows_model.row(0)
    assert first[:3] == (2, rows[0]["nik"], "KEPALA 1")
    assert first[3:7] == (rows[0]["no_kk"], "Dusun Cihampelas", "RW 001 / RT 001", "baru")
    assert "Semua 6 baris" in dialog.rows_hint.text()

    assert not dialog.commit_button.isEnabled()
    dialog.commit()  # refused while the box is not ticked
    assert dialog.page() == PAGE_PREVIEW and _residents(village_db) == 0
    dialog.origin_check.setChecked(True)
    assert dialog.commit_button.isEnabled()
    dialog.origin_check.setChecked(False)
    assert not dialog.commit_button.isEnabled()
    dialog.origin_check.setChecked(True)
    qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page() == PAGE_DONE, timeout=TIMEOUT)
    assert _residents(village_db) == 6
    dialog.reject()


def test_normal_file_needs_no_tick_and_lists_its_rows(
    qtbot, make_window, village_db, admin, tmp_path
):
    path = write_opensid(tmp_path / "a.xlsx", family(1) + family(2, dusun="Dusun Timur", rt=3))
    dialog = _preview(qtbot, make_window, admin, path)
    assert not dialog.origin_box.isVisible()
    assert dialog.commit_button.isEnabled()
    assert dialog.rows_model.rowCount() == 6
    assert [dialog.rows_model.row(r)[6] for r in range(6)] == ["baru"] * 6
    qtbot.mouseClick(dialog.commit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.page() == PAGE_DONE, timeout=TIMEOUT)
    assert _residents(village_db) == 6
    dialog.reject()


def test_viewers_see_the_rows_masked(qtbot, make_window, village_db, viewer, tmp_path):
    rows = moved_from("327301", family(1))
    dialog = _preview(qtbot, make_window, viewer, write_opensid(tmp_path / "a.xlsx", rows))
    assert dialog.origin_box.isVisible()
    row = dialog.rows_model.row(0)
    assert row[1] == "3273********" + str(rows[0]["nik"])[-4:]
    assert row[3].startswith("3273") and "********" in row[3]
    dialog.origin_check.setChecked(True)
    assert not dialog.commit_button.isEnabled()  # viewers cannot import anyway
    dialog.reject()
