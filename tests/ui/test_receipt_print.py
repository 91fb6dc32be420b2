""" "Tanda terima…" on Registrasi prints (the print dialog, the PDF's pages rendered onto the
printer through QtPdf) as well as saves; without QtPdf the PDF is opened to print it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pdfplumber
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.services import reactivation
from pesiar_desktop.services.reactivation import PaymentInput
from pesiar_desktop.ui import print_pdf
from pesiar_desktop.ui.pages.registrasi import TAB_KEAKTIFAN, RegistrasiPage
from tests.unit.test_reactivation import _arrears
from tests.unit.test_visits_helpers import TODAY, register_budi_family


def _page_with_registration(qtbot, make_window, fv, admin) -> RegistrasiPage:  # type: ignore[no-untyped-def]
    register_budi_family(fv, admin, TODAY - timedelta(days=3))
    window = make_window(admin)
    window.show_page("registrasi")
    page = window.pages["registrasi"]
    assert isinstance(page, RegistrasiPage)
    qtbot.waitUntil(lambda: page.list_model.rowCount() == 1, timeout=10_000)
    page.list_view.selectRow(0)
    assert page.receipt_button.isEnabled()
    assert page.receipt_button.menu() is not None
    return page


def test_receipt_prints_through_the_print_dialog(
    qtbot, make_window, fv, admin, ui_paths, tmp_path, monkeypatch
):
    page = _page_with_registration(qtbot, make_window, fv, admin)
    printed = tmp_path / "printer-output.pdf"
    shown: list[str] = []

    def accept(dialog: QPrintDialog) -> int:
        # The user picks a printer: here Qt's PDF printer, so the output can be read back.
        shown.append(dialog.windowTitle())
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    page.receipt_print_action.trigger()
    qtbot.waitUntil(lambda: "dicetak" in page.list_status.text(), timeout=15_000)
    assert shown and shown[0].startswith("Cetak tanda-terima-")
    # The receipt was written to the data folder (not a shared temp folder), then printed.
    kept = list((ui_paths.data_dir / "cetak").glob("tanda-terima-*.pdf"))
    assert len(kept) == 1
    with pdfplumber.open(kept[0]) as source, pdfplumber.open(printed) as output:
        assert len(output.pages) == len(source.pages) >= 1
        assert output.pages[0].images, "each receipt page is drawn onto the printer"


def test_receipt_print_cancelled_prints_nothing(qtbot, make_window, fv, admin, monkeypatch):
    page = _page_with_registration(qtbot, make_window, fv, admin)
    rendered: list[Path] = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda _d: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(print_pdf, "render_pdf", lambda path, _p: rendered.append(path))
    assert print_pdf.print_pdf(page, Path("/nonexistent.pdf"), "x") is False
    assert rendered == []


def test_receipt_without_qtpdf_opens_the_pdf(qtbot, make_window, fv, admin, monkeypatch):
    page = _page_with_registration(qtbot, make_window, fv, admin)
    opened: list[Path] = []
    monkeypatch.setattr(print_pdf, "_has_qtpdf", lambda: False)
    monkeypatch.setattr(print_pdf, "open_file", lambda _parent, path: opened.append(path))
    page.receipt_print_action.trigger()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=15_000)
    assert opened[0].read_bytes().startswith(b"%PDF")


def test_receipt_still_saves(qtbot, make_window, fv, admin, tmp_path, monkeypatch):
    page = _page_with_registration(qtbot, make_window, fv, admin)
    target = tmp_path / "simpan" / "tanda-terima.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    page.receipt_save_action.trigger()
    qtbot.waitUntil(lambda: "tersimpan" in page.list_status.text(), timeout=15_000)
    assert target.read_bytes().startswith(b"%PDF")


def _printer_to(path: Path):  # type: ignore[no-untyped-def]
    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(path))
        return QDialog.DialogCode.Accepted

    return accept


def test_arrears_receipt_prints_from_keaktifan(
    qtbot, make_window, fv, admin, tmp_path, monkeypatch
):
    _arrears(fv, admin, 2)
    reactivation.pay(
        fv.db, admin, fv.joko_family,
        PaymentInput(TODAY - timedelta(days=1), 140_000, fc.COLLECTOR_FAMILY),
    )  # fmt: skip
    window = make_window(admin)
    window.show_page("registrasi")
    page = window.pages["registrasi"]
    assert isinstance(page, RegistrasiPage)
    page.tabs.setCurrentIndex(TAB_KEAKTIFAN)
    tab = page.keaktifan_tab
    qtbot.waitUntil(lambda: tab.payments_model.rowCount() == 1, timeout=10_000)
    tab.payments_view.selectRow(0)
    assert tab.receipt_button.isEnabled() and tab.receipt_button.menu() is not None
    printed = tmp_path / "printer-output.pdf"
    monkeypatch.setattr(QPrintDialog, "exec", _printer_to(printed))
    tab.receipt_print_action.trigger()
    qtbot.waitUntil(lambda: "dicetak" in page.followup_notice.text(), timeout=15_000)
    with pdfplumber.open(printed) as output:
        assert len(output.pages) >= 1 and output.pages[0].images
