"""Sisir: the visit log, a family's visit history and the due list of revisits.

Built for typing a pile of worksheets quickly: `find_families` answers a NIK, a No KK
or a name in one field; `record_visit` checks the outcome rules (a refusal needs a
reason, a revisit needs a date after the visit) and fills in the agent from the
assignment that covers the family when none is given.

Due list: a family is due when its latest visit set a revisit date (overdue when that
date has passed) and it has not registered since.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.errors import NotFound, ValidationError
from pesiar_desktop.models import (
    Agent,
    Dusun,
    Family,
    Membership,
    Registration,
    Resident,
    Rt,
    Visit,
)
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules.formatting import area_label
from pesiar_desktop.services import audit, events
from pesiar_desktop.services.context import Actor, require
from pesiar_desktop.services.visit_plans import assignment_for_family

MAX_NOTE = 2000
UPCOMING_DAYS = 14


@dataclass(frozen=True)
class FamilyHit:
    """One line of the family finder."""

    family_id: int
    no_kk: str
    head_name: str
    matched_name: str  # the member whose NIK or name matched ("" for a No KK match)
    matched_nik: str
    area_label: str
    address: str

    @property
    def text(self) -> str:
        who = self.head_name
        if self.matched_name and self.matched_name != self.head_name:
            who = f"{self.matched_name} (KK: {self.head_name})"
        return f"{who} · {self.no_kk} · {self.area_label}"


@dataclass
class VisitInput:
    family_id: int
    visited_on: date
    outcome: str
    refusal_reason: str | None = None
    revisit_on: date | None = None
    topics: list[str] = field(default_factory=list)
    note: str = ""
    agent_id: int | None = None
    assignment_id: int | None = None


@dataclass(frozen=True)
class VisitRow:
    id: int
    family_id: int
    visited_on: date
    outcome: str
    refusal_reason: str | None
    revisit_on: date | None
    topics: str
    note: str
    agent_name: str
    recorded_by: str

    @property
    def outcome_label(self) -> str:
        text = fc.VISIT_OUTCOMES.get(self.outcome, self.outcome)
        if self.refusal_reason:
            text += f": {fc.REFUSAL_REASONS.get(self.refusal_reason, self.refusal_reason)}"
        return text


@dataclass(frozen=True)
class DueRow:
    family_id: int
    no_kk: str
    head_name: str
    area_label: str
    phone: str
    last_visit_on: date
    last_outcome: str
    revisit_on: date
    agent_name: str
    note: str

    def days_late(self, today: date) -> int:
        return (today - self.revisit_on).days

    def is_overdue(self, today: date) -> bool:
        return self.revisit_on < today


def head_name_of(family_id: Any) -> Any:
    """The living head's name of the family in `family_id` (a correlated subquery: one
    indexed lookup per result row, never a scan of the whole register)."""
    member = aliased(Resident)
    return (
        select(member.name)
        .where(
            member.family_id == family_id,
            member.shdk == codes.SHDK_HEAD,
            member.life_status == codes.LIFE_ALIVE,
        )
        .order_by(member.id)
        .limit(1)
        .correlate_except(member)
        .scalar_subquery()
    )


def family_phone_of(family_id: Any) -> Any:
    """A phone number of a living member (the head's first), as a correlated subquery."""
    member = aliased(Resident)
    return (
        select(member.phone)
        .where(
            member.family_id == family_id,
            member.phone != "",
            member.life_status == codes.LIFE_ALIVE,
        )
        .order_by(member.shdk, member.id)
        .limit(1)
        .correlate_except(member)
        .scalar_subquery()
    )


def _digits_prefix(column: Any, digits: str) -> Any:
    """`column` starts with `digits`, as an index range with an upper bound made of digits
    ("52010" → < "52011"), which every collation orders the same way."""
    condition = column >= digits
    stem = digits.rstrip("9")
    if stem:
        upper = stem[:-1] + str(int(stem[-1]) + 1)
        condition = condition & (column < upper)
    return condition


def find_families(db: Database, text: str, limit: int = 20) -> list[FamilyHit]:
    """Families for a NIK (16 digits or a prefix), a No KK (prefix) or a name (part)."""
    needle = " ".join(text.split()).lower()
    if len(needle) < 2:
        return []
    with db.read() as session:
        return find_families_in(session, needle, limit)


def find_families_in(session: Session, needle: str, limit: int = 20) -> list[FamilyHit]:
    base = (
        select(
            Family.id,
            Family.no_kk,
            func.coalesce(head_name_of(Family.id), ""),
            Resident.name,
            Resident.nik,
            Dusun.name,
            Rt.rw,
            Rt.rt,
            Family.address,
        )
        .join(Family, Family.id == Resident.family_id)
        .join(Rt, Rt.id == Family.rt_id)
        .join(Dusun, Dusun.id == Rt.dusun_id)
        .where(Resident.life_status == codes.LIFE_ALIVE)
    )
    hits: dict[int, FamilyHit] = {}

    def add(rows: object, matched: bool) -> None:
        for fid, kk, head_name, name, nik, dusun, rw, rt, address in rows:  # type: ignore[attr-defined]
            if fid in hits or len(hits) >= limit:
                continue
            hits[fid] = FamilyHit(
                fid,
                kk,
                head_name or name,
                name if matched else "",
                nik if matched else "",
                area_label(dusun, rw, rt),
                address,
            )

    if needle.isdigit():
        add(
            session.execute(
                base.where(_digits_prefix(Resident.nik, needle)).order_by(Resident.nik).limit(limit)
            ),
            True,
        )
        add(
            session.execute(
                base.where(_digits_prefix(Family.no_kk, needle), Resident.shdk == codes.SHDK_HEAD)
                .order_by(Family.no_kk)
                .limit(limit)
            ),
            False,
        )
    else:
        add(
            session.execute(
                base.where(Resident.name_sort.startswith(needle, autoescape=True))
                .order_by(Resident.name_sort)
                .limit(limit)
            ),
            True,
        )
        if len(hits) < limit:
            add(
                session.execute(
                    base.where(Resident.name_sort.contains(needle, autoescape=True))
                    .order_by(Resident.name_sort)
                    .limit(limit)
                ),
                True,
            )
    return list(hits.values())


def validate(data: VisitInput, today: date | None = None) -> dict[str, str]:
    today = today or clock.today()
    errors: dict[str, str] = {}
    if data.outcome not in fc.VISIT_OUTCOMES:
        errors["outcome"] = "Pilih hasil kunjungan (tombol 1–7)."
        return errors
    if data.visited_on > today:
        errors["visited_on"] = "Tanggal kunjungan tidak boleh di masa depan."
    if data.outcome == fc.OUTCOME_REFUSED:
        if data.refusal_reason not in fc.REFUSAL_REASONS:
            errors["refusal_reason"] = "Pilih alasan penolakan."
        elif data.refusal_reason == fc.REFUSAL_OTHER and not data.note.strip():
            errors["note"] = "Tulis alasan penolakan lainnya di catatan."
    elif data.refusal_reason:
        errors["refusal_reason"] = "Alasan penolakan hanya untuk hasil 'Menolak'."
    if data.outcome in fc.OUTCOMES_NEEDING_DATE and data.revisit_on is None:
        errors["revisit_on"] = "Isi tanggal kunjungan ulang."
    if data.revisit_on is not None:
        if data.outcome not in fc.OUTCOMES_ALLOWING_DATE:
            errors["revisit_on"] = "Tanggal kunjungan ulang tidak dipakai untuk hasil ini."
        elif data.revisit_on <= data.visited_on:
            errors["revisit_on"] = "Kunjungan ulang harus sesudah tanggal kunjungan."
    unknown = [t for t in data.topics if t not in fc.ADVOCACY_TOPICS]
    if unknown:
        errors["topics"] = f"Topik tidak dikenal: {', '.join(unknown)}."
    if len(data.note) > MAX_NOTE:
        errors["note"] = f"Catatan paling panjang {MAX_NOTE} karakter."
    return errors


def record_visit(db: Database, actor: Actor, data: VisitInput) -> int:
    """Logs one visit and its outcome; returns the visit id."""
    require(actor, "fieldwork.write")
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    with db.transaction() as session:
        if session.get(Family, data.family_id) is None:
            raise NotFound("Keluarga tidak ditemukan.")
        agent_id, assignment_id = data.agent_id, data.assignment_id
        if agent_id is not None and session.get(Agent, agent_id) is None:
            raise ValidationError({"agent": "Agen tidak ditemukan."})
        if agent_id is None:
            covering = assignment_for_family(session, data.family_id, data.visited_on)
            if covering is not None:
                assignment_id, agent_id = covering
        visit = Visit(
            family_id=data.family_id,
            agent_id=agent_id,
            assignment_id=assignment_id,
            visited_on=data.visited_on,
            outcome=data.outcome,
            refusal_reason=data.refusal_reason if data.outcome == fc.OUTCOME_REFUSED else None,
            revisit_on=data.revisit_on,
            topics=fc.topics_to_text(data.topics),
            note=data.note.strip(),
            recorded_by=actor.username,
        )
        session.add(visit)
        session.flush()
        audit.record(session, actor, "visit.add", "visit", visit.id, None, audit.snapshot(visit))
        visit_id = visit.id
    events.notify(events.Topic.VISITS)
    return visit_id


def delete_visit(db: Database, actor: Actor, visit_id: int) -> None:
    """Removes a visit typed by mistake (audited with its values)."""
    require(actor, "fieldwork.write")
    with db.transaction() as session:
        visit = session.get(Visit, visit_id)
        if visit is None:
            raise NotFound("Kunjungan tidak ditemukan.")
        audit.record(session, actor, "visit.delete", "visit", visit_id, audit.snapshot(visit))
        session.delete(visit)
    events.notify(events.Topic.VISITS)


def _visit_rows(session: Session, query: object) -> list[VisitRow]:
    return [VisitRow(*row) for row in session.execute(query)]  # type: ignore[call-overload]


def _visit_select() -> Any:
    return select(
        Visit.id,
        Visit.family_id,
        Visit.visited_on,
        Visit.outcome,
        Visit.refusal_reason,
        Visit.revisit_on,
        Visit.topics,
        Visit.note,
        func.coalesce(Agent.name, ""),
        Visit.recorded_by,
    ).outerjoin(Agent, Agent.id == Visit.agent_id)


def latest_visits(family_ids: list[int] | None = None) -> Any:
    """Subquery (family_id, vid): each family's latest visit by date, then by entry order
    (worksheets are often typed in a different order than they were walked)."""
    ranked = select(
        Visit.family_id,
        Visit.id.label("vid"),
        func.row_number()
        .over(partition_by=Visit.family_id, order_by=(Visit.visited_on.desc(), Visit.id.desc()))
        .label("n"),
    )
    if family_ids is not None:
        ranked = ranked.where(Visit.family_id.in_(family_ids))
    inner = ranked.subquery()
    return select(inner.c.family_id, inner.c.vid).where(inner.c.n == 1).subquery()


def family_history(db: Database, family_id: int) -> list[VisitRow]:
    """All visits to a family, the latest first."""
    with db.read() as session:
        return _visit_rows(
            session,
            _visit_select()
            .where(Visit.family_id == family_id)
            .order_by(Visit.visited_on.desc(), Visit.id.desc()),
        )


def recent_visits(db: Database, limit: int = 50) -> list[VisitRow]:
    with db.read() as session:
        return _visit_rows(session, _visit_select().order_by(Visit.id.desc()).limit(limit))


@dataclass(frozen=True)
class FamilyCard:
    """The selected family as the visit form shows it."""

    family_id: int
    no_kk: str
    address: str
    area_label: str
    members: list[tuple[str, str, str, str]]  # nik, name, shdk label, JKN status label


def family_card(db: Database, family_id: int) -> FamilyCard:
    with db.read() as session:
        row = session.execute(
            select(Family.no_kk, Family.address, Dusun.name, Rt.rw, Rt.rt)
            .join(Rt, Rt.id == Family.rt_id)
            .join(Dusun, Dusun.id == Rt.dusun_id)
            .where(Family.id == family_id)
        ).first()
        if row is None:
            raise NotFound("Keluarga tidak ditemukan.")
        members = [
            (
                nik,
                name,
                codes.label(codes.SHDK, shdk),
                codes.label(codes.MEMBERSHIP_STATUS, status or codes.STATUS_NOT_REGISTERED)
                + (f" · {codes.label(codes.SEGMENTS, segment)}" if segment else ""),
            )
            for nik, name, shdk, status, segment in session.execute(
                select(
                    Resident.nik,
                    Resident.name,
                    Resident.shdk,
                    Membership.status,
                    Membership.segment,
                )
                .outerjoin(Membership, Membership.resident_id == Resident.id)
                .where(Resident.family_id == family_id, Resident.life_status == codes.LIFE_ALIVE)
                .order_by(Resident.shdk, Resident.birth_date)
            )
        ]
    return FamilyCard(family_id, row[0], row[1], area_label(row[2], row[3], row[4]), members)


def due_list(
    db: Database, today: date | None = None, upcoming_days: int = UPCOMING_DAYS
) -> list[DueRow]:
    """Families whose latest visit asked for a revisit on or before `today + upcoming_days`
    (overdue ones included however late), unless they registered after that visit.
    Overdue first, then by date."""
    today = today or clock.today()
    horizon = today + timedelta(days=upcoming_days)
    latest = latest_visits()
    registered_after = (
        select(Registration.id)
        .where(
            Registration.family_id == Visit.family_id,
            Registration.registered_on >= Visit.visited_on,
            Registration.status != fc.STATUS_CANCELLED,
        )
        .exists()
    )
    query = (
        select(
            Visit.family_id,
            Family.no_kk,
            func.coalesce(head_name_of(Family.id), ""),
            Dusun.name,
            Rt.rw,
            Rt.rt,
            func.coalesce(family_phone_of(Family.id), ""),
            Visit.visited_on,
            Visit.outcome,
            Visit.revisit_on,
            func.coalesce(Agent.name, ""),
            Visit.note,
        )
        .join(latest, latest.c.vid == Visit.id)
        .join(Family, Family.id == Visit.family_id)
        .join(Rt, Rt.id == Family.rt_id)
        .join(Dusun, Dusun.id == Rt.dusun_id)
        .outerjoin(Agent, Agent.id == Visit.agent_id)
        .where(
            Visit.revisit_on.is_not(None),
            Visit.revisit_on <= horizon,
            ~registered_after,
        )
        .order_by(Visit.revisit_on, Family.no_kk)
    )
    with db.read() as session:
        rows = session.execute(query).all()
    return [
        DueRow(r[0], r[1], r[2], area_label(r[3], r[4], r[5]), r[6], r[7], r[8], r[9], r[10], r[11])
        for r in rows
    ]
