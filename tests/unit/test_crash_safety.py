"""Crash safety: a real `pesiar-desktop import residents` process is killed with SIGKILL at
random moments, mostly while it writes; every time the database must pass
`PRAGMA integrity_check` and hold all of the import or none of it.

Also: faulthandler writes a hard crash's traceback into the log folder, and the log
file rotates.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from pesiar_desktop.db import open_database
from pesiar_desktop.services import audit, village
from tests.import_files import opensid_row, write_opensid

pytestmark = [
    pytest.mark.heavy,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL"),
]

FAMILIES = 8000  # 24,000 residents: the write phase lasts long enough to hit
KILLS_REQUIRED = 12
MAX_ATTEMPTS = 40
# The import's big transaction spills into the WAL as it writes; a few pages appear there
# right at start (opening the database), so "writing" means more than this.
WRITING_WAL_BYTES = 64 * 1024


def _cli(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "pesiar_desktop", "--data-dir", str(data_dir), *args]


def _key_of(db_file: Path) -> Path:
    """The audit key that goes with a database file: the data folder's `kunci-audit.json`
    for `pesiar.sqlite3`, else a file beside it named after it."""
    if db_file.name == "pesiar.sqlite3":
        return db_file.parent / "kunci-audit.json"
    return db_file.with_suffix(".kunci.json")


def _big_opensid(path: Path, families: int) -> int:
    rows = []
    for k in range(1, families + 1):
        kk = f"5201010101{k:06d}"
        serial, shift = k % 9000 + 1, timedelta(days=k // 9000)
        for name, born, sex, shdk in (
            ("Kepala", date(1970, 1, 1), 1, 1),
            ("Istri", date(1975, 1, 1), 2, 3),
            ("Anak", date(2005, 1, 1), 1, 4),
        ):
            rows.append(
                opensid_row(
                    name=f"{name} {k}",
                    no_kk=kk,
                    born=born + shift,
                    sex=sex,
                    shdk=shdk,
                    serial=serial,
                    dusun=f"Dusun {k % 5 + 1}",
                    rt=f"{k % 7 + 1:03d}",
                )
            )
    write_opensid(path, rows)
    return len(rows)


def _state(db_file: Path) -> tuple[str, int, int, int]:
    conn = sqlite3.connect(str(db_file))
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        residents = conn.execute("SELECT COUNT(*) FROM resident").fetchone()[0]
        families = conn.execute("SELECT COUNT(*) FROM family").fetchone()[0]
        batches = conn.execute("SELECT COUNT(*) FROM import_batch").fetchone()[0]
    finally:
        conn.close()
    return check, residents, families, batches


def _wal_size(db_file: Path) -> int:
    try:
        return os.path.getsize(str(db_file) + "-wal")
    except OSError:
        return 0


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    root = tmp_path_factory.mktemp("crash")
    base = root / "base"
    subprocess.run(
        _cli(
            base,
            "init",
            "--village-code",
            "52.01.01.2005",
            "--admin-user",
            "admin",
            "--admin-password",
            "admin12345",
        ),
        check=True,
        capture_output=True,
    )
    big = root / "besar.xlsx"
    rows = _big_opensid(big, FAMILIES)
    return root, base / "pesiar.sqlite3", big, rows


def test_sigkill_during_large_import_leaves_all_or_nothing(prepared):
    root, base_db, big, rows = prepared
    rng = random.Random(int(os.environ.get("PESIAR_CRASH_SEED", "0")) or None)
    seed_note = f"(PESIAR_CRASH_SEED to repeat; rng state {rng.random():.6f})"

    # A complete run first: how long writing lasts on this machine, and that "all" is right.
    full = root / "full"
    full.mkdir()
    shutil.copy(base_db, full / "pesiar.sqlite3")
    shutil.copy(_key_of(base_db), _key_of(full / "pesiar.sqlite3"))  # the data folder's key
    started = time.monotonic()
    write_started = None
    proc = subprocess.Popen(
        _cli(full, "import", "residents", str(big), "--json"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    while proc.poll() is None:
        if write_started is None and _wal_size(full / "pesiar.sqlite3") > WRITING_WAL_BYTES:
            write_started = time.monotonic()
        time.sleep(0.005)
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    total = time.monotonic() - started
    write_phase = time.monotonic() - (write_started or started)
    check, residents, families, batches = _state(full / "pesiar.sqlite3")
    assert (check, residents, families, batches) == ("ok", rows, FAMILIES, 1)

    kills = mid_write = 0
    outcomes: list[str] = []
    for attempt in range(MAX_ATTEMPTS):
        if kills >= KILLS_REQUIRED and mid_write >= KILLS_REQUIRED // 2:
            break
        folder = root / f"kill{attempt}"
        folder.mkdir()
        db_file = folder / "pesiar.sqlite3"
        shutil.copy(base_db, db_file)
        shutil.copy(_key_of(base_db), _key_of(db_file))
        before = _state(db_file)
        assert before[1] == 0
        # Every third kill at any moment of the run; the others once writing has begun.
        anywhere = attempt % 3 == 0
        delay = rng.uniform(0.05, total) if anywhere else rng.uniform(0.0, write_phase * 1.1)
        proc = subprocess.Popen(
            _cli(folder, "import", "residents", str(big), "--json"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        t0 = time.monotonic()
        if not anywhere:
            while proc.poll() is None and _wal_size(db_file) <= WRITING_WAL_BYTES:
                time.sleep(0.002)
            t0 = time.monotonic()
        while proc.poll() is None and time.monotonic() - t0 < delay:
            time.sleep(0.002)
        writing = _wal_size(db_file) > WRITING_WAL_BYTES
        alive = proc.poll() is None
        if alive:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        check, residents, families, batches = _state(db_file)
        outcomes.append(
            f"#{attempt}: {'killed' if alive else 'finished'}"
            f"{' while writing' if alive and writing else ''} after {delay:.2f}s -> "
            f"{residents} residents, {batches} batch"
        )
        assert check == "ok", outcomes[-1] + f" integrity_check: {check}"
        assert (residents, families, batches) in ((0, 0, 0), (rows, FAMILIES, 1)), (
            "partial import after SIGKILL: " + outcomes[-1]
        )
        # The program opens the database afterwards, and the audit chain is intact.
        db = open_database(f"sqlite:///{db_file}", key_file=_key_of(db_file))
        try:
            assert village.is_set_up(db)
            assert audit.verify_chain(db).ok
        finally:
            db.dispose()
        if alive:
            kills += 1
            mid_write += int(writing)
    summary = "\n".join(outcomes)
    assert kills >= KILLS_REQUIRED, f"only {kills} kills {seed_note}\n{summary}"
    assert mid_write >= KILLS_REQUIRED // 2, f"few kills while writing {seed_note}\n{summary}"
    print(summary)


def test_faulthandler_writes_hard_crash_to_log_folder(tmp_path):
    """A segfault-like crash (faulthandler._sigsegv) leaves its traceback in logs/."""
    code = (
        "import faulthandler, sys\n"
        "from pathlib import Path\n"
        "from pesiar_desktop.logging_setup import setup_logging\n"
        "setup_logging(Path(sys.argv[1]))\n"
        "faulthandler._sigsegv()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "logs")], capture_output=True, timeout=60
    )
    assert proc.returncode != 0
    text = (tmp_path / "logs" / "crash-faulthandler.log").read_text(encoding="utf-8")
    assert "Fatal Python error" in text


def test_log_file_rotates(tmp_path):
    """`setup_logging` installs a size-rotating file handler in the log folder."""
    code = (
        "import logging, sys\n"
        "from pathlib import Path\n"
        "from pesiar_desktop.logging_setup import setup_logging\n"
        "setup_logging(Path(sys.argv[1]))\n"
        "log = logging.getLogger('uji')\n"
        "for i in range(12000):\n"
        "    log.info('baris %d %s', i, 'x' * 200)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "logs")], check=True, timeout=120)
    names = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert "pesiar.log" in names and "pesiar.log.1" in names, names
    assert (tmp_path / "logs" / "pesiar.log").stat().st_size <= 2_100_000


# ====================================================================== letter approval

APPROVER = """
import sys
from pathlib import Path
from pesiar_desktop.db import open_database
from pesiar_desktop.services import letters, users
db = open_database(sys.argv[1], key_file=Path(sys.argv[2]))
kades = users.get_actor(db, "kades")
drafts = [r.id for r in letters.list_letters(db) if r.status == letters.STATUS_DRAFT]
for letter_id in sorted(drafts):
    letters.approve(db, kades, letter_id)
    print(letter_id, flush=True)
"""


@pytest.fixture(scope="module")
def letters_base(tmp_path_factory):
    """A demo village (agents, assignments, approved letters) plus 30 fresh drafts."""
    from pesiar_desktop.services import letters, users
    from pesiar_desktop.services.context import SYSTEM

    root = tmp_path_factory.mktemp("crash_letters")
    subprocess.run(
        _cli(root / "base", "demo", "--residents", "120"), check=True, capture_output=True
    )
    db_file = root / "base" / "pesiar.sqlite3"
    db = open_database(f"sqlite:///{db_file}", key_file=_key_of(db_file))
    try:
        operator = users.get_actor(db, "operator")
        agents = [r.agent_id for r in letters.list_letters(db) if r.agent_id]
        assert agents and SYSTEM
        for n in range(30):
            letters.draft(db, operator, letters.TYPE_PAKTA, agent_id=agents[n % len(agents)])
    finally:
        db.dispose()
    return root, db_file


def _letters_state(db_file: Path) -> tuple[str, list[tuple], dict[tuple[str, int], int], int]:
    conn = sqlite3.connect(str(db_file))
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        rows = conn.execute(
            "SELECT id, letter_type, status, year, seq, number, pdf, pdf_sha256, approved_by"
            " FROM letter ORDER BY id"
        ).fetchall()
        counters = {
            (t, y): s
            for t, y, s in conn.execute("SELECT letter_type, year, last_seq FROM letter_counter")
        }
        approvals = conn.execute(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'letter.approve'"
        ).fetchone()[0]
    finally:
        conn.close()
    return check, rows, counters, approvals


def test_sigkill_during_letter_approvals_leaves_whole_letters(letters_base, tmp_path):
    import hashlib

    root, base_db = letters_base
    rng = random.Random(int(os.environ.get("PESIAR_CRASH_SEED", "0")) or None)
    _c, base_rows, _counters, base_approvals = _letters_state(base_db)
    drafts_before = sum(1 for r in base_rows if r[2] == "draft")
    assert drafts_before >= 30

    # One complete run: when approving starts (after start-up) and how long it lasts here.
    full = tmp_path / "full.sqlite3"
    shutil.copy(base_db, full)
    shutil.copy(_key_of(base_db), _key_of(full))
    started = time.monotonic()
    run = subprocess.Popen(
        [sys.executable, "-c", APPROVER, f"sqlite:///{full}", str(_key_of(full))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert run.stdout is not None
    first_line = run.stdout.readline()
    first = time.monotonic() - started
    rest, errors = run.communicate()
    total = time.monotonic() - started
    assert run.returncode == 0, errors
    assert len((first_line + rest).split()) == drafts_before

    kills = mid_run = 0
    outcomes = []
    for attempt in range(KILLS_REQUIRED + 20):
        if kills >= KILLS_REQUIRED and mid_run >= KILLS_REQUIRED // 2:
            break
        db_file = tmp_path / f"kill{attempt}.sqlite3"
        shutil.copy(base_db, db_file)
        shutil.copy(_key_of(base_db), _key_of(db_file))
        proc = subprocess.Popen(
            [sys.executable, "-c", APPROVER, f"sqlite:///{db_file}", str(_key_of(db_file))],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        # Mostly while approving; every fourth kill anywhere (start-up included).
        low = 0.05 if attempt % 4 == 0 else first * 0.8
        delay = rng.uniform(low, total * 0.98)
        time.sleep(delay)
        alive = proc.poll() is None
        if alive:
            os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        reported = {int(x) for x in out.split()}
        check, rows, counters, approvals = _letters_state(db_file)
        approved = [r for r in rows if r[2] == "approved"]
        newly = approvals - base_approvals
        outcomes.append(
            f"#{attempt}: {'killed' if alive else 'finished'} after {delay:.2f}s, "
            f"{len(reported)} reported, {newly} approved"
        )
        assert check == "ok", outcomes[-1]
        for _id, _type, status, year, seq, number, pdf, sha, by in rows:
            if status == "draft":  # nothing of a half-done approval is left on a draft
                assert (year, seq, number, pdf, sha, by) == (None,) * 6, outcomes[-1]
            else:
                assert number and pdf and by and sha == hashlib.sha256(pdf).hexdigest()
        # Every approval the worker saw committed is there; at most one more (committed,
        # not yet printed) — and each approved letter has its audit entry.
        assert reported <= {r[0] for r in approved}, outcomes[-1]
        assert len(reported) <= newly <= len(reported) + 1, outcomes[-1]
        # Numbers have no gaps and the counter matches: a killed approval took no number.
        by_key: dict[tuple[str, int], list[int]] = {}
        for r in approved + [r for r in rows if r[2] == "revoked"]:
            by_key.setdefault((r[1], r[3]), []).append(r[4])
        for key, seqs in by_key.items():
            assert sorted(seqs) == list(range(1, len(seqs) + 1)), (key, outcomes[-1])
            assert counters.get(key) == len(seqs), (key, outcomes[-1])
        db = open_database(f"sqlite:///{db_file}", key_file=_key_of(db_file))
        try:
            assert audit.verify_chain(db).ok
        finally:
            db.dispose()
        kills += int(alive)
        mid_run += int(alive and 0 < newly < drafts_before)
    summary = "\n".join(outcomes)
    assert kills >= KILLS_REQUIRED, summary
    assert mid_run >= KILLS_REQUIRED // 2, summary
    print(summary)
