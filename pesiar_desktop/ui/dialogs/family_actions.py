"""Family actions from the KK panel: a death / a move out of the village (population
events with date, place and note, with confirmation),
move to another KK, change the kepala keluarga.

Each dialog asks only what the service needs and shows the service's field
errors inline; the services enforce the rules (one living head per family, the
role) whatever the dialog allows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop.db import Database
from pesiar_desktop.errors import ValidationError
from pesiar_desktop.rules import codes
from pesiar_desktop.services import population, residents
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.register import FamilyView, RegisterRow
from pesiar_desktop.ui.i18n import label_of
from pesiar_desktop.ui.tasks import TaskContext, TaskManager
from pesiar_desktop.ui.widgets.date_field import DateField
from pesiar_desktop.ui.widgets.family_inputs import FamilyPicker, NewFamilyFields
from pesiar_desktop.ui.widgets.forms import (
    FieldErrors,
    code_items,
    error_label,
    fill_combo,
)
from pesiar_desktop.ui.write_op import run_write, show_field_errors

KIND_DEAD = "dead"
KIND_MOVED = "moved"


def living_others(family: FamilyView, resident_id: int) -> list[RegisterRow]:
    return [m for m in family.members if m.id != resident_id and m.life_status == codes.LIFE_ALIVE]


def needs_new_head(family: FamilyView, person: RegisterRow) -> bool:
    """A living head leaving a family that still has living members must hand over."""
    return person.shdk == codes.SHDK_HEAD and bool(living_others(family, person.id))


def _member_label(member: RegisterRow) -> str:
    return f"{member.name} ({label_of(codes.SHDK, member.shdk)}, {member.age()} th)"


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    return form


class _ActionDialog(QDialog):
    """Common frame: a message, a form, an inline general error, OK / Batal. `_run`
    checks the form and hands the write to `run_write` with `_done` / `_failed`."""

    def __init__(
        self,
        parent: QWidget | None,
        tasks: TaskManager,
        title: str,
        ok_text: str,
        destructive: bool,
    ):
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(title)
        self.errors = FieldErrors()
        self.general_error = error_label(self)
        self.general_error.setObjectName("general_error")
        self.form = _form()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.ok_button: QPushButton = self.buttons.addButton(
            ok_text, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        # Destructive actions: Enter must not confirm by accident.
        (cancel if destructive else self.ok_button).setDefault(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(420)
        top = QHBoxLayout()
        if destructive:
            icon = QLabel()
            icon.setPixmap(
                self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(40, 40)
            )
            icon.setAlignment(Qt.AlignmentFlag.AlignTop)
            top.addWidget(icon)
        top.addWidget(self.message, 1)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(top)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.general_error)
        self.layout_.addWidget(self.buttons)

    def _run(self) -> None:
        raise NotImplementedError

    def _submit(self) -> None:
        self.errors.clear()
        self.general_error.hide()
        try:
            self._run()
        except ValidationError as err:  # checked here, before the write
            self._failed(err)

    def _done(self, _result: object = None) -> None:
        self.accept()

    def _failed(self, err: BaseException) -> None:
        show_field_errors(self.errors, self.general_error, self, err)


class LifeEventDialog(_ActionDialog):
    """Mark a resident dead or moved away: asks the date and, for a head, the successor."""

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        person: RegisterRow,
        family: FamilyView,
        kind: str,
        parent: QWidget | None = None,
    ):
        dead = kind == KIND_DEAD
        title = self.tr("Tandai meninggal") if dead else self.tr("Tandai pindah")
        ok_text = self.tr("Ya, tandai meninggal") if dead else self.tr("Ya, tandai pindah")
        super().__init__(parent, tasks, title, ok_text, destructive=True)
        self.db, self.actor, self.person, self.kind = db, actor, person, kind
        if dead:
            text = self.tr(
                "Tandai <b>{name}</b> sebagai meninggal dunia? Datanya tetap disimpan sebagai "
                "riwayat, tidak lagi dihitung sebagai penduduk hidup, dan kepesertaan JKN-nya "
                "diakhiri."
            )
        else:
            text = self.tr(
                "Tandai <b>{name}</b> sebagai pindah keluar desa? Datanya tetap disimpan sebagai "
                "riwayat, tidak lagi dihitung sebagai penduduk, dan kepesertaan JKN-nya diakhiri."
            )
        self.message.setText(text.format(name=person.name))
        self.date = DateField(self, allow_empty=False)
        self.form.addRow(
            self.tr("Tanggal meninggal") if dead else self.tr("Tanggal pindah"),
            self.errors.field("date", self.date, "life_status"),
        )
        self.place = QLineEdit()
        self.place.setMaxLength(120)
        self.form.addRow(
            self.tr("Tempat meninggal") if dead else self.tr("Pindah ke"),
            self.errors.field("place", self.place),
        )
        self.note = QLineEdit()
        self.note.setMaxLength(255)
        self.note.setPlaceholderText(self.tr("mis. nomor surat keterangan"))
        self.form.addRow(self.tr("Keterangan"), self.errors.field("note", self.note))
        self.new_head: QComboBox | None = None
        if needs_new_head(family, person):
            self.new_head = QComboBox()
            fill_combo(
                self.new_head,
                [(_member_label(m), m.id) for m in living_others(family, person.id)],
                self.tr("— pilih kepala keluarga baru —"),
            )
            self.form.addRow(
                self.tr("Kepala keluarga baru"), self.errors.field("new_head", self.new_head)
            )

    def _run(self) -> None:
        when = self.date.value()
        assert when is not None
        new_head = self.new_head.currentData() if self.new_head is not None else None
        person_id, dead = self.person.id, self.kind == KIND_DEAD
        place, note = self.place.text(), self.note.text()

        def write(_context: TaskContext) -> None:
            if dead:
                population.record_death(
                    self.db, self.actor, person_id, when,
                    place=place, note=note, new_head_id=new_head,
                )  # fmt: skip
            else:
                population.record_move_out(
                    self.db, self.actor, person_id, when,
                    place=place, note=note, new_head_id=new_head,
                )  # fmt: skip

        run_write(self, self.tasks, write, on_success=self._done, on_error=self._failed)


class ChangeHeadDialog(_ActionDialog):
    """Make another living member the kepala keluarga."""

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        family: FamilyView,
        parent: QWidget | None = None,
        preselect_id: int | None = None,
    ):
        super().__init__(
            parent,
            tasks,
            self.tr("Ganti kepala keluarga"),
            self.tr("Ganti kepala"),
            destructive=False,
        )
        self.db, self.actor, self.family = db, actor, family
        head = next(
            (
                m
                for m in family.members
                if m.shdk == codes.SHDK_HEAD and m.life_status == codes.LIFE_ALIVE
            ),
            None,
        )
        self.message.setText(
            self.tr("KK {kk}: kepala keluarga sekarang {head}.").format(
                kk=family.no_kk, head=head.name if head else self.tr("(tidak ada)")
            )
        )
        candidates = [
            m
            for m in family.members
            if m.life_status == codes.LIFE_ALIVE and m.shdk != codes.SHDK_HEAD
        ]
        self.new_head = QComboBox()
        fill_combo(
            self.new_head,
            [(_member_label(m), m.id) for m in candidates],
            self.tr("— pilih anggota —"),
        )
        if preselect_id is not None:
            index = self.new_head.findData(preselect_id)
            if index >= 0:
                self.new_head.setCurrentIndex(index)
        self.form.addRow(
            self.tr("Kepala keluarga baru"), self.errors.field("new_head", self.new_head)
        )
        self.old_shdk = QComboBox()
        fill_combo(
            self.old_shdk,
            [(label, code) for label, code in code_items(codes.SHDK) if code != codes.SHDK_HEAD],
        )
        default_shdk = 3 if head is not None and head.sex == 2 else 2
        self.old_shdk.setCurrentIndex(self.old_shdk.findData(default_shdk))
        self.old_shdk_row_label = (
            self.tr("Hubungan {name} menjadi").format(name=head.name)
            if head
            else self.tr("Hubungan kepala lama")
        )
        self.form.addRow(self.old_shdk_row_label, self.errors.field("shdk", self.old_shdk))
        if head is None:
            self.old_shdk.setEnabled(False)

    def _run(self) -> None:
        new_head = self.new_head.currentData()
        if new_head is None:
            raise ValidationError({"new_head": self.tr("Pilih anggota yang menjadi kepala.")})
        family_id, old_shdk = self.family.id, int(self.old_shdk.currentData())
        run_write(
            self,
            self.tasks,
            lambda _c: residents.change_head(
                self.db, self.actor, family_id, int(new_head), old_shdk
            ),
            on_success=self._done,
            on_error=self._failed,
        )


class MoveDialog(_ActionDialog):
    """Move a resident to another KK, or to a new KK they head (pecah KK)."""

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        person: RegisterRow,
        family: FamilyView,
        parent: QWidget | None = None,
    ):
        super().__init__(
            parent, tasks, self.tr("Pindah KK"), self.tr("Pindahkan"), destructive=False
        )
        self.db, self.actor, self.person, self.family = db, actor, person, family
        self.message.setText(
            self.tr("Pindahkan <b>{name}</b> dari KK {kk} ke:").format(
                name=person.name, kk=family.no_kk
            )
        )
        self.to_existing = QRadioButton(self.tr("KK yang sudah ada"))
        self.to_new = QRadioButton(self.tr("KK baru (pecah KK, orang ini kepala keluarga)"))
        group = QButtonGroup(self)
        group.addButton(self.to_existing)
        group.addButton(self.to_new)
        self.to_existing.setChecked(True)
        choice = QHBoxLayout()
        choice.addWidget(self.to_existing)
        choice.addWidget(self.to_new)
        choice.addStretch(1)
        self.form.addRow(choice)
        self.picker = FamilyPicker(db, tasks, self, exclude_family_id=family.id)
        self.form.addRow(self.tr("Cari KK tujuan"), self.errors.field("family", self.picker))
        self.new_family_box = QWidget()
        new_form = _form()
        new_form.setContentsMargins(0, 0, 0, 0)
        self.new_family_box.setLayout(new_form)
        self.new_family = NewFamilyFields(db, new_form, self.errors, self)
        self.form.addRow(self.new_family_box)
        self.shdk = QComboBox()
        fill_combo(self.shdk, code_items(codes.SHDK), self.tr("— pilih —"))
        self.form.addRow(self.tr("Hubungan di KK tujuan"), self.errors.field("shdk", self.shdk))
        self.new_head: QComboBox | None = None
        if needs_new_head(family, person):
            self.new_head = QComboBox()
            fill_combo(
                self.new_head,
                [(_member_label(m), m.id) for m in living_others(family, person.id)],
                self.tr("— pilih —"),
            )
            self.form.addRow(
                self.tr("Kepala baru KK {kk}").format(kk=family.no_kk),
                self.errors.field("new_head", self.new_head),
            )
        self.to_new.toggled.connect(self._choice_changed)
        self._choice_changed()

    def _choice_changed(self) -> None:
        new = self.to_new.isChecked()
        self.picker.setEnabled(not new)
        wrapper = self.picker.parentWidget()  # the picker with its error label
        if wrapper is not None:
            wrapper.setVisible(not new)
            label = self.form.labelForField(wrapper)
            if label is not None:
                label.setVisible(not new)
        self.new_family_box.setVisible(new)
        if new:
            self.shdk.setCurrentIndex(self.shdk.findData(codes.SHDK_HEAD))
        self.shdk.setEnabled(not new)
        self.adjustSize()

    def _run(self) -> None:
        shdk = self.shdk.currentData()
        new_head = self.new_head.currentData() if self.new_head is not None else None
        person_id = self.person.id
        if self.to_new.isChecked():
            new_family = self.new_family.value()
            run_write(
                self,
                self.tasks,
                lambda _c: residents.move_resident(
                    self.db,
                    self.actor,
                    person_id,
                    codes.SHDK_HEAD,
                    new_family=new_family,
                    new_head_for_old_family=new_head,
                ),
                on_success=self._done,
                on_error=self._failed,
            )
            return
        target = self.picker.family_id()
        if target is None:
            raise ValidationError({"family": self.tr("Pilih KK tujuan dari daftar hasil.")})
        run_write(
            self,
            self.tasks,
            lambda _c: residents.move_resident(
                self.db,
                self.actor,
                person_id,
                int(shdk or 0),
                to_family_id=target,
                new_head_for_old_family=new_head,
            ),
            on_success=self._done,
            on_error=self._failed,
        )
