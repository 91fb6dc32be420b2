"""The benchmarks are not timed tests; this only proves each one still runs end to end
(tiny sizes) and prints its figures beside their floors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.heavy

BENCH = Path(__file__).resolve().parents[2] / "bench"
SCRIPTS = sorted(p.name for p in BENCH.glob("bench_*.py"))


def test_every_benchmark_is_found():
    assert {"bench_import.py", "bench_register.py"} <= set(SCRIPTS)


@pytest.mark.parametrize("script", SCRIPTS)
def test_benchmark_runs_quick(script, tmp_path):
    result = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--quick", script.removesuffix(".py")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert f"{script}: exit 0" in result.stdout
    # Every benchmark prints at least one ratio against its floor.
    assert "x " in result.stdout or "x\n" in result.stdout, result.stdout[-2000:]
