"""Add or edit an Agen PESIAR: identity (optionally linked to a resident by NIK), source,
contact, bank account for fees, photo, pakta integritas date, active flag.

Errors from the service appear under their fields; nothing is saved until every field is
right. Public names used by tests: `link_nik`, `name_edit`, `source_combo`, `note_edit`,
`phone_edit`, `bank_name_edit`, `bank_account_edit`, `pact_date`, `active_check`,
`errors`, `saved_id`, `set_photo_bytes()`, `save()`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop.db import Database
from pesiar_desktop.errors import ValidationError
from pesiar_desktop.rules import agent_codes
from pesiar_desktop.services import agents
from pesiar_desktop.services.context import Actor
from pesiar_desktop.ui.screen_fit import scrolled
from pesiar_desktop.ui.tasks import TaskContext, TaskManager
from pesiar_desktop.ui.widgets.date_field import DateField
from pesiar_desktop.ui.widgets.forms import (
    FieldErrors,
    code_items,
    fill_combo,
    hint_label,
    set_combo_data,
    show_error,
)
from pesiar_desktop.ui.write_op import run_write

PHOTO_W, PHOTO_H = 90, 120


class AgentDialog(QDialog):
    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        agent_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.actor = actor
        self.agent_id = agent_id
        self.saved_id: int | None = None
        self.resident_id: int | None = None
        self.photo: bytes | None = None
        self.photo_removed = False
        self.setWindowTitle(
            self.tr("Ubah Agen PESIAR") if agent_id else self.tr("Agen PESIAR baru")
        )
        self.errors = FieldErrors()

        self.link_nik = QLineEdit()
        self.link_nik.setPlaceholderText(
            self.tr("NIK penduduk desa (kosongkan bila dari luar desa)")
        )
        self.link_nik.setMaxLength(16)
        self.link_nik.editingFinished.connect(self._lookup_resident)
        self.link_label = hint_label("")
        self.name_edit = QLineEdit()
        self.nik_edit = QLineEdit()
        self.nik_edit.setMaxLength(16)
        self.source_combo = QComboBox()
        fill_combo(self.source_combo, code_items(agent_codes.AGENT_SOURCES), self.tr("— pilih —"))
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("jabatan/petugas lain (untuk unsur 'lain')"))
        self.position_edit = QLineEdit("Agen PESIAR")
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText("08xxxxxxxxxx")
        self.address_edit = QLineEdit()
        self.bank_name_edit = QLineEdit()
        self.bank_account_edit = QLineEdit()
        self.bank_holder_edit = QLineEdit()
        self.bank_holder_edit.setPlaceholderText(self.tr("bawaan: nama agen"))
        self.pact_date = DateField()
        self.active_check = QCheckBox(self.tr("Aktif"))
        self.active_check.setChecked(True)

        self.photo_label = QLabel(self.tr("Belum ada foto"))
        self.photo_label.setFixedSize(PHOTO_W, PHOTO_H)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setWordWrap(True)  # "Belum ada foto" is wider than the frame
        self.photo_label.setStyleSheet("border: 1px solid #c0c0c0; background: #fafafa;")
        pick = QPushButton(self.tr("Pilih foto…"))
        pick.clicked.connect(self._pick_photo)
        clear = QPushButton(self.tr("Hapus foto"))
        clear.clicked.connect(self._clear_photo)
        photo_box = QVBoxLayout()
        photo_box.addWidget(self.photo_label)
        photo_box.addWidget(pick)
        photo_box.addWidget(clear)
        photo_box.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("Tautkan ke penduduk"), self.link_nik)
        form.addRow("", self.link_label)
        form.addRow(self.tr("Nama *"), self.errors.field("name", self.name_edit))
        form.addRow(self.tr("NIK"), self.errors.field("nik", self.nik_edit, "resident_id"))
        form.addRow(self.tr("Unsur *"), self.errors.field("source_category", self.source_combo))
        form.addRow(self.tr("Keterangan unsur"), self.errors.field("source_note", self.note_edit))
        form.addRow(self.tr("Jabatan"), self.position_edit)
        form.addRow(self.tr("No. HP"), self.errors.field("phone", self.phone_edit))
        form.addRow(self.tr("Alamat"), self.address_edit)
        form.addRow(self.tr("Bank"), self.errors.field("bank_name", self.bank_name_edit))
        form.addRow(
            self.tr("No. rekening"), self.errors.field("bank_account", self.bank_account_edit)
        )
        form.addRow(self.tr("Atas nama"), self.bank_holder_edit)
        form.addRow(
            self.tr("Pakta integritas ditandatangani"),
            self.errors.field("integrity_pact_date", self.pact_date),
        )
        form.addRow("", self.active_check)
        self.photo_error = self.errors.field("photo", QWidget())

        body = QHBoxLayout()
        body.addLayout(form, 1)
        body.addLayout(photo_box)
        self.general_error = QLabel()
        self.general_error.setStyleSheet("color: #b3261e;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.setMinimumWidth(640)
        layout.addWidget(scrolled(body), 1)
        layout.addWidget(self.photo_error)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        if agent_id is not None:
            self._load(agent_id)
        self.link_nik.setFocus()

    # ------------------------------------------------------------ values

    def _load(self, agent_id: int) -> None:
        data, photo = agents.load_input(self.db, agent_id)
        self.resident_id = data.resident_id
        if data.resident_id is not None:
            self.link_nik.setText(data.nik)
            self.link_label.setText(self.tr("Tertaut ke penduduk: {name}").format(name=data.name))
        self.name_edit.setText(data.name)
        self.nik_edit.setText(data.nik)
        set_combo_data(self.source_combo, data.source_category)
        self.note_edit.setText(data.source_note)
        self.position_edit.setText(data.position)
        self.phone_edit.setText(data.phone)
        self.address_edit.setText(data.address)
        self.bank_name_edit.setText(data.bank_name)
        self.bank_account_edit.setText(data.bank_account)
        self.bank_holder_edit.setText(data.bank_account_name)
        self.pact_date.set_value(data.integrity_pact_date)
        self.active_check.setChecked(data.is_active)
        self._show_photo(photo)

    def _lookup_resident(self) -> None:
        nik = self.link_nik.text().strip()
        if not nik:
            self.resident_id = None
            self.link_label.setText("")
            self.nik_edit.setEnabled(True)
            return
        match = agents.find_resident(self.db, nik)
        if match is None:
            self.resident_id = None
            self.link_label.setText(self.tr("Tidak ada penduduk hidup dengan NIK ini."))
            self.nik_edit.setEnabled(True)
            return
        self.resident_id = match.id
        self.link_label.setText(self.tr("Tertaut ke penduduk: {name}").format(name=match.name))
        self.name_edit.setText(match.name)
        self.nik_edit.setText(match.nik)
        self.nik_edit.setEnabled(False)
        if not self.phone_edit.text():
            self.phone_edit.setText(match.phone)
        if not self.address_edit.text():
            self.address_edit.setText(match.address)

    def value(self) -> agents.AgentInput:
        return agents.AgentInput(
            name=self.name_edit.text(),
            source_category=self.source_combo.currentData() or "",
            resident_id=self.resident_id,
            nik=self.nik_edit.text(),
            source_note=self.note_edit.text(),
            position=self.position_edit.text(),
            phone=self.phone_edit.text(),
            address=self.address_edit.text(),
            bank_name=self.bank_name_edit.text(),
            bank_account=self.bank_account_edit.text(),
            bank_account_name=self.bank_holder_edit.text(),
            integrity_pact_date=self.pact_date.value(),
            is_active=self.active_check.isChecked(),
        )

    # ------------------------------------------------------------ photo

    def _pick_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih foto agen"), "", self.tr("Gambar (*.jpg *.jpeg *.png)")
        )
        if path:
            self.set_photo_bytes(Path(path).read_bytes())

    def set_photo_bytes(self, data: bytes) -> None:
        self.photo = data
        self.photo_removed = False
        self._show_photo(data)

    def _clear_photo(self) -> None:
        self.photo = None
        self.photo_removed = True
        self._show_photo(None)

    def _show_photo(self, data: bytes | None) -> None:
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.photo_label.setPixmap(
                pixmap.scaled(
                    PHOTO_W,
                    PHOTO_H,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.photo_label.setPixmap(QPixmap())
            self.photo_label.setText(self.tr("Belum ada foto"))

    # ------------------------------------------------------------ save

    def save(self) -> None:
        self.errors.clear()
        self.general_error.hide()
        data, agent_id, photo, removed = self.value(), self.agent_id, self.photo, self.photo_removed

        def write(_context: TaskContext) -> agents.AgentRow:
            if agent_id is None:
                return agents.create_agent(self.db, self.actor, data, photo=photo)
            return agents.update_agent(
                self.db, self.actor, agent_id, data, photo=photo, remove_photo=removed
            )

        def saved(row: agents.AgentRow) -> None:
            self.saved_id = row.id
            self.accept()

        def failed(err: BaseException) -> None:
            if not isinstance(err, ValidationError):
                show_error(self, err)
                return
            rest = self.errors.show(err.field_errors)
            self.adjustSize()  # grow so the messages under the fields are not cut
            if rest:
                self.general_error.setText("\n".join(rest.values()))
                self.general_error.show()

        run_write(self, self.tasks, write, on_success=saved, on_error=failed)
