"""Backups are restored here, and the data is found again."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select

from pesiar_desktop import demo
from pesiar_desktop.cli import main
from pesiar_desktop.config import AppPaths
from pesiar_desktop.db import (
    Database,
    _alembic_config,
    current_revision,
    head_revision,
    open_database,
)
from pesiar_desktop.errors import PermissionDenied
from pesiar_desktop.models import AuditLog, Resident, User
from pesiar_desktop.services import audit, backup, settings, users
from pesiar_desktop.services.context import SYSTEM, Actor
from pesiar_desktop.services.settings import SETTINGS

TODAY = date(2026, 11, 22)


def _paths(tmp_path: Path) -> AppPaths:
    data = tmp_path / "data"
    paths = AppPaths(data_dir=data, database_url=f"sqlite:///{data / 'pesiar.sqlite3'}")
    paths.ensure()
    return paths


@pytest.fixture
def demo_setup(tmp_path):
    paths = _paths(tmp_path)
    db = open_database(
        paths.database_url, backup_dir=paths.backup_dir, key_file=paths.audit_key_file
    )
    demo.generate(db, SYSTEM, residents=150, seed=3, today=TODAY)
    yield db, paths
    db.dispose()


def _count(db: Database, model) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _admin(db: Database) -> Actor:
    return users.get_actor(db, "admin")


def test_manual_backup_then_restore_brings_the_data_back(demo_setup, tmp_path):
    db, paths = demo_setup
    admin = _admin(db)
    usb = tmp_path / "usb"
    usb.mkdir()
    made = backup.make_backup(db, admin, usb)
    assert made.parent == usb and made.name.startswith("pesiar-cadangan-suka-makmur-")
    assert not Path(str(made) + "-wal").exists()  # one self-contained file
    with sqlite3.connect(made) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"

    preview = backup.inspect_backup(made)
    assert preview.counts["residents"] == 150
    assert preview.app_version and preview.revision == head_revision()
    assert preview.village == "Suka Makmur" and preview.kind == "manual"
    assert preview.made_by == "admin" and not preview.needs_upgrade
    assert any("Penduduk" in line and "150" in line for line in preview.summary_lines())

    # Work goes on after the backup: a new user, one resident fewer.
    users.create_user(db, admin, "petugas", "sandi-petugas-1", "operator")
    with db.transaction() as s:
        victim = s.scalars(select(Resident).order_by(Resident.id.desc())).first()
        assert victim is not None
        s.execute(Resident.__table__.delete().where(Resident.id == victim.id))
        audit.record(s, admin, "uji.hapus", "resident", victim.id)
    assert _count(db, Resident) == 149

    result = backup.restore_backup(db, admin, made, paths)
    # The same Database object now reads the restored data.
    assert _count(db, Resident) == 150
    with db.read() as s:
        assert s.scalar(select(User).where(User.username == "petugas")) is None
    assert result.counts_after["residents"] == 150
    assert result.saved_current is not None and result.saved_current.parent == paths.backup_dir
    # What was there before the restore was saved first, and can itself be restored.
    saved = backup.inspect_backup(result.saved_current)
    assert saved.counts["residents"] == 149 and saved.kind == "sebelum-pulih"
    with db.read() as s:
        last = s.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
        assert last is not None and last.action == "backup.restore"
    assert audit.verify_chain(db).ok
    # The program still opens it normally.
    again = open_database(paths.database_url, backup_dir=paths.backup_dir)
    try:
        assert _count(again, Resident) == 150
        assert users.authenticate(again, "admin", "admin12345").role == "admin"
    finally:
        again.dispose()

    backup.restore_backup(db, admin, result.saved_current, paths)
    assert _count(db, Resident) == 149


def test_only_admins_make_or_restore_backups(demo_setup, tmp_path):
    db, paths = demo_setup
    operator = users.get_actor(db, "operator")
    with pytest.raises(PermissionDenied):
        backup.make_backup(db, operator, tmp_path)
    made = backup.make_backup(db, _admin(db), tmp_path / "x.sqlite3")
    with pytest.raises(PermissionDenied):
        backup.restore_backup(db, users.get_actor(db, "bpd"), made, paths)


def test_restore_refuses_foreign_files_and_newer_schema(demo_setup, tmp_path):
    db, paths = demo_setup
    admin = _admin(db)
    text_file = tmp_path / "catatan.sqlite3"
    text_file.write_text("bukan basis data", encoding="utf-8")
    other = tmp_path / "lain.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    for bad in (text_file, other, tmp_path / "tidak-ada.sqlite3"):
        with pytest.raises(backup.NotABackup):
            backup.restore_backup(db, admin, bad, paths)

    newer = backup.make_backup(db, admin, tmp_path / "baru.sqlite3")
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    assert backup.inspect_backup(newer).newer_schema
    with pytest.raises(backup.NotABackup, match="lebih baru"):
        backup.restore_backup(db, admin, newer, paths)
    # Nothing was touched, and nothing was saved aside.
    assert _count(db, Resident) == 150
    assert not list(paths.backup_dir.glob("sebelum-pulih-*"))


def test_restore_of_an_older_schema_migrates_it(demo_setup, tmp_path):
    db, paths = demo_setup
    admin = _admin(db)
    old = backup.make_backup(db, admin, tmp_path / "lama.sqlite3")
    # Turn the copy into what version 0002 of the program wrote.
    old_db = Database(f"sqlite:///{old}")
    cfg = _alembic_config()
    with old_db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    old_db.dispose()
    preview = backup.inspect_backup(old)
    assert preview.revision == "0002" and preview.needs_upgrade

    users.create_user(db, admin, "baru", "sandi-baru-123", "viewer")
    result = backup.restore_backup(db, admin, old, paths)
    assert result.migrated_from == "0002"
    assert current_revision(db) == head_revision()
    assert _count(db, Resident) == 150
    with db.read() as s:
        assert s.scalar(select(User).where(User.username == "baru")) is None
    assert audit.verify_chain(db).ok  # the old entries are legacy, new ones chain


def test_automatic_backup_once_a_day_keeps_n(demo_setup):
    db, paths = demo_setup
    settings.put(db, _admin(db), SETTINGS.backup_keep, 3)
    first = backup.auto_backup_if_due(db, paths, today=TODAY)
    assert first is not None and first.name.startswith("otomatis-20261122-")
    assert backup.auto_backup_if_due(db, paths, today=TODAY) is None  # once a day
    for offset in range(1, 6):
        assert backup.auto_backup_if_due(db, paths, today=TODAY + timedelta(days=offset))
    autos = sorted(p.name for p in paths.backup_dir.glob("otomatis-*.sqlite3"))
    assert [name[9:17] for name in autos] == ["20261125", "20261126", "20261127"]
    listed = backup.list_backups(paths)
    assert {b.kind for b in listed} == {"otomatis"}
    # An automatic backup is a real backup: it restores.
    restored = backup.restore_backup(db, _admin(db), paths.backup_dir / autos[-1], paths)
    assert restored.counts_after["residents"] == 150


def test_no_automatic_backup_of_an_empty_database(tmp_path):
    paths = _paths(tmp_path)
    db = open_database(paths.database_url)
    try:
        assert backup.auto_backup_if_due(db, paths) is None
    finally:
        db.dispose()


def test_cli_backup_and_restore(tmp_path, capsys):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo", "--residents", "120", "--seed", "5"]) == 0
    out = tmp_path / "flashdisk"
    out.mkdir()
    assert main(["--data-dir", str(data), "backup", str(out)]) == 0
    made = next(out.glob("*.sqlite3"))
    assert str(made) in capsys.readouterr().out

    db = open_database(f"sqlite:///{data / 'pesiar.sqlite3'}")
    users.create_user(db, _admin(db), "sementara", "sandi-sementara", "viewer")
    db.dispose()

    # Without --yes and without a terminal nothing happens (exit 3).
    assert main(["--data-dir", str(data), "restore", str(made)]) == 3
    text = capsys.readouterr().out
    assert "Penduduk" in text and "120" in text and "Versi aplikasi" in text
    assert main(["--data-dir", str(data), "restore", str(made), "--yes"]) == 0
    assert "Data sebelumnya disimpan" in capsys.readouterr().out
    db = open_database(f"sqlite:///{data / 'pesiar.sqlite3'}")
    try:
        with db.read() as s:
            assert s.scalar(select(User).where(User.username == "sementara")) is None
            assert s.scalar(select(func.count()).select_from(Resident)) == 120
    finally:
        db.dispose()
    assert main(["--data-dir", str(data), "restore", str(tmp_path / "tidak-ada.sqlite3")]) == 1


def test_backup_does_not_overwrite_the_live_database(demo_setup):
    db, paths = demo_setup
    assert paths.sqlite_file is not None
    with pytest.raises(backup.PesiarError):
        backup.make_backup(db, _admin(db), paths.sqlite_file)


@pytest.mark.postgres
def test_postgres_mode_explains_pg_dump(pg_url, tmp_path, capsys):
    db = open_database(pg_url)
    try:
        with pytest.raises(backup.BackupUnavailable, match="pg_dump"):
            backup.make_backup(db, SYSTEM, tmp_path)
        with pytest.raises(backup.BackupUnavailable, match="pg_restore"):
            backup.restore_backup(db, SYSTEM, tmp_path / "x.sqlite3", _paths(tmp_path))
        assert backup.auto_backup_if_due(db, _paths(tmp_path)) is None
    finally:
        db.dispose()
    assert main(["--database-url", pg_url, "backup", str(tmp_path)]) == 2
    assert "pg_dump" in capsys.readouterr().err
    assert main(["--database-url", pg_url, "restore", str(tmp_path / "x"), "--yes"]) == 2
    assert "pg_restore" in capsys.readouterr().err


def test_backup_of_a_copy_keeps_working_after_the_source_moves(demo_setup, tmp_path):
    """A backup file is self-contained: copied elsewhere it still previews and restores."""
    db, paths = demo_setup
    made = backup.make_backup(db, _admin(db), tmp_path / "a.sqlite3")
    moved = tmp_path / "pindah" / "b.sqlite3"
    moved.parent.mkdir()
    shutil.move(made, moved)
    assert backup.inspect_backup(moved).counts["residents"] == 150


# ---------------------------------------------------------------- crafted backups


def _live_state(db: Database) -> tuple[int, int, str | None]:
    head = db.chain_head()
    return _count(db, Resident), head.count, head.last_hash


def _assert_refused_and_untouched(db, paths, admin, candidate, match):  # type: ignore[no-untyped-def]
    before = _live_state(db)
    with pytest.raises(backup.NotABackup, match=match):
        backup.restore_backup(db, admin, candidate, paths)
    assert _live_state(db) == before
    assert not list(paths.backup_dir.glob("sebelum-pulih-*"))  # nothing to undo
    assert not list(paths.backup_dir.glob(".pulih-*"))  # no staging copy left behind
    assert audit.verify_chain(db).ok
    # The program still starts on the live database.
    again = open_database(
        paths.database_url, backup_dir=paths.backup_dir, key_file=paths.audit_key_file
    )
    try:
        assert _count(again, Resident) == before[0]
    finally:
        again.dispose()


def test_restore_refuses_a_file_with_only_the_expected_table_names(demo_setup, tmp_path):
    db, paths = demo_setup
    fake = tmp_path / "palsu.sqlite3"
    with sqlite3.connect(fake) as conn:
        for table in ("family", "app_user", "audit_log"):
            conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)")
        conn.execute("CREATE TABLE village (id INTEGER PRIMARY KEY, desa_name TEXT)")
        conn.execute("CREATE TABLE setting (key TEXT PRIMARY KEY, value_json TEXT)")
        # enough for the preview's counts, nothing more
        conn.execute("CREATE TABLE resident (id INTEGER PRIMARY KEY, life_status INTEGER)")
        conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
        conn.execute("INSERT INTO alembic_version VALUES (?)", (head_revision(),))
    _assert_refused_and_untouched(db, paths, _admin(db), fake, "tabel|kolom")


def test_restore_refuses_a_newer_schema_and_leaves_everything(demo_setup, tmp_path):
    db, paths = demo_setup
    newer = backup.make_backup(db, _admin(db), tmp_path / "baru.sqlite3")
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    _assert_refused_and_untouched(db, paths, _admin(db), newer, "lebih baru")


def test_restore_refuses_a_truncated_file(demo_setup, tmp_path):
    db, paths = demo_setup
    whole = backup.make_backup(db, _admin(db), tmp_path / "utuh.sqlite3")
    data = whole.read_bytes()
    for keep in (len(data) // 2, len(data) - 4096):
        cut = tmp_path / f"terpotong-{keep}.sqlite3"
        cut.write_bytes(data[:keep])
        _assert_refused_and_untouched(db, paths, _admin(db), cut, "rusak|terpotong")


def test_restore_refuses_a_backup_whose_audit_chain_is_broken(demo_setup, tmp_path):
    db, paths = demo_setup
    made = backup.make_backup(db, _admin(db), tmp_path / "rantai.sqlite3")
    with sqlite3.connect(made) as conn:
        target = conn.execute("SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 5").fetchone()[0]
        conn.execute("UPDATE audit_log SET actor = 'penyusup' WHERE id = ?", (target,))
    _assert_refused_and_untouched(db, paths, _admin(db), made, f"entri #{target}")


def test_restore_refuses_a_backup_trimmed_below_its_recorded_head(demo_setup, tmp_path):
    db, paths = demo_setup
    made = backup.make_backup(db, _admin(db), tmp_path / "pangkas.sqlite3")
    info = backup.inspect_backup(made)
    # the live log has one entry more: the backup's own `backup.create`
    assert info.audit_head is not None and info.audit_head.count == _live_state(db)[1] - 1
    with sqlite3.connect(made) as conn:
        conn.execute("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
    _assert_refused_and_untouched(db, paths, _admin(db), made, "entri terbaru hilang")


def test_restore_refuses_a_database_the_program_cannot_read(demo_setup, tmp_path):
    """Every table and column is there, but the data breaks the program's own reads."""
    db, paths = demo_setup
    made = backup.make_backup(db, _admin(db), tmp_path / "isi-aneh.sqlite3")
    with sqlite3.connect(made) as conn:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute("UPDATE resident SET birth_date = 'bukan tanggal'")
    _assert_refused_and_untouched(db, paths, _admin(db), made, "tidak dapat dibaca")


def test_restore_writes_its_audit_entry_in_the_same_swap(demo_setup, tmp_path):
    """The restored database arrives with its `backup.restore` entry already chained, and
    the key file's witnessed head is the restored chain's."""
    db, paths = demo_setup
    made = backup.make_backup(db, _admin(db), tmp_path / "a.sqlite3")
    result = backup.restore_backup(db, _admin(db), made, paths)
    with sqlite3.connect(made) as conn:
        in_backup = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    head = db.chain_head()
    assert head.count == in_backup + 1
    assert db.audit_key is not None and db.audit_key.head == head
    assert db.audit_key.pending is None
    with db.read() as s:
        last = s.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
        assert last is not None and last.action == "backup.restore" and last.actor == "admin"
    report = audit.verify_chain(db)
    assert report.ok, report.as_dict()
    # the saved copy is itself a checked, restorable backup
    assert result.saved_current is not None
    backup.restore_backup(db, _admin(db), result.saved_current, paths)
    assert audit.verify_chain(db).ok


def test_an_interrupted_restore_settles_at_start(demo_setup, tmp_path):
    """A pending head left in the key file (killed between the steps) is resolved by the
    next start from what the database holds."""
    db, paths = demo_setup
    key = db.audit_key
    assert key is not None
    live_head = db.chain_head()
    key.set_pending(backup.ChainHead(live_head.count + 5, "0" * 64))  # swap never happened
    db.dispose()
    again = open_database(
        paths.database_url, backup_dir=paths.backup_dir, key_file=paths.audit_key_file
    )
    try:
        assert again.audit_key is not None and again.audit_key.pending is None
        assert again.audit_key.head == live_head and audit.verify_chain(again).ok
    finally:
        again.dispose()
