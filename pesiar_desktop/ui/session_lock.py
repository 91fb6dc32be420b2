"""Locks the session after a period without keyboard or mouse input.

`SessionLock` is an event filter on the QApplication: every key press, click, wheel or
mouse movement counts as activity. After `session.lock_minutes` (a setting; 0 turns it
off) every window is hidden and `LockDialog` asks the same user's password
(`users.authenticate`, so five wrong passwords lock the account as at login). "Keluar"
on the lock dialog goes back to the login box, where another user may log in.
Pengguna → Kunci layar locks at once; the dialog then says the user locked it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop import APP_NAME
from pesiar_desktop.db import Database
from pesiar_desktop.errors import AuthError, PesiarError
from pesiar_desktop.services import settings, users
from pesiar_desktop.services.context import Actor
from pesiar_desktop.ui.tasks import TaskManager
from pesiar_desktop.ui.widgets.forms import error_label, hint_label, show_error
from pesiar_desktop.ui.write_op import run_write

log = logging.getLogger(__name__)

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class LockDialog(QDialog):
    """Asks the locked user's password. Accepts on the right one; "Keluar" rejects (back
    to the login box)."""

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        manual: bool = False,
    ):
        super().__init__(parent)
        self.db, self.tasks, self.actor = db, tasks, actor
        self.setWindowTitle(self.tr("Sesi terkunci · {app}").format(app=APP_NAME))
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setModal(True)
        self.setMinimumWidth(420)
        who = actor.full_name or actor.username
        if manual:
            text = self.tr("Layar dikunci oleh {user}.").format(user=who)
        else:
            text = self.tr("Sesi {user} terkunci karena tidak ada kegiatan.").format(user=who)
        heading = QLabel(text)
        self.heading = heading
        heading.setWordWrap(True)
        heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.password = QLineEdit()
        self.password.setObjectName("lock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            self.tr("kata sandi {username}").format(username=actor.username)
        )
        self.error = error_label(self)
        self.error.setObjectName("lock_error")
        self.buttons = QDialogButtonBox()
        self.unlock_button = QPushButton(self.tr("Buka kunci"))
        self.unlock_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("Keluar"))
        self.buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(
            QLabel(self.tr("Masukkan kata sandi {username} untuk melanjutkan.").format(
                username=actor.username
            ))
        )  # fmt: skip
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Pengguna lain? Pilih Keluar, lalu masuk dengan akun sendiri. "
                    "Perubahan yang belum disimpan akan hilang."
                )
            )
        )
        layout.addWidget(self.buttons)
        self.password.setFocus()

    def try_unlock(self) -> None:
        """Checks the password in the worker (Argon2); accepts when it is right."""
        username, password = self.actor.username, self.password.text()
        run_write(
            self,
            self.tasks,
            lambda _c: users.authenticate(self.db, username, password),
            on_success=lambda _actor: self.accept(),
            on_error=self._refused,
        )

    def _refused(self, err: BaseException) -> None:
        if isinstance(err, AuthError):
            self.password.clear()
            self.password.setFocus()
        elif not isinstance(err, PesiarError):
            show_error(self, err)
            return
        self.error.setText(str(err))
        self.error.show()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape:
            return  # Esc must not dismiss the lock
        super().keyPressEvent(event)


class SessionLock(QObject):
    """Install with `SessionLock(app, db, tasks, actor, window).start()`.

    `timeout_ms` overrides the setting (tests); `locked`/`unlocked` are emitted, and
    `quit_requested` when the user chose Keluar on the lock dialog.
    """

    locked = Signal()
    unlocked = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        app: QApplication,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        window: QWidget,
        timeout_ms: int | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ):
        super().__init__(window)
        # Quiet time is measured on a monotonic clock (tests hand in one they drive).
        self._monotonic = monotonic
        self.app, self.db, self.tasks, self.actor, self.window = app, db, tasks, actor, window
        if timeout_ms is None:
            timeout_ms = settings.read(db, settings.SETTINGS.lock_minutes) * 60_000
        self.timeout_ms = max(0, timeout_ms)
        self.dialog: LockDialog | None = None
        self._hidden: list[QWidget] = []
        self._last = self._monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(max(20, min(5_000, self.timeout_ms // 4 or 20)))
        self._timer.timeout.connect(self._check)
        # The window's "Kunci layar" menu entry locks at once (also with the timer off).
        requested = getattr(window, "lock_requested", None)
        if requested is not None:
            requested.connect(lambda: self.lock(manual=True))

    @property
    def enabled(self) -> bool:
        return self.timeout_ms > 0

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def start(self) -> SessionLock:
        if self.enabled:
            self.app.installEventFilter(self)
            self._last = self._monotonic()
            self._timer.start()
        return self

    def stop(self) -> None:
        self._timer.stop()
        self.app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.dialog is None:
            self._last = self._monotonic()
        return False

    def _check(self) -> None:
        if self.dialog is None and (self._monotonic() - self._last) * 1000 >= self.timeout_ms:
            self.lock()

    def lock(self, manual: bool = False) -> None:
        """Hide every window and ask for the password (`manual`: the user locked it)."""
        if self.dialog is not None:
            return
        why = "by the user" if manual else "after inactivity"
        log.info("session of %s locked %s", self.actor.username, why)
        self._hidden = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and not isinstance(w, LockDialog)
        ]
        for widget in self._hidden:
            widget.hide()
        self.dialog = LockDialog(self.db, self.tasks, self.actor, manual=manual)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.finished.connect(self._finished)
        self.dialog.show()
        if QGuiApplication.platformName() != "offscreen":  # it cannot raise windows
            self.dialog.raise_()
            self.dialog.activateWindow()
        self.locked.emit()

    def _finished(self, result: int) -> None:
        self.dialog = None
        if result == QDialog.DialogCode.Accepted:
            for widget in self._hidden:
                widget.show()
            self._hidden = []
            self._last = self._monotonic()
            log.info("session of %s unlocked", self.actor.username)
            self.unlocked.emit()
            return
        self._hidden = []
        self.stop()
        self.quit_requested.emit()
        log_out = getattr(self.window, "log_out", None)
        if callable(log_out):
            log_out()  # the login box again, for this or another user
        else:
            self.window.close()
