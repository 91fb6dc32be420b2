"""Advokasi: events with stakeholders (sosialisasi, musdes, posyandu, pengajian, PKK …),
their attached files (minutes, attendance lists, photos) and monthly counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.errors import NotFound, ValidationError
from pesiar_desktop.models import AdvocacyAttachment, AdvocacyEvent, Agent
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.services import audit, events
from pesiar_desktop.services.context import Actor, require

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_PARTICIPANTS = 100_000


@dataclass
class EventInput:
    held_on: date
    kind: str
    place: str = ""
    audience: str = ""
    participants: int = 0
    topics: list[str] = field(default_factory=list)
    note: str = ""
    agent_id: int | None = None
    # New files to attach: (file name, content).
    attachments: list[tuple[str, bytes]] = field(default_factory=list)


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    file_name: str
    size: int


@dataclass(frozen=True)
class EventRow:
    id: int
    held_on: date
    kind: str
    place: str
    audience: str
    participants: int
    topics: str
    note: str
    agent_id: int | None
    agent_name: str
    attachments: int

    @property
    def kind_label(self) -> str:
        return fc.ADVOCACY_KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class MonthCount:
    month: date  # first day
    events: int
    participants: int
    by_kind: dict[str, int]


def read_attachment_file(path: Path | str) -> tuple[str, bytes]:
    """A file from disk as an attachment (name, bytes), refusing very large files."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            {"attachments": f"Berkas {path.name} terlalu besar (maksimal 10 MB)."}
        )
    return path.name, path.read_bytes()


def validate(data: EventInput, today: date | None = None) -> dict[str, str]:
    today = today or clock.today()
    errors: dict[str, str] = {}
    if data.kind not in fc.ADVOCACY_KINDS:
        errors["kind"] = "Pilih jenis kegiatan."
    if data.held_on > today:
        errors["held_on"] = "Tanggal kegiatan tidak boleh di masa depan."
    if not data.place.strip():
        errors["place"] = "Tulis tempat kegiatan."
    if not 0 <= data.participants <= MAX_PARTICIPANTS:
        errors["participants"] = "Jumlah peserta tidak wajar."
    unknown = [t for t in data.topics if t not in fc.ADVOCACY_TOPICS]
    if unknown:
        errors["topics"] = f"Topik tidak dikenal: {', '.join(unknown)}."
    for name, content in data.attachments:
        if not name.strip():
            errors["attachments"] = "Nama berkas lampiran kosong."
        elif len(content) > MAX_ATTACHMENT_BYTES:
            errors["attachments"] = f"Berkas {name} terlalu besar (maksimal 10 MB)."
    return errors


def _values(data: EventInput) -> dict[str, object]:
    return {
        "held_on": data.held_on,
        "kind": data.kind,
        "place": data.place.strip(),
        "audience": data.audience.strip(),
        "participants": data.participants,
        "topics": fc.topics_to_text(data.topics),
        "note": data.note.strip(),
        "agent_id": data.agent_id,
    }


def _attach(session: Session, event_id: int, files: list[tuple[str, bytes]]) -> list[str]:
    for name, content in files:
        session.add(
            AdvocacyAttachment(event_id=event_id, file_name=Path(name).name, content=content)
        )
    return [Path(name).name for name, _c in files]


def record_event(db: Database, actor: Actor, data: EventInput) -> int:
    require(actor, "fieldwork.write")
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    with db.transaction() as session:
        if data.agent_id is not None and session.get(Agent, data.agent_id) is None:
            raise ValidationError({"agent": "Agen tidak ditemukan."})
        event = AdvocacyEvent(recorded_by=actor.username, **_values(data))
        session.add(event)
        session.flush()
        names = _attach(session, event.id, data.attachments)
        after = audit.snapshot(event)
        after["attachments"] = names
        audit.record(session, actor, "advocacy.add", "advocacy_event", event.id, None, after)
        event_id = event.id
    events.notify(events.Topic.ADVOCACY)
    return event_id


def update_event(
    db: Database,
    actor: Actor,
    event_id: int,
    data: EventInput,
    remove_attachments: list[int] | None = None,
) -> None:
    require(actor, "fieldwork.write")
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    with db.transaction() as session:
        event = session.get(AdvocacyEvent, event_id)
        if event is None:
            raise NotFound("Kegiatan advokasi tidak ditemukan.")
        before = audit.snapshot(event)
        for key, value in _values(data).items():
            setattr(event, key, value)
        removed: list[str] = []
        if remove_attachments:
            removed = list(
                session.scalars(
                    select(AdvocacyAttachment.file_name).where(
                        AdvocacyAttachment.event_id == event_id,
                        AdvocacyAttachment.id.in_(remove_attachments),
                    )
                )
            )
            session.execute(
                delete(AdvocacyAttachment).where(
                    AdvocacyAttachment.event_id == event_id,
                    AdvocacyAttachment.id.in_(remove_attachments),
                )
            )
        added = _attach(session, event_id, data.attachments)
        session.flush()
        old, new = audit.changed_only(before, audit.snapshot(event))
        if added or removed:
            new["attachments_added"] = added
            new["attachments_removed"] = removed
        audit.record(session, actor, "advocacy.edit", "advocacy_event", event_id, old, new)
    events.notify(events.Topic.ADVOCACY)


def delete_event(db: Database, actor: Actor, event_id: int) -> None:
    require(actor, "fieldwork.write")
    with db.transaction() as session:
        event = session.get(AdvocacyEvent, event_id)
        if event is None:
            raise NotFound("Kegiatan advokasi tidak ditemukan.")
        audit.record(
            session, actor, "advocacy.delete", "advocacy_event", event_id, audit.snapshot(event)
        )
        session.execute(delete(AdvocacyAttachment).where(AdvocacyAttachment.event_id == event_id))
        session.delete(event)
    events.notify(events.Topic.ADVOCACY)


def list_events(
    db: Database, start: date | None = None, end: date | None = None, kind: str | None = None
) -> list[EventRow]:
    """Events in a date range (both ends included), the latest first."""
    counts = (
        select(AdvocacyAttachment.event_id, func.count().label("n"))
        .group_by(AdvocacyAttachment.event_id)
        .subquery()
    )
    query = (
        select(
            AdvocacyEvent.id,
            AdvocacyEvent.held_on,
            AdvocacyEvent.kind,
            AdvocacyEvent.place,
            AdvocacyEvent.audience,
            AdvocacyEvent.participants,
            AdvocacyEvent.topics,
            AdvocacyEvent.note,
            AdvocacyEvent.agent_id,
            func.coalesce(Agent.name, ""),
            func.coalesce(counts.c.n, 0),
        )
        .outerjoin(Agent, Agent.id == AdvocacyEvent.agent_id)
        .outerjoin(counts, counts.c.event_id == AdvocacyEvent.id)
    )
    if start is not None:
        query = query.where(AdvocacyEvent.held_on >= start)
    if end is not None:
        query = query.where(AdvocacyEvent.held_on <= end)
    if kind:
        query = query.where(AdvocacyEvent.kind == kind)
    with db.read() as session:
        rows = session.execute(
            query.order_by(AdvocacyEvent.held_on.desc(), AdvocacyEvent.id.desc())
        ).all()
    return [EventRow(*row[:10], int(row[10])) for row in rows]


def get_event(db: Database, event_id: int) -> tuple[EventRow, list[AttachmentRow]]:
    with db.read() as session:
        if session.get(AdvocacyEvent, event_id) is None:
            raise NotFound("Kegiatan advokasi tidak ditemukan.")
        files = [
            AttachmentRow(i, name, int(size or 0))
            for i, name, size in session.execute(
                select(
                    AdvocacyAttachment.id,
                    AdvocacyAttachment.file_name,
                    func.length(AdvocacyAttachment.content),
                )
                .where(AdvocacyAttachment.event_id == event_id)
                .order_by(AdvocacyAttachment.id)
            )
        ]
    row = next(r for r in list_events(db) if r.id == event_id)
    return row, files


def attachment_content(db: Database, attachment_id: int) -> tuple[str, bytes]:
    with db.read() as session:
        found = session.get(AdvocacyAttachment, attachment_id)
        if found is None:
            raise NotFound("Lampiran tidak ditemukan.")
        return found.file_name, found.content


def monthly_counts(db: Database, year: int) -> list[MonthCount]:
    """Twelve rows for the year: events, participants and events per kind."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    with db.read() as session:
        rows = session.execute(
            select(AdvocacyEvent.held_on, AdvocacyEvent.kind, AdvocacyEvent.participants).where(
                AdvocacyEvent.held_on >= first, AdvocacyEvent.held_on <= last
            )
        ).all()
    events_n = [0] * 12
    people = [0] * 12
    kinds: list[dict[str, int]] = [{} for _ in range(12)]
    for held_on, kind, participants in rows:
        index = held_on.month - 1
        events_n[index] += 1
        people[index] += int(participants or 0)
        kinds[index][kind] = kinds[index].get(kind, 0) + 1
    return [
        MonthCount(date(year, index + 1, 1), events_n[index], people[index], kinds[index])
        for index in range(12)
    ]
