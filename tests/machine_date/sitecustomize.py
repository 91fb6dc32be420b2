"""Runs the test suite as if the machine's calendar said another day.

tools/run-tests.sh puts this folder on PYTHONPATH and sets PESIAR_TEST_MACHINE_DATE
(YYYY-MM-DD). Python imports `sitecustomize` at start-up, so every process of the run —
pytest, its xdist workers and every command a test starts — reads that day, ticking from
08:30, from datetime/time. Monotonic clocks, the C library and timed waits are untouched (a
preloaded libfaketime also moved those, and Python's timed lock waits never woke). Tests
that fix a date still freeze the program's clock on top of this (`freeze_clock`).
"""

from __future__ import annotations

import os

_day = os.environ.get("PESIAR_TEST_MACHINE_DATE")
if _day:
    from datetime import datetime

    import time_machine

    time_machine.travel(datetime.fromisoformat(f"{_day}T08:30:00"), tick=True).start()
