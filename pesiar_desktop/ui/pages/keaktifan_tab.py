"""Registrasi › Keaktifan: every reactivation (arrears paid in full or a REHAB plan) with its
schedule and payments; the next instalment, a receipt again, and the corrections an office
needs (cancel or correct a payment, cancel a plan nobody paid), each with a reason."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop import clock
from pesiar_desktop.reportdata.reactivation import (
    PaymentLine,
    ReactivationDetail,
    ReactivationRow,
)
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.services import reactivation
from pesiar_desktop.ui import formatting, icons
from pesiar_desktop.ui.dialogs.payment_fix_dialog import (
    CANCEL_PAYMENT,
    CANCEL_PLAN,
    CORRECT_PAYMENT,
    PaymentFixDialog,
)
from pesiar_desktop.ui.i18n import code_label
from pesiar_desktop.ui.pages.sisir import _table, fit_columns
from pesiar_desktop.ui.print_pdf import print_or_save_menu
from pesiar_desktop.ui.save_dialog import get_save_file_name
from pesiar_desktop.ui.tablemodels.fieldwork import GOOD, LATE, MUTED, Row, rows_model
from pesiar_desktop.ui.tasks import TaskContext
from pesiar_desktop.ui.widgets.forms import explain_read_only, hint_label

if TYPE_CHECKING:
    from pesiar_desktop.ui.pages.registrasi import RegistrasiPage

STATUS_COLOURS = {
    fc.REACTIVATION_OPEN: None,
    fc.REACTIVATION_COMPLETED: GOOD,
    fc.REACTIVATION_CANCELLED: MUTED,
}


def collector_text(payment: PaymentLine) -> str:
    """PaymentLine.collector_label in the current language: "Kader JKN (Sri)"."""
    kind = code_label(fc.COLLECTORS.get(payment.collected_by, payment.collected_by))
    return f"{kind} ({payment.collector_name})" if payment.collector_name else kind


class KeaktifanTab(QWidget):
    """Public names: `status_combo`, `model`, `view`, `detail_label`, `payments_model`,
    `payments_view`, `plan` (the selected reactivation's detail), the buttons, `reload()`,
    `open_fix(mode)`."""

    def __init__(self, page: RegistrasiPage):
        super().__init__(page)
        self.page = page
        self.plan: ReactivationDetail | None = None
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Semua"), None)
        for code, label in fc.REACTIVATION_STATUSES.items():
            self.status_combo.addItem(code_label(label), code)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.model = rows_model(
            [self.tr("Mulai"), self.tr("Kepala keluarga"), self.tr("No KK"), self.tr("Wilayah"),
             self.tr("Agen"), self.tr("Cara"), self.tr("Jiwa"), self.tr("Tunggakan"),
             self.tr("Dibayar"), self.tr("Sisa"), self.tr("Cicilan berikutnya"),
             self.tr("Status")],
            right_aligned=(6, 7, 8, 9),
        )  # fmt: skip
        self.view = _table(self.model, sort_column=None)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._load_detail())
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.payments_model = rows_model(
            [self.tr("Cicilan"), self.tr("Tanggal bayar"), self.tr("Jumlah"),
             self.tr("Diterima oleh"), self.tr("Tanda terima"), self.tr("Status"),
             self.tr("Alasan")],
            right_aligned=(0, 2),
        )  # fmt: skip
        self.payments_view = _table(self.payments_model, sort_column=None)
        self.payments_view.selectionModel().currentRowChanged.connect(
            lambda *_a: self._update_buttons()
        )
        can_write = page.actor.can(reactivation.PERMISSION)
        self.pay_button = QPushButton(
            icons.icon("fa5s.hand-holding-usd"), self.tr("Bayar cicilan…")
        )
        self.receipt_button = QPushButton(icons.icon("fa5s.receipt"), self.tr("Tanda terima…"))
        self.correct_button = QPushButton(self.tr("Koreksi pembayaran…"))
        self.cancel_payment_button = QPushButton(self.tr("Batalkan pembayaran…"))
        self.cancel_plan_button = QPushButton(self.tr("Batalkan rencana…"))
        self.pay_button.clicked.connect(self.pay_next)
        self.receipt_print_action, self.receipt_save_action = print_or_save_menu(
            self.receipt_button, self.print_receipt, self.save_receipt
        )
        self.correct_button.clicked.connect(lambda: self.open_fix(CORRECT_PAYMENT))
        self.cancel_payment_button.clicked.connect(lambda: self.open_fix(CANCEL_PAYMENT))
        self.cancel_plan_button.clicked.connect(lambda: self.open_fix(CANCEL_PLAN))
        # Enabled by what is selected: each says what it needs.
        self.pay_button.setToolTip(self.tr("Cicilan berikutnya dari rencana yang dipilih"))
        for button in (self.correct_button, self.cancel_payment_button, self.receipt_button):
            button.setToolTip(self.tr("Pilih satu pembayaran yang sah di daftar pembayaran"))
        self.cancel_plan_button.setToolTip(
            self.tr("Hanya rencana yang belum punya pembayaran sah: batalkan dulu pembayarannya")
        )
        self._write_buttons = [
            self.pay_button, self.correct_button, self.cancel_payment_button,
            self.cancel_plan_button,
        ]  # fmt: skip
        for button in self._write_buttons:
            button.setVisible(can_write)
        explain_read_only(
            page.can_export,
            self.receipt_button,
            why=self.tr("Peran Anda tidak berhak mengekspor data pribadi."),
        )
        self.status = QLabel()
        # The last action's outcome: its own line, so the list's refresh (which rewrites
        # `status`) cannot erase it.
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Status")))
        top.addWidget(self.status_combo)
        top.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.pay_button, self.receipt_button, self.correct_button,
                       self.cancel_payment_button, self.cancel_plan_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.detail_label, 2)
        lower_layout.addWidget(self.payments_view, 3)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(lower)
        splitter.setSizes([300, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.notice)
        layout.addWidget(
            hint_label(
                self.tr("Peserta aktif kembali setelah tunggakan lunas (REHAB: cicilan terakhir). "
                        "Pembayaran tidak pernah dihapus: batalkan atau koreksi dengan alasan.")
            )
        )  # fmt: skip
        self._update_buttons()

    # ------------------------------------------------------------ list and detail

    def reload(self) -> None:
        status = self.status_combo.currentData()

        def job(_ctx: TaskContext) -> list[ReactivationRow]:
            return reactivation.list_reactivations(self.page.db, status)

        self.page.tasks.run(job, self._loaded, self.page._failed, key=f"{self.page._key}.keakt")

    def _loaded(self, rows: list[ReactivationRow]) -> None:
        selected = self.selected_id()
        rupiah, n = formatting.rupiah, formatting.number
        today = clock.today()  # an open plan whose next instalment is overdue shows late
        self.model.set_rows(
            [
                Row(
                    r.id,
                    (
                        formatting.short_date(r.started_on),
                        r.head_name,
                        self.page._show(r.no_kk),
                        r.area_label,
                        r.agent_name,
                        code_label(r.kind_label),
                        n(r.people),
                        rupiah(r.amount_owed),
                        rupiah(r.paid_total),
                        rupiah(r.remaining),
                        formatting.short_date(r.next_due_on) if r.next_due_on else "—",
                        code_label(r.status_label),
                    ),
                    (
                        r.started_on,
                        None,
                        None,
                        None,
                        None,
                        None,
                        r.people,
                        r.amount_owed,
                        r.paid_total,
                        r.remaining,
                        r.next_due_on,
                    ),
                    LATE
                    if r.next_due_on is not None and r.next_due_on < today
                    else STATUS_COLOURS.get(r.status),
                )  # fmt: skip
                for r in rows
            ]
        )
        fit_columns(self.view)
        open_plans = sum(1 for r in rows if r.status == fc.REACTIVATION_OPEN)
        self.status.setText(
            self.tr("{n} pengaktifan kembali ditampilkan; {open} rencana REHAB berjalan.").format(
                n=n(len(rows)), open=n(open_plans)
            )
        )
        row = self.model.row_of(selected) if selected is not None else None
        if row is None and rows:
            row = 0
        if row is not None:
            self.view.selectRow(row)
        self._load_detail()

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        key = self.model.key(index.row()) if index.isValid() else None
        return int(key) if key is not None else None

    def _load_detail(self) -> None:
        reactivation_id = self.selected_id()
        if reactivation_id is None:
            self._show_detail(None)
            return

        def job(_ctx: TaskContext) -> ReactivationDetail:
            return reactivation.detail(self.page.db, reactivation_id)

        self.page.tasks.run(
            job, self._show_detail, self.page._failed, key=f"{self.page._key}.keakt-detail"
        )

    def _show_detail(self, plan: ReactivationDetail | None) -> None:
        self.plan = plan
        if plan is None:
            self.detail_label.setText(
                self.tr("Pilih satu baris untuk melihat jadwal dan pembayaran.")
            )
            self.payments_model.set_rows([])
            self._update_buttons()
            return
        rupiah = formatting.rupiah
        lines = [
            f"<b>{escape(plan.head_name)}</b> · {escape(plan.area_label)}",
            self.tr("{kind} · {status} · {months} bulan tunggakan dihitung · {amount}").format(
                kind=escape(code_label(plan.kind_label)),
                status=escape(code_label(plan.status_label)),
                months=plan.months_counted,
                amount=rupiah(plan.amount_owed),
            ),  # fmt: skip
            self.tr("Anggota: {names}").format(
                names=escape(", ".join(m.name for m in plan.members))
            ),
        ]
        if plan.kind == fc.REACTIVATION_REHAB:
            rows = "".join(
                f"<tr><td>{line.seq}</td><td>{formatting.short_date(line.due_on)}</td>"
                f"<td align='right'>{rupiah(line.amount)}</td><td>"
                + (
                    self.tr("dibayar {date}").format(date=formatting.short_date(line.paid_on))
                    if line.paid_on
                    else self.tr("belum")
                )
                + "</td></tr>"
                for line in plan.schedule
            )
            lines.append(
                "<table cellspacing='0' cellpadding='2'><tr><th>"
                + self.tr("Ke")
                + "</th><th>"
                + self.tr("Jatuh tempo")
                + "</th><th>"
                + self.tr("Jumlah")
                + "</th><th></th></tr>"
                + rows
                + "</table>"
            )
        if plan.cancel_reason:
            lines.append(self.tr("Dibatalkan: {reason}").format(reason=escape(plan.cancel_reason)))
        self.detail_label.setText("<br>".join(lines))
        self.payments_model.set_rows(
            [
                Row(
                    p.id,
                    (
                        str(p.seq),
                        formatting.short_date(p.paid_on),
                        rupiah(p.amount),
                        collector_text(p),
                        p.receipt_number,
                        code_label(p.status_label),
                        p.reason,
                    ),
                    (p.seq, p.paid_on, p.amount),
                    None if p.valid else MUTED,
                )  # fmt: skip
                for p in plan.payments
            ]
        )
        fit_columns(self.payments_view)
        last_valid = max((i for i, p in enumerate(plan.payments) if p.valid), default=None)
        if last_valid is not None:
            self.payments_view.selectRow(last_valid)
        self._update_buttons()

    def selected_payment(self) -> PaymentLine | None:
        index = self.payments_view.currentIndex()
        if self.plan is None or not index.isValid():
            return None
        key = self.payments_model.key(index.row())
        return self.plan.payment(int(key)) if key is not None else None

    def _update_buttons(self) -> None:
        plan, payment = self.plan, self.selected_payment()
        is_open = plan is not None and plan.status == fc.REACTIVATION_OPEN
        unpaid_plan = plan is not None and is_open and not any(p.valid for p in plan.payments)
        valid = payment is not None and payment.valid
        self.pay_button.setEnabled(plan is not None and is_open and bool(plan.next_instalment))
        self.receipt_button.setEnabled(valid and self.page.can_export)
        self.correct_button.setEnabled(valid)
        self.cancel_payment_button.setEnabled(valid)
        self.cancel_plan_button.setEnabled(unpaid_plan)

    # ------------------------------------------------------------ actions

    def pay_next(self) -> None:
        if self.plan is not None:
            self.page.open_reactivation(self.plan.family_id)

    def print_receipt(self) -> None:
        payment = self.selected_payment()
        if payment is None or not payment.valid:
            return
        self.page.print_arrears_receipt(payment.id, payment.receipt_number)

    def save_receipt(self) -> None:
        payment = self.selected_payment()
        if payment is None or not payment.valid:
            return
        path, _filter = get_save_file_name(
            self,
            self.tr("Simpan tanda terima"),
            f"tanda-terima-{payment.receipt_number.replace('/', '-')}.pdf",
            "PDF (*.pdf)",
        )
        if path:
            self.page.export_arrears_receipt(payment.id, Path(path))

    def open_fix(self, mode: str) -> PaymentFixDialog | None:
        plan = self.plan
        payment = self.selected_payment() if mode != CANCEL_PLAN else None
        if plan is None or (mode != CANCEL_PLAN and (payment is None or not payment.valid)):
            return None
        if not self.page.actor.can(reactivation.PERMISSION):
            return None
        dialog = PaymentFixDialog(
            self.page.db, self.page.tasks, self.page.actor, mode, plan, payment, self
        )

        def accepted() -> None:
            texts = {
                CANCEL_PAYMENT: self.tr("Pembayaran dibatalkan."),
                CORRECT_PAYMENT: self.tr("Pembayaran dikoreksi; tanda terima baru dibuat."),
                CANCEL_PLAN: self.tr("Rencana REHAB dibatalkan."),
            }
            self.notice.setText(texts[mode])
            self.reload()

        self.page._open(dialog, accepted)
        return dialog
