"""Add or edit an advocacy event: date, kind, place, audience, participants, topics, agent,
notes and attached files (minutes, attendance list, photos) kept in the database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.errors import ValidationError
from pesiar_desktop.reportdata.fieldwork import AssignmentChoice
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.services import advocacy
from pesiar_desktop.services.advocacy import EventInput
from pesiar_desktop.services.context import Actor
from pesiar_desktop.ui.i18n import code_label
from pesiar_desktop.ui.save_dialog import get_save_file_name
from pesiar_desktop.ui.screen_fit import scrolled
from pesiar_desktop.ui.tasks import TaskContext, TaskManager
from pesiar_desktop.ui.widgets.date_field import DateField
from pesiar_desktop.ui.widgets.forms import FieldErrors, code_items, error_label, fill_combo
from pesiar_desktop.ui.write_op import run_write, show_field_errors

NEW_FILE = -1


class AdvocacyDialog(QDialog):
    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        agents: list[AssignmentChoice],
        parent: QWidget | None = None,
        event_id: int | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.actor = actor
        self.event_id = event_id
        self.saved_id: int | None = None
        self._new_files: list[tuple[str, bytes]] = []
        self._removed: list[int] = []
        self.setWindowTitle(
            self.tr("Ubah kegiatan advokasi") if event_id else self.tr("Kegiatan advokasi baru")
        )
        self.errors = FieldErrors()
        self.date_field = DateField(allow_empty=False)
        self.kind_combo = QComboBox()
        fill_combo(
            self.kind_combo,
            code_items(fc.ADVOCACY_KINDS),
            self.tr("— pilih jenis —"),
        )
        self.place_edit = QLineEdit()
        self.audience_edit = QLineEdit()
        self.audience_edit.setPlaceholderText(
            self.tr("mis. ibu hamil dan balita, BPD, tokoh agama")
        )
        self.participants = QSpinBox()
        self.participants.setRange(0, advocacy.MAX_PARTICIPANTS)
        self.agent_combo = QComboBox()
        seen: dict[int, str] = {}
        for choice in agents:
            seen.setdefault(choice.agent_id, choice.agent_name)
        fill_combo(self.agent_combo, [(n, i) for i, n in seen.items()], self.tr("(tanpa agen)"))
        self.topic_boxes: dict[str, QCheckBox] = {}
        topics = QWidget()
        grid = QGridLayout(topics)
        grid.setContentsMargins(0, 0, 0, 0)
        for position, (code, label) in enumerate(fc.ADVOCACY_TOPICS.items()):
            box = QCheckBox(code_label(label))
            self.topic_boxes[code] = box
            grid.addWidget(box, position // 2, position % 2)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(self.fontMetrics().height() * 4)
        self.files = QListWidget()
        self.files.setMaximumHeight(self.fontMetrics().height() * 5)
        add = QPushButton(self.tr("Lampirkan berkas…"))
        add.clicked.connect(self._add_files)
        remove = QPushButton(self.tr("Hapus lampiran"))
        remove.clicked.connect(self._remove_file)
        save_as = QPushButton(self.tr("Simpan salinan…"))
        save_as.clicked.connect(self._save_copy)
        file_buttons = QHBoxLayout()
        for button in (add, remove, save_as):
            file_buttons.addWidget(button)
        file_buttons.addStretch(1)
        files = QWidget()
        files_layout = QVBoxLayout(files)
        files_layout.setContentsMargins(0, 0, 0, 0)
        files_layout.addWidget(self.files)
        files_layout.addLayout(file_buttons)

        form = QFormLayout()
        form.addRow(self.tr("Tanggal"), self.errors.field("held_on", self.date_field))
        form.addRow(self.tr("Jenis kegiatan"), self.errors.field("kind", self.kind_combo))
        form.addRow(self.tr("Tempat"), self.errors.field("place", self.place_edit))
        form.addRow(self.tr("Sasaran / peserta"), self.audience_edit)
        form.addRow(self.tr("Jumlah peserta"), self.errors.field("participants", self.participants))
        form.addRow(self.tr("Agen"), self.errors.field("agent", self.agent_combo))
        form.addRow(self.tr("Topik"), self.errors.field("topics", topics))
        form.addRow(self.tr("Catatan"), self.note_edit)
        form.addRow(self.tr("Lampiran"), self.errors.field("attachments", files))
        self.general_error = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(form), 1)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        if event_id is not None:
            self._load(event_id)

    def _load(self, event_id: int) -> None:
        row, files = advocacy.get_event(self.db, event_id)
        self.date_field.set_value(row.held_on)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(row.kind)))
        self.place_edit.setText(row.place)
        self.audience_edit.setText(row.audience)
        self.participants.setValue(row.participants)
        self.agent_combo.setCurrentIndex(max(0, self.agent_combo.findData(row.agent_id)))
        for code in fc.topics_from_text(row.topics):
            if code in self.topic_boxes:
                self.topic_boxes[code].setChecked(True)
        self.note_edit.setPlainText(row.note)
        for attachment in files:
            item = QListWidgetItem(f"{attachment.file_name} ({attachment.size // 1024 + 1} KB)")
            item.setData(Qt.ItemDataRole.UserRole, attachment.id)
            self.files.addItem(item)

    def add_file_paths(self, paths: list[str | Path]) -> None:
        for raw in paths:
            try:
                name, content = advocacy.read_attachment_file(raw)
            except ValidationError as err:
                self.errors.show(err.field_errors)
                continue
            self._new_files.append((name, content))
            item = QListWidgetItem(self.tr("{name} (baru)").format(name=name))
            item.setData(Qt.ItemDataRole.UserRole, NEW_FILE)
            self.files.addItem(item)

    def _add_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Lampirkan berkas"), "", self.tr("Semua berkas (*)")
        )
        self.add_file_paths(list(paths))

    def _remove_file(self) -> None:
        item = self.files.currentItem()
        if item is None:
            return
        ident = item.data(Qt.ItemDataRole.UserRole)
        row = self.files.row(item)
        if ident == NEW_FILE:
            new_rows = [
                i
                for i in range(self.files.count())
                if self.files.item(i).data(Qt.ItemDataRole.UserRole) == NEW_FILE
            ]
            del self._new_files[new_rows.index(row)]
        else:
            self._removed.append(int(ident))
        self.files.takeItem(row)

    def _save_copy(self) -> None:
        item = self.files.currentItem()
        if item is None or item.data(Qt.ItemDataRole.UserRole) == NEW_FILE:
            return
        name, content = advocacy.attachment_content(
            self.db, int(item.data(Qt.ItemDataRole.UserRole))
        )
        target, _f = get_save_file_name(self, self.tr("Simpan salinan"), name)
        if target:
            Path(target).write_bytes(content)

    def event_input(self) -> EventInput:
        return EventInput(
            held_on=self.date_field.value() or clock.today(),
            kind=self.kind_combo.currentData() or "",
            place=self.place_edit.text(),
            audience=self.audience_edit.text(),
            participants=self.participants.value(),
            topics=[c for c, box in self.topic_boxes.items() if box.isChecked()],
            note=self.note_edit.toPlainText(),
            agent_id=self.agent_combo.currentData(),
            attachments=list(self._new_files),
        )

    def save(self) -> None:
        self.errors.clear()
        self.general_error.hide()
        data, event_id, removed = self.event_input(), self.event_id, list(self._removed)

        def write(_context: TaskContext) -> int:
            if event_id is None:
                return advocacy.record_event(self.db, self.actor, data)
            advocacy.update_event(self.db, self.actor, event_id, data, removed)
            return event_id

        def saved(saved_id: int) -> None:
            self.saved_id = saved_id
            self.accept()

        run_write(
            self,
            self.tasks,
            write,
            on_success=saved,
            on_error=lambda err: show_field_errors(self.errors, self.general_error, self, err),
        )
