"""Import batches: the history of imports, the batch record and its row references."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from pesiar_desktop.clock import utcnow
from pesiar_desktop.db import Database
from pesiar_desktop.errors import PesiarError
from pesiar_desktop.models import (
    ImportBatch,
)
from pesiar_desktop.services import audit, bulk_sql
from pesiar_desktop.services.context import Actor


@dataclass(frozen=True)
class BatchRow:
    id: int
    kind: str
    file_name: str
    sha256: str
    file_format: str
    actor: str
    at: Any
    list_date: date | None
    total_rows: int
    new: int
    updated: int
    unchanged: int
    rejected: int
    warnings: int
    pending: int
    summary: dict[str, Any]


def list_batches(db: Database, kind: str | None = None, limit: int = 200) -> list[BatchRow]:
    """The import history, newest first (the UI's history list)."""
    with db.read() as session:
        query = select(ImportBatch).order_by(ImportBatch.at.desc(), ImportBatch.id.desc())
        if kind is not None:
            query = query.where(ImportBatch.kind == kind)
        return [
            BatchRow(
                b.id,
                b.kind,
                b.file_name,
                b.sha256,
                b.file_format,
                b.actor,
                b.at,
                b.list_date,
                b.total_rows,
                b.new_count,
                b.updated_count,
                b.unchanged_count,
                b.rejected_count,
                b.warning_count,
                b.pending_count,
                json.loads(b.summary_json) if b.summary_json else {},
            )
            for b in session.scalars(query.limit(limit))
        ]


def batch_count(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count(ImportBatch.id))) or 0)


# pg_advisory_xact_lock key that serialises import commits ("PESIAR" + "IMPR")
IMPORT_LOCK_KEY = 0x5045_5349_494D_5052 & 0x7FFF_FFFF_FFFF_FFFF


def latest_batch_id(session: Session) -> int:
    """The newest batch's id (0: none), remembered by a preview: a batch of the same file
    after it means the file was imported while the preview was on screen."""
    return int(session.scalar(select(func.max(ImportBatch.id))) or 0)


def begin_import(session: Session, kind: str, sha256: str, seen_batch_id: int | None) -> None:
    """First step of every import commit, in a transaction that holds the write lock
    (`db.transaction(immediate=True)` on SQLite; on PostgreSQL an advisory lock taken
    here), so two imports never plan against the same register at once. The second of
    two imports of one file, started from previews made before the first one committed,
    is refused instead of writing the same rows again as a second batch."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK_KEY})
    if seen_batch_id is None:
        return
    since = session.execute(
        select(ImportBatch.at, ImportBatch.actor)
        .where(
            ImportBatch.kind == kind,
            ImportBatch.sha256 == sha256,
            ImportBatch.id > seen_batch_id,
        )
        .order_by(ImportBatch.id.desc())
    ).first()
    if since is not None:
        raise PesiarError(
            f"Berkas ini baru saja diimpor oleh {since.actor} ({since.at:%d-%m-%Y %H:%M}), "
            "setelah pratinjau ini dibuat; tidak diimpor dua kali. Buat pratinjau baru bila "
            "memang perlu diimpor lagi."
        )


def previous_import_notice(session: Session, kind: str, sha256: str) -> str | None:
    previous = session.execute(
        select(ImportBatch.at, ImportBatch.actor)
        .where(ImportBatch.kind == kind, ImportBatch.sha256 == sha256)
        .order_by(ImportBatch.at.desc())
    ).first()
    if previous is None:
        return None
    return (
        f"Berkas yang sama persis sudah pernah diimpor pada {previous.at:%d-%m-%Y %H:%M} "
        f"oleh {previous.actor}."
    )


def record_batch(
    session: Session,
    actor: Actor,
    kind: str,
    file_name: str,
    sha256: str,
    file_format: str,
    counts: dict[str, int],
    summary: dict[str, Any] | None = None,
    list_date: date | None = None,
) -> ImportBatch:
    batch = ImportBatch(
        kind=kind,
        file_name=file_name,
        sha256=sha256,
        file_format=file_format,
        actor=actor.username,
        at=utcnow(),
        list_date=list_date,
        total_rows=counts.get("total", 0),
        new_count=counts.get("new", 0),
        updated_count=counts.get("updated", 0),
        unchanged_count=counts.get("unchanged", 0),
        rejected_count=counts.get("rejected", 0),
        warning_count=counts.get("warnings", 0),
        pending_count=counts.get("pending", 0),
        summary_json=json.dumps(summary, ensure_ascii=False, default=str) if summary else None,
    )
    session.add(batch)
    session.flush()
    audit.record(
        session,
        actor,
        f"import.{kind}",
        "import_batch",
        batch.id,
        None,
        {
            "file_name": file_name,
            "sha256": sha256,
            "format": file_format,
            **counts,
            **({"list_date": list_date.isoformat()} if list_date else {}),
        },
    )
    return batch


def insert_refs(
    session: Session, batch_id: int, action: str, refs: Sequence[tuple[int, int]]
) -> None:
    """The batch's (row number, resident id) references, written by the database itself
    from one parameter instead of one bound row each (a third of the cost for 100,000)."""
    if not refs:
        return
    mark = bulk_sql.param_mark(session)
    # One integer per reference: row_number << 32 | resident_id (both far below 2**31).
    values, packed = bulk_sql.integer_rows(
        session, [n << 32 | resident_id for n, resident_id in refs]
    )
    session.connection().exec_driver_sql(
        "INSERT INTO import_row (batch_id, row_number, resident_id, family_id, action) "
        f"SELECT {mark}, value >> 32, value & 4294967295, NULL, {mark} FROM {values}",
        (batch_id, action, packed),
    )
