"""Python's cyclic garbage collector runs in whichever thread happens to allocate when
a threshold is crossed. If that is a worker thread (the task helper's pool) and the
garbage holds Qt widgets, Qt objects get destroyed off the GUI thread and the process
can crash without a traceback. So automatic collection is switched off and done here,
on the GUI thread, from a timer (the approach Anki and many PyQt programs take)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class MainThreadGarbageCollector(QObject):
    INTERVAL_MS = 1000

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(self.INTERVAL_MS)

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds, as gc would."""
        counts = gc.get_count()
        if counts[0] <= self.threshold[0]:
            return
        generation = 0
        if counts[1] > self.threshold[1]:
            generation = 1
            if counts[2] > self.threshold[2]:
                generation = 2
        gc.collect(generation)

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()


_collector: MainThreadGarbageCollector | None = None


def install(app: QObject) -> MainThreadGarbageCollector:
    """One collector per application (idempotent)."""
    global _collector
    if _collector is None:
        _collector = MainThreadGarbageCollector(app)
    return _collector
