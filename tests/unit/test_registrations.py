"""Registrasi: whole-family rule, premium from the table, VA check, status flow,
activation writing membership + history, receipt numbers, role refusals."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from pesiar_desktop.errors import PermissionDenied, PesiarError, ValidationError
from pesiar_desktop.models import AuditLog, Membership, MembershipHistory, Registration
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.services import registrations as regs
from pesiar_desktop.services import settings
from pesiar_desktop.services.registrations import MemberChoice, RegistrationInput
from pesiar_desktop.services.settings import SETTINGS
from tests.conftest import make_user
from tests.unit.test_visits_helpers import TODAY

VA = "8888801234567890"


def pbpu(fv, classes=None, on=None, **extra) -> RegistrationInput:
    classes = classes or {"BUDI": 3, "ANI": 3, "RINA": 2}
    return RegistrationInput(
        family_id=fv.budi_family,
        path=fc.PATH_PBPU,
        registered_on=on or TODAY - timedelta(days=20),
        members=[MemberChoice(fv.people[name], True, cls) for name, cls in classes.items()],
        **extra,
    )


def test_family_for_registration_lists_living_members_and_agent(fv):
    family = regs.family_for_registration(fv.db, fv.budi_family)
    assert [m.name for m in family.members] == ["BUDI", "ANI", "RINA"]  # NENEK died
    assert family.agent_name == "SARI WULANDARI"
    assert family.open_registration_id is None
    assert family.head_name == "BUDI"


def test_submit_pbpu_computes_premium_and_deadline(fv, admin):
    reg_id = regs.submit(fv.db, admin, pbpu(fv))
    detail = regs.detail(fv.db, reg_id)
    assert detail.status == fc.STATUS_SUBMITTED
    assert [(m.name, m.jkn_class, m.monthly_premium) for m in detail.included] == [
        ("BUDI", 3, 35000),
        ("ANI", 3, 35000),
        ("RINA", 2, 100000),
    ]
    assert detail.monthly_premium == 170000
    opens = SETTINGS.first_payment_from_days.default
    closes = SETTINGS.first_payment_until_days.default
    assert detail.payment_from == TODAY - timedelta(days=20) + timedelta(days=opens)
    assert detail.payment_due == TODAY - timedelta(days=20) + timedelta(days=closes)
    assert detail.agent_name == "SARI WULANDARI"
    year = (TODAY - timedelta(days=20)).year
    assert detail.receipt_number.startswith("0001/TT-JKN/")
    assert detail.receipt_number.endswith(f"/{year}")
    # Another open registration for the same family is refused.
    with pytest.raises(ValidationError) as err:
        regs.submit(fv.db, admin, pbpu(fv))
    assert "family" in err.value.field_errors


def test_leaving_a_member_out_needs_reason_and_confirmation(fv, admin):
    data = pbpu(fv)
    data.members[2] = MemberChoice(fv.people["RINA"], included=False, jkn_class=None)
    with pytest.raises(ValidationError) as err:
        regs.submit(fv.db, admin, data)
    assert "RINA" in err.value.field_errors["exclusion"]
    data.members[2].exclusion_reason = "Sudah peserta PPU dari tempat kerja ayah tiri"
    with pytest.raises(ValidationError) as err:
        regs.submit(fv.db, admin, data)
    assert "confirm" in err.value.field_errors
    # A member simply missing from the list is never silently left out.
    short = pbpu(fv, {"BUDI": 3, "ANI": 3})
    short.confirm_exclusions = True
    with pytest.raises(ValidationError) as err:
        regs.submit(fv.db, admin, short)
    assert "RINA" in err.value.field_errors["members"]
    with fv.db.read() as session:
        assert session.scalar(select(Registration.id)) is None  # nothing half-written
    data.confirm_exclusions = True
    reg_id = regs.submit(fv.db, admin, data)
    detail = regs.detail(fv.db, reg_id)
    assert [m.name for m in detail.excluded] == ["RINA"]
    assert detail.excluded[0].exclusion_reason.startswith("Sudah peserta PPU")
    assert "RINA: Sudah peserta PPU" in detail.exclusion_reason
    assert detail.monthly_premium == 70000


def test_class_required_and_strangers_refused(fv, admin):
    data = pbpu(fv)
    data.members[0].jkn_class = None
    with pytest.raises(ValidationError) as err:
        regs.submit(fv.db, admin, data)
    assert "BUDI" in err.value.field_errors["members"]
    stranger = pbpu(fv)
    stranger.members.append(MemberChoice(fv.people["JOKO"], True, 3))
    with pytest.raises(ValidationError) as err:
        regs.submit(fv.db, admin, stranger)
    assert "bukan anggota" in err.value.field_errors["members"]
    with pytest.raises(ValidationError) as err:
        regs.submit(fv.db, admin, pbpu(fv, on=TODAY + timedelta(days=1)))
    assert "registered_on" in err.value.field_errors


def test_roles_without_registration_rights_are_refused(fv, admin):
    viewer = make_user(fv.db, "viewer")
    kades = make_user(fv.db, "kepala_desa")
    for actor in (viewer, kades):
        with pytest.raises(PermissionDenied):
            regs.submit(fv.db, actor, pbpu(fv))
    reg_id = regs.submit(fv.db, make_user(fv.db, "operator"), pbpu(fv))
    with pytest.raises(PermissionDenied):
        regs.issue_va(fv.db, viewer, reg_id, VA)
    with pytest.raises(PermissionDenied):
        regs.cancel(fv.db, viewer, reg_id, "salah input")


def test_va_is_checked_against_the_setting(fv, admin):
    reg_id = regs.submit(fv.db, admin, pbpu(fv))
    with pytest.raises(ValidationError) as err:
        regs.issue_va(fv.db, admin, reg_id, "12345")
    assert "tidak sesuai format" in err.value.field_errors["va_number"]
    with pytest.raises(ValidationError) as err:
        regs.issue_va(fv.db, admin, reg_id, "8888-80x2-3456-7890")
    assert "hanya boleh berisi angka" in err.value.field_errors["va_number"]
    settings.put(fv.db, admin, SETTINGS.va_pattern, r"^\d{10}$")
    assert regs.issue_va(fv.db, admin, reg_id, "0123 456 789", TODAY) == "0123456789"
    detail = regs.detail(fv.db, reg_id)
    assert (detail.status, detail.va_number, detail.va_issued_on) == (
        fc.STATUS_VA_ISSUED,
        "0123456789",
        TODAY,
    )


def test_status_flow_and_illegal_transitions(fv, admin):
    reg_id = regs.submit(fv.db, admin, pbpu(fv))
    with pytest.raises(PesiarError, match="tidak dapat diubah"):
        regs.record_payment(fv.db, admin, reg_id, TODAY)  # no VA yet
    with pytest.raises(PesiarError, match="tidak dapat diubah"):
        regs.activate(fv.db, admin, reg_id, TODAY)
    regs.issue_va(fv.db, admin, reg_id, VA, TODAY - timedelta(days=5))
    with pytest.raises(ValidationError) as err:
        regs.record_payment(fv.db, admin, reg_id, TODAY, amount=1000)
    assert "kurang" in err.value.field_errors["paid_amount"]
    regs.record_payment(fv.db, admin, reg_id, TODAY - timedelta(days=1))
    assert regs.detail(fv.db, reg_id).paid_amount == 170000
    with pytest.raises(PesiarError, match="tidak dapat diubah"):
        regs.expire(fv.db, admin, reg_id)  # paid: no longer expires
    with pytest.raises(ValidationError):
        regs.activate(fv.db, admin, reg_id, TODAY - timedelta(days=3))  # before payment
    assert regs.activate(fv.db, admin, reg_id, TODAY) == 3
    with pytest.raises(PesiarError, match="tidak dapat diubah"):
        regs.cancel(fv.db, admin, reg_id, "berubah pikiran")
    with pytest.raises(ValidationError):
        regs.cancel(fv.db, admin, regs.submit(fv.db, admin, pbpu(fv)), "  ")


def test_activation_updates_membership_and_history_in_one_go(fv, admin):
    reg_id = regs.submit(fv.db, admin, pbpu(fv))
    regs.issue_va(fv.db, admin, reg_id, VA, TODAY - timedelta(days=10))
    regs.record_payment(fv.db, admin, reg_id, TODAY - timedelta(days=2))
    with fv.db.read() as session:
        history_before = len(session.scalars(select(MembershipHistory.id)).all())
    regs.activate(fv.db, admin, reg_id, TODAY)
    with fv.db.read() as session:
        for name, cls in (("BUDI", 3), ("ANI", 3), ("RINA", 2)):
            member = session.get(Membership, fv.people[name])
            assert (member.status, member.segment, member.jkn_class, member.as_of) == (
                codes.STATUS_ACTIVE,
                "PBPU",
                cls,
                TODAY,
            )
            last = session.scalars(
                select(MembershipHistory)
                .where(MembershipHistory.resident_id == fv.people[name])
                .order_by(MembershipHistory.id.desc())
            ).first()
            assert (last.status, last.source, last.as_of) == (
                codes.STATUS_ACTIVE,
                regs.MEMBERSHIP_SOURCE,
                TODAY,
            )
        assert len(session.scalars(select(MembershipHistory.id)).all()) == history_before + 3
        actions = [
            a.action
            for a in session.scalars(
                select(AuditLog).where(AuditLog.action.like("registration.%")).order_by(AuditLog.id)
            )
        ]
        assert actions == [
            "registration.submit",
            "registration.va_issued",
            "registration.paid",
            "registration.active",
        ]
        change = session.scalars(
            select(AuditLog)
            .where(
                AuditLog.action == "membership.change", AuditLog.entity_id == str(fv.people["RINA"])
            )
            .order_by(AuditLog.id.desc())
        ).first()
        assert json.loads(change.after_json)["status"] == codes.STATUS_ACTIVE
    assert regs.detail(fv.db, reg_id).status == fc.STATUS_ACTIVE


def test_activation_rolls_back_when_a_member_write_fails(fv, admin, monkeypatch):
    reg_id = regs.submit(fv.db, admin, pbpu(fv))
    regs.issue_va(fv.db, admin, reg_id, VA, TODAY)
    regs.record_payment(fv.db, admin, reg_id, TODAY)
    calls = {"n": 0}
    original = regs._activate_membership

    def failing(session, actor, resident_id, *args):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        original(session, actor, resident_id, *args)

    monkeypatch.setattr(regs, "_activate_membership", failing)
    with pytest.raises(RuntimeError):
        regs.activate(fv.db, admin, reg_id, TODAY)
    with fv.db.read() as session:
        assert session.get(Membership, fv.people["BUDI"]).status == codes.STATUS_NOT_REGISTERED
    assert regs.detail(fv.db, reg_id).status == fc.STATUS_PAID


def test_expire_and_cancel_keep_reasons(fv, admin):
    first = regs.submit(fv.db, admin, pbpu(fv))
    regs.expire(fv.db, admin, first)
    detail = regs.detail(fv.db, first)
    assert detail.status == fc.STATUS_EXPIRED
    assert "tidak dibayar" in detail.cancel_reason
    second = regs.submit(fv.db, admin, pbpu(fv))  # a new try after the lapse
    regs.cancel(fv.db, admin, second, "Keluarga pindah ke desa lain")
    assert regs.detail(fv.db, second).cancel_reason == "Keluarga pindah ke desa lain"
    numbers = [regs.detail(fv.db, i).receipt_number for i in (first, second)]
    assert numbers[0] != numbers[1]
    assert [n.split("/")[0] for n in numbers] == ["0001", "0002"]
    listed = regs.list_registrations(fv.db, regs.RegistrationFilter(status=fc.STATUS_CANCELLED))
    assert [r.id for r in listed] == [second]
    assert regs.list_registrations(fv.db, regs.RegistrationFilter(search="rina"))[0].people == 3


def test_receipt_numbers_never_collide(fv, admin):
    with fv.db.transaction() as session:
        drawn = [regs.draw_receipt_number(session, TODAY) for _ in range(25)]
    with fv.db.transaction() as session:
        drawn.append(regs.draw_receipt_number(session, TODAY))
    assert len(set(drawn)) == 26
    assert drawn[-1].startswith("0026/")


def test_proposal_and_employer_report_paths(fv, admin):
    proposal = RegistrationInput(
        family_id=fv.budi_family,
        path=fc.PATH_PBI_PROPOSAL,
        registered_on=TODAY,
        members=[MemberChoice(fv.people[n], True, None) for n in ("BUDI", "ANI", "RINA")],
    )
    reg_id = regs.submit(fv.db, admin, proposal)
    detail = regs.detail(fv.db, reg_id)
    assert (detail.monthly_premium, detail.payment_due) == (0, None)
    with pytest.raises(PesiarError):
        regs.issue_va(fv.db, admin, reg_id, VA)
    regs.activate(fv.db, admin, reg_id, TODAY)
    with fv.db.read() as session:
        member = session.get(Membership, fv.people["ANI"])
        assert (member.segment, member.jkn_class) == ("PBI_APBD", 3)
    report = RegistrationInput(
        family_id=fv.joko_family,
        path=fc.PATH_PPU_BU_REPORT,
        registered_on=TODAY,
        members=[
            MemberChoice(fv.people["JOKO"], True, None),
            MemberChoice(fv.people["SRI"], False),
        ],
    )
    with pytest.raises(ValidationError) as err:
        regs.submit(fv.db, admin, report)
    assert "employer_name" in err.value.field_errors
    report.employer_name = "PT Tambang Sejahtera"
    assert regs.detail(fv.db, regs.submit(fv.db, admin, report)).employer_name == (
        "PT Tambang Sejahtera"
    )


def test_receipt_numbers_from_parallel_writers_are_unique(fv):
    """Two writers drawing at the same time (each in its own transaction) never collide."""
    import threading

    drawn: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def writer() -> None:
        try:
            for _ in range(15):
                with fv.db.transaction() as session:
                    number = regs.draw_receipt_number(session, TODAY)
                with lock:
                    drawn.append(number)
        except BaseException as err:  # reported below
            errors.append(err)

    threads = [threading.Thread(target=writer) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(drawn) == 45 and len(set(drawn)) == 45
    assert sorted(int(n.split("/")[0]) for n in drawn) == list(range(1, 46))
