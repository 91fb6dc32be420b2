"""Printing a PDF the program made (a tanda terima) through the print dialog.

Qt's PDF module (PySide6.QtPdf) renders each page to an image at the printer's resolution;
the pages are drawn onto the QPrinter chosen in QPrintDialog. Without QtPdf (a trimmed
install), the PDF is opened with the computer's own program instead, whose print command
the user then uses (ui.open_file says where the file is when there is none).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QAction, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMenu, QPushButton, QWidget

from pesiar_desktop.errors import PesiarError
from pesiar_desktop.ui.open_file import open_file

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrintPdf", text)


def print_or_save_menu(
    button: QPushButton, on_print: Callable[[], None], on_save: Callable[[], None]
) -> tuple[QAction, QAction]:
    """`button` ("Tanda terima…") opens a menu: print it, or save it as a PDF."""
    menu = QMenu(button)
    print_action = menu.addAction(_tr("Cetak…"))
    print_action.setShortcut("Ctrl+P")
    print_action.triggered.connect(lambda _c=False: on_print())
    save_action = menu.addAction(_tr("Simpan PDF…"))
    save_action.triggered.connect(lambda _c=False: on_save())
    button.setMenu(menu)
    return print_action, save_action


def render_pdf(path: Path, printer: QPrinter) -> int:
    """Draws every page of the PDF at `path` onto `printer` (one sheet per page, scaled to
    the printable area, aspect kept); returns the number of pages printed."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_:
        raise PesiarError(_tr("PDF tidak dapat dibaca: {path}").format(path=path))
    painter = QPainter()
    if not painter.begin(printer):
        raise PesiarError(_tr("Printer tidak dapat dipakai."))
    try:
        dpi = printer.resolution()
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            area = painter.viewport()
            points = document.pagePointSize(index)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            size = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            image = document.render(index, size)
            painter.drawImage(QRect(area.topLeft(), size), image)
        return document.pageCount()
    finally:
        painter.end()
        document.close()


def _has_qtpdf() -> bool:
    try:
        import PySide6.QtPdf  # noqa: F401
    except ImportError:
        return False
    return True


def print_pdf(parent: QWidget | None, path: Path, title: str) -> bool:
    """The print dialog for the PDF at `path`; True when it was sent to a printer. Without
    QtPdf the PDF is opened with the computer's own program (which prints it)."""
    if not _has_qtpdf():
        log.info("QtPdf not available: opening %s to print it", path)
        open_file(parent, path)
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_tr("Cetak {title}").format(title=title))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    render_pdf(path, printer)
    return True
