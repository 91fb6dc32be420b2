"""The Windows setup.exe ships exactly installer/windows-requirements.txt: every dependency
pyproject.toml declares must be pinned there (phonenumberslite was not, and the installed
program's `demo` failed under Wine with ModuleNotFoundError)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _name(requirement: str) -> str:
    found = re.match(r"\s*([A-Za-z0-9_.\-]+)", requirement)
    assert found is not None, requirement
    return re.sub(r"[-_.]+", "-", found.group(1)).lower()


def test_every_declared_dependency_is_pinned_for_windows():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {_name(r) for r in project["dependencies"]}
    declared |= {_name(r) for r in project["optional-dependencies"]["postgres"]}
    pinned: dict[str, str] = {}
    for line in (ROOT / "installer" / "windows-requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            assert "==" in line, f"not pinned: {line}"
            pinned[_name(line)] = line
    assert declared - set(pinned) == set()
