"""The session locks after inactivity (a tiny timeout here) and only the same user's
password opens it again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pesiar_desktop.services import settings
from pesiar_desktop.services.settings import SETTINGS
from pesiar_desktop.ui.session_lock import LockDialog, SessionLock
from tests.conftest import ADMIN_PASSWORD
from tests.ui.conftest import wait_written


def _lock(qtbot, db, actor, window, timeout_ms=150) -> SessionLock:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    lock = SessionLock(app, db, window.tasks, actor, window, timeout_ms=timeout_ms).start()
    return lock


def test_locks_after_inactivity_and_unlocks_with_the_password(
    qtbot, make_window, village_db, admin
):
    window = make_window(admin)
    lock = _lock(qtbot, village_db, admin, window)
    try:
        with qtbot.waitSignal(lock.locked, timeout=5_000):
            pass
        assert lock.is_locked and not window.isVisible()
        dialog = lock.dialog
        assert isinstance(dialog, LockDialog) and dialog.isVisible()
        assert admin.username in dialog.password.placeholderText()

        qtbot.keyClicks(dialog.password, "salah-sandi")
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        wait_written(qtbot, dialog)
        assert lock.is_locked and dialog.error.isVisible()
        assert dialog.password.text() == ""
        # Esc does not get round the lock.
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert lock.is_locked and dialog.isVisible()

        qtbot.keyClicks(dialog.password, ADMIN_PASSWORD)
        with qtbot.waitSignal(lock.unlocked, timeout=2_000):
            qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        assert not lock.is_locked and window.isVisible()
        # It locks again after the next quiet spell.
        with qtbot.waitSignal(lock.locked, timeout=5_000):
            pass
        assert lock.dialog is not None
        lock.dialog.password.setText(ADMIN_PASSWORD)
        with qtbot.waitSignal(lock.unlocked, timeout=5_000):
            lock.dialog.try_unlock()
        assert not lock.is_locked
    finally:
        lock.stop()
        if lock.dialog is not None:
            lock.dialog.close()


def test_activity_keeps_the_session_open(qtbot, make_window, village_db, admin):
    """Driven by a clock the test moves, so a loaded machine cannot make it race."""
    window = make_window(admin)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    now = [1000.0]
    lock = SessionLock(
        app, village_db, window.tasks, admin, window, timeout_ms=800, monotonic=lambda: now[0]
    ).start()
    lock._timer.stop()  # the test calls the check itself after moving the clock
    try:
        for _ in range(12):  # 12 x 750 ms with a key press each: well past 800 ms in total
            now[0] += 0.75
            lock._check()
            assert not lock.is_locked
            qtbot.keyClick(window, Qt.Key.Key_Shift)
        now[0] += 0.75
        lock._check()
        assert not lock.is_locked  # 750 ms after the last key press
        with qtbot.waitSignal(lock.locked, timeout=2_000):
            now[0] += 0.0625  # 812.5 ms
            lock._check()
        assert lock.is_locked
    finally:
        lock.stop()
        if lock.dialog is not None:
            lock.dialog.password.setText(ADMIN_PASSWORD)
            with qtbot.waitSignal(lock.unlocked, timeout=5_000):
                lock.dialog.try_unlock()


def test_quit_from_the_lock_closes_the_window(qtbot, make_window, village_db, admin):
    window = make_window(admin)
    lock = _lock(qtbot, village_db, admin, window, timeout_ms=0)  # timer off
    assert not lock.enabled
    # Pengguna → Kunci layar locks at once.
    with qtbot.waitSignal(lock.locked, timeout=2_000):
        window.lock_action.trigger()
    dialog = lock.dialog
    assert dialog is not None
    # locked by hand: the dialog says so (not "karena tidak ada kegiatan")
    assert dialog.heading.text() == "Layar dikunci oleh Admin Desa."
    with qtbot.waitSignal(lock.quit_requested, timeout=2_000):
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible() and not lock.is_locked
    assert window.logout_requested  # the login box comes back (app._run_interactive)


def test_a_lock_after_inactivity_says_why(qtbot, make_window, village_db, admin):
    window = make_window(admin)
    lock = _lock(qtbot, village_db, admin, window, timeout_ms=0)
    with qtbot.waitSignal(lock.locked, timeout=2_000):
        lock.lock()
    assert lock.dialog is not None
    assert "terkunci karena tidak ada kegiatan" in lock.dialog.heading.text()
    with qtbot.waitSignal(lock.quit_requested, timeout=2_000):
        lock.dialog.reject()


def test_log_out_returns_to_the_login_box_without_restarting(
    qtbot, village_db, admin, operator, tmp_path, monkeypatch
):
    """Pengguna → Keluar / ganti pengguna: app._run_interactive asks for a login again and
    opens a window for whoever logs in next, on the same database."""
    from PySide6.QtCore import QTimer

    from pesiar_desktop import app as app_module
    from pesiar_desktop.config import AppPaths

    logins: list[str] = []
    windows: list[str] = []

    def fake_login(db, username=""):  # type: ignore[no-untyped-def]
        logins.append(username)
        return [admin, operator, None][len(logins) - 1]  # then the user gives up

    def log_out_soon() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, app_module.MainWindow) and widget.isVisible():
                windows.append(widget.actor.username)
                assert widget.logout_action.text() == "Keluar / ganti pengguna"
                widget.logout_action.trigger()
                if len(windows) < 2:
                    QTimer.singleShot(50, log_out_soon)
                return
        QTimer.singleShot(50, log_out_soon)

    monkeypatch.setattr(app_module, "_login", fake_login)
    QTimer.singleShot(50, log_out_soon)
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    paths = AppPaths(data_dir=tmp_path, database_url=village_db.url)
    assert app_module._run_interactive(qapp, village_db, paths) == 0
    assert windows == [admin.username, operator.username]
    assert logins == ["", "", ""]


def test_timeout_comes_from_the_setting(qtbot, make_window, village_db, admin):
    window = make_window(admin)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert SessionLock(app, village_db, window.tasks, admin, window).timeout_ms == 15 * 60_000
    settings.put(village_db, admin, SETTINGS.lock_minutes, 0)
    assert not SessionLock(app, village_db, window.tasks, admin, window).enabled
    settings.put(village_db, admin, SETTINGS.lock_minutes, 2)
    assert SessionLock(app, village_db, window.tasks, admin, window).timeout_ms == 120_000
