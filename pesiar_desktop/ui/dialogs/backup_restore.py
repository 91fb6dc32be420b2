"""Restore preview: what the backup holds beside what the database holds now, and a
confirmation box that must be ticked before "Pulihkan" is enabled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop.services.backup import BackupPreview
from pesiar_desktop.ui.i18n import QT_TRANSLATE_NOOP
from pesiar_desktop.ui.widgets.forms import hint_label, warning_label

COUNT_LABELS = {
    "residents": QT_TRANSLATE_NOOP("RestorePreviewDialog", "Penduduk"),
    "living": QT_TRANSLATE_NOOP("RestorePreviewDialog", "Penduduk hidup"),
    "families": QT_TRANSLATE_NOOP("RestorePreviewDialog", "Keluarga (KK)"),
    "dusun": QT_TRANSLATE_NOOP("RestorePreviewDialog", "Dusun"),
    "users": QT_TRANSLATE_NOOP("RestorePreviewDialog", "Pengguna"),
    "letters": QT_TRANSLATE_NOOP("RestorePreviewDialog", "Surat"),
    "agents": QT_TRANSLATE_NOOP("RestorePreviewDialog", "Agen"),
    "visits": QT_TRANSLATE_NOOP("RestorePreviewDialog", "Kunjungan"),
    "registrations": QT_TRANSLATE_NOOP("RestorePreviewDialog", "Pendaftaran"),
    "audit_entries": QT_TRANSLATE_NOOP("RestorePreviewDialog", "Entri log audit"),
}


class RestorePreviewDialog(QDialog):
    def __init__(
        self,
        preview: BackupPreview,
        current: dict[str, int],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Pulihkan dari cadangan"))
        self.setMinimumWidth(560)
        made = (
            preview.made_at.strftime("%d-%m-%Y %H:%M")
            if preview.made_at
            else self.tr("tidak diketahui")
        )
        info = QLabel(
            self.tr(
                "<b>{file}</b><br>Desa: {village}<br>Dibuat: {made}<br>"
                "Versi aplikasi: {version}<br>Revisi skema: {revision}"
            ).format(
                file=preview.path.name,
                village=preview.village or "-",
                made=made,
                version=preview.app_version or self.tr("tidak diketahui"),
                revision=preview.revision,
            )
        )
        info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        info.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Data"), self.tr("Di cadangan"), self.tr("Sekarang")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        rows = [key for key in COUNT_LABELS if key in preview.counts or key in current]
        self.table.setRowCount(len(rows))
        for row, key in enumerate(rows):
            cells = (
                self.tr(COUNT_LABELS[key]),
                str(preview.counts.get(key, "—")),
                str(current.get(key, "—")),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        warning = warning_label(self)
        warning.setText(
            self.tr(
                "Seluruh data sekarang akan diganti dengan isi cadangan ini. Data sekarang "
                "disimpan dulu di folder cadangan (sebelum-pulih-…), jadi pemulihan dapat "
                "dibatalkan dengan memulihkan berkas itu."
            )
        )
        warning.show()
        self.confirm = QCheckBox(self.tr("Saya mengerti, ganti data sekarang dengan cadangan ini"))
        self.buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("Pulihkan"))
        self.restore_button.setEnabled(False)
        cancel = QPushButton(self.tr("Batal"))
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.confirm.toggled.connect(self.restore_button.setEnabled)
        self.restore_button.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.table, 1)
        if preview.needs_upgrade:
            layout.addWidget(
                hint_label(
                    self.tr(
                        "Cadangan ini dari versi aplikasi yang lebih lama; skemanya diperbarui "
                        "otomatis saat dipulihkan."
                    )
                )
            )
        layout.addWidget(warning)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)
