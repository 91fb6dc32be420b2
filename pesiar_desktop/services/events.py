"""A 'data changed' notice: services announce what changed, pages refresh themselves.

Plain callbacks so the layer stays free of Qt; the GUI bridges them to a signal.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum


class Topic(StrEnum):
    """What changed. Every member is announced by some service and listened to by some page
    (tests/unit/test_topics.py checks both)."""

    RESIDENTS = "residents"  # residents, families, memberships written with them, imports
    MEMBERSHIPS = "memberships"  # JKN state: a registration active, arrears paid (reactivation)
    AREAS = "areas"
    VILLAGE = "village"
    USERS = "users"
    AGENTS = "agents"  # agents and their assignments
    LETTERS = "letters"
    FEES = "fees"
    VISIT_PLANS = "visit_plans"
    VISITS = "visits"
    ADVOCACY = "advocacy"
    REGISTRATIONS = "registrations"
    SETTINGS = "settings"


Listener = Callable[[Topic], None]
_listeners: list[Listener] = []


def subscribe(listener: Listener) -> None:
    _listeners.append(listener)


def unsubscribe(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def notify(topic: Topic) -> None:
    for listener in list(_listeners):
        listener(topic)
