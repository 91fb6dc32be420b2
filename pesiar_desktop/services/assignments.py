"""Assignments: an agent's period, areas (dusun / RT), keluarga binaan, monthly targets,
Dana Desa funding line and incentive scheme."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from pesiar_desktop.db import Database
from pesiar_desktop.errors import NotFound, PesiarError, ValidationError
from pesiar_desktop.models import (
    Agent,
    Assignment,
    AssignmentArea,
    AssignmentFamily,
    Dusun,
    Family,
    Rt,
)
from pesiar_desktop.rules.formatting import area as area_label
from pesiar_desktop.rules.formatting import number, rt_rw
from pesiar_desktop.services import audit, events, settings
from pesiar_desktop.services.context import Actor, require
from pesiar_desktop.services.settings import SETTINGS


@dataclass
class AssignmentInput:
    agent_id: int = 0
    period_start: date | None = None
    period_end: date | None = None
    rt_ids: list[int] = field(default_factory=list)
    dusun_ids: list[int] = field(default_factory=list)  # a whole dusun
    # None: every family living in the areas; otherwise exactly these (an area split).
    family_ids: list[int] | None = None
    target_people_per_month: int = 35
    target_families_per_month: int = 13
    apbdes_code: str = ""
    apbdes_name: str = ""
    budget: int = 0
    monthly_honorarium: int = 0
    fee_per_person_paid: int = 0
    fee_per_family_paid: int = 0
    note: str = ""


@dataclass(frozen=True)
class AssignmentRow:
    id: int
    agent_id: int
    agent_name: str
    period_start: date
    period_end: date
    areas: str
    families: int
    target_people_per_month: int
    target_families_per_month: int
    apbdes_code: str
    apbdes_name: str
    budget: int
    monthly_honorarium: int
    fee_per_person_paid: int
    fee_per_family_paid: int
    is_active: bool
    workload_warning: str | None


def new_input(db: Database, agent_id: int = 0) -> AssignmentInput:
    """A blank assignment with the village's target settings filled in."""
    with db.read() as session:
        return AssignmentInput(
            agent_id=agent_id,
            target_people_per_month=settings.get(session, SETTINGS.monthly_target_people),
            target_families_per_month=settings.get(session, SETTINGS.monthly_target_families),
        )


def workload_warning(families: int, max_families: int) -> str | None:
    """The hint shown beside the family count: about 500 KK per agent at most (setting)."""
    if max_families > 0 and families > max_families:
        return (
            f"{number(families)} KK binaan melebihi batas wajar {number(max_families)} KK per agen; "
            "pertimbangkan membagi wilayah dengan agen lain."
        )
    return None


def split_evenly(items: Sequence[int], parts: int) -> list[list[int]]:
    """Contiguous, as-even-as-possible chunks (sizes differ by at most one), in order, so
    each agent gets neighbouring families."""
    if parts < 1:
        raise ValueError("parts must be >= 1")
    size, extra = divmod(len(items), parts)
    out: list[list[int]] = []
    start = 0
    for i in range(parts):
        end = start + size + (1 if i < extra else 0)
        out.append(list(items[start:end]))
        start = end
    return out


def area_family_ids(
    session: Session, rt_ids: Sequence[int], dusun_ids: Sequence[int] = ()
) -> list[int]:
    """Families whose RT is in the areas, ordered by RW, RT, address and KK number."""
    if not rt_ids and not dusun_ids:
        return []
    conditions = []
    if rt_ids:
        conditions.append(Family.rt_id.in_(list(rt_ids)))
    if dusun_ids:
        conditions.append(Rt.dusun_id.in_(list(dusun_ids)))
    query = (
        select(Family.id)
        .join(Rt, Rt.id == Family.rt_id)
        .where(or_(*conditions))
        .order_by(Rt.dusun_id, Rt.rw, Rt.rt, Family.address, Family.no_kk)
    )
    return list(session.scalars(query))


def _validate(session: Session, data: AssignmentInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    agent = session.get(Agent, data.agent_id) if data.agent_id else None
    if agent is None:
        errors["agent_id"] = "Pilih agen yang ditugaskan."
    elif not agent.is_active:
        errors["agent_id"] = f"Agen {agent.name} tidak aktif; aktifkan dulu sebelum ditugaskan."
    if data.period_start is None:
        errors["period_start"] = "Tanggal mulai tugas wajib diisi."
    if data.period_end is None:
        errors["period_end"] = "Tanggal akhir tugas wajib diisi."
    elif data.period_start and data.period_end < data.period_start:
        errors["period_end"] = "Tanggal akhir tidak boleh sebelum tanggal mulai."
    if not data.rt_ids and not data.dusun_ids:
        errors["areas"] = "Pilih paling sedikit satu dusun atau RT wilayah tugas."
    for name in (
        "target_people_per_month",
        "target_families_per_month",
        "budget",
        "monthly_honorarium",
        "fee_per_person_paid",
        "fee_per_family_paid",
    ):
        if int(getattr(data, name)) < 0:
            errors[name] = "Tidak boleh negatif."
    if data.budget and not data.apbdes_name.strip():
        errors["apbdes_name"] = "Tulis nama kegiatan APBDes yang mendanai anggaran ini."
    return errors


def _area_pairs(session: Session, data: AssignmentInput) -> list[tuple[int, int | None]]:
    pairs: list[tuple[int, int | None]] = [(d, None) for d in sorted(set(data.dusun_ids))]
    whole = set(data.dusun_ids)
    for rt in session.scalars(select(Rt).where(Rt.id.in_(sorted(set(data.rt_ids))))):
        if rt.dusun_id not in whole:
            pairs.append((rt.dusun_id, rt.id))
    return pairs


def _save(session: Session, assignment: Assignment, data: AssignmentInput) -> None:
    assert data.period_start is not None and data.period_end is not None
    assignment.agent_id = data.agent_id
    assignment.period_start = data.period_start
    assignment.period_end = data.period_end
    assignment.target_people_per_month = int(data.target_people_per_month)
    assignment.target_families_per_month = int(data.target_families_per_month)
    assignment.apbdes_code = data.apbdes_code.strip()
    assignment.apbdes_name = data.apbdes_name.strip()
    assignment.budget = int(data.budget)
    assignment.monthly_honorarium = int(data.monthly_honorarium)
    assignment.fee_per_person_paid = int(data.fee_per_person_paid)
    assignment.fee_per_family_paid = int(data.fee_per_family_paid)
    assignment.note = data.note.strip()
    session.flush()
    session.execute(delete(AssignmentArea).where(AssignmentArea.assignment_id == assignment.id))
    session.execute(delete(AssignmentFamily).where(AssignmentFamily.assignment_id == assignment.id))
    for dusun_id, rt_id in _area_pairs(session, data):
        session.add(AssignmentArea(assignment_id=assignment.id, dusun_id=dusun_id, rt_id=rt_id))
    in_area = area_family_ids(session, data.rt_ids, data.dusun_ids)
    if data.family_ids is None:
        family_ids = in_area
    else:
        allowed = set(in_area)
        outside = [f for f in data.family_ids if f not in allowed]
        if outside:
            raise ValidationError(
                {"families": f"{len(outside)} keluarga binaan berada di luar wilayah tugas."}
            )
        family_ids = list(dict.fromkeys(data.family_ids))
    session.add_all(AssignmentFamily(assignment_id=assignment.id, family_id=f) for f in family_ids)
    session.flush()


def create_assignment(db: Database, actor: Actor, data: AssignmentInput) -> AssignmentRow:
    require(actor, "agents.write")
    with db.transaction() as session:
        errors = _validate(session, data)
        if errors:
            raise ValidationError(errors)
        assignment = Assignment()
        session.add(assignment)
        _save(session, assignment, data)
        audit.record(
            session,
            actor,
            "assignment.create",
            "assignment",
            assignment.id,
            None,
            _audit(session, assignment),
        )
        row = _rows(session, [assignment.id])[0]
    events.notify(events.Topic.AGENTS)
    return row


def update_assignment(
    db: Database, actor: Actor, assignment_id: int, data: AssignmentInput
) -> AssignmentRow:
    require(actor, "agents.write")
    with db.transaction() as session:
        assignment = session.get(Assignment, assignment_id)
        if assignment is None:
            raise NotFound("Penugasan tidak ditemukan.")
        errors = _validate(session, data)
        if errors:
            raise ValidationError(errors)
        before = _audit(session, assignment)
        _save(session, assignment, data)
        old, new = audit.changed_only(before, _audit(session, assignment))
        audit.record(session, actor, "assignment.update", "assignment", assignment.id, old, new)
        row = _rows(session, [assignment.id])[0]
    events.notify(events.Topic.AGENTS)
    return row


def set_active(db: Database, actor: Actor, assignment_id: int, active: bool) -> None:
    require(actor, "agents.write")
    with db.transaction() as session:
        assignment = session.get(Assignment, assignment_id)
        if assignment is None:
            raise NotFound("Penugasan tidak ditemukan.")
        audit.record(
            session,
            actor,
            "assignment.activate" if active else "assignment.end",
            "assignment",
            assignment.id,
            {"is_active": assignment.is_active},
            {"is_active": active},
        )
        assignment.is_active = active
    events.notify(events.Topic.AGENTS)


def split_area(
    db: Database,
    actor: Actor,
    assignment_ids: Sequence[int],
    rt_ids: Sequence[int],
    dusun_ids: Sequence[int] = (),
) -> dict[int, int]:
    """Share the families of an area evenly between assignments (neighbours stay together).

    Each assignment gets the area and its own contiguous slice of the families; families it
    had outside the area are kept. Returns {assignment_id: families in the area}.
    """
    require(actor, "agents.write")
    ids = list(dict.fromkeys(assignment_ids))
    if len(ids) < 2:
        raise PesiarError("Pilih paling sedikit dua penugasan untuk membagi wilayah.")
    with db.transaction() as session:
        assignments = [session.get(Assignment, i) for i in ids]
        if any(a is None for a in assignments):
            raise NotFound("Penugasan tidak ditemukan.")
        family_ids = area_family_ids(session, rt_ids, dusun_ids)
        if not family_ids:
            raise PesiarError("Wilayah yang dipilih belum punya keluarga di buku induk.")
        session.execute(
            delete(AssignmentFamily).where(
                AssignmentFamily.assignment_id.in_(ids), AssignmentFamily.family_id.in_(family_ids)
            )
        )
        chunks = split_evenly(family_ids, len(ids))
        result: dict[int, int] = {}
        pairs = _area_pairs(
            session, AssignmentInput(rt_ids=list(rt_ids), dusun_ids=list(dusun_ids))
        )
        for assignment_id, chunk in zip(ids, chunks, strict=True):
            existing = {
                (a.dusun_id, a.rt_id)
                for a in session.scalars(
                    select(AssignmentArea).where(AssignmentArea.assignment_id == assignment_id)
                )
            }
            for dusun_id, rt_id in pairs:
                if (dusun_id, rt_id) not in existing:
                    session.add(
                        AssignmentArea(assignment_id=assignment_id, dusun_id=dusun_id, rt_id=rt_id)
                    )
            session.add_all(
                AssignmentFamily(assignment_id=assignment_id, family_id=f) for f in chunk
            )
            result[assignment_id] = len(chunk)
        audit.record(
            session,
            actor,
            "assignment.split",
            "assignment",
            ",".join(map(str, ids)),
            None,
            {"rt_ids": list(rt_ids), "dusun_ids": list(dusun_ids), "families": result},
        )
    events.notify(events.Topic.AGENTS)
    return result


def _audit(session: Session, assignment: Assignment) -> dict[str, object]:
    values = audit.snapshot(assignment)
    values["areas"] = sorted(
        (a.dusun_id, a.rt_id or 0)
        for a in session.scalars(
            select(AssignmentArea).where(AssignmentArea.assignment_id == assignment.id)
        )
    )
    values["families"] = session.scalar(
        select(func.count()).where(AssignmentFamily.assignment_id == assignment.id)
    )
    return values


def area_labels(session: Session, assignment_ids: Sequence[int]) -> dict[int, str]:
    """'Dusun Krajan RT 001/RW 001, RT 002/RW 001; Dusun Timur (seluruh dusun)' per
    assignment: each RT written as Indonesian offices write an address (RT before RW, no
    RW where the village has none)."""
    rows = session.execute(
        select(AssignmentArea.assignment_id, Dusun.name, Rt.rw, Rt.rt)
        .join(Dusun, Dusun.id == AssignmentArea.dusun_id)
        .outerjoin(Rt, Rt.id == AssignmentArea.rt_id)
        .where(AssignmentArea.assignment_id.in_(list(assignment_ids)))
        .order_by(AssignmentArea.assignment_id, Dusun.name, Rt.rw, Rt.rt)
    )
    grouped: dict[int, dict[str, list[str]]] = {}
    for assignment_id, dusun, rw, rt in rows:
        per = grouped.setdefault(assignment_id, {})
        label = area_label(dusun if dusun.lower().startswith("dusun") else f"Dusun {dusun}")
        per.setdefault(label, [])
        per[label].append(rt_rw(rw, rt) if rt else "*")
    out: dict[int, str] = {}
    for assignment_id, per in grouped.items():
        parts = []
        for dusun, rts in per.items():
            if "*" in rts:
                parts.append(f"{dusun} (seluruh dusun)")
            else:
                parts.append(f"{dusun} {', '.join(rts)}")
        out[assignment_id] = "; ".join(parts)
    return out


def _rows(session: Session, ids: Sequence[int] | None = None) -> list[AssignmentRow]:
    query = (
        select(Assignment, Agent.name)
        .join(Agent, Agent.id == Assignment.agent_id)
        .order_by(Assignment.period_start.desc(), func.lower(Agent.name), Assignment.id)
    )
    if ids is not None:
        query = query.where(Assignment.id.in_(list(ids)))
    found = list(session.execute(query))
    assignment_ids = [a.id for a, _n in found]
    counts = dict(
        session.execute(
            select(AssignmentFamily.assignment_id, func.count())
            .where(AssignmentFamily.assignment_id.in_(assignment_ids))
            .group_by(AssignmentFamily.assignment_id)
        ).all()
    )
    labels = area_labels(session, assignment_ids)
    max_families = settings.get(session, SETTINGS.max_families)
    return [
        AssignmentRow(
            a.id,
            a.agent_id,
            name,
            a.period_start,
            a.period_end,
            labels.get(a.id, ""),
            int(counts.get(a.id, 0)),
            a.target_people_per_month,
            a.target_families_per_month,
            a.apbdes_code,
            a.apbdes_name,
            a.budget,
            a.monthly_honorarium,
            a.fee_per_person_paid,
            a.fee_per_family_paid,
            a.is_active,
            workload_warning(int(counts.get(a.id, 0)), max_families),
        )
        for a, name in found
    ]


def list_assignments(db: Database, agent_id: int | None = None) -> list[AssignmentRow]:
    with db.read() as session:
        rows = _rows(session)
    return [r for r in rows if agent_id is None or r.agent_id == agent_id]


def get_assignment(db: Database, assignment_id: int) -> AssignmentRow:
    with db.read() as session:
        rows = _rows(session, [assignment_id])
    if not rows:
        raise NotFound("Penugasan tidak ditemukan.")
    return rows[0]


def load_input(db: Database, assignment_id: int) -> AssignmentInput:
    """The editable values of an assignment (family list kept as it is)."""
    with db.read() as session:
        a = session.get(Assignment, assignment_id)
        if a is None:
            raise NotFound("Penugasan tidak ditemukan.")
        areas = list(
            session.scalars(select(AssignmentArea).where(AssignmentArea.assignment_id == a.id))
        )
        families = list(
            session.scalars(
                select(AssignmentFamily.family_id).where(AssignmentFamily.assignment_id == a.id)
            )
        )
        return AssignmentInput(
            agent_id=a.agent_id,
            period_start=a.period_start,
            period_end=a.period_end,
            rt_ids=[x.rt_id for x in areas if x.rt_id is not None],
            dusun_ids=[x.dusun_id for x in areas if x.rt_id is None],
            family_ids=families,
            target_people_per_month=a.target_people_per_month,
            target_families_per_month=a.target_families_per_month,
            apbdes_code=a.apbdes_code,
            apbdes_name=a.apbdes_name,
            budget=a.budget,
            monthly_honorarium=a.monthly_honorarium,
            fee_per_person_paid=a.fee_per_person_paid,
            fee_per_family_paid=a.fee_per_family_paid,
            note=a.note,
        )


def count_area_families(db: Database, rt_ids: Sequence[int], dusun_ids: Sequence[int] = ()) -> int:
    """For the dialog's live workload hint."""
    with db.read() as session:
        return len(area_family_ids(session, rt_ids, dusun_ids))


def max_families(db: Database) -> int:
    return settings.read(db, SETTINGS.max_families)
