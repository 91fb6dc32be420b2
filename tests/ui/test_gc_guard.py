"""Garbage is collected on the GUI thread only (ui.gc_guard)."""

from __future__ import annotations

import gc

from pesiar_desktop.ui.gc_guard import MainThreadGarbageCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collector_disables_automatic_gc_and_collects_when_due(qtbot):
    was_enabled = gc.isenabled()
    gc.enable()
    collector = MainThreadGarbageCollector()
    collected: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collected.append(info["generation"])

    gc.callbacks.append(note)
    try:
        assert not gc.isenabled()
        assert collector.timer.isActive() and collector.timer.interval() == 1000
        gc.collect()
        collected.clear()
        collector.check()  # nothing due yet: no collection
        assert collected == []
        for _ in range(collector.threshold[0] + 50):
            _Cycle()
        collector.check()  # what the timer calls on the GUI thread
        assert collected and collected[0] in (0, 1, 2)
    finally:
        gc.callbacks.remove(note)
        collector.stop()
        assert gc.isenabled()
        if not was_enabled:
            gc.disable()
