"""Registrasi: a family's JKN registration from submission to an active card.

Paths (`rules.fieldwork_codes.REGISTRATION_PATHS`):
- PBPU mandiri: every living member on the KK is registered, each with a class; leaving
  someone out needs an explicit confirmation and a reason per person. The monthly premium
  comes from the `premium_rate` table valid on the registration date (never typed). BPJS
  issues a virtual account (VA); the first premium can be paid from
  `registration.first_payment_from_days` (14) until `registration.first_payment_until_days`
  (30) days after registration (`first_payment_window`, the one place that reads them);
  once paid the card becomes active. Unpaid by the last day, the registration lapses.
- a proposal for PBPU Pemda / PBI through the Dinas Sosial, and a report of an employer
  that has not registered its workers (PPU BU): taken up (active) or not (cancelled).

Flow: submitted → va_issued → paid → active, or expired / cancelled (with a reason).
Becoming active updates the current membership of every included member and appends
their history, audited, in one transaction. Each registration gets a receipt (tanda
terima) number from a yearly counter that two writers can never share.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import CursorResult, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.errors import NotFound, PesiarError, ValidationError
from pesiar_desktop.models import (
    Agent,
    Dusun,
    Family,
    Membership,
    Registration,
    RegistrationMember,
    Resident,
    Rt,
)
from pesiar_desktop.models.fieldwork import ReceiptCounter
from pesiar_desktop.reportdata.registrations import RegisteredMember, RegistrationDetail
from pesiar_desktop.reports.proposal_xlsx import write_employer_report_xlsx, write_proposal_xlsx
from pesiar_desktop.reports.receipt_pdf import write_receipt_pdf
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules.formatting import address_line, area_label, long_date, roman_month, rupiah
from pesiar_desktop.rules.premiums import Rate, check_va, rate_on
from pesiar_desktop.services import audit, events, membership, privacy, settings, village
from pesiar_desktop.services.context import Actor, require
from pesiar_desktop.services.membership import MembershipChange
from pesiar_desktop.services.premium_rates import load_rates
from pesiar_desktop.services.visit_plans import assignment_for_family
from pesiar_desktop.services.visits import head_name_of

MEMBERSHIP_SOURCE = "registrasi"
MIN_REASON = 3


# ---------------------------------------------------------------- premiums


def premium_for(session: Session, segment: str, jkn_class: int, on: date) -> Rate | None:
    """The rate in force on `on` (service lookup over the premium table)."""
    return rate_on(load_rates(session), segment, jkn_class, on)


def premium_table(db: Database, on: date, segment: str = "PBPU") -> dict[int, Rate]:
    """Class → rate in force on `on`, for the registration dialog."""
    with db.read() as session:
        rates = load_rates(session)
    found: dict[int, Rate] = {}
    for cls in codes.JKN_CLASS:
        rate = rate_on(rates, segment, cls, on)
        if rate is not None:
            found[cls] = rate
    return found


# ---------------------------------------------------------------- first-payment window


@dataclass(frozen=True)
class PaymentWindow:
    """The first premium can be paid from `opens` until `closes`, both inclusive."""

    opens: date
    closes: date


def window_days(session: Session) -> tuple[int, int]:
    """(from, until): the days after registering the window opens and closes (settings)."""
    from_days = settings.get(session, settings.SETTINGS.first_payment_from_days)
    until_days = settings.get(session, settings.SETTINGS.first_payment_until_days)
    return from_days, max(from_days, until_days)


def window_for(registered_on: date, days: tuple[int, int]) -> PaymentWindow:
    """The window of a registration made on `registered_on`, for `window_days` days."""
    return PaymentWindow(
        registered_on + timedelta(days=days[0]), registered_on + timedelta(days=days[1])
    )


def first_payment_window(session: Session, registered_on: date) -> PaymentWindow:
    """The window of a PBPU registration made on `registered_on`, from the settings."""
    return window_for(registered_on, window_days(session))


# ---------------------------------------------------------------- inputs and views


@dataclass
class MemberChoice:
    resident_id: int
    included: bool = True
    jkn_class: int | None = 3
    exclusion_reason: str = ""


@dataclass
class RegistrationInput:
    family_id: int
    path: str
    registered_on: date
    members: list[MemberChoice]
    confirm_exclusions: bool = False
    agent_id: int | None = None
    assignment_id: int | None = None
    employer_name: str = ""
    employer_address: str = ""
    note: str = ""


@dataclass(frozen=True)
class FamilyMember:
    resident_id: int
    nik: str
    name: str
    shdk: int
    sex: int
    birth_date: date
    phone: str
    status: str
    segment: str | None
    jkn_class: int | None
    is_formal_worker: bool
    employer_name: str
    nik_problem: str | None = None  # "NIK perlu diperbaiki": cannot be sent until fixed

    @property
    def already_active(self) -> bool:
        return self.status == codes.STATUS_ACTIVE


@dataclass(frozen=True)
class FamilyForRegistration:
    family_id: int
    no_kk: str
    address: str
    area_label: str
    members: list[FamilyMember]  # living members, head first
    open_registration_id: int | None
    assignment_id: int | None
    agent_id: int | None
    agent_name: str

    @property
    def head_name(self) -> str:
        for member in self.members:
            if member.shdk == codes.SHDK_HEAD:
                return member.name
        return self.members[0].name if self.members else ""


@dataclass(frozen=True)
class RegistrationRow:
    id: int
    family_id: int
    no_kk: str
    head_name: str
    area_label: str
    path: str
    status: str
    registered_on: date
    people: int
    monthly_premium: int
    va_number: str
    payment_due: date | None
    paid_on: date | None
    active_on: date | None
    receipt_number: str
    agent_name: str


@dataclass
class RegistrationFilter:
    status: str | None = None
    path: str | None = None
    search: str = ""
    agent_id: int | None = None
    limit: int = 2000


def _living_members(session: Session, family_id: int) -> list[FamilyMember]:
    rows = session.execute(
        select(
            Resident.id,
            Resident.nik,
            Resident.name,
            Resident.shdk,
            Resident.sex,
            Resident.birth_date,
            Resident.phone,
            Membership.status,
            Membership.segment,
            Membership.jkn_class,
            Resident.is_formal_worker,
            Resident.employer_name,
            Resident.nik_problem,
        )
        .outerjoin(Membership, Membership.resident_id == Resident.id)
        .where(Resident.family_id == family_id, Resident.life_status == codes.LIFE_ALIVE)
        .order_by(Resident.shdk, Resident.birth_date, Resident.id)
    )
    return [
        FamilyMember(
            resident_id=r[0],
            nik=r[1],
            name=r[2],
            shdk=r[3],
            sex=r[4],
            birth_date=r[5],
            phone=r[6],
            status=r[7] or codes.STATUS_NOT_REGISTERED,
            segment=r[8],
            jkn_class=r[9],
            is_formal_worker=r[10],
            employer_name=r[11],
            nik_problem=r[12],
        )
        for r in rows
    ]


def _open_registration(session: Session, family_id: int) -> int | None:
    return session.scalar(
        select(Registration.id)
        .where(Registration.family_id == family_id, Registration.status.in_(fc.OPEN_STATUSES))
        .order_by(Registration.id.desc())
        .limit(1)
    )


def family_for_registration(
    db: Database, family_id: int, on: date | None = None
) -> FamilyForRegistration:
    """Everything the registration dialog shows for a family."""
    on = on or clock.today()
    with db.read() as session:
        row = session.execute(
            select(Family.no_kk, Family.address, Dusun.name, Rt.rw, Rt.rt)
            .join(Rt, Rt.id == Family.rt_id)
            .join(Dusun, Dusun.id == Rt.dusun_id)
            .where(Family.id == family_id)
        ).first()
        if row is None:
            raise NotFound("Keluarga tidak ditemukan.")
        covering = assignment_for_family(session, family_id, on)
        agent_name = ""
        if covering is not None:
            agent_name = session.scalar(select(Agent.name).where(Agent.id == covering[1])) or ""
        return FamilyForRegistration(
            family_id,
            row[0],
            row[1],
            area_label(row[2], row[3], row[4]),
            _living_members(session, family_id),
            _open_registration(session, family_id),
            covering[0] if covering else None,
            covering[1] if covering else None,
            agent_name,
        )


# ---------------------------------------------------------------- receipt numbers


def _rowcount(session: Session, statement: Any) -> int:
    result = session.execute(statement)
    assert isinstance(result, CursorResult)
    return int(result.rowcount)


def draw_receipt_number(session: Session, on: date) -> str:
    """Next receipt number of the year, `0007/TT-JKN/XI/2026`.

    The counter row is bumped with an UPDATE before it is read, so the first writer holds
    the row (PostgreSQL) or the database (SQLite) until it commits: no two registrations
    can draw the same number; the unique receipt column is the last guard.
    """
    year = on.year
    bumped = _rowcount(
        session,
        update(ReceiptCounter)
        .where(ReceiptCounter.year == year)
        .values(last_seq=ReceiptCounter.last_seq + 1),
    )
    if not bumped:
        try:
            with session.begin_nested():
                session.execute(insert(ReceiptCounter).values(year=year, last_seq=1))
        except IntegrityError:  # another writer created the year's row just now
            session.execute(
                update(ReceiptCounter)
                .where(ReceiptCounter.year == year)
                .values(last_seq=ReceiptCounter.last_seq + 1)
            )
    seq = session.scalar(select(ReceiptCounter.last_seq).where(ReceiptCounter.year == year))
    assert seq is not None
    return f"{seq:04d}/TT-JKN/{roman_month(on)}/{year}"


# ---------------------------------------------------------------- submit


def _validate_members(
    session: Session, data: RegistrationInput, living: list[FamilyMember]
) -> dict[str, str]:
    errors: dict[str, str] = {}
    living_ids = {m.resident_id for m in living}
    chosen = {c.resident_id: c for c in data.members}
    strangers = set(chosen) - living_ids
    if strangers:
        errors["members"] = "Ada orang yang bukan anggota hidup pada KK ini."
        return errors
    missing = [m.name for m in living if m.resident_id not in chosen]
    if missing:
        errors["members"] = (
            "Semua anggota keluarga yang masih hidup harus tercantum (dimasukkan atau "
            f"dikecualikan dengan alasan): {', '.join(missing)}."
        )
        return errors
    included = [c for c in data.members if c.included]
    excluded = [c for c in data.members if not c.included]
    if not included:
        errors["members"] = "Pilih paling sedikit satu anggota keluarga yang didaftarkan."
        return errors
    names = {m.resident_id: m.name for m in living}
    to_fix = {m.resident_id: m for m in living if m.nik_problem is not None}
    cannot = [to_fix[c.resident_id] for c in included if c.resident_id in to_fix]
    if cannot:
        errors["members"] = (
            "Anggota dengan NIK perlu diperbaiki tidak dapat didaftarkan sebelum NIK-nya "
            "diperbaiki (Penduduk > Perbaiki NIK): "
            + "; ".join(f"{m.name} ({m.nik_problem})" for m in cannot)
        )
        return errors
    if data.path == fc.PATH_PBPU:
        no_class = [names[c.resident_id] for c in included if c.jkn_class not in codes.JKN_CLASS]
        if no_class:
            errors["members"] = f"Pilih kelas (I, II atau III) untuk: {', '.join(no_class)}."
        no_reason = [
            names[c.resident_id] for c in excluded if len(c.exclusion_reason.strip()) < MIN_REASON
        ]
        if no_reason:
            errors["exclusion"] = (
                "PBPU mendaftarkan seluruh anggota KK. Tulis alasan untuk setiap anggota "
                f"yang tidak didaftarkan: {', '.join(no_reason)}."
            )
        elif excluded and not data.confirm_exclusions:
            errors["confirm"] = (
                f"{len(excluded)} anggota keluarga tidak ikut didaftarkan "
                f"({', '.join(names[c.resident_id] for c in excluded)}). Centang konfirmasi "
                "bahwa mereka memang dikecualikan."
            )
    return errors


def submit(db: Database, actor: Actor, data: RegistrationInput) -> int:
    """Records a family's registration (status `submitted`); returns its id."""
    require(actor, "registrations.write")
    errors: dict[str, str] = {}
    if data.path not in fc.REGISTRATION_PATHS:
        errors["path"] = "Pilih jalur pendaftaran."
    if data.registered_on > clock.today():
        errors["registered_on"] = "Tanggal pendaftaran tidak boleh di masa depan."
    if data.path == fc.PATH_PPU_BU_REPORT and not data.employer_name.strip():
        errors["employer_name"] = "Tulis nama pemberi kerja (badan usaha) yang dilaporkan."
    with db.transaction() as session:
        family = session.get(Family, data.family_id)
        if family is None:
            raise NotFound("Keluarga tidak ditemukan.")
        living = _living_members(session, data.family_id)
        if not living:
            errors["members"] = "Keluarga ini tidak punya anggota yang masih hidup."
        open_id = _open_registration(session, data.family_id)
        if open_id is not None:
            errors["family"] = (
                "Keluarga ini masih punya pendaftaran yang berjalan; selesaikan atau batalkan "
                "dulu pendaftaran itu."
            )
        if "path" not in errors and living:
            errors.update(_validate_members(session, data, living))
        premiums: dict[int, int] = {}
        if not errors and data.path == fc.PATH_PBPU:
            rates = load_rates(session)
            for choice in data.members:
                if not choice.included:
                    continue
                assert choice.jkn_class is not None
                rate = rate_on(rates, "PBPU", choice.jkn_class, data.registered_on)
                if rate is None:
                    errors["members"] = (
                        f"Tarif iuran PBPU {codes.JKN_CLASS[choice.jkn_class]} yang berlaku "
                        f"pada {long_date(data.registered_on)} belum ada di tabel tarif."
                    )
                    break
                premiums[choice.resident_id] = rate.member_pays
        if errors:
            raise ValidationError(errors)
        agent_id, assignment_id = data.agent_id, data.assignment_id
        if agent_id is None and assignment_id is None:
            covering = assignment_for_family(session, data.family_id, data.registered_on)
            if covering is not None:
                assignment_id, agent_id = covering
        names = {m.resident_id: m.name for m in living}
        excluded = [c for c in data.members if not c.included]
        window = (
            first_payment_window(session, data.registered_on) if data.path == fc.PATH_PBPU else None
        )
        registration = Registration(
            family_id=data.family_id,
            agent_id=agent_id,
            assignment_id=assignment_id,
            path=data.path,
            status=fc.STATUS_SUBMITTED,
            registered_on=data.registered_on,
            payment_from=window.opens if window else None,
            payment_due=window.closes if window else None,
            monthly_premium=sum(premiums.values()),
            receipt_number=draw_receipt_number(session, data.registered_on),
            employer_name=data.employer_name.strip(),
            employer_address=data.employer_address.strip(),
            exclusion_reason="; ".join(
                f"{names[c.resident_id]}: {c.exclusion_reason.strip()}" for c in excluded
            ),
            note=data.note.strip(),
            recorded_by=actor.username,
        )
        session.add(registration)
        session.flush()
        for choice in data.members:
            session.add(
                RegistrationMember(
                    registration_id=registration.id,
                    resident_id=choice.resident_id,
                    jkn_class=(
                        choice.jkn_class
                        if data.path == fc.PATH_PBPU
                        else 3
                        if data.path == fc.PATH_PBI_PROPOSAL
                        else None
                    ),
                    monthly_premium=premiums.get(choice.resident_id, 0),
                    included=choice.included,
                    exclusion_reason="" if choice.included else choice.exclusion_reason.strip(),
                )
            )
        session.flush()
        after = audit.snapshot(registration)
        after["members"] = [
            {
                "resident_id": c.resident_id,
                "included": c.included,
                "class": c.jkn_class,
                "premium": premiums.get(c.resident_id, 0),
                "reason": c.exclusion_reason.strip(),
            }
            for c in data.members
        ]
        audit.record(session, actor, "registration.submit", "registration", registration.id,
                     None, after)  # fmt: skip
        reg_id = registration.id
    events.notify(events.Topic.REGISTRATIONS)
    return reg_id


# ---------------------------------------------------------------- status changes


def _load_for_change(session: Session, reg_id: int, target: str) -> Registration:
    registration = session.get(Registration, reg_id)
    if registration is None:
        raise NotFound("Pendaftaran tidak ditemukan.")
    if not fc.can_move(registration.path, registration.status, target):
        current = fc.REGISTRATION_STATUSES.get(registration.status, registration.status)
        wanted = fc.REGISTRATION_STATUSES.get(target, target)
        raise PesiarError(
            f"Status pendaftaran {registration.receipt_number or reg_id} tidak dapat diubah "
            f"dari '{current}' menjadi '{wanted}' "
            f"({fc.REGISTRATION_PATHS.get(registration.path, registration.path)})."
        )
    return registration


def _finish(
    session: Session, actor: Actor, registration: Registration, action: str, before: Any
) -> None:
    session.flush()
    audit.record(
        session,
        actor,
        action,
        "registration",
        registration.id,
        *audit.changed_only(before, audit.snapshot(registration)),
    )


def issue_va(
    db: Database, actor: Actor, reg_id: int, va_number: str, issued_on: date | None = None
) -> str:
    """Records the VA number BPJS issued (checked against `registration.va_pattern`)."""
    require(actor, "registrations.write")
    issued_on = issued_on or clock.today()
    with db.transaction() as session:
        registration = _load_for_change(session, reg_id, fc.STATUS_VA_ISSUED)
        check = check_va(va_number, settings.get(session, settings.SETTINGS.va_pattern))
        errors: dict[str, str] = {}
        if check.error:
            errors["va_number"] = check.error
        else:
            other = session.scalar(
                select(Registration.receipt_number).where(
                    Registration.va_number == check.value,
                    Registration.id != reg_id,
                    Registration.status != fc.STATUS_CANCELLED,
                )
            )
            if other is not None:
                errors["va_number"] = f"Nomor VA {check.value} sudah dipakai pendaftaran {other}."
        if issued_on < registration.registered_on:
            errors["va_issued_on"] = "Tanggal VA terbit tidak boleh sebelum tanggal pendaftaran."
        if issued_on > clock.today():
            errors["va_issued_on"] = "Tanggal VA terbit tidak boleh di masa depan."
        if errors:
            raise ValidationError(errors)
        before = audit.snapshot(registration)
        registration.va_number = check.value
        registration.va_issued_on = issued_on
        registration.status = fc.STATUS_VA_ISSUED
        _finish(session, actor, registration, "registration.va_issued", before)
    events.notify(events.Topic.REGISTRATIONS)
    return check.value


def record_payment(
    db: Database, actor: Actor, reg_id: int, paid_on: date, amount: int | None = None
) -> None:
    """The first premium was paid (the amount defaults to the family's monthly premium)."""
    require(actor, "registrations.write")
    with db.transaction() as session:
        registration = _load_for_change(session, reg_id, fc.STATUS_PAID)
        amount = registration.monthly_premium if amount is None else amount
        errors: dict[str, str] = {}
        if paid_on > clock.today():
            errors["paid_on"] = "Tanggal bayar tidak boleh di masa depan."
        elif paid_on < registration.registered_on:
            errors["paid_on"] = "Tanggal bayar tidak boleh sebelum tanggal pendaftaran."
        if amount < registration.monthly_premium:
            errors["paid_amount"] = (
                f"Iuran pertama keluarga ini {rupiah(registration.monthly_premium)}; "
                f"{rupiah(amount)} kurang."
            )
        if errors:
            raise ValidationError(errors)
        before = audit.snapshot(registration)
        registration.paid_on = paid_on
        registration.paid_amount = amount
        registration.status = fc.STATUS_PAID
        _finish(session, actor, registration, "registration.paid", before)
    events.notify(events.Topic.REGISTRATIONS)


def activate(db: Database, actor: Actor, reg_id: int, active_on: date | None = None) -> int:
    """The card is active: every included member's membership becomes ACTIVE in the
    path's segment with their class, a history row each; returns the members updated."""
    require(actor, "registrations.write")
    active_on = active_on or clock.today()
    with db.transaction() as session:
        registration = _load_for_change(session, reg_id, fc.STATUS_ACTIVE)
        errors: dict[str, str] = {}
        if active_on > clock.today():
            errors["active_on"] = "Tanggal aktif tidak boleh di masa depan."
        start = registration.paid_on or registration.registered_on
        if active_on < start:
            errors["active_on"] = f"Tanggal aktif tidak boleh sebelum {long_date(start)}."
        if errors:
            raise ValidationError(errors)
        before = audit.snapshot(registration)
        registration.active_on = active_on
        registration.status = fc.STATUS_ACTIVE
        segment = fc.PATH_SEGMENT[registration.path]
        members = session.execute(
            select(RegistrationMember.resident_id, RegistrationMember.jkn_class).where(
                RegistrationMember.registration_id == reg_id,
                RegistrationMember.included.is_(True),
            )
        ).all()
        for resident_id, jkn_class in members:
            _activate_membership(session, actor, resident_id, segment, jkn_class, active_on)
        _finish(session, actor, registration, "registration.active", before)
    events.notify(events.Topic.REGISTRATIONS)
    events.notify(events.Topic.MEMBERSHIPS)
    return len(members)


def _activate_membership(
    session: Session,
    actor: Actor,
    resident_id: int,
    segment: str,
    jkn_class: int | None,
    as_of: date,
) -> None:
    """One member's card is active: recorded even when the state was already the same."""
    membership.set_membership(
        session,
        actor,
        resident_id,
        MembershipChange(
            status=codes.STATUS_ACTIVE, segment=segment, jkn_class=jkn_class, months_in_arrears=0
        ),
        source=MEMBERSHIP_SOURCE,
        as_of=as_of,
        only_if_changed=False,
    )


def expire(
    db: Database, actor: Actor, reg_id: int, reason: str = "", on: date | None = None
) -> None:
    """The first premium was not paid in time: the registration lapses."""
    require(actor, "registrations.write")
    on = on or clock.today()
    with db.transaction() as session:
        registration = _load_for_change(session, reg_id, fc.STATUS_EXPIRED)
        before = audit.snapshot(registration)
        due = long_date(registration.payment_due) if registration.payment_due else "-"
        registration.status = fc.STATUS_EXPIRED
        registration.cancel_reason = (
            reason.strip() or f"Iuran pertama tidak dibayar sampai batas {due}."
        )
        registration.note = (registration.note + f"\nKedaluwarsa {long_date(on)}").strip()
        _finish(session, actor, registration, "registration.expired", before)
    events.notify(events.Topic.REGISTRATIONS)


def cancel(db: Database, actor: Actor, reg_id: int, reason: str) -> None:
    """Cancels a registration that has not become active; the reason is required."""
    require(actor, "registrations.write")
    if len(reason.strip()) < MIN_REASON:
        raise ValidationError({"cancel_reason": "Tulis alasan pembatalan."})
    with db.transaction() as session:
        registration = _load_for_change(session, reg_id, fc.STATUS_CANCELLED)
        before = audit.snapshot(registration)
        registration.status = fc.STATUS_CANCELLED
        registration.cancel_reason = reason.strip()
        _finish(session, actor, registration, "registration.cancelled", before)
    events.notify(events.Topic.REGISTRATIONS)


# ---------------------------------------------------------------- reads


def detail(db: Database, reg_id: int) -> RegistrationDetail:
    with db.read() as session:
        return detail_in(session, reg_id)


def detail_in(session: Session, reg_id: int) -> RegistrationDetail:
    r = session.get(Registration, reg_id)
    if r is None:
        raise NotFound("Pendaftaran tidak ditemukan.")
    fam = session.execute(
        select(Family.no_kk, Family.address, Dusun.name, Rt.rw, Rt.rt)
        .join(Rt, Rt.id == Family.rt_id)
        .join(Dusun, Dusun.id == Rt.dusun_id)
        .where(Family.id == r.family_id)
    ).one()
    agent = session.get(Agent, r.agent_id) if r.agent_id is not None else None
    rows = session.execute(
        select(
            Resident.id,
            Resident.nik,
            Resident.name,
            Resident.shdk,
            Resident.sex,
            Resident.birth_date,
            RegistrationMember.jkn_class,
            RegistrationMember.monthly_premium,
            RegistrationMember.included,
            RegistrationMember.exclusion_reason,
            Resident.phone,
            Resident.nik_problem,
        )
        .join(Resident, Resident.id == RegistrationMember.resident_id)
        .where(RegistrationMember.registration_id == reg_id)
        .order_by(Resident.shdk, Resident.birth_date, Resident.id)
    ).all()
    members = [RegisteredMember(*row[:10], nik_to_fix=row[11] is not None) for row in rows]
    head = next((m.name for m in members if m.shdk == codes.SHDK_HEAD), "")
    if not head:
        head = session.scalar(
            select(Resident.name).where(
                Resident.family_id == r.family_id, Resident.shdk == codes.SHDK_HEAD
            )
        ) or (members[0].name if members else "")
    phone = next((row[10] for row in rows if row[10]), "")
    return RegistrationDetail(
        id=r.id,
        family_id=r.family_id,
        no_kk=fam[0],
        address=fam[1],
        area_label=area_label(fam[2], fam[3], fam[4]),
        full_address=address_line(fam[1], fam[2], fam[3], fam[4]),
        head_name=head,
        phone=phone,
        path=r.path,
        status=r.status,
        registered_on=r.registered_on,
        va_number=r.va_number,
        va_issued_on=r.va_issued_on,
        payment_from=r.payment_from,
        payment_due=r.payment_due,
        paid_on=r.paid_on,
        paid_amount=r.paid_amount,
        active_on=r.active_on,
        monthly_premium=r.monthly_premium,
        receipt_number=r.receipt_number or "",
        agent_id=r.agent_id,
        agent_name=agent.name if agent else "",
        agent_phone=agent.phone if agent else "",
        employer_name=r.employer_name,
        employer_address=r.employer_address,
        exclusion_reason=r.exclusion_reason,
        cancel_reason=r.cancel_reason,
        note=r.note,
        recorded_by=r.recorded_by,
        members=members,
    )


def list_registrations(
    db: Database, filt: RegistrationFilter | None = None
) -> list[RegistrationRow]:
    """Registrations, newest first, with the family, head and agent."""
    filt = filt or RegistrationFilter()
    people = (
        select(RegistrationMember.registration_id, func.count().label("n"))
        .where(RegistrationMember.included.is_(True))
        .group_by(RegistrationMember.registration_id)
        .subquery()
    )
    query = (
        select(
            Registration.id,
            Registration.family_id,
            Family.no_kk,
            func.coalesce(head_name_of(Family.id), ""),
            Dusun.name,
            Rt.rw,
            Rt.rt,
            Registration.path,
            Registration.status,
            Registration.registered_on,
            func.coalesce(people.c.n, 0),
            Registration.monthly_premium,
            Registration.va_number,
            Registration.payment_due,
            Registration.paid_on,
            Registration.active_on,
            func.coalesce(Registration.receipt_number, ""),
            func.coalesce(Agent.name, ""),
        )
        .join(Family, Family.id == Registration.family_id)
        .join(Rt, Rt.id == Family.rt_id)
        .join(Dusun, Dusun.id == Rt.dusun_id)
        .outerjoin(people, people.c.registration_id == Registration.id)
        .outerjoin(Agent, Agent.id == Registration.agent_id)
    )
    if filt.status:
        query = query.where(Registration.status == filt.status)
    if filt.path:
        query = query.where(Registration.path == filt.path)
    if filt.agent_id is not None:
        query = query.where(Registration.agent_id == filt.agent_id)
    needle = " ".join(filt.search.split()).lower()
    if needle:
        members = select(RegistrationMember.registration_id).join(
            Resident, Resident.id == RegistrationMember.resident_id
        )
        if needle.isdigit():
            members = members.where(Resident.nik.startswith(needle))
            query = query.where(
                or_(
                    Family.no_kk.startswith(needle),
                    Registration.va_number.startswith(needle),
                    Registration.id.in_(members),
                )
            )
        else:
            members = members.where(Resident.name_sort.contains(needle))
            query = query.where(
                or_(
                    Registration.id.in_(members),
                    func.lower(Registration.receipt_number).contains(needle),
                )
            )
    rows = session_rows(db, query.order_by(Registration.id.desc()).limit(filt.limit))
    return [
        RegistrationRow(
            r[0],
            r[1],
            r[2],
            r[3],
            area_label(r[4], r[5], r[6]),
            r[7],
            r[8],
            r[9],
            int(r[10]),
            r[11],
            r[12],
            r[13],
            r[14],
            r[15],
            r[16],
            r[17],
        )  # fmt: skip
        for r in rows
    ]


def session_rows(db: Database, query: Any) -> list[Any]:
    with db.read() as session:
        return list(session.execute(query).all())


# ---------------------------------------------------------------- printouts


def export_receipt(db: Database, actor: Actor, reg_id: int, path: Path | str) -> Path:
    """The family's tanda terima as a PDF (personal data: export right, audited)."""
    privacy.require_export(actor, db)
    reg = detail(db, reg_id)
    letterhead = village.letterhead(db)
    paper = settings.read(db, settings.SETTINGS.paper)
    written = write_receipt_pdf(
        reg, path, letterhead, paper=paper, masked=not privacy.can_see_full_nik(actor)
    )
    privacy.record_export(db, actor, "receipt", len(reg.members), str(written))
    return written


def proposal_candidates(
    db: Database, status: str | None = fc.STATUS_SUBMITTED, path: str = fc.PATH_PBI_PROPOSAL
) -> list[int]:
    """Registrations on the Dinas Sosial proposal path (or another path), open ones by
    default."""
    query = select(Registration.id).where(Registration.path == path)
    if status is not None:
        query = query.where(Registration.status == status)
    rows = session_rows(db, query.order_by(Registration.registered_on, Registration.id))
    return [int(row[0]) for row in rows]


def export_proposal_xlsx(
    db: Database, actor: Actor, path: Path | str, reg_ids: list[int] | None = None
) -> tuple[Path, int]:
    """The PBPU Pemda / PBI proposal list for the Dinas Sosial: one row per proposed
    person. Returns the file and the number of people."""
    privacy.require_export(actor, db)
    ids = reg_ids if reg_ids is not None else proposal_candidates(db)
    with db.read() as session:
        details = [detail_in(session, reg_id) for reg_id in ids]
        deciles = dict(
            session.execute(
                select(Family.id, Family.welfare_decile).where(
                    Family.id.in_([d.family_id for d in details])
                )
            ).all()
        )
    profile = village.get_profile(db)
    written, people = write_proposal_xlsx(
        details,
        deciles,
        path,
        village_title=profile.title if profile else "",
        printed_on=clock.today(),
    )
    privacy.record_export(db, actor, "pbi_proposal", people, str(written))
    return written, people


def export_employer_report_xlsx(
    db: Database, actor: Actor, path: Path | str, reg_ids: list[int] | None = None
) -> tuple[Path, int]:
    """Reports of employers that have not registered their workers (open ones by default),
    one row per person, for the BPJS branch. Returns the file and the number of people."""
    privacy.require_export(actor, db)
    ids = (
        reg_ids
        if reg_ids is not None
        else proposal_candidates(db, fc.STATUS_SUBMITTED, fc.PATH_PPU_BU_REPORT)
    )
    with db.read() as session:
        details = [detail_in(session, reg_id) for reg_id in ids]
    profile = village.get_profile(db)
    written, people = write_employer_report_xlsx(
        details, path, village_title=profile.title if profile else "", printed_on=clock.today()
    )
    privacy.record_export(db, actor, "ppu_bu_report", people, str(written))
    return written, people
