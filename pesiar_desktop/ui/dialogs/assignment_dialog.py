"""Add or edit an assignment: agent, period, areas (whole dusun or RT), monthly targets,
Dana Desa funding line and budget, incentive scheme. The number of keluarga binaan and the
workload hint (setting ``agent.max_families``) update as areas are ticked.

Public names used by tests: `agent_combo`, `start_date`, `end_date`, `area_list`,
`families_label`, `workload_label`, `budget_spin`, `honor_spin`, `per_person_spin`,
`errors`, `check_rt()`, `save()`, `saved_id`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.errors import PesiarError, ValidationError
from pesiar_desktop.services import agents, assignments, village
from pesiar_desktop.services.context import Actor
from pesiar_desktop.ui import formatting
from pesiar_desktop.ui.screen_fit import scrolled
from pesiar_desktop.ui.tasks import TaskContext, TaskManager
from pesiar_desktop.ui.widgets.date_field import DateField
from pesiar_desktop.ui.widgets.forms import (
    FieldErrors,
    fill_combo,
    set_combo_data,
    show_error,
    warning_label,
)
from pesiar_desktop.ui.write_op import run_write

MONEY_MAX = 2_000_000_000


def _money_spin() -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, MONEY_MAX)
    spin.setSingleStep(50_000)
    spin.setGroupSeparatorShown(True)
    spin.setPrefix("Rp ")
    return spin


class AssignmentDialog(QDialog):
    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        assignment_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.actor = actor
        self.assignment_id = assignment_id
        self.saved_id: int | None = None
        self._family_ids: list[int] | None = None
        self.max_families = assignments.max_families(db)
        self.setWindowTitle(
            self.tr("Ubah penugasan") if assignment_id else self.tr("Penugasan baru")
        )
        self.errors = FieldErrors()

        self.agent_combo = QComboBox()
        fill_combo(
            self.agent_combo,
            [(a.name, a.id) for a in agents.list_agents(db, active_only=assignment_id is None)],
            self.tr("— pilih agen —"),
        )
        # A long agent name ("Prof. Dr. Hj. …, S.K.M., M.Kes.") must not widen the form
        # past the dialog: narrow in the row, full text in the popup list.
        self.agent_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.agent_combo.setMinimumContentsLength(24)
        self.agent_combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        year = clock.today().year
        self.start_date = DateField(maximum_today=False)
        self.start_date.set_value(date(year, 1, 1))
        self.end_date = DateField(maximum_today=False)
        self.end_date.set_value(date(year, 12, 31))
        self.end_date.setMaximumDate(QDate(2100, 12, 31))
        self.start_date.setMaximumDate(QDate(2100, 12, 31))

        self.area_list = QListWidget()
        self.area_list.setMinimumHeight(160)
        for dusun_id, name in village.list_dusun(db):
            item = QListWidgetItem(
                self.tr("{dusun} (seluruh dusun)").format(dusun=formatting.area(name))
            )
            item.setData(Qt.ItemDataRole.UserRole, ("d", dusun_id))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.area_list.addItem(item)
            for area in village.list_areas(db):
                if area.dusun_id != dusun_id:
                    continue
                rw = f"RW {area.rw} / " if area.rw and area.rw != "-" else ""
                rt_item = QListWidgetItem(f"      {rw}RT {area.rt}")
                rt_item.setData(Qt.ItemDataRole.UserRole, ("r", area.rt_id))
                rt_item.setFlags(rt_item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                rt_item.setCheckState(Qt.CheckState.Unchecked)
                self.area_list.addItem(rt_item)
        self.area_list.itemChanged.connect(self._areas_changed)
        self.families_label = QLabel()
        self.workload_label = warning_label()

        defaults = assignments.new_input(db)
        self.people_spin = QSpinBox()
        self.people_spin.setRange(0, 10_000)
        self.people_spin.setValue(defaults.target_people_per_month)
        self.people_spin.setSuffix(self.tr(" jiwa"))
        self.families_spin = QSpinBox()
        self.families_spin.setRange(0, 10_000)
        self.families_spin.setValue(defaults.target_families_per_month)
        self.families_spin.setSuffix(self.tr(" KK"))
        targets = QHBoxLayout()
        targets.addWidget(self.people_spin)
        targets.addWidget(QLabel(self.tr("atau")))
        targets.addWidget(self.families_spin)
        targets.addStretch(1)

        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("mis. 2.3.01"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("nama kegiatan di APBDes"))
        self.budget_spin = _money_spin()
        self.honor_spin = _money_spin()
        self.per_person_spin = _money_spin()
        self.per_person_spin.setSingleStep(1_000)
        self.per_family_spin = _money_spin()
        self.per_family_spin.setSingleStep(1_000)
        self.note_edit = QLineEdit()

        form = QFormLayout()
        form.addRow(self.tr("Agen *"), self.errors.field("agent_id", self.agent_combo))
        form.addRow(self.tr("Mulai tugas *"), self.errors.field("period_start", self.start_date))
        form.addRow(self.tr("Akhir tugas *"), self.errors.field("period_end", self.end_date))
        form.addRow(
            self.tr("Wilayah tugas *"), self.errors.field("areas", self.area_list, "families")
        )
        form.addRow(self.tr("Keluarga binaan"), self.families_label)
        form.addRow("", self.workload_label)
        form.addRow(self.tr("Target per bulan"), targets)
        form.addRow(self.tr("Kode kegiatan APBDes"), self.code_edit)
        form.addRow(self.tr("Kegiatan APBDes"), self.errors.field("apbdes_name", self.name_edit))
        form.addRow(self.tr("Pagu anggaran"), self.errors.field("budget", self.budget_spin))
        form.addRow(
            self.tr("Honor per bulan"), self.errors.field("monthly_honorarium", self.honor_spin)
        )
        form.addRow(
            self.tr("Insentif per jiwa (iuran pertama lunas)"),
            self.errors.field("fee_per_person_paid", self.per_person_spin),
        )
        form.addRow(
            self.tr("Insentif per KK (boleh 0)"),
            self.errors.field("fee_per_family_paid", self.per_family_spin),
        )
        form.addRow(self.tr("Catatan"), self.note_edit)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.setMinimumWidth(640)
        layout.addWidget(scrolled(form), 1)
        layout.addWidget(buttons)
        if assignment_id is not None:
            self._load(assignment_id)
        self._areas_changed()

    def _load(self, assignment_id: int) -> None:
        data = assignments.load_input(self.db, assignment_id)
        set_combo_data(self.agent_combo, data.agent_id)
        self.start_date.set_value(data.period_start)
        self.end_date.set_value(data.period_end)
        wanted = {("d", d) for d in data.dusun_ids} | {("r", r) for r in data.rt_ids}
        self.area_list.blockSignals(True)
        for i in range(self.area_list.count()):
            item = self.area_list.item(i)
            if tuple(item.data(Qt.ItemDataRole.UserRole)) in wanted:
                item.setCheckState(Qt.CheckState.Checked)
        self.area_list.blockSignals(False)
        self._family_ids = data.family_ids  # an earlier split stays as it is
        self.people_spin.setValue(data.target_people_per_month)
        self.families_spin.setValue(data.target_families_per_month)
        self.code_edit.setText(data.apbdes_code)
        self.name_edit.setText(data.apbdes_name)
        self.name_edit.setCursorPosition(0)  # a long name shows its start, not its end
        self.budget_spin.setValue(data.budget)
        self.honor_spin.setValue(data.monthly_honorarium)
        self.per_person_spin.setValue(data.fee_per_person_paid)
        self.per_family_spin.setValue(data.fee_per_family_paid)
        self.note_edit.setText(data.note)
        self._loaded_areas = wanted

    def check_rt(self, rt_id: int, checked: bool = True) -> None:
        for i in range(self.area_list.count()):
            item = self.area_list.item(i)
            if tuple(item.data(Qt.ItemDataRole.UserRole)) == ("r", rt_id):
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _selected(self) -> tuple[list[int], list[int]]:
        rts: list[int] = []
        dusun: list[int] = []
        for i in range(self.area_list.count()):
            item = self.area_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                kind, ident = item.data(Qt.ItemDataRole.UserRole)
                (dusun if kind == "d" else rts).append(int(ident))
        return rts, dusun

    def _areas_changed(self, *_args: object) -> None:
        rts, dusun = self._selected()
        if self.assignment_id is not None and getattr(self, "_loaded_areas", None) is not None:
            current = {("d", d) for d in dusun} | {("r", r) for r in rts}
            if current != self._loaded_areas:
                self._family_ids = None  # new areas: every family in them
        count = (
            len(self._family_ids)
            if self._family_ids is not None
            else assignments.count_area_families(self.db, rts, dusun)
        )
        self.families_label.setText(self.tr("{n} KK").format(n=formatting.number(count)))
        hint = assignments.workload_warning(count, self.max_families)
        self.workload_label.setText(hint or "")
        self.workload_label.setVisible(bool(hint))

    def value(self) -> assignments.AssignmentInput:
        rts, dusun = self._selected()
        return assignments.AssignmentInput(
            agent_id=self.agent_combo.currentData() or 0,
            period_start=self.start_date.value(),
            period_end=self.end_date.value(),
            rt_ids=rts,
            dusun_ids=dusun,
            family_ids=self._family_ids,
            target_people_per_month=self.people_spin.value(),
            target_families_per_month=self.families_spin.value(),
            apbdes_code=self.code_edit.text(),
            apbdes_name=self.name_edit.text(),
            budget=self.budget_spin.value(),
            monthly_honorarium=self.honor_spin.value(),
            fee_per_person_paid=self.per_person_spin.value(),
            fee_per_family_paid=self.per_family_spin.value(),
            note=self.note_edit.text(),
        )

    def save(self) -> None:
        self.errors.clear()
        data, assignment_id = self.value(), self.assignment_id

        def write(_context: TaskContext) -> assignments.AssignmentRow:
            if assignment_id is None:
                return assignments.create_assignment(self.db, self.actor, data)
            return assignments.update_assignment(self.db, self.actor, assignment_id, data)

        def saved(row: assignments.AssignmentRow) -> None:
            self.saved_id = row.id
            self.accept()

        def failed(err: BaseException) -> None:
            if not isinstance(err, ValidationError):
                show_error(self, err)
                return
            rest = self.errors.show(err.field_errors)
            self.adjustSize()  # grow so the messages under the fields are not cut
            if rest:
                show_error(self, PesiarError("\n".join(rest.values())))

        run_write(self, self.tasks, write, on_success=saved, on_error=failed)
