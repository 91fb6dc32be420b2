"""Assignments: areas and keluarga binaan, workload hint, even split, validation, roles."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from pesiar_desktop.errors import PermissionDenied, PesiarError, ValidationError
from pesiar_desktop.models import AssignmentFamily
from pesiar_desktop.services import agents, assignments, settings
from pesiar_desktop.services.settings import SETTINGS
from tests.unit.test_agents_support import add_families, make_agent, make_assignment, rt_ids


def _families(db, assignment_id):
    with db.read() as session:
        return sorted(
            session.scalars(
                select(AssignmentFamily.family_id).where(
                    AssignmentFamily.assignment_id == assignment_id
                )
            )
        )


def test_split_evenly_is_contiguous_and_balanced():
    assert assignments.split_evenly(list(range(7)), 3) == [[0, 1, 2], [3, 4], [5, 6]]
    assert assignments.split_evenly([], 2) == [[], []]
    chunks = assignments.split_evenly(list(range(1001)), 4)
    assert [len(c) for c in chunks] == [251, 250, 250, 250]
    assert sum(chunks, []) == list(range(1001))


def test_create_takes_area_families_and_settings_defaults(village_db, operator, admin):
    fams = add_families(village_db, per_rt=3)
    rts = rt_ids(village_db)
    settings.put(village_db, admin, SETTINGS.monthly_target_people, 40)
    blank = assignments.new_input(village_db)
    assert (blank.target_people_per_month, blank.target_families_per_month) == (40, 13)
    agent = make_agent(village_db, operator)
    row = make_assignment(village_db, operator, agent.id, rts[:2])
    assert row.families == 6 and row.workload_warning is None
    # As Indonesian offices write an address: RT before RW, each RT with its RW.
    assert "Dusun Krajan RT 001/RW 001, RT 002/RW 001" in row.areas
    assert _families(village_db, row.id) == sorted(fams[rts[0]] + fams[rts[1]])
    # A whole dusun, and an explicit subset of families.
    data = assignments.load_input(village_db, row.id)
    data.rt_ids, data.dusun_ids = [], [1]
    data.family_ids = None
    row = assignments.update_assignment(village_db, operator, row.id, data)
    assert "(seluruh dusun)" in row.areas and row.families == 6
    data.family_ids = fams[rts[0]][:2]
    assert assignments.update_assignment(village_db, operator, row.id, data).families == 2
    data.family_ids = fams[rts[2]]  # Dusun Timur: outside the area
    with pytest.raises(ValidationError):
        assignments.update_assignment(village_db, operator, row.id, data)


def test_workload_warning_against_setting(village_db, operator, admin):
    add_families(village_db, per_rt=3)
    settings.put(village_db, admin, SETTINGS.max_families, 5)
    agent = make_agent(village_db, operator)
    row = make_assignment(village_db, operator, agent.id, rt_ids(village_db))
    assert row.families == 9
    assert "melebihi" in row.workload_warning and "5 KK" in row.workload_warning
    assert assignments.workload_warning(500, 500) is None
    assert assignments.workload_warning(501, 500) is not None


def test_validation_and_roles(village_db, operator, viewer):
    agent = make_agent(village_db, operator)
    bad = assignments.AssignmentInput(
        agent_id=agent.id,
        period_start=date(2026, 6, 1),
        period_end=date(2026, 1, 1),
        budget=-1,
        monthly_honorarium=100,
    )
    with pytest.raises(ValidationError) as err:
        assignments.create_assignment(village_db, operator, bad)
    assert set(err.value.field_errors) == {"period_end", "areas", "budget", "apbdes_name"}
    with pytest.raises(PermissionDenied):
        make_assignment(village_db, viewer, agent.id, rt_ids(village_db))
    agents.set_active(village_db, operator, agent.id, False)
    with pytest.raises(ValidationError) as err:
        make_assignment(village_db, operator, agent.id, rt_ids(village_db))
    assert "tidak aktif" in err.value.field_errors["agent_id"]


def test_split_area_between_agents(village_db, operator, viewer):
    fams = add_families(village_db, per_rt=5)
    rts = rt_ids(village_db)
    a1 = make_agent(village_db, operator, "Agen Satu")
    a2 = make_agent(village_db, operator, "Agen Dua")
    s1 = make_assignment(village_db, operator, a1.id, [rts[0]])
    s2 = make_assignment(village_db, operator, a2.id, [rts[2]])
    with pytest.raises(PesiarError):
        assignments.split_area(village_db, operator, [s1.id], [rts[1]])
    with pytest.raises(PermissionDenied):
        assignments.split_area(village_db, viewer, [s1.id, s2.id], [rts[1]])
    result = assignments.split_area(village_db, operator, [s1.id, s2.id], [rts[1]])
    assert result == {s1.id: 3, s2.id: 2}
    got1, got2 = _families(village_db, s1.id), _families(village_db, s2.id)
    assert set(fams[rts[0]]) <= set(got1) and set(fams[rts[2]]) <= set(got2)  # kept
    area = set(fams[rts[1]])
    assert (set(got1) & area) | (set(got2) & area) == area and not (set(got1) & set(got2))
    assert "RT 002" in assignments.get_assignment(village_db, s2.id).areas
