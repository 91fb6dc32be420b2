"""Reading the audit log (administrators only): filtered, paged, with readable diffs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, select

from pesiar_desktop.db import Database
from pesiar_desktop.models import AuditLog
from pesiar_desktop.services.context import Actor, require

PAGE_SIZE = 200


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""  # exact username, "" all
    entity: str = ""  # exact entity name, "" all
    entity_id: str = ""
    action_contains: str = ""
    date_from: date | None = None  # inclusive, local dates compared with stored UTC times
    date_to: date | None = None  # inclusive


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    entry_hash: str | None


@dataclass(frozen=True)
class AuditPage:
    entries: list[AuditEntry]
    total: int
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def _loads(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return {"(teks)": text}
    return value if isinstance(value, dict) else {"(nilai)": value}


def _filtered(query: Select[Any], filt: AuditFilter) -> Select[Any]:
    if filt.actor:
        query = query.where(AuditLog.actor == filt.actor)
    if filt.entity:
        query = query.where(AuditLog.entity == filt.entity)
    if filt.entity_id:
        query = query.where(AuditLog.entity_id == filt.entity_id)
    if filt.action_contains:
        query = query.where(AuditLog.action.contains(filt.action_contains))
    if filt.date_from:
        query = query.where(AuditLog.at >= datetime.combine(filt.date_from, time.min))
    if filt.date_to:
        query = query.where(
            AuditLog.at < datetime.combine(filt.date_to + timedelta(days=1), time.min)
        )
    return query


def query(
    db: Database,
    actor: Actor,
    filt: AuditFilter | None = None,
    page: int = 0,
    page_size: int = PAGE_SIZE,
) -> AuditPage:
    """One page of entries, newest first."""
    require(actor, "audit.read")
    filt = filt or AuditFilter()
    with db.read() as session:
        total = int(session.scalar(_filtered(select(func.count(AuditLog.id)), filt)) or 0)
        rows = session.scalars(
            _filtered(select(AuditLog), filt)
            .order_by(AuditLog.id.desc())
            .offset(max(0, page) * page_size)
            .limit(page_size)
        ).all()
        entries = [
            AuditEntry(
                r.id,
                r.at,
                r.actor,
                r.action,
                r.entity,
                r.entity_id,
                _loads(r.before_json),
                _loads(r.after_json),
                r.entry_hash,
            )
            for r in rows
        ]
    return AuditPage(entries, total, page, page_size)


def distinct_values(db: Database, actor: Actor) -> tuple[list[str], list[str]]:
    """The usernames and entity names found in the log (for the filter lists)."""
    require(actor, "audit.read")
    with db.read() as session:
        actors = sorted(session.scalars(select(AuditLog.actor).distinct()).all())
        entities = sorted(session.scalars(select(AuditLog.entity).distinct()).all())
    return list(actors), list(entities)


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def diff_values(entry: AuditEntry) -> list[tuple[str, Any, Any]]:
    """(field, before, after) as stored for every field in either side, changed ones first."""
    before = entry.before or {}
    after = entry.after or {}
    keys = list(dict.fromkeys([*before, *after]))
    changed = [k for k in keys if before.get(k) != after.get(k)]
    same = [k for k in keys if k not in changed]
    return [(k, before.get(k), after.get(k)) for k in changed + same]


def diff_lines(entry: AuditEntry) -> list[tuple[str, str, str]]:
    """`diff_values` as text (the values as stored: codes, ISO dates)."""
    return [(k, _show(old), _show(new)) for k, old, new in diff_values(entry)]


def diff_text(entry: AuditEntry) -> str:
    """A readable before → after text for one entry."""
    lines = [
        f"#{entry.id}  {entry.at:%d-%m-%Y %H:%M:%S} UTC  {entry.actor}",
        f"{entry.action}  {entry.entity} {entry.entity_id}".rstrip(),
        "",
    ]
    rows = diff_lines(entry)
    if not rows:
        lines.append("(tanpa rincian)")
    for key, old, new in rows:
        if entry.before is None:
            lines.append(f"{key}: {new}")
        elif entry.after is None:
            lines.append(f"{key}: {old} (dihapus)")
        elif old == new:
            lines.append(f"{key}: {new}")
        else:
            lines.append(f"{key}: {old} → {new}")
    return "\n".join(lines)
