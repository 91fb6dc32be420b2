"""Sisir & Advokasi: the visit plan per assignment, the visit log, the due list of
revisits and the advocacy events.

Slow reads (the plan scans the target list of the whole register) run in the task
manager's workers; the page refreshes itself on 'data changed' notices.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.errors import PesiarError, ValidationError
from pesiar_desktop.reportdata.fieldwork import AssignmentChoice, PlanView
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.services import advocacy, progress, visit_plans, visits
from pesiar_desktop.services.advocacy import EventRow, MonthCount
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.events import Topic
from pesiar_desktop.services.progress import AgentMonth
from pesiar_desktop.services.visits import DueRow
from pesiar_desktop.ui import formatting, icons
from pesiar_desktop.ui.bus import DataBus
from pesiar_desktop.ui.dialogs.advocacy_dialog import AdvocacyDialog
from pesiar_desktop.ui.dialogs.visit_entry import VisitEntryForm
from pesiar_desktop.ui.i18n import QT_TRANSLATE_NOOP, code_label, label_of
from pesiar_desktop.ui.pages.base import ServicePage
from pesiar_desktop.ui.save_dialog import get_save_file_name
from pesiar_desktop.ui.tablemodels.fieldwork import LATE, MUTED, WARN, Row, rows_model
from pesiar_desktop.ui.tablemodels.list_model import ListModel
from pesiar_desktop.ui.tasks import TaskContext, TaskManager
from pesiar_desktop.ui.widgets.date_field import DateField
from pesiar_desktop.ui.widgets.forms import explain_read_only, fill_combo, hint_label, show_error
from pesiar_desktop.ui.widgets.tables import read_only_rows
from pesiar_desktop.ui.write_op import run_write

TAB_PLAN, TAB_VISIT, TAB_DUE, TAB_ADVOCACY = range(4)
REFRESH_TOPICS = {
    Topic.VISITS,
    Topic.VISIT_PLANS,
    Topic.ADVOCACY,
    Topic.REGISTRATIONS,
    Topic.RESIDENTS,
    Topic.AGENTS,
    Topic.MEMBERSHIPS,
}


def _table(
    model: ListModel[Row],
    sort_column: int | None = 0,
    order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
) -> QTableView:
    """A read-only list view; sorted by `sort_column` (None: kept in the model's order)."""
    view = QTableView()
    if model.parent() is None:
        model.setParent(view)  # the model lives exactly as long as its view
    view.setModel(model)
    if sort_column is not None:
        view.horizontalHeader().setSortIndicator(sort_column, order)
    read_only_rows(view)
    view.setSortingEnabled(sort_column is not None)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


# visit_plans.SCHEDULE_MODES' labels (services hold no Qt), marked here for lupdate; the combo
# translates them with tr().
_MODE_LABELS = (
    QT_TRANSLATE_NOOP("SisirPage", "Tanggal per keluarga"),
    QT_TRANSLATE_NOOP("SisirPage", "Tanggal per RT"),
)
assert set(_MODE_LABELS) == set(visit_plans.SCHEDULE_MODES.values())


PLAN_AREA_WIDTH = 260  # the plan's first column (RT groups, heads of family) at least
DUE_AREA_COLUMN = 4  # "Wilayah" in the due list


def fit_columns(view: QTableView, widest: int = 320, whole: tuple[int, ...] = ()) -> None:
    """Columns as wide as their contents, after the rows arrived: capped at `widest`
    except the `whole` ones (a status that must never be cut)."""
    view.resizeColumnsToContents()
    for column in range(view.model().columnCount()):
        if column not in whole:
            view.setColumnWidth(column, min(view.columnWidth(column), widest))


def progress_text(row: AgentMonth | None, month: date) -> str:
    if row is None:
        return QCoreApplication.translate(
            "SisirPage", "Belum ada kegiatan agen ini pada {month}."
        ).format(month=formatting.month_year(month))
    text = QCoreApplication.translate(
        "SisirPage",
        "{month}: {visits} kunjungan ({visited} KK), {events} advokasi · didaftarkan {rp} jiwa / "
        "{rf} KK · iuran pertama lunas {pp} jiwa / {pf} KK dari target {tp} jiwa atau {tf} KK",
    ).format(
        month=formatting.month_year(month), visits=row.visits, visited=row.families_visited,
        events=row.advocacy_events, rp=row.registered_people, rf=row.registered_families,
        pp=row.paid_people, pf=row.paid_families, tp=row.target_people, tf=row.target_families,
    )  # fmt: skip
    if row.target_met:
        text += " ✔ " + QCoreApplication.translate("SisirPage", "target tercapai")
    return text


class SisirPage(ServicePage):
    """Public names used by tests: `tabs`, `assignment_combo`, `plan_tree`, `visit_form`,
    `due_model`, `due_view`, `events_model`, `months_model`, `progress_label`,
    `active_dialog`, `activate()`."""

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        bus: DataBus,
        actor: Actor,
        parent: QWidget | None = None,
    ):
        super().__init__(db, tasks, actor, parent)
        self.can_write = actor.can("fieldwork.write")
        self.plan: PlanView | None = None
        self._assignments: list[AssignmentChoice] = []
        self._loaded = False
        self._dirty = False
        self._key = f"sisir.{id(self)}"
        title = QLabel(self.tr("Sisir & Advokasi"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_plan_tab(), self.tr("Rencana Kunjungan"))
        self.visit_form = VisitEntryForm(db, tasks, actor)
        self.tabs.addTab(self.visit_form, self.tr("Catat Kunjungan"))
        self.tabs.addTab(self._build_due_tab(), self.tr("Kunjungan Ulang"))
        self.tabs.addTab(self._build_advocacy_tab(), self.tr("Advokasi"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        bus.changed.connect(self._on_data_changed)

    # ------------------------------------------------------------ plan tab

    def _build_plan_tab(self) -> QWidget:
        self.assignment_combo = QComboBox()
        self.assignment_combo.setMinimumContentsLength(28)
        self.assignment_combo.currentIndexChanged.connect(lambda _i: self.reload_plan())
        self.start_field = DateField(allow_empty=False, maximum_today=False)
        self.mode_combo = QComboBox()
        fill_combo(
            self.mode_combo,
            [(self.tr(label), key) for key, label in visit_plans.SCHEDULE_MODES.items()],
        )
        self.per_day = QSpinBox()
        self.per_day.setRange(1, 100)
        self.per_day.setValue(5)
        self.per_day.setSuffix(self.tr(" KK/hari"))
        self.schedule_button = QPushButton(icons.icon("fa5s.calendar-alt"), self.tr("Susun jadwal"))
        self.schedule_button.clicked.connect(self.make_schedule)
        self.schedule_button.setEnabled(self.can_write)
        explain_read_only(self.can_write, self.schedule_button)
        self.pdf_button = QPushButton(icons.icon("fa5s.file-pdf"), self.tr("Lembar kerja PDF"))
        self.pdf_button.clicked.connect(lambda: self.ask_export("pdf"))
        self.xlsx_button = QPushButton(icons.icon("fa5s.file-excel"), self.tr("Excel"))
        self.xlsx_button.clicked.connect(lambda: self.ask_export("xlsx"))
        can_export = self.actor.can("personal.export")
        self.pdf_button.setEnabled(can_export)
        self.xlsx_button.setEnabled(can_export)
        no_export = self.tr(
            "Lembar kerja memuat NIK dan No HP: peran Anda tidak berhak mengekspornya."
        )
        explain_read_only(can_export, self.pdf_button, self.xlsx_button, why=no_export)
        row1 = QHBoxLayout()
        row1.addWidget(QLabel(self.tr("Agen / penugasan")))
        row1.addWidget(self.assignment_combo, 1)
        row1.addWidget(self.pdf_button)
        row1.addWidget(self.xlsx_button)
        row2 = QHBoxLayout()
        row2.addWidget(QLabel(self.tr("Mulai")))
        row2.addWidget(self.start_field)
        row2.addWidget(self.mode_combo)
        row2.addWidget(self.per_day)
        row2.addWidget(self.schedule_button)
        row2.addStretch(1)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress_label.setStyleSheet("color: #17324d;")
        self.plan_tree = QTreeWidget()
        self.plan_tree.setHeaderLabels(
            [
                self.tr("Wilayah / keluarga"),
                self.tr("Jadwal"),
                self.tr("No KK"),
                self.tr("Alamat"),
                self.tr("Prioritas"),
                self.tr("Sasaran (jiwa)"),
                self.tr("Kunjungan terakhir"),
            ]  # fmt: skip
        )
        self.plan_tree.setAlternatingRowColors(True)
        self.plan_tree.setColumnWidth(0, PLAN_AREA_WIDTH)
        self.plan_tree.setColumnWidth(2, 140)
        self.plan_tree.setColumnWidth(3, 200)
        self.plan_tree.itemActivated.connect(self._plan_item_activated)
        self.plan_status = QLabel()
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.plan_tree, 1)
        layout.addWidget(self.plan_status)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Sasaran dari halaman Petakan di wilayah tugas agen, per RT, keluarga "
                    "prioritas dulu. Enter atau klik ganda pada keluarga membuka Catat Kunjungan."
                )
            )
        )
        return tab

    def _reload_assignments(self) -> None:
        self._assignments = visit_plans.list_assignments(self.db)
        current = self.assignment_combo.currentData()
        fill_combo(self.assignment_combo, [(a.label, a.id) for a in self._assignments])
        if current is None and self._assignments:
            self.assignment_combo.setCurrentIndex(0)
        if not self._assignments:
            self.plan_tree.clear()
            self.plan_status.setText(
                self.tr("Belum ada penugasan agen yang aktif. Buat di halaman Agen & Penugasan.")
            )

    def selected_assignment(self) -> AssignmentChoice | None:
        ident = self.assignment_combo.currentData()
        return next((a for a in self._assignments if a.id == ident), None)

    def reload_plan(self) -> None:
        choice = self.selected_assignment()
        if choice is None:
            return
        self.plan_status.setText(self.tr("Memuat rencana…"))
        month = clock.today()

        def job(_ctx: TaskContext) -> tuple[PlanView, AgentMonth | None]:
            plan = visit_plans.plan_view(self.db, choice.id)
            with self.db.read() as session:
                rows = progress.agent_month_progress(session, month)
            return plan, next((r for r in rows if r.agent_id == choice.agent_id), None)

        self.tasks.run(job, self._plan_loaded, self._failed, key=f"{self._key}.plan")

    def _plan_loaded(self, result: tuple[PlanView, AgentMonth | None]) -> None:
        plan, month_row = result
        self.plan = plan
        self.progress_label.setText(progress_text(month_row, clock.today()))
        show = self.personal
        self.plan_tree.clear()
        for group in plan.groups:
            people = sum(f.targets for f in group.families)
            top = QTreeWidgetItem(
                [
                    group.area_label,
                    formatting.short_date(group.planned_on),
                    "",
                    "",
                    "",
                    str(people),
                    f"{len(group.families)} KK",
                ]
            )
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setToolTip(0, group.area_label)
            for family in group.families:
                last = ""
                if family.last_outcome:
                    last = (
                        f"{formatting.short_date(family.last_visit_on)} "
                        f"{label_of(fc.VISIT_OUTCOMES, family.last_outcome, family.last_outcome)}"
                    )
                child = QTreeWidgetItem(
                    [
                        family.head_name,
                        formatting.short_date(family.planned_on),
                        show(family.no_kk),
                        family.address,
                        str(family.priority),
                        str(family.targets),
                        last,
                    ]
                )
                child.setData(0, Qt.ItemDataRole.UserRole, family.family_id)
                if family.priority == 1:
                    child.setForeground(4, LATE)
                if family.last_outcome:
                    child.setForeground(6, MUTED)
                top.addChild(child)
            self.plan_tree.addTopLevelItem(top)
            top.setExpanded(True)
        # the RW / RT at the end of a long dusun's label tells the groups apart: never cut it
        self.plan_tree.setColumnWidth(
            0, max(PLAN_AREA_WIDTH, min(self.plan_tree.sizeHintForColumn(0), 640))
        )
        families = plan.families
        self.plan_status.setText(
            self.tr("{kk} KK sasaran, {jiwa} jiwa, di {rt} RT{scheduled}").format(
                kk=formatting.number(len(families)),
                jiwa=formatting.number(sum(f.targets for f in families)),
                rt=len(plan.groups),
                scheduled="" if plan.scheduled else self.tr(" · belum dijadwalkan"),
            )
            + (
                self.tr(
                    " · {n} KK tidak dicantumkan (pindah, meninggal atau sudah mendaftar)"
                ).format(n=len(plan.left_out))
                if plan.left_out
                else ""
            )
        )
        self.plan_status.setToolTip(
            "\n".join(
                f"{f.head_name} ({f.no_kk}): {f.reason_label} — {f.detail}" for f in plan.left_out
            )
        )

    def make_schedule(self) -> None:
        choice = self.selected_assignment()
        if choice is None or not self.can_write:
            return
        start = self.start_field.value() or clock.today()
        mode = str(self.mode_combo.currentData())
        per_day = self.per_day.value()

        def job(_ctx: TaskContext) -> int:
            return visit_plans.schedule(
                self.db, self.actor, choice.id, start, per_day=per_day, mode=mode
            )

        def done(rows: int) -> None:
            self.plan_status.setText(self.tr("Jadwal disusun: {n} baris.").format(n=rows))
            self.reload_plan()

        run_write(self, self.tasks, job, on_success=done, on_error=self._failed)

    def ask_export(self, kind: str) -> None:
        choice = self.selected_assignment()
        if choice is None:
            return
        suffix = "pdf" if kind == "pdf" else "xlsx"
        name = f"lembar-kerja-sisir-{choice.agent_name.lower().replace(' ', '-')}.{suffix}"
        target, _f = get_save_file_name(self, self.tr("Simpan lembar kerja"), name, f"*.{suffix}")
        if target:
            self.export_to(Path(target), kind)

    def export_to(self, path: Path, kind: str) -> None:
        choice = self.selected_assignment()
        if choice is None:
            return

        def job(_ctx: TaskContext) -> Path:
            return visit_plans.export_worksheet(self.db, self.actor, choice.id, path, kind=kind)

        def done(written: Path) -> None:
            self.plan_status.setText(self.tr("Tersimpan: {path}").format(path=written))

        run_write(self, self.tasks, job, on_success=done, on_error=self._failed)

    def _plan_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        family_id = item.data(0, Qt.ItemDataRole.UserRole)
        if family_id is not None:
            self.open_visit(int(family_id))

    def open_visit(self, family_id: int) -> None:
        self.tabs.setCurrentIndex(TAB_VISIT)
        self.visit_form.pick_family(family_id)

    # ------------------------------------------------------------ due tab

    def _build_due_tab(self) -> QWidget:
        self.due_days = QSpinBox()
        self.due_days.setRange(0, 365)
        self.due_days.setValue(visits.UPCOMING_DAYS)
        self.due_days.setPrefix(self.tr("sampai "))
        self.due_days.setSuffix(self.tr(" hari ke depan"))
        self.due_days.valueChanged.connect(lambda _v: self.reload_due())
        visit_button = QPushButton(icons.icon("fa5s.pen"), self.tr("Catat kunjungan (Enter)"))
        visit_button.clicked.connect(self._visit_due)
        self.due_model = rows_model(
            [
                self.tr("Kunjungan ulang"),
                self.tr("Terlambat"),
                self.tr("Kepala keluarga"),
                self.tr("No KK"),
                self.tr("Wilayah"),
                self.tr("No HP"),
                self.tr("Hasil terakhir"),
                self.tr("Agen"),
                self.tr("Catatan"),
            ],  # fmt: skip
            right_aligned=(1,),
        )
        self.due_view = _table(self.due_model)
        self.due_view.doubleClicked.connect(lambda _i: self._visit_due())
        for enter in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(enter), self.due_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self._visit_due)
        self.due_status = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Terlambat dan yang jatuh tempo")))
        top.addWidget(self.due_days)
        top.addStretch(1)
        top.addWidget(visit_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.due_view, 1)
        layout.addWidget(self.due_status)
        return tab

    def reload_due(self) -> None:
        days = self.due_days.value()

        def job(_ctx: TaskContext) -> list[DueRow]:
            return visits.due_list(self.db, clock.today(), days)

        self.tasks.run(job, self._due_loaded, self._failed, key=f"{self._key}.due")

    def _due_loaded(self, rows: list[DueRow]) -> None:
        today = clock.today()
        show = self.personal
        self.due_model.set_rows(
            [
                Row(
                    r.family_id,
                    (
                        formatting.short_date(r.revisit_on),
                        self.tr("{n} hari").format(n=r.days_late(today))
                        if r.is_overdue(today)
                        else "",
                        r.head_name,
                        show(r.no_kk),
                        r.area_label,
                        show(r.phone),
                        label_of(fc.VISIT_OUTCOMES, r.last_outcome, r.last_outcome),
                        r.agent_name,
                        r.note,
                    ),
                    (r.revisit_on, r.days_late(today)),
                    LATE if r.is_overdue(today) else WARN if r.revisit_on == today else None,
                )
                for r in rows
            ]
        )
        fit_columns(self.due_view, whole=(DUE_AREA_COLUMN,))  # the RW / RT says where to go
        late = sum(1 for r in rows if r.is_overdue(today))
        self.due_status.setText(
            self.tr("{n} keluarga perlu dikunjungi ulang, {late} sudah lewat jadwal.").format(
                n=len(rows), late=late
            )
        )

    def _visit_due(self) -> None:
        index = self.due_view.currentIndex()
        family_id = self.due_model.key(index.row()) if index.isValid() else None
        if family_id is not None:
            self.open_visit(int(family_id))

    # ------------------------------------------------------------ advocacy tab

    def _build_advocacy_tab(self) -> QWidget:
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2020, 2100)
        self.year_spin.setValue(clock.today().year)
        self.year_spin.valueChanged.connect(lambda _v: self.reload_advocacy())
        self.add_event_button = QPushButton(icons.icon("fa5s.plus"), self.tr("Tambah kegiatan"))
        self.add_event_button.clicked.connect(self.add_event)
        self.edit_event_button = QPushButton(icons.icon("fa5s.pen"), self.tr("Ubah"))
        self.edit_event_button.clicked.connect(self.edit_event)
        self.delete_event_button = QPushButton(icons.icon("fa5s.trash"), self.tr("Hapus"))
        self.delete_event_button.clicked.connect(self.delete_event)
        for button in (self.add_event_button, self.edit_event_button, self.delete_event_button):
            button.setEnabled(self.can_write)
            explain_read_only(self.can_write, button)
        self.events_model = rows_model(
            [self.tr("Tanggal"), self.tr("Jenis"), self.tr("Tempat"), self.tr("Peserta"),
             self.tr("Sasaran"), self.tr("Topik"), self.tr("Agen"), self.tr("Lampiran")],
            right_aligned=(3, 7),
        )  # fmt: skip
        self.events_view = _table(self.events_model, 0, Qt.SortOrder.DescendingOrder)
        self.events_view.doubleClicked.connect(lambda _i: self.edit_event())
        self.months_model = rows_model(
            [self.tr("Bulan"), self.tr("Kegiatan"), self.tr("Peserta"), self.tr("Per jenis")],
            right_aligned=(1, 2),
        )
        self.months_view = _table(self.months_model, None)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Tahun")))
        top.addWidget(self.year_spin)
        top.addStretch(1)
        top.addWidget(self.add_event_button)
        top.addWidget(self.edit_event_button)
        top.addWidget(self.delete_event_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.events_view)
        splitter.addWidget(self.months_view)
        splitter.setSizes([400, 260])
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        return tab

    def reload_advocacy(self) -> None:
        year = self.year_spin.value()

        def job(_ctx: TaskContext) -> tuple[list[EventRow], list[MonthCount]]:
            return (
                advocacy.list_events(self.db, date(year, 1, 1), date(year, 12, 31)),
                advocacy.monthly_counts(self.db, year),
            )

        self.tasks.run(job, self._advocacy_loaded, self._failed, key=f"{self._key}.adv")

    def _advocacy_loaded(self, result: tuple[list[EventRow], list[MonthCount]]) -> None:
        events_, months = result
        self.events_model.set_rows(
            [
                Row(
                    e.id,
                    (
                        formatting.short_date(e.held_on),
                        code_label(e.kind_label),
                        e.place,
                        formatting.number(e.participants),
                        e.audience,
                        ", ".join(
                            label_of(fc.ADVOCACY_TOPICS, t, t)
                            for t in fc.topics_from_text(e.topics)
                        ),
                        e.agent_name,
                        str(e.attachments) if e.attachments else "",
                    ),
                    (e.held_on, None, None, e.participants, None, None, None, e.attachments),
                )
                for e in events_
            ]
        )
        self.months_model.set_rows(
            [
                Row(
                    m.month,
                    (
                        formatting.month_year(m.month),
                        formatting.number(m.events),
                        formatting.number(m.participants),
                        ", ".join(
                            f"{label_of(fc.ADVOCACY_KINDS, k, k)} {n}"
                            for k, n in sorted(m.by_kind.items())
                        ),
                    ),
                    sort=(m.month,),
                    colour=MUTED if not m.events else None,
                )
                for m in months
            ]
        )
        fit_columns(self.events_view)
        fit_columns(self.months_view)

    def _agents_for_dialog(self) -> list[AssignmentChoice]:
        return self._assignments or visit_plans.list_assignments(self.db)

    def add_event(self) -> None:
        if self.can_write:
            self._open(
                AdvocacyDialog(self.db, self.tasks, self.actor, self._agents_for_dialog(), self)
            )

    def selected_event(self) -> int | None:
        index = self.events_view.currentIndex()
        key = self.events_model.key(index.row()) if index.isValid() else None
        return int(key) if key is not None else None

    def edit_event(self) -> None:
        event_id = self.selected_event()
        if event_id is not None and self.can_write:
            self._open(
                AdvocacyDialog(
                    self.db, self.tasks, self.actor, self._agents_for_dialog(), self, event_id
                )
            )

    def delete_event(self) -> None:
        event_id = self.selected_event()
        if event_id is None or not self.can_write:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Hapus kegiatan"),
            self.tr("Hapus kegiatan advokasi ini beserta lampirannya?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        run_write(self, self.tasks, lambda _c: advocacy.delete_event(self.db, self.actor, event_id))

    # ------------------------------------------------------------ refresh

    def activate(self) -> None:
        if not self._loaded:
            self._loaded = True
            self._reload_assignments()
            self.reload_plan()
            self.reload_due()
            self.reload_advocacy()
        elif self._dirty:
            self._dirty = False
            self._refresh_current()

    def _tab_changed(self, index: int) -> None:
        if index == TAB_VISIT:
            self.visit_form.focus_search()
        if self._loaded:
            self._refresh_current()

    def _refresh_current(self) -> None:
        index = self.tabs.currentIndex()
        if index == TAB_PLAN:
            self.reload_plan()
        elif index == TAB_DUE:
            self.reload_due()
        elif index == TAB_ADVOCACY:
            self.reload_advocacy()

    def _on_data_changed(self, topic: Topic) -> None:
        if topic not in REFRESH_TOPICS or not self._loaded:
            return
        if topic == Topic.AGENTS:
            self._reload_assignments()
        if self.isVisible():
            self._refresh_current()
        else:
            self._dirty = True

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, (ValidationError, PesiarError)):
            show_error(self, err)
            return
        self.plan_status.setText(self.tr("Gagal: {error}").format(error=err))
