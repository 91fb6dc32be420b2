"""A real `pesiar-desktop restore` process is SIGKILLed at random moments: every time the
program starts again on either the old database or the restored one *with* its
`backup.restore` audit entry, and `audit verify` passes."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pesiar_desktop.cli import main
from pesiar_desktop.db import open_database
from pesiar_desktop.services import audit

pytestmark = [
    pytest.mark.heavy,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL"),
]

KILLS = 10


def _cli(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "pesiar_desktop", "--data-dir", str(data), *args]


def _state(db_file: Path) -> tuple[str, int, str]:
    conn = sqlite3.connect(str(db_file))
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        users = conn.execute("SELECT count(*) FROM app_user").fetchone()[0]
        last = conn.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0]
    finally:
        conn.close()
    return check, users, last


def test_sigkill_during_restore_leaves_old_or_restored_with_its_entry(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("PESIAR_USER", "admin")
    monkeypatch.setenv("PESIAR_PASSWORD", "admin12345")
    assert main(["--data-dir", str(data), "demo", "--residents", "1500", "--seed", "4"]) == 0
    made = tmp_path / "cadangan.sqlite3"
    assert main(["--data-dir", str(data), "backup", str(made)]) == 0
    db_file = data / "pesiar.sqlite3"
    env = {**__import__("os").environ, "PESIAR_USER": "admin", "PESIAR_PASSWORD": "admin12345"}

    started = time.perf_counter()
    subprocess.run(_cli(data, "restore", str(made), "--yes"), check=True, env=env,
                   capture_output=True)  # fmt: skip
    duration = time.perf_counter() - started
    rng = random.Random(16)
    outcomes: set[str] = set()
    for attempt in range(KILLS):
        # Between restores the live database differs from the backup: one more user.
        conn = sqlite3.connect(str(db_file))
        conn.execute(
            "INSERT INTO app_user (username, full_name, role, password_hash, is_active, "
            "failed_attempts, created_at) SELECT 'uji' || :n, 'Uji', 'viewer', password_hash, "
            "1, 0, created_at FROM app_user WHERE username = 'admin'",
            {"n": attempt},
        )
        conn.commit()
        conn.close()
        _, users_before, _ = _state(db_file)
        proc = subprocess.Popen(
            _cli(data, "restore", str(made), "--yes"),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.3, 1.0) * duration)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        check, users, last = _state(db_file)
        assert check == "ok"
        if users == users_before:
            outcomes.add("old")
        else:
            assert last == "backup.restore", (users, users_before, last)
            outcomes.add("restored")
        db = open_database(
            f"sqlite:///{db_file}", backup_dir=data / "backups", key_file=data / "kunci-audit.json"
        )
        try:
            report = audit.verify_chain(db)
            assert report.ok, report.as_dict()["breaks"][:2]
            assert db.audit_key is not None and db.audit_key.pending is None
        finally:
            db.dispose()
    assert outcomes  # both are fine; which ones happened depends on the timing
