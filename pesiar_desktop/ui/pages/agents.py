"""Agen & Penugasan page: tabs Agen / Penugasan / Surat / Honor.

Lists are small and load in the task manager's readers; writes that render PDFs (approval)
run serialised in a worker. Approve and revoke are enabled only for a kepala desa; the
letters service refuses everyone else whatever the window shows.

Public names used by tests: `tabs`, `agent_model`, `agent_view`, `assignment_model`,
`letter_model`, `letter_view`, `approve_button`, `revoke_button`, `fee_model`,
`active_dialog`, `activate()`, `ask` (confirmation hook), `approve_selected()`.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop import clock
from pesiar_desktop.config import AppPaths
from pesiar_desktop.db import Database
from pesiar_desktop.errors import PesiarError
from pesiar_desktop.reportdata.fees import FeeSheet
from pesiar_desktop.services import agents, assignments, fees, letters, village
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.events import Topic
from pesiar_desktop.services.settings import SETTINGS
from pesiar_desktop.ui import formatting
from pesiar_desktop.ui.bus import DataBus
from pesiar_desktop.ui.dialogs.agent_dialog import AgentDialog
from pesiar_desktop.ui.dialogs.assignment_dialog import AssignmentDialog
from pesiar_desktop.ui.dialogs.letter_dialogs import DraftLetterDialog, RevokeDialog, VerifyDialog
from pesiar_desktop.ui.open_file import open_file
from pesiar_desktop.ui.pages.base import ServicePage
from pesiar_desktop.ui.pages.settings_general import where_to_change
from pesiar_desktop.ui.save_dialog import get_save_file_name
from pesiar_desktop.ui.tablemodels import agents as agent_rows
from pesiar_desktop.ui.tablemodels import letters as letter_rows
from pesiar_desktop.ui.tablemodels.fieldwork import Row
from pesiar_desktop.ui.tablemodels.list_model import ListModel
from pesiar_desktop.ui.tasks import TaskContext, TaskManager
from pesiar_desktop.ui.widgets.date_field import today_qdate
from pesiar_desktop.ui.widgets.forms import (
    code_items,
    explain_read_only,
    fill_combo,
    hint_label,
    show_error,
)
from pesiar_desktop.ui.write_op import run_write

TAB_AGENTS, TAB_ASSIGNMENTS, TAB_LETTERS, TAB_FEES = range(4)
REFRESH_TOPICS = {
    Topic.AGENTS,
    Topic.LETTERS,
    Topic.FEES,
    Topic.REGISTRATIONS,
    Topic.AREAS,
    Topic.RESIDENTS,
    Topic.VILLAGE,
    Topic.SETTINGS,
}


def _table(model: ListModel[Row], multi: bool = False) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    # Keep the service's order (names A-Z, newest letter first) until the user sorts.
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def _show_rows(view: QTableView, model: ListModel[Row], rows: list[Row]) -> None:
    """New rows, sorted again the way the user last sorted the table (if they did)."""
    model.set_rows(rows)
    header = view.horizontalHeader()
    if header.sortIndicatorSection() >= 0:
        model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
    _fit(view)


def _fit(view: QTableView, widest: int = 300) -> None:
    view.resizeColumnsToContents()
    for column in range(view.model().columnCount()):
        view.setColumnWidth(column, min(view.columnWidth(column), widest))


def _button(text: str, slot: Any) -> QPushButton:
    button = QPushButton(text)
    button.clicked.connect(slot)
    return button


class AgentsPage(ServicePage):
    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        bus: DataBus,
        actor: Actor,
        parent: QWidget | None = None,
    ):
        super().__init__(db, tasks, actor, parent)
        self._loaded = False
        self._dirty = False
        self._key = f"agen.{id(self)}"
        self.can_write = actor.can("agents.write")
        self.can_draft = actor.can("letters.draft")
        self.can_approve = actor.can("letters.approve")
        self.can_fees = actor.can("fees.write")
        # letters and fee lists carry agents' NIK, phone and bank account: no viewer
        self.can_export = actor.can("personal.export")
        self.ask = self._ask_user  # tests replace the confirmation
        self._letters: dict[int, letters.LetterRow] = {}
        self.fee_sheet: FeeSheet | None = None
        self._letter_to_select: int | None = None  # show_letter, once the list is loaded
        # Letters opened for reading are written here: the data folder's surat/ once the
        # window knows it (set_paths), never a temp folder other users share.
        self.letters_dir = Path(tempfile.gettempdir()) / "pesiar-surat"

        title = QLabel(self.tr("Agen & Penugasan"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_agents_tab(), self.tr("Agen"))
        self.tabs.addTab(self._build_assignments_tab(), self.tr("Penugasan"))
        self.tabs.addTab(self._build_letters_tab(), self.tr("Surat"))
        self.tabs.addTab(self._build_fees_tab(), self.tr("Honor"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        bus.changed.connect(self._on_data_changed)

    # ------------------------------------------------------------ tabs

    def _build_agents_tab(self) -> QWidget:
        self.agent_model = agent_rows.agent_model()
        self.agent_view = _table(self.agent_model)
        self.agent_view.doubleClicked.connect(lambda _i: self.edit_agent())
        buttons = QHBoxLayout()
        self.add_agent_button = _button(self.tr("Tambah agen…"), self.add_agent)
        self.edit_agent_button = _button(self.tr("Ubah…"), self.edit_agent)
        self.toggle_agent_button = _button(self.tr("Aktifkan / nonaktifkan"), self.toggle_agent)
        for b in (self.add_agent_button, self.edit_agent_button, self.toggle_agent_button):
            b.setEnabled(self.can_write)
            explain_read_only(self.can_write, b)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.agent_status = hint_label("")
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addLayout(buttons)
        layout.addWidget(self.agent_view, 1)
        layout.addWidget(self.agent_status)
        return box

    def _build_assignments_tab(self) -> QWidget:
        self.assignment_model = agent_rows.assignment_model()
        self.assignment_view = _table(self.assignment_model, multi=True)
        self.assignment_view.doubleClicked.connect(lambda _i: self.edit_assignment())
        buttons = QHBoxLayout()
        actions = (
            _button(self.tr("Tambah penugasan…"), self.add_assignment),
            _button(self.tr("Ubah…"), self.edit_assignment),
            _button(self.tr("Bagi rata satu RT…"), self.split_rt),
        )
        for b in actions:
            b.setEnabled(self.can_write)
            explain_read_only(self.can_write, b)
            buttons.addWidget(b)
        buttons.addStretch(1)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addLayout(buttons)
        layout.addWidget(self.assignment_view, 1)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Baris kuning: keluarga binaan melebihi batas wajar per agen (diatur di "
                    "{place}). Untuk membagi satu RT, pilih dua penugasan atau lebih "
                    "(Ctrl+klik) lalu 'Bagi rata satu RT'."
                ).format(place=where_to_change(SETTINGS.max_families))
            )
        )
        return box

    def _build_letters_tab(self) -> QWidget:
        self.letter_model = letter_rows.letter_model()
        self.letter_view = _table(self.letter_model)
        self.letter_view.selectionModel().selectionChanged.connect(self._letter_selected)
        self.letter_view.doubleClicked.connect(lambda _i: self.open_pdf())
        self.type_filter = QComboBox()
        fill_combo(
            self.type_filter,
            code_items(letters.LETTER_TYPES),
            self.tr("Semua jenis surat"),
        )
        self.type_filter.currentIndexChanged.connect(lambda _i: self.reload_letters())
        self.draft_button = _button(self.tr("Buat konsep…"), self.draft_letter)
        self.draft_button.setEnabled(self.can_draft)
        explain_read_only(self.can_draft, self.draft_button)
        self.approve_button = _button(self.tr("Setujui && beri nomor"), self.approve_selected)
        self.revoke_button = _button(self.tr("Cabut…"), self.revoke_selected)
        self.delete_button = _button(self.tr("Hapus konsep"), self.delete_selected)
        self.delete_button.setToolTip(self.tr("Pilih sebuah konsep surat di daftar"))
        explain_read_only(self.can_draft, self.delete_button)
        self.open_button = _button(self.tr("Buka PDF"), self.open_pdf)
        self.save_button = _button(self.tr("Simpan PDF…"), self.save_pdf)
        for button in (self.open_button, self.save_button):
            button.setToolTip(self.tr("Pilih sebuah surat di daftar"))
        verify = _button(self.tr("Verifikasi surat…"), self.open_verify)
        cards = _button(self.tr("Lembar kartu A4…"), self.save_card_sheet)
        cards.setToolTip(
            self.tr(
                "Semua kartu agen yang disetujui, sepuluh per lembar A4 dengan garis potong "
                "(sisi depan, lalu sisi belakang untuk cetak bolak-balik)."
            )
        )
        register = _button(self.tr("Buku Keputusan (.xlsx)…"), self.export_register)
        explain_read_only(
            self.can_approve,
            self.approve_button,
            self.revoke_button,
            why=self.tr("Hanya Kepala Desa yang dapat menyetujui atau mencabut surat."),
        )
        explain_read_only(
            self.can_export,
            self.open_button,
            self.save_button,
            why=self.tr("Surat memuat NIK dan nomor HP agen; peran Anda tidak dapat membukanya."),
        )
        top = QHBoxLayout()
        top.addWidget(self.type_filter)
        for b in (self.draft_button, self.approve_button, self.revoke_button, self.delete_button):
            top.addWidget(b)
        top.addStretch(1)
        bottom = QHBoxLayout()
        for b in (self.open_button, self.save_button, cards, verify, register):
            bottom.addWidget(b)
        bottom.addStretch(1)
        self.letter_status = hint_label("")
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(self.letter_view, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.letter_status)
        self._letter_selected()
        return box

    def _build_fees_tab(self) -> QWidget:
        self.fee_model = letter_rows.fee_model()
        self.fee_view = _table(self.fee_model)
        self.month_edit = QDateEdit()
        self.month_edit.setDisplayFormat("MMMM yyyy")
        self.month_edit.setDate(today_qdate())
        self.month_edit.dateChanged.connect(lambda _d: self.reload_fees())
        self.record_button = _button(self.tr("Catat ke daftar pembayaran"), self.record_fees)
        self.record_button.setEnabled(self.can_fees)
        explain_read_only(self.can_fees, self.record_button)
        pdf = _button(self.tr("Daftar pembayaran (PDF)…"), self.save_fee_pdf)
        xlsx = _button(self.tr("Daftar pembayaran (.xlsx)…"), self.save_fee_xlsx)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Bulan honor")))
        top.addWidget(self.month_edit)
        for b in (pdf, xlsx):
            b.setEnabled(self.can_export)
            if not self.can_export:
                b.setToolTip(
                    self.tr("Daftar pembayaran memuat rekening agen; peran Anda tidak dapat "
                            "menyimpannya.")
                )  # fmt: skip
        for b in (self.record_button, pdf, xlsx):
            top.addWidget(b)
        top.addStretch(1)
        self.funding_label = QLabel()
        self.funding_label.setWordWrap(True)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(self.fee_view, 1)
        layout.addWidget(self.funding_label)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Honor = honor bulanan + insentif per jiwa/KK yang iuran pertamanya lunas "
                    "pada bulan itu. Baris merah: melebihi sisa pagu penugasan."
                )
            )
        )
        return box

    # ------------------------------------------------------------ loading

    def activate(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.reload()
        elif self._dirty:
            self._dirty = False
            self.reload()

    def _tab_changed(self, _index: int) -> None:
        if self._loaded:
            self.reload()

    def reload(self) -> None:
        index = self.tabs.currentIndex()
        if index == TAB_AGENTS:
            self.reload_agents()
        elif index == TAB_ASSIGNMENTS:
            self.reload_assignments()
        elif index == TAB_LETTERS:
            self.reload_letters()
        else:
            self.reload_fees()

    def set_paths(self, paths: AppPaths) -> None:
        self.letters_dir = paths.data_dir / "surat"

    def show_letter(self, letter_id: int) -> None:
        """The Surat tab with `letter_id` selected (Beranda's "waiting for you" link)."""
        self._letter_to_select = letter_id
        self.type_filter.setCurrentIndex(0)  # every type
        if self.tabs.currentIndex() != TAB_LETTERS:
            self.tabs.setCurrentIndex(TAB_LETTERS)  # -> reload, once loaded
        if not self._loaded:
            self.activate()
        elif self.tabs.currentIndex() == TAB_LETTERS:
            self.reload_letters()

    def reload_agents(self) -> None:
        def job(_ctx: TaskContext) -> list[agents.AgentRow]:
            return agents.list_agents(self.db)

        def done(rows: list[agents.AgentRow]) -> None:
            _show_rows(
                self.agent_view,
                self.agent_model,
                [agent_rows.agent_row(r, self.personal) for r in rows],
            )
            active = sum(1 for r in rows if r.is_active)
            self.agent_status.setText(self.tr("{n} agen, {a} aktif.").format(n=len(rows), a=active))

        self.tasks.run(job, done, self._failed, key=f"{self._key}.agents")

    def reload_assignments(self) -> None:
        def job(_ctx: TaskContext) -> list[assignments.AssignmentRow]:
            return assignments.list_assignments(self.db)

        def done(rows: list[assignments.AssignmentRow]) -> None:
            _show_rows(
                self.assignment_view,
                self.assignment_model,
                [agent_rows.assignment_row(r) for r in rows],
            )

        self.tasks.run(job, done, self._failed, key=f"{self._key}.assignments")

    def reload_letters(self) -> None:
        kind = self.type_filter.currentData()

        def job(_ctx: TaskContext) -> list[letters.LetterRow]:
            return letters.list_letters(self.db, kind)

        def done(rows: list[letters.LetterRow]) -> None:
            selected = self._letter_to_select or self.selected_letter_id()
            self._letter_to_select = None
            self._letters = {r.id: r for r in rows}
            _show_rows(
                self.letter_view, self.letter_model, [letter_rows.letter_row(r) for r in rows]
            )
            if selected is not None and (row := self.letter_model.row_of(selected)) is not None:
                self.letter_view.selectRow(row)
            self._letter_selected()
            drafts = sum(1 for r in rows if r.status == letters.STATUS_DRAFT)
            self.letter_status.setText(
                self.tr("{n} surat, {d} konsep menunggu persetujuan Kepala Desa.").format(
                    n=len(rows), d=drafts
                )
            )

        self.tasks.run(job, done, self._failed, key=f"{self._key}.letters")

    def fee_month(self) -> date:
        d = self.month_edit.date()
        return date(d.year(), d.month(), 1)

    def reload_fees(self) -> None:
        month = self.fee_month()

        def job(_ctx: TaskContext) -> FeeSheet:
            return fees.month_sheet(self.db, month)

        def done(sheet: FeeSheet) -> None:
            self.fee_sheet = sheet
            _show_rows(
                self.fee_view,
                self.fee_model,
                [letter_rows.fee_row(x, self.personal) for x in sheet.lines],
            )
            parts = [
                self.tr(
                    "{name}: pagu {budget}, terpakai bulan lain {used}, bulan ini {now}, "
                    "sisa {left}"
                ).format(  # fmt: skip
                    name=f.apbdes_name or f.apbdes_code or "-",
                    budget=formatting.rupiah(f.budget),
                    used=formatting.rupiah(f.used_before),
                    now=formatting.rupiah(f.this_month),
                    left=formatting.rupiah(f.remaining),
                )
                for f in sheet.funding
            ]
            total = self.tr("Jumlah {month}: {total}.").format(
                month=formatting.month_year(month), total=formatting.rupiah(sheet.total)
            )
            self.funding_label.setText("<br>".join([total, *parts]))

        self.tasks.run(job, done, self._failed, key=f"{self._key}.fees")

    def _on_data_changed(self, topic: Topic) -> None:
        if topic not in REFRESH_TOPICS or not self._loaded:
            return
        if self.isVisible():
            self.reload()
        else:
            self._dirty = True

    def _failed(self, err: BaseException) -> None:
        show_error(self, err, self.tr("Gagal"))

    # ------------------------------------------------------------ agents and assignments

    def _run_dialog(self, dialog: QDialog) -> None:
        self.active_dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "active_dialog", None))
        dialog.open()

    def _selected_key(self, view: QTableView, model: ListModel[Row]) -> Any:
        rows = view.selectionModel().selectedRows()
        return model.key(rows[0].row()) if rows else None

    def add_agent(self) -> None:
        self._run_dialog(AgentDialog(self.db, self.tasks, self.actor, parent=self))

    def edit_agent(self) -> None:
        agent_id = self._selected_key(self.agent_view, self.agent_model)
        if agent_id is not None and self.can_write:
            self._run_dialog(AgentDialog(self.db, self.tasks, self.actor, agent_id, parent=self))

    def toggle_agent(self) -> None:
        agent_id = self._selected_key(self.agent_view, self.agent_model)
        if agent_id is None:
            return
        try:
            active = agents.get_agent(self.db, agent_id).is_active
        except PesiarError as err:
            show_error(self, err)
            return
        run_write(
            self,
            self.tasks,
            lambda _c: agents.set_active(self.db, self.actor, agent_id, not active),
        )

    def add_assignment(self) -> None:
        self._run_dialog(AssignmentDialog(self.db, self.tasks, self.actor, parent=self))

    def edit_assignment(self) -> None:
        assignment_id = self._selected_key(self.assignment_view, self.assignment_model)
        if assignment_id is not None and self.can_write:
            self._run_dialog(
                AssignmentDialog(self.db, self.tasks, self.actor, assignment_id, parent=self)
            )

    def split_rt(self) -> None:
        ids = [
            self.assignment_model.key(i.row())
            for i in self.assignment_view.selectionModel().selectedRows()
        ]
        if len(ids) < 2:
            QMessageBox.information(
                self,
                self.tr("Bagi rata"),
                self.tr("Pilih dua penugasan atau lebih (Ctrl+klik) lebih dulu."),
            )
            return
        areas = village.list_areas(self.db)
        labels = [formatting.area(a.label) for a in areas]
        label, ok = QInputDialog.getItem(
            self, self.tr("Bagi rata satu RT"), self.tr("RT yang dibagi:"), labels, 0, False
        )
        if not ok:
            return
        rt_id = areas[labels.index(label)].rt_id

        def split(result: dict[int, int]) -> None:
            QMessageBox.information(
                self,
                self.tr("Bagi rata"),
                self.tr("Keluarga di {rt} dibagi: {parts} KK.").format(
                    rt=label, parts=" / ".join(str(n) for n in result.values())
                ),
            )

        run_write(
            self,
            self.tasks,
            lambda _c: assignments.split_area(self.db, self.actor, ids, [rt_id]),
            on_success=split,
        )

    # ------------------------------------------------------------ letters

    def selected_letter_id(self) -> int | None:
        key = self._selected_key(self.letter_view, self.letter_model)
        return int(key) if key is not None else None

    def selected_letter(self) -> letters.LetterRow | None:
        letter_id = self.selected_letter_id()
        return self._letters.get(letter_id) if letter_id is not None else None

    def _letter_selected(self, *_args: object) -> None:
        row = self.selected_letter()
        status = row.status if row else None
        self.approve_button.setEnabled(self.can_approve and status == letters.STATUS_DRAFT)
        self.revoke_button.setEnabled(self.can_approve and status == letters.STATUS_APPROVED)
        self.delete_button.setEnabled(self.can_draft and status == letters.STATUS_DRAFT)
        self.open_button.setEnabled(self.can_export and row is not None)
        self.save_button.setEnabled(self.can_export and row is not None)

    def draft_letter(self) -> None:
        self._run_dialog(DraftLetterDialog(self.db, self.tasks, self.actor, parent=self))

    def _ask_user(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def approve_selected(self) -> None:
        row = self.selected_letter()
        if row is None or row.status != letters.STATUS_DRAFT:
            return
        if not self.ask(
            self.tr("Setujui surat"),
            self.tr(
                'Setujui "{subject}"?\n\nSurat diberi nomor dan tanggal hari ini, PDF-nya '
                "dikunci; setelah itu surat tidak bisa diubah, hanya dicabut."
            ).format(subject=row.subject),
        ):
            return
        letter_id = row.id
        self.approve_button.setEnabled(False)

        def job(_ctx: TaskContext) -> letters.LetterRow:
            return letters.approve(self.db, self.actor, letter_id)

        def done(result: letters.LetterRow) -> None:
            self.letter_status.setText(
                self.tr("Disetujui: nomor {number}.").format(number=result.number)
            )

        run_write(self, self.tasks, job, on_success=done, on_error=self._failed)

    def revoke_selected(self) -> None:
        row = self.selected_letter()
        if row is not None and row.status == letters.STATUS_APPROVED:
            self._run_dialog(RevokeDialog(self.db, self.tasks, self.actor, row, parent=self))

    def delete_selected(self) -> None:
        row = self.selected_letter()
        if row is None or row.status != letters.STATUS_DRAFT:
            return
        if self.ask(self.tr("Hapus konsep"), self.tr("Hapus konsep surat ini?")):
            letter_id = row.id
            run_write(
                self, self.tasks, lambda _c: letters.delete_draft(self.db, self.actor, letter_id)
            )

    def _pdf_name(self, row: letters.LetterRow) -> str:
        number = (row.number or f"konsep-{row.id}").replace("/", "-")
        return f"{row.letter_type.lower()}-{number}.pdf"

    def open_pdf(self) -> None:
        row = self.selected_letter()
        if row is None or not self.can_export:
            return
        try:
            data = letters.pdf_bytes(self.db, row.id)
        except PesiarError as err:
            show_error(self, err)
            return
        folder = self.letters_dir
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / self._pdf_name(row)
        path.write_bytes(data)
        open_file(self, path)

    def save_pdf(self) -> None:
        row = self.selected_letter()
        if row is None or not self.can_export:
            return
        path, _ = get_save_file_name(
            self, self.tr("Simpan PDF surat"), self._pdf_name(row), "PDF (*.pdf)"
        )
        if path:
            Path(path).write_bytes(letters.pdf_bytes(self.db, row.id))

    def save_card_sheet(self) -> None:
        ids = letters.approved_card_ids(self.db)
        if not ids:
            self.letter_status.setText(self.tr("Belum ada kartu agen yang disetujui."))
            return
        path, _ = get_save_file_name(
            self, self.tr("Simpan lembar kartu agen"), "kartu-agen-a4.pdf", "PDF (*.pdf)"
        )
        if not path:
            return
        try:
            Path(path).write_bytes(letters.card_sheet_pdf(self.db, ids))
        except (OSError, PesiarError) as err:
            show_error(self, err)
            return
        self.letter_status.setText(
            self.tr("{n} kartu agen disimpan: {path}").format(n=len(ids), path=path)
        )

    def open_verify(self) -> None:
        self._run_dialog(VerifyDialog(self.db, parent=self))

    def export_register(self) -> None:
        year = clock.today().year
        path, _ = get_save_file_name(
            self,
            self.tr("Simpan Buku Keputusan Kepala Desa"),
            f"buku-keputusan-{year}.xlsx",
            "Excel (*.xlsx)",
        )
        if path:
            letters.export_register(self.db, path)
            self.letter_status.setText(self.tr("Buku Keputusan disimpan: {path}").format(path=path))

    # ------------------------------------------------------------ fees

    def record_fees(self) -> None:
        month = self.fee_month()
        if not self.ask(
            self.tr("Catat honor"),
            self.tr(
                "Catat honor {month} ke daftar pembayaran? Baris yang sudah dibayar tidak diubah."
            ).format(month=formatting.month_year(month)),  # fmt: skip
        ):
            return

        def job(_ctx: TaskContext) -> FeeSheet:
            return fees.record_month(self.db, self.actor, month)

        run_write(
            self, self.tasks, job, on_success=lambda _s: self.reload_fees(), on_error=self._failed
        )

    def save_fee_pdf(self) -> None:
        if not self.can_export:
            return
        month = self.fee_month()
        path, _ = get_save_file_name(
            self,
            self.tr("Simpan daftar pembayaran"),
            f"honor-agen-{month:%Y-%m}.pdf",
            "PDF (*.pdf)",
        )
        if path:
            self._export_fees(month, path)

    def save_fee_xlsx(self) -> None:
        if not self.can_export:
            return
        month = self.fee_month()
        path, _ = get_save_file_name(
            self, self.tr("Simpan daftar pembayaran"), f"honor-agen-{month:%Y-%m}.xlsx",
            "Excel (*.xlsx)",
        )  # fmt: skip
        if path:
            self._export_fees(month, path)

    def _export_fees(self, month: date, path: str) -> None:
        """The list is written and the export audited in the background (a write)."""

        def job(_ctx: TaskContext) -> object:
            return fees.export_list(self.db, self.actor, month, path)

        run_write(self, self.tasks, job, on_error=lambda err: show_error(self, err))
