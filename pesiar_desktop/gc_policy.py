"""When Python's garbage collector runs during start-up and at exit.

Start-up builds a few hundred thousand long-lived objects (SQLAlchemy's tables and mappers,
Qt's wrappers, the register's ids) and the collector, triggered by allocations, walks them
again and again: about a tenth of the start-up. When the interpreter ends it walks them
all once more, several times, before the process can go: measured 0.3-0.5 s on every
command and on closing the window.

So a process entry point `hold()`s the collector while it starts, and `release()`s it
once the program is ready to work (the command line before a command runs, the window
once it is shown): everything built so far is frozen (gc.freeze: kept, never walked
again) and collection resumes for what the work creates. `frozen_exit()` freezes again
before the interpreter ends. In-process callers (tests) never hold, so for them
`release()` does nothing.
"""

from __future__ import annotations

import gc

_held = False


def hold() -> None:
    """No collection until `release()` (called first thing by a process entry point)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release() -> None:
    """Start-up is over: freeze what exists, collect again from here (no-op unless held)."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()


def frozen_exit() -> None:
    """The process is about to end: the interpreter's final collections skip every object."""
    gc.freeze()
