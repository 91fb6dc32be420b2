"""The demo's field work: consistent with the targets, the flow and the memberships."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import func, select

from pesiar_desktop import demo
from pesiar_desktop.demo import fieldwork as demo_fieldwork
from pesiar_desktop.models import (
    AdvocacyEvent,
    Membership,
    MembershipHistory,
    Registration,
    RegistrationMember,
    Resident,
    Visit,
    VisitPlan,
)
from pesiar_desktop.models.fieldwork import ReceiptCounter
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.services import followups, visits
from pesiar_desktop.services.context import SYSTEM
from pesiar_desktop.services.registrations import MEMBERSHIP_SOURCE
from pesiar_desktop.services.settings import SETTINGS

TODAY = date(2026, 11, 22)


def test_demo_generates_six_months_of_consistent_field_work(db, freeze_clock):
    freeze_clock(TODAY)  # the demo's payments are dated up to its day, never in the future
    text = demo.generate(db, SYSTEM, residents=1500, seed=5, today=TODAY)
    assert "Kerja lapangan 6 bulan" in text
    assert demo.DEMO_EXTENSIONS.index("pesiar_desktop.demo.fieldwork") > (
        demo.DEMO_EXTENSIONS.index("pesiar_desktop.demo.agents")
    )
    first_window_day = date(2026, 6, 1)
    with db.read() as session:
        visit_rows = session.execute(select(Visit.visited_on, Visit.outcome, Visit.agent_id)).all()
        assert visit_rows and all(first_window_day <= v <= TODAY for v, _o, _a in visit_rows)
        assert all(agent is not None for _v, _o, agent in visit_rows)
        assert {v.month for v, _o, _a in visit_rows} == {6, 7, 8, 9, 10, 11}
        outcomes = Counter(o for _v, o, _a in visit_rows)
        assert outcomes[fc.OUTCOME_WILLING] and outcomes[fc.OUTCOME_REFUSED]
        assert session.scalar(select(func.count(VisitPlan.id))) > 0
        assert session.scalar(select(func.count(AdvocacyEvent.id))) >= 6
        regs = session.scalars(select(Registration)).all()
        statuses = Counter(r.status for r in regs)
        assert (
            statuses[fc.STATUS_ACTIVE]
            > statuses[fc.STATUS_SUBMITTED] + statuses[fc.STATUS_VA_ISSUED]
        )
        assert statuses[fc.STATUS_EXPIRED] + statuses[fc.STATUS_CANCELLED] > 0
        # One registration per family, unique receipts, the counter at the last one.
        assert len({r.family_id for r in regs}) == len(regs)
        assert len({r.receipt_number for r in regs}) == len(regs)
        # Receipts are numbered in one series with the demo's arrears payments (keaktifan).
        from pesiar_desktop.models import ArrearsPayment

        payments = session.scalar(select(func.count(ArrearsPayment.id)))
        assert session.get(ReceiptCounter, 2026).last_seq == len(regs) + payments
        by_date = sorted(regs, key=lambda r: (r.registered_on, r.id))
        assert [int(r.receipt_number.split("/")[0]) for r in by_date] == list(
            range(1, len(regs) + 1)
        )
        opens = SETTINGS.first_payment_from_days.default
        closes = SETTINGS.first_payment_until_days.default
        for r in regs:
            if r.path == fc.PATH_PBPU:
                assert r.payment_from == r.registered_on + timedelta(days=opens)
                assert r.payment_due == r.registered_on + timedelta(days=closes)
                assert r.paid_on is None or r.paid_on >= r.payment_from
                if r.status in (fc.STATUS_PAID, fc.STATUS_ACTIVE):
                    assert r.paid_on is not None and r.paid_amount == r.monthly_premium > 0
                    assert r.va_number.startswith("8888") and len(r.va_number) == 16
            if r.status == fc.STATUS_ACTIVE:
                members = session.execute(
                    select(RegistrationMember.resident_id, RegistrationMember.jkn_class).where(
                        RegistrationMember.registration_id == r.id,
                        RegistrationMember.included.is_(True),
                    )
                ).all()
                for resident_id, cls in members:
                    m = session.get(Membership, resident_id)
                    assert (m.status, m.segment, m.jkn_class) == (
                        codes.STATUS_ACTIVE,
                        fc.PATH_SEGMENT[r.path],
                        cls,
                    )
                    assert session.scalar(
                        select(func.count(MembershipHistory.id)).where(
                            MembershipHistory.resident_id == resident_id,
                            MembershipHistory.source == MEMBERSHIP_SOURCE,
                        )
                    )
            # PBPU: every living member is listed; anyone left out has a reason.
            listed = session.execute(
                select(RegistrationMember.resident_id, RegistrationMember.included,
                       RegistrationMember.exclusion_reason)
                .where(RegistrationMember.registration_id == r.id)
            ).all()  # fmt: skip
            assert all(included or reason for _rid, included, reason in listed)
            living = set(
                session.scalars(
                    select(Resident.id).where(
                        Resident.family_id == r.family_id,
                        Resident.life_status == codes.LIFE_ALIVE,
                    )
                )
            )
            assert {rid for rid, _i, _r in listed} == living
    # Something for the follow-up and due lists to show.
    assert visits.due_list(db, TODAY)
    assert any(row.is_late(TODAY) for row in followups.unpaid_registrations(db, TODAY))
    # Running it again adds nothing.
    assert demo_fieldwork.extend(db, SYSTEM, seed=5, today=TODAY) == ""


def test_no_assignments_no_field_work(village_db):
    assert demo_fieldwork.extend(village_db, SYSTEM, seed=1, today=TODAY) == ""
