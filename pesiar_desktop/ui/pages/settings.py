"""Pengaturan: village profile, areas (dusun / RW / RT) and user accounts.

Editing is offered by role (profile and users: admin; areas: admin and
operator); the services check the role again on every write.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop.db import Database
from pesiar_desktop.errors import PesiarError, ValidationError
from pesiar_desktop.services import users, village
from pesiar_desktop.services.context import ROLES, Actor
from pesiar_desktop.services.users import UserRow
from pesiar_desktop.ui.bus import DataBus
from pesiar_desktop.ui.dialogs.users import AddUserDialog, ResetPasswordDialog, RoleDialog
from pesiar_desktop.ui.widgets.forms import FieldErrors, error_label, hint_label, show_error

PROFILE_LABELS = {
    "address": "Alamat kantor desa",
    "postal_code": "Kode pos",
    "phone": "Telepon",
    "email": "Email",
    "kepala_desa_name": "Nama kepala desa",
    "sekretaris_desa_name": "Nama sekretaris desa",
}


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ProfileTab(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.can_edit = actor.can("village.edit")
        self.errors = FieldErrors()
        region = QGroupBox(self.tr("Wilayah (dari daftar Kemendagri)"))
        region_form = QFormLayout(region)
        self.region_labels: dict[str, QLabel] = {}
        for key, label in (
            ("region_code", self.tr("Kode wilayah")),
            ("desa_name", self.tr("Desa/Kelurahan")),
            ("kecamatan_name", self.tr("Kecamatan")),
            ("kabupaten_name", self.tr("Kabupaten/Kota")),
            ("provinsi_name", self.tr("Provinsi")),
        ):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.region_labels[key] = value
            region_form.addRow(label, value)
        details = QGroupBox(self.tr("Data kantor desa"))
        form = QFormLayout(details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.edits: dict[str, QLineEdit] = {}
        for key, label in PROFILE_LABELS.items():
            edit = QLineEdit()
            edit.setReadOnly(not self.can_edit)
            self.edits[key] = edit
            form.addRow(self.tr(label), self.errors.field(key, edit))
        self.save_button = QPushButton(self.tr("Simpan profil"))
        self.save_button.setEnabled(self.can_edit)
        self.save_button.clicked.connect(self.save)
        self.saved_label = QLabel()
        self.saved_label.setStyleSheet("color: #1b6e34;")
        self.general_error = error_label(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.saved_label, 1)
        layout = QVBoxLayout(self)
        region.setMaximumWidth(760)
        details.setMaximumWidth(760)
        layout.addWidget(region)
        layout.addWidget(details)
        if not self.can_edit:
            layout.addWidget(
                hint_label(self.tr("Hanya administrator yang dapat mengubah profil desa."))
            )
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        profile = village.get_profile(self.db)
        if profile is None:
            return
        for key, label in self.region_labels.items():
            label.setText(str(getattr(profile, key)))
        for key, edit in self.edits.items():
            edit.setText(str(getattr(profile, key)))

    def save(self) -> None:
        self.errors.clear()
        self.general_error.hide()
        self.saved_label.clear()
        try:
            fields = {key: edit.text() for key, edit in self.edits.items()}
            village.update_profile(self.db, self.actor, None, **fields)
        except ValidationError as err:
            unplaced = self.errors.show(err.field_errors)
            if unplaced:
                self.general_error.setText("\n".join(unplaced.values()))
                self.general_error.show()
            return
        except PesiarError as err:
            show_error(self, err)
            return
        self.saved_label.setText(self.tr("Profil desa tersimpan."))


class AreasTab(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.can_edit = actor.can("areas.write")
        self.errors = FieldErrors()
        self.table = _table([self.tr("Dusun"), self.tr("RW"), self.tr("RT")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.dusun = QComboBox()
        self.dusun.setEditable(True)
        self.dusun.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        dusun_line = self.dusun.lineEdit()
        if dusun_line is not None:
            dusun_line.setPlaceholderText(self.tr("nama dusun, mis. Krajan"))
        self.rw = QLineEdit()
        self.rw.setPlaceholderText(self.tr("mis. 1, atau - bila tanpa RW"))
        self.rt = QLineEdit()
        self.rt.setPlaceholderText(self.tr("mis. 3"))
        self.add_button = QPushButton(self.tr("Tambah RT"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Hapus RT terpilih"))
        self.remove_button.clicked.connect(self.remove)
        add_box = QGroupBox(self.tr("Tambah dusun / RW / RT"))
        form = QFormLayout(add_box)
        form.addRow(self.tr("Dusun"), self.errors.field("dusun", self.dusun))
        form.addRow(self.tr("RW"), self.errors.field("rw", self.rw))
        form.addRow(self.tr("RT"), self.errors.field("rt", self.rt))
        form.addRow("", self.add_button)
        self.general_error = error_label(self)
        for widget in (self.dusun, self.rw, self.rt, self.add_button, self.remove_button):
            widget.setEnabled(self.can_edit)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(add_box)
        right.addWidget(self.general_error)
        if not self.can_edit:
            right.addWidget(hint_label(self.tr("Peran Anda hanya dapat melihat daftar wilayah.")))
        right.addStretch(1)
        layout.addLayout(right, 2)
        self.load()

    def load(self) -> None:
        areas = village.list_areas(self.db)
        self.table.setRowCount(len(areas))
        for row, area in enumerate(areas):
            for column, text in enumerate((area.dusun, area.rw, area.rt)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, area.rt_id)
                self.table.setItem(row, column, item)
        current = self.dusun.currentText()
        self.dusun.clear()
        self.dusun.addItems([name for _id, name in village.list_dusun(self.db)])
        self.dusun.setEditText(current)

    def add(self) -> None:
        self.errors.clear()
        self.general_error.hide()
        try:
            village.add_area(
                self.db, self.actor, self.dusun.currentText(), self.rw.text() or "-", self.rt.text()
            )
        except ValidationError as err:
            unplaced = self.errors.show(err.field_errors)
            if unplaced:
                self.general_error.setText("\n".join(unplaced.values()))
                self.general_error.show()
            return
        except PesiarError as err:
            show_error(self, err)
            return
        self.rt.clear()
        self.rt.setFocus()

    def remove(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            return
        cells = (self.table.item(row, column) for column in range(3))
        label = " / ".join(cell.text() for cell in cells if cell is not None)
        answer = QMessageBox.question(
            self,
            self.tr("Hapus RT"),
            self.tr("Hapus {area} dari daftar wilayah?").format(area=label),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            village.remove_area(self.db, self.actor, int(item.data(Qt.ItemDataRole.UserRole)))
        except PesiarError as err:
            show_error(self, err, self.tr("Tidak dapat dihapus"))


class UsersTab(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.can_manage = actor.can("users.manage")
        self.active_dialog: QDialog | None = None
        self.table = _table(
            [
                self.tr("Nama pengguna"),
                self.tr("Nama lengkap"),
                self.tr("Peran"),
                self.tr("Aktif"),
                self.tr("Terakhir masuk"),
            ]
        )
        self.add_button = QPushButton(self.tr("Tambah pengguna"))
        self.role_button = QPushButton(self.tr("Ubah peran / nonaktifkan"))
        self.reset_button = QPushButton(self.tr("Atur ulang kata sandi"))
        self.add_button.clicked.connect(self.add_user)
        self.role_button.clicked.connect(self.change_role)
        self.reset_button.clicked.connect(self.reset_password)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.role_button, self.reset_button):
            button.setEnabled(self.can_manage)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        if self.can_manage:
            layout.addWidget(self.table, 1)
            layout.addLayout(buttons)
        else:
            layout.addWidget(
                hint_label(
                    self.tr(
                        "Hanya administrator yang dapat melihat dan mengelola pengguna. "
                        "Anda dapat mengganti kata sandi sendiri melalui menu Pengguna."
                    )
                )
            )
            layout.addStretch(1)
        self._users: list[UserRow] = []
        self.load()

    def load(self) -> None:
        if not self.can_manage:
            return
        self._users = users.list_users(self.db)
        self.table.setRowCount(len(self._users))
        for row, user in enumerate(self._users):
            last = user.last_login_at.strftime("%d-%m-%Y %H:%M") if user.last_login_at else "—"
            cells = (
                user.username,
                user.full_name,
                ROLES.get(user.role, user.role),
                self.tr("ya") if user.is_active else self.tr("tidak"),
                last,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def selected_user(self) -> UserRow | None:
        row = self.table.currentRow()
        return self._users[row] if 0 <= row < len(self._users) else None

    def _open(self, dialog: QDialog) -> None:
        self.active_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.load())
        dialog.open()

    def add_user(self) -> None:
        self._open(AddUserDialog(self.db, self.actor, self))

    def change_role(self) -> None:
        user = self.selected_user()
        if user is not None:
            self._open(RoleDialog(self.db, self.actor, user, self))

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is not None:
            self._open(ResetPasswordDialog(self.db, self.actor, user, self))


class SettingsPage(QWidget):
    def __init__(self, db: Database, bus: DataBus, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        title = QLabel(self.tr("Pengaturan"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.profile_tab = ProfileTab(db, actor)
        self.areas_tab = AreasTab(db, actor)
        self.users_tab = UsersTab(db, actor)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.profile_tab, self.tr("Profil desa"))
        self.tabs.addTab(self.areas_tab, self.tr("Wilayah"))
        self.tabs.addTab(self.users_tab, self.tr("Pengguna"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        bus.changed.connect(self._on_data_changed)

    def activate(self) -> None:
        """Small tables: loaded when built and on data-changed notices."""

    def _on_data_changed(self, topic: str) -> None:
        if topic == "village":
            self.profile_tab.load()
        elif topic == "areas":
            self.areas_tab.load()
        elif topic == "users":
            self.users_tab.load()
