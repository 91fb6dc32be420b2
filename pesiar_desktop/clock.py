"""The program's one clock.

Every "today" and "now" the program uses comes from here, so that a test can freeze it in one
place (time-machine patches what these functions read) and so that no rule quietly reads the
machine's date on its own. Local time is what the office sees (dates on letters, receipts, due
dates); stored timestamps (`created_at`, audit entries) are naive UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime


def today() -> date:
    """The office's calendar date (the PC's local time)."""
    return datetime.now().date()


def now() -> datetime:
    """The office's local wall-clock time, naive (file names, 'updated at' labels)."""
    return datetime.now()


def utcnow() -> datetime:
    """Naive UTC, the form every stored timestamp takes."""
    return datetime.now(UTC).replace(tzinfo=None)
