"""The background-task helper: results on the GUI thread, stale results dropped,
errors delivered, throttled progress, cancellation, the delayed progress dialog."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from sqlalchemy import func, select

from pesiar_desktop.models import User
from pesiar_desktop.ui.tasks import TaskManager, run_with_progress


@pytest.fixture
def tasks(qtbot, sqlite_db):
    manager = TaskManager(sqlite_db)
    yield manager
    manager.shutdown()


def test_result_arrives_on_gui_thread(qtbot, tasks):
    gui = QThread.currentThread()
    seen: dict[str, object] = {}

    def job(_ctx):
        seen["worker_is_gui"] = QThread.currentThread() == gui
        return 42

    def done(value):
        seen["value"] = value
        seen["done_is_gui"] = QThread.currentThread() == gui

    tasks.run(job, done)
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen == {"worker_is_gui": False, "value": 42, "done_is_gui": True}


def test_run_read_gives_a_session(qtbot, tasks, sqlite_db):
    got: list[int] = []
    tasks.run_read(lambda s: s.scalar(select(func.count(User.id))), got.append)
    qtbot.waitUntil(lambda: got == [0], timeout=5000)


def test_newer_job_with_same_key_wins(qtbot, tasks):
    release = threading.Event()
    results: list[str] = []

    def slow(ctx):
        release.wait(5)
        return "old"

    old = tasks.run(slow, results.append, key="search")
    tasks.run(lambda ctx: "new", results.append, key="search")
    qtbot.waitUntil(lambda: results == ["new"], timeout=5000)
    assert old.cancelled  # the superseded job was asked to stop
    release.set()
    # Not busy: the old job's result reached the GUI thread and was dropped (delivery and the
    # decision happen in one call), so nothing can arrive later.
    qtbot.waitUntil(lambda: not tasks.is_busy(), timeout=5000)
    assert results == ["new"]


def test_error_is_delivered(qtbot, tasks):
    errors: list[BaseException] = []

    def boom(_ctx):
        raise ValueError("rusak")

    tasks.run(boom, lambda _v: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "rusak"


def test_progress_is_throttled_and_cancel_stops(qtbot, tasks):
    updates = []
    done: list[object] = []
    started = threading.Event()

    def long_job(ctx):
        started.set()
        for i in range(1, 100_001):
            ctx.report(i, 100_000, "memproses")
            if i > 50_000:
                ctx.check_cancelled()
        return "selesai"

    tasks.run(long_job, done.append, on_progress=updates.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert done == ["selesai"]
    assert len(updates) < 1000  # 100,000 reports, a handful of updates
    assert updates[-1].done == 100_000

    results: list[object] = []
    errors: list[object] = []

    running = threading.Event()

    def endless(ctx):
        running.set()
        while True:
            ctx.check_cancelled()
            time.sleep(0.001)

    handle = tasks.run(endless, results.append, errors.append)
    assert running.wait(5)
    handle.cancel()
    qtbot.waitUntil(lambda: not tasks.is_busy(), timeout=5000)
    assert results == [] and errors == []  # a cancelled job reports nothing


def test_task_cancelled_before_start(qtbot, sqlite_db):
    manager = TaskManager(sqlite_db, readers=1)
    block = threading.Event()
    manager.run(lambda ctx: block.wait(5))
    results: list[object] = []
    handle = manager.run(lambda ctx: "ran", results.append)
    handle.cancel()
    block.set()
    qtbot.waitUntil(lambda: not manager.is_busy(), timeout=5000)
    assert results == []
    manager.shutdown()
    with pytest.raises(RuntimeError):
        manager.run(lambda ctx: None)


def test_progress_dialog_appears_late_and_cancels(qtbot, tasks):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    results: list[object] = []

    def endless(ctx):
        n = 0
        while True:
            n += 1
            ctx.report(n % 100, 100, f"langkah {n}")
            ctx.check_cancelled()
            time.sleep(0.002)

    handle = run_with_progress(tasks, parent, "Mengimpor", endless, results.append, delay_ms=100)
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None and not dialog.isVisible()
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tasks.is_busy(), timeout=5000)
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is None, timeout=5000)  # deleted
    assert handle.cancelled and results == []


def test_quick_job_never_shows_dialog(qtbot, tasks):
    parent = QWidget()
    qtbot.addWidget(parent)
    results: list[object] = []
    # The delay is far longer than the job could take even on a loaded machine.
    run_with_progress(tasks, parent, "Cepat", lambda ctx: 7, results.append, delay_ms=5_000)
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None
    shown = _ShowSpy(dialog)
    qtbot.waitUntil(lambda: results == [7], timeout=5000)
    # The dialog (and its delay timer with it) is deleted once the job is done: it can never
    # show after this point, and it must not have shown before.
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is None, timeout=5000)
    assert shown.count == 0


class _ShowSpy(QObject):
    """Counts the Show events a widget receives (a hidden-again dialog still got one)."""

    def __init__(self, widget: QWidget):
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.count += 1
        return False


def test_show_spy_sees_a_dialog_that_showed(qtbot, tasks):
    """The spy the test above relies on does count a dialog that appeared."""
    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()
    results: list[object] = []
    run_with_progress(
        tasks, parent, "Lambat", lambda ctx: release.wait(5), results.append, delay_ms=50
    )
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None
    shown = _ShowSpy(dialog)
    qtbot.waitUntil(lambda: shown.count == 1, timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: results == [True], timeout=5000)


def test_data_bus_delivers_worker_notices_on_gui_thread(qtbot):
    from pesiar_desktop.services import events
    from pesiar_desktop.services.events import Topic
    from pesiar_desktop.ui.bus import DataBus

    bus = DataBus()
    gui = QThread.currentThread()
    seen: list[tuple[Topic, bool]] = []
    bus.changed.connect(lambda topic: seen.append((topic, QThread.currentThread() == gui)))
    worker = threading.Thread(target=events.notify, args=(Topic.RESIDENTS,))
    worker.start()
    worker.join()
    assert seen == []  # queued: never delivered on the worker thread
    qtbot.waitUntil(lambda: seen == [(Topic.RESIDENTS, True)], timeout=5000)
    assert type(seen[0][0]) is Topic  # the member itself crosses the queued connection
    bus.close()
    events.notify(Topic.RESIDENTS)
    QCoreApplication.sendPostedEvents()  # anything queued would be delivered now
    assert seen == [(Topic.RESIDENTS, True)]
