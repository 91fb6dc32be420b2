"""Audit entries are written in the same transaction as the change they describe.

Each entry is chained to the one before it: `prev_hash` is the previous entry's
`entry_hash`, and `entry_hash` is SHA-256 over a canonical serialisation of the
entry's own fields plus `prev_hash` (`entry_digest`). Editing or deleting an entry
breaks the chain at that point; `verify_chain` finds where.

Concurrency: the last hash is read and the new entry inserted while the transaction
holds the chain lock: `pg_advisory_xact_lock` on PostgreSQL (two PCs on one server),
SQLite's write lock (taken by a no-op write) on SQLite. Within one transaction the
last hash is kept in `session.info`, so bulk paths that record thousands of entries
do not query for it each time; any transaction end (also a savepoint's) drops it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect, select, text
from sqlalchemy.orm import Session, SessionTransaction

from pesiar_desktop.clock import utcnow
from pesiar_desktop.models import AuditLog, Base
from pesiar_desktop.services.context import Actor

if TYPE_CHECKING:
    from pesiar_desktop.db import Database

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
) -> str:
    """SHA-256 (hex) over the canonical form of one entry: a JSON array of its fields."""
    canonical = json.dumps(
        [_at_text(at), actor, action, entity, entity_id, before_json, after_json, prev_hash or ""],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _digest_of(entry: AuditLog) -> str:
    return entry_digest(
        entry.at,
        entry.actor,
        entry.action,
        entry.entity,
        entry.entity_id,
        entry.before_json,
        entry.after_json,
        entry.prev_hash,
    )


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


def _last_hash(session: Session) -> str | None:
    cached = session.info.get(_CACHE_KEY)
    if cached is not None:
        return str(cached[0]) if cached[0] is not None else None
    _lock_chain(session)
    last = session.execute(
        select(AuditLog.entry_hash).order_by(AuditLog.id.desc()).limit(1)
    ).first()
    return last[0] if last is not None else None


@event.listens_for(Session, "after_transaction_end")
def _forget_last_hash(session: Session, _transaction: SessionTransaction) -> None:
    session.info.pop(_CACHE_KEY, None)


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Add one chained audit entry to the session's transaction."""
    prev_hash = _last_hash(session)
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
    entry.entry_hash = _digest_of(entry)
    session.add(entry)
    session.info[_CACHE_KEY] = (entry.entry_hash,)


def chain_rows(session: Session, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For bulk inserts that bypass `record` (`insert(AuditLog)` with many dicts): fill
    `at`, `prev_hash` and `entry_hash` in order, continuing the chain. Returns `rows`."""
    prev_hash = _last_hash(session)
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
        )
        prev_hash = row["entry_hash"]
    session.info[_CACHE_KEY] = (prev_hash,)
    return rows


# ====================================================================== verification


@dataclass
class ChainBreak:
    entry_id: int
    problem: str  # "hash" (entry edited), "link" (entry before removed/replaced), "missing"

    def describe(self) -> str:
        text_by_problem = {
            "hash": "isi entri tidak cocok dengan hash-nya (entri diubah)",
            "link": "prev_hash tidak sama dengan hash entri sebelumnya "
            "(ada entri yang dihapus, disisipkan atau diubah)",
            "missing": "entri tanpa hash di tengah rantai",
        }
        return f"entri #{self.entry_id}: {text_by_problem.get(self.problem, self.problem)}"


@dataclass
class ChainReport:
    entries: int = 0
    legacy: int = 0  # entries written before the chain existed (no hash), at the start
    first_id: int | None = None
    last_id: int | None = None
    breaks: list[ChainBreak] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.breaks

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "legacy_unhashed": self.legacy,
            "first_id": self.first_id,
            "last_id": self.last_id,
            "first_break_id": self.breaks[0].entry_id if self.breaks else None,
            "breaks": [
                {"id": b.entry_id, "problem": b.problem, "message": b.describe()}
                for b in self.breaks
            ],
        }


def verify_chain(db: Database, batch: int = 5000) -> ChainReport:
    """Walk the whole log in id order and report every place the chain breaks.

    Entries without a hash at the very start (written before migration 0003) are
    counted as legacy, not as breaks.
    """
    report = ChainReport()
    prev: str | None = None
    chained = False
    last_id = 0
    with db.read() as session:
        while True:
            rows = session.scalars(
                select(AuditLog).where(AuditLog.id > last_id).order_by(AuditLog.id).limit(batch)
            ).all()
            if not rows:
                break
            for entry in rows:
                report.entries += 1
                if report.first_id is None:
                    report.first_id = entry.id
                report.last_id = entry.id
                last_id = entry.id
                if entry.entry_hash is None:
                    if chained:
                        report.breaks.append(ChainBreak(entry.id, "missing"))
                    else:
                        report.legacy += 1
                    continue
                if entry.entry_hash != _digest_of(entry):
                    report.breaks.append(ChainBreak(entry.id, "hash"))
                elif entry.prev_hash != (prev if chained else None):
                    report.breaks.append(ChainBreak(entry.id, "link"))
                chained = True
                prev = entry.entry_hash
            session.expunge_all()
    return report
