"""Cancelling or correcting an arrears payment, or cancelling a REHAB plan: always with a
reason (audited). Nothing is deleted: a cancelled payment stays, marked; a correction keeps
the old payment and records a new one with its own receipt (`services.reactivation`)."""

from __future__ import annotations

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
from pesiar_desktop.reportdata.reactivation import PaymentLine, ReactivationDetail
from pesiar_desktop.services import reactivation
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.reactivation import PaymentInput, PaymentResult
from pesiar_desktop.ui import formatting
from pesiar_desktop.ui.dialogs.reactivation_dialog import collector_combo
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

CANCEL_PAYMENT = "cancel_payment"
CORRECT_PAYMENT = "correct_payment"
CANCEL_PLAN = "cancel_plan"


class PaymentFixDialog(QDialog):
    """Public names: `reason`, `date_field`, `amount`, `collector`, `collector_name`
    (correction only), `errors`, `outcome` (a PaymentResult for a correction, True otherwise,
    after saving), `save()`."""

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        mode: str,
        plan: ReactivationDetail,
        payment: PaymentLine | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db, self.tasks, self.actor = db, tasks, actor
        self.mode, self.plan, self.payment = mode, plan, payment
        self.outcome: PaymentResult | bool | None = None
        self.errors = FieldErrors()
        titles = {
            CANCEL_PAYMENT: self.tr("Batalkan pembayaran"),
            CORRECT_PAYMENT: self.tr("Koreksi pembayaran"),
            CANCEL_PLAN: self.tr("Batalkan rencana REHAB"),
        }
        self.setWindowTitle(titles[mode])
        form = QFormLayout()
        if payment is not None:
            form.addRow(
                QLabel(
                    self.tr("<b>{head}</b> · tanda terima {number} · {date} · {amount}").format(
                        head=plan.head_name,
                        number=payment.receipt_number,
                        date=formatting.short_date(payment.paid_on),
                        amount=formatting.rupiah(payment.amount),
                    )
                )
            )
        else:
            form.addRow(
                QLabel(
                    self.tr("<b>{head}</b> · KK {kk} · {kind}").format(
                        head=plan.head_name, kk=plan.no_kk, kind=code_label(plan.kind_label)
                    )
                )
            )
        self.reason = QLineEdit()
        self.reason.setMaxLength(300)
        self.reason.setPlaceholderText(self.tr("mis. tercatat dua kali, salah tanggal"))
        form.addRow(self.tr("Alasan"), self.errors.field("reason", self.reason))
        self.date_field = DateField(allow_empty=False)
        self.amount = rupiah_spinbox()
        self.collector = collector_combo()
        self.collector_name = QLineEdit()
        if mode == CORRECT_PAYMENT and payment is not None:
            self.date_field.set_value(payment.paid_on)
            self.amount.setValue(payment.amount)
            self.collector.setCurrentIndex(max(0, self.collector.findData(payment.collected_by)))
            self.collector_name.setText(payment.collector_name)
            form.addRow(self.tr("Tanggal bayar"), self.errors.field("paid_on", self.date_field))
            form.addRow(self.tr("Jumlah dibayar"), self.errors.field("amount", self.amount))
            form.addRow(self.tr("Diterima oleh"), self.errors.field("collected_by", self.collector))
            form.addRow(
                self.tr("Nama penerima"), self.errors.field("collector_name", self.collector_name)
            )
            form.addRow(
                hint_label(
                    self.tr("Pembayaran lama tetap tersimpan dengan tanda 'Dikoreksi'; yang "
                            "baru mendapat nomor tanda terima sendiri.")
                )
            )  # fmt: skip
        elif mode == CANCEL_PAYMENT:
            form.addRow(
                hint_label(
                    self.tr("Pembayaran tetap tersimpan dengan tanda 'Dibatalkan'. Bila "
                            "tunggakan menjadi belum lunas, peserta kembali berstatus menunggak.")
                )
            )  # fmt: skip
        self.general_error = error_label()
        buttons = save_cancel_buttons(
            self,
            self.save,
            self.tr("Simpan koreksi") if mode == CORRECT_PAYMENT else self.tr("Batalkan"),
            self.tr("Tutup"),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.errors.clear()
        self.general_error.hide()
        reason = self.reason.text()
        mode, plan_id = self.mode, self.plan.id
        payment_id = self.payment.id if self.payment is not None else 0
        data = PaymentInput(
            self.date_field.value() or clock.today(),
            self.amount.value(),
            str(self.collector.currentData()),
            self.collector_name.text(),
        )

        def write(_context: TaskContext) -> PaymentResult | bool:
            if mode == CORRECT_PAYMENT:
                return reactivation.correct_payment(self.db, self.actor, payment_id, reason, data)
            if mode == CANCEL_PAYMENT:
                reactivation.cancel_payment(self.db, self.actor, payment_id, reason)
            else:
                reactivation.cancel_plan(self.db, self.actor, plan_id, reason)
            return True

        def done(result: PaymentResult | bool) -> None:
            self.outcome = result
            self.accept()

        run_write(
            self,
            self.tasks,
            write,
            on_success=done,
            on_error=lambda err: show_field_errors(self.errors, self.general_error, self, err),
        )
