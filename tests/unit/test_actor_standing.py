"""Services trust the database, not the caller: every write re-reads the acting user's
role and active flag in its own transaction (issue 16, item 7)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from pesiar_desktop.errors import PermissionDenied
from pesiar_desktop.models import AuditLog, Letter, Rt
from pesiar_desktop.services import audit, letters, targets, users, village
from pesiar_desktop.services.context import SYSTEM, Actor
from tests.conftest import USER_PASSWORD, make_user
from tests.unit.test_agents_support import add_families, kades, make_agent, make_assignment, rt_ids

DAY = date(2026, 11, 23)


@pytest.fixture
def draft_letter(village_db, admin, operator):
    add_families(village_db)
    agent = make_agent(village_db, admin, "Siti Aminah")
    task = make_assignment(village_db, admin, agent.id, rt_ids(village_db)[:2])
    row = letters.draft(village_db, operator, letters.TYPE_SURAT_TUGAS, assignment_ids=[task.id])
    return village_db, row.id


def _audit_count(db) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count(AuditLog.id))) or 0)


def _letter_status(db, letter_id: int) -> tuple[str, str | None]:
    with db.read() as s:
        letter = s.get(Letter, letter_id)
        return letter.status, letter.number


def test_a_kepala_desa_demoted_after_login_can_no_longer_approve(draft_letter, admin):
    db, letter_id = draft_letter
    kd = kades(db)
    logged_in = users.authenticate(db, "kades", USER_PASSWORD)
    users.set_role(db, admin, "kades", "operator")
    before = _audit_count(db)
    with pytest.raises(PermissionDenied, match="sudah diubah menjadi Operator"):
        letters.approve(db, logged_in, letter_id, today=DAY)
    with pytest.raises(PermissionDenied):
        letters.approve(db, kd, letter_id, today=DAY)
    assert _letter_status(db, letter_id) == ("draft", None)
    assert letters.counters(db) == {}  # nothing of the approval was kept
    assert _audit_count(db) == before
    # Logged in again, the user acts in the role the database gives them now.
    again = users.authenticate(db, "kades", USER_PASSWORD)
    assert again.role == "operator"
    with pytest.raises(PermissionDenied):
        letters.approve(db, again, letter_id, today=DAY)


def test_a_deactivated_kepala_desa_can_no_longer_approve(draft_letter, admin):
    db, letter_id = draft_letter
    kades(db)
    logged_in = users.authenticate(db, "kades", USER_PASSWORD)
    users.set_role(db, admin, "kades", "kepala_desa", is_active=False)
    with pytest.raises(PermissionDenied, match="dinonaktifkan"):
        letters.approve(db, logged_in, letter_id, today=DAY)
    assert _letter_status(db, letter_id) == ("draft", None)
    users.set_role(db, admin, "kades", "kepala_desa", is_active=True)
    assert letters.approve(db, logged_in, letter_id, today=DAY).status == "approved"


def test_a_hand_made_actor_is_refused(draft_letter, operator):
    db, letter_id = draft_letter
    # The operator exists, but is not a kepala desa.
    forged = Actor(username=operator.username, role="kepala_desa", user_id=operator.user_id)
    with pytest.raises(PermissionDenied, match="sudah diubah menjadi Operator"):
        letters.approve(db, forged, letter_id, today=DAY)
    assert _letter_status(db, letter_id) == ("draft", None)
    # A user that does not exist, and an id that is not that user's.
    for stranger in (
        Actor(username="tamu", role="admin"),
        replace(operator, user_id=(operator.user_id or 0) + 1000),
    ):
        with pytest.raises(PermissionDenied, match="tidak terdaftar"):
            village.add_area(db, stranger, "Dusun Barat", "3", "4")
    # "system" is the program's own actor by identity, not by name.
    with pytest.raises(PermissionDenied, match="tidak terdaftar"):
        village.add_area(db, Actor(username="system", role="admin"), "Dusun Barat", "3", "4")
    with db.read() as s:
        assert s.scalar(select(func.count(Rt.id))) == 3
    village.add_area(db, SYSTEM, "Dusun Barat", "3", "4")  # init, demo and migrations
    with db.read() as s:
        assert s.scalar(select(func.count(Rt.id))) == 4


def test_refusal_rolls_back_work_done_before_the_audit_entry(village_db, admin):
    """The check sits in `audit.record`, usually the last step of a write: everything the
    write did before it is rolled back with it."""
    stale = replace(admin, role="operator")
    with pytest.raises(PermissionDenied), village_db.transaction() as s:
        s.add(Rt(dusun_id=1, rw="1", rt="9"))
        s.flush()
        audit.record(s, stale, "uji", "rt", 1)
    with village_db.read() as s:
        assert s.scalar(select(func.count(Rt.id)).where(Rt.rt == "9")) == 0


def test_an_administrator_may_still_demote_themself(village_db, admin):
    other = make_user(village_db, "admin", "admin2")
    users.set_role(village_db, admin, "admin", "operator")
    assert {u.username: u.role for u in users.list_users(village_db)}["admin"] == "operator"
    with pytest.raises(PermissionDenied):  # the old admin actor is stale now
        users.set_role(village_db, admin, "admin", "admin")
    users.set_role(village_db, other, "admin", "admin")


def test_a_deactivated_user_exports_nothing(village_db, admin, operator, tmp_path):
    users.set_role(village_db, admin, operator.username, "operator", is_active=False)
    out = tmp_path / "sasaran.xlsx"
    with pytest.raises(PermissionDenied, match="dinonaktifkan"):
        targets.export_targets_xlsx(village_db, operator, out)
    assert not out.exists()  # refused before the file of personal data was written
