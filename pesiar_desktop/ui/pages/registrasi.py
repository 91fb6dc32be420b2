"""Registrasi: the families' registrations and their steps, the follow-up list (unpaid
first premiums, members in arrears per agent) and the agents' monthly progress."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop import clock
from pesiar_desktop.config import AppPaths
from pesiar_desktop.db import Database
from pesiar_desktop.errors import PesiarError
from pesiar_desktop.reportdata.reactivation import ReactivationDetail
from pesiar_desktop.reportdata.registrations import RegistrationDetail
from pesiar_desktop.reportdata.reminders import ReminderNotice
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules import reminders as rc
from pesiar_desktop.services import arrears as arrears_service
from pesiar_desktop.services import followups, progress, reactivation, registrations, reminders
from pesiar_desktop.services.arrears import FamilyArrears
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.events import Topic
from pesiar_desktop.services.followups import ArrearsRow, UnpaidRow
from pesiar_desktop.services.progress import AgentMonth
from pesiar_desktop.services.registrations import RegistrationFilter, RegistrationRow
from pesiar_desktop.services.reminders import LastReminder, ReminderTarget, SlipExport, WhatsAppLink
from pesiar_desktop.ui import formatting, icons
from pesiar_desktop.ui.bus import DataBus
from pesiar_desktop.ui.dialogs.reactivation_dialog import ReactivationDialog
from pesiar_desktop.ui.dialogs.registration_actions import (
    KIND_ACTIVATE,
    KIND_CANCEL,
    KIND_EXPIRE,
    KIND_PAY,
    KIND_VA,
    RegistrationActionDialog,
)
from pesiar_desktop.ui.dialogs.registration_dialog import RegistrationDialog
from pesiar_desktop.ui.i18n import code_label, label_of
from pesiar_desktop.ui.pages.base import ServicePage
from pesiar_desktop.ui.pages.keaktifan_tab import KeaktifanTab
from pesiar_desktop.ui.pages.sisir import _table, fit_columns
from pesiar_desktop.ui.print_pdf import print_or_save_menu, print_pdf
from pesiar_desktop.ui.save_dialog import get_save_file_name
from pesiar_desktop.ui.tablemodels.fieldwork import GOOD, LATE, MUTED, WARN, Row, rows_model
from pesiar_desktop.ui.tasks import TaskContext, TaskManager
from pesiar_desktop.ui.widgets.date_field import today_qdate
from pesiar_desktop.ui.widgets.forms import (
    code_items,
    explain_read_only,
    fill_combo,
    hint_label,
    show_error,
)
from pesiar_desktop.ui.widgets.tables import LoadingNotice, search_box
from pesiar_desktop.ui.write_op import run_write

TAB_LIST, TAB_FOLLOWUP, TAB_PROGRESS, TAB_KEAKTIFAN = range(4)
UNPAID, ARREARS = rc.KIND_FIRST_PREMIUM, rc.KIND_ARREARS  # the follow-up tab's two lists
# The unpaid list's "Pembayaran iuran pertama" column (what the family may still do): never cut.
UNPAID_WINDOW_COLUMN = 1
# "Wilayah" in the registrations, unpaid and arrears lists: a long dusun must not cut the RT.
LIST_AREA_COLUMN, UNPAID_AREA_COLUMN, ARREARS_AREA_COLUMN = 4, 4, 5
FollowUps = tuple[list[UnpaidRow], list[ArrearsRow], dict[tuple[int, str], LastReminder]]
REFRESH_TOPICS = {
    Topic.REGISTRATIONS,
    Topic.VISITS,
    Topic.ADVOCACY,
    Topic.RESIDENTS,
    Topic.MEMBERSHIPS,
    Topic.AGENTS,
}
STATUS_COLOURS = {
    fc.STATUS_SUBMITTED: WARN,
    fc.STATUS_VA_ISSUED: WARN,
    fc.STATUS_PAID: GOOD,
    fc.STATUS_ACTIVE: GOOD,
    fc.STATUS_EXPIRED: MUTED,
    fc.STATUS_CANCELLED: MUTED,
}
# Which step buttons apply to which status (the service checks again).
STEP_FOR = {
    KIND_VA: (fc.STATUS_SUBMITTED,),
    KIND_PAY: (fc.STATUS_VA_ISSUED,),
    KIND_ACTIVATE: (fc.STATUS_PAID, fc.STATUS_SUBMITTED),
    KIND_EXPIRE: (fc.STATUS_SUBMITTED, fc.STATUS_VA_ISSUED),
    KIND_CANCEL: fc.OPEN_STATUSES,
}


class RegistrasiPage(ServicePage):
    """Public names used by tests: `tabs`, `list_model`, `list_view`, `unpaid_model`,
    `arrears_model`, `progress_model`, `active_dialog`, `open_registration()`,
    `activate()`."""

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        bus: DataBus,
        actor: Actor,
        parent: QWidget | None = None,
    ):
        super().__init__(db, tasks, actor, parent)
        self.can_write = actor.can("registrations.write")
        self.can_export = actor.can("personal.export")
        self._rows: dict[int, RegistrationRow] = {}
        self._arrears_family: dict[int, int] = {}  # resident id -> family id (follow-up list)
        self._arrears_rows: dict[tuple[str, int], ArrearsRow] = {}  # by the list's row key
        self.can_remind = actor.can(reminders.PERMISSION)
        self._select_after: int | None = None
        self._loaded = False
        self._dirty = False
        self._key = f"registrasi.{id(self)}"
        # Receipts to print are written here (the data folder's "cetak" once set_paths ran).
        self.print_dir = Path(tempfile.gettempdir()) / "pesiar-cetak"
        title = QLabel(self.tr("Registrasi"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_list_tab(), self.tr("Pendaftaran"))
        self.tabs.addTab(self._build_followup_tab(), self.tr("Tindak Lanjut"))
        self.tabs.addTab(self._build_progress_tab(), self.tr("Progres Agen"))
        self.keaktifan_tab = KeaktifanTab(self)
        self.tabs.addTab(self.keaktifan_tab, self.tr("Keaktifan"))
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        bus.changed.connect(self._on_data_changed)

    def _show(self, value: str) -> str:
        return self.personal(value)

    # ------------------------------------------------------------ registrations tab

    def _build_list_tab(self) -> QWidget:
        self.search_edit, self._search_timer = search_box(
            self, self.tr("Cari nama, NIK, No KK, VA atau tanda terima…"), 260, self.reload_list
        )
        self.status_combo = QComboBox()
        fill_combo(
            self.status_combo,
            code_items(fc.REGISTRATION_STATUSES),
            self.tr("Semua status"),
        )
        self.path_combo = QComboBox()
        fill_combo(
            self.path_combo,
            code_items(fc.REGISTRATION_PATHS),
            self.tr("Semua jalur"),
        )
        for combo in (self.status_combo, self.path_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
            combo.currentIndexChanged.connect(lambda _i: self.reload_list())
        self.new_button = QPushButton(icons.icon("fa5s.user-plus"), self.tr("Daftarkan keluarga…"))
        self.new_button.clicked.connect(lambda: self.open_registration())
        self.new_button.setEnabled(self.can_write)
        explain_read_only(self.can_write, self.new_button)
        self.step_buttons: dict[str, QPushButton] = {}
        for kind, text, icon in (
            (KIND_VA, "Nomor VA…", "fa5s.barcode"),
            (KIND_PAY, "Sudah bayar…", "fa5s.money-bill"),
            (KIND_ACTIVATE, "Kartu aktif…", "fa5s.check-circle"),
            (KIND_EXPIRE, "Kedaluwarsa…", "fa5s.hourglass-end"),
            (KIND_CANCEL, "Batalkan…", "fa5s.times-circle"),
        ):
            button = QPushButton(icons.icon(icon), self.tr(text))
            button.clicked.connect(lambda _c=False, kind=kind: self.open_step(kind))
            button.setEnabled(False)
            button.setToolTip(self.tr("Pilih sebuah pendaftaran di daftar"))
            explain_read_only(self.can_write, button)
            self.step_buttons[kind] = button
        self.receipt_button = QPushButton(icons.icon("fa5s.print"), self.tr("Tanda terima…"))
        self.receipt_button.setToolTip(self.tr("Pilih pendaftaran yang iuran pertamanya dibayar"))
        self.receipt_print_action, self.receipt_save_action = print_or_save_menu(
            self.receipt_button, self.print_receipt, self.ask_receipt
        )
        self.receipt_button.setEnabled(False)
        self.proposal_button = QPushButton(icons.icon("fa5s.file-excel"), self.tr("Usulan PBI…"))
        self.proposal_button.setToolTip(
            self.tr("Daftar usulan PBPU Pemda / PBI yang masih diajukan, untuk Dinas Sosial")
        )
        self.proposal_button.clicked.connect(self.ask_proposal)
        self.proposal_button.setEnabled(self.can_export)
        self.employer_button = QPushButton(icons.icon("fa5s.building"), self.tr("Laporan PPU BU…"))
        self.employer_button.setToolTip(
            self.tr("Pemberi kerja yang belum mendaftarkan pekerjanya, untuk BPJS cabang")
        )
        self.employer_button.clicked.connect(self.ask_employer_report)
        self.employer_button.setEnabled(self.can_export)
        explain_read_only(
            self.can_export,
            self.receipt_button,
            self.proposal_button,
            self.employer_button,
            why=self.tr("Peran Anda tidak berhak mengekspor data pribadi."),
        )
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.status_combo)
        top.addWidget(self.path_combo)
        top.addWidget(self.new_button)
        steps = QHBoxLayout()
        for button in self.step_buttons.values():
            steps.addWidget(button)
        steps.addStretch(1)
        steps.addWidget(self.receipt_button)
        steps.addWidget(self.proposal_button)
        steps.addWidget(self.employer_button)
        self.list_model = rows_model(
            [self.tr("Tanda terima"), self.tr("Tanggal"), self.tr("Kepala keluarga"),
             self.tr("No KK"), self.tr("Wilayah"), self.tr("Jalur"), self.tr("Jiwa"),
             self.tr("Iuran/bulan"), self.tr("Status"), self.tr("Nomor VA"),
             self.tr("Batas bayar"), self.tr("Agen")],
            right_aligned=(6, 7),
            colour_column=8,
        )  # fmt: skip
        self.list_view = _table(self.list_model, 1, Qt.SortOrder.DescendingOrder)  # newest
        self.list_loading = LoadingNotice(self.list_view)
        self.list_view.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._selection_changed()
        )
        self.list_view.doubleClicked.connect(lambda _i: self._default_step())
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail_label.setStyleSheet(
            "background: #f4f7fb; border: 1px solid #d5dde8; padding: 6px;"
        )
        self.list_status = QLabel()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list_view)
        splitter.addWidget(self.detail_label)
        splitter.setSizes([420, 160])
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addLayout(steps)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.list_status)
        return tab

    def reload_list(self) -> None:
        self._search_timer.stop()
        filt = RegistrationFilter(
            status=self.status_combo.currentData(),
            path=self.path_combo.currentData(),
            search=self.search_edit.text(),
        )

        def job(_ctx: TaskContext) -> list[RegistrationRow]:
            return registrations.list_registrations(self.db, filt)

        self.list_loading.start()
        self.tasks.run(job, self._list_loaded, self._failed, key=f"{self._key}.list")

    def _list_loaded(self, rows: list[RegistrationRow]) -> None:
        self.list_loading.stop()
        selected = self._select_after or self.selected_id()
        if self._select_after is not None and any(r.id == self._select_after for r in rows):
            self._select_after = None  # kept until a list that has it arrives
        self._rows = {r.id: r for r in rows}
        self.list_model.set_rows(
            [
                Row(
                    r.id,
                    (
                        r.receipt_number,
                        formatting.short_date(r.registered_on),
                        r.head_name,
                        self._show(r.no_kk),
                        r.area_label,
                        label_of(fc.PATH_SHORT, r.path, r.path),
                        str(r.people),
                        formatting.rupiah(r.monthly_premium) if r.path == fc.PATH_PBPU else "-",
                        label_of(fc.REGISTRATION_STATUSES, r.status, r.status),
                        self._show(r.va_number),
                        formatting.short_date(r.payment_due),
                        r.agent_name,
                    ),
                    (
                        r.receipt_number,
                        r.registered_on,
                        None,
                        None,
                        None,
                        None,
                        r.people,
                        r.monthly_premium,
                        None,
                        None,
                        r.payment_due,
                    ),
                    STATUS_COLOURS.get(r.status),
                )  # fmt: skip
                for r in rows
            ]
        )
        fit_columns(self.list_view, whole=(LIST_AREA_COLUMN,))
        waiting = sum(1 for r in rows if r.status in fc.UNPAID_STATUSES)
        self.list_status.setText(
            self.tr("{n} pendaftaran ditampilkan; {w} menunggu iuran pertama.").format(
                n=formatting.number(len(rows)), w=waiting
            )
        )
        if selected is not None:
            row = self.list_model.row_of(selected)
            if row is not None:
                self.list_view.selectRow(row)
        self._selection_changed()

    def _select_when_listed(self, reg_id: int | None) -> None:
        """Select a registration now if the list already has it (the data-changed reload
        can arrive before the write's own result), else when a list with it arrives."""
        row = self.list_model.row_of(reg_id) if reg_id is not None else None
        if row is not None:
            self.list_view.selectRow(row)
            self._selection_changed()
        else:
            self._select_after = reg_id

    def selected_id(self) -> int | None:
        index = self.list_view.currentIndex()
        key = self.list_model.key(index.row()) if index.isValid() else None
        return int(key) if key is not None else None

    def _selection_changed(self) -> None:
        reg_id = self.selected_id()
        row = self._rows.get(reg_id) if reg_id is not None else None
        for kind, button in self.step_buttons.items():
            allowed = row is not None and row.status in STEP_FOR[kind]
            if row is not None and kind == KIND_ACTIVATE and row.status == fc.STATUS_SUBMITTED:
                allowed = row.path != fc.PATH_PBPU
            if row is not None and kind in (KIND_VA, KIND_PAY, KIND_EXPIRE):
                allowed = allowed and row.path == fc.PATH_PBPU
            button.setEnabled(self.can_write and allowed)
        self.receipt_button.setEnabled(self.can_export and row is not None)
        if reg_id is None:
            self.detail_label.setText(self.tr("Pilih pendaftaran untuk melihat rinciannya."))
            return
        try:
            detail = registrations.detail(self.db, reg_id)
        except PesiarError as err:
            self.detail_label.setText(str(err))
            return
        self.detail_label.setText(self._detail_html(detail))

    def _detail_html(self, d: RegistrationDetail) -> str:
        members = "; ".join(
            f"{m.name} ({label_of(codes.JKN_CLASS, m.jkn_class, '-')}"
            + (f", {formatting.rupiah(m.monthly_premium)})" if d.path == fc.PATH_PBPU else ")")
            for m in d.included
        )
        lines = [
            f"<b>{d.head_name}</b> · KK {self._show(d.no_kk)} · {d.address} · {d.area_label}"
            + (f" · HP {self._show(d.phone)}" if d.phone else ""),
            self.tr("{path} · {status} · didaftarkan {day} oleh {who}").format(
                path=code_label(d.path_label),
                status=code_label(d.status_label),
                day=formatting.long_date(d.registered_on),
                who=d.recorded_by,
            )
            + (self.tr(" · agen {name}").format(name=d.agent_name) if d.agent_name else ""),
            self.tr("Anggota: {members}").format(members=members),
        ]
        if d.path == fc.PATH_PBPU:
            lines.append(
                f"Iuran {formatting.rupiah(d.monthly_premium)}/bulan · VA {self._show(d.va_number) or '-'} · "
                f"batas bayar {formatting.long_date(d.payment_due) or '-'}"
                + (
                    f" · dibayar {formatting.long_date(d.paid_on)} "
                    f"{formatting.rupiah(d.paid_amount)}"
                    if d.paid_on
                    else ""
                )
                + (f" · aktif {formatting.long_date(d.active_on)}" if d.active_on else "")
            )
        if d.excluded:
            lines.append(
                "<span style='color:#a15c00'>"
                + self.tr("Tidak didaftarkan: {who}").format(
                    who="; ".join(f"{m.name}: {m.exclusion_reason}" for m in d.excluded)
                )
                + "</span>"
            )
        if d.employer_name:
            lines.append(f"Pemberi kerja: {d.employer_name} {d.employer_address}")
        if d.cancel_reason:
            lines.append(f"Alasan: {d.cancel_reason}")
        return "<br>".join(lines)

    def open_registration(self, family_id: int | None = None) -> RegistrationDialog | None:
        if not self.can_write:
            return None
        dialog = RegistrationDialog(self.db, self.tasks, self.actor, self, family_id)

        def accepted() -> None:
            self._select_when_listed(dialog.saved_id)
            self.tabs.setCurrentIndex(TAB_LIST)
            self.list_status.setText(
                self.tr("Pendaftaran tersimpan. Cetak tanda terima untuk keluarga.")
            )

        self._open(dialog, accepted)
        return dialog

    def open_step(self, kind: str) -> RegistrationActionDialog | None:
        reg_id = self.selected_id()
        if reg_id is None or not self.can_write:
            return None
        try:
            detail = registrations.detail(self.db, reg_id)
        except PesiarError as err:
            show_error(self, err)
            return None
        dialog = RegistrationActionDialog(self.db, self.tasks, self.actor, detail, kind, self)
        self._open(dialog)
        return dialog

    def _default_step(self) -> None:
        for button in self.step_buttons.values():
            if button.isEnabled():
                button.click()
                return

    def set_paths(self, paths: AppPaths) -> None:
        self.print_dir = paths.data_dir / "cetak"

    def _selected_row(self) -> RegistrationRow | None:
        reg_id = self.selected_id()
        return self._rows.get(reg_id) if reg_id is not None else None

    @staticmethod
    def _receipt_name(number: str) -> str:
        return f"tanda-terima-{number.replace('/', '-')}.pdf"

    def ask_receipt(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        name = self._receipt_name(row.receipt_number)
        target, _f = get_save_file_name(self, self.tr("Simpan tanda terima"), name, "*.pdf")
        if target:
            self.export_receipt(row.id, Path(target))

    def print_receipt(self) -> None:
        """The receipt is written to the data folder's "cetak" (audited, like a save),
        then the print dialog prints it."""
        row = self._selected_row()
        if row is None or not self.can_export:
            return
        self.print_dir.mkdir(parents=True, exist_ok=True)
        path = self.print_dir / self._receipt_name(row.receipt_number)
        self.export_receipt(row.id, path, then_print=True)

    def _print(self, path: Path, status: QLabel) -> None:
        try:
            printed = print_pdf(self, path, path.stem)
        except PesiarError as err:
            show_error(self, err)
            return
        if printed:
            status.setText(self.tr("Tanda terima dicetak: {p}").format(p=path.name))

    def export_receipt(self, reg_id: int, path: Path, *, then_print: bool = False) -> None:
        def job(_ctx: TaskContext) -> Path:
            return registrations.export_receipt(self.db, self.actor, reg_id, path)

        def done(written: Path) -> None:
            if then_print:
                self._print(written, self.list_status)
                return
            self.list_status.setText(self.tr("Tanda terima tersimpan: {p}").format(p=written))

        run_write(self, self.tasks, job, on_success=done, on_error=self._failed)

    def ask_proposal(self) -> None:
        target, _f = get_save_file_name(
            self, self.tr("Simpan usulan PBI"), "usulan-pbi-dinas-sosial.xlsx", "*.xlsx"
        )
        if target:
            self.export_proposal(Path(target))

    def export_proposal(self, path: Path) -> None:
        def job(_ctx: TaskContext) -> tuple[Path, int]:
            return registrations.export_proposal_xlsx(self.db, self.actor, path)

        def done(result: tuple[Path, int]) -> None:
            self.list_status.setText(
                self.tr("Usulan {n} jiwa tersimpan: {p}").format(n=result[1], p=result[0])
            )

        run_write(self, self.tasks, job, on_success=done, on_error=self._failed)

    def ask_employer_report(self) -> None:
        target, _f = get_save_file_name(
            self, self.tr("Simpan laporan PPU BU"), "laporan-ppu-bu-bpjs.xlsx", "*.xlsx"
        )
        if target:
            self.export_employer_report(Path(target))

    def export_employer_report(self, path: Path) -> None:
        def job(_ctx: TaskContext) -> tuple[Path, int]:
            return registrations.export_employer_report_xlsx(self.db, self.actor, path)

        def done(result: tuple[Path, int]) -> None:
            self.list_status.setText(
                self.tr("Laporan PPU BU {n} orang tersimpan: {p}").format(n=result[1], p=result[0])
            )

        run_write(self, self.tasks, job, on_success=done, on_error=self._failed)

    # ------------------------------------------------------------ follow-up tab

    def _build_followup_tab(self) -> QWidget:
        self.near_days = QSpinBox()
        self.near_days.setRange(0, 90)
        self.near_days.setValue(followups.NEAR_DAYS)
        self.near_days.setPrefix(self.tr("jatuh tempo dalam "))
        self.near_days.setSuffix(self.tr(" hari, dan semua yang terlambat"))
        self.near_days.valueChanged.connect(lambda _v: self.reload_followups())
        self.unpaid_model = rows_model(
            [self.tr("Batas bayar"), self.tr("Pembayaran iuran pertama"),
             self.tr("Kepala keluarga"),
             self.tr("No KK"), self.tr("Wilayah"), self.tr("No HP"), self.tr("Jiwa"),
             self.tr("Iuran/bulan"), self.tr("Status"), self.tr("Nomor VA"), self.tr("Agen"),
             self.tr("HP agen"), self.tr("Terakhir diingatkan")],
            right_aligned=(6, 7),
        )  # fmt: skip
        self.unpaid_view = _table(self.unpaid_model)
        self.unpaid_loading = LoadingNotice(self.unpaid_view)
        self.unpaid_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.arrears_model = rows_model(
            [self.tr("Agen"), self.tr("HP agen"), self.tr("Nama"), self.tr("NIK"),
             self.tr("No KK"), self.tr("Wilayah"), self.tr("No HP"), self.tr("Segmen"),
             self.tr("Bulan tunggakan"), self.tr("Tunggakan (maks. 24 bln)"),
             self.tr("Terakhir diingatkan")],
            right_aligned=(8, 9),
        )  # fmt: skip
        self.arrears_view = _table(self.arrears_model)
        self.arrears_loading = LoadingNotice(self.arrears_view)
        self.arrears_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.followup_status = QLabel()
        # The last action's outcome has its own line: the counts above are refreshed by every
        # data-changed notice, which may arrive just after the write that caused it.
        self.followup_notice = QLabel()
        self.followup_notice.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("<b>Belum bayar iuran pertama</b>")))
        top.addWidget(self.near_days)
        top.addStretch(1)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.unpaid_view, 1)
        upper_layout.addLayout(self._reminder_buttons(UNPAID))
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(
            QLabel(self.tr("<b>Peserta menunggak di wilayah tiap agen</b> (ingatkan, tawarkan "
                           "cicilan REHAB untuk tunggakan 4–24 bulan)"))
        )  # fmt: skip
        lower_layout.addWidget(self.arrears_view, 1)
        self.reactivate_button = QPushButton(
            icons.icon("fa5s.hand-holding-usd"), self.tr("Bayar tunggakan (aktifkan kembali)…")
        )
        self.reactivate_button.setEnabled(self.actor.can("reactivations.write"))
        explain_read_only(self.actor.can("reactivations.write"), self.reactivate_button)
        self.reactivate_button.clicked.connect(lambda: self.open_reactivation())
        self.arrears_view.doubleClicked.connect(lambda _i: self.open_reactivation())
        arrears_buttons = self._reminder_buttons(ARREARS)
        arrears_buttons.insertWidget(0, self.reactivate_button)
        lower_layout.addLayout(arrears_buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.followup_status)
        layout.addWidget(self.followup_notice)
        return tab

    def reload_followups(self) -> None:
        near = self.near_days.value()

        def job(_ctx: TaskContext) -> FollowUps:
            today = clock.today()
            unpaid = followups.unpaid_registrations(self.db, today, near)
            arrears = followups.arrears_by_agent(self.db)
            families = {r.family_id for r in unpaid} | {r.family_id for r in arrears}
            # A very long list asks for every family's (no huge IN list).
            wanted = families if len(families) <= 2000 else None
            return unpaid, arrears, reminders.last_reminded(self.db, wanted)

        self.unpaid_loading.start()
        self.arrears_loading.start()
        self.tasks.run(job, self._followups_loaded, self._failed, key=f"{self._key}.fu")

    def _followups_loaded(self, result: FollowUps) -> None:
        self.unpaid_loading.stop()
        self.arrears_loading.stop()
        unpaid, arrears, last = result
        today = clock.today()

        def reminded(family_id: int, kind: str) -> str:
            found = last.get((family_id, kind))
            if found is None:
                return self.tr("belum")
            return f"{formatting.short_date(found.sent_on)} · {self.tr(found.channel_label)}"

        def left_text(r: UnpaidRow) -> str:
            days = r.days_left(today)
            window = r.window_status(today)
            label = label_of(fc.WINDOW_STATUSES, window)
            if days is None:
                return self.tr("tanpa batas")
            if window == fc.WINDOW_NOT_YET and r.payment_from is not None:
                return self.tr("{label} (mulai {day})").format(
                    label=label, day=formatting.short_date(r.payment_from)
                )
            if days < 0:
                return self.tr("{label} (terlambat {n} hari)").format(label=label, n=-days)
            return self.tr("{label} (sisa {n} hari)").format(label=label, n=days)

        self.unpaid_model.set_rows(
            [
                Row(
                    r.registration_id,
                    (
                        formatting.short_date(r.payment_due),
                        left_text(r),
                        r.head_name,
                        self._show(r.no_kk),
                        r.area_label,
                        self._show(r.phone),
                        str(r.people),
                        formatting.rupiah(r.monthly_premium),
                        label_of(fc.REGISTRATION_STATUSES, r.status, r.status),
                        self._show(r.va_number),
                        r.agent_name,
                        self._show(r.agent_phone),
                        reminded(r.family_id, UNPAID),
                    ),
                    (
                        r.payment_due,
                        r.days_left(today),
                        None,
                        None,
                        None,
                        None,
                        r.people,
                        r.monthly_premium,
                    ),
                    LATE if r.is_late(today) else WARN,
                )  # fmt: skip
                for r in unpaid
            ]
        )
        self._arrears_family = {r.resident_id: r.family_id for r in arrears}
        self._arrears_rows = {(r.agent_name, r.resident_id): r for r in arrears}
        self.arrears_model.set_rows(
            [
                Row(
                    (r.agent_name, r.resident_id),
                    (
                        r.agent_name,
                        self._show(r.agent_phone),
                        r.name,
                        self._show(r.nik),
                        self._show(r.no_kk),
                        r.area_label,
                        self._show(r.phone),
                        label_of(codes.SEGMENTS, r.segment),
                        str(r.months_in_arrears),
                        formatting.rupiah(r.amount_owed) if r.amount_owed else "—",
                        reminded(r.family_id, ARREARS),
                    ),
                    (None,) * 8 + (r.months_in_arrears, r.amount_owed),
                    LATE if r.months_in_arrears > 3 else None,
                )
                for r in arrears
            ]
        )
        fit_columns(self.unpaid_view, whole=(UNPAID_WINDOW_COLUMN, UNPAID_AREA_COLUMN))
        fit_columns(self.arrears_view, whole=(ARREARS_AREA_COLUMN,))
        late = sum(1 for r in unpaid if r.is_late(today))
        self.followup_status.setText(
            self.tr(
                "{n} pendaftaran belum bayar ({late} lewat batas); {a} peserta menunggak."
            ).format(n=len(unpaid), late=late, a=len({r.resident_id for r in arrears}))
        )

    def selected_arrears_family(self) -> int | None:
        index = self.arrears_view.currentIndex()
        key = self.arrears_model.key(index.row()) if index.isValid() else None
        return self._arrears_family.get(key[1]) if key is not None else None

    def open_reactivation(self, family_id: int | None = None) -> None:
        """The reactivation dialog for a family in arrears (the selected row's family)."""
        family_id = family_id if family_id is not None else self.selected_arrears_family()
        if family_id is None or not self.actor.can("reactivations.write"):
            return

        def job(_ctx: TaskContext) -> tuple[FamilyArrears | None, ReactivationDetail | None]:
            owed = arrears_service.family_arrears(self.db, family_id)
            plan_id = reactivation.open_reactivation_id(self.db, family_id)
            plan = reactivation.detail(self.db, plan_id) if plan_id is not None else None
            return owed, plan

        def loaded(result: tuple[FamilyArrears | None, ReactivationDetail | None]) -> None:
            owed, plan = result
            if owed is None:
                show_error(self, PesiarError(self.tr("Keluarga ini tidak menunggak lagi.")))
                return
            dialog = ReactivationDialog(self.db, self.tasks, self.actor, owed, plan, self)

            def accepted() -> None:
                result = dialog.payment
                assert result is not None
                self.followup_notice.setText(
                    self.tr("Pembayaran tunggakan dicatat, tanda terima {number}. {state}").format(
                        number=result.receipt_number,
                        state=self.tr("Kepesertaan aktif kembali.")
                        if result.completed
                        else self.tr("Aktif kembali setelah cicilan terakhir."),
                    )
                )
                self.ask_arrears_receipt(result.payment_id, result.receipt_number)

            self._open(dialog, accepted)

        self.tasks.run(job, loaded, self._failed)

    def ask_arrears_receipt(self, payment_id: int, number: str) -> None:
        if not self.can_export:
            return
        path, _filter = get_save_file_name(
            self,
            self.tr("Simpan tanda terima"),
            f"tanda-terima-{number.replace('/', '-')}.pdf",
            "PDF (*.pdf)",
        )
        if path:
            self.export_arrears_receipt(payment_id, Path(path))

    def print_arrears_receipt(self, payment_id: int, number: str) -> None:
        """Like print_receipt, for the receipt of an arrears payment."""
        if not self.can_export:
            return
        self.print_dir.mkdir(parents=True, exist_ok=True)
        path = self.print_dir / self._receipt_name(number)
        self.export_arrears_receipt(payment_id, path, then_print=True)

    def export_arrears_receipt(
        self, payment_id: int, path: Path, *, then_print: bool = False
    ) -> None:
        def job(_ctx: TaskContext) -> Path:
            return reactivation.export_receipt(self.db, self.actor, payment_id, path)

        def done(written: Path) -> None:
            if then_print:
                self._print(written, self.followup_notice)
                return
            self.followup_notice.setText(self.tr("Tanda terima disimpan ke {path}").format(
                path=written))  # fmt: skip

        run_write(self, self.tasks, job, on_success=done, on_error=self._failed)

    # ------------------------------------------------------------ reminders (pengingat)

    def _reminder_buttons(self, kind: str) -> QHBoxLayout:
        """ "Kirim WhatsApp" and "Cetak slip pengingat…" under one of the two lists."""
        whatsapp = QPushButton(icons.icon("fa5b.whatsapp"), self.tr("Kirim WhatsApp"))
        whatsapp.setToolTip(
            self.tr("Buka WhatsApp dengan pesan pengingat untuk keluarga yang dipilih")
        )
        whatsapp.setEnabled(self.can_remind)
        whatsapp.clicked.connect(lambda: self.send_whatsapp(kind))
        slips = QPushButton(icons.icon("fa5s.print"), self.tr("Cetak slip pengingat…"))
        slips.setToolTip(
            self.tr("Slip pengingat (4 keluarga per halaman) untuk baris yang dipilih, atau "
                    "semua baris bila tidak ada yang dipilih")
        )  # fmt: skip
        slips.setEnabled(self.can_remind and self.can_export)
        slips.clicked.connect(lambda: self.ask_slips(kind))
        if kind == UNPAID:
            self.unpaid_whatsapp_button, self.unpaid_slip_button = whatsapp, slips
        else:
            self.arrears_whatsapp_button, self.arrears_slip_button = whatsapp, slips
        row = QHBoxLayout()
        row.addWidget(whatsapp)
        row.addWidget(slips)
        row.addStretch(1)
        return row

    def _arrears_target(self, row: ArrearsRow) -> ReminderTarget:
        """The family of a row, with the row's agent as the kader who reminds it."""
        named = "" if row.agent_name == followups.NO_AGENT else row.agent_name
        return reminders.arrears_target(row.family_id, named, row.agent_phone)

    def reminder_targets(self, kind: str, everyone: bool = False) -> list[ReminderTarget]:
        """The selected rows' families (in list order), or every row's with `everyone`.
        Arrears rows whose amount is not computed (not PBPU/BP) have nothing to ask."""
        view, model = (
            (self.unpaid_view, self.unpaid_model)
            if kind == UNPAID
            else (self.arrears_view, self.arrears_model)
        )
        if everyone:
            indexes = list(range(model.rowCount()))
        else:
            indexes = sorted(i.row() for i in view.selectionModel().selectedRows())
        keys = [model.key(i) for i in indexes]
        if kind == UNPAID:
            return [reminders.first_premium_target(int(key)) for key in keys]
        rows = [self._arrears_rows[key] for key in keys if key in self._arrears_rows]
        return [self._arrears_target(r) for r in rows if r.amount_owed > 0]

    def _current_target(self, kind: str) -> ReminderTarget | None:
        view = self.unpaid_view if kind == UNPAID else self.arrears_view
        index = view.currentIndex()
        if not index.isValid() or not view.selectionModel().isRowSelected(index.row()):
            chosen = self.reminder_targets(kind)
            return chosen[0] if chosen else None
        model = self.unpaid_model if kind == UNPAID else self.arrears_model
        key = model.key(index.row())
        if kind == UNPAID:
            return reminders.first_premium_target(int(key))
        row = self._arrears_rows.get(key)
        return self._arrears_target(row) if row is not None and row.amount_owed > 0 else None

    def send_whatsapp(self, kind: str) -> None:
        """WhatsApp with the reminder for the current row's family, then recorded as sent;
        a missing or malformed number is shown instead of a link."""
        if not self.can_remind:
            return
        target = self._current_target(kind)
        if target is None:
            self.followup_notice.setText(
                self.tr("Pilih satu keluarga (yang tunggakannya dihitung) dulu.")
            )
            return

        def job(_ctx: TaskContext) -> tuple[ReminderNotice, WhatsAppLink]:
            notice = reminders.prepare_one(self.db, target)
            return notice, reminders.whatsapp_link(notice)

        self.tasks.run(job, self._whatsapp_ready, self._failed)

    def _whatsapp_ready(self, result: tuple[ReminderNotice, WhatsAppLink]) -> None:
        notice, link = result
        if not link.ok:
            self.followup_notice.setText(
                self.tr("No HP tidak valid: {phone} ({reason}) — {name}. Perbaiki nomornya "
                        "di data penduduk, atau cetak slip pengingat.").format(
                    phone=link.phone.display or "-", reason=link.phone.problem,
                    name=notice.head_name,
                )
            )  # fmt: skip
            return
        if not QDesktopServices.openUrl(QUrl.fromEncoded(link.url.encode("ascii"))):
            self.followup_notice.setText(
                self.tr("WhatsApp tidak dapat dibuka di komputer ini. Tautan: {url}").format(
                    url=link.url
                )
            )
            return

        def job(_ctx: TaskContext) -> list[int]:
            return reminders.record(self.db, self.actor, [notice], rc.CHANNEL_WHATSAPP)

        def done(_ids: list[int]) -> None:
            self.followup_notice.setText(
                self.tr("Pesan WhatsApp untuk {name} ({phone}) dibuka dan dicatat sebagai "
                        "pengingat.").format(name=notice.head_name, phone=link.phone.display)
            )  # fmt: skip

        run_write(self, self.tasks, job, on_success=done, on_error=self._failed)

    def ask_slips(self, kind: str) -> None:
        targets = self.reminder_targets(kind) or self.reminder_targets(kind, everyone=True)
        if not targets:
            self.followup_notice.setText(self.tr("Tidak ada keluarga untuk dibuatkan slip."))
            return
        name = f"slip-pengingat-{clock.today().isoformat()}.pdf"
        path, _filter = get_save_file_name(
            self, self.tr("Simpan slip pengingat"), name, "PDF (*.pdf)"
        )
        if path:
            self.export_slips(targets, Path(path))

    def export_slips(self, targets: list[ReminderTarget], path: Path) -> None:
        def job(_ctx: TaskContext) -> SlipExport:
            return reminders.export_slips(self.db, self.actor, targets, path)

        def done(result: SlipExport) -> None:
            self.followup_notice.setText(
                self.tr("Slip pengingat {n} keluarga disimpan ke {path}").format(
                    n=len(result.notices), path=result.path
                )
            )

        run_write(self, self.tasks, job, on_success=done, on_error=self._failed)

    # ------------------------------------------------------------ progress tab

    def _build_progress_tab(self) -> QWidget:
        self.month_edit = QDateEdit()
        self.month_edit.setDisplayFormat("MMMM yyyy")
        self.month_edit.setCalendarPopup(False)
        today = today_qdate()
        self.month_edit.setDate(QDate(today.year(), today.month(), 1))
        self.month_edit.dateChanged.connect(lambda _d: self.reload_progress())
        self.progress_model = rows_model(
            [self.tr("Agen"), self.tr("Target jiwa"), self.tr("Lunas jiwa"), self.tr("%"),
             self.tr("Target KK"), self.tr("Lunas KK"), self.tr("%"),
             self.tr("Didaftarkan jiwa"), self.tr("Didaftarkan KK"), self.tr("Belum bayar"),
             self.tr("Kunjungan"), self.tr("KK dikunjungi"), self.tr("Advokasi"),
             self.tr("Target"), self.tr("Aktif kembali jiwa"), self.tr("Aktif kembali KK")],
            right_aligned=(*range(1, 13), 14, 15),
            colour_column=13,
        )  # fmt: skip
        self.progress_view = _table(self.progress_model)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Bulan")))
        top.addWidget(self.month_edit)
        top.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.progress_view, 1)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Lunas = iuran pertama peserta PBPU baru dibayar pada bulan ini (dasar "
                    "insentif). Target tercapai bila lunas mencapai target jiwa atau target KK. "
                    "Aktif kembali = peserta menunggak yang tunggakannya lunas bulan ini; bukan "
                    "peserta baru dan tidak dihitung dalam target."
                )
            )
        )
        return tab

    def selected_month(self) -> date:
        value = self.month_edit.date()
        return date(value.year(), value.month(), 1)

    def reload_progress(self) -> None:
        month = self.selected_month()

        def job(_ctx: TaskContext) -> list[AgentMonth]:
            with self.db.read() as session:
                return progress.agent_month_progress(session, month)

        self.tasks.run(job, self._progress_loaded, self._failed, key=f"{self._key}.prog")

    def _progress_loaded(self, rows: list[AgentMonth]) -> None:
        n = formatting.number
        self.progress_model.set_rows(
            [
                Row(
                    r.agent_id,
                    (
                        r.agent_name,
                        n(r.target_people),
                        n(r.paid_people),
                        formatting.percent(r.people_pct, 0),
                        n(r.target_families),
                        n(r.paid_families),
                        formatting.percent(r.families_pct, 0),
                        n(r.registered_people),
                        n(r.registered_families),
                        n(r.unpaid_registrations),
                        n(r.visits),
                        n(r.families_visited),
                        n(r.advocacy_events),
                        self.tr("tercapai") if r.target_met else self.tr("belum"),
                        n(r.reactivated_people),
                        n(r.reactivated_families),
                    ),
                    (
                        None,
                        r.target_people,
                        r.paid_people,
                        r.people_pct,
                        r.target_families,
                        r.paid_families,
                        r.families_pct,
                        r.registered_people,
                        r.registered_families,
                        r.unpaid_registrations,
                        r.visits,
                        r.families_visited,
                        r.advocacy_events,
                        r.target_met,
                        r.reactivated_people,
                        r.reactivated_families,
                    ),
                    GOOD if r.target_met else LATE,
                )  # fmt: skip
                for r in rows
            ]
        )
        fit_columns(self.progress_view)

    # ------------------------------------------------------------ refresh

    def activate(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.reload_list()
            self.reload_followups()
            self.reload_progress()
            self.keaktifan_tab.reload()
        elif self._dirty:
            self._dirty = False
            self._refresh_current()

    def _refresh_current(self) -> None:
        if not self._loaded:
            return
        index = self.tabs.currentIndex()
        if index == TAB_LIST:
            self.reload_list()
        elif index == TAB_FOLLOWUP:
            self.reload_followups()
        elif index == TAB_KEAKTIFAN:
            self.keaktifan_tab.reload()
        else:
            self.reload_progress()

    def _on_data_changed(self, topic: Topic) -> None:
        if topic not in REFRESH_TOPICS or not self._loaded:
            return
        if self.isVisible():
            self._refresh_current()
        else:
            self._dirty = True

    def _failed(self, err: BaseException) -> None:
        for notice in (self.list_loading, self.unpaid_loading, self.arrears_loading):
            notice.stop()
        show_error(self, err)
