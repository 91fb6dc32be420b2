"""Pengaturan → Cadangan: back up now / to a folder, restore with a preview and a
confirmation; the window closes afterwards for a fresh login on the restored data."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select

from pesiar_desktop.config import AppPaths
from pesiar_desktop.models import User
from pesiar_desktop.services import users
from pesiar_desktop.ui.dialogs.backup_restore import RestorePreviewDialog
from tests.ui.conftest import open_window


@pytest.fixture
def db_url(migrated_sqlite_url) -> str:
    """Backups from the window are for SQLite: this module runs on SQLite only (the
    PostgreSQL side is tested in test_backup_ui_backends.py)."""
    return str(migrated_sqlite_url)


@pytest.fixture
def sqlite_paths(village_db, tmp_path) -> AppPaths:
    assert village_db.is_sqlite
    data = tmp_path / "data"
    data.mkdir()
    return AppPaths(data_dir=data, database_url=village_db.url)


def test_backup_now_to_folder_and_restore(
    qtbot, village_db, admin, sqlite_paths, tmp_path, monkeypatch
):
    window = open_window(qtbot, village_db, admin, sqlite_paths)
    window.open_backups()  # Berkas → Cadangan…
    tab = window.settings_page.backup_tab
    assert window.settings_page.tabs.currentWidget() is tab
    assert tab.empty_notice.active and "Belum ada cadangan" in tab.empty_notice.label.text()

    with qtbot.waitSignal(tab.backed_up, timeout=10_000) as blocker:
        tab.backup_now()
    made = Path(blocker.args[0])
    assert made.parent == sqlite_paths.backup_dir
    assert not tab.empty_notice.active
    assert tab.table.rowCount() == 1 and tab.table.item(0, 3).text() == made.name
    assert made.name in tab.status.text()

    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    with qtbot.waitSignal(tab.backed_up, timeout=10_000) as blocker:
        tab.backup_to_folder()
    on_usb = Path(blocker.args[0])
    assert on_usb.parent == usb

    # Something changes after the backup…
    users.create_user(village_db, admin, "sementara", "sandi-sementara", "viewer")
    # …and the backup on the stick is restored.
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(on_usb), "Cadangan PESIAR (*.sqlite3)")
    )
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    tab.restore_from_file()
    dialog = tab.active_dialog
    assert isinstance(dialog, RestorePreviewDialog)
    cells = {
        dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
        for r in range(dialog.table.rowCount())
    }  # fmt: skip
    assert cells["Pengguna"] == ("1", "2")  # in the backup vs now
    assert not dialog.restore_button.isEnabled()
    dialog.confirm.setChecked(True)
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(tab.restored, timeout=10_000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert tab.restart_requested
    assert shown and "sebelumnya disimpan" in shown[0]
    assert not window.isVisible()  # closed: app.py asks for a new login
    with village_db.read() as s:
        assert s.scalar(select(User).where(User.username == "sementara")) is None
    saved = list(sqlite_paths.backup_dir.glob("sebelum-pulih-*.sqlite3"))
    assert len(saved) == 1
    window.shutdown()


def test_restore_refuses_a_foreign_file(
    qtbot, village_db, admin, sqlite_paths, tmp_path, monkeypatch
):
    window = open_window(qtbot, village_db, admin, sqlite_paths)
    tab = window.settings_page.backup_tab
    bad = tmp_path / "bukan.sqlite3"
    bad.write_bytes(b"bukan basis data")
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: errors.append(text))
    tab.restore(Path(bad))
    assert tab.active_dialog is None and errors and "bukan" in errors[0]
    window.close()
    window.shutdown()


def test_only_admins_get_backup_buttons(qtbot, make_window, operator):
    window = make_window(operator)
    tab = window.settings_page.backup_tab
    assert not hasattr(tab, "backup_now_button")
    assert not window.audit_action.isVisible()
    assert window.settings_page.audit_tab is None


def test_after_a_restore_the_app_asks_for_a_new_login(
    qtbot, village_db, admin, sqlite_paths, monkeypatch
):
    """app._run_interactive: the window closed by a restore is followed by a fresh login."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from pesiar_desktop import app as app_module

    logins: list[str] = []

    def fake_login(db, username=""):  # type: ignore[no-untyped-def]
        logins.append(username)
        return admin if len(logins) == 1 else None  # the second time: the user gives up

    def restore_soon() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, app_module.MainWindow) and widget.isVisible():
                widget.settings_page.backup_tab.restart_requested = True
                widget.close()
                return
        QTimer.singleShot(50, restore_soon)

    monkeypatch.setattr(app_module, "_login", fake_login)
    QTimer.singleShot(50, restore_soon)
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    assert app_module._run_interactive(qapp, village_db, sqlite_paths) == 0
    assert logins == ["", admin.username]


def _restore_in_window(qtbot, tab, path: Path) -> None:  # type: ignore[no-untyped-def]
    tab.restore(path)
    dialog = tab.active_dialog
    assert isinstance(dialog, RestorePreviewDialog)
    dialog.confirm.setChecked(True)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)


def test_the_copy_saved_before_a_restore_restores_in_the_window(
    qtbot, village_db, admin, sqlite_paths, tmp_path, monkeypatch
):
    """Undo: the `sebelum-pulih` copy is listed and goes back through the same window."""
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: None)
    window = open_window(qtbot, village_db, admin, sqlite_paths)
    tab = window.settings_page.backup_tab
    with qtbot.waitSignal(tab.backed_up, timeout=10_000) as blocker:
        tab.backup_now()
    made = Path(blocker.args[0])
    users.create_user(village_db, admin, "sementara", "sandi-sementara", "viewer")
    with qtbot.waitSignal(tab.restored, timeout=10_000):
        _restore_in_window(qtbot, tab, made)
    window.shutdown()

    again = open_window(qtbot, village_db, admin, sqlite_paths)
    tab = again.settings_page.backup_tab
    names = [tab.table.item(r, 3).text() for r in range(tab.table.rowCount())]
    row = next(r for r, name in enumerate(names) if name.startswith("sebelum-pulih-"))
    assert tab.table.item(row, 0).text() == "Sebelum pemulihan"
    tab.table.setCurrentCell(row, 0)
    tab.restore_selected()
    dialog = tab.active_dialog
    assert isinstance(dialog, RestorePreviewDialog)
    dialog.confirm.setChecked(True)
    with qtbot.waitSignal(tab.restored, timeout=10_000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    with village_db.read() as s:
        assert s.scalar(select(User).where(User.username == "sementara")) is not None
    again.shutdown()


def test_a_backup_with_a_broken_chain_is_refused_in_the_window(
    qtbot, village_db, admin, sqlite_paths, tmp_path, monkeypatch
):
    import sqlite3

    from pesiar_desktop.services import backup

    made = backup.make_backup(village_db, admin, tmp_path / "rusak.sqlite3")
    with sqlite3.connect(made) as conn:
        conn.execute("UPDATE audit_log SET actor = 'penyusup' WHERE id = 2")
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: errors.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: errors.append(text))
    window = open_window(qtbot, village_db, admin, sqlite_paths)
    tab = window.settings_page.backup_tab
    _restore_in_window(qtbot, tab, made)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert "entri #2" in errors[0] and "tidak diubah" in errors[0]
    assert not tab.restart_requested and window.isVisible()
    window.shutdown()
