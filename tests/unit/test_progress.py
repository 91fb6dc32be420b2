"""Agent progress per month: the counting rules fees, recap and pages share."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from pesiar_desktop import demo
from pesiar_desktop.errors import ValidationError
from pesiar_desktop.models import (
    AdvocacyEvent,
    Agent,
    Assignment,
    Family,
    Registration,
    RegistrationMember,
    Resident,
    Visit,
)
from pesiar_desktop.services.context import SYSTEM
from pesiar_desktop.services.progress import agent_month_progress, month_bounds, parse_month


def _register(session, agent, family_id, members, registered_on, status, paid_on=None, n_out=0):
    reg = Registration(
        family_id=family_id,
        agent_id=agent.id,
        path="PBPU",
        status=status,
        registered_on=registered_on,
        paid_on=paid_on,
    )
    session.add(reg)
    session.flush()
    for index, resident_id in enumerate(members):
        session.add(
            RegistrationMember(
                registration_id=reg.id, resident_id=resident_id, included=index >= n_out
            )
        )
    return reg


def test_month_figures_follow_the_counting_rules(db):
    demo.generate(db, SYSTEM, residents=120, seed=5, today=date(2026, 11, 22))
    with db.transaction() as s:
        families = list(s.scalars(select(Family.id).order_by(Family.id)))[:6]
        members = {
            f: list(s.scalars(select(Resident.id).where(Resident.family_id == f))) for f in families
        }
        ani = Agent(name="Ani", source_category="PKK")
        budi = Agent(name="Budi", source_category="KPM")
        idle = Agent(name="Citra", source_category="BIDAN")
        s.add_all([ani, budi, idle])
        s.flush()
        s.add(
            Assignment(
                agent_id=ani.id,
                period_start=date(2026, 1, 1),
                period_end=date(2026, 12, 31),
                target_people_per_month=3,
                target_families_per_month=13,
            )
        )
        f = families
        # November: registered and paid in the month (3 people of whom 1 left out).
        _register(
            s,
            ani,
            f[0],
            members[f[0]][:3],
            date(2026, 11, 2),
            "active",
            date(2026, 11, 20),
            n_out=1,
        )
        # Registered in October, paid in November: counts as paid in November only.
        _register(s, ani, f[1], members[f[1]][:2], date(2026, 10, 28), "paid", date(2026, 11, 5))
        # Registered in November, still waiting: unpaid.
        _register(s, ani, f[2], members[f[2]][:1], date(2026, 11, 10), "va_issued")
        # Cancelled in November: not registered, not unpaid.
        _register(s, ani, f[3], members[f[3]][:1], date(2026, 11, 11), "cancelled")
        # Budi: no assignment, one visit twice to the same family, one event; December ignored.
        s.add_all(
            [
                Visit(
                    family_id=f[4],
                    agent_id=budi.id,
                    visited_on=date(2026, 11, 3),
                    outcome="NOT_HOME",
                ),
                Visit(
                    family_id=f[4],
                    agent_id=budi.id,
                    visited_on=date(2026, 11, 9),
                    outcome="WILLING",
                ),
                Visit(
                    family_id=f[5],
                    agent_id=budi.id,
                    visited_on=date(2026, 12, 1),
                    outcome="WILLING",
                ),
                AdvocacyEvent(held_on=date(2026, 11, 30), kind="POSYANDU", agent_id=budi.id),
            ]
        )
    with db.read() as s:
        found = agent_month_progress(s, date(2026, 11, 17))
    # (The demo village may bring its own agents; only this test's three matter.)
    rows = {row.agent_name: row for row in found if row.agent_name in {"Ani", "Budi", "Citra"}}
    assert set(rows) == {"Ani", "Budi"}  # Citra has neither an assignment nor activity
    ani_row, budi_row = rows["Ani"], rows["Budi"]
    assert (ani_row.registered_families, ani_row.registered_people) == (2, 3)
    assert (ani_row.paid_families, ani_row.paid_people) == (2, 4)
    assert ani_row.unpaid_registrations == 1
    assert (ani_row.target_people, ani_row.target_families) == (3, 13)
    assert ani_row.target_met and ani_row.people_pct == pytest.approx(400 / 3)
    assert (budi_row.visits, budi_row.families_visited, budi_row.advocacy_events) == (2, 1, 1)
    assert budi_row.assignment_id is None and not budi_row.target_met


def test_month_parsing_and_bounds():
    assert parse_month("2026-02") == date(2026, 2, 1)
    assert month_bounds(date(2024, 2, 10)) == (date(2024, 2, 1), date(2024, 2, 29))
    assert month_bounds(date(2026, 12, 31)) == (date(2026, 12, 1), date(2026, 12, 31))
    with pytest.raises(ValidationError, match="TTTT-BB"):
        parse_month("11/2026")
