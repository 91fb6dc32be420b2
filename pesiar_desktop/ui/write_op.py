"""Every write from the GUI goes through `run_write`: the service call runs in the
task manager's serial worker, its result or error comes back on the GUI thread.

Why: a write may hash a password (Argon2, up to half a second), copy a database
or wait for SQLite's write lock; the window must not freeze meanwhile, and writes
to SQLite must not run side by side. Like Anki's `CollectionOp`: the call site
hands over a callable and says what happens on success and on failure.

While the write runs, the dialog it belongs to keeps its buttons disabled and
ignores Esc and its close button, so it can be neither submitted twice nor closed
under the running write; it stays open when the write fails. Expected failures
(`PesiarError`, e.g. a `ValidationError` with its per-field messages) go to
`on_error` as they are; anything else is first logged with its traceback. Without
`on_error` the error is shown in one line (`forms.show_error`).

`tests/ui/test_no_gui_thread_writes.py` checks that every service write in the GUI
is called inside a lambda or local function handed to `run_write` as `fn`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from pesiar_desktop.errors import PesiarError, ValidationError
from pesiar_desktop.ui.tasks import (
    Progress,
    TaskContext,
    TaskHandle,
    TaskManager,
    run_with_progress,
)
from pesiar_desktop.ui.widgets.forms import FieldErrors, show_error

log = logging.getLogger(__name__)
T = TypeVar("T")


class _BusyGuard(QObject):
    """Disables the dialog's button boxes (and `widgets`) and swallows close requests
    until `release`."""

    def __init__(self, parent: QWidget, widgets: Iterable[QWidget], lock_dialog: bool = True):
        super().__init__(parent)
        top = parent.window()
        self._dialog = top if lock_dialog and isinstance(top, QDialog) else None
        targets: list[QWidget] = list(widgets)
        if self._dialog is not None:
            targets.extend(self._dialog.findChildren(QDialogButtonBox))
            self._dialog.installEventFilter(self)
        self._disabled: list[QWidget] = []
        for widget in targets:
            if widget.isEnabled() and widget not in self._disabled:
                widget.setEnabled(False)
                self._disabled.append(widget)
        self.busy = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self.busy:
            return False
        if event.type() == QEvent.Type.Close:
            event.ignore()
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return event.key() == Qt.Key.Key_Escape
        return False

    def release(self) -> None:
        if not self.busy:
            return
        self.busy = False
        for widget in self._disabled:
            if shiboken6.isValid(widget):
                widget.setEnabled(True)
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.removeEventFilter(self)
        if shiboken6.isValid(self):
            # Python owns it from now on and frees it with the callbacks that hold it
            # (on this thread). A deleteLater() here could outlive a parent that
            # Python destroys first.
            self.setParent(None)


def is_writing(widget: QWidget) -> bool:
    """True while a write started for `widget` or a widget inside it is running."""
    return any(guard.busy for guard in widget.findChildren(_BusyGuard))


def run_write(
    parent: QWidget,
    tasks: TaskManager,
    fn: Callable[[TaskContext], T],
    *,
    on_success: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    progress_text: str | None = None,
    cancellable: bool = False,
    busy: Iterable[QWidget] = (),
    on_progress: Callable[[Progress], None] | None = None,
    lock_dialog: bool = True,
) -> TaskHandle:
    """Runs the write `fn(context)` in the serial worker.

    `on_success(result)` / `on_error(err)` run on the GUI thread, and only while
    `parent` still exists. `progress_text` adds the delayed progress dialog (with a
    cancel button if `cancellable`: `fn` must then call `context.check_cancelled()`;
    a cancelled write calls neither callback). `busy`: more widgets disabled while
    the write runs. The dialog `parent` is in has its button boxes disabled and
    ignores Esc and close meanwhile, unless `lock_dialog=False`: a dialog with its
    own progress page and cancel button, whose closing cancels a write that then
    writes nothing (the import wizard); it follows the progress with `on_progress`.
    """
    guard = _BusyGuard(parent, busy, lock_dialog)

    def done(result: T) -> None:
        guard.release()
        if not shiboken6.isValid(parent):
            return
        if on_success is not None:
            on_success(result)

    def failed(err: BaseException) -> None:
        guard.release()
        if not isinstance(err, PesiarError):
            log.error("write failed", exc_info=err)
        if not shiboken6.isValid(parent):
            return
        if on_error is not None:
            on_error(err)
        else:
            show_error(parent, err)

    if progress_text is None:
        return tasks.run(
            fn,
            done,
            failed,
            serial=True,
            on_progress=on_progress,
            on_cancelled=guard.release,
        )
    return run_with_progress(
        tasks,
        parent,
        progress_text,
        fn,
        done,
        failed,
        serial=True,
        cancellable=cancellable,
        on_cancelled=guard.release,
    )


def show_field_errors(
    errors: FieldErrors, general: QLabel, parent: QWidget, err: BaseException
) -> None:
    """The usual form `on_error`: a `ValidationError`'s messages beside their fields
    (`errors`: a `forms.FieldErrors`), the ones without a field in `general` (a label);
    any other error as a one-line message box."""
    if isinstance(err, ValidationError):
        unplaced = errors.show(err.field_errors)
        if unplaced:
            general.setText("\n".join(unplaced.values()))
            general.show()
        return
    show_error(parent, err)
