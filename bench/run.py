"""Run every benchmark in this folder, one after another, in fresh processes.

    python bench/run.py            # full sizes (100,000 residents/rows); several minutes
    python bench/run.py --quick    # tiny sizes: only proves each benchmark still runs (CI)
    python bench/run.py register   # only the benchmarks whose file name contains "register"

Each benchmark prints its figures beside their floors (the bare libraries doing the same
work, measured in the same run) as ratios. Results are noisy on shared machines: compare
ratios, not seconds, and run twice before believing a change.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Small sizes for --quick, per benchmark; a benchmark not listed gets "--quick".
QUICK_ARGS: dict[str, list[str]] = {
    "bench_import.py": ["--rows", "2000"],
    "bench_register.py": ["--residents", "2000", "--runs", "3"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description="Run the PESIAR Desktop benchmarks.")
    parser.add_argument("--quick", action="store_true", help="tiny sizes (CI: it still runs)")
    parser.add_argument("only", nargs="*", help="substrings of benchmark file names")
    args = parser.parse_args()
    scripts = sorted(p for p in HERE.glob("bench_*.py"))
    if args.only:
        scripts = [p for p in scripts if any(word in p.name for word in args.only)]
    failed = []
    for script in scripts:
        extra = QUICK_ARGS.get(script.name, ["--quick"]) if args.quick else []
        print(f"\n=== {script.name} {' '.join(extra)}", flush=True)
        start = time.perf_counter()
        code = subprocess.run([sys.executable, str(script), *extra]).returncode
        print(f"--- {script.name}: exit {code}, {time.perf_counter() - start:.1f} s", flush=True)
        if code:
            failed.append(script.name)
    if failed:
        print(f"\nFAILED: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
