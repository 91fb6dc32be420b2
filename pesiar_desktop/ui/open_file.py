"""Opening a file the program made (a letter's PDF) with the computer's own program; when
there is none (no PDF reader installed), the user is told where the file is instead of
nothing happening."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def open_file(parent: QWidget | None, path: Path) -> bool:
    """True when a program opened `path`; otherwise a message names its location."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    QMessageBox.information(
        parent,
        QCoreApplication.translate("OpenFile", "Berkas tersimpan"),
        QCoreApplication.translate(
            "OpenFile",
            "Tidak ada aplikasi untuk membuka berkas ini (mis. pembaca PDF). "
            "Berkasnya tersimpan di:\n{path}",
        ).format(path=path),
    )
    return False
