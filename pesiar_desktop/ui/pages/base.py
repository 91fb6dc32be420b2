"""What every page that works on the database for a logged-in user keeps."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from pesiar_desktop.rules.nik import mask_number
from pesiar_desktop.services.context import Actor

if TYPE_CHECKING:
    from pesiar_desktop.db import Database
    from pesiar_desktop.ui.tasks import TaskManager


class ServicePage(QWidget):
    """The database, the background-task helper, the acting user, whether NIKs are
    masked for them, and the dialog the page has open (tests and shutdown look at it)."""

    def __init__(
        self, db: Database, tasks: TaskManager, actor: Actor, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.actor = actor
        self.masked = not actor.can("personal.see_full_nik")
        self.active_dialog: QDialog | None = None

    def personal(self, value: str) -> str:
        """A NIK, No KK, phone, VA, bank account or card number as this user may see it."""
        return mask_number(value) if self.masked else value

    def _open(self, dialog: QDialog, on_accept: Callable[[], object] | None = None) -> None:
        """Window-modal, non-blocking: tests and the event loop keep running. `on_accept`
        runs when the dialog is accepted; `active_dialog` is cleared when it closes."""
        self.active_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            if self.active_dialog is dialog:
                self.active_dialog = None
            if result == QDialog.DialogCode.Accepted and on_accept is not None:
                on_accept()

        dialog.finished.connect(finished)
        dialog.open()
