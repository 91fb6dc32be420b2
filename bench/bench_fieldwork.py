"""Benchmark: Sisir / Registrasi on a 100,000-resident village.

1. Demo field work (`demo_fieldwork.extend`: target scan, plans, visits, registrations,
   memberships + history) against its floor: bare sqlite3 reading the same living
   residents with their family, area and membership, and executemany-inserting the same
   number of rows into plain tables, in the same run.
2. The lists the pages open with (due list, unpaid follow-ups, arrears per agent, one
   agent's visit plan), each against its floor: the same SQL text run by bare sqlite3
   (for the plan: the target scan above).

    python bench/bench_fieldwork.py [--residents 100000] [--data-dir DIR]
    python bench/bench_fieldwork.py --quick      # tiny sizes: only proves it still runs (CI)

Not a timed test: CI only checks that it runs.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from pesiar_desktop import clock, demo  # noqa: E402
from pesiar_desktop.bootstrap import open_app_database  # noqa: E402
from pesiar_desktop.config import resolve_paths  # noqa: E402
from pesiar_desktop.demo import fieldwork as demo_fieldwork  # noqa: E402
from pesiar_desktop.demo import register as demo_register  # noqa: E402
from pesiar_desktop.models import (  # noqa: E402
    MembershipHistory,
    Registration,
    RegistrationMember,
    Resident,
    Visit,
    VisitPlan,
)
from pesiar_desktop.services import (  # noqa: E402
    followups,
    visit_plans,
    visits,
)
from pesiar_desktop.services.context import SYSTEM  # noqa: E402

SCAN_SQL = """
SELECT r.id, r.nik, r.name, r.sex, r.birth_date, r.shdk, r.is_pregnant, r.has_disability,
       r.is_stunting_child, r.is_laid_off, r.is_formal_worker, r.employer_name, f.id,
       f.no_kk, f.welfare_decile, d.id, d.name, t.id, t.rw, t.rt, m.status, m.segment,
       m.months_in_arrears
FROM resident r JOIN family f ON f.id = r.family_id JOIN rt t ON t.id = f.rt_id
JOIN dusun d ON d.id = t.dusun_id LEFT JOIN membership m ON m.resident_id = r.id
WHERE r.life_status = 1
"""


def best(fn: Callable[[], Any], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def line(label: str, seconds: float, floor: float) -> None:
    ratio = seconds / floor if floor else float("inf")
    print(f"{label:44} {seconds:8.3f} s   floor {floor:8.3f} s   ratio {ratio:5.1f}x", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--data-dir", help="keep the demo village here (reused when present)")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    residents = 1500 if args.quick else args.residents
    today = clock.today()
    work = Path(tempfile.mkdtemp(prefix="pesiar-bench-fw-"))
    base = Path(args.data_dir) if args.data_dir else work / "base"
    try:
        paths = resolve_paths(str(base), None)
        db = open_app_database(paths)
        with db.read() as session:
            have = session.scalar(select(Resident.id).limit(1)) is not None
        if not have:
            print(f"demo village of {residents:,} residents (without field work) …", flush=True)
            saved = demo_register.DEMO_EXTENSIONS  # what generate() reads
            # The parts before the field work only: the later ones (keaktifan, reminders,
            # population) build on it and draw receipt numbers the field work would reuse.
            demo_register.DEMO_EXTENSIONS = saved[: saved.index("pesiar_desktop.demo.fieldwork")]
            try:
                demo.generate(db, SYSTEM, residents=residents, today=today)
            finally:
                demo_register.DEMO_EXTENSIONS = saved
        db.dispose()
        source = Path(str(paths.database_url).removeprefix("sqlite:///"))
        copy_dir = work / "run"
        copy_dir.mkdir()
        shutil.copy(source, copy_dir / "pesiar.sqlite3")
        run_paths = resolve_paths(str(copy_dir), None)
        db = open_app_database(run_paths)
        with db.read() as session:
            if session.scalar(select(func.count(Visit.id))):
                print("the village already has field work: use a fresh --data-dir")
                return 1

        # 1. the demo's field work
        start = time.perf_counter()
        summary = demo_fieldwork.extend(db, SYSTEM, seed=2026, today=today)
        took = time.perf_counter() - start
        print(summary)
        with db.read() as session:
            counts = {
                "visit_plan": session.scalar(select(func.count(VisitPlan.id))) or 0,
                "visit": session.scalar(select(func.count(Visit.id))) or 0,
                "registration": session.scalar(select(func.count(Registration.id))) or 0,
                "registration_member": session.scalar(select(func.count(RegistrationMember.id)))
                or 0,
                "membership_history": session.scalar(
                    select(func.count(MembershipHistory.id)).where(
                        MembershipHistory.source == "registrasi"
                    )
                )
                or 0,
            }
        raw = sqlite3.connect(str(copy_dir / "pesiar.sqlite3"))

        def floor_extend() -> None:
            raw.execute("SELECT 1")
            rows = raw.execute(SCAN_SQL).fetchall()
            raw.execute("CREATE TEMP TABLE IF NOT EXISTS f (a, b, c, d, e, g, h, i)")
            for _name, n in counts.items():
                raw.executemany(
                    "INSERT INTO f VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    ((i, i, "x", today, today, "y", 0, "") for i in range(n)),
                )
            raw.execute("DELETE FROM f")
            raw.commit()
            assert rows is not None

        line("demo field work (extend)", took, best(floor_extend, 1))

        # 2. the pages' lists
        line(
            "due list (visits.due_list)",
            best(lambda: visits.due_list(db, today)),
            best(lambda: raw.execute(
                "SELECT v.family_id, v.revisit_on FROM visit v WHERE v.revisit_on IS NOT NULL "
                "AND v.id IN (SELECT max(id) FROM visit GROUP BY family_id)").fetchall()),
        )  # fmt: skip
        line(
            "unpaid follow-ups",
            best(lambda: followups.unpaid_registrations(db, today)),
            best(lambda: raw.execute(
                "SELECT r.*, f.no_kk FROM registration r JOIN family f ON f.id = r.family_id "
                "WHERE r.status IN ('submitted', 'va_issued')").fetchall()),
        )  # fmt: skip
        line(
            "arrears per agent",
            best(lambda: followups.arrears_by_agent(db)),
            best(lambda: raw.execute(
                "SELECT r.id, r.nik, r.name, f.no_kk, m.months_in_arrears FROM resident r "
                "JOIN membership m ON m.resident_id = r.id JOIN family f ON f.id = r.family_id "
                "WHERE m.status = 'INACTIVE_ARREARS' AND r.life_status = 1").fetchall()),
        )  # fmt: skip
        assignment = visit_plans.list_assignments(db)[0]
        line(
            "visit plan of one agent (plan_view)",
            best(lambda: visit_plans.plan_view(db, assignment.id, today)),
            best(lambda: raw.execute(SCAN_SQL).fetchall()),
        )
        raw.close()
        db.dispose()
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
