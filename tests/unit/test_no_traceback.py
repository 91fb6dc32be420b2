"""No traceback reaches a user (issue 16, item 5): a full disk during an import, a backup
or a restore, two imports of one file at once, a database locked by another program for
longer than the timeout. Each gives one Indonesian line and an exit status; the
traceback is in the log file only."""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pesiar_desktop import db as db_module
from pesiar_desktop.cli import main
from pesiar_desktop.db import Database
from pesiar_desktop.errors import EXIT_DISK_FULL, EXIT_LOCKED, PesiarError, explain
from pesiar_desktop.models import AuditLog, ImportBatch, Resident
from pesiar_desktop.services import backup, imports
from tests.conftest import DEMO_PASSWORDS
from tests.import_files import family, write_opensid

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def village_dir(tmp_path, capsys) -> Path:
    """A set-up village without residents; the commands log in as its admin."""
    data = tmp_path / "data"
    init = ["--data-dir", str(data), "init", "--village-code", "5201012005"]
    assert main([*init, "--admin-user", "admin", "--admin-password", DEMO_PASSWORDS["admin"]]) == 0
    capsys.readouterr()
    return data


def _count(data: Path, model) -> int:  # type: ignore[no-untyped-def]
    db = Database(f"sqlite:///{data / 'pesiar.sqlite3'}")
    try:
        with db.read() as s:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)
    finally:
        db.dispose()


def _one_line(err: str, start: str) -> None:
    assert err.startswith(f"Galat: {start}"), err
    assert err.count("\n") == 1 and "Traceback" not in err, err


def _logged(caplog, text: str) -> None:  # type: ignore[no-untyped-def]
    """The traceback went to the log (in-process the log file is the first test's, so the
    record is looked at; `test_the_log_file_holds_the_traceback` reads a real file)."""
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR and r.exc_info]
    assert failures, caplog.records
    assert any(text in logging.Formatter().formatException(r.exc_info) for r in failures)


def _with_pragma(monkeypatch, *pragmas: str):  # type: ignore[no-untyped-def]
    """Every SQLite connection the program opens from now on also runs these pragmas."""
    original = db_module._sqlite_pragmas

    def pragmas_too(dbapi_conn, record):  # type: ignore[no-untyped-def]
        original(dbapi_conn, record)
        for pragma in pragmas:
            dbapi_conn.execute(pragma)

    monkeypatch.setattr(db_module, "_sqlite_pragmas", pragmas_too)
    return original


def _pages(data: Path) -> int:
    conn = sqlite3.connect(str(data / "pesiar.sqlite3"))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return int(conn.execute("PRAGMA page_count").fetchone()[0])
    finally:
        conn.close()


def _families(path: Path, n: int) -> Path:
    rows = []
    for i in range(1, n + 1):
        rows += family(i)
    return write_opensid(path, rows)


# --- a full disk -------------------------------------------------------------------------------


def test_disk_full_during_an_import(village_dir, monkeypatch, capsys, tmp_path, caplog):
    """SQLite reports a full disk (SQLITE_FULL) half-way through the import's writes: a
    database that may not grow is a full disk as far as SQLite can tell."""
    source = _families(tmp_path / "penduduk.xlsx", 150)
    original = _with_pragma(monkeypatch, f"PRAGMA max_page_count={_pages(village_dir) + 8}")
    code = main(["--data-dir", str(village_dir), "import", "residents", str(source)])
    assert code == EXIT_DISK_FULL == 2
    _one_line(capsys.readouterr().err, "Disk penuh")
    _logged(caplog, "database or disk is full")
    monkeypatch.setattr(db_module, "_sqlite_pragmas", original)
    assert _count(village_dir, Resident) == 0 and _count(village_dir, ImportBatch) == 0


@pytest.mark.parametrize(
    "failure",
    [
        OSError(errno.ENOSPC, "No space left on device"),
        sqlite3.OperationalError("database or disk is full"),
    ],
    ids=["enospc", "sqlite_full"],
)
def test_disk_full_during_a_backup_and_a_restore(village_dir, monkeypatch, capsys, failure, caplog):
    base = ["--data-dir", str(village_dir)]
    usb = village_dir.parent / "usb"
    assert main([*base, "backup", str(usb / "baik.sqlite3")]) == 0
    capsys.readouterr()

    def full(*_args: object) -> Path:
        raise failure

    monkeypatch.setattr(backup, "_copy", full)
    assert main([*base, "backup", str(usb)]) == EXIT_DISK_FULL
    _one_line(capsys.readouterr().err, "Disk penuh")
    # The restore's private copy hits the full disk: refused as a full disk, not as a
    # damaged backup, and the live database is as it was.
    assert main([*base, "restore", str(usb / "baik.sqlite3"), "--yes"]) == EXIT_DISK_FULL
    err = capsys.readouterr().err
    _one_line(err, "Disk penuh")
    assert "rusak" not in err
    _logged(caplog, "disk")
    with Database(f"sqlite:///{village_dir / 'pesiar.sqlite3'}").read() as s:
        actions = set(s.scalars(select(AuditLog.action)))
    assert "backup.restore" not in actions and "backup.create" in actions
    assert main([*base, "audit", "verify"]) == 0


# --- a database locked by another program ------------------------------------------------------


def test_a_database_locked_longer_than_the_timeout(
    village_dir, monkeypatch, capsys, tmp_path, caplog
):
    original = _with_pragma(monkeypatch, "PRAGMA busy_timeout=300")  # 15 s in the program
    other = sqlite3.connect(str(village_dir / "pesiar.sqlite3"), isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
        code = main(["--data-dir", str(village_dir), "backup", str(tmp_path / "x.sqlite3")])
        assert code == EXIT_LOCKED
        _one_line(capsys.readouterr().err, "Basis data sedang dikunci program lain")
    finally:
        other.execute("ROLLBACK")
        other.close()
    _logged(caplog, "database is locked")
    monkeypatch.setattr(db_module, "_sqlite_pragmas", original)
    assert main(["--data-dir", str(village_dir), "backup", str(tmp_path / "x.sqlite3")]) == 0


def test_an_unexpected_error_is_one_line_and_logged(
    village_dir, monkeypatch, capsys, tmp_path, caplog
):
    def broken(*_args: object, **_kwargs: object) -> object:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(imports, "preview_residents", broken)
    source = _families(tmp_path / "p.xlsx", 2)
    assert main(["--data-dir", str(village_dir), "import", "residents", str(source)]) == 1
    err = capsys.readouterr().err
    _one_line(err, "Terjadi galat yang tidak terduga (ZeroDivisionError)")
    assert str(village_dir / "logs") in err
    _logged(caplog, "ZeroDivisionError: a bug")


def test_explain_knows_the_failures_of_the_machine():
    assert explain(OSError(errno.ENOSPC, "x"))[1] == EXIT_DISK_FULL
    wrapped = PesiarError("Cadangan tidak dapat ditulis")
    wrapped.__cause__ = OSError(errno.EDQUOT, "quota")
    assert explain(wrapped)[1] == EXIT_DISK_FULL
    assert explain(sqlite3.OperationalError("database is locked"))[1] == EXIT_LOCKED
    assert explain(ValueError("database")) is None
    assert explain(PesiarError("NIK tidak valid")) is None


# --- two imports of one file at once -----------------------------------------------------------


def test_the_second_import_of_one_file_is_refused(village_db, admin, tmp_path):
    path = _families(tmp_path / "a.xlsx", 5)
    first = imports.preview_residents(village_db, path)
    second = imports.preview_residents(village_db, path)  # made before the first commits
    imports.commit_residents(village_db, admin, first)
    with pytest.raises(PesiarError, match="baru saja diimpor oleh admin"):
        imports.commit_residents(village_db, admin, second)
    with village_db.read() as s:
        assert s.scalar(select(func.count(ImportBatch.id))) == 1
        assert s.scalar(select(func.count(Resident.id))) == 15
    # A preview made after that import may import the file again (it says so).
    again = imports.preview_residents(village_db, path)
    assert any("sudah pernah diimpor" in n for n in again.notices)
    assert imports.commit_residents(village_db, admin, again).counts["unchanged"] == 15


def test_two_imports_of_one_file_committed_at_the_same_moment(village_db, admin, tmp_path):
    """Both previews are made first; both commits start together. One writes, the other
    is refused under the write lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: advisory lock),
    never a database error and never the rows twice."""
    path = _families(tmp_path / "b.xlsx", 40)
    previews = [imports.preview_residents(village_db, path) for _ in range(2)]
    start = threading.Barrier(2)
    results: list[object] = []

    def commit(n: int) -> None:
        start.wait()
        try:
            results.append(imports.commit_residents(village_db, admin, previews[n]))
        except BaseException as err:
            results.append(err)

    threads = [threading.Thread(target=commit, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    refused = [r for r in results if isinstance(r, BaseException)]
    assert len(refused) == 1, results
    assert isinstance(refused[0], PesiarError) and "baru saja diimpor" in str(refused[0])
    with village_db.read() as s:
        assert s.scalar(select(func.count(ImportBatch.id))) == 1
        assert s.scalar(select(func.count(Resident.id))) == 120


def test_two_import_processes_at_once_never_show_a_traceback(village_dir, tmp_path):
    source = _families(tmp_path / "c.xlsx", 60)
    cli = [sys.executable, "-m", "pesiar_desktop", "--data-dir", str(village_dir), "import"]
    procs = [
        subprocess.Popen(
            [*cli, "residents", str(source), "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        for _ in range(2)
    ]
    outcomes = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in procs]  # type: ignore[union-attr]
    for code, _out, err in outcomes:
        assert "Traceback" not in err, err
        assert code == 0 or (code == 1 and "baru saja diimpor" in err), (code, err)
    assert _count(village_dir, Resident) == 180


def test_the_log_file_holds_the_traceback(village_dir, tmp_path):
    """A real process: its log file (the data folder's logs/pesiar.log) gets the traceback,
    its stderr one line."""
    other = sqlite3.connect(str(village_dir / "pesiar.sqlite3"), isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        done = subprocess.run(
            [sys.executable, "-c", _LOCKED_RUN, str(village_dir), str(tmp_path / "x.sqlite3")],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert done.returncode == EXIT_LOCKED, done.stderr
    _one_line(done.stderr, "Basis data sedang dikunci program lain")
    log = (village_dir / "logs" / "pesiar.log").read_text(encoding="utf-8")
    assert "command backup failed" in log and "Traceback" in log and "database is locked" in log


# The CLI with a short busy timeout (15 s in the program).
_LOCKED_RUN = """
import sys
from pesiar_desktop import db
original = db._sqlite_pragmas
def short(conn, record):
    original(conn, record)
    conn.execute("PRAGMA busy_timeout=300")
db._sqlite_pragmas = short
from pesiar_desktop.cli import main
sys.exit(main(["--data-dir", sys.argv[1], "backup", sys.argv[2]]))
"""
