"""The collector is held during a process's start-up and what start-up built is frozen
(pesiar_desktop/gc_policy.py); in-process callers such as these tests are left alone."""

from __future__ import annotations

import gc
import subprocess
import sys
import tomllib
from pathlib import Path

from pesiar_desktop import gc_policy

ROOT = Path(__file__).resolve().parents[2]


def test_hold_then_release_freezes_what_exists_and_collects_again() -> None:
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    try:
        gc_policy.hold()
        assert not gc.isenabled()
        gc_policy.release()
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen
        after = gc.get_freeze_count()
        gc_policy.release()  # once only
        assert gc.get_freeze_count() == after
    finally:
        gc.enable()
        gc.unfreeze()


def test_release_without_hold_changes_nothing() -> None:
    frozen = gc.get_freeze_count()
    gc_policy.release()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_every_process_entry_point_goes_through_run() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {"pesiar-desktop": "pesiar_desktop.cli:run"}
    for entry in (ROOT / "main.py", ROOT / "pesiar_desktop" / "__main__.py"):
        assert "import run" in entry.read_text()
    # A real process: held at start, a command runs with the collector on, exit code kept.
    probe = (
        "import gc, sys\n"
        "from pesiar_desktop import gc_policy\n"
        "import pesiar_desktop.cli.core as core\n"
        "core.main = lambda: print(gc.isenabled(), gc_policy._held) or 7\n"
        "import pesiar_desktop.cli as cli\n"
        "cli.main = core.main\n"
        "cli.run()\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 7
    assert done.stdout.split() == ["False", "True"]  # held while main ran (until a release)
