"""Background work for the GUI: run a plain callable in a worker thread and get the
result (or the error) back on the GUI thread.

Why: the window must never freeze, and a search typed quickly must not let an
older, slower query overwrite a newer result. Each job may carry a `key`; a new
job on the same key supersedes the old one (its result is dropped and it is asked
to cancel). Reads run in a small pool, each job with its own session; jobs
marked `serial=True` (writes, imports) run one at a time, which is what SQLite
wants. Long jobs report throttled progress and can be cancelled;
`run_with_progress` adds a delayed, cancellable progress dialog.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from sqlalchemy.orm import Session

from pesiar_desktop.db import Database

log = logging.getLogger(__name__)
T = TypeVar("T")

PROGRESS_INTERVAL_S = 0.1
PROGRESS_DIALOG_DELAY_MS = 600


class TaskCancelled(Exception):
    """Raised inside a job (by `TaskContext.check_cancelled`) to stop early."""


@dataclass(frozen=True)
class Progress:
    done: int
    total: int | None
    text: str


class TaskHandle:
    """What the caller keeps: cancel the job or ask about it."""

    def __init__(self, task_id: int, key: str | None, generation: int):
        self.id = task_id
        self.key = key
        self.generation = generation
        self._cancel = threading.Event()
        self.finished = False

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class TaskContext:
    """Handed to the job: report progress, check for cancellation."""

    def __init__(self, manager: TaskManager, handle: TaskHandle):
        self._manager = manager
        self._handle = handle
        self._last_report = 0.0

    @property
    def cancelled(self) -> bool:
        return self._handle.cancelled

    def check_cancelled(self) -> None:
        if self._handle.cancelled:
            raise TaskCancelled()

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        """Throttled: at most one update per 100 ms reaches the GUI (plus the last one)."""
        now = time.monotonic()
        if now - self._last_report < PROGRESS_INTERVAL_S and (total is None or done < total):
            return
        self._last_report = now
        self._manager._emit(self._manager._progress, (self._handle.id, Progress(done, total, text)))


class _Job(QRunnable, Generic[T]):
    def __init__(self, manager: TaskManager, handle: TaskHandle, fn: Callable[[TaskContext], T]):
        super().__init__()
        self.setAutoDelete(True)
        self._manager = manager
        self._handle = handle
        self._fn: Callable[[TaskContext], T] | None = fn

    def run(self) -> None:
        # The job (a closure over widgets) and its outcome are handed over before the
        # GUI thread is told: this thread must never drop the last reference to a widget,
        # which would destroy it here.
        manager, task_id = self._manager, self._handle.id
        fn, self._fn = self._fn, None
        assert fn is not None, "a job runs once"
        outcome: tuple[bool, Any]
        try:
            if self._handle.cancelled:
                raise TaskCancelled()
            outcome = (True, fn(TaskContext(manager, self._handle)))
        except BaseException as err:  # delivered to the GUI thread, never lost
            outcome = (False, err)
        del fn
        manager._store(task_id, outcome)
        del outcome
        manager._emit(manager._finished, task_id)


@dataclass
class _Pending:
    handle: TaskHandle
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[Progress], None] | None
    on_cancelled: Callable[[], None] | None = None


class TaskManager(QObject):
    """Owned by the main window; lives on the GUI thread."""

    # Internal: emitted from worker threads, delivered queued on the GUI thread.
    _finished = Signal(object)
    _progress = Signal(object)
    # Public: any job started or finished (for a busy indicator).
    busy_changed = Signal(bool)

    def __init__(self, db: Database, parent: QObject | None = None, readers: int = 2):
        super().__init__(parent)
        self.db = db
        self._read_pool = QThreadPool(self)
        self._read_pool.setMaxThreadCount(readers)
        self._serial_pool = QThreadPool(self)
        self._serial_pool.setMaxThreadCount(1)
        self._pending: dict[int, _Pending] = {}
        self._outcomes: dict[int, tuple[bool, Any]] = {}
        self._generations: dict[str, int] = {}
        self._current: dict[str, TaskHandle] = {}
        self._next_id = 0
        self._closed = False
        self._lock = threading.Lock()
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

    # ------------------------------------------------------------ public API

    def run(
        self,
        fn: Callable[[TaskContext], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        key: str | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        serial: bool = False,
        on_cancelled: Callable[[], None] | None = None,
    ) -> TaskHandle:
        """Runs `fn(context)` in a worker; `on_done(result)` / `on_error(err)` on the GUI thread.

        With `key`, starting a new job supersedes the previous one with the same key.
        A job that ends cancelled reports neither; `on_cancelled()` is told instead.
        """
        if self._closed:
            raise RuntimeError("TaskManager is shut down")
        self._next_id += 1
        generation = 0
        if key is not None:
            generation = self._generations.get(key, 0) + 1
            self._generations[key] = generation
            previous = self._current.get(key)
            if previous is not None:
                previous.cancel()
        handle = TaskHandle(self._next_id, key, generation)
        if key is not None:
            self._current[key] = handle
        was_idle = not self._pending
        self._pending[handle.id] = _Pending(handle, on_done, on_error, on_progress, on_cancelled)
        pool = self._serial_pool if serial else self._read_pool
        pool.start(_Job(self, handle, fn))
        if was_idle:
            self.busy_changed.emit(True)
        return handle

    def run_read(
        self,
        fn: Callable[[Session], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        key: str | None = None,
    ) -> TaskHandle:
        """A read-only query with its own session (the usual case for pages)."""

        def job(_context: TaskContext) -> T:
            with self.db.read() as session:
                return fn(session)

        return self.run(job, on_done, on_error, key=key)

    def is_busy(self) -> bool:
        return bool(self._pending)

    @property
    def closed(self) -> bool:
        """Shut down: no new job may start (a timer that fires after the window closed)."""
        return self._closed

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Cancel everything and wait for workers (before the database is closed)."""
        self._closed = True
        for pending in self._pending.values():
            pending.handle.cancel()
        self._read_pool.waitForDone(timeout_ms)
        self._serial_pool.waitForDone(timeout_ms)
        self._pending.clear()
        with self._lock:
            self._outcomes.clear()

    # ------------------------------------------------------------ internals

    def _emit(self, signal: Any, payload: object) -> None:
        with contextlib.suppress(RuntimeError):  # the manager was deleted while the job ran
            signal.emit(payload)

    def _store(self, task_id: int, outcome: tuple[bool, Any]) -> None:
        with self._lock:
            self._outcomes[task_id] = outcome

    def _on_finished(self, task_id: int) -> None:
        with self._lock:
            outcome = self._outcomes.pop(task_id, None)  # None: dropped by shutdown()
        pending = self._pending.pop(task_id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        if pending is None or outcome is None or self._closed:
            return
        ok, value = outcome
        handle = pending.handle
        handle.finished = True
        if handle.key is not None:
            if self._generations.get(handle.key) != handle.generation:
                return  # superseded: a newer job on the same key owns the result
            self._current.pop(handle.key, None)
        if ok:
            if pending.on_done is not None:
                pending.on_done(value)
            return
        if isinstance(value, TaskCancelled):
            if pending.on_cancelled is not None:
                pending.on_cancelled()
            return
        if pending.on_error is not None:
            pending.on_error(value)
        else:
            log.error("background task failed", exc_info=value)
            sys.excepthook(type(value), value, value.__traceback__)

    def _on_progress(self, payload: tuple[int, Progress]) -> None:
        task_id, progress = payload
        pending = self._pending.get(task_id)
        if pending is not None and pending.on_progress is not None and not self._closed:
            pending.on_progress(progress)


def run_with_progress(
    tasks: TaskManager,
    parent: QWidget,
    title: str,
    fn: Callable[[TaskContext], T],
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    serial: bool = True,
    delay_ms: int = PROGRESS_DIALOG_DELAY_MS,
    cancellable: bool = True,
    on_cancelled: Callable[[], None] | None = None,
) -> TaskHandle:
    """A long job with a progress dialog that only appears if the job takes a while
    (without a cancel button unless `cancellable`)."""
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(title)
    if cancellable:
        dialog.setCancelButtonText(QCoreApplication.translate("Tasks", "Batal"))
    else:
        dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    # Shown by our own timer only: QProgressDialog would show itself on the first
    # setValue() otherwise.
    dialog.setMinimumDuration(2**31 - 1)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setRange(0, 0)
    dialog.hide()
    timer = QTimer(dialog)
    timer.setSingleShot(True)
    state = {"open": True}

    def progress(update: Progress) -> None:
        if not state["open"]:
            return
        if update.total:
            dialog.setRange(0, update.total)
            dialog.setValue(min(update.done, update.total))
        if update.text:
            dialog.setLabelText(update.text)

    def finish() -> None:
        if not state["open"]:
            return
        state["open"] = False
        timer.stop()
        dialog.hide()
        dialog.deleteLater()

    def done(result: T) -> None:
        finish()
        if on_done is not None:
            on_done(result)

    def failed(err: BaseException) -> None:
        finish()
        if on_error is not None:
            on_error(err)
        else:
            sys.excepthook(type(err), err, err.__traceback__)

    handle = tasks.run(
        fn, done, failed, on_progress=progress, serial=serial, on_cancelled=on_cancelled
    )

    def cancel() -> None:
        handle.cancel()
        finish()

    if cancellable:
        dialog.canceled.connect(cancel)
    timer.timeout.connect(lambda: None if handle.finished or not state["open"] else dialog.show())
    timer.start(delay_ms)
    return handle
