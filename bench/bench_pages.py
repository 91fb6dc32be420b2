"""Benchmark: what the Beranda, Petakan and Registrasi pages read when they open, on the
100,000-resident demo village (issue "An office day…", item 7: first rows or figures within
1 second).

Each figure is one page's background read (the service calls its worker runs), median of
--runs, beside its floor: the very SQL statements the service sent, replayed through bare
sqlite3 (executed and fetched, no Python work on the rows), measured in the same rounds.

    python bench/bench_pages.py [--residents 100000] [--data-dir DIR] [--runs 5] [--quick]

Not a timed test: CI only checks that it runs (with a small --residents).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench_register import ensure_demo  # noqa: E402
from sqlalchemy import event  # noqa: E402

from pesiar_desktop import clock  # noqa: E402
from pesiar_desktop.db import Database, open_database  # noqa: E402


def page_reads(db: Database) -> dict[str, Callable[[], object]]:
    """The reads each page starts when it is opened (ui/pages/*: activate)."""
    from pesiar_desktop.services import (
        dashboard,
        followups,
        imports,
        progress,
        reactivation,
        registrations,
        reminders,
        targets,
    )

    today = clock.today()

    def headline() -> object:
        with db.read() as session:
            return dashboard.load_headline(session, today)

    def trend() -> object:
        with db.read() as session:
            return dashboard.load_trend(session, today)

    def petakan() -> object:
        return targets.scan_targets(db), imports.list_batches(db)

    def registrasi_list() -> object:
        return registrations.list_registrations(db)

    def registrasi_rest() -> object:
        unpaid = followups.unpaid_registrations(db, today, 7)
        arrears = followups.arrears_by_agent(db)
        families = {r.family_id for r in unpaid} | {r.family_id for r in arrears}
        reminders.last_reminded(db, families if len(families) <= 2000 else None)
        with db.read() as session:
            progress.agent_month_progress(session, today.replace(day=1))
        return reactivation.list_reactivations(db, None)

    return {
        "Beranda: headline figures": headline,
        "Beranda: 12-month trend": trend,
        "Petakan: targets + areas": petakan,
        "Registrasi: list (first rows)": registrasi_list,
        "Registrasi: other tabs": registrasi_rest,
    }


def captured_sql(db: Database, read: Callable[[], object]) -> list[tuple[str, object]]:
    statements: list[tuple[str, object]] = []

    def capture(_conn, _cursor, statement, params, _context, _many):  # type: ignore[no-untyped-def]
        statements.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        read()
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    return statements


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--data-dir", help="reuse/keep the demo database here")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="2,000 residents, 2 runs (CI)")
    args = parser.parse_args()
    if args.quick:
        args.residents, args.runs = 2000, 2
    with tempfile.TemporaryDirectory(prefix="pesiar-bench-") as tmp:
        data_dir = Path(args.data_dir) if args.data_dir else Path(tmp)
        sqlite_file = ensure_demo(data_dir, args.residents)
        db = open_database(f"sqlite:///{sqlite_file}")
        raw = sqlite3.connect(sqlite_file)
        reads = page_reads(db)
        sql = {name: captured_sql(db, read) for name, read in reads.items()}  # also a warm-up

        def floor(statements: list[tuple[str, object]]) -> None:
            for statement, params in statements:
                raw.execute(statement, params or ()).fetchall()  # type: ignore[arg-type]

        ours: dict[str, list[float]] = {name: [] for name in reads}
        bare: dict[str, list[float]] = {name: [] for name in reads}
        for _ in range(args.runs):  # in turn: a slow spell weighs on both alike
            for name, read in reads.items():
                start = time.perf_counter()
                read()
                ours[name].append(time.perf_counter() - start)
                start = time.perf_counter()
                floor(sql[name])
                bare[name].append(time.perf_counter() - start)
        raw.close()
        db.dispose()
    print(f"Page reads, {args.residents:,} residents, medians of {args.runs} runs in turn")
    print(f"{'figure':<32}{'ours':>9}{'floor':>9}{'ratio':>8}  queries  target")
    for name in reads:
        o, f = statistics.median(ours[name]), statistics.median(bare[name])
        print(
            f"{name:<32}{o * 1000:>7.0f}ms{f * 1000:>7.0f}ms{o / f:>7.2f}x  "
            f"{len(sql[name]):>7}  <= 1000 ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
