"""One small dialog per step of a registration: VA issued, first premium paid, card
active, expired, cancelled. The service checks everything (the VA format is a setting);
its messages appear beside the fields."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.errors import PesiarError, ValidationError
from pesiar_desktop.rules.premiums import describe_pattern
from pesiar_desktop.services import registrations, settings
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.registrations import RegistrationDetail
from pesiar_desktop.services.settings import SETTINGS
from pesiar_desktop.ui import formatting
from pesiar_desktop.ui.widgets.date_field import DateField
from pesiar_desktop.ui.widgets.forms import FieldErrors, error_label, hint_label, show_error

KIND_VA = "va"
KIND_PAY = "pay"
KIND_ACTIVATE = "activate"
KIND_EXPIRE = "expire"
KIND_CANCEL = "cancel"
TITLES = {
    KIND_VA: "Catat nomor VA dari BPJS",
    KIND_PAY: "Catat pembayaran iuran pertama",
    KIND_ACTIVATE: "Kartu JKN aktif",
    KIND_EXPIRE: "Tandai kedaluwarsa",
    KIND_CANCEL: "Batalkan pendaftaran",
}


class RegistrationActionDialog(QDialog):
    """Public names: `va_edit`, `date_field`, `amount`, `reason_edit`, `errors`, `save()`."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        reg: RegistrationDetail,
        kind: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.reg = reg
        self.kind = kind
        self.setWindowTitle(self.tr(TITLES[kind]))
        self.errors = FieldErrors()
        form = QFormLayout()
        form.addRow(
            QLabel(
                self.tr("<b>{head}</b> · KK {kk} · tanda terima {number} · {status}").format(
                    head=reg.head_name, kk=reg.no_kk, number=reg.receipt_number,
                    status=reg.status_label,
                )
            )
        )  # fmt: skip
        self.va_edit = QLineEdit()
        self.date_field = DateField(allow_empty=False)
        self.amount = QSpinBox()
        self.amount.setRange(0, 100_000_000)
        self.amount.setSingleStep(1000)
        self.amount.setPrefix("Rp")
        self.amount.setGroupSeparatorShown(True)
        self.amount.setValue(reg.monthly_premium)
        self.reason_edit = QLineEdit()
        if kind == KIND_VA:
            pattern = settings.read(db, SETTINGS.va_pattern)
            form.addRow(self.tr("Nomor VA"), self.errors.field("va_number", self.va_edit))
            form.addRow(
                hint_label(self.tr("Format: {rule}.").format(rule=describe_pattern(pattern)))
            )
            form.addRow(
                self.tr("Tanggal terbit"), self.errors.field("va_issued_on", self.date_field)
            )
        elif kind == KIND_PAY:
            form.addRow(self.tr("Tanggal bayar"), self.errors.field("paid_on", self.date_field))
            form.addRow(self.tr("Jumlah dibayar"), self.errors.field("paid_amount", self.amount))
            form.addRow(
                hint_label(
                    self.tr("Iuran keluarga per bulan: {amount}").format(
                        amount=formatting.rupiah(reg.monthly_premium)
                    )
                )
            )
        elif kind == KIND_ACTIVATE:
            form.addRow(self.tr("Tanggal aktif"), self.errors.field("active_on", self.date_field))
            form.addRow(
                hint_label(
                    self.tr(
                        "Status kepesertaan {n} anggota menjadi Aktif dan tercatat di riwayat."
                    ).format(n=len(reg.included))
                )
            )
        else:
            self.reason_edit.setPlaceholderText(
                self.tr("boleh kosong") if kind == KIND_EXPIRE else self.tr("wajib diisi")
            )
            form.addRow(self.tr("Alasan"), self.errors.field("cancel_reason", self.reason_edit))
        self.general_error = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    def _date(self) -> date:
        return self.date_field.value() or clock.today()

    def save(self) -> None:
        self.errors.clear()
        self.general_error.hide()
        reg_id = self.reg.id
        try:
            if self.kind == KIND_VA:
                registrations.issue_va(
                    self.db, self.actor, reg_id, self.va_edit.text(), self._date()
                )
            elif self.kind == KIND_PAY:
                registrations.record_payment(
                    self.db, self.actor, reg_id, self._date(), self.amount.value()
                )
            elif self.kind == KIND_ACTIVATE:
                registrations.activate(self.db, self.actor, reg_id, self._date())
            elif self.kind == KIND_EXPIRE:
                registrations.expire(self.db, self.actor, reg_id, self.reason_edit.text())
            else:
                registrations.cancel(self.db, self.actor, reg_id, self.reason_edit.text())
        except ValidationError as err:
            unplaced = self.errors.show(err.field_errors)
            if unplaced:
                self.general_error.setText("\n".join(unplaced.values()))
                self.general_error.show()
            return
        except PesiarError as err:
            show_error(self, err)
            return
        self.accept()
