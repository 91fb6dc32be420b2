"""Beranda: every figure the dashboard draws, gathered in one read (run in the background).

- headline: `services.stats.register_stats` (coverage, activity, by segment, by dusun) and
  the UHC award level it reaches (`rules.indicators`);
- trend: coverage and activity at the end of each of the last 12 months, rebuilt from
  the membership history, and the registrations made / paid per month;
- agents: this month's progress against targets (`services.progress`, as the fees);
- follow-ups: registrations still waiting for the first premium whose deadline has
  passed or is near;
- reactivations: members in arrears back to active this month (keaktifan), never part of
  the new-member figures.

The history walk is the costly part on a 100,000-resident register: each resident's
snapshots become a few "state from this date" points, and each point adds its change
to the first month-end on or after it (a running sum then gives every month).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import String, and_, cast, exists, func, or_, select
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.models import (
    Dusun,
    Family,
    Membership,
    MembershipHistory,
    Reactivation,
    Registration,
    Resident,
    Rt,
)
from pesiar_desktop.rules import codes, indicators
from pesiar_desktop.rules import fieldwork_codes as fw
from pesiar_desktop.rules.indicators import pct
from pesiar_desktop.services import followups
from pesiar_desktop.services.progress import (
    NOT_COUNTED_STATUSES,
    RECRUITMENT_PATH,
    WAITING_STATUSES,
    AgentMonth,
    MonthProgress,
    included_members,
    month_bounds,
    month_progress,
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


@dataclass(frozen=True)
class Reactivations:
    """Keaktifan this month, apart from new members: families back to active (arrears paid in
    full or the last REHAB instalment) and REHAB plans still being paid."""

    people: int = 0
    families: int = 0
    open_rehab_plans: int = 0


def reactivations_this_month(session: Session, month: MonthProgress) -> Reactivations:
    """The month's reactivations summed from its progress rows (every agent and the office's
    own), and the REHAB plans still being paid."""
    rows = [*month.agents, *([month.office] if month.office is not None else [])]
    open_plans = session.scalar(
        select(func.count(Reactivation.id)).where(
            Reactivation.kind == fw.REACTIVATION_REHAB,
            Reactivation.status == fw.REACTIVATION_OPEN,
        )
    )
    return Reactivations(
        sum(r.reactivated_people for r in rows),
        sum(r.reactivated_families for r in rows),
        int(open_plans or 0),
    )


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
    reactivations: Reactivations = field(default_factory=Reactivations)
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


_Person = tuple[date, int, date | None]  # entered on, life status, life status date


def _with_dusun(query: Any) -> Any:
    return (
        query.join(Family, Family.id == Resident.family_id)
        .join(Rt, Rt.id == Family.rt_id)
        .join(Dusun, Dusun.id == Rt.dusun_id)
    )


def _living(person: _Person, day: date) -> bool:
    from_day, life, life_date = person
    alive = life == codes.LIFE_ALIVE
    return from_day <= day and (alive or (life_date is not None and life_date > day))


def _living_per_day(
    conn: Any,
    days: Sequence[date],
    special: dict[int, _Person],
    dusun_of: dict[int, str],
    by_dusun: bool,
) -> dict[str, list[int]]:
    """Living residents on each day, per dusun name (or "" for the village).

    Living over the whole period = living now minus those who came after the first day
    (all in `special`, with everyone not living now). Counted this way the query stays on
    the (life_status, name) index; testing the entry date row by row cost 0.16 s on a
    100,000 register. The `special` ones are then tested day by day.
    """
    n = len(days)
    alive = codes.LIFE_ALIVE
    came_later: dict[str, int] = {}  # living now but arrived or born after the first day
    for rid, (_from_day, life, _life_date) in special.items():
        if life == alive:
            key = dusun_of.get(rid, "")
            came_later[key] = came_later.get(key, 0) + 1
    population: dict[str, list[int]] = {}
    if by_dusun:
        for name, count in conn.execute(
            _with_dusun(select(Dusun.name, func.count(Resident.id)).select_from(Resident))
            .where(Resident.life_status == alive)
            .group_by(Dusun.name)
        ):
            population[name] = [int(count) - came_later.get(name, 0)] * n
    else:
        total = conn.execute(
            select(func.count(Resident.id)).where(Resident.life_status == alive)
        ).scalar()
        population[""] = [int(total or 0) - came_later.get("", 0)] * n
    for rid, person in special.items():
        counts = population.setdefault(dusun_of.get(rid, ""), [0] * n)
        for i, day in enumerate(days):
            if _living(person, day):
                counts[i] += 1
    return population


def coverage_history(
    session: Session, days: Sequence[date], *, by_dusun: bool = False
) -> dict[str, list[CoveragePoint]]:
    """Living / registered / active residents at the end of each day in `days`, for the
    whole village (key "") or per dusun name.

    Each membership snapshot holds from its `as_of` until the resident's next snapshot; a
    resident without history counts with their current membership. Living on a day: born
    by then and not dead/moved before it. Most residents were living over the whole
    period: their spans are pooled by (from, until, status), so the per-day test runs on a
    few hundred groups; only the others (born later, dead, moved) are tested one by one.
    """
    days = sorted(days)
    n = len(days)
    first, last = days[0], days[-1]
    registered_statuses = frozenset(codes.REGISTERED_STATUSES)
    conn = session.connection()  # Core rows: ~125,000 history rows on a 100,000 register

    dusun_of: dict[int, str] = {}
    if by_dusun:
        dusun_of = {
            rid: name for rid, name in conn.execute(_with_dusun(select(Resident.id, Dusun.name)))
        }
    # Residents not living over the whole period keep their own dates.
    # Counted from birth, or for a pendatang from the day they arrived (rules.population).
    entered = func.coalesce(Resident.arrived_on, Resident.birth_date)
    special: dict[int, _Person] = {
        rid: (from_day, life, life_date)
        for rid, from_day, life, life_date in conn.execute(
            select(Resident.id, entered, Resident.life_status, Resident.life_status_date).where(
                or_(Resident.life_status != codes.LIFE_ALIVE, entered > first)
            )
        )
    }
    population = _living_per_day(conn, days, special, dusun_of, by_dusun)

    # Spans (from, until, status) of registered states, pooled per dusun.
    pooled: dict[tuple[str, str, str | None, str], int] = {}
    registered = {key: [0] * n for key in population}
    active = {key: [0] * n for key in population}

    # Span dates are compared as ISO text ('2026-10-31'): no date parsing for 125,000 rows.
    marks = [day.isoformat() for day in days]

    def add_span(rid: int, start: str, until: str | None, status: str) -> None:
        if status not in registered_statuses:
            return
        key = dusun_of.get(rid, "")
        person = special.get(rid)
        if person is None:
            group = (key, start, until, status)
            pooled[group] = pooled.get(group, 0) + 1
            return
        reg = registered.setdefault(key, [0] * n)
        act = active.setdefault(key, [0] * n)
        for i, (day, mark) in enumerate(zip(days, marks, strict=True)):
            if start <= mark and (until is None or until > mark) and _living(person, day):
                reg[i] += 1
                if status == codes.STATUS_ACTIVE:
                    act[i] += 1

    history = MembershipHistory
    result = conn.execute(
        select(history.resident_id, cast(history.as_of, String), history.status)
        .where(history.as_of <= last)
        .order_by(history.resident_id, history.as_of, history.id)
    )
    # The driver's plain tuples (int, text, text: nothing to convert): building a Row for
    # each of ~125,000 rows was a quarter of the trend's time.
    rows = result.cursor.fetchall()
    result.close()
    # Each row holds until the next row of the same resident (the last one: until now).
    for index, (rid, as_of, status) in enumerate(rows):
        if status not in registered_statuses:
            continue
        following = rows[index + 1] if index + 1 < len(rows) else None
        until = following[1] if following is not None and following[0] == rid else None
        if rid in special or by_dusun:
            add_span(rid, as_of, until, status)
        else:  # add_span's pooling, inlined: this is the loop over every history row
            group = ("", as_of, until, status)
            pooled[group] = pooled.get(group, 0) + 1
    del rows
    for rid, as_of, status in conn.execute(
        select(Membership.resident_id, cast(Membership.as_of, String), Membership.status).where(
            Membership.as_of <= last,
            ~exists().where(history.resident_id == Membership.resident_id),
        )
    ):
        add_span(rid, as_of, None, status)
    for (key, start, until, status), count in pooled.items():
        reg = registered.setdefault(key, [0] * n)
        act = active.setdefault(key, [0] * n)
        for i, mark in enumerate(marks):
            if start <= mark and (until is None or until > mark):
                reg[i] += count
                if status == codes.STATUS_ACTIVE:
                    act[i] += count
    keys = set(population) | set(registered)
    if not by_dusun:
        keys.add("")
    return {
        key: [
            CoveragePoint(
                day,
                population.get(key, [0] * n)[i],
                registered.get(key, [0] * n)[i],
                active.get(key, [0] * n)[i],
            )
            for i, day in enumerate(days)
        ]
        for key in sorted(keys)
    }


def registrations_by_month(session: Session, today: date) -> list[RegistrationMonth]:
    """New PBPU registrations made (counted as in `services.progress`) and first premiums
    paid, per month, 12 months."""
    ends = month_ends(today)
    starts = [d.replace(day=1) for d in ends]
    first = starts[0]
    members = included_members()
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
        .where(Registration.path == RECRUITMENT_PATH)
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


@dataclass
class Trend:
    trend: list[CoveragePoint]
    registrations: list[RegistrationMonth]
    seconds: float = 0.0


def load_trend(session: Session, today: date | None = None) -> Trend:
    """The 12-month part (the costly history walk); the page loads it beside the rest."""
    import time

    today = today or clock.today()
    started = time.perf_counter()
    trend = coverage_history(session, month_ends(today))[""]
    registrations = registrations_by_month(session, today)
    return Trend(trend, registrations, time.perf_counter() - started)


def load_headline(session: Session, today: date | None = None) -> Dashboard:
    """Everything but the trend (left empty): cards, dusun, segments, agents, follow-ups."""
    import time

    today = today or clock.today()
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
    month = month_progress(session, today)  # agents and reactivations from one read
    agents = month.agents
    followups = follow_ups(session, today)
    reactivated = reactivations_this_month(session, month)
    timings["fieldwork"] = time.perf_counter() - mark
    return Dashboard(
        today=today,
        stats=stats,
        award=level,
        next_level=upcoming,
        gap=gap,
        trend=[],
        registrations=[],
        agents=agents,
        follow_ups=followups,
        reactivations=reactivated,
        timings=timings,
    )


def with_trend(board: Dashboard, trend: Trend) -> Dashboard:
    board.trend = trend.trend
    board.registrations = trend.registrations
    board.timings["trend"] = trend.seconds
    return board


def load_dashboard(session: Session, today: date | None = None) -> Dashboard:
    """All figures of the Beranda page in one session (no Qt)."""
    today = today or clock.today()
    return with_trend(load_headline(session, today), load_trend(session, today))
