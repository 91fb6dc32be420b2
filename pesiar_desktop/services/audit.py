"""Audit entries are written in the same transaction as the change they describe.

Each entry is chained to the one before it: `prev_hash` is the previous entry's
`entry_hash`, and `entry_hash` is HMAC-SHA-256, keyed with the installation's audit key
(`audit_key.py`, a file outside the database), over a canonical serialisation of the
entry's own fields plus `prev_hash` (`entry_digest`). Editing or deleting an entry
breaks the chain at that point; without the key nobody can recompute the hashes after
an edit. After every commit the chain head (count and newest hash) is written to the
key file, so removing the newest entries or emptying the table is found as well:
`verify_chain` finds where. A database opened without a key (a bare `Database(url)`)
chains with plain SHA-256, as versions before the key did.

Concurrency: the last hash is read and the new entry inserted while the transaction
holds the chain lock: `pg_advisory_xact_lock` on PostgreSQL (two PCs on one server),
SQLite's write lock (taken by a no-op write) on SQLite. Within one transaction the
last hash is kept in `session.info`, so bulk paths that record thousands of entries
do not query for it each time; any transaction end (also a savepoint's) drops it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, func, inspect, select, text
from sqlalchemy.orm import Session, SessionTransaction

from pesiar_desktop.audit_key import AuditKey, ChainHead
from pesiar_desktop.clock import utcnow
from pesiar_desktop.models import AuditLog
from pesiar_desktop.services import standing
from pesiar_desktop.services.context import Actor

if TYPE_CHECKING:
    from pesiar_desktop.db import Database
    from pesiar_desktop.models import Base

_TIMESTAMPS = frozenset({"created_at", "updated_at"})


def snapshot(obj: Base, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Column values of an ORM object as JSON-friendly values."""
    values: dict[str, Any] = {}
    for column in inspect(obj).mapper.column_attrs:
        key = column.key
        if key in exclude:
            continue
        value = getattr(obj, key)
        if isinstance(value, (date, datetime)):
            value = value.isoformat()
        elif isinstance(value, bytes):
            value = f"<{len(value)} byte>"
        values[key] = value
    return values


def changed_only(
    before: dict[str, Any], after: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the values that changed; bookkeeping timestamps are left out."""
    keys = [k for k in after if k not in _TIMESTAMPS and before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


# pg_advisory_xact_lock key for the audit chain ("PESIAR" + "AUDT" as a 64-bit number)
CHAIN_LOCK_KEY = 0x5045_5349_4155_4454 & 0x7FFF_FFFF_FFFF_FFFF
_CACHE_KEY = "pesiar_audit_last_hash"
_NEW_HEAD = "pesiar_audit_new_head"


def _text(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False, default=str) if value else None


def _at_text(at: datetime) -> str:
    return at.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def entry_digest(
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    before_json: str | None,
    after_json: str | None,
    prev_hash: str | None,
    key: bytes | None = None,
) -> str:
    """HMAC-SHA-256 with `key` (plain SHA-256 without one), hex, over the canonical form
    of one entry: a JSON array of its fields."""
    canonical = json.dumps(
        [_at_text(at), actor, action, entity, entity_id, before_json, after_json, prev_hash or ""],
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    if key is None:
        return hashlib.sha256(canonical).hexdigest()
    return hmac.new(key, canonical, hashlib.sha256).hexdigest()


def _digest_of(entry: AuditLog, key: bytes | None) -> str:
    return entry_digest(
        entry.at,
        entry.actor,
        entry.action,
        entry.entity,
        entry.entity_id,
        entry.before_json,
        entry.after_json,
        entry.prev_hash,
        key,
    )


def key_of(session: Session) -> AuditKey | None:
    """The audit key of the database this session belongs to (None: unkeyed)."""
    database = session.info.get("pesiar_database")
    return getattr(database, "audit_key", None)


def _lock_chain(session: Session) -> None:
    """Hold the chain until this transaction ends, so no other writer slips in between
    reading the last hash and inserting after it."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK_KEY})
    elif dialect == "sqlite":
        # A write statement (matching nothing) takes SQLite's single write lock now
        # instead of at commit.
        session.execute(text("UPDATE audit_log SET id = id WHERE id < 0"))


def _last_hash(session: Session) -> tuple[str | None, int | None]:
    """The newest hash and (keyed databases only) how many entries there are."""
    cached = session.info.get(_CACHE_KEY)
    if cached is not None:
        return cached[0], cached[1]
    _lock_chain(session)
    last = session.execute(
        select(AuditLog.entry_hash).order_by(AuditLog.id.desc()).limit(1)
    ).first()
    last_hash = last[0] if last is not None else None
    key = key_of(session)
    if key is None:
        return last_hash, None
    if key.head.last_hash == last_hash and (last_hash is not None or key.head.count == 0):
        return last_hash, key.head.count  # the witnessed head is the table's: no count
    count = session.execute(select(func.count()).select_from(AuditLog)).scalar_one()
    return last_hash, int(count)


def _remember(session: Session, last_hash: str | None, count: int | None) -> None:
    session.info[_CACHE_KEY] = (last_hash, count)
    if count is not None:
        session.info[_NEW_HEAD] = ChainHead(count, last_hash)


@event.listens_for(Session, "after_transaction_end")
def _forget_last_hash(session: Session, transaction: SessionTransaction) -> None:
    session.info.pop(_CACHE_KEY, None)
    if transaction.nested:  # a savepoint may have been rolled back: witness less, not wrong
        session.info.pop(_NEW_HEAD, None)


@event.listens_for(Session, "after_commit")
def _witness_head(session: Session) -> None:
    """The committed head goes to the key file (after the commit: a crash in between
    leaves the witness one step behind, which verification allows)."""
    head = session.info.pop(_NEW_HEAD, None)
    key = key_of(session)
    if head is not None and key is not None:
        key.advance(head)


@event.listens_for(Session, "after_rollback")
def _drop_head(session: Session) -> None:
    session.info.pop(_NEW_HEAD, None)


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Add one chained audit entry to the session's transaction, after confirming that
    the actor still holds the role they act in (`standing.confirm`)."""
    standing.confirm(session, actor)
    prev_hash, count = _last_hash(session)
    key = key_of(session)
    entry = AuditLog(
        at=utcnow(),
        actor=actor.username,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        before_json=_text(before),
        after_json=_text(after),
        prev_hash=prev_hash,
    )
    entry.entry_hash = _digest_of(entry, key.secret if key else None)
    session.add(entry)
    _remember(session, entry.entry_hash, None if count is None else count + 1)


def chain_rows(session: Session, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For bulk inserts that bypass `record` (`insert(AuditLog)` with many dicts): fill
    `at`, `prev_hash` and `entry_hash` in order, continuing the chain. Returns `rows`."""
    prev_hash, count = _last_hash(session)
    key = key_of(session)
    for row in rows:
        row.setdefault("at", utcnow())
        row.setdefault("entity_id", "")
        row.setdefault("before_json", None)
        row.setdefault("after_json", None)
        row["prev_hash"] = prev_hash
        row["entry_hash"] = entry_digest(
            row["at"],
            row["actor"],
            row["action"],
            row["entity"],
            str(row["entity_id"]),
            row["before_json"],
            row["after_json"],
            prev_hash,
            key.secret if key else None,
        )
        prev_hash = row["entry_hash"]
    _remember(session, prev_hash, None if count is None else count + len(rows))
    return rows


# ====================================================================== verification


@dataclass
class ChainBreak:
    entry_id: int | None  # None: the break is the log's end (entries removed at the end)
    problem: str  # "hash" (edited), "link" (entry before removed), "missing", "trimmed", "since"
    detail: str = ""

    def describe(self) -> str:
        text_by_problem = {
            "hash": "isi entri tidak cocok dengan hash-nya (entri diubah atau hash "
            "dihitung ulang tanpa kunci)",
            "link": "prev_hash tidak sama dengan hash entri sebelumnya "
            "(ada entri yang dihapus, disisipkan atau diubah)",
            "missing": "entri tanpa hash di tengah rantai",
            "trimmed": "entri terbaru hilang: berkas kunci mencatat lebih banyak entri "
            "atau hash terakhir yang tidak ada lagi di log (entri dihapus atau log dikosongkan)",
            "since": "entri saat kunci dibuat tidak cocok dengan berkas kunci (entri lama diubah)",
        }
        where = f"entri #{self.entry_id}" if self.entry_id is not None else "akhir log"
        text_ = text_by_problem.get(self.problem, self.problem)
        return f"{where}: {text_}{f' ({self.detail})' if self.detail else ''}"


@dataclass
class ChainReport:
    entries: int = 0
    legacy: int = 0  # entries written before the chain existed (no hash), at the start
    first_id: int | None = None
    last_id: int | None = None
    keyed: bool = False  # checked with the installation's key
    before_key: int = 0  # entries written before the key existed (checked by link)
    head: ChainHead | None = None  # what the table holds now
    witnessed: ChainHead | None = None  # what the key file says
    breaks: list[ChainBreak] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.breaks

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "legacy_unhashed": self.legacy,
            "keyed": self.keyed,
            "before_key": self.before_key,
            "head": self.head.as_dict() if self.head else None,
            "witnessed_head": self.witnessed.as_dict() if self.witnessed else None,
            "first_id": self.first_id,
            "last_id": self.last_id,
            "first_break_id": self.breaks[0].entry_id if self.breaks else None,
            "breaks": [
                {"id": b.entry_id, "problem": b.problem, "message": b.describe()}
                for b in self.breaks
            ],
        }


def verify_chain(db: Database, batch: int = 5000, key: AuditKey | None = None) -> ChainReport:
    """Walk the whole log in id order and report every place the chain breaks.

    With the key (the database's own unless `key` is given): entries after the key was
    made must carry its HMAC; entries up to then (`since`) may carry plain SHA-256 and
    must end in the hash the key file recorded then; and the head the key file witnessed
    must still be in the chain, at its position. Without a key: plain SHA-256, and hashless
    entries at the very start (written before migration 0003) count as legacy.
    """
    key = key if key is not None else db.audit_key
    report = ChainReport(keyed=key is not None)
    secret = key.secret if key else None
    since = key.since if key else ChainHead(0, None)
    witnesses: list[ChainHead] = []
    if key is not None:
        key.reload()  # another process may have written since this one loaded it
        report.witnessed = key.head
        witnesses = [key.head] + ([key.pending] if key.pending else [])
    found_witness = {w: False for w in witnesses}
    prev: str | None = None
    chained = False
    last_id = 0
    position = 0
    with db.read() as session:
        while True:
            rows = session.scalars(
                select(AuditLog).where(AuditLog.id > last_id).order_by(AuditLog.id).limit(batch)
            ).all()
            if not rows:
                break
            for entry in rows:
                position += 1
                report.entries += 1
                if report.first_id is None:
                    report.first_id = entry.id
                report.last_id = entry.id
                last_id = entry.id
                _check_entry(report, entry, position, since, secret, prev, chained)
                if entry.entry_hash is not None:
                    chained = True
                prev = entry.entry_hash
                for witness in witnesses:
                    # By hash: an entry removed before it is already a link break.
                    if witness.last_hash == entry.entry_hash and (
                        witness.last_hash is not None or witness.count == position
                    ):
                        found_witness[witness] = True
            session.expunge_all()
    report.head = ChainHead(position, prev)
    if key is not None:
        if since.count > position:
            report.breaks.append(
                ChainBreak(None, "trimmed", f"{position} entri, kunci dibuat pada {since.count}")
            )
        elif not any(found_witness.values()) and key.head.count > 0:
            report.breaks.append(
                ChainBreak(
                    None,
                    "trimmed",
                    f"log: {report.head.short()}; berkas kunci: {key.head.short()}",
                )
            )
    return report


def _check_entry(
    report: ChainReport,
    entry: AuditLog,
    position: int,
    since: ChainHead,
    secret: bytes | None,
    prev: str | None,
    chained: bool,
) -> None:
    before_key = secret is not None and position <= since.count
    if entry.entry_hash is None:
        if chained:
            report.breaks.append(ChainBreak(entry.id, "missing"))
        elif secret is None or before_key:
            report.legacy += 1
        else:
            report.breaks.append(ChainBreak(entry.id, "missing"))
        return
    if before_key:
        report.before_key += 1
        # Plain SHA-256 (older versions) or this key; a lost key's entries are pinned by
        # the link to the entries after them and by `since.last_hash`.
        plain_ok = entry.entry_hash in (_digest_of(entry, None), _digest_of(entry, secret))
        if not plain_ok and since.last_hash is None:
            report.breaks.append(ChainBreak(entry.id, "hash"))
    elif entry.entry_hash != _digest_of(entry, secret):
        report.breaks.append(ChainBreak(entry.id, "hash"))
        return
    if entry.prev_hash != (prev if chained else None):
        report.breaks.append(ChainBreak(entry.id, "link"))
    if before_key and position == since.count and entry.entry_hash != since.last_hash:
        report.breaks.append(ChainBreak(entry.id, "since"))
