"""The test suite's own guards: it cannot quietly drop its PostgreSQL half."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _collect(env_changes: dict[str, str | None]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    for name, value in env_changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "--collect-only",
            "-q",
            "tests/unit/test_dashboard.py",
        ],  # fmt: skip
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_required_server_that_is_missing_fails_the_run():
    result = _collect({"PESIAR_TEST_REQUIRE_PG": "1", "PESIAR_TEST_PG_URL": None})
    assert result.returncode != 0
    assert "PESIAR_TEST_PG_URL is not" in result.stdout + result.stderr


def test_without_the_requirement_only_sqlite_cases_are_collected():
    result = _collect({"PESIAR_TEST_REQUIRE_PG": None, "PESIAR_TEST_PG_URL": None})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[sqlite]" in result.stdout and "[postgres]" not in result.stdout
