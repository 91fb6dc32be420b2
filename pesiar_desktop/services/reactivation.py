"""Keaktifan: a family in arrears becomes active again by paying its arrears.

Separate from registration (`services.registrations`): a reactivation is never a new
member and is never counted as one (no `registration` row is written). Two kinds:

- FULL: the arrears paid at once. The amount must be the whole amount owed
  (`services.arrears`: at most 24 months × each member's premium); less is refused, the
  family stays in arrears.
- REHAB: arrears of 4–24 counted months in 2–12 instalments
  (`rules.premiums.rehab_schedule`: due dates and amounts). Each payment must be the next
  instalment of the schedule, in order.

Every payment has its date, amount, who collected it (agent, kader or the family itself)
and a receipt number from the same yearly counter as the registration receipts
(`registrations.draw_receipt_number`); the receipt PDF prints the amount in words. When
the arrears are cleared (REHAB: the last instalment) every covered member becomes ACTIVE
with 0 months of arrears through the membership writer (source "reactivation", a history
row each). A payment is cancelled or corrected with a reason, never deleted; cancelling
one that had cleared the arrears puts the members back in arrears (with history).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.errors import NotFound, PesiarError, ValidationError
from pesiar_desktop.models import (
    Agent,
    ArrearsPayment,
    Dusun,
    Family,
    Reactivation,
    ReactivationMember,
    RehabInstalment,
    Resident,
    Rt,
)
from pesiar_desktop.reportdata.reactivation import (
    InstalmentLine,
    PaymentLine,
    ReactivatedMember,
    ReactivationDetail,
    ReactivationRow,
)
from pesiar_desktop.reports.receipt_pdf import write_arrears_receipt_pdf
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules.formatting import address_line, area_label, long_date, rupiah
from pesiar_desktop.rules.premiums import rehab_problem, rehab_schedule
from pesiar_desktop.services import audit, events, membership, privacy, settings, village
from pesiar_desktop.services.arrears import FamilyArrears, family_arrears_in
from pesiar_desktop.services.context import Actor, require
from pesiar_desktop.services.membership import MembershipChange
from pesiar_desktop.services.registrations import draw_receipt_number
from pesiar_desktop.services.visit_plans import assignment_for_family
from pesiar_desktop.services.visits import head_name_of

MEMBERSHIP_SOURCE = "reactivation"
PERMISSION = "reactivations.write"
MIN_REASON = 3


@dataclass
class PaymentInput:
    paid_on: date
    amount: int
    collected_by: str = fc.COLLECTOR_FAMILY
    collector_name: str = ""
    agent_id: int | None = None  # an agent collecting; default: the family's agent
    note: str = ""


@dataclass(frozen=True)
class PaymentResult:
    reactivation_id: int
    payment_id: int
    receipt_number: str
    completed: bool  # the arrears are cleared: the members are active again


# ---------------------------------------------------------------- checks


def _no_arrears() -> ValidationError:
    return ValidationError(
        {"family": "Tidak ada anggota keluarga ini yang menunggak iuran (PBPU/BP)."}
    )


def _check_payment(session: Session, family_id: int, data: PaymentInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.paid_on > clock.today():
        errors["paid_on"] = "Tanggal bayar tidak boleh di masa depan."
    if data.amount <= 0:
        errors["amount"] = "Isi jumlah yang dibayar."
    if data.collected_by not in fc.COLLECTORS:
        errors["collected_by"] = "Pilih siapa yang menerima pembayaran (agen, kader, keluarga)."
    elif data.collected_by == fc.COLLECTOR_AGENT and data.agent_id is None:
        covering = assignment_for_family(session, family_id, data.paid_on)
        if covering is not None:
            data.agent_id = covering[1]
    if data.collected_by == fc.COLLECTOR_AGENT and not data.collector_name.strip():
        name = session.scalar(select(Agent.name).where(Agent.id == data.agent_id))
        data.collector_name = name or ""
    if data.collected_by in (fc.COLLECTOR_AGENT, fc.COLLECTOR_KADER) and not (
        data.collector_name.strip()
    ):
        errors["collector_name"] = "Tulis nama agen atau kader yang menerima pembayaran."
    return errors


def _amount_problem(kind: str, expected: int, amount: int, seq: int, total: int) -> str | None:
    if amount == expected:
        return None
    if kind == fc.REACTIVATION_FULL:
        if amount < expected:
            return (
                f"Tunggakan keluarga ini {rupiah(expected)}; pembayaran {rupiah(amount)} kurang "
                f"{rupiah(expected - amount)}. Kepesertaan hanya aktif kembali bila tunggakan "
                "dibayar lunas, atau pilih program REHAB (cicilan) untuk tunggakan 4–24 bulan."
            )
        return (
            f"Tunggakan keluarga ini {rupiah(expected)}; pembayaran {rupiah(amount)} melebihi "
            "tunggakan. Catat hanya jumlah tunggakan."
        )
    return (
        f"Cicilan REHAB ke-{seq} dari {total} sebesar {rupiah(expected)} sesuai jadwal, "
        f"bukan {rupiah(amount)}."
    )


def _open_reactivation(session: Session, family_id: int) -> Reactivation | None:
    return session.scalars(
        select(Reactivation)
        .where(
            Reactivation.family_id == family_id,
            Reactivation.status == fc.REACTIVATION_OPEN,
        )
        .order_by(Reactivation.id.desc())
        .limit(1)
    ).first()


def _valid_payments(session: Session, reactivation_id: int) -> list[ArrearsPayment]:
    return list(
        session.scalars(
            select(ArrearsPayment)
            .where(
                ArrearsPayment.reactivation_id == reactivation_id,
                ArrearsPayment.status == fc.PAYMENT_VALID,
            )
            .order_by(ArrearsPayment.instalment_seq, ArrearsPayment.id)
        )
    )


def _schedule(session: Session, reactivation_id: int) -> list[RehabInstalment]:
    return list(
        session.scalars(
            select(RehabInstalment)
            .where(RehabInstalment.reactivation_id == reactivation_id)
            .order_by(RehabInstalment.seq)
        )
    )


def _next_instalment(session: Session, reactivation_id: int) -> RehabInstalment | None:
    paid = {p.instalment_seq for p in _valid_payments(session, reactivation_id)}
    return next((i for i in _schedule(session, reactivation_id) if i.seq not in paid), None)


# ---------------------------------------------------------------- writing


def _new_reactivation(
    session: Session,
    actor: Actor,
    arrears: FamilyArrears,
    kind: str,
    instalments: int,
    started_on: date,
    note: str,
) -> Reactivation:
    covering = assignment_for_family(session, arrears.family_id, started_on)
    reactivation = Reactivation(
        family_id=arrears.family_id,
        agent_id=covering[1] if covering else None,
        kind=kind,
        status=fc.REACTIVATION_OPEN,
        started_on=started_on,
        months_counted=arrears.months_counted,
        amount_owed=arrears.amount_owed,
        instalments=instalments,
        note=note.strip(),
        recorded_by=actor.username,
    )
    session.add(reactivation)
    session.flush()
    for member in arrears.members:
        session.add(
            ReactivationMember(
                reactivation_id=reactivation.id,
                resident_id=member.resident_id,
                segment=member.segment,
                jkn_class=member.jkn_class,
                months_in_arrears=member.months_in_arrears,
                months_counted=member.months_counted,
                monthly_premium=member.monthly_premium,
                amount_owed=member.amount_owed,
            )
        )
    for seq, due_on, amount in (
        rehab_schedule(arrears.amount_owed, instalments, started_on)
        if kind == fc.REACTIVATION_REHAB
        else [(1, started_on, arrears.amount_owed)]
    ):
        session.add(
            RehabInstalment(reactivation_id=reactivation.id, seq=seq, due_on=due_on, amount=amount)
        )
    session.flush()
    after = audit.snapshot(reactivation)
    after["members"] = [
        {"resident_id": m.resident_id, "months": m.months_counted, "owed": m.amount_owed}
        for m in arrears.members
    ]
    audit.record(session, actor, "reactivation.start", "reactivation", reactivation.id, None,
                 after)  # fmt: skip
    return reactivation


def _family_arrears(session: Session, family_id: int, on: date) -> FamilyArrears:
    if session.get(Family, family_id) is None:
        raise NotFound("Keluarga tidak ditemukan.")
    arrears = family_arrears_in(session, family_id, on)
    if arrears is None:
        raise _no_arrears()
    if arrears.missing_rate:
        raise ValidationError(
            {"family": f"Tarif iuran yang berlaku pada {long_date(on)} belum ada di tabel tarif."}
        )
    return arrears


def _add_payment(
    session: Session, actor: Actor, reactivation: Reactivation, seq: int, data: PaymentInput
) -> ArrearsPayment:
    payment = ArrearsPayment(
        reactivation_id=reactivation.id,
        instalment_seq=seq,
        paid_on=data.paid_on,
        amount=data.amount,
        collected_by=data.collected_by,
        collector_name=data.collector_name.strip(),
        agent_id=data.agent_id,
        receipt_number=draw_receipt_number(session, data.paid_on),
        status=fc.PAYMENT_VALID,
        note=data.note.strip(),
        recorded_by=actor.username,
    )
    session.add(payment)
    session.flush()
    audit.record(session, actor, "reactivation.payment", "arrears_payment", payment.id, None,
                 audit.snapshot(payment))  # fmt: skip
    return payment


def _members(session: Session, reactivation_id: int) -> list[ReactivationMember]:
    return list(
        session.scalars(
            select(ReactivationMember).where(ReactivationMember.reactivation_id == reactivation_id)
        )
    )


def _complete_if_cleared(
    session: Session, actor: Actor, reactivation: Reactivation, on: date
) -> bool:
    """Every instalment paid: the members are active again (membership writer)."""
    if _next_instalment(session, reactivation.id) is not None:
        return False
    before = audit.snapshot(reactivation)
    reactivation.status = fc.REACTIVATION_COMPLETED
    reactivation.completed_on = on
    for member in _members(session, reactivation.id):
        membership.set_membership(
            session,
            actor,
            member.resident_id,
            MembershipChange(status=codes.STATUS_ACTIVE, months_in_arrears=0),
            source=MEMBERSHIP_SOURCE,
            as_of=on,
            only_if_changed=False,
        )
    session.flush()
    audit.record(session, actor, "reactivation.completed", "reactivation", reactivation.id,
                 *audit.changed_only(before, audit.snapshot(reactivation)))  # fmt: skip
    return True


def _reopen_if_uncleared(session: Session, actor: Actor, reactivation: Reactivation) -> None:
    """A cancelled payment leaves an instalment unpaid: a completed reactivation is open
    again and its members are back in arrears, as they were when it started."""
    if reactivation.status != fc.REACTIVATION_COMPLETED:
        return
    if _next_instalment(session, reactivation.id) is None:
        return
    before = audit.snapshot(reactivation)
    reactivation.status = fc.REACTIVATION_OPEN
    reactivation.completed_on = None
    for member in _members(session, reactivation.id):
        membership.set_membership(
            session,
            actor,
            member.resident_id,
            MembershipChange(
                status=codes.STATUS_ARREARS, months_in_arrears=member.months_in_arrears
            ),
            source=MEMBERSHIP_SOURCE,
            as_of=clock.today(),
        )
    session.flush()
    audit.record(session, actor, "reactivation.reopened", "reactivation", reactivation.id,
                 *audit.changed_only(before, audit.snapshot(reactivation)))  # fmt: skip


def _notify() -> None:
    events.notify(events.Topic.MEMBERSHIPS)


def _pay_full_in(
    session: Session, actor: Actor, family_id: int, data: PaymentInput
) -> PaymentResult:
    arrears = _family_arrears(session, family_id, data.paid_on)
    errors = _check_payment(session, family_id, data)
    if _open_reactivation(session, family_id) is not None:
        errors["family"] = (
            "Keluarga ini punya rencana REHAB (cicilan) yang berjalan; catat pembayaran "
            "sebagai cicilan, atau batalkan dulu rencana itu."
        )
    problem = _amount_problem(fc.REACTIVATION_FULL, arrears.amount_owed, data.amount, 1, 1)
    if problem and "amount" not in errors:
        errors["amount"] = problem
    if errors:
        raise ValidationError(errors)
    reactivation = _new_reactivation(
        session, actor, arrears, fc.REACTIVATION_FULL, 1, data.paid_on, data.note
    )
    payment = _add_payment(session, actor, reactivation, 1, data)
    completed = _complete_if_cleared(session, actor, reactivation, data.paid_on)
    return PaymentResult(reactivation.id, payment.id, payment.receipt_number, completed)


def pay_full(db: Database, actor: Actor, family_id: int, data: PaymentInput) -> PaymentResult:
    """The family's arrears paid in full: recorded with its receipt, members active again."""
    require(actor, PERMISSION)
    with db.transaction() as session:
        result = _pay_full_in(session, actor, family_id, data)
    _notify()
    return result


def _start_rehab_in(
    session: Session,
    actor: Actor,
    family_id: int,
    instalments: int,
    started_on: date,
    note: str,
) -> Reactivation:
    arrears = _family_arrears(session, family_id, started_on)
    errors: dict[str, str] = {}
    if started_on > clock.today():
        errors["started_on"] = "Tanggal mulai tidak boleh di masa depan."
    problem = rehab_problem(arrears.months_counted, instalments)
    if problem:
        errors["instalments"] = problem
    if _open_reactivation(session, family_id) is not None:
        errors["family"] = "Keluarga ini sudah punya rencana REHAB yang berjalan."
    if errors:
        raise ValidationError(errors)
    return _new_reactivation(
        session, actor, arrears, fc.REACTIVATION_REHAB, instalments, started_on, note
    )


def start_rehab(
    db: Database,
    actor: Actor,
    family_id: int,
    instalments: int,
    started_on: date | None = None,
    note: str = "",
) -> int:
    """A REHAB plan for the family's arrears: its schedule of `instalments` payments."""
    require(actor, PERMISSION)
    with db.transaction() as session:
        reactivation = _start_rehab_in(
            session, actor, family_id, instalments, started_on or clock.today(), note
        )
        reactivation_id = reactivation.id
    _notify()
    return reactivation_id


def _load(session: Session, reactivation_id: int) -> Reactivation:
    reactivation = session.get(Reactivation, reactivation_id)
    if reactivation is None:
        raise NotFound("Data pengaktifan kembali tidak ditemukan.")
    return reactivation


def _pay_instalment_in(
    session: Session, actor: Actor, reactivation: Reactivation, data: PaymentInput
) -> PaymentResult:
    if reactivation.status != fc.REACTIVATION_OPEN:
        raise PesiarError(
            f"Rencana ini berstatus '{fc.REACTIVATION_STATUSES[reactivation.status]}'; "
            "tidak ada cicilan yang bisa dicatat."
        )
    errors = _check_payment(session, reactivation.family_id, data)
    if data.paid_on < reactivation.started_on:
        errors["paid_on"] = (
            f"Tanggal bayar tidak boleh sebelum rencana dimulai "
            f"({long_date(reactivation.started_on)})."
        )
    following = _next_instalment(session, reactivation.id)
    assert following is not None  # an open plan has an unpaid instalment
    problem = _amount_problem(
        reactivation.kind, following.amount, data.amount, following.seq,
        reactivation.instalments,
    )  # fmt: skip
    if problem and "amount" not in errors:
        errors["amount"] = problem
    if errors:
        raise ValidationError(errors)
    payment = _add_payment(session, actor, reactivation, following.seq, data)
    completed = _complete_if_cleared(session, actor, reactivation, data.paid_on)
    return PaymentResult(reactivation.id, payment.id, payment.receipt_number, completed)


def pay_instalment(
    db: Database, actor: Actor, reactivation_id: int, data: PaymentInput
) -> PaymentResult:
    """The next instalment of a REHAB plan; the last one makes the members active."""
    require(actor, PERMISSION)
    with db.transaction() as session:
        result = _pay_instalment_in(session, actor, _load(session, reactivation_id), data)
    _notify()
    return result


def _load_valid_payment(session: Session, payment_id: int, reason: str) -> ArrearsPayment:
    if len(reason.strip()) < MIN_REASON:
        raise ValidationError({"reason": "Tulis alasan pembatalan atau koreksi."})
    payment = session.get(ArrearsPayment, payment_id)
    if payment is None:
        raise NotFound("Pembayaran tidak ditemukan.")
    if payment.status != fc.PAYMENT_VALID:
        raise PesiarError(
            f"Pembayaran {payment.receipt_number} sudah "
            f"{fc.PAYMENT_STATUSES[payment.status].lower()}; tidak bisa diubah lagi."
        )
    return payment


def cancel_payment(db: Database, actor: Actor, payment_id: int, reason: str) -> None:
    """The payment did not happen (or was recorded twice): kept, marked cancelled."""
    require(actor, PERMISSION)
    with db.transaction() as session:
        payment = _load_valid_payment(session, payment_id, reason)
        before = audit.snapshot(payment)
        payment.status = fc.PAYMENT_CANCELLED
        payment.reason = reason.strip()
        session.flush()
        audit.record(session, actor, "reactivation.payment_cancelled", "arrears_payment",
                     payment.id, *audit.changed_only(before, audit.snapshot(payment)))  # fmt: skip
        _reopen_if_uncleared(session, actor, _load(session, payment.reactivation_id))
    _notify()


def correct_payment(
    db: Database, actor: Actor, payment_id: int, reason: str, data: PaymentInput
) -> PaymentResult:
    """A payment recorded wrongly (date, collector, amount): the old row is kept, marked
    corrected and pointing to the new one, which gets its own receipt number."""
    require(actor, PERMISSION)
    with db.transaction() as session:
        old = _load_valid_payment(session, payment_id, reason)
        reactivation = _load(session, old.reactivation_id)
        errors = _check_payment(session, reactivation.family_id, data)
        instalment = session.scalars(
            select(RehabInstalment).where(
                RehabInstalment.reactivation_id == reactivation.id,
                RehabInstalment.seq == old.instalment_seq,
            )
        ).one()
        problem = _amount_problem(
            reactivation.kind, instalment.amount, data.amount, instalment.seq,
            reactivation.instalments,
        )  # fmt: skip
        if problem and "amount" not in errors:
            errors["amount"] = problem
        if reactivation.kind == fc.REACTIVATION_REHAB and data.paid_on < reactivation.started_on:
            errors["paid_on"] = (
                f"Tanggal bayar tidak boleh sebelum rencana dimulai "
                f"({long_date(reactivation.started_on)})."
            )
        if errors:
            raise ValidationError(errors)
        before = audit.snapshot(old)
        old.status = fc.PAYMENT_CORRECTED
        old.reason = reason.strip()
        session.flush()
        new = _add_payment(session, actor, reactivation, old.instalment_seq, data)
        old.replaced_by_id = new.id
        if reactivation.kind == fc.REACTIVATION_FULL:
            reactivation.started_on = data.paid_on
        if reactivation.status == fc.REACTIVATION_COMPLETED:
            reactivation.completed_on = max(
                p.paid_on for p in _valid_payments(session, reactivation.id)
            )
        session.flush()
        audit.record(session, actor, "reactivation.payment_corrected", "arrears_payment",
                     old.id, *audit.changed_only(before, audit.snapshot(old)))  # fmt: skip
        result = PaymentResult(
            reactivation.id,
            new.id,
            new.receipt_number,
            reactivation.status == fc.REACTIVATION_COMPLETED,
        )
    _notify()
    return result


def cancel_plan(db: Database, actor: Actor, reactivation_id: int, reason: str) -> None:
    """An open REHAB plan abandoned; its valid payments must be cancelled first."""
    require(actor, PERMISSION)
    if len(reason.strip()) < MIN_REASON:
        raise ValidationError({"reason": "Tulis alasan pembatalan."})
    with db.transaction() as session:
        reactivation = _load(session, reactivation_id)
        if reactivation.status != fc.REACTIVATION_OPEN:
            raise PesiarError("Hanya rencana yang masih berjalan yang dapat dibatalkan.")
        if _valid_payments(session, reactivation_id):
            raise PesiarError(
                "Rencana ini sudah punya cicilan yang dibayar; batalkan dulu pembayarannya "
                "(dengan alasan) bila memang tidak terjadi."
            )
        before = audit.snapshot(reactivation)
        reactivation.status = fc.REACTIVATION_CANCELLED
        reactivation.cancel_reason = reason.strip()
        session.flush()
        audit.record(session, actor, "reactivation.cancelled", "reactivation", reactivation.id,
                     *audit.changed_only(before, audit.snapshot(reactivation)))  # fmt: skip
    _notify()


# ---------------------------------------------------------------- the one-call form (CLI)


def find_family(db: Database, family_or_nik: str) -> int:
    """A family id from a No KK, a member's NIK or the family's id."""
    key = "".join(family_or_nik.split())
    with db.read() as session:
        found = session.scalar(select(Family.id).where(Family.no_kk == key))
        if found is None:
            found = session.scalar(select(Resident.family_id).where(Resident.nik == key))
        if found is None and key.isdigit() and len(key) < 16:
            found = session.scalar(select(Family.id).where(Family.id == int(key)))
    if found is None:
        raise NotFound(f"Tidak ada keluarga dengan No KK, NIK anggota atau nomor {key}.")
    return int(found)


def open_reactivation_id(db: Database, family_id: int) -> int | None:
    with db.read() as session:
        found = _open_reactivation(session, family_id)
        return found.id if found is not None else None


def pay(
    db: Database,
    actor: Actor,
    family_id: int,
    data: PaymentInput,
    rehab: int | None = None,
) -> PaymentResult:
    """A payment towards the family's arrears, in one transaction: the next instalment of
    its open REHAB plan; else, with `rehab`, a new plan of that many instalments and its
    first payment; else the full payment."""
    require(actor, PERMISSION)
    with db.transaction() as session:
        plan = _open_reactivation(session, family_id)
        if plan is None and rehab is not None:
            plan = _start_rehab_in(session, actor, family_id, rehab, data.paid_on, data.note)
        if plan is not None:
            result = _pay_instalment_in(session, actor, plan, data)
        else:
            result = _pay_full_in(session, actor, family_id, data)
    _notify()
    return result


# ---------------------------------------------------------------- reads


def detail(db: Database, reactivation_id: int) -> ReactivationDetail:
    with db.read() as session:
        return detail_in(session, reactivation_id)


def detail_in(session: Session, reactivation_id: int) -> ReactivationDetail:
    r = _load(session, reactivation_id)
    fam = session.execute(
        select(Family.no_kk, Family.address, Dusun.name, Rt.rw, Rt.rt,
               func.coalesce(head_name_of(Family.id), ""))
        .join(Rt, Rt.id == Family.rt_id)
        .join(Dusun, Dusun.id == Rt.dusun_id)
        .where(Family.id == r.family_id)
    ).one()  # fmt: skip
    agent = session.get(Agent, r.agent_id) if r.agent_id is not None else None
    members = [
        ReactivatedMember(
            row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9]
        )
        for row in session.execute(
            select(
                Resident.id,
                Resident.nik,
                Resident.name,
                Resident.shdk,
                ReactivationMember.segment,
                ReactivationMember.jkn_class,
                ReactivationMember.months_in_arrears,
                ReactivationMember.months_counted,
                ReactivationMember.monthly_premium,
                ReactivationMember.amount_owed,
            )
            .join(Resident, Resident.id == ReactivationMember.resident_id)
            .where(ReactivationMember.reactivation_id == r.id)
            .order_by(Resident.shdk, Resident.birth_date, Resident.id)
        )
    ]
    payments = [
        PaymentLine(
            p.id,
            p.instalment_seq,
            p.paid_on,
            p.amount,
            p.collected_by,
            p.collector_name,
            p.receipt_number,
            p.status,
            p.reason,
            p.replaced_by_id,
            p.recorded_by,
        )  # fmt: skip
        for p in session.scalars(
            select(ArrearsPayment)
            .where(ArrearsPayment.reactivation_id == r.id)
            .order_by(ArrearsPayment.id)
        )
    ]
    valid = {p.seq: p for p in payments if p.valid}
    schedule = [
        InstalmentLine(
            i.seq,
            i.due_on,
            i.amount,
            valid[i.seq].paid_on if i.seq in valid else None,
            valid[i.seq].receipt_number if i.seq in valid else "",
        )
        for i in _schedule(session, r.id)
    ]
    return ReactivationDetail(
        id=r.id,
        family_id=r.family_id,
        no_kk=fam[0],
        address=fam[1],
        area_label=area_label(fam[2], fam[3], fam[4]),
        full_address=address_line(fam[1], fam[2], fam[3], fam[4]),
        head_name=fam[5],
        kind=r.kind,
        status=r.status,
        started_on=r.started_on,
        months_counted=r.months_counted,
        amount_owed=r.amount_owed,
        instalments=r.instalments,
        completed_on=r.completed_on,
        agent_name=agent.name if agent else "",
        cancel_reason=r.cancel_reason,
        note=r.note,
        members=members,
        schedule=schedule,
        payments=payments,
    )


def list_reactivations(db: Database, status: str | None = None) -> list[ReactivationRow]:
    """Every reactivation (or those with `status`), open plans first, newest first."""
    valid = ArrearsPayment.status == fc.PAYMENT_VALID
    paid = (
        select(
            ArrearsPayment.reactivation_id.label("rid"),
            func.sum(ArrearsPayment.amount).label("total"),
            func.count(func.distinct(ArrearsPayment.instalment_seq)).label("count"),
        )
        .where(valid)
        .group_by(ArrearsPayment.reactivation_id)
        .subquery()
    )
    people = (
        select(ReactivationMember.reactivation_id.label("rid"), func.count().label("n"))
        .group_by(ReactivationMember.reactivation_id)
        .subquery()
    )
    paid_seqs = select(ArrearsPayment.instalment_seq).where(
        ArrearsPayment.reactivation_id == RehabInstalment.reactivation_id, valid
    )
    next_due = (
        select(func.min(RehabInstalment.due_on))
        .where(
            RehabInstalment.reactivation_id == Reactivation.id,
            RehabInstalment.seq.not_in(paid_seqs),
        )
        .scalar_subquery()
    )
    query = (
        select(
            Reactivation,
            Family.no_kk,
            func.coalesce(head_name_of(Family.id), ""),
            Dusun.name,
            Rt.rw,
            Rt.rt,
            Agent.name,
            people.c.n,
            paid.c.total,
            paid.c.count,
            next_due,
        )
        .join(Family, Family.id == Reactivation.family_id)
        .join(Rt, Rt.id == Family.rt_id)
        .join(Dusun, Dusun.id == Rt.dusun_id)
        .outerjoin(Agent, Agent.id == Reactivation.agent_id)
        .outerjoin(people, people.c.rid == Reactivation.id)
        .outerjoin(paid, paid.c.rid == Reactivation.id)
        .order_by(
            (Reactivation.status != fc.REACTIVATION_OPEN),
            Reactivation.started_on.desc(),
            Reactivation.id.desc(),
        )
    )
    if status:
        query = query.where(Reactivation.status == status)
    with db.read() as session:
        return [
            ReactivationRow(
                r.id,
                r.family_id,
                no_kk,
                head,
                area_label(dusun, rw, rt),
                agent or "",
                r.kind,
                r.instalments,
                int(n or 0),
                r.amount_owed,
                int(total or 0),
                int(count or 0),
                r.status,
                r.started_on,
                r.completed_on,
                due if r.status == fc.REACTIVATION_OPEN else None,
            )  # fmt: skip
            for r, no_kk, head, dusun, rw, rt, agent, n, total, count, due in session.execute(query)
        ]


def reactivation_of_payment(db: Database, payment_id: int) -> int:
    with db.read() as session:
        found = session.scalar(
            select(ArrearsPayment.reactivation_id).where(ArrearsPayment.id == payment_id)
        )
    if found is None:
        raise NotFound("Pembayaran tidak ditemukan.")
    return int(found)


def export_receipt(db: Database, actor: Actor, payment_id: int, path: Path | str) -> Path:
    """The receipt of one arrears payment as a PDF (personal data: export right, audited)."""
    privacy.require_export(actor, db)
    info = detail(db, reactivation_of_payment(db, payment_id))
    letterhead = village.letterhead(db)
    paper = settings.read(db, settings.SETTINGS.paper)
    written = write_arrears_receipt_pdf(
        info, payment_id, path, letterhead, paper=paper,
        masked=not privacy.can_see_full_nik(actor),
    )  # fmt: skip
    privacy.record_export(db, actor, "arrears_receipt", len(info.members), str(written))
    return written
