"""Laporan: the monthly recap the BPJS branch receives (data side; writers in reports/).

`build_recap(db, month)` gathers everything for one month in plain rows:
- Rekap: one row per agent from `services.progress.agent_month_progress` (the same
  figures the fees use), plus a "tanpa agen" row when the office registered families
  itself, so the totals reconcile with the Pendaftaran sheet;
- Pendaftaran: one row per included member of the new PBPU registrations made in the
  month, neither cancelled nor expired (= the Rekap's "didaftarkan (jiwa)" total);
- Usulan & Laporan: PBI proposals and PPU BU employer reports of the month (passed on, not
  registered by the village, so never counted as "didaftarkan");
- Keaktifan: reactivations (arrears paid in full or through REHAB) started, paid towards
  or completed in the month (the Rekap's "diaktifkan kembali" = those completed in it);
- Kunjungan / Advokasi: the visits and events of the month;
- UHC per dusun and Segmen at the end of the month (the current register for the running
  month, the membership history for a past one);
- Sasaran: the Petakan targets still open, per dusun and RT.

The Pendaftaran columns (FDIP order) are chosen per BPJS branch and kept in the
`recap.columns` setting ({branch: [column keys]}).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.errors import NotFound, ValidationError
from pesiar_desktop.models import (
    AdvocacyEvent,
    Agent,
    ArrearsPayment,
    Assignment,
    AssignmentArea,
    Dusun,
    Family,
    FeePayment,
    Membership,
    MembershipHistory,
    Reactivation,
    ReactivationMember,
    Registration,
    RegistrationMember,
    Resident,
    Rt,
    Visit,
)
from pesiar_desktop.reportdata.dana_desa import DanaDesaData, FeeLine, FundingLine
from pesiar_desktop.reportdata.recap import (
    DEFAULT_COLUMNS,
    PENDAFTARAN_COLUMNS,
    DusunRow,
    EventRow,
    KeaktifanRow,
    PendaftaranRow,
    ProposalRow,
    RecapData,
    RekapRow,
    SegmentRow,
    VisitRow,
)
from pesiar_desktop.reports.dana_desa_xlsx import write_dana_desa_xlsx
from pesiar_desktop.reports.recap_pdf import write_recap_pdf
from pesiar_desktop.reports.recap_xlsx import write_recap_xlsx
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fw
from pesiar_desktop.services import audit, events, privacy, settings, targets, village
from pesiar_desktop.services.context import Actor, require
from pesiar_desktop.services.dashboard import coverage_history
from pesiar_desktop.services.progress import (
    NOT_COUNTED_STATUSES,
    RECRUITMENT_PATH,
    month_bounds,
    month_progress,
    parse_month,
)

DEFAULT_BRANCH = ""  # the columns used when no branch is named

NO_AGENT = "Tanpa agen (kantor desa)"

Report = Callable[[int, int, str], None]


# ---------------------------------------------------------------- column settings


def validate_columns(columns: Sequence[str]) -> list[str]:
    unknown = [c for c in columns if c not in PENDAFTARAN_COLUMNS]
    if unknown:
        raise ValidationError({"columns": f"Kolom tidak dikenal: {', '.join(unknown)}."})
    if not columns:
        raise ValidationError({"columns": "Pilih paling sedikit satu kolom."})
    if len(set(columns)) != len(columns):
        raise ValidationError({"columns": "Ada kolom yang dipilih dua kali."})
    return list(columns)


def _stored_columns(session: Session) -> dict[str, list[str]]:
    value = settings.get(session, settings.SETTINGS.recap_columns)
    return {k: [c for c in v if c in PENDAFTARAN_COLUMNS] for k, v in value.items()}


def branches(db: Database) -> list[str]:
    """Branch names with a saved column order (the default first when saved)."""
    with db.read() as session:
        return sorted(_stored_columns(session), key=lambda b: (b != DEFAULT_BRANCH, b.lower()))


def current_branch(db: Database) -> str:
    return settings.read(db, settings.SETTINGS.recap_branch) or DEFAULT_BRANCH


def columns_for(db: Database, branch: str | None = None) -> list[str]:
    """The saved order for `branch` (the current branch when None), else the default one."""
    with db.read() as session:
        if branch is None:
            branch = settings.get(session, settings.SETTINGS.recap_branch) or DEFAULT_BRANCH
        stored = _stored_columns(session)
    return stored.get(branch.strip()) or stored.get(DEFAULT_BRANCH) or list(DEFAULT_COLUMNS)


def save_columns(db: Database, actor: Actor, branch: str, columns: Sequence[str]) -> None:
    """Keep the Pendaftaran column order for a branch and make it the current branch.

    Whoever may export the recap may arrange its columns (no admin needed)."""
    require(actor, "personal.export")
    chosen = validate_columns(columns)
    branch = " ".join(branch.split())
    if len(branch) > 80:
        raise ValidationError({"branch": "Nama kantor cabang terlalu panjang (maks. 80 huruf)."})
    with db.transaction() as session:
        stored = _stored_columns(session)
        before = stored.get(branch)
        stored[branch] = chosen
        settings.write(session, settings.SETTINGS.recap_columns, stored)
        settings.write(session, settings.SETTINGS.recap_branch, branch)
        audit.record(
            session,
            actor,
            "recap.columns",
            "setting",
            settings.SETTINGS.recap_columns.key,
            {"branch": branch, "columns": before},
            {"branch": branch, "columns": chosen},
        )
    events.notify(events.Topic.SETTINGS)


# ---------------------------------------------------------------- gathering


def _in(column: Any, first: date, last: date) -> Any:
    return and_(column >= first, column <= last)


def rt_ranges(rts: Sequence[str]) -> str:
    """'001–005, 008, 010–011': consecutive RT numbers as ranges (codes kept as written)."""
    numbered = sorted({rt for rt in rts if rt.isdigit()}, key=lambda rt: int(rt))
    parts: list[str] = []
    start = end = None
    for rt in numbered:
        if end is not None and int(rt) == int(end) + 1:
            end = rt
            continue
        if start is not None:
            parts.append(start if start == end else f"{start}–{end}")
        start = end = rt
    if start is not None:
        parts.append(start if start == end else f"{start}–{end}")
    parts.extend(sorted(rt for rt in set(rts) if not rt.isdigit()))
    return ", ".join(parts)


def _assignment_areas(session: Session, assignment_ids: set[int]) -> dict[int, str]:
    """'Krajan; Timur RT 001–004, 007' per assignment: a dusun given whole (or with all its
    RTs) by its name, otherwise its RTs as ranges, so a long area stays one short line."""
    if not assignment_ids:
        return {}
    rts_in_dusun: dict[str, int] = {
        name: int(count)
        for name, count in session.execute(
            select(Dusun.name, func.count(Rt.id))
            .join(Rt, Rt.dusun_id == Dusun.id)
            .group_by(Dusun.name)
        )
    }
    found: dict[int, dict[str, list[str] | None]] = {}
    for assignment_id, dusun, rt in session.execute(
        select(AssignmentArea.assignment_id, Dusun.name, Rt.rt)
        .join(Dusun, Dusun.id == AssignmentArea.dusun_id)
        .outerjoin(Rt, Rt.id == AssignmentArea.rt_id)
        .where(AssignmentArea.assignment_id.in_(assignment_ids))
        .order_by(Dusun.name, Rt.rw, Rt.rt)
    ):
        areas = found.setdefault(assignment_id, {})
        if rt is None:
            areas[dusun] = None  # the whole dusun
        elif areas.get(dusun, []) is not None:
            areas.setdefault(dusun, [])
            listed = areas[dusun]
            assert listed is not None
            listed.append(rt)

    def label(dusun: str, rts: list[str] | None) -> str:
        if rts is None or len(set(rts)) >= rts_in_dusun.get(dusun, 0) > 0:
            return dusun
        return f"{dusun} RT {rt_ranges(rts)}"

    return {
        aid: "; ".join(label(d, rts) for d, rts in by_dusun.items())
        for aid, by_dusun in found.items()
    }


def rekap_rows(session: Session, month: date) -> list[RekapRow]:
    """Per agent (services.progress), then the office's own work when there is any."""
    first, last = month_bounds(month)
    month_figures = month_progress(session, first)
    progress = month_figures.agents
    areas = _assignment_areas(session, {p.assignment_id for p in progress if p.assignment_id})
    rows = [
        RekapRow(
            agent_id=p.agent_id,
            name=p.agent_name,
            area=areas.get(p.assignment_id, "") if p.assignment_id else "",
            target_people=p.target_people,
            paid_people=p.paid_people,
            target_families=p.target_families,
            paid_families=p.paid_families,
            visits=p.visits,
            families_visited=p.families_visited,
            advocacy_events=p.advocacy_events,
            registered_people=p.registered_people,
            registered_families=p.registered_families,
            unpaid_families=p.unpaid_registrations,
            reactivated_people=p.reactivated_people,
            reactivated_families=p.reactivated_families,
        )
        for p in progress
    ]
    office = month_figures.office
    if office is not None:
        rows.append(
            RekapRow(
                agent_id=None,
                name=NO_AGENT,
                area="",
                target_people=0,
                paid_people=office.paid_people,
                target_families=0,
                paid_families=office.paid_families,
                visits=office.visits,
                families_visited=office.families_visited,
                advocacy_events=office.advocacy_events,
                registered_people=office.registered_people,
                registered_families=office.registered_families,
                unpaid_families=office.unpaid_registrations,
                reactivated_people=office.reactivated_people,
                reactivated_families=office.reactivated_families,
            )
        )
    return rows


def _people_registered_in(first: date, last: date, *columns: Any) -> Any:
    """SELECT `columns` over the included members of the registrations made between `first`
    and `last` and still counted (neither cancelled nor expired), with their family, RT,
    dusun and agent joined; every path (the callers pick theirs)."""
    return (
        select(*columns)
        .select_from(RegistrationMember)
        .join(Registration, Registration.id == RegistrationMember.registration_id)
        .join(Resident, Resident.id == RegistrationMember.resident_id)
        .join(Family, Family.id == Registration.family_id)
        .join(Rt, Rt.id == Family.rt_id)
        .join(Dusun, Dusun.id == Rt.dusun_id)
        .outerjoin(Agent, Agent.id == Registration.agent_id)
        .where(
            RegistrationMember.included.is_(True),
            _in(Registration.registered_on, first, last),
            Registration.status.not_in(NOT_COUNTED_STATUSES),
        )
    )


def pendaftaran_rows(session: Session, month: date) -> list[PendaftaranRow]:
    """The month's new PBPU registrations, one row per included member (the Rekap's
    "didaftarkan" figure: neither cancelled nor expired, `services.progress` rules)."""
    first, last = month_bounds(month)
    query = (
        _people_registered_in(
            first,
            last,
            Registration.id,
            Family.no_kk,
            Resident.nik,
            Resident.name,
            Resident.shdk,
            Resident.sex,
            Resident.birth_place,
            Resident.birth_date,
            Family.address,
            Rt.rw,
            Rt.rt,
            Dusun.name,
            Membership.fktp_code,
            RegistrationMember.jkn_class,
            Resident.phone,
            Registration.path,
            Registration.registered_on,
            Registration.va_number,
            Registration.paid_on,
            Agent.name,
            Registration.status,
            RegistrationMember.monthly_premium,
        )
        .outerjoin(Membership, Membership.resident_id == Resident.id)
        # A NIK to fix leaves the office in no list (never registered with one; only a
        # NIK flagged since then could be here).
        .where(Registration.path == RECRUITMENT_PATH, Resident.nik_problem.is_(None))
        .order_by(Registration.registered_on, Registration.id, Resident.shdk, Resident.birth_date)
    )
    rows: list[PendaftaranRow] = []
    append = rows.append
    path_segment = fw.PATH_SEGMENT
    for (
        reg_id,
        no_kk,
        nik,
        name,
        shdk,
        sex,
        birth_place,
        birth_date,
        address,
        rw,
        rt,
        dusun,
        fktp,
        jkn_class,
        phone,
        path,
        registered_on,
        va,
        paid_on,
        agent,
        reg_status,
        premium,
    ) in session.connection().execute(query).all():  # Core rows: no ORM result layer
        append(
            PendaftaranRow(
                reg_id,
                no_kk,
                nik,
                name,
                shdk,
                sex,
                birth_place or "",
                birth_date,
                address or "",
                rw,
                rt,
                dusun,
                fktp or "",
                jkn_class,
                phone or "",
                # The registration path's segment (what was registered), as a code.
                str(path_segment.get(path, path)),
                registered_on,
                va or "",
                paid_on,
                agent or "",
                reg_status,
                int(premium or 0),
                path,
            )
        )
    return rows


def proposal_rows(session: Session, month: date) -> list[ProposalRow]:
    """PBI proposals and PPU BU employer reports made in the month (not cancelled or
    expired), one row per included member, by path then date."""
    first, last = month_bounds(month)
    return [
        ProposalRow(
            reg_id,
            path,
            no_kk,
            nik,
            name,
            sex,
            born,
            dusun,
            rt,
            rw,
            on,
            status,
            agent or NO_AGENT,
            employer or "",
        )  # fmt: skip
        for reg_id, path, no_kk, nik, name, sex, born, dusun, rt, rw, on, status, agent, employer in (
            session.execute(
                _people_registered_in(
                    first,
                    last,
                    Registration.id,
                    Registration.path,
                    Family.no_kk,
                    Resident.nik,
                    Resident.name,
                    Resident.sex,
                    Resident.birth_date,
                    Dusun.name,
                    Rt.rt,
                    Rt.rw,
                    Registration.registered_on,
                    Registration.status,
                    Agent.name,
                    Registration.employer_name,
                )
                .where(Registration.path != RECRUITMENT_PATH, Resident.nik_problem.is_(None))
                .order_by(
                    Registration.path,  # PBI_PROPOSAL, then PPU_BU_REPORT
                    Registration.registered_on,
                    Registration.id,
                    Resident.shdk,
                    Resident.birth_date,
                )
            )
        )
    ]


def keaktifan_rows(session: Session, month: date) -> list[KeaktifanRow]:
    """Reactivations (not cancelled) started, paid towards or completed in the month, with
    their money up to the month's end; a completion after the month does not show yet."""
    first, last = month_bounds(month)
    valid = ArrearsPayment.status == fw.PAYMENT_VALID
    paid_in_month = (
        select(func.sum(ArrearsPayment.amount))
        .where(
            ArrearsPayment.reactivation_id == Reactivation.id,
            valid,
            _in(ArrearsPayment.paid_on, first, last),
        )
        .scalar_subquery()
    )
    paid_to_end = (
        select(func.sum(ArrearsPayment.amount))
        .where(
            ArrearsPayment.reactivation_id == Reactivation.id, valid, ArrearsPayment.paid_on <= last
        )
        .scalar_subquery()
    )
    people = (
        select(func.count(ReactivationMember.id))
        .where(ReactivationMember.reactivation_id == Reactivation.id)
        .scalar_subquery()
    )
    found = session.execute(
        select(
            Reactivation,
            Family.no_kk,
            Dusun.name,
            Rt.rt,
            Rt.rw,
            Agent.name,
            people,
            paid_in_month,
            paid_to_end,
        )
        .join(Family, Family.id == Reactivation.family_id)
        .join(Rt, Rt.id == Family.rt_id)
        .join(Dusun, Dusun.id == Rt.dusun_id)
        .outerjoin(Agent, Agent.id == Reactivation.agent_id)
        .where(
            Reactivation.status != fw.REACTIVATION_CANCELLED,
            Reactivation.started_on <= last,
            _in(Reactivation.started_on, first, last)
            | _in(Reactivation.completed_on, first, last)
            | (paid_in_month > 0),
        )
        .order_by(Reactivation.started_on, Reactivation.id)
    ).all()
    heads = _heads(session, {r.family_id for r, *_rest in found})
    return [
        KeaktifanRow(
            r.id,
            no_kk,
            heads.get(r.family_id, ""),
            dusun,
            rt,
            rw,
            agent or NO_AGENT,
            r.kind,
            r.instalments,
            int(count or 0),
            r.months_counted,
            r.amount_owed,
            int(in_month or 0),
            int(to_end or 0),
            r.started_on,
            r.completed_on if r.completed_on is not None and r.completed_on <= last else None,
        )
        for r, no_kk, dusun, rt, rw, agent, count, in_month, to_end in found
    ]


def _heads(session: Session, family_ids: set[int] | Select[Any]) -> dict[int, str]:
    """The head's name per family: `family_ids` as a set (asked in IN lists of 900), or as
    a SELECT of them (one query: 20,000 visited families in 0.04 s instead of 0.11 s)."""
    if isinstance(family_ids, Select):
        chunks: list[Any] = [family_ids]
    else:
        ids = sorted(family_ids)
        chunks = [ids[start : start + 900] for start in range(0, len(ids), 900)]
    heads: dict[int, str] = {}
    connection = session.connection()
    for chunk in chunks:
        for family_id, name in connection.execute(
            select(Resident.family_id, Resident.name)
            .where(Resident.family_id.in_(chunk), Resident.shdk == codes.SHDK_HEAD)
            .order_by(Resident.life_status, Resident.id)
        ):
            heads.setdefault(family_id, name)
    return heads


def visit_rows(session: Session, month: date) -> list[VisitRow]:
    first, last = month_bounds(month)
    connection = session.connection()  # Core rows: no ORM result layer
    found = connection.execute(
        select(
            Visit.visited_on,
            Agent.name,
            Family.id,
            Family.no_kk,
            Dusun.name,
            Rt.rw,
            Rt.rt,
            Visit.outcome,
            Visit.refusal_reason,
            Visit.revisit_on,
            Visit.topics,
            Visit.note,
        )
        .join(Family, Family.id == Visit.family_id)
        .join(Rt, Rt.id == Family.rt_id)
        .join(Dusun, Dusun.id == Rt.dusun_id)
        .outerjoin(Agent, Agent.id == Visit.agent_id)
        .where(_in(Visit.visited_on, first, last))
        .order_by(Visit.visited_on, Visit.id)
    ).all()
    heads = _heads(session, select(Visit.family_id).where(_in(Visit.visited_on, first, last)))
    # A few distinct topic lists among thousands of visits: each labelled once.
    labels: dict[str, str] = {}

    def topic_labels(text: str) -> str:
        label = labels.get(text)
        if label is None:
            label = labels[text] = fw.topic_labels(text)
        return label

    return [
        VisitRow(
            on,
            agent or NO_AGENT,
            no_kk,
            heads.get(family_id, ""),
            dusun,
            rw,
            rt,
            fw.VISIT_OUTCOMES.get(outcome, outcome),
            fw.REFUSAL_REASONS.get(refusal, refusal) if refusal else "",
            revisit,
            topic_labels(topics or ""),
            note or "",
        )
        for on, agent, family_id, no_kk, dusun, rw, rt, outcome, refusal, revisit, topics, note in (
            found
        )
    ]


def event_rows(session: Session, month: date) -> list[EventRow]:
    first, last = month_bounds(month)
    return [
        EventRow(
            on,
            fw.ADVOCACY_KINDS.get(kind, kind),
            place or "",
            audience or "",
            int(participants or 0),
            fw.topic_labels(topics or ""),
            agent or NO_AGENT,
            note or "",
        )
        for on, kind, place, audience, participants, topics, agent, note in session.execute(
            select(
                AdvocacyEvent.held_on,
                AdvocacyEvent.kind,
                AdvocacyEvent.place,
                AdvocacyEvent.audience,
                AdvocacyEvent.participants,
                AdvocacyEvent.topics,
                Agent.name,
                AdvocacyEvent.note,
            )
            .outerjoin(Agent, Agent.id == AdvocacyEvent.agent_id)
            .where(_in(AdvocacyEvent.held_on, first, last))
            .order_by(AdvocacyEvent.held_on, AdvocacyEvent.id)
        )
    ]


def dusun_rows(session: Session, as_of: date | None) -> list[DusunRow]:
    """Population, KK, registered and active per dusun: now (None) or at the end of a day
    in the past (from the membership history)."""
    if as_of is not None:
        series = coverage_history(session, [as_of], by_dusun=True)
        families = _families_by_dusun(session, as_of)
        return [
            DusunRow(
                name,
                points[0].living,
                families.get(name, 0),
                points[0].registered,
                points[0].active,
            )
            for name, points in sorted(series.items())
            if name
        ]
    alive = Resident.life_status == codes.LIFE_ALIVE
    registered = Membership.status.in_(codes.REGISTERED_STATUSES)
    active = Membership.status == codes.STATUS_ACTIVE
    return [
        DusunRow(name, int(people), int(kk), int(reg or 0), int(act or 0))
        for name, people, kk, reg, act in session.execute(
            select(
                Dusun.name,
                func.count(Resident.id),
                func.count(func.distinct(Resident.family_id)),
                func.sum(case((registered, 1), else_=0)),
                func.sum(case((active, 1), else_=0)),
            )
            .select_from(Resident)
            .join(Family, Family.id == Resident.family_id)
            .join(Rt, Rt.id == Family.rt_id)
            .join(Dusun, Dusun.id == Rt.dusun_id)
            .outerjoin(Membership, Membership.resident_id == Resident.id)
            .where(alive)
            .group_by(Dusun.name)
            .order_by(Dusun.name)
        )
    ]


def segment_rows(session: Session, as_of: date | None) -> list[SegmentRow]:
    """Registered and active living residents per dusun and segment: now (None) or at the end
    of a past day, by the same rule as `dusun_rows` (a resident's latest membership snapshot
    on or before the day; without history, the current membership if it held by then)."""
    registered_statuses = codes.REGISTERED_STATUSES
    counts: dict[tuple[str, str], list[int]] = {}

    def add(dusun: str, segment: str | None, status: str, people: int = 1) -> None:
        if status not in registered_statuses:
            return
        entry = counts.setdefault((dusun, segment or ""), [0, 0])
        entry[0] += people
        if status == codes.STATUS_ACTIVE:
            entry[1] += people

    place = (
        select(Resident.id, Dusun.name)
        .join(Family, Family.id == Resident.family_id)
        .join(Rt, Rt.id == Family.rt_id)
        .join(Dusun, Dusun.id == Rt.dusun_id)
    )
    if as_of is None:
        # Counted in SQL per (dusun, segment, status): ~100,000 rows fetched one by one
        # took 0.6 s; the grouped rows are a few dozen. `+ 0` keeps SQLite off the
        # (life_status, name_sort) index (see targets._scan): 0.42 s -> 0.09 s.
        for dusun, segment, status, n in session.connection().execute(
            select(Dusun.name, Membership.segment, Membership.status, func.count())
            .select_from(Resident)
            .join(Membership, Membership.resident_id == Resident.id)
            .join(Family, Family.id == Resident.family_id)
            .join(Rt, Rt.id == Family.rt_id)
            .join(Dusun, Dusun.id == Rt.dusun_id)
            .where(
                Resident.life_status + 0 == codes.LIFE_ALIVE,
                Membership.status.in_(registered_statuses),
            )
            .group_by(Dusun.name, Membership.segment, Membership.status)
        ):
            add(dusun, segment, status, int(n))
    else:
        living = (
            (Resident.life_status == codes.LIFE_ALIVE) | (Resident.life_status_date > as_of)
        ) & (func.coalesce(Resident.arrived_on, Resident.birth_date) <= as_of)
        dusun_of: dict[int, str] = {rid: name for rid, name in session.execute(place.where(living))}
        latest: dict[int, tuple[str | None, str]] = {}
        for rid, segment, status in session.execute(
            select(MembershipHistory.resident_id, MembershipHistory.segment,
                   MembershipHistory.status)
            .where(MembershipHistory.as_of <= as_of)
            .order_by(MembershipHistory.resident_id, MembershipHistory.as_of, MembershipHistory.id)
        ):  # fmt: skip
            latest[rid] = (segment, status)
        with_history = set(
            session.scalars(select(func.distinct(MembershipHistory.resident_id))).all()
        )
        for rid, segment, status in session.execute(
            select(Membership.resident_id, Membership.segment, Membership.status).where(
                Membership.as_of <= as_of
            )
        ):
            if rid not in with_history:
                latest[rid] = (segment, status)
        for rid, (segment, status) in latest.items():
            if rid in dusun_of:
                add(dusun_of[rid], segment, status)
    return [
        SegmentRow(dusun, segment, registered, active)
        for (dusun, segment), (registered, active) in sorted(counts.items())
    ]


def _families_by_dusun(session: Session, as_of: date) -> dict[str, int]:
    """Families with a member living on `as_of`, per dusun."""
    living = (Resident.life_status == codes.LIFE_ALIVE) | (Resident.life_status_date > as_of)
    return {
        name: int(n)
        for name, n in session.execute(
            select(Dusun.name, func.count(func.distinct(Resident.family_id)))
            .select_from(Resident)
            .join(Family, Family.id == Resident.family_id)
            .join(Rt, Rt.id == Family.rt_id)
            .join(Dusun, Dusun.id == Rt.dusun_id)
            .where(living, func.coalesce(Resident.arrived_on, Resident.birth_date) <= as_of)
            .group_by(Dusun.name)
        )
    }


def build_recap(
    db: Database,
    month: date | str,
    *,
    columns: Sequence[str] | None = None,
    branch: str | None = None,
    masked: bool = False,
    today: date | None = None,
    report: Report | None = None,
) -> RecapData:
    """Everything the recap shows for one month, as plain rows."""
    first = parse_month(month) if isinstance(month, str) else month.replace(day=1)
    _first, last = month_bounds(first)
    today = today or clock.today()
    profile = village.get_profile(db)
    if profile is None:
        raise NotFound("Profil desa belum diisi: lakukan penyiapan awal dulu.")
    if branch is None:
        branch = current_branch(db)
    chosen = validate_columns(columns) if columns is not None else columns_for(db, branch)
    step = _stepper(report, 7)
    with db.read() as session:
        step("Rekap per agen")
        rekap = rekap_rows(session, first)
        step("Daftar pendaftaran")
        pendaftaran = pendaftaran_rows(session, first)
        proposals = proposal_rows(session, first)
        keaktifan = keaktifan_rows(session, first)
        step("Kunjungan")
        visits = visit_rows(session, first)
        step("Advokasi")
        held = event_rows(session, first)
        step("Cakupan per dusun")
        from_history = last < today
        uhc_as_of = last if from_history else today
        dusun = dusun_rows(session, last if from_history else None)
        segments = segment_rows(session, last if from_history else None)
    step("Sasaran")
    areas = targets.area_summary(db, today)
    return RecapData(
        profile=profile,
        month=first,
        month_end=last,
        generated_on=today,
        uhc_as_of=uhc_as_of,
        uhc_from_history=from_history,
        rekap=rekap,
        pendaftaran=pendaftaran,
        visits=visits,
        events=held,
        dusun=dusun,
        targets=areas,
        proposals=proposals,
        keaktifan=keaktifan,
        segments=segments,
        columns=chosen,
        branch=branch,
        masked=masked,
        audit_head=_audit_head_text(db),
    )


def _audit_head_text(db: Database) -> str:
    head = db.chain_head()
    return f"{head.count} entri, {(head.last_hash or '-')[:32]}"


def _stepper(report: Report | None, total: int) -> Callable[[str], None]:
    state = {"done": 0}

    def step(text: str) -> None:
        if report is not None:
            report(state["done"], total, text)
        state["done"] += 1

    return step


# ---------------------------------------------------------------- exports


def _atomic_target(out: Path | str) -> tuple[Path, Path]:
    """A temporary file beside `out`: a cancelled or failed export leaves no half file."""
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".recap-", suffix=target.suffix, dir=target.parent)
    os.close(handle)
    return target, Path(name)


def _finish(temporary: Path, target: Path) -> None:
    os.replace(temporary, target)


def export_recap_xlsx(
    db: Database,
    actor: Actor,
    month: date | str,
    out: Path | str,
    *,
    columns: Sequence[str] | None = None,
    branch: str | None = None,
    today: date | None = None,
    report: Report | None = None,
) -> RecapData:
    """The recap workbook (it lists NIKs: needs `personal.export`; the export is audited)."""
    privacy.require_export(actor, db)
    data = build_recap(
        db,
        month,
        columns=columns,
        branch=branch,
        masked=not privacy.can_see_full_nik(actor),
        today=today,
        report=report,
    )
    target, temporary = _atomic_target(out)
    try:
        if report is not None:
            report(6, 7, "Menulis buku kerja")
        write_recap_xlsx(data, temporary, paper=settings.read(db, settings.SETTINGS.paper))
        _finish(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    privacy.record_export(db, actor, "recap", len(data.pendaftaran), str(target))
    if report is not None:
        report(7, 7, "Selesai")
    return data


def export_recap_pdf(
    db: Database,
    actor: Actor,
    month: date | str,
    out: Path | str,
    *,
    today: date | None = None,
    data: RecapData | None = None,
) -> RecapData:
    """The Rekap sheet as a landscape PDF for the kepala desa to sign (no resident data)."""
    if data is None:
        data = build_recap(db, month, today=today, masked=not privacy.can_see_full_nik(actor))
    letterhead = village.letterhead(db)
    target, temporary = _atomic_target(out)
    try:
        paper = settings.read(db, settings.SETTINGS.paper)
        write_recap_pdf(data, temporary, letterhead, paper=paper)
        _finish(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    with db.transaction() as session:
        audit.record(
            session,
            actor,
            "export",
            "report",
            "recap_pdf",
            after={"month": f"{data.month:%Y-%m}", "target": str(target)},
        )
    return data


# ---------------------------------------------------------------- Dana Desa realisation


def dana_desa_rows(session: Session, year: int) -> list[FundingLine]:
    """Assignments overlapping the year, grouped by APBDes funding line; fees paid per month
    (a FeePayment with a payment date) against each assignment's budget."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    assignments = session.execute(
        select(Assignment, Agent.name)
        .join(Agent, Agent.id == Assignment.agent_id)
        .where(Assignment.period_start <= last, Assignment.period_end >= first)
        .order_by(Assignment.apbdes_code, Agent.name, Assignment.period_start, Assignment.id)
    ).all()
    ids = [a.id for a, _name in assignments]
    monthly: dict[int, list[int]] = {i: [0] * 12 for i in ids}
    before: dict[int, int] = dict.fromkeys(ids, 0)
    unpaid: dict[int, int] = dict.fromkeys(ids, 0)
    counted: dict[int, list[int]] = {i: [0, 0, 0] for i in ids}  # new, reactivated, incentive
    if ids:
        for assignment_id, month, total, paid_on, people, back, back_fee in session.execute(
            select(
                FeePayment.assignment_id,
                FeePayment.month,
                FeePayment.total,
                FeePayment.paid_on,
                FeePayment.people_paid,
                FeePayment.people_reactivated,
                FeePayment.reactivation_incentive,
            ).where(FeePayment.assignment_id.in_(ids), FeePayment.month <= f"{year}-12")
        ):
            fee_year, fee_month = int(month[:4]), int(month[5:7])
            if paid_on is None:
                if fee_year == year:
                    unpaid[assignment_id] += int(total)
            elif fee_year < year:
                before[assignment_id] += int(total)
            else:
                monthly[assignment_id][fee_month - 1] += int(total)
                figures = counted[assignment_id]
                figures[0] += int(people or 0)
                figures[1] += int(back or 0)
                figures[2] += int(back_fee or 0)
    lines: dict[tuple[str, str], list[FeeLine]] = {}
    for assignment, name in assignments:
        key = (assignment.apbdes_code or "", assignment.apbdes_name or "")
        lines.setdefault(key, []).append(
            FeeLine(
                assignment.id,
                name,
                assignment.period_start,
                assignment.period_end,
                int(assignment.budget or 0),
                tuple(monthly[assignment.id]),
                before[assignment.id],
                unpaid[assignment.id],
                *counted[assignment.id],
            )
        )
    return [FundingLine(code, name, rows) for (code, name), rows in lines.items()]


def export_dana_desa_xlsx(
    db: Database, actor: Actor, year: int, out: Path | str, *, today: date | None = None
) -> DanaDesaData:
    """Fees paid per agent against the Dana Desa budget, per funding line (no NIKs; agent
    names and amounts: the treasurer's and the BPD's report)."""
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": f"Tahun {year} tidak masuk akal."})
    profile = village.get_profile(db)
    if profile is None:
        raise NotFound("Profil desa belum diisi: lakukan penyiapan awal dulu.")
    with db.read() as session:
        funding = dana_desa_rows(session, year)
    data = DanaDesaData(profile, year, today or clock.today(), funding)
    target, temporary = _atomic_target(out)
    try:
        write_dana_desa_xlsx(data, temporary)
        _finish(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    with db.transaction() as session:
        audit.record(
            session,
            actor,
            "export",
            "report",
            "dana_desa",
            after={"year": year, "target": str(target)},
        )
    return data
