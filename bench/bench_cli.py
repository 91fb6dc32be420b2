"""Benchmark: the command line's fixed cost (issue "An office day…", item 7).

Every figure is the wall time of a fresh `pesiar-desktop` process (the real entry point,
compiled bytecode), beside its floor measured in the same run:
- `--version` and `--help` (the parser alone): floor `python -c pass`;
- `stats --json` on a small demo village (opens, checks and reads the database): floor a
  bare `python -c` that imports SQLAlchemy, opens the same SQLite file and counts residents.
Target: every command's fixed cost <= 0.4 s. The processes are started in turn, round by
round (a slow spell of the shared machine weighs on all alike); medians are printed.

    python bench/bench_cli.py [--rounds 9] [--quick]

Not a timed test: CI only checks that it runs.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FLOOR_STATS = """
import sys
from sqlalchemy import create_engine, text
engine = create_engine("sqlite:///" + sys.argv[1])
with engine.connect() as conn:
    print(conn.execute(text("SELECT count(*) FROM resident WHERE life_status = 1")).scalar())
"""


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PESIAR_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(ROOT)
    return env


def wall(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=ROOT)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--quick", action="store_true", help="2 rounds: only proves it runs (CI)")
    args = parser.parse_args()
    rounds = 2 if args.quick else args.rounds
    compileall.compile_dir(ROOT / "pesiar_desktop", quiet=1)  # as an installed program runs
    env = _env()
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="pesiar-bench-cli-") as tmp:
        cli = [py, "-m", "pesiar_desktop", "--data-dir", tmp]
        subprocess.run(
            [*cli, "demo", "--residents", "40"], check=True, capture_output=True, env=env
        )
        sqlite_file = next(Path(tmp).rglob("*.sqlite3"))
        cases = {
            "floor: python -c pass": [py, "-c", "pass"],
            "floor: SQLAlchemy count(*)": [py, "-c", FLOOR_STATS, str(sqlite_file)],
            "--version": [*cli, "--version"],
            "--help": [*cli, "--help"],
            "stats --json": [*cli, "stats", "--json"],
        }
        for cmd in cases.values():  # warm the page cache
            wall(cmd, env)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(rounds):
            for name, cmd in cases.items():
                times[name].append(wall(cmd, env))
    med = {name: statistics.median(t) for name, t in times.items()}
    bare, bare_sql = med["floor: python -c pass"], med["floor: SQLAlchemy count(*)"]
    print(f"CLI fixed cost, medians of {rounds} rounds started in turn (wall time)")
    print(f"{'figure':<30}{'ours':>9}{'floor':>9}{'ratio':>8}  target")
    print(f"{'python -c pass (floor)':<30}{bare * 1000:>7.0f}ms")
    print(f"{'SQLAlchemy count(*) (floor)':<30}{bare_sql * 1000:>7.0f}ms")
    for name, floor in (("--version", bare), ("--help", bare), ("stats --json", bare_sql)):
        ours = med[name]
        print(
            f"{name:<30}{ours * 1000:>7.0f}ms{floor * 1000:>7.0f}ms{ours / floor:>7.2f}x  <= 400 ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
