"""Agent progress per month: the one definition the fees, the recap and the pages share.

Counting rules (so every report agrees):
- *registered* (jiwa / KK, rekrutmen): new PBPU registrations whose `registered_on` falls in
  the month and that were neither cancelled nor left to expire; jiwa = included members,
  KK = registrations (one per family). PBI proposals and PPU BU employer reports are not
  registrations the village makes: they are counted on their own (`proposals_people`,
  `employer_report_people`), never as "didaftarkan".
- *paid* (jiwa / KK): new PBPU registrations whose first premium was paid in the month
  (`paid_on`), whatever month they were registered in — the figure the agents' target and
  the fees are paid on.
- *reactivated* (jiwa / KK, keaktifan): reactivations completed in the month (arrears paid in
  full or the last REHAB instalment paid), credited to the agent of the family's area when it
  started. Never part of the registered or paid figures.
- *unpaid*: registrations made in the month still waiting for the first payment
  (submitted or VA issued; expired and cancelled ones are not waiting any more).
- visits, families visited and advocacy events are counted by the date they happened.
An agent appears when an assignment of theirs overlaps the month or when they have any
of the above in it. Targets come from that assignment (the latest one starting in or
before the month); an agent with activity but no assignment has targets of zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, case, distinct, func, select
from sqlalchemy.orm import Session

from pesiar_desktop.errors import ValidationError
from pesiar_desktop.models import (
    AdvocacyEvent,
    Agent,
    Assignment,
    Reactivation,
    ReactivationMember,
    Registration,
    RegistrationMember,
    Visit,
)
from pesiar_desktop.rules import fieldwork_codes as fw

WAITING_STATUSES = ("submitted", "va_issued")
NOT_COUNTED_STATUSES = (fw.STATUS_CANCELLED, fw.STATUS_EXPIRED)
RECRUITMENT_PATH = fw.PATH_PBPU  # the only path that makes new members the village recruits


@dataclass(frozen=True)
class AgentMonth:
    agent_id: int | None  # None: work recorded without an agent (the office's own)
    agent_name: str
    assignment_id: int | None
    target_people: int
    target_families: int
    registered_people: int
    registered_families: int
    paid_people: int
    paid_families: int
    unpaid_registrations: int
    visits: int
    families_visited: int
    advocacy_events: int
    reactivated_people: int = 0
    reactivated_families: int = 0
    proposals_people: int = 0  # PBI proposals made in the month (jiwa)
    employer_report_people: int = 0  # workers reported to BPJS as unregistered by employers

    @property
    def target_met(self) -> bool:
        """The programme's target reads "35 jiwa *or* 13 KK" of paid new members."""
        if not (self.target_people or self.target_families):
            return False
        return (self.target_people > 0 and self.paid_people >= self.target_people) or (
            self.target_families > 0 and self.paid_families >= self.target_families
        )

    @property
    def people_pct(self) -> float:
        return 100.0 * self.paid_people / self.target_people if self.target_people else 0.0

    @property
    def families_pct(self) -> float:
        return 100.0 * self.paid_families / self.target_families if self.target_families else 0.0


def included_members() -> Any:
    """(registration_id, n): the people a registration covers (members left out excluded)."""
    return (
        select(RegistrationMember.registration_id, func.count().label("n"))
        .where(RegistrationMember.included.is_(True))
        .group_by(RegistrationMember.registration_id)
        .subquery()
    )


def parse_month(text: str) -> date:
    """ "2026-11" → date(2026, 11, 1); an Indonesian error for anything else."""
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValidationError(
            {"month": f"Bulan '{text}' tidak dikenali: tulis sebagai TTTT-BB, misalnya 2026-11."}
        )
    return date(int(match.group(1)), int(match.group(2)), 1)


def month_bounds(month: date) -> tuple[date, date]:
    """First and last day of the month containing `month`."""
    first = month.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def reactivated_in(first: date, last: date) -> Any:
    """(agent_id, jiwa, KK) of the reactivations completed between `first` and `last`."""
    people = (
        select(ReactivationMember.reactivation_id, func.count().label("n"))
        .group_by(ReactivationMember.reactivation_id)
        .subquery()
    )
    return (
        select(
            Reactivation.agent_id,
            func.coalesce(func.sum(people.c.n), 0),
            func.count(Reactivation.id),
        )
        .outerjoin(people, people.c.reactivation_id == Reactivation.id)
        .where(
            Reactivation.status == fw.REACTIVATION_COMPLETED,
            Reactivation.completed_on >= first,
            Reactivation.completed_on <= last,
        )
        .group_by(Reactivation.agent_id)
    )


def _counts(session: Session, statement: Any) -> dict[int | None, tuple[int, ...]]:
    return {row[0]: tuple(int(v or 0) for v in row[1:]) for row in session.execute(statement)}


def agent_month_progress(session: Session, month: date) -> list[AgentMonth]:
    """Per-agent figures for the month containing `month`, ordered by agent name."""
    return month_progress(session, month).agents


@dataclass(frozen=True)
class MonthProgress:
    agents: list[AgentMonth]
    office: AgentMonth | None  # work recorded without an agent, if there was any


def month_progress(session: Session, month: date) -> MonthProgress:
    """Per-agent figures, plus the same figures for work recorded without an agent."""
    first, last = month_bounds(month)

    def in_month(column: Any) -> Any:
        return and_(column >= first, column <= last)

    members = included_members()
    people = func.coalesce(func.sum(members.c.n), 0)
    recruitment = Registration.path == RECRUITMENT_PATH
    made_in_month = and_(
        in_month(Registration.registered_on), Registration.status.not_in(NOT_COUNTED_STATUSES)
    )
    registered = _counts(
        session,
        select(Registration.agent_id, people, func.count(Registration.id))
        .outerjoin(members, members.c.registration_id == Registration.id)
        .where(recruitment, made_in_month)
        .group_by(Registration.agent_id),
    )
    paid = _counts(
        session,
        select(Registration.agent_id, people, func.count(Registration.id))
        .outerjoin(members, members.c.registration_id == Registration.id)
        .where(recruitment, in_month(Registration.paid_on))
        .group_by(Registration.agent_id),
    )
    unpaid = _counts(
        session,
        select(Registration.agent_id, func.count(Registration.id))
        .where(
            recruitment,
            in_month(Registration.registered_on),
            Registration.status.in_(WAITING_STATUSES),
        )
        .group_by(Registration.agent_id),
    )
    other_paths = _counts(
        session,
        select(
            Registration.agent_id,
            func.coalesce(
                func.sum(case((Registration.path == fw.PATH_PBI_PROPOSAL, members.c.n))), 0
            ),
            func.coalesce(
                func.sum(case((Registration.path == fw.PATH_PPU_BU_REPORT, members.c.n))), 0
            ),
        )
        .outerjoin(members, members.c.registration_id == Registration.id)
        .where(~recruitment, made_in_month)
        .group_by(Registration.agent_id),
    )
    reactivated = _counts(session, reactivated_in(first, last))
    visits = _counts(
        session,
        select(Visit.agent_id, func.count(Visit.id), func.count(distinct(Visit.family_id)))
        .where(in_month(Visit.visited_on))
        .group_by(Visit.agent_id),
    )
    events = _counts(
        session,
        select(AdvocacyEvent.agent_id, func.count(AdvocacyEvent.id))
        .where(in_month(AdvocacyEvent.held_on))
        .group_by(AdvocacyEvent.agent_id),
    )

    # The assignment that governs the month: overlapping it, the latest start wins.
    assignment_of: dict[int, Assignment] = {}
    for assignment in session.scalars(
        select(Assignment)
        .where(Assignment.period_start <= last, Assignment.period_end >= first)
        .order_by(Assignment.period_start, Assignment.id)
    ):
        assignment_of[assignment.agent_id] = assignment

    counted = (
        set(registered) | set(paid) | set(unpaid) | set(visits) | set(events) | set(reactivated)
    )
    counted |= set(other_paths)
    agent_ids = {agent_id for agent_id in counted if agent_id is not None}
    agent_ids |= set(assignment_of)
    names: dict[int | None, str] = {
        agent_id: name
        for agent_id, name in session.execute(
            select(Agent.id, Agent.name).where(Agent.id.in_(agent_ids))
        )
    }
    pair = (0, 0)

    def figures(agent_id: int | None) -> AgentMonth:
        current = assignment_of.get(agent_id) if agent_id is not None else None
        reg_people, reg_families = registered.get(agent_id, pair)
        paid_people, paid_families = paid.get(agent_id, pair)
        visit_count, families_visited = visits.get(agent_id, pair)
        react_people, react_families = reactivated.get(agent_id, pair)
        proposals, employer_reports = other_paths.get(agent_id, pair)
        return AgentMonth(
            agent_id=agent_id,
            agent_name=names.get(agent_id, ""),
            assignment_id=current.id if current else None,
            target_people=current.target_people_per_month if current else 0,
            target_families=current.target_families_per_month if current else 0,
            registered_people=reg_people,
            registered_families=reg_families,
            paid_people=paid_people,
            paid_families=paid_families,
            unpaid_registrations=unpaid.get(agent_id, (0,))[0],
            visits=visit_count,
            families_visited=families_visited,
            advocacy_events=events.get(agent_id, (0,))[0],
            reactivated_people=react_people,
            reactivated_families=react_families,
            proposals_people=proposals,
            employer_report_people=employer_reports,
        )

    rows = sorted(
        (figures(agent_id) for agent_id in agent_ids),
        key=lambda row: (row.agent_name.lower(), row.agent_id or 0),
    )
    return MonthProgress(rows, figures(None) if None in counted else None)
