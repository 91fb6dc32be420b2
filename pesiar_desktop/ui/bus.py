"""Bridges the services' plain 'data changed' notices to a Qt signal.

Services call `events.notify(topic)` from whatever thread ran the write; the
bus re-emits it through a queued connection so pages always refresh on the GUI
thread, after the writing call has returned.
"""

from __future__ import annotations

import weakref

import shiboken6
from PySide6 import QtCore
from PySide6.QtCore import QObject, Signal

from pesiar_desktop.services import events
from pesiar_desktop.services.events import Topic


class _Listener:
    """Holds the bus weakly so a forgotten bus never keeps a dead widget tree alive."""

    def __init__(self, bus: DataBus):
        self._bus = weakref.ref(bus)

    def __call__(self, topic: Topic) -> None:
        bus = self._bus()
        if bus is None or not shiboken6.isValid(bus):
            events.unsubscribe(self)
            return
        bus._incoming.emit(topic)


class DataBus(QObject):
    """`changed(topic)` carries the services' `events.Topic` member as it was announced."""

    changed = Signal(object)
    _incoming = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._incoming.connect(self.changed, QtCore.Qt.ConnectionType.QueuedConnection)
        self._listener: _Listener | None = _Listener(self)
        events.subscribe(self._listener)
        self.destroyed.connect(self._detach_listener)

    def close(self) -> None:
        """Stop listening (the window is closing)."""
        if self._listener is not None:
            events.unsubscribe(self._listener)
            self._listener = None

    def _detach_listener(self) -> None:
        self.close()
