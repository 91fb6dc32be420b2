"""Engine, sessions and migrate-on-start.

SQLite gets WAL and foreign keys on every connection. Before Alembic upgrades an
existing SQLite file it is copied aside through SQLite's online backup API, and a
database stamped with a revision this program does not know (written by a newer
version) is refused instead of being touched.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from pesiar_desktop import clock
from pesiar_desktop.audit_key import AuditKey, ChainHead, load_or_create
from pesiar_desktop.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only when a migration has to run: at a normal start the schema is
# already at head, which `_scanned_head` tells from the revision files without Alembic
# (importing it costs about a third of a second on an office PC).

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, pool_pre_ping=True)


class Database:
    """An engine plus a session factory; `transaction()` is the unit of work."""

    def __init__(self, url: str, audit_key: AuditKey | None = None):
        self.url = url
        self.engine = make_engine(url)
        # Without a key (a bare `Database(url)`: tools, a backup being checked) the audit
        # chain uses plain SHA-256; the program always opens with its key (bootstrap).
        self.audit_key = audit_key
        # Sessions reach the key (and the head it witnesses) through their info.
        self.session_factory = sessionmaker(
            self.engine, expire_on_commit=False, info={"pesiar_database": self}
        )

    def chain_head(self) -> ChainHead:
        """The audit chain's head as the table holds it now."""
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("audit_log"):
                return ChainHead(0, None)
            count = conn.execute(text("SELECT count(*) FROM audit_log")).scalar() or 0
            last = conn.execute(
                text("SELECT entry_hash FROM audit_log ORDER BY id DESC LIMIT 1")
            ).scalar()
        return ChainHead(int(count), str(last) if last else None)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def transaction(self, *, immediate: bool = False) -> Iterator[Session]:
        """One transaction: commit on success, roll back everything on any error.

        `immediate=True` takes SQLite's write lock before the first read (BEGIN IMMEDIATE),
        for read-then-write work such as drawing the next letter number; other writers
        wait (busy_timeout) instead of failing. PostgreSQL callers lock rows instead.
        """
        with self.session_factory() as session, session.begin():
            if immediate and self.is_sqlite:
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.session_factory() as session:
            yield session

    def refresh_statistics(self) -> None:
        """Refresh the query planner's table statistics after bulk changes.

        Without them SQLite may walk the name index for a NIK-prefix search (150 ms
        instead of 1 ms on 100,000 residents). A full ANALYZE is needed: sampled
        statistics miss how skewed life_status is. If another process holds the write
        lock it is skipped rather than waited for.
        """
        try:
            with self.engine.begin() as conn:
                if self.is_sqlite:
                    conn.exec_driver_sql("PRAGMA busy_timeout=200")
                    conn.exec_driver_sql("ANALYZE")
                    conn.exec_driver_sql("PRAGMA busy_timeout=15000")
                else:
                    conn.exec_driver_sql("ANALYZE")
        except OperationalError as err:  # locked by another writer: next time
            log.info("statistics not refreshed: %s", err)

    def statistics_stale(self) -> bool:
        """SQLite: no statistics yet, or the register grew/shrank by a quarter since."""
        if not self.is_sqlite:
            return False  # PostgreSQL's autovacuum keeps them
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("sqlite_stat1"):
                return True
            stat = conn.exec_driver_sql(
                "SELECT stat FROM sqlite_stat1 WHERE tbl = 'resident' LIMIT 1"
            ).scalar()
            rows = conn.exec_driver_sql("SELECT count(*) FROM resident").scalar() or 0
        analysed = int(str(stat).split()[0]) if stat else 0
        return bool(abs(int(rows) - analysed) > max(100, analysed // 4))

    def dispose(self) -> None:
        self.engine.dispose()


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


_REVISION_LINE = re.compile(r"^(revision|down_revision)\b[^=]*=\s*['\"]([^'\"]+)['\"]", re.M)


def _scanned_head() -> str | None:
    """The head revision read from the version files (a linear chain), or None if unsure."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict(
            (m.group(1), m.group(2))
            for m in _REVISION_LINE.finditer(path.read_text(encoding="utf-8"))
        )
        if "revision" in found:
            revisions.add(found["revision"])
        if "down_revision" in found:
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_sqlite_file(source: Path, target: Path) -> Path:
    """Copy a live SQLite database consistently (online backup API)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def migrate(db: Database, backup_dir: Path | None = None) -> bool:
    """Bring the schema to head. Returns True when an upgrade ran."""
    current = current_revision(db)
    if current is not None and current == _scanned_head():
        return False
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    head = script.get_current_head()
    if current == head:
        return False
    if current is not None:
        known = {rev.revision for rev in script.walk_revisions()}
        if current not in known:
            raise DatabaseError(
                "Basis data ini dibuat oleh versi PESIAR Desktop yang lebih baru "
                f"(skema {current}). Perbarui aplikasi sebelum membukanya; "
                "data tidak diubah."
            )
        if db.is_sqlite and backup_dir is not None:
            db_file = Path(db.engine.url.database or "")
            if db_file.is_file():
                stamp = clock.now().strftime("%Y%m%d-%H%M%S")
                target = backup_dir / f"sebelum-upgrade-{current}-{stamp}.sqlite3"
                backup_sqlite_file(db_file, target)
                log.info("backed up %s to %s before upgrade", db_file, target)
    cfg = _alembic_config()
    with db.engine.connect() as conn:
        if db.is_sqlite:
            # A migration that rebuilds a table (SQLite cannot drop a constraint in place)
            # drops the old table: with foreign keys on, that would delete or refuse the
            # rows that point at it. Off before the transaction starts (the pragma is a
            # no-op inside one), checked before the commit, on again afterwards.
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if db.is_sqlite:
                    _check_foreign_keys(conn)
        finally:
            if db.is_sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()
    log.info("database migrated from %s to %s", current, head)
    return True


def _check_foreign_keys(conn: Any) -> None:
    """Refuse (roll back) an upgrade that left a row pointing at nothing."""
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        log.error("foreign key check after migration: %s", broken[:20])
        raise DatabaseError(
            "Pembaruan skema basis data gagal: ada rujukan antar tabel yang rusak; "
            "data tidak diubah."
        )


def open_database(
    url: str, backup_dir: Path | None = None, key_file: Path | None = None
) -> Database:
    """Open and migrate; with `key_file` the audit chain is keyed (made on first start)."""
    db = Database(url)
    migrate(db, backup_dir)
    if key_file is not None:
        head = db.chain_head()
        db.audit_key = load_or_create(key_file, head)
        db.audit_key.settle(head)
    if db.statistics_stale():
        db.refresh_statistics()
    return db
