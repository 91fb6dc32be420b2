"""The crash dialog: installed as sys.excepthook by the GUI, shows copyable details."""

from __future__ import annotations

import sys

from PySide6 import QtWidgets
from PySide6.QtGui import QGuiApplication

from pesiar_desktop.app import CrashHook
from pesiar_desktop.config import AppPaths
from pesiar_desktop.errors import PesiarError
from pesiar_desktop.ui.dialogs import crash


def test_details_are_copyable(qtbot, tmp_path):
    dialog = crash.CrashDialog("Traceback …\nRuntimeError: boom", tmp_path / "logs")
    qtbot.addWidget(dialog)
    assert dialog.details.isReadOnly()
    dialog.copy_details()
    assert QGuiApplication.clipboard().text() == "Traceback …\nRuntimeError: boom"


def test_hook_shows_the_dialog_for_unexpected_errors(qtbot, tmp_path, monkeypatch):
    shown: list[str] = []

    def fake_exec(self) -> int:  # type: ignore[no-untyped-def]
        shown.append(self.details.toPlainText())
        return 0

    monkeypatch.setattr(crash.CrashDialog, "exec", fake_exec)
    warnings: list[str] = []
    monkeypatch.setattr(
        QtWidgets.QMessageBox, "warning", lambda _p, _t, text: warnings.append(text)
    )
    hook = CrashHook(AppPaths(tmp_path, "sqlite://"), smoke=False)
    hook.install()
    try:
        assert sys.excepthook is hook
        try:
            raise ZeroDivisionError("bagi nol")
        except ZeroDivisionError as err:
            sys.excepthook(type(err), err, err.__traceback__)
        try:
            raise PesiarError("NIK sudah dipakai")
        except PesiarError as err:
            sys.excepthook(type(err), err, err.__traceback__)
    finally:
        hook.uninstall()
    assert len(shown) == 1 and "ZeroDivisionError: bagi nol" in shown[0]
    assert "PESIAR Desktop" in shown[0]  # version header for support
    assert warnings == ["NIK sudah dipakai"]  # a user error is a plain message


def test_a_full_disk_or_a_locked_database_is_a_plain_message(qtbot, tmp_path, monkeypatch):
    """Failures of the machine (issue 16): the one-line explanation, not the crash dialog;
    the traceback is still logged."""
    import errno
    import sqlite3

    from sqlalchemy.exc import OperationalError

    shown: list[str] = []
    monkeypatch.setattr(crash.CrashDialog, "exec", lambda self: shown.append("dialog") or 0)
    warnings: list[str] = []
    monkeypatch.setattr(
        QtWidgets.QMessageBox, "warning", lambda _p, _t, text: warnings.append(text)
    )
    hook = CrashHook(AppPaths(tmp_path, "sqlite://"), smoke=False)
    locked = OperationalError("INSERT …", {}, sqlite3.OperationalError("database is locked"))
    for error in (OSError(errno.ENOSPC, "No space left on device"), locked):
        hook(type(error), error, None)
    assert shown == []
    assert warnings[0].startswith("Disk penuh")
    assert warnings[1].startswith("Basis data sedang dikunci program lain")
    assert len(hook.errors) == 2  # logged with their tracebacks all the same
