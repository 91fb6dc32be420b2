"""Pengaktifan kembali: a family's arrears paid in full, or a REHAB instalment (starting a
plan of N instalments when none runs). The service checks the amount against the arrears
or the schedule; its messages appear beside the fields. The page offers the receipt."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.reportdata.reactivation import ReactivationDetail
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules.premiums import REHAB_MAX_INSTALMENTS, rehab_schedule
from pesiar_desktop.services import reactivation
from pesiar_desktop.services.arrears import FamilyArrears
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.reactivation import PaymentInput, PaymentResult
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


def collector_combo() -> QComboBox:
    """Who received the money: an Agen PESIAR, a Kader JKN or the family itself."""
    combo = QComboBox()
    for code, label in fc.COLLECTORS.items():
        combo.addItem(code_label(label), code)
    return combo


class ReactivationDialog(QDialog):
    """Public names: `full_radio`, `rehab_radio`, `instalments`, `date_field`, `amount`,
    `collector`, `collector_name`, `errors`, `payment` (the result, after saving), `save()`."""

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        arrears: FamilyArrears,
        plan: ReactivationDetail | None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.actor = actor
        self.arrears = arrears
        self.plan = plan
        self.payment: PaymentResult | None = None
        self.setWindowTitle(self.tr("Bayar tunggakan (aktifkan kembali)"))
        self.errors = FieldErrors()
        form = QFormLayout()
        form.addRow(
            QLabel(
                self.tr("<b>{head}</b> · KK {kk} · {n} jiwa menunggak, {months} bulan dihitung"
                        " · tunggakan <b>{amount}</b>").format(
                    head=arrears.head_name, kk=arrears.no_kk, n=arrears.people,
                    months=arrears.months_counted, amount=formatting.rupiah(arrears.amount_owed),
                )
            )
        )  # fmt: skip
        self.full_radio = QRadioButton(self.tr("Bayar lunas"))
        self.rehab_radio = QRadioButton(self.tr("REHAB (cicilan)"))
        self.instalments = QSpinBox()
        self.instalments.setRange(2, REHAB_MAX_INSTALMENTS)
        self.instalments.setSuffix(self.tr(" kali"))
        self.instalments.setValue(min(REHAB_MAX_INSTALMENTS, max(2, arrears.months_counted)))
        self.date_field = DateField(allow_empty=False)
        self.amount = rupiah_spinbox()
        self.collector = collector_combo()
        self.collector_name = QLineEdit()
        self.collector_name.setPlaceholderText(self.tr("nama agen / kader (agen: otomatis)"))
        if plan is not None:
            following = plan.next_instalment
            form.addRow(
                hint_label(
                    self.tr("Rencana REHAB berjalan: cicilan ke-{seq} dari {n}, {amount}.").format(
                        seq=following.seq if following else "-",
                        n=plan.instalments,
                        amount=formatting.rupiah(following.amount if following else 0),
                    )
                )
            )
            self.amount.setValue(following.amount if following else 0)
        else:
            self.full_radio.setChecked(True)
            self.rehab_radio.setEnabled(arrears.rehab_allowed)
            form.addRow(self.tr("Cara bayar"), self.errors.field("family", self.full_radio))
            form.addRow("", self.rehab_radio)
            form.addRow(
                self.tr("Jumlah cicilan"), self.errors.field("instalments", self.instalments)
            )
            self.amount.setValue(arrears.amount_owed)
            self.full_radio.toggled.connect(self._kind_changed)
            self.instalments.valueChanged.connect(self._kind_changed)
            self._kind_changed()
        form.addRow(self.tr("Tanggal bayar"), self.errors.field("paid_on", self.date_field))
        form.addRow(self.tr("Jumlah dibayar"), self.errors.field("amount", self.amount))
        form.addRow(self.tr("Diterima oleh"), self.errors.field("collected_by", self.collector))
        form.addRow(
            self.tr("Nama penerima"), self.errors.field("collector_name", self.collector_name)
        )
        self.general_error = error_label()
        buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    def _kind_changed(self) -> None:
        rehab = self.rehab_radio.isChecked()
        self.instalments.setEnabled(rehab)
        if rehab:
            first = rehab_schedule(
                self.arrears.amount_owed, self.instalments.value(), clock.today()
            )[0][2]
            self.amount.setValue(first)
        else:
            self.amount.setValue(self.arrears.amount_owed)

    def _date(self) -> date:
        return self.date_field.value() or clock.today()

    def save(self) -> None:
        self.errors.clear()
        self.general_error.hide()
        family_id = self.arrears.family_id
        rehab = (
            self.instalments.value() if self.plan is None and self.rehab_radio.isChecked() else None
        )
        data = PaymentInput(
            self._date(),
            self.amount.value(),
            str(self.collector.currentData()),
            self.collector_name.text(),
        )

        def write(_context: TaskContext) -> PaymentResult:
            return reactivation.pay(self.db, self.actor, family_id, data, rehab=rehab)

        def done(result: PaymentResult) -> None:
            self.payment = result
            self.accept()

        run_write(
            self,
            self.tasks,
            write,
            on_success=done,
            on_error=lambda err: show_field_errors(self.errors, self.general_error, self, err),
        )
