"""Benchmark: start-up to a usable register on the 100,000-resident demo village (issue
"An office day…", item 7: <= 1 s).

`pesiar-desktop gui --smoke` opens the database, builds the main window for the first
administrator, opens Penduduk and waits for its first rows, then exits: the whole path from
process start to a loaded register (without the login dialog). Its floor is a bare PySide6
QMainWindow shown by a fresh process; both are started in turn, round by round (compiled
bytecode), and the medians are printed.

    python bench/bench_startup.py [--residents 100000] [--data-dir DIR] [--rounds 7] [--quick]

Not a timed test: CI only checks that it runs (with a small --residents).
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
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench_register import CHILD_BARE, ensure_demo  # noqa: E402


def wall(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--data-dir", help="reuse/keep the demo database here")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="2,000 residents, 2 rounds (CI)")
    args = parser.parse_args()
    if args.quick:
        args.residents, args.rounds = 2000, 2
    compileall.compile_dir(ROOT / "pesiar_desktop", quiet=1)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PESIAR_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(PYTHONPATH=str(ROOT), QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory(prefix="pesiar-bench-") as tmp:
        data_dir = Path(args.data_dir) if args.data_dir else Path(tmp)
        ensure_demo(data_dir, args.residents)
        smoke = [sys.executable, "-m", "pesiar_desktop", "--data-dir", str(data_dir), "gui"]
        cases = {"bare": [sys.executable, "-c", CHILD_BARE], "smoke": [*smoke, "--smoke"]}
        for cmd in cases.values():
            wall(cmd, env)  # warm the page cache
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.rounds):
            for name, cmd in cases.items():
                times[name].append(wall(cmd, env))
    bare, ours = (statistics.median(times[n]) for n in ("bare", "smoke"))
    print(f"Start-up, {args.residents:,} residents, medians of {args.rounds} rounds in turn")
    print(f"{'figure':<40}{'ours':>9}{'floor':>9}{'ratio':>8}  target")
    print(
        f"{'start-up to loaded register (--smoke)':<40}{ours * 1000:>7.0f}ms{bare * 1000:>7.0f}ms"
        f"{ours / bare:>7.2f}x  <= 1000 ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
