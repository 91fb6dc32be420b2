"""Beranda: every figure the dashboard draws, gathered in one read (run in the background).

- headline: `services.stats.register_stats` (coverage, activity, by segment, by dusun) and
  the UHC award level it reaches (`rules.indicators`);
- trend: coverage and activity at the end of each of the last 12 months, rebuilt from
  the membership history, and the registrations made / paid per month;
- agents: this month's progress against targets (`services.progress`, as the fees);
- follow-ups: registrations still waiting for the first premium whose deadline has
  passed or is near.

The history walk is the costly part on a 100,000-resident register: each resident's
snapshots become a few "state from this date" points, and each point adds its change
to the first month-end on or after it (a running sum then gives every month).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Date, and_, case, exists, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from pesiar_desktop.models import (
    Dusun,
    Family,
    Membership,
    MembershipHistory,
    Registration,
    RegistrationMember,
    Resident,
    Rt,
)
from pesiar_desktop.rules import codes, indicators
from pesiar_desktop.rules.indicators import pct
from pesiar_desktop.services import followups
from pesiar_desktop.services.progress import (
    NOT_COUNTED_STATUSES,
    WAITING_STATUSES,
    AgentMonth,
    agent_month_progress,
    month_bounds,
)
from pesiar_desktop.services.stats import register_stats

TREND_MONTHS = 12
NEAR_DUE_DAYS = followups.NEAR_DAYS  # the same window as the follow-up list


@dataclass(frozen=True)
class CoveragePoint:
    day: date
    living: int
    registered: int
    active: int

    @property
    def coverage_pct(self) -> float:
        return pct(self.registered, self.living)

    @property
    def activity_pct(self) -> float:
        return pct(self.active, self.registered)


@dataclass(frozen=True)
class RegistrationMonth:
    month: date
    families: int
    people: int
    paid_families: int
    paid_people: int


@dataclass(frozen=True)
class FollowUps:
    overdue: int  # deadline passed, still unpaid
    near_due: int  # deadline within NEAR_DUE_DAYS days
    without_due: int  # submitted, no VA / deadline yet

    @property
    def total(self) -> int:
        return self.overdue + self.near_due + self.without_due


@dataclass
class Dashboard:
    today: date
    stats: dict[str, Any]
    award: indicators.AwardLevel | None
    next_level: indicators.AwardLevel | None
    gap: indicators.Gap | None
    trend: list[CoveragePoint]
    registrations: list[RegistrationMonth]
    agents: list[AgentMonth]
    follow_ups: FollowUps
    timings: dict[str, float] = field(default_factory=dict)


def month_ends(today: date, months: int = TREND_MONTHS) -> list[date]:
    """The last day of each of the `months` months up to and including today's month
    (today itself for the running month)."""
    ends: list[date] = []
    index = today.year * 12 + today.month - 1
    for back in range(months - 1, -1, -1):
        y, m = divmod(index - back, 12)
        _first, last = month_bounds(date(y, m + 1, 1))
        ends.append(min(last, today))
    return ends


def coverage_history(
    session: Session, days: Sequence[date], *, by_dusun: bool = False
) -> dict[str, list[CoveragePoint]]:
    """Living / registered / active residents at the end of each day in `days`, for the
    whole village (key "") or per dusun name.

    Each membership snapshot holds from its `as_of` until the resident's next snapshot
    (LEAD over the history); a resident without history counts with their current
    membership. Living on a day: born by then and not dead/moved before it. Two grouped
    scans with one SUM(CASE ...) per day, so the work stays in the database.
    """
    days = sorted(days)
    history = MembershipHistory
    source = union_all(
        select(
            history.resident_id.label("resident_id"),
            history.as_of.label("as_of"),
            history.status.label("status"),
            history.id.label("seq"),
        ),
        select(
            Membership.resident_id,
            Membership.as_of,
            Membership.status,
            literal(0),
        ).where(~exists().where(history.resident_id == Membership.resident_id)),
    ).subquery()
    spans = select(
        source.c.resident_id,
        source.c.as_of,
        source.c.status,
        func.lead(source.c.as_of, type_=Date)
        .over(partition_by=source.c.resident_id, order_by=(source.c.as_of, source.c.seq))
        .label("until"),
    ).subquery()

    def living(day: date) -> Any:
        return and_(
            Resident.birth_date <= day,
            or_(Resident.life_status == codes.LIFE_ALIVE, Resident.life_status_date > day),
        )

    population = select(*(func.sum(case((living(day), 1), else_=0)) for day in days)).select_from(
        Resident
    )
    # Registered spans grouped by (from, until, status): a few hundred groups. Only the
    # residents who were not living over the whole period (born later, dead, moved) keep
    # their own dates in the group, so the living test can be applied per day in Python.
    special = or_(Resident.life_status != codes.LIFE_ALIVE, Resident.birth_date > days[0])
    own = [
        case((special, Resident.birth_date), else_=None),
        case((special, Resident.life_status), else_=None),
        case((special, Resident.life_status_date), else_=None),
    ]
    keys: list[Any] = [spans.c.as_of, spans.c.until, spans.c.status, *own]
    members = (
        select(*keys, func.count())
        .select_from(spans)
        .join(Resident, Resident.id == spans.c.resident_id)
        .where(spans.c.status.in_(codes.REGISTERED_STATUSES))
    )
    if by_dusun:
        population = (
            population.add_columns(Dusun.name)
            .join(Family, Family.id == Resident.family_id)
            .join(Rt, Rt.id == Family.rt_id)
            .join(Dusun, Dusun.id == Rt.dusun_id)
            .group_by(Dusun.name)
        )
        keys.append(Dusun.name)
        members = (
            members.add_columns(Dusun.name)
            .join(Family, Family.id == Resident.family_id)
            .join(Rt, Rt.id == Family.rt_id)
            .join(Dusun, Dusun.id == Rt.dusun_id)
        )
    members = members.group_by(*keys)
    n = len(days)
    living_by: dict[str, list[int]] = {}
    for row in session.execute(population):
        living_by[row[n] if by_dusun else ""] = [int(v or 0) for v in row[:n]]
    member_by: dict[str, list[int]] = {}
    for row in session.execute(members):
        as_of, until, status, born, life, life_date, count = row[:7]
        counts = member_by.get(row[7] if by_dusun else "")
        if counts is None:
            counts = member_by[row[7] if by_dusun else ""] = [0] * (2 * n)
        for i, day in enumerate(days):
            if as_of > day or (until is not None and until <= day):
                continue
            if born is not None and (
                born > day or (life != codes.LIFE_ALIVE and (life_date is None or life_date <= day))
            ):
                continue
            counts[i] += count
            if status == codes.STATUS_ACTIVE:
                counts[n + i] += count
    result: dict[str, list[CoveragePoint]] = {}
    for key in sorted(set(living_by) | set(member_by) | ({""} if not by_dusun else set())):
        people = living_by.get(key, [0] * n)
        counts = member_by.get(key, [0] * (2 * n))
        result[key] = [
            CoveragePoint(day, people[i], counts[i], counts[n + i]) for i, day in enumerate(days)
        ]
    return result


def registrations_by_month(session: Session, today: date) -> list[RegistrationMonth]:
    """Registrations made (not cancelled) and first premiums paid, per month, 12 months."""
    ends = month_ends(today)
    starts = [d.replace(day=1) for d in ends]
    first = starts[0]
    members = (
        select(RegistrationMember.registration_id, func.count().label("n"))
        .where(RegistrationMember.included.is_(True))
        .group_by(RegistrationMember.registration_id)
        .subquery()
    )
    made = {s: [0, 0] for s in starts}
    paid = {s: [0, 0] for s in starts}
    for registered_on, paid_on, status, people in session.execute(
        select(
            Registration.registered_on,
            Registration.paid_on,
            Registration.status,
            func.coalesce(members.c.n, 0),
        )
        .outerjoin(members, members.c.registration_id == Registration.id)
        .where(
            (and_(Registration.registered_on >= first, Registration.registered_on <= today))
            | (and_(Registration.paid_on >= first, Registration.paid_on <= today))
        )
    ):
        people = int(people or 0)
        if first <= registered_on <= today and status not in NOT_COUNTED_STATUSES:
            entry = made[registered_on.replace(day=1)]
            entry[0] += 1
            entry[1] += people
        if paid_on is not None and first <= paid_on <= today:
            entry = paid[paid_on.replace(day=1)]
            entry[0] += 1
            entry[1] += people
    return [RegistrationMonth(s, made[s][0], made[s][1], paid[s][0], paid[s][1]) for s in starts]


def follow_ups(session: Session, today: date, near_days: int = NEAR_DUE_DAYS) -> FollowUps:
    """Counts of `services.followups.unpaid_registrations` (same statuses and window)."""
    waiting = Registration.status.in_(WAITING_STATUSES)
    overdue = session.scalar(
        select(func.count(Registration.id)).where(waiting, Registration.payment_due < today)
    )
    near = session.scalar(
        select(func.count(Registration.id)).where(
            waiting,
            Registration.payment_due >= today,
            Registration.payment_due <= today + timedelta(days=near_days),
        )
    )
    undated = session.scalar(
        select(func.count(Registration.id)).where(waiting, Registration.payment_due.is_(None))
    )
    return FollowUps(int(overdue or 0), int(near or 0), int(undated or 0))


def load_dashboard(session: Session, today: date | None = None) -> Dashboard:
    """All figures of the Beranda page (one session, no Qt)."""
    import time

    today = today or date.today()
    timings: dict[str, float] = {}
    started = time.perf_counter()
    stats = register_stats(session)
    timings["stats"] = time.perf_counter() - started
    coverage = float(stats["coverage_pct"])
    activity = float(stats["active_pct"])
    level = indicators.award(coverage, activity)
    upcoming = indicators.next_level(coverage, activity)
    gap = (
        indicators.gap_to(
            upcoming, int(stats["residents"]), int(stats["registered"]), int(stats["active"])
        )
        if upcoming is not None
        else None
    )
    mark = time.perf_counter()
    trend = coverage_history(session, month_ends(today))[""]
    timings["trend"] = time.perf_counter() - mark
    mark = time.perf_counter()
    registrations = registrations_by_month(session, today)
    agents = agent_month_progress(session, today)
    followups = follow_ups(session, today)
    timings["fieldwork"] = time.perf_counter() - mark
    return Dashboard(
        today=today,
        stats=stats,
        award=level,
        next_level=upcoming,
        gap=gap,
        trend=trend,
        registrations=registrations,
        agents=agents,
        follow_ups=followups,
        timings=timings,
    )
