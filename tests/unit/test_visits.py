"""Sisir: the family finder, the visit log rules, history, the due list and the plan."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pesiar_desktop.errors import PermissionDenied, ValidationError
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.services import registrations as regs
from pesiar_desktop.services import visit_plans, visits
from pesiar_desktop.services.registrations import MemberChoice, RegistrationInput
from pesiar_desktop.services.visits import VisitInput
from tests.conftest import make_user
from tests.import_files import kk_number
from tests.unit.test_visits_helpers import TODAY


def test_find_family_by_nik_kk_or_name(fv):
    with fv.db.read() as session:
        from pesiar_desktop.models import Resident

        ani_nik = session.get(Resident, fv.people["ANI"]).nik
    by_nik = visits.find_families(fv.db, ani_nik)
    assert [(h.family_id, h.matched_name, h.head_name) for h in by_nik] == [
        (fv.budi_family, "ANI", "BUDI")
    ]
    assert "ANI (KK: BUDI)" in by_nik[0].text
    by_kk = visits.find_families(fv.db, kk_number(2))
    assert [h.family_id for h in by_kk] == [fv.joko_family]
    assert by_kk[0].head_name == "JOKO"
    by_name = visits.find_families(fv.db, "rin")
    assert [h.family_id for h in by_name] == [fv.budi_family]
    assert visits.find_families(fv.db, "nenek") == []  # died: not visited any more
    assert visits.find_families(fv.db, "x") == []


def test_outcome_rules(fv, admin):
    base = dict(family_id=fv.budi_family, visited_on=TODAY)
    cases = [
        (VisitInput(outcome="MAYBE", **base), "outcome"),
        (VisitInput(outcome=fc.OUTCOME_REFUSED, **base), "refusal_reason"),
        (
            VisitInput(outcome=fc.OUTCOME_REFUSED, refusal_reason=fc.REFUSAL_OTHER, **base),
            "note",
        ),
        (VisitInput(outcome=fc.OUTCOME_REVISIT, **base), "revisit_on"),
        (VisitInput(outcome=fc.OUTCOME_REVISIT, revisit_on=TODAY, **base), "revisit_on"),
        (
            VisitInput(outcome=fc.OUTCOME_MOVED, revisit_on=TODAY + timedelta(1), **base),
            "revisit_on",
        ),
        (VisitInput(outcome=fc.OUTCOME_WILLING, topics=["NOPE"], **base), "topics"),
        (
            VisitInput(
                family_id=fv.budi_family,
                visited_on=TODAY + timedelta(days=1),
                outcome=fc.OUTCOME_WILLING,
            ),
            "visited_on",
        ),
    ]
    for data, key in cases:
        with pytest.raises(ValidationError) as err:
            visits.record_visit(fv.db, admin, data)
        assert key in err.value.field_errors, (data, err.value.field_errors)
    assert visits.family_history(fv.db, fv.budi_family) == []


def test_record_visit_fills_agent_and_keeps_history(fv, admin):
    first = visits.record_visit(
        fv.db,
        admin,
        VisitInput(
            fv.budi_family,
            TODAY - timedelta(days=10),
            fc.OUTCOME_REFUSED,
            refusal_reason=fc.REFUSAL_CANNOT_AFFORD,
            topics=["PBI", "BENEFITS"],
            note="Minta diusulkan PBI",
        ),
    )
    second = visits.record_visit(
        fv.db,
        admin,
        VisitInput(fv.budi_family, TODAY - timedelta(days=2), fc.OUTCOME_WILLING),
    )
    history = visits.family_history(fv.db, fv.budi_family)
    assert [v.id for v in history] == [second, first]
    assert history[1].agent_name == "SARI WULANDARI"  # from the assignment's area
    assert history[1].topics == "BENEFITS,PBI"
    assert history[1].outcome_label == "Menolak: Tidak mampu membayar iuran"
    # Timur is outside every assignment: no agent.
    visits.record_visit(
        fv.db, admin, VisitInput(fv.ketut_family, TODAY, fc.OUTCOME_SELF_REGISTERED)
    )
    assert visits.family_history(fv.db, fv.ketut_family)[0].agent_name == ""
    viewer = make_user(fv.db, "viewer")
    with pytest.raises(PermissionDenied):
        visits.record_visit(fv.db, viewer, VisitInput(fv.budi_family, TODAY, fc.OUTCOME_WILLING))
    visits.delete_visit(fv.db, admin, second)
    assert [v.id for v in visits.family_history(fv.db, fv.budi_family)] == [first]


def test_due_list_has_overdue_and_upcoming_and_drops_registered(fv, admin):
    visits.record_visit(
        fv.db,
        admin,
        VisitInput(
            fv.budi_family,
            TODAY - timedelta(days=40),
            fc.OUTCOME_REVISIT,
            revisit_on=TODAY - timedelta(days=30),  # long overdue
        ),
    )
    visits.record_visit(
        fv.db,
        admin,
        VisitInput(
            fv.joko_family,
            TODAY - timedelta(days=1),
            fc.OUTCOME_NOT_HOME,
            revisit_on=TODAY + timedelta(days=3),
        ),
    )
    visits.record_visit(
        fv.db,
        admin,
        VisitInput(
            fv.ketut_family,
            TODAY,
            fc.OUTCOME_REVISIT,
            revisit_on=TODAY + timedelta(days=60),  # beyond the horizon
        ),
    )
    due = visits.due_list(fv.db, TODAY)
    assert [(d.family_id, d.is_overdue(TODAY)) for d in due] == [
        (fv.budi_family, True),
        (fv.joko_family, False),
    ]
    assert due[0].days_late(TODAY) == 30
    assert due[1].phone == "081298700002"
    assert [d.family_id for d in visits.due_list(fv.db, TODAY, upcoming_days=90)][-1] == (
        fv.ketut_family
    )
    # A later visit replaces the revisit; a registration after the visit clears it.
    regs.submit(
        fv.db,
        admin,
        RegistrationInput(
            fv.joko_family,
            fc.PATH_PBPU,
            TODAY,
            [MemberChoice(fv.people["JOKO"]), MemberChoice(fv.people["SRI"])],
        ),
    )
    assert [d.family_id for d in visits.due_list(fv.db, TODAY)] == [fv.budi_family]
    visits.record_visit(fv.db, admin, VisitInput(fv.budi_family, TODAY, fc.OUTCOME_WILLING))
    assert visits.due_list(fv.db, TODAY) == []


def test_visit_plan_targets_priority_and_schedule(fv, admin):
    families = visit_plans.target_families(fv.db, fv.assignment_id, TODAY)
    # Krajan RT 001 (Budi: poor + pregnant → priority 1) then RT 002 (Joko: arrears);
    # Timur is outside the assignment.
    assert [(f.family_id, f.priority, f.targets) for f in families] == [
        (fv.budi_family, 1, 3),
        (fv.joko_family, 2, 2),
    ]
    assert [m.name for m in families[0].members] == ["BUDI", "ANI", "RINA"]
    assert families[1].members[0].status_label == "Nonaktif (menunggak) · PBPU / Mandiri · 5 bln"
    monday = TODAY - timedelta(days=TODAY.weekday())
    saturday = monday + timedelta(days=5)
    written = visit_plans.schedule(
        fv.db, admin, fv.assignment_id, saturday, per_day=1, mode=visit_plans.MODE_FAMILY
    )
    assert written == 2
    view = visit_plans.plan_view(fv.db, fv.assignment_id, TODAY)
    assert [g.area_label for g in view.groups] == [
        "Dusun Krajan · RW 001 / RT 001",
        "Dusun Krajan · RW 001 / RT 002",
    ]
    # One family a day, Sunday skipped.
    assert [f.planned_on for f in view.families] == [saturday, saturday + timedelta(days=2)]
    # Scheduling again replaces the plan; per RT gives each RT its own day.
    assert visit_plans.schedule(fv.db, admin, fv.assignment_id, monday, per_day=5, mode="rt") == 2
    view = visit_plans.plan_view(fv.db, fv.assignment_id, TODAY)
    assert [g.planned_on for g in view.groups] == [monday, monday + timedelta(days=1)]
    assert [f.planned_on for f in view.families] == [monday, monday + timedelta(days=1)]
    visits.record_visit(fv.db, admin, VisitInput(fv.joko_family, TODAY, fc.OUTCOME_NOT_HOME))
    view = visit_plans.plan_view(fv.db, fv.assignment_id, TODAY)
    assert view.families[1].last_outcome == fc.OUTCOME_NOT_HOME
    with pytest.raises(ValidationError):
        visit_plans.schedule(fv.db, admin, fv.assignment_id, monday, per_day=0)
    with pytest.raises(PermissionDenied):
        visit_plans.schedule(fv.db, make_user(fv.db, "viewer"), fv.assignment_id, monday)


def test_latest_visit_is_by_date_not_by_typing_order(fv, admin):
    # The later visit (registered willing) is typed first, the older revisit request after.
    visits.record_visit(
        fv.db, admin, VisitInput(fv.joko_family, TODAY - timedelta(days=1), fc.OUTCOME_WILLING)
    )
    visits.record_visit(
        fv.db,
        admin,
        VisitInput(
            fv.joko_family,
            TODAY - timedelta(days=9),
            fc.OUTCOME_REVISIT,
            revisit_on=TODAY - timedelta(days=2),
        ),
    )
    assert visits.due_list(fv.db, TODAY) == []
    view = visit_plans.plan_view(fv.db, fv.assignment_id, TODAY)
    joko = next(f for f in view.families if f.family_id == fv.joko_family)
    assert (joko.last_outcome, joko.last_visit_on) == (
        fc.OUTCOME_WILLING,
        TODAY - timedelta(days=1),
    )
