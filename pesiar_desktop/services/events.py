"""A 'data changed' notice: services announce what changed, pages refresh themselves.

Plain callbacks so the layer stays free of Qt; the GUI bridges them to a signal.
"""

from __future__ import annotations

from collections.abc import Callable

Listener = Callable[[str], None]
_listeners: list[Listener] = []


def subscribe(listener: Listener) -> None:
    _listeners.append(listener)


def unsubscribe(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def notify(topic: str) -> None:
    """`topic` names what changed: 'residents', 'families', 'users', 'village', ..."""
    for listener in list(_listeners):
        listener(topic)
