"""run_write: the write runs in the serial worker, the dialog stays busy (buttons
disabled, not closable) until its result or error is back on the GUI thread."""

from __future__ import annotations

import logging
import threading

import pytest
import shiboken6
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QVBoxLayout

from pesiar_desktop.errors import PesiarError, ValidationError
from pesiar_desktop.ui.tasks import TaskManager
from pesiar_desktop.ui.widgets.forms import FieldErrors
from pesiar_desktop.ui.write_op import run_write, show_field_errors


@pytest.fixture
def tasks(qtbot, sqlite_db):
    manager = TaskManager(sqlite_db)
    yield manager
    manager.shutdown()


class FormDialog(QDialog):
    def __init__(self) -> None:
        super().__init__()
        self.errors = FieldErrors()
        self.name = QLineEdit()
        self.general = QLabel()
        self.general.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors.field("name", self.name))
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)


@pytest.fixture
def dialog(qtbot):
    widget = FormDialog()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text)
    )
    return shown


def test_write_runs_in_the_worker_and_reports_on_the_gui_thread(qtbot, tasks, dialog):
    gui = QThread.currentThread()
    release = threading.Event()
    seen: dict[str, object] = {}

    def write(_context):
        seen["worker"] = QThread.currentThread() != gui
        release.wait(5)
        return 7

    def success(value):
        seen["value"] = value
        seen["on_gui"] = QThread.currentThread() == gui

    run_write(dialog, tasks, write, on_success=success)
    assert not dialog.buttons.isEnabled()  # not submittable twice
    dialog.close()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # neither Esc nor the close button closes it while busy
    release.set()
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen == {"worker": True, "value": 7, "on_gui": True}
    assert dialog.buttons.isEnabled()
    dialog.close()
    assert not dialog.isVisible()


def test_writes_run_one_at_a_time(qtbot, tasks, dialog):
    second_started = threading.Event()
    order: list[str] = []

    def first(_context):
        # A second write running beside this one would start now and set the event; in the
        # serial writer it cannot start until this returns (after the wait times out).
        second_started.wait(1.0)
        order.append("first")

    def second(_context):
        second_started.set()
        order.append("second")

    run_write(dialog, tasks, first)
    run_write(dialog, tasks, second)
    qtbot.waitUntil(lambda: len(order) == 2, timeout=10_000)
    assert order == ["first", "second"]


def test_validation_error_goes_beside_its_field(qtbot, tasks, dialog, warnings):
    def write(_context):
        raise ValidationError({"name": "Isi nama.", "other": "Lainnya salah."})

    failed: list[BaseException] = []

    def on_error(err):
        failed.append(err)
        show_field_errors(dialog.errors, dialog.general, dialog, err)

    run_write(dialog, tasks, write, on_error=on_error)
    qtbot.waitUntil(lambda: bool(failed), timeout=5000)
    assert dialog.errors.text("name") == "Isi nama."
    assert dialog.general.text() == "Lainnya salah."
    assert dialog.isVisible() and dialog.buttons.isEnabled() and warnings == []


def test_domain_error_is_one_line_and_unexpected_is_logged(qtbot, tasks, dialog, warnings, caplog):
    def refused(_context):
        raise PesiarError("Tidak boleh.")

    run_write(dialog, tasks, refused)
    qtbot.waitUntil(lambda: warnings == ["Tidak boleh."], timeout=5000)

    def broken(_context):
        raise KeyError("x")

    with caplog.at_level(logging.ERROR, logger="pesiar_desktop.ui.write_op"):
        run_write(dialog, tasks, broken)
        qtbot.waitUntil(lambda: len(warnings) == 2, timeout=5000)
    assert warnings[1] == "KeyError: 'x'"
    assert [r.exc_info[0] for r in caplog.records if r.exc_info] == [KeyError]
    assert "Tidak boleh" not in caplog.text  # a domain error is not a fault to log
    assert dialog.isVisible() and dialog.buttons.isEnabled()


def test_cancelled_write_releases_the_dialog(qtbot, tasks, dialog):
    started = threading.Event()
    outcome: list[object] = []

    def endless(context):
        started.set()
        while True:
            context.check_cancelled()
            QThread.msleep(2)

    handle = run_write(dialog, tasks, endless, on_success=outcome.append, on_error=outcome.append)
    assert started.wait(5)
    handle.cancel()
    qtbot.waitUntil(dialog.buttons.isEnabled, timeout=5000)
    assert outcome == []


def test_no_callback_once_the_parent_is_gone(qtbot, tasks):
    release = threading.Event()
    parent = FormDialog()
    called: list[object] = []
    run_write(parent, tasks, lambda _c: release.wait(5), on_success=called.append)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(parent), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: not tasks.is_busy(), timeout=5000)
    assert called == []
