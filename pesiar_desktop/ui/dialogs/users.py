"""Log in, change one's own password, and the admin's user dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop import APP_NAME
from pesiar_desktop.db import Database
from pesiar_desktop.errors import AuthError, ValidationError
from pesiar_desktop.reportdata.village import VillageProfile
from pesiar_desktop.services import users
from pesiar_desktop.services.context import ROLES, Actor
from pesiar_desktop.services.users import UserRow
from pesiar_desktop.ui.tasks import TaskManager
from pesiar_desktop.ui.widgets.forms import FieldErrors, code_items, error_label, fill_combo
from pesiar_desktop.ui.write_op import run_write, show_field_errors


def password_edit(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


class _FormDialog(QDialog):
    """A titled form with inline errors and OK/Batal; `_run` checks the form and hands
    the service call to `run_write`, with `_done` and `_failed` as its callbacks."""

    def __init__(self, parent: QWidget | None, tasks: TaskManager, title: str, ok_text: str):
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.errors = FieldErrors()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.general_error = error_label(self)
        self.general_error.setObjectName("general_error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
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
        if isinstance(err, AuthError):
            self.general_error.setText(str(err))
            self.general_error.show()
            return
        show_field_errors(self.errors, self.general_error, self, err)

    def _check_repeat(self, first: QLineEdit, second: QLineEdit, key: str) -> None:
        if first.text() != second.text():
            raise ValidationError({key: self.tr("Kedua kata sandi tidak sama.")})


class LoginDialog(_FormDialog):
    """Username and password; wrong password and lock-out messages appear inline."""

    def __init__(
        self,
        db: Database,
        profile: VillageProfile | None,
        parent: QWidget | None = None,
        tasks: TaskManager | None = None,
    ):
        # Before the main window exists the dialog has its own worker for the password check.
        own_tasks = tasks or TaskManager(db)
        super().__init__(
            parent, own_tasks, self.tr("Masuk · {app}").format(app=APP_NAME), self.tr("Masuk")
        )
        if tasks is None:
            own_tasks.setParent(self)
        self.db = db
        self.actor: Actor | None = None
        self.heading = heading = QLabel(
            profile.title + f"\n{profile.kecamatan_name}, {profile.kabupaten_name}"
            if profile
            else APP_NAME
        )
        heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        logo = QLabel()
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        icon = self.windowIcon()
        if not icon.isNull():
            logo.setPixmap(icon.pixmap(64, 64))
        self.layout_.insertWidget(0, logo)
        self.layout_.insertWidget(1, heading)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = password_edit()
        self.password.setObjectName("password")
        self.form.addRow(self.tr("Nama pengguna"), self.errors.field("username", self.username))
        self.form.addRow(self.tr("Kata sandi"), self.errors.field("password", self.password))
        self.username.setFocus()

    def _run(self) -> None:
        if not self.username.text().strip():
            raise ValidationError({"username": self.tr("Isi nama pengguna.")})
        username, password = self.username.text(), self.password.text()
        run_write(
            self,
            self.tasks,
            lambda _c: users.authenticate(self.db, username, password),
            on_success=self._done,
            on_error=self._failed,
        )

    def _done(self, result: object = None) -> None:
        assert isinstance(result, Actor)
        self.actor = result
        self.accept()

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, AuthError):
            self.password.clear()
            self.password.setFocus()
        super()._failed(err)


class ChangePasswordDialog(_FormDialog):
    def __init__(
        self, db: Database, tasks: TaskManager, actor: Actor, parent: QWidget | None = None
    ):
        super().__init__(parent, tasks, self.tr("Ganti kata sandi"), self.tr("Simpan"))
        self.db, self.actor = db, actor
        self.old = password_edit()
        self.new = password_edit(
            self.tr("minimal {n} karakter").format(n=users.MIN_PASSWORD_LENGTH)
        )
        self.repeat = password_edit()
        self.form.addRow(self.tr("Kata sandi lama"), self.errors.field("old_password", self.old))
        self.form.addRow(self.tr("Kata sandi baru"), self.errors.field("new_password", self.new))
        self.form.addRow(
            self.tr("Ulangi kata sandi baru"), self.errors.field("repeat", self.repeat)
        )

    def _run(self) -> None:
        self._check_repeat(self.new, self.repeat, "repeat")
        old, new = self.old.text(), self.new.text()
        run_write(
            self,
            self.tasks,
            lambda _c: users.change_password(self.db, self.actor, old, new),
            on_success=self._done,
            on_error=self._failed,
        )


def role_combo() -> QComboBox:
    combo = QComboBox()
    fill_combo(combo, code_items(ROLES))
    return combo


class AddUserDialog(_FormDialog):
    def __init__(
        self, db: Database, tasks: TaskManager, actor: Actor, parent: QWidget | None = None
    ):
        super().__init__(parent, tasks, self.tr("Tambah pengguna"), self.tr("Tambah"))
        self.db, self.actor = db, actor
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("huruf kecil, mis. sekdes"))
        self.full_name = QLineEdit()
        self.role = role_combo()
        self.role.setCurrentIndex(self.role.findData("operator"))
        self.password = password_edit(
            self.tr("minimal {n} karakter").format(n=users.MIN_PASSWORD_LENGTH)
        )
        self.repeat = password_edit()
        self.form.addRow(self.tr("Nama pengguna"), self.errors.field("username", self.username))
        self.form.addRow(self.tr("Nama lengkap"), self.errors.field("full_name", self.full_name))
        self.form.addRow(self.tr("Peran"), self.errors.field("role", self.role))
        self.form.addRow(self.tr("Kata sandi"), self.errors.field("password", self.password))
        self.form.addRow(self.tr("Ulangi kata sandi"), self.errors.field("repeat", self.repeat))

    def _run(self) -> None:
        self._check_repeat(self.password, self.repeat, "repeat")
        username, password = self.username.text(), self.password.text()
        role, full_name = self.role.currentData(), self.full_name.text()
        run_write(
            self,
            self.tasks,
            lambda _c: users.create_user(self.db, self.actor, username, password, role, full_name),
            on_success=self._done,
            on_error=self._failed,
        )


class RoleDialog(_FormDialog):
    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        user: UserRow,
        parent: QWidget | None = None,
    ):
        super().__init__(
            parent, tasks, self.tr("Peran {user}").format(user=user.username), self.tr("Simpan")
        )
        self.db, self.actor, self.user = db, actor, user
        self.role = role_combo()
        self.role.setCurrentIndex(self.role.findData(user.role))
        self.active = QCheckBox(self.tr("Akun aktif (boleh masuk)"))
        self.active.setChecked(user.is_active)
        self.form.addRow(self.tr("Peran"), self.errors.field("role", self.role))
        self.form.addRow("", self.active)

    def _run(self) -> None:
        username, role, active = (
            self.user.username,
            self.role.currentData(),
            self.active.isChecked(),
        )
        run_write(
            self,
            self.tasks,
            lambda _c: users.set_role(self.db, self.actor, username, role, active),
            on_success=self._done,
            on_error=self._failed,
        )


class ResetPasswordDialog(_FormDialog):
    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        user: UserRow,
        parent: QWidget | None = None,
    ):
        super().__init__(
            parent,
            tasks,
            self.tr("Atur ulang kata sandi {user}").format(user=user.username),
            self.tr("Simpan"),
        )
        self.db, self.actor, self.user = db, actor, user
        note = QLabel(
            self.tr(
                "Kunci akun (jika ada) juga dibuka. Beritahukan kata sandi baru secara langsung."
            )
        )
        note.setWordWrap(True)
        self.layout_.insertWidget(0, note)
        self.password = password_edit(
            self.tr("minimal {n} karakter").format(n=users.MIN_PASSWORD_LENGTH)
        )
        self.repeat = password_edit()
        self.form.addRow(
            self.tr("Kata sandi baru"), self.errors.field("new_password", self.password)
        )
        self.form.addRow(self.tr("Ulangi"), self.errors.field("repeat", self.repeat))

    def _run(self) -> None:
        self._check_repeat(self.password, self.repeat, "repeat")
        username, password = self.user.username, self.password.text()
        run_write(
            self,
            self.tasks,
            lambda _c: users.reset_password(self.db, self.actor, username, password),
            on_success=self._done,
            on_error=self._failed,
        )
