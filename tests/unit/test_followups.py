"""Tindak lanjut: nobody whose first-payment deadline passed is missed; arrears per agent."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from pesiar_desktop.models import Registration
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.services import followups
from pesiar_desktop.services import registrations as regs
from pesiar_desktop.services.registrations import MemberChoice, RegistrationInput
from tests.unit.test_visits_helpers import TODAY

VA = "8888801234567890"


def _register(fv, admin, family, names, days_ago):
    return regs.submit(
        fv.db,
        admin,
        RegistrationInput(
            family,
            fc.PATH_PBPU,
            TODAY - timedelta(days=days_ago),
            [MemberChoice(fv.people[n]) for n in names],
        ),
    )


def test_unpaid_list_includes_every_past_deadline(fv, admin):
    late = _register(fv, admin, fv.budi_family, ["BUDI", "ANI", "RINA"], 400)  # a year late
    near = _register(fv, admin, fv.joko_family, ["JOKO", "SRI"], 26)  # due in 4 days
    regs.issue_va(fv.db, admin, near, VA, TODAY - timedelta(days=24))
    far = _register(fv, admin, fv.ketut_family, ["KETUT"], 0)  # payable in 14, due in 30 days
    rows = followups.unpaid_registrations(fv.db, TODAY)
    assert [r.registration_id for r in rows] == [late, near]
    assert rows[0].is_late(TODAY) and rows[0].days_left(TODAY) == -370
    assert rows[0].window_status(TODAY) == fc.WINDOW_CLOSED
    assert rows[1].window_status(TODAY) == fc.WINDOW_OPEN
    assert (rows[0].people, rows[0].monthly_premium, rows[0].phone) == (3, 105000, "081234500001")
    assert (rows[1].status, rows[1].va_number, rows[1].agent_name) == (
        fc.STATUS_VA_ISSUED,
        VA,
        "SARI WULANDARI",
    )
    assert rows[1].agent_phone == "087712340000"
    wide = followups.unpaid_registrations(fv.db, TODAY, near_days=30)
    assert wide[2].window_label(TODAY) == "Belum bisa dibayar"
    assert [r.registration_id for r in wide] == [late, near, far]
    # A registration somehow without a deadline is listed, never hidden.
    with fv.db.transaction() as session:
        session.execute(update(Registration).where(Registration.id == far).values(payment_due=None))
    assert far in [r.registration_id for r in followups.unpaid_registrations(fv.db, TODAY)]
    # Paid, expired and cancelled ones leave the list.
    regs.record_payment(fv.db, admin, near, TODAY)
    regs.expire(fv.db, admin, late)
    regs.cancel(fv.db, admin, far, "Data ganda")
    assert followups.unpaid_registrations(fv.db, TODAY) == []


def test_arrears_listed_under_the_agent_with_phones(fv):
    rows = followups.arrears_by_agent(fv.db)
    assert [(r.agent_name, r.name, r.months_in_arrears, r.phone) for r in rows] == [
        ("SARI WULANDARI", "JOKO", 5, "081298700002"),
        ("SARI WULANDARI", "SRI", 5, "081298700002"),  # the family's phone
    ]
    # No class in the list: 5 months × Kelas III Rp35.000 each.
    assert [(r.family_id, r.months_counted, r.amount_owed) for r in rows] == [
        (fv.joko_family, 5, 175_000),
        (fv.joko_family, 5, 175_000),
    ]
    assert rows[0].agent_phone == "087712340000"
