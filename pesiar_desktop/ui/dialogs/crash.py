"""Shown for an unexpected error: what happened, the details to copy for support,
and where the log is. The program keeps running."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    def __init__(self, details: str, log_dir: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Terjadi kesalahan"))
        self.resize(640, 420)
        where = (
            self.tr("Catatan lengkap tersimpan di folder {folder}.").format(folder=log_dir)
            if log_dir
            else ""
        )
        message = QLabel(
            self.tr(
                "Maaf, terjadi kesalahan yang tidak terduga. Data yang sudah tersimpan aman; "
                "perubahan yang sedang dikerjakan mungkin belum tersimpan. Salin rincian di bawah "
                "dan kirimkan kepada pendamping/penyedia aplikasi."
            )
            + (" " + where if where else "")
        )
        message.setWordWrap(True)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        copy = QPushButton(self.tr("Salin rincian"))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
