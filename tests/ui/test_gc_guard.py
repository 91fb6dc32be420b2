"""Garbage is collected on the GUI thread only (ui.gc_guard)."""

from __future__ import annotations

import gc

from pesiar_desktop.ui.gc_guard import MainThreadGarbageCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collector_disables_automatic_gc_and_collects_from_its_timer(qtbot):
    was_enabled = gc.isenabled()
    gc.enable()
    collector = MainThreadGarbageCollector()
    try:
        assert not gc.isenabled()
        collected: list[int] = []
        gc.callbacks.append(lambda phase, info: collected.append(info["generation"]))
        try:
            for _ in range(collector.threshold[0] + 50):
                _Cycle()
            qtbot.waitUntil(lambda: bool(collected), timeout=3000)  # the timer collected
        finally:
            gc.callbacks.pop()
    finally:
        collector.stop()
        assert gc.isenabled()
        if not was_enabled:
            gc.disable()
