"""Verification tells whether a letter still holds (issue 15 item 4): SAH only while the
agent is active and the period runs; KEDALUWARSA after the period; TIDAK BERLAKU once the
agent is dismissed or the assignment stopped; a number typed in lower case or with spaces
is found."""

from __future__ import annotations

from datetime import date

import pytest

from pesiar_desktop.services import agents, assignments, letters
from tests.unit.test_agents_support import add_families, kades, make_agent, make_assignment, rt_ids

DAY = date(2026, 11, 23)


@pytest.fixture
def approved(village_db, admin, freeze_clock):
    freeze_clock(DAY)
    add_families(village_db)
    agent = make_agent(village_db, admin, "Siti Aminah")
    plan = make_assignment(village_db, admin, agent.id, rt_ids(village_db)[:2])
    kd = kades(village_db)
    ids = {}
    for kind in (letters.TYPE_SURAT_TUGAS, letters.TYPE_ID_CARD):
        row = letters.draft(village_db, admin, kind, assignment_ids=[plan.id])
        ids[kind] = letters.approve(village_db, kd, row.id, today=DAY)
    return village_db, agent, plan, ids


def test_valid_while_the_agent_works(approved):
    db, _agent, _plan, ids = approved
    for row in ids.values():
        result = letters.verify(db, row.number)
        assert result.status == letters.VERIFY_VALID and result.label == "SAH"
        assert "Siti Aminah" in result.message and "31 Desember 2026" in result.message
        typed = "  " + row.number.lower().replace("/", " / ") + " "
        assert letters.verify(db, typed).status == letters.VERIFY_VALID


def test_expired_after_the_period(approved, freeze_clock):
    db, _agent, _plan, ids = approved
    freeze_clock(date(2027, 1, 2))
    for row in ids.values():
        result = letters.verify(db, row.number)
        assert result.status == letters.VERIFY_EXPIRED and result.label == "KEDALUWARSA"
        assert not result.ok


def test_not_valid_once_the_agent_is_dismissed(approved, admin):
    db, agent, _plan, ids = approved
    agents.set_active(db, admin, agent.id, False)
    for row in ids.values():
        result = letters.verify(db, row.number)
        assert result.status == letters.VERIFY_INACTIVE and result.label == "TIDAK BERLAKU"
        assert not result.ok


def test_not_valid_once_the_assignment_stopped(approved, admin):
    db, _agent, plan, ids = approved
    assignments.set_active(db, admin, plan.id, False)
    payload = letters.get_letter(db, ids[letters.TYPE_ID_CARD].id)
    result = letters.verify(db, ids[letters.TYPE_ID_CARD].number)
    assert result.status == letters.VERIFY_INACTIVE, payload
