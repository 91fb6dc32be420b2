"""Keaktifan: arrears computed (capped at 24 months), full payment and REHAB plans through
the membership writer, never counted as a new registration; cancel/correct keep rows and
audit; the receipt PDF read back; the first-payment window statuses."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from pesiar_desktop.errors import PermissionDenied, ValidationError
from pesiar_desktop.models import (
    ArrearsPayment,
    AuditLog,
    Membership,
    MembershipHistory,
    Reactivation,
    Registration,
    RehabInstalment,
)
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules.premiums import rehab_schedule
from pesiar_desktop.services import arrears, dashboard, followups, progress, reactivation
from pesiar_desktop.services import registrations as regs
from pesiar_desktop.services.membership import MembershipChange, set_membership
from pesiar_desktop.services.reactivation import PaymentInput
from tests.unit.test_registrations_printouts import pdf_text
from tests.unit.test_visits_helpers import TODAY, register_budi_family


def _arrears(fv, admin, months: int, jkn_class: int | None = 3) -> None:
    """Puts Joko and Sri `months` months in arrears (PBPU, the class given)."""
    with fv.db.transaction() as session:
        for name in ("JOKO", "SRI"):
            set_membership(
                session,
                admin,
                fv.people[name],
                MembershipChange(
                    status=codes.STATUS_ARREARS,
                    segment="PBPU",
                    jkn_class=jkn_class,
                    months_in_arrears=months,
                ),
                source="manual",
                as_of=TODAY - timedelta(days=40),
            )


def _statuses(fv) -> dict[str, tuple[str, int]]:
    with fv.db.read() as session:
        return {
            name: (m.status, m.months_in_arrears)
            for name in ("JOKO", "SRI")
            if (m := session.get(Membership, fv.people[name])) is not None
        }


NEW_MEMBER_FIGURES = (
    "registered_people", "registered_families", "paid_people", "paid_families",
    "unpaid_registrations",
)  # fmt: skip


def _counts(fv) -> tuple[object, ...]:
    """Everything the new-member figures are made of."""
    with fv.db.read() as session:
        month = progress.month_progress(session, TODAY)
        rows = [*month.agents, *([month.office] if month.office else [])]
        figures = [(r.agent_name, *(getattr(r, f) for f in NEW_MEMBER_FIGURES)) for r in rows]
        by_month = dashboard.registrations_by_month(session, TODAY)
        registrations = session.scalar(select(func.count(Registration.id)))
    return (figures, repr(by_month), registrations)


def _reactivated(fv) -> dict[str, tuple[int, int]]:
    with fv.db.read() as session:
        return {
            r.agent_name: (r.reactivated_people, r.reactivated_families)
            for r in progress.agent_month_progress(session, TODAY)
        }


def test_amount_owed_per_person_and_family_capped_at_24_months(fv, admin):
    _arrears(fv, admin, 30)
    family = arrears.family_arrears(fv.db, fv.joko_family)
    assert family is not None
    assert [(m.name, m.months_in_arrears, m.months_counted) for m in family.members] == [
        ("JOKO", 30, 24),
        ("SRI", 30, 24),
    ]
    assert [m.amount_owed for m in family.members] == [24 * 35_000, 24 * 35_000]
    assert family.amount_owed == 2 * 24 * 35_000
    assert family.months_counted == 24 and family.rehab_allowed
    # No class in the list: counted at Kelas III, flagged.
    _arrears(fv, admin, 5, jkn_class=None)
    family = arrears.family_arrears(fv.db, fv.joko_family)
    assert family is not None
    assert family.amount_owed == 2 * 5 * 35_000
    assert all(m.class_assumed for m in family.members)
    # Class II pays Rp100.000 a month.
    _arrears(fv, admin, 5, jkn_class=2)
    family = arrears.family_arrears(fv.db, fv.joko_family)
    assert family is not None and family.amount_owed == 2 * 5 * 100_000
    assert [f.family_id for f in arrears.list_arrears(fv.db)] == [fv.joko_family]
    assert arrears.family_arrears(fv.db, fv.budi_family) is None


def test_one_months_premium_does_not_clear_22_months(fv, admin):
    _arrears(fv, admin, 22)
    before = _counts(fv)
    with pytest.raises(ValidationError) as err:
        reactivation.pay_full(
            fv.db, admin, fv.joko_family, PaymentInput(TODAY, 70_000, fc.COLLECTOR_FAMILY)
        )
    message = err.value.field_errors["amount"]
    assert "Rp1.540.000" in message and "kurang" in message and "REHAB" in message
    assert _statuses(fv) == {"JOKO": (codes.STATUS_ARREARS, 22), "SRI": (codes.STATUS_ARREARS, 22)}
    with fv.db.read() as session:
        assert session.scalar(select(func.count(Reactivation.id))) == 0
        assert session.scalar(select(func.count(ArrearsPayment.id))) == 0
    assert _counts(fv) == before


def test_full_payment_activates_with_history_and_is_not_a_new_member(fv, admin, operator):
    _arrears(fv, admin, 22)
    before = _counts(fv)
    result = reactivation.pay_full(
        fv.db,
        operator,
        fv.joko_family,
        PaymentInput(TODAY - timedelta(days=1), 1_540_000, fc.COLLECTOR_AGENT),
    )
    assert result.completed
    assert result.receipt_number.startswith("0001/TT-JKN/")
    assert _statuses(fv) == {"JOKO": (codes.STATUS_ACTIVE, 0), "SRI": (codes.STATUS_ACTIVE, 0)}
    with fv.db.read() as session:
        last = session.scalars(
            select(MembershipHistory)
            .where(MembershipHistory.resident_id == fv.people["JOKO"])
            .order_by(MembershipHistory.id.desc())
        ).first()
        assert last is not None
        assert (last.source, last.status, last.months_in_arrears, last.segment) == (
            "reactivation",
            codes.STATUS_ACTIVE,
            0,
            "PBPU",
        )
        assert last.as_of == TODAY - timedelta(days=1)
        payment = session.get(ArrearsPayment, result.payment_id)
        assert payment is not None
        assert (payment.collected_by, payment.collector_name) == ("AGENT", "SARI WULANDARI")
    # Not a registration: the agents' progress and the dashboard figures did not move;
    # the reactivation is its own figure, credited to the family's agent.
    assert _counts(fv) == before
    assert _reactivated(fv) == {"SARI WULANDARI": (2, 1)}
    info = reactivation.detail(fv.db, result.reactivation_id)
    assert info.status == fc.REACTIVATION_COMPLETED and info.remaining == 0
    assert info.agent_name == "SARI WULANDARI"
    assert arrears.family_arrears(fv.db, fv.joko_family) is None


def test_overpayment_and_roles(fv, admin, viewer):
    _arrears(fv, admin, 5)
    with pytest.raises(ValidationError) as err:
        reactivation.pay_full(fv.db, admin, fv.joko_family, PaymentInput(TODAY, 400_000))
    assert "melebihi" in err.value.field_errors["amount"]
    with pytest.raises(PermissionDenied):
        reactivation.pay_full(fv.db, viewer, fv.joko_family, PaymentInput(TODAY, 350_000))
    with pytest.raises(PermissionDenied):
        reactivation.start_rehab(fv.db, viewer, fv.joko_family, 4)
    with pytest.raises(ValidationError) as err:
        reactivation.pay_full(
            fv.db, admin, fv.joko_family, PaymentInput(TODAY, 350_000, fc.COLLECTOR_KADER)
        )
    assert "collector_name" in err.value.field_errors
    with pytest.raises(ValidationError) as err:
        reactivation.pay_full(
            fv.db, admin, fv.joko_family, PaymentInput(TODAY + timedelta(days=1), 350_000)
        )
    assert "paid_on" in err.value.field_errors


def test_rehab_rules_and_schedule(fv, admin):
    _arrears(fv, admin, 3)
    with pytest.raises(ValidationError) as err:
        reactivation.start_rehab(fv.db, admin, fv.joko_family, 3)
    assert "4–24 bulan" in err.value.field_errors["instalments"]
    _arrears(fv, admin, 10)
    with pytest.raises(ValidationError) as err:
        reactivation.start_rehab(fv.db, admin, fv.joko_family, 13)
    assert "antara 2 dan 12" in err.value.field_errors["instalments"]
    assert rehab_schedule(700_001, 3, date(2026, 11, 23)) == [
        (1, date(2026, 11, 23), 233_335),
        (2, date(2026, 12, 10), 233_333),
        (3, date(2027, 1, 10), 233_333),
    ]


def test_rehab_activates_only_after_the_last_instalment(fv, admin, freeze_clock):
    _arrears(fv, admin, 10)  # 2 × 10 × Rp35.000 = Rp700.000
    before = _counts(fv)
    plan = reactivation.start_rehab(fv.db, admin, fv.joko_family, 3, TODAY - timedelta(days=2))
    info = reactivation.detail(fv.db, plan)
    assert [(i.seq, i.amount) for i in info.schedule] == [(1, 233_334), (2, 233_333), (3, 233_333)]
    assert info.schedule[1].due_on == date(2026, 12, 10)
    with pytest.raises(ValidationError) as err:  # not the scheduled amount
        reactivation.pay_instalment(fv.db, admin, plan, PaymentInput(TODAY, 200_000))
    assert "ke-1 dari 3" in err.value.field_errors["amount"]
    with pytest.raises(ValidationError) as err:  # the whole arrears while a plan runs
        reactivation.pay_full(fv.db, admin, fv.joko_family, PaymentInput(TODAY, 700_000))
    assert "REHAB" in err.value.field_errors["family"]
    first = reactivation.pay_instalment(fv.db, admin, plan, PaymentInput(TODAY, 233_334))
    assert not first.completed
    assert _statuses(fv)["JOKO"] == (codes.STATUS_ARREARS, 10)
    freeze_clock(date(2026, 12, 10))
    second = reactivation.pay_instalment(
        fv.db, admin, plan, PaymentInput(date(2026, 12, 10), 233_333)
    )
    assert not second.completed and _statuses(fv)["SRI"] == (codes.STATUS_ARREARS, 10)
    freeze_clock(date(2027, 1, 9))
    # The CLI's one-call form finds the open plan by the family.
    last = reactivation.pay(fv.db, admin, fv.joko_family, PaymentInput(date(2027, 1, 9), 233_333))
    assert last.completed and last.reactivation_id == plan
    assert _statuses(fv) == {"JOKO": (codes.STATUS_ACTIVE, 0), "SRI": (codes.STATUS_ACTIVE, 0)}
    assert last.receipt_number.endswith("/2027")
    info = reactivation.detail(fv.db, plan)
    assert info.completed_on == date(2027, 1, 9) and info.remaining == 0
    freeze_clock(TODAY)
    assert _counts(fv) == before


def test_cancel_and_correct_keep_rows_and_audit(fv, admin):
    _arrears(fv, admin, 5)
    result = reactivation.pay_full(
        fv.db, admin, fv.joko_family, PaymentInput(TODAY, 350_000, fc.COLLECTOR_FAMILY)
    )
    with pytest.raises(ValidationError):
        reactivation.correct_payment(fv.db, admin, result.payment_id, "", PaymentInput(TODAY, 1))
    with pytest.raises(ValidationError) as err:  # a correction must still match
        reactivation.correct_payment(
            fv.db, admin, result.payment_id, "Salah tanggal", PaymentInput(TODAY, 35_000)
        )
    assert "kurang" in err.value.field_errors["amount"]
    corrected = reactivation.correct_payment(
        fv.db,
        admin,
        result.payment_id,
        "Salah tanggal, dibayar kemarin",
        PaymentInput(TODAY - timedelta(days=1), 350_000, fc.COLLECTOR_KADER, "Bu Wayan"),
    )
    assert corrected.payment_id != result.payment_id and corrected.completed
    assert corrected.receipt_number != result.receipt_number
    reactivation.cancel_payment(fv.db, admin, corrected.payment_id, "Uang belum disetor ke VA")
    # Cancelled: back in arrears, the reactivation open again; every row still there.
    assert _statuses(fv) == {"JOKO": (codes.STATUS_ARREARS, 5), "SRI": (codes.STATUS_ARREARS, 5)}
    info = reactivation.detail(fv.db, result.reactivation_id)
    assert info.status == fc.REACTIVATION_OPEN
    assert [(p.status, p.reason) for p in info.payments] == [
        (fc.PAYMENT_CORRECTED, "Salah tanggal, dibayar kemarin"),
        (fc.PAYMENT_CANCELLED, "Uang belum disetor ke VA"),
    ]
    assert info.payments[0].replaced_by_id == corrected.payment_id
    with pytest.raises(Exception, match="dibatalkan"):
        reactivation.cancel_payment(fv.db, admin, corrected.payment_id, "lagi")
    with fv.db.read() as session:
        actions = [
            (a.action, json.loads(a.after_json or "{}"))
            for a in session.scalars(select(AuditLog).order_by(AuditLog.id))
            if a.action.startswith("reactivation.")
        ]
        assert session.scalar(select(func.count(RehabInstalment.id))) == 1
    names = [name for name, _after in actions]
    assert names == [
        "reactivation.start",
        "reactivation.payment",
        "reactivation.completed",
        "reactivation.payment",
        "reactivation.payment_corrected",
        "reactivation.payment_cancelled",
        "reactivation.reopened",
    ]
    assert actions[5][1]["reason"] == "Uang belum disetor ke VA"
    # The open reactivation takes the next payment (the one instalment again).
    again = reactivation.pay(fv.db, admin, fv.joko_family, PaymentInput(TODAY, 350_000))
    assert again.completed and again.reactivation_id == result.reactivation_id


def test_arrears_receipt_pdf_reads_back(fv, admin, tmp_path):
    _arrears(fv, admin, 10)
    result = reactivation.pay(
        fv.db, admin, fv.joko_family, PaymentInput(TODAY, 233_334, fc.COLLECTOR_AGENT), rehab=3
    )
    out = reactivation.export_receipt(fv.db, admin, result.payment_id, tmp_path / "tt.pdf")
    flat = " ".join(pdf_text(out).split())
    assert "TANDA TERIMA PEMBAYARAN TUNGGAKAN IURAN JKN" in flat
    assert f"Nomor: {result.receipt_number}" in flat
    assert "Cicilan REHAB ke-1 dari 3" in flat
    assert "Rp233.334" in flat
    assert "dua ratus tiga puluh tiga ribu tiga ratus tiga puluh empat rupiah" in flat
    assert "SARI WULANDARI" in flat and "JOKO" in flat and "SRI" in flat
    assert "Rp700.000" in flat and "10 Desember 2026" in flat
    assert "aktif kembali setelah seluruh cicilan dibayar" in flat


def test_first_payment_window_statuses(fv, admin, freeze_clock, tmp_path):
    registered = TODAY - timedelta(days=13)
    reg_id = register_budi_family(fv, admin, registered)
    detail = regs.detail(fv.db, reg_id)
    assert detail.payment_from == registered + timedelta(days=14)
    assert detail.payment_due == registered + timedelta(days=30)
    expected = {
        13: fc.WINDOW_NOT_YET,
        14: fc.WINDOW_OPEN,
        30: fc.WINDOW_OPEN,
        31: fc.WINDOW_CLOSED,
    }
    for day, status in expected.items():
        today = registered + timedelta(days=day)
        freeze_clock(today)
        rows = {r.registration_id: r for r in followups.unpaid_registrations(fv.db, today)}
        if status == fc.WINDOW_NOT_YET:  # not payable and not near its deadline: not chased
            assert reg_id not in rows
        else:
            assert rows[reg_id].window_status(today) == status
        assert fc.window_status(detail.payment_from, detail.payment_due, today) == status
    assert fc.WINDOW_STATUSES[fc.WINDOW_CLOSED] == "Lewat batas — pendaftaran perlu diulang"
    freeze_clock(TODAY)
    out = regs.export_receipt(fv.db, admin, reg_id, tmp_path / "tt.pdf")
    flat = " ".join(pdf_text(out).split())
    opens = registered + timedelta(days=14)
    closes = registered + timedelta(days=30)
    from pesiar_desktop.rules.formatting import long_date

    assert (
        f"Iuran pertama dibayar mulai {long_date(opens)} dan paling lambat {long_date(closes)}"
        in flat
    )


def test_family_view_and_target_list_show_the_arrears(fv, admin):
    from pesiar_desktop.services import register, targets

    _arrears(fv, admin, 30, jkn_class=2)
    with fv.db.read() as session:
        view = register.family_view(session, fv.joko_family)
    assert view is not None and view.arrears is not None
    assert view.arrears.amount_owed == 2 * 24 * 100_000
    rows = {t.name: t for t in targets.list_targets(fv.db, targets.TargetFilter())}
    assert rows["JOKO"].arrears_owed == 24 * 100_000
    assert rows["BUDI"].arrears_owed == 0
