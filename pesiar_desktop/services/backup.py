"""Backups of the SQLite database: automatic once a day, manual to any folder, and restore.

Every copy goes through SQLite's online backup API (a consistent snapshot even while the
program writes), is switched to a single-file journal mode (no `-wal` beside it on a USB
stick), carries a `backup.info` setting (app version, time, kind, who) and is checked
with `PRAGMA quick_check`. A copy is written under a temporary name and renamed, so a
half-written file never looks like a backup.

Restore reads a preview from the file itself (counts, date, app version, schema
revision, the audit chain head it was made with) and never harms the live database: a
private copy of the candidate is checked first — SQLite's full `integrity_check`, the
upgrade to the current schema, every table and column the program uses, the audit chain
(with the installation's key, up to the head the backup recorded) and the program's own
first reads (register figures, Beranda). Only then is the current database saved to
`backups/sebelum-pulih-*.sqlite3` (itself a backup that restores the same way), the
restore's audit entry written into the checked copy, and the copy written over the live
database through the backup API — one transaction on the live file, so a crash leaves
the old database or the restored one with its entry. The key file names the head the
restored chain will have before the swap (`pending`) and the next start settles it.

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

from sqlalchemy import select

from pesiar_desktop import __version__, clock
from pesiar_desktop.audit_key import AuditKey, ChainHead
from pesiar_desktop.config import AppPaths
from pesiar_desktop.db import Database, _alembic_config, head_revision, migrate
from pesiar_desktop.errors import PesiarError, explain
from pesiar_desktop.services import audit, settings, standing, village
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
    audit_head: ChainHead | None = None  # the chain head when the backup was made
    key_id: str = ""  # the audit key it was made under ("" unknown / before keys)

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
                # The chain head of this copy, where a trimmer of the live log cannot reach.
                info = {**info, "audit_head": _head_of(dst).as_dict()}
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


def _info(kind: str, actor: Actor | None, db: Database) -> dict[str, Any]:
    """The backup's metadata; `_copy` adds the audit chain head of what it copied."""
    return {
        "app_version": __version__,
        "made_at": clock.now().isoformat(timespec="seconds"),
        "kind": kind,
        "made_by": actor.username if actor else "system",
        "audit_key_id": db.audit_key.key_id if db.audit_key is not None else "",
    }


def _head_of(conn: sqlite3.Connection) -> ChainHead:
    count = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    last = conn.execute("SELECT entry_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return ChainHead(int(count), str(last[0]) if last and last[0] else None)


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
    standing.verify(db, actor)  # the file holds personal data: check before writing it
    out = Path(target).expanduser()
    if out.is_dir() or str(target).endswith(("/", os.sep)):
        out = _unique(out / f"{MANUAL_PREFIX}{_village_slug(db)}{_stamp()}{SUFFIX}")
    if out.resolve() == source.resolve():
        raise PesiarError("Cadangan tidak boleh ditulis di atas basis data yang sedang dipakai.")
    try:
        _copy(source, out, _info("manual", actor, db))
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
        made = _copy(source, folder / f"{AUTO_PREFIX}{stamp}{SUFFIX}", _info("otomatis", None, db))
        autos = sorted([*autos, made])
        log.info("automatic backup %s", made)
    keep = settings.read(db, SETTINGS.backup_keep)
    for old in autos[:-keep]:
        old.unlink(missing_ok=True)
        log.info("old automatic backup removed: %s", old.name)
    return made


# ====================================================================== reading a backup


def _known_revisions() -> tuple[list[str], str]:
    from alembic.script import ScriptDirectory  # ~0.3 s: only when a backup is read

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
        audit_head=_recorded_head(info),
        key_id=str(info.get("audit_key_id", "") or ""),
    )


def _recorded_head(info: dict[str, Any]) -> ChainHead | None:
    try:
        return ChainHead.from_dict(info["audit_head"])
    except (KeyError, ValueError, TypeError):
        return None


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


def _refuse(file: Path, why: str) -> NotABackup:
    return NotABackup(f"{file.name} tidak dipulihkan: {why} Data sekarang tidak diubah.")


def _integrity(staging: Path, original: Path) -> None:
    """SQLite's full `integrity_check` (every page, index and constraint)."""
    try:
        conn = sqlite3.connect(str(staging))
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(5)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        raise _refuse(original, f"berkas rusak atau terpotong ({err}).") from err
    if rows != ["ok"]:
        raise _refuse(original, f"berkas rusak atau terpotong ({'; '.join(rows)}).")


def _schema_problems(staged: Database) -> list[str]:
    """Every table and column the program's models use, present in the candidate."""
    from sqlalchemy import inspect as sa_inspect

    from pesiar_desktop.models import Base

    inspector = sa_inspect(staged.engine)
    present = set(inspector.get_table_names())
    problems: list[str] = []
    for table in Base.metadata.sorted_tables:
        if table.name not in present:
            problems.append(f"tabel {table.name} tidak ada")
            continue
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        missing = [c.name for c in table.columns if c.name not in columns]
        if missing:
            problems.append(f"tabel {table.name} tanpa kolom {', '.join(missing)}")
    return problems


def _program_reads(staged: Database) -> None:
    """What the program reads first after a restore: login, the village, Beranda."""
    from pesiar_desktop.models import User
    from pesiar_desktop.services.dashboard import load_dashboard
    from pesiar_desktop.services.stats import register_stats

    with staged.read() as session:
        register_stats(session)
        load_dashboard(session)
        list(session.scalars(select(User)))
    village.get_profile(staged)


_UNHASHED_REVISIONS = frozenset({"0001", "0002"})  # the audit hash chain came with 0003


def _candidate_key(live_key: AuditKey | None, preview: BackupPreview) -> AuditKey | None:
    """The key to check the candidate's chain with, witnessing the head its metadata names.

    Checked without the key (plain SHA-256, hashless entries at the start allowed): a
    backup from before this installation's key existed (no more entries than the key's
    `since`) or from before the chain existed. One made under another installation's key
    is refused.
    """
    if live_key is None:
        return None
    if preview.key_id and preview.key_id != live_key.key_id:
        raise _refuse(
            preview.path,
            "cadangan ini dibuat dengan kunci log audit lain (komputer atau instalasi lain). "
            "Salin berkas kunci-audit.json dari komputer itu ke folder data aplikasi ini, "
            "lalu ulangi.",
        )
    if (
        preview.revision in _UNHASHED_REVISIONS
        or preview.counts.get("audit_entries", 0) <= live_key.since.count
    ):
        return None
    return live_key.witness_of(preview.audit_head or live_key.since)


def _check_candidate(
    staging: Path, preview: BackupPreview, live_key: AuditKey | None
) -> tuple[str | None, bool]:
    """Integrity, schema upgrade, tables and columns, audit chain, the program's reads —
    all on the private copy. Returns the revision it was migrated from (if any) and
    whether its chain was checked with the key."""
    _integrity(staging, preview.path)
    migrated_from = None
    staged = Database(f"sqlite:///{staging}")
    try:
        if preview.needs_upgrade:
            try:
                migrate(staged, backup_dir=None)
            except Exception as err:
                if explain(err) is not None:  # a full disk is not the backup's fault
                    raise
                log.warning("candidate %s does not migrate", preview.path, exc_info=True)
                raise _refuse(
                    preview.path, f"tidak dapat diperbarui ke skema sekarang ({err})."
                ) from err
            migrated_from = preview.revision
        problems = _schema_problems(staged)
        if problems:
            raise _refuse(
                preview.path,
                "bukan basis data PESIAR Desktop yang lengkap (" + "; ".join(problems[:5]) + ").",
            )
        candidate_key = _candidate_key(live_key, preview)
        report = audit.verify_chain(staged, key=candidate_key)
        if not report.ok:
            raise _refuse(
                preview.path,
                f"rantai log audit di cadangan ini rusak: {report.breaks[0].describe()}.",
            )
        try:
            _program_reads(staged)
        except Exception as err:
            if explain(err) is not None:
                raise
            log.warning("candidate %s fails the program's reads", preview.path, exc_info=True)
            raise _refuse(
                preview.path, f"datanya tidak dapat dibaca oleh aplikasi ({err})."
            ) from err
    finally:
        staged.dispose()
    return migrated_from, candidate_key is not None


def _record_restore(
    staging: Path,
    live_key: AuditKey | None,
    actor: Actor,
    preview: BackupPreview,
    saved: Path | None,
    replaced: ChainHead,
) -> ChainHead:
    """The restore's audit entry, written into the candidate so that the swap brings it
    along: there is never a restored database without it. Returns the new head."""
    key = live_key.witness_of(live_key.head) if live_key is not None else None
    staged = Database(f"sqlite:///{staging}", audit_key=key)
    try:
        with staged.transaction() as session:
            standing.vouch(session, actor)
            audit.record(
                session,
                actor,
                "backup.restore",
                "database",
                "",
                {"audit_head": replaced.as_dict()},
                {
                    "file": str(preview.path),
                    "made_at": preview.made_at.isoformat() if preview.made_at else None,
                    "revision": preview.revision,
                    "app_version": preview.app_version,
                    "saved_current": str(saved) if saved else None,
                },
            )
        return staged.chain_head()
    finally:
        staged.dispose()


def _chain_head_of(file: Path) -> ChainHead:
    conn = sqlite3.connect(str(file))
    try:
        return _head_of(conn)
    finally:
        conn.close()


def _swap(staging: Path, live: Path) -> None:
    """Write the checked copy over the live database through the backup API: one SQLite
    transaction on the live file, so a crash leaves the old or the new database."""
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


def restore_backup(
    db: Database, actor: Actor, source: str | Path, paths: AppPaths
) -> RestoreResult:
    """Replace the live database with a backup, only after a private copy of it passed
    every check (`_check_candidate`). The current database is saved first.

    The engine's pooled connections are closed; the `Database` object stays usable
    (it reconnects), but a window showing data must reload (or restart).
    """
    require(actor, "backup.manage")
    live = _require_sqlite(db)
    # The actor is checked against the live database; the restore's entry goes into the
    # candidate, which may predate this user (`standing.vouch` below).
    standing.verify(db, actor)
    preview = inspect_backup(source)
    if preview.newer_schema:
        raise NotABackup(
            f"Cadangan ini dibuat oleh versi PESIAR Desktop yang lebih baru (skema "
            f"{preview.revision}). Perbarui aplikasi dulu; data sekarang tidak diubah."
        )
    if preview.path.resolve() == live.resolve():
        raise NotABackup("Berkas itu adalah basis data yang sedang dipakai.")
    paths.backup_dir.mkdir(parents=True, exist_ok=True)
    key = db.audit_key
    staging = _unique(paths.backup_dir / f".pulih-{_stamp()}{SUFFIX}")
    try:
        try:
            _copy(preview.path, staging, None)
        except sqlite3.DatabaseError as err:
            if explain(err) is not None:  # the disk is full, not the file damaged
                raise
            raise _refuse(preview.path, f"berkas rusak atau terpotong ({err}).") from err
        migrated_from, keyed = _check_candidate(staging, preview, key)
        saved = None
        if live.is_file():
            saved = _copy(
                live,
                _unique(paths.backup_dir / f"{BEFORE_RESTORE_PREFIX}{_stamp()}{SUFFIX}"),
                _info("sebelum-pulih", actor, db),
            )
        replaced = db.chain_head()
        # A log checked without the key was written before it: it becomes the key's `since`.
        since = None if keyed else _chain_head_of(staging)
        new_head = _record_restore(staging, key, actor, preview, saved, replaced)
        if key is not None:
            key.set_pending(new_head, since)  # a crash from here on is settled at next start
        db.dispose()
        _swap(staging, live)
        if key is not None:
            key.reset_head(new_head, since)
    finally:
        for leftover in (staging, staging.with_name(staging.name + ".part")):
            leftover.unlink(missing_ok=True)
        for side in ("-wal", "-shm", "-journal"):
            staging.with_name(staging.name + side).unlink(missing_ok=True)
    db.dispose()
    log.warning("database restored from %s by %s (saved %s)", preview.path, actor.username, saved)
    return RestoreResult(preview, saved, migrated_from, current_counts(db))
