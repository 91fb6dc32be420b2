"""Sisir: the visit plan of an assignment.

The plan is the Petakan target list (`services.targets`) cut to the assignment's areas
and keluarga binaan, one row per family, grouped by RT, families in priority order
(priority-group families first, then the ones with the most targets). A schedule gives
each family (or each RT) a date; it is stored as `VisitPlan` rows and replaced as a
whole when the operator schedules again.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import CursorResult, delete, insert, or_, select
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.clock import utcnow
from pesiar_desktop.db import Database
from pesiar_desktop.errors import NotFound, ValidationError
from pesiar_desktop.models import (
    Agent,
    Assignment,
    AssignmentArea,
    AssignmentFamily,
    Family,
    Membership,
    Resident,
    Rt,
    Visit,
    VisitPlan,
)
from pesiar_desktop.reportdata.fieldwork import (
    AssignmentChoice,
    LeftOutFamily,
    PlanFamily,
    PlanGroup,
    PlanMember,
    PlanView,
)
from pesiar_desktop.rules import codes
from pesiar_desktop.services import (
    audit,
    events,
    plan_scope,
    privacy,
    settings,
    targets,
    village,
)
from pesiar_desktop.services.context import Actor, require

MODE_FAMILY = "family"
MODE_RT = "rt"
SCHEDULE_MODES = {MODE_FAMILY: "Tanggal per keluarga", MODE_RT: "Tanggal per RT"}
SUNDAY = 6


# ---------------------------------------------------------------- assignments


def _choice(row: Any) -> AssignmentChoice:
    return AssignmentChoice(
        row.id, row.agent_id, row.name, row.phone, row.period_start, row.period_end, row.is_active
    )


def list_assignments(db: Database, active_only: bool = True) -> list[AssignmentChoice]:
    """Assignments with their agent, the most recent first."""
    with db.read() as session:
        query = select(
            Assignment.id,
            Assignment.agent_id,
            Agent.name,
            Agent.phone,
            Assignment.period_start,
            Assignment.period_end,
            Assignment.is_active,
        ).join(Agent, Agent.id == Assignment.agent_id)
        if active_only:
            query = query.where(Assignment.is_active.is_(True), Agent.is_active.is_(True))
        rows = session.execute(query.order_by(Agent.name, Assignment.period_start.desc())).all()
    return [_choice(row) for row in rows]


def get_assignment(session: Session, assignment_id: int) -> AssignmentChoice:
    row = session.execute(
        select(
            Assignment.id,
            Assignment.agent_id,
            Agent.name,
            Agent.phone,
            Assignment.period_start,
            Assignment.period_end,
            Assignment.is_active,
        )
        .join(Agent, Agent.id == Assignment.agent_id)
        .where(Assignment.id == assignment_id)
    ).first()
    if row is None:
        raise NotFound("Penugasan tidak ditemukan.")
    return _choice(row)


def assignment_family_ids(session: Session, assignment_id: int) -> set[int]:
    """Families in the assignment's RTs and dusun, plus its keluarga binaan."""
    areas = session.execute(
        select(AssignmentArea.dusun_id, AssignmentArea.rt_id).where(
            AssignmentArea.assignment_id == assignment_id
        )
    ).all()
    rt_ids = {rt for _d, rt in areas if rt is not None}
    dusun_ids = {d for d, rt in areas if rt is None}
    found: set[int] = set(
        session.scalars(
            select(AssignmentFamily.family_id).where(
                AssignmentFamily.assignment_id == assignment_id
            )
        )
    )
    if rt_ids or dusun_ids:
        found.update(
            session.scalars(
                select(Family.id)
                .join(Rt, Rt.id == Family.rt_id)
                .where(or_(Family.rt_id.in_(rt_ids), Rt.dusun_id.in_(dusun_ids)))
            )
        )
    return found


def assignment_for_family(session: Session, family_id: int, on: date) -> tuple[int, int] | None:
    """(assignment id, agent id) of the active assignment covering the family on `on`:
    a keluarga binaan link wins over an area; the latest start wins among equals."""
    family = session.get(Family, family_id)
    if family is None:
        return None
    rt = session.get(Rt, family.rt_id)
    base = (
        select(Assignment.id, Assignment.agent_id)
        .where(
            Assignment.is_active.is_(True),
            Assignment.period_start <= on,
            Assignment.period_end >= on,
        )
        .order_by(Assignment.period_start.desc(), Assignment.id.desc())
    )
    direct = session.execute(
        base.join(AssignmentFamily, AssignmentFamily.assignment_id == Assignment.id).where(
            AssignmentFamily.family_id == family_id
        )
    ).first()
    if direct is not None:
        return int(direct[0]), int(direct[1])
    by_area = session.execute(
        base.join(AssignmentArea, AssignmentArea.assignment_id == Assignment.id).where(
            or_(
                AssignmentArea.rt_id == family.rt_id,
                (AssignmentArea.rt_id.is_(None))
                & (AssignmentArea.dusun_id == (rt.dusun_id if rt else -1)),
            )
        )
    ).first()
    if by_area is not None:
        return int(by_area[0]), int(by_area[1])
    return None


# ---------------------------------------------------------------- the plan


def _members(session: Session, family_ids: list[int], today: date) -> dict[int, list[PlanMember]]:
    found: dict[int, list[PlanMember]] = defaultdict(list)
    for begin in range(0, len(family_ids), 900):
        chunk = family_ids[begin : begin + 900]
        rows = session.execute(
            select(
                Resident.id,
                Resident.family_id,
                Resident.nik,
                Resident.name,
                Resident.shdk,
                Resident.sex,
                Resident.birth_date,
                Resident.phone,
                Resident.is_laid_off,
                Resident.is_formal_worker,
                Membership.status,
                Membership.segment,
                Membership.jkn_class,
                Membership.months_in_arrears,
            )
            .outerjoin(Membership, Membership.resident_id == Resident.id)
            .where(Resident.family_id.in_(chunk), Resident.life_status == codes.LIFE_ALIVE)
            .order_by(Resident.family_id, Resident.shdk, Resident.birth_date)
        )
        for row in rows:
            status = row.status or codes.STATUS_NOT_REGISTERED
            born: date = row.birth_date
            age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
            found[row.family_id].append(
                PlanMember(
                    row.id,
                    row.nik,
                    row.name,
                    row.shdk,
                    row.sex,
                    age,
                    status,
                    row.segment,
                    row.jkn_class,
                    row.months_in_arrears or 0,
                    row.phone,
                    targets.category_of(status, row.segment, row.is_laid_off, row.is_formal_worker),
                )
            )
    return found


def target_families(
    db: Database,
    assignment_id: int,
    today: date | None = None,
    allowed: set[int] | None = None,
) -> list[PlanFamily]:
    """The assignment's target families by the register, in plan order (by RT, then
    priority); `allowed` is the assignment's family ids when the caller has them."""
    today = today or clock.today()
    if allowed is None:
        with db.read() as session:
            get_assignment(session, assignment_id)
            allowed = assignment_family_ids(session, assignment_id)
    by_family: dict[int, PlanFamily] = {}
    for t in targets.list_targets(db, today=today):
        if t.family_id not in allowed:
            continue
        family = by_family.get(t.family_id)
        if family is None:
            family = by_family[t.family_id] = PlanFamily(
                t.family_id, t.no_kk, "", "", t.rt_id, t.dusun, t.rw, t.rt, t.priority, 0, ()
            )
        family.targets += 1
        family.priority = min(family.priority, t.priority)
        family.reasons = tuple(dict.fromkeys(family.reasons + t.reasons))
    ids = list(by_family)
    with db.read() as session:
        members = _members(session, ids, today)
        for begin in range(0, len(ids), 900):
            chunk = ids[begin : begin + 900]
            for fid, address in session.execute(
                select(Family.id, Family.address).where(Family.id.in_(chunk))
            ):
                by_family[fid].address = address
    for fid, family in by_family.items():
        family.members = members.get(fid, [])
        family.head_name = next(
            (m.name for m in family.members if m.shdk == codes.SHDK_HEAD),
            family.members[0].name if family.members else "",
        )
    return sorted(
        by_family.values(),
        key=lambda f: (f.dusun, f.rw, f.rt, f.priority, -f.targets, f.no_kk),
    )


def plan_families(
    db: Database, assignment_id: int, today: date | None = None
) -> tuple[list[PlanFamily], list[LeftOutFamily]]:
    """The families the sweep visits, and those it leaves out with the reason
    (`services.plan_scope`: moved, died, registered)."""
    with db.read() as session:
        choice = get_assignment(session, assignment_id)
        allowed = assignment_family_ids(session, assignment_id)
    families = target_families(db, assignment_id, today, allowed)
    with db.read() as session:
        return plan_scope.split_plan(session, families, allowed, choice.period_start)


def _group(families: list[PlanFamily]) -> list[PlanGroup]:
    groups: dict[int, PlanGroup] = {}
    for family in families:
        group = groups.get(family.rt_id)
        if group is None:
            group = groups[family.rt_id] = PlanGroup(family.rt_id, family.area_label)
        group.families.append(family)
    return list(groups.values())


def plan_view(db: Database, assignment_id: int, today: date | None = None) -> PlanView:
    """The plan as the page and the worksheet show it: targets, schedule, last visit, and
    the families left out. A scheduled date the family's latest visit already reached is
    history and is dropped; a revisit asked for at that visit is the next date instead."""
    today = today or clock.today()
    families, left_out = plan_families(db, assignment_id, today)
    ids = [f.family_id for f in families]
    with db.read() as session:
        choice = get_assignment(session, assignment_id)
        family_dates: dict[int, date] = {}
        rt_dates: dict[int, date] = {}
        for fid, rt_id, planned in session.execute(
            select(VisitPlan.family_id, VisitPlan.rt_id, VisitPlan.planned_on)
            .where(VisitPlan.assignment_id == assignment_id)
            .order_by(VisitPlan.planned_on)
        ):
            if fid is not None:
                family_dates.setdefault(fid, planned)
            elif rt_id is not None:
                rt_dates.setdefault(rt_id, planned)
        last: dict[int, tuple[date, str, date | None]] = {}
        for begin in range(0, len(ids), 900):
            chunk = ids[begin : begin + 900]
            # Imported here: services.visits imports this module (assignment_for_family).
            from pesiar_desktop.services.visits import latest_visits

            latest = latest_visits(chunk)
            for fid, visited, outcome, revisit in session.execute(
                select(Visit.family_id, Visit.visited_on, Visit.outcome, Visit.revisit_on).join(
                    latest, latest.c.vid == Visit.id
                )
            ):
                last[fid] = (visited, outcome, revisit)
    for family in families:
        day = family_dates.get(family.family_id) or rt_dates.get(family.rt_id)
        if family.family_id in last:
            visited, family.last_outcome, family.revisit_on = last[family.family_id]
            family.last_visit_on = visited
            if day is not None and visited >= day:
                day = None  # visited on or after the scheduled day: done
        family.planned_on = day
    groups = _group(families)
    for group in groups:
        day = rt_dates.get(group.rt_id)
        # The RT's day while one of its families still has it ahead.
        group.planned_on = day if any(f.planned_on == day for f in group.families) else None
    return PlanView(choice, groups, left_out)


def _next_workday(day: date) -> date:
    while day.weekday() == SUNDAY:
        day += timedelta(days=1)
    return day


def schedule(
    db: Database,
    actor: Actor,
    assignment_id: int,
    start: date,
    *,
    per_day: int = 5,
    mode: str = MODE_FAMILY,
    today: date | None = None,
) -> int:
    """Dates for the plan from `start`, `per_day` families a working day (Sundays off),
    RT after RT in plan order. Replaces the assignment's earlier schedule. Returns the
    number of VisitPlan rows written."""
    require(actor, "fieldwork.write")
    errors: dict[str, str] = {}
    if mode not in SCHEDULE_MODES:
        errors["mode"] = "Pilih jadwal per keluarga atau per RT."
    if not 1 <= per_day <= 100:
        errors["per_day"] = "Jumlah keluarga per hari antara 1 dan 100."
    if errors:
        raise ValidationError(errors)
    families, _left_out = plan_families(db, assignment_id, today)
    rows: list[dict[str, Any]] = []
    now = utcnow()
    day = _next_workday(start)
    used = 0
    for group in _group(families):
        if mode == MODE_RT:
            if used:  # a new RT starts on a new day
                day, used = _next_workday(day + timedelta(days=1)), 0
            rows.append(
                {
                    "assignment_id": assignment_id,
                    "family_id": None,
                    "rt_id": group.rt_id,
                    "planned_on": day,
                    "priority": min(f.priority for f in group.families),
                    "created_at": now,
                }
            )
        for family in group.families:
            if used == per_day:
                day, used = _next_workday(day + timedelta(days=1)), 0
            used += 1
            if mode == MODE_FAMILY:
                rows.append(
                    {
                        "assignment_id": assignment_id,
                        "family_id": family.family_id,
                        "rt_id": family.rt_id,
                        "planned_on": day,
                        "priority": family.priority,
                        "created_at": now,
                    }
                )
    with db.transaction() as session:
        choice = get_assignment(session, assignment_id)
        if start < choice.period_start - timedelta(days=31) or start > choice.period_end:
            raise ValidationError(
                {"start": "Tanggal mulai harus di dalam masa penugasan agen ini."}
            )
        result = session.execute(delete(VisitPlan).where(VisitPlan.assignment_id == assignment_id))
        removed = int(result.rowcount) if isinstance(result, CursorResult) else 0
        if rows:
            session.execute(insert(VisitPlan), rows)
        audit.record(
            session,
            actor,
            "visit_plan.schedule",
            "assignment",
            assignment_id,
            {"rows": removed} if removed else None,
            {
                "mode": mode,
                "start": start.isoformat(),
                "per_day": per_day,
                "families": len(families),
                "rows": len(rows),
                "last_day": day.isoformat() if rows else None,
            },
        )
    events.notify(events.Topic.VISIT_PLANS)
    return len(rows)


def export_worksheet(
    db: Database,
    actor: Actor,
    assignment_id: int,
    path: Path | str,
    *,
    kind: str = "pdf",
    today: date | None = None,
) -> Path:
    """The lembar kerja sisir as PDF (`kind="pdf"`) or workbook (`"xlsx"`), audited."""
    privacy.require_export(actor, db)
    plan = plan_view(db, assignment_id, today)
    masked = not privacy.can_see_full_nik(actor)
    # The writers (reportlab, xlsxwriter) load here: the Beranda imports this module.
    if kind == "xlsx":
        from pesiar_desktop.reports.worksheet_xlsx import write_worksheet_xlsx

        profile = village.get_profile(db)
        written = write_worksheet_xlsx(
            plan,
            path,
            masked=masked,
            village_title=profile.title if profile else "",
            printed_on=today or clock.today(),
        )
    else:
        from pesiar_desktop.reports.worksheet_pdf import write_worksheet_pdf

        paper = settings.read(db, settings.SETTINGS.paper)
        written = write_worksheet_pdf(
            plan,
            path,
            village.letterhead(db),
            paper=paper,
            masked=masked,
            printed_on=today or clock.today(),
        )
    people = sum(len(f.members) for f in plan.families)
    privacy.record_export(db, actor, f"worksheet_{kind}", people, str(written))
    return written
