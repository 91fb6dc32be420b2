"""One small dialog per step of a registration: VA issued, first premium paid, card
active, expired, cancelled. The service checks everything (the VA format is a setting);
its messages appear beside the fields."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.reportdata.registrations import RegistrationDetail
from pesiar_desktop.rules.premiums import describe_pattern
from pesiar_desktop.services import registrations, settings
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.settings import SETTINGS
from pesiar_desktop.ui import formatting
from pesiar_desktop.ui.i18n import code_label
from pesiar_desktop.ui.tasks import TaskContext, TaskManager
from pesiar_desktop.ui.widgets.date_field import DateField
from pesiar_desktop.ui.widgets.forms import (
    FieldErrors,
    error_label,
    hint_label,
    rupiah_spinbox,
    save_cancel_buttons,
)
from pesiar_desktop.ui.write_op import run_write, show_field_errors

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
        tasks: TaskManager,
        actor: Actor,
        reg: RegistrationDetail,
        kind: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
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
                    status=code_label(reg.status_label),
                )
            )
        )  # fmt: skip
        self.va_edit = QLineEdit()
        self.date_field = DateField(allow_empty=False)
        self.amount = rupiah_spinbox(100_000_000)
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
        buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    def _date(self) -> date:
        return self.date_field.value() or clock.today()

    def save(self) -> None:
        self.errors.clear()
        self.general_error.hide()
        reg_id, kind = self.reg.id, self.kind
        on = self._date() if kind in (KIND_VA, KIND_PAY, KIND_ACTIVATE) else None
        va = self.va_edit.text() if kind == KIND_VA else ""
        amount = self.amount.value() if kind == KIND_PAY else 0
        reason = self.reason_edit.text() if kind in (KIND_EXPIRE, KIND_CANCEL) else ""

        def write(_context: TaskContext) -> None:
            if kind == KIND_VA:
                assert on is not None
                registrations.issue_va(self.db, self.actor, reg_id, va, on)
            elif kind == KIND_PAY:
                assert on is not None
                registrations.record_payment(self.db, self.actor, reg_id, on, amount)
            elif kind == KIND_ACTIVATE:
                assert on is not None
                registrations.activate(self.db, self.actor, reg_id, on)
            elif kind == KIND_EXPIRE:
                registrations.expire(self.db, self.actor, reg_id, reason)
            else:
                registrations.cancel(self.db, self.actor, reg_id, reason)

        run_write(
            self,
            self.tasks,
            write,
            on_success=lambda _r: self.accept(),
            on_error=lambda err: show_field_errors(self.errors, self.general_error, self, err),
        )
