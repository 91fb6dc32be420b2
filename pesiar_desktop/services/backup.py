"""Backups of the SQLite database: automatic once a day, manual to any folder, and restore.

Every copy goes through SQLite's online backup API (a consistent snapshot even while the
program writes), is switched to a single-file journal mode (no `-wal` beside it on a USB
stick), carries a `backup.info` setting (app version, time, kind, who) and is checked
with `PRAGMA quick_check`. A copy is written under a temporary name and renamed, so a
half-written file never looks like a backup.

Restore reads a preview from the file itself (counts, date, app version, schema
revision), refuses a file that is not a PESIAR database or that comes from a newer
schema, saves the current database to `backups/sebelum-pulih-*.sqlite3`, brings a copy
of the backup to the current schema, and only then writes it over the live database —
again through the backup API, so the live file is replaced in one transaction that a
crash cannot leave half done.

PostgreSQL mode has no file to copy: every function here raises `BackupUnavailable`
with an explanation of `pg_dump` / `pg_restore`.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from alembic.script import ScriptDirectory

from pesiar_desktop import __version__, clock
from pesiar_desktop.config import AppPaths
from pesiar_desktop.db import Database, _alembic_config, head_revision, migrate
from pesiar_desktop.errors import PesiarError
from pesiar_desktop.services import audit, settings, village
from pesiar_desktop.services.context import Actor, require
from pesiar_desktop.services.settings import SETTINGS

log = logging.getLogger(__name__)

AUTO_PREFIX = "otomatis-"
MANUAL_PREFIX = "pesiar-cadangan-"
BEFORE_RESTORE_PREFIX = "sebelum-pulih-"
BEFORE_UPGRADE_PREFIX = "sebelum-upgrade-"
SUFFIX = ".sqlite3"
INFO_KEY = "backup.info"
_STAMP = "%Y%m%d-%H%M%S"
_SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables every PESIAR database has had since the first schema.
_REQUIRED_TABLES = frozenset(
    {"alembic_version", "village", "family", "resident", "app_user", "audit_log"}
)
_COUNTED = (
    ("residents", "SELECT COUNT(*) FROM resident"),
    ("living", "SELECT COUNT(*) FROM resident WHERE life_status = 1"),
    ("families", "SELECT COUNT(*) FROM family"),
    ("dusun", "SELECT COUNT(*) FROM dusun"),
    ("users", "SELECT COUNT(*) FROM app_user"),
    ("letters", "SELECT COUNT(*) FROM letter"),
    ("agents", "SELECT COUNT(*) FROM agent"),
    ("visits", "SELECT COUNT(*) FROM visit"),
    ("registrations", "SELECT COUNT(*) FROM registration"),
    ("audit_entries", "SELECT COUNT(*) FROM audit_log"),
)

PG_HELP = (
    "Basis data ini berada di server PostgreSQL, jadi cadangannya dibuat dengan alat "
    "PostgreSQL, bukan dari aplikasi.\n"
    "Membuat cadangan (di komputer server atau yang punya akses):\n"
    "  pg_dump -Fc -d NAMA_BASIS_DATA -f cadangan-desa.dump\n"
    "Memulihkan ke basis data kosong yang baru:\n"
    "  createdb NAMA_BARU\n"
    "  pg_restore -d NAMA_BARU cadangan-desa.dump\n"
    "lalu arahkan aplikasi ke basis data itu (--database-url). Jadwalkan pg_dump setiap "
    "hari (cron atau Task Scheduler) dan simpan berkasnya di tempat lain."
)


class BackupUnavailable(PesiarError):
    """PostgreSQL mode: backups are made with pg_dump, not by the program."""

    def __init__(self) -> None:
        super().__init__(PG_HELP)


class NotABackup(PesiarError):
    pass


@dataclass(frozen=True)
class BackupPreview:
    path: Path
    revision: str
    made_at: datetime | None  # from backup.info, else the file's modification time
    app_version: str  # "" when unknown (a file not written by `make_backup`)
    kind: str  # otomatis, manual, sebelum-pulih, sebelum-upgrade, "" unknown
    made_by: str
    village: str
    counts: dict[str, int]
    size_bytes: int
    newer_schema: bool  # written by a newer program: cannot be restored
    needs_upgrade: bool  # older schema: migrated on restore

    def summary_lines(self) -> list[str]:
        made = self.made_at.strftime("%d-%m-%Y %H:%M") if self.made_at else "tidak diketahui"
        labels = {
            "residents": "Penduduk",
            "living": "Penduduk hidup",
            "families": "Keluarga (KK)",
            "dusun": "Dusun",
            "users": "Pengguna",
            "letters": "Surat",
            "agents": "Agen",
            "visits": "Kunjungan",
            "registrations": "Pendaftaran",
            "audit_entries": "Entri log audit",
        }
        lines = [
            f"Desa            : {self.village or '-'}",
            f"Dibuat          : {made}",
            f"Versi aplikasi  : {self.app_version or 'tidak diketahui'}",
            f"Revisi skema    : {self.revision}",
        ]
        lines += [f"{labels[k]:<16}: {v}" for k, v in self.counts.items() if k in labels]
        return lines


@dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: str
    made_at: datetime
    size_bytes: int


@dataclass
class RestoreResult:
    preview: BackupPreview
    saved_current: Path | None
    migrated_from: str | None = None
    counts_after: dict[str, int] = field(default_factory=dict)


# ====================================================================== helpers


def _require_sqlite(db: Database) -> Path:
    if not db.is_sqlite:
        raise BackupUnavailable()
    name = db.engine.url.database
    if not name or name == ":memory:":
        raise PesiarError("Basis data ini tidak tersimpan di berkas; tidak dapat dicadangkan.")
    return Path(name)


def _stamp(now: datetime | None = None) -> str:
    return (now or clock.now()).strftime(_STAMP)


def _unique(path: Path) -> Path:
    """`path`, or `name-2.sqlite3`, `name-3.sqlite3`… if it exists (two backups in one second)."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _copy(source: Path, target: Path, info: dict[str, Any] | None) -> Path:
    """Online-backup `source` into `target` (atomic rename), single-file, checked."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(str(source), timeout=30)
    try:
        dst = sqlite3.connect(str(partial))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            if info is not None:
                dst.execute(
                    "INSERT OR REPLACE INTO setting (key, value_json) VALUES (?, ?)",
                    (INFO_KEY, json.dumps(info, ensure_ascii=False)),
                )
                dst.commit()
            check = dst.execute("PRAGMA quick_check").fetchone()
            if not check or check[0] != "ok":
                raise PesiarError(f"Salinan cadangan rusak: {check}")
        finally:
            dst.close()
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    os.replace(partial, target)
    return target


def _info(kind: str, actor: Actor | None) -> dict[str, Any]:
    return {
        "app_version": __version__,
        "made_at": clock.now().isoformat(timespec="seconds"),
        "kind": kind,
        "made_by": actor.username if actor else "system",
    }


def _village_slug(db: Database) -> str:
    profile = village.get_profile(db)
    if profile is None:
        return ""
    slug = re.sub(r"[^a-z0-9]+", "-", profile.desa_name.lower()).strip("-")
    return f"{slug}-" if slug else ""


def _kind_of(name: str) -> str:
    for prefix, kind in (
        (AUTO_PREFIX, "otomatis"),
        (MANUAL_PREFIX, "manual"),
        (BEFORE_RESTORE_PREFIX, "sebelum-pulih"),
        (BEFORE_UPGRADE_PREFIX, "sebelum-upgrade"),
    ):
        if name.startswith(prefix):
            return kind
    return ""


# ====================================================================== making backups


def make_backup(db: Database, actor: Actor, target: str | Path) -> Path:
    """Copy the live database to `target`: a folder (a dated file name is chosen) or a
    file path. Returns the file written. Audited."""
    require(actor, "backup.manage")
    source = _require_sqlite(db)
    out = Path(target).expanduser()
    if out.is_dir() or str(target).endswith(("/", os.sep)):
        out = _unique(out / f"{MANUAL_PREFIX}{_village_slug(db)}{_stamp()}{SUFFIX}")
    if out.resolve() == source.resolve():
        raise PesiarError("Cadangan tidak boleh ditulis di atas basis data yang sedang dipakai.")
    try:
        _copy(source, out, _info("manual", actor))
    except OSError as err:
        raise PesiarError(f"Cadangan tidak dapat ditulis ke {out}: {err.strerror or err}") from err
    with db.transaction() as session:
        audit.record(
            session, actor, "backup.create", "database", "", None,
            {"file": str(out), "size_bytes": out.stat().st_size},
        )  # fmt: skip
    log.info("backup written to %s by %s", out, actor.username)
    return out


def list_backups(paths: AppPaths) -> list[BackupFile]:
    """Backups in the data folder's `backups/`, newest first."""
    found: list[BackupFile] = []
    if not paths.backup_dir.is_dir():
        return found
    for path in paths.backup_dir.glob(f"*{SUFFIX}"):
        stat = path.stat()
        found.append(
            BackupFile(
                path, _kind_of(path.name), datetime.fromtimestamp(stat.st_mtime), stat.st_size
            )
        )
    found.sort(key=lambda b: (b.made_at, b.path.name), reverse=True)
    return found


def auto_backup_if_due(db: Database, paths: AppPaths, today: date | None = None) -> Path | None:
    """At start: one automatic backup a day into `paths.backup_dir`, keeping the newest
    `backup.keep` automatic ones. Nothing happens for PostgreSQL or an empty database."""
    if not db.is_sqlite:
        return None
    source = _require_sqlite(db)
    if not source.is_file():
        return None
    if not village.is_set_up(db):
        return None
    day = (today or clock.today()).strftime("%Y%m%d")
    folder = paths.backup_dir
    autos = sorted(folder.glob(f"{AUTO_PREFIX}*{SUFFIX}")) if folder.is_dir() else []
    made: Path | None = None
    if not any(p.name.startswith(f"{AUTO_PREFIX}{day}-") for p in autos):
        now = clock.now()
        stamp = f"{day}-{now:%H%M%S}"
        made = _copy(source, folder / f"{AUTO_PREFIX}{stamp}{SUFFIX}", _info("otomatis", None))
        autos = sorted([*autos, made])
        log.info("automatic backup %s", made)
    keep = settings.read(db, SETTINGS.backup_keep)
    for old in autos[:-keep]:
        old.unlink(missing_ok=True)
        log.info("old automatic backup removed: %s", old.name)
    return made


# ====================================================================== reading a backup


def _known_revisions() -> tuple[list[str], str]:
    script = ScriptDirectory.from_config(_alembic_config())
    order = [rev.revision for rev in script.walk_revisions()]  # head first
    return order, head_revision()


def inspect_backup(path: str | Path) -> BackupPreview:
    """Everything shown before a restore, read from the file itself (never written)."""
    file = Path(path).expanduser()
    if not file.is_file():
        raise NotABackup(f"Berkas {file} tidak ditemukan.")
    with file.open("rb") as handle:
        if handle.read(16) != _SQLITE_MAGIC:
            raise NotABackup(f"{file.name} bukan berkas cadangan PESIAR Desktop.")
    try:
        conn = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
    except sqlite3.Error as err:
        raise NotABackup(f"{file.name} tidak dapat dibuka: {err}") from err
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if not tables.issuperset(_REQUIRED_TABLES):
            raise NotABackup(
                f"{file.name} bukan basis data PESIAR Desktop (tabelnya tidak sesuai)."
            )
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            raise NotABackup(f"{file.name} tidak memiliki revisi skema.")
        revision = str(row[0])
        counts: dict[str, int] = {}
        for key, sql in _COUNTED:
            table = sql.split(" FROM ", 1)[1].split()[0]
            if table in tables:
                counts[key] = int(conn.execute(sql).fetchone()[0])
        info: dict[str, Any] = {}
        if "setting" in tables:
            found = conn.execute(
                "SELECT value_json FROM setting WHERE key = ?", (INFO_KEY,)
            ).fetchone()
            if found:
                try:
                    info = dict(json.loads(found[0]))
                except (ValueError, TypeError):
                    info = {}
        place = conn.execute("SELECT desa_name FROM village ORDER BY id LIMIT 1").fetchone()
    except sqlite3.DatabaseError as err:
        raise NotABackup(f"{file.name} rusak atau bukan basis data PESIAR: {err}") from err
    finally:
        conn.close()
    order, head = _known_revisions()
    made_at: datetime | None = None
    if info.get("made_at"):
        try:
            made_at = datetime.fromisoformat(str(info["made_at"]))
        except ValueError:
            made_at = None
    if made_at is None:
        made_at = datetime.fromtimestamp(file.stat().st_mtime)
    return BackupPreview(
        path=file,
        revision=revision,
        made_at=made_at,
        app_version=str(info.get("app_version", "")),
        kind=str(info.get("kind", "")) or _kind_of(file.name),
        made_by=str(info.get("made_by", "")),
        village=str(place[0]) if place else "",
        counts=counts,
        size_bytes=file.stat().st_size,
        newer_schema=revision not in order,
        needs_upgrade=revision in order and revision != head,
    )


def current_counts(db: Database) -> dict[str, int]:
    """The same counts as a preview, for the live database (shown side by side)."""
    from sqlalchemy import inspect as sa_inspect
    from sqlalchemy import text

    tables = set(sa_inspect(db.engine).get_table_names())
    counts: dict[str, int] = {}
    with db.engine.connect() as conn:
        for key, sql in _COUNTED:
            if sql.split(" FROM ", 1)[1].split()[0] in tables:
                counts[key] = int(conn.execute(text(sql)).scalar_one())
    return counts


# ====================================================================== restore


def restore_backup(
    db: Database, actor: Actor, source: str | Path, paths: AppPaths
) -> RestoreResult:
    """Replace the live database with a backup. The current database is saved first.

    The engine's pooled connections are closed; the `Database` object stays usable
    (it reconnects), but a window showing data must reload (or restart).
    """
    require(actor, "backup.manage")
    live = _require_sqlite(db)
    preview = inspect_backup(source)
    if preview.newer_schema:
        raise NotABackup(
            f"Cadangan ini dibuat oleh versi PESIAR Desktop yang lebih baru (skema "
            f"{preview.revision}). Perbarui aplikasi dulu; data sekarang tidak diubah."
        )
    if preview.path.resolve() == live.resolve():
        raise NotABackup("Berkas itu adalah basis data yang sedang dipakai.")
    paths.backup_dir.mkdir(parents=True, exist_ok=True)
    saved = None
    if live.is_file():
        saved = _copy(
            live,
            _unique(paths.backup_dir / f"{BEFORE_RESTORE_PREFIX}{_stamp()}{SUFFIX}"),
            _info("sebelum-pulih", actor),
        )
    # Bring a private copy of the backup to the current schema first, so a failing
    # upgrade never touches the live database.
    staging = _unique(paths.backup_dir / f".pulih-{_stamp()}{SUFFIX}")
    try:
        _copy(preview.path, staging, None)
        migrated_from = None
        if preview.needs_upgrade:
            staged = Database(f"sqlite:///{staging}")
            try:
                migrate(staged, backup_dir=None)
            finally:
                staged.dispose()
            migrated_from = preview.revision
        db.dispose()
        src = sqlite3.connect(str(staging), timeout=30)
        try:
            dst = sqlite3.connect(str(live), timeout=30)
            try:
                dst.execute("PRAGMA busy_timeout=30000")
                src.backup(dst)
                check = dst.execute("PRAGMA quick_check").fetchone()
                if not check or check[0] != "ok":
                    raise PesiarError(f"Basis data setelah pemulihan rusak: {check}")
            finally:
                dst.close()
        finally:
            src.close()
    finally:
        for leftover in (staging, staging.with_name(staging.name + ".part")):
            leftover.unlink(missing_ok=True)
    db.dispose()
    with db.transaction() as session:
        audit.record(
            session,
            actor,
            "backup.restore",
            "database",
            "",
            None,
            {
                "file": str(preview.path),
                "made_at": preview.made_at.isoformat() if preview.made_at else None,
                "revision": preview.revision,
                "app_version": preview.app_version,
                "saved_current": str(saved) if saved else None,
            },
        )
    log.warning("database restored from %s by %s (saved %s)", preview.path, actor.username, saved)
    return RestoreResult(preview, saved, migrated_from, current_counts(db))
