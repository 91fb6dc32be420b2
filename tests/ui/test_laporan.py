"""Laporan page: preview of the month, Pendaftaran columns arranged and saved per branch,
exports in the background (xlsx read back with calamine, PDF, Dana Desa), viewer limits."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from python_calamine import CalamineWorkbook

from pesiar_desktop.reportdata.recap import DEFAULT_COLUMNS, PENDAFTARAN_COLUMNS
from pesiar_desktop.services import recap
from tests.conftest import make_user
from tests.fieldwork_builder import FieldworkBuilder
from tests.ui.conftest import wait_written

HEADER = 4


def _page(qtbot, window):
    window.show_page("laporan")
    page = window.pages["laporan"]
    page.select_month(date.today())
    assert page.month() == date.today().replace(day=1)
    qtbot.waitUntil(lambda: page.preview.rowCount() > 0, timeout=10_000)
    return page


def _export(qtbot, page, call, path):
    with qtbot.waitSignal(page.exported, timeout=20_000) as blocker:
        call(path)
    assert blocker.args == [str(path)]
    assert path.is_file()
    return path


def _scene(village_db, filled):
    today = date.today()
    b = FieldworkBuilder(village_db)
    agent = b.agent("SITI RAHMAWATI")
    assignment = b.assignment(
        agent,
        today.replace(day=1),
        today.replace(day=28),
        budget=5_000_000,
        apbdes_code="2.3.01",
        apbdes_name="Agen PESIAR",
    )
    b.registration(filled.families["BUDI SANTOSO"], agent, today.replace(day=1), "va_issued")
    b.registration(filled.families["DEWI LESTARI"], None, today.replace(day=1), "submitted")
    b.fee(assignment, f"{today:%Y-%m}", honorarium=500_000, paid_on=today.replace(day=1))
    return agent


def test_preview_and_exports(qtbot, make_window, village_db, operator, filled, tmp_path):
    _scene(village_db, filled)
    window = make_window(operator)
    page = _page(qtbot, window)
    assert page.preview.item(0, 0).text() == "SITI RAHMAWATI"
    assert page.preview.item(1, 0).text() == recap.NO_AGENT
    assert "4 jiwa didaftarkan" in page.summary.text()  # 3 + 1
    assert "0 jiwa diaktifkan kembali" in page.summary.text()
    assert page.preview.item(0, 9).text() == "0"  # Aktif kembali (jiwa), its own column

    out = _export(qtbot, page, page.export_recap, tmp_path / "rekap.xlsx")
    assert "4 jiwa" in page.status.text() and page.open_button.isEnabled()
    assert page.last_output == out
    book = CalamineWorkbook.from_path(str(out))
    rows = book.get_sheet_by_name("Pendaftaran").to_python(skip_empty_area=False)
    assert rows[HEADER][:3] == ["No", "No KK", "NIK"]
    assert all(isinstance(r[2], str) and len(r[2]) == 16 for r in rows[HEADER + 1 : HEADER + 5])

    pdf = _export(qtbot, page, page.export_pdf, tmp_path / "rekap.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    dana = _export(qtbot, page, page.export_dana_desa, tmp_path / "dana.xlsx")
    assert "Rp500.000" in page.status.text()
    sheet = CalamineWorkbook.from_path(str(dana)).get_sheet_by_name("Realisasi").to_python()
    assert any(r[1] == "SITI RAHMAWATI" for r in sheet)
    window.grab().save(str(tmp_path / "laporan.png"))


def test_columns_saved_per_branch(qtbot, make_window, village_db, operator, filled, tmp_path):
    _scene(village_db, filled)
    window = make_window(operator)
    page = _page(qtbot, window)
    items = [page.column_list.item(i) for i in range(page.column_list.count())]
    assert [i.data(Qt.ItemDataRole.UserRole) for i in items][:20] == list(DEFAULT_COLUMNS)
    # NIK before No KK, drop "Agen", add "Status pendaftaran" at the end of the chosen ones.
    page.column_list.setCurrentRow(2)
    page.up_button.click()
    assert page.chosen_columns()[:3] == ["no", "nik", "no_kk"]
    for i in range(page.column_list.count()):
        item = page.column_list.item(i)
        key = item.data(Qt.ItemDataRole.UserRole)
        if key == "agen":
            item.setCheckState(Qt.CheckState.Unchecked)
        if key == "status":
            item.setCheckState(Qt.CheckState.Checked)
    chosen = page.chosen_columns()
    assert "agen" not in chosen and chosen[-1] == "status"
    page.branch_combo.setEditText("BPJS Cabang Mataram")
    with qtbot.waitSignal(page.columns_saved, timeout=10_000) as saved:
        page.save_columns()
    assert saved.args == ["BPJS Cabang Mataram"]
    assert recap.columns_for(village_db, "BPJS Cabang Mataram") == chosen
    assert "BPJS Cabang Mataram" in page.status.text()
    assert page.branch_combo.findText("BPJS Cabang Mataram") >= 0

    out = _export(qtbot, page, page.export_recap, tmp_path / "mataram.xlsx")
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Pendaftaran").to_python()
    header = next(r for r in rows if r and r[0] == "No")
    assert header[: len(chosen)] == [PENDAFTARAN_COLUMNS[k] for k in chosen]

    # The default branch keeps the FDIP order; an empty choice is refused beside the list.
    page.branch_combo.setEditText("")
    page._load_columns()
    assert page.chosen_columns() == list(DEFAULT_COLUMNS)
    for i in range(page.column_list.count()):
        page.column_list.item(i).setCheckState(Qt.CheckState.Unchecked)
    with qtbot.assertNotEmitted(page.columns_saved):
        page.save_columns()
        wait_written(qtbot, page)
    assert "paling sedikit satu kolom" in page.columns_error.text()


def test_viewer_cannot_export_personal_data(qtbot, make_window, village_db, filled):
    viewer = make_user(village_db, "viewer")
    window = make_window(viewer)
    window.show_page("laporan")
    page = window.pages["laporan"]
    assert not page.recap_button.isEnabled()
    assert "NIK" in page.recap_button.toolTip()
    assert not page.save_button.isEnabled()
    assert page.pdf_button.isEnabled() and page.dana_button.isEnabled()
