"""Pengingat iuran: reminders a kader (the family's Agen PESIAR) sends from the follow-up list.

Two kinds: a family in arrears (what it owes, or its next REHAB instalment, with a JKN
card number) and an unpaid first premium after registering (the VA number and the
first-payment window). Two channels: a WhatsApp message opened from a wa.me link with
the text filled in (the number normalised by `rules.phone`; a missing or malformed one
is shown with the reason, never guessed) and a printed slip sheet
(`reports.reminder_pdf`, several families per page).

Each reminder sent is recorded (family, kind, channel, day, who, the kader named, the
amount asked) in one transaction with its audit entry, so the follow-up list shows when
a family was last reminded. Recording needs `fieldwork.write` (contacting a family is
field work); the slip sheet is personal data, so also `personal.export` (audited).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.errors import NotFound, ValidationError
from pesiar_desktop.models import (
    Agent,
    Dusun,
    Family,
    Membership,
    Reactivation,
    Registration,
    RegistrationMember,
    Reminder,
    Rt,
)
from pesiar_desktop.reportdata.reminders import ReminderNotice
from pesiar_desktop.reports.reminder_pdf import write_reminder_slips_pdf
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules import reminders as rc
from pesiar_desktop.rules.formatting import area_label, long_date, rupiah
from pesiar_desktop.rules.phone import PhoneCheck, normalise_mobile
from pesiar_desktop.rules.premiums import ARREARS_MONTHS_CAP, REHAB_MIN_MONTHS
from pesiar_desktop.services import audit, events, followups, privacy, settings, village
from pesiar_desktop.services.arrears import FamilyArrears, families_in_arrears
from pesiar_desktop.services.context import Actor, require
from pesiar_desktop.services.reactivation import detail_in
from pesiar_desktop.services.visit_plans import assignment_for_family
from pesiar_desktop.services.visits import family_phone_of, head_name_of

PERMISSION = "fieldwork.write"


@dataclass(frozen=True)
class ReminderTarget:
    """Whom to remind of what: a family in arrears (`family_id`) or an unpaid
    registration (`registration_id`). `kader_name` names the kader when the caller
    knows which one (the follow-up row's agent); else the family's agent is looked up."""

    kind: str
    family_id: int = 0
    registration_id: int | None = None
    kader_name: str | None = None
    kader_phone: str = ""


def arrears_target(
    family_id: int, kader_name: str | None = None, kader_phone: str = ""
) -> ReminderTarget:
    return ReminderTarget(rc.KIND_ARREARS, family_id, None, kader_name, kader_phone)


def first_premium_target(registration_id: int, family_id: int = 0) -> ReminderTarget:
    """`family_id`, when the caller has it, only lets lists be filtered by family."""
    return ReminderTarget(rc.KIND_FIRST_PREMIUM, family_id, registration_id)


@dataclass(frozen=True)
class WhatsAppLink:
    phone: PhoneCheck
    url: str  # "" when the number cannot be used

    @property
    def ok(self) -> bool:
        return bool(self.url)


@dataclass(frozen=True)
class LastReminder:
    sent_on: date
    channel: str

    @property
    def channel_label(self) -> str:
        return rc.CHANNELS.get(self.channel, self.channel)


@dataclass(frozen=True)
class SlipExport:
    path: Path
    notices: tuple[ReminderNotice, ...]


# ---------------------------------------------------------------- the message


def message_text(notice: ReminderNotice) -> str:
    """The WhatsApp message: polite Indonesian, what to pay, with what number, by when."""
    lines = [f"Yth. Bapak/Ibu {notice.head_name},", ""]
    if notice.is_arrears:
        months = notice.months
        counted = (
            f" (yang dibayar paling banyak {ARREARS_MONTHS_CAP} bulan)"
            if months > ARREARS_MONTHS_CAP
            else ""
        )
        lines += [
            f"Kami dari {notice.village_title} mengingatkan bahwa iuran JKN (BPJS Kesehatan) "
            f"keluarga Bapak/Ibu menunggak {months} bulan{counted} untuk {notice.people} "
            "jiwa, sehingga kartu JKN tidak aktif.",
            f"Tunggakan per {long_date(notice.as_of)}: {rupiah(notice.total_owed)}.",
        ]
        if notice.rehab_seq:
            lines.append(
                f"Cicilan REHAB ke-{notice.rehab_seq} dari {notice.rehab_of}: "
                f"{rupiah(notice.amount)}, paling lambat {long_date(notice.due_on)}."
            )
        if notice.reference:
            lines.append(f"{notice.reference_label}: {notice.reference}.")
        lines.append("Setelah tunggakan lunas, kartu JKN aktif kembali.")
        if not notice.rehab_seq and months >= REHAB_MIN_MONTHS:
            lines.append(
                f"Tunggakan {REHAB_MIN_MONTHS}–{ARREARS_MONTHS_CAP} bulan dapat dicicil "
                "melalui program REHAB BPJS Kesehatan; Agen PESIAR dapat membantu."
            )
    else:
        lines += [
            f"Pendaftaran JKN (BPJS Kesehatan) keluarga Bapak/Ibu untuk {notice.people} jiwa "
            f"sudah tercatat di {notice.village_title}.",
            f"Iuran pertama: {rupiah(notice.amount)} per bulan untuk {notice.people} jiwa.",
            f"Nomor VA: {notice.reference}."
            if notice.reference
            else "Nomor VA belum terbit; Agen PESIAR akan menyampaikannya.",
        ]
        if notice.lapsed:
            lines.append(
                "Batas pembayaran iuran pertama"
                + (f" ({long_date(notice.due_on)})" if notice.due_on else "")
                + " sudah lewat, sehingga pendaftaran perlu diulang. Silakan hubungi Agen PESIAR."
            )
        else:
            lines.append(
                f"Iuran pertama dibayar mulai {long_date(notice.payable_from)} dan paling "
                f"lambat {long_date(notice.due_on)}."
                if notice.payable_from
                else f"Iuran pertama dibayar paling lambat {long_date(notice.due_on)}."
            )
            lines.append("Kartu JKN aktif setelah iuran pertama dibayar.")
    lines += ["", "Terima kasih."]
    if notice.kader_name:
        lines.append(
            f"{notice.kader_name}, Agen PESIAR {notice.village_title}"
            + (f" (HP {notice.kader_phone})" if notice.kader_phone else "")
        )
    else:
        lines.append(f"Pemerintah {notice.village_title}")
    return "\n".join(lines)


def whatsapp_link(notice: ReminderNotice) -> WhatsAppLink:
    """The wa.me link with the message, or none and the reason the number cannot be used."""
    check = normalise_mobile(notice.phone)
    url = rc.whatsapp_url(check.number, message_text(notice)) if check.ok else ""
    return WhatsAppLink(check, url)


# ---------------------------------------------------------------- building the notices


def _kader(
    session: Session, target: ReminderTarget, family_id: int, agent_id: int | None, on: date
) -> tuple[int | None, str, str]:
    """(agent id, name, phone): the one the caller named, the registration's agent, or
    the agent whose active assignment covers the family (as the follow-up list shows)."""
    if agent_id is None:
        found = assignment_for_family(session, family_id, on)
        agent_id = found[1] if found else None
    agent = session.get(Agent, agent_id) if agent_id is not None else None
    if target.kader_name is not None:  # the caller's choice; its id when it is that agent
        same = agent is not None and agent.name == target.kader_name
        return (agent_id if same else None), target.kader_name, target.kader_phone
    if agent is None:
        return None, "", ""
    return agent.id, agent.name, agent.phone or ""


def _cards(session: Session, families: Iterable[FamilyArrears]) -> dict[int, str]:
    """A JKN card number per family: of its first member in arrears that has one."""
    order = {m.resident_id: (f.family_id, i) for f in families for i, m in enumerate(f.members)}
    if not order:
        return {}
    rows = session.execute(
        select(Membership.resident_id, Membership.card_number).where(
            Membership.resident_id.in_(list(order)), Membership.card_number != ""
        )
    ).all()
    best: dict[int, tuple[int, str]] = {}
    for resident_id, card in rows:
        family_id, rank = order[resident_id]
        if family_id not in best or rank < best[family_id][0]:
            best[family_id] = (rank, card)
    return {fid: card for fid, (_rank, card) in best.items()}


def _addresses(session: Session, family_ids: Iterable[int]) -> dict[int, str]:
    ids = list(family_ids)
    if not ids:
        return {}
    rows = session.execute(select(Family.id, Family.address).where(Family.id.in_(ids))).all()
    return {fid: address or "" for fid, address in rows}


def _open_plans(session: Session, family_ids: Iterable[int]) -> dict[int, int]:
    """The open REHAB plan of each family that has one."""
    ids = list(family_ids)
    if not ids:
        return {}
    rows = session.execute(
        select(Reactivation.family_id, Reactivation.id)
        .where(
            Reactivation.family_id.in_(ids),
            Reactivation.status == fc.REACTIVATION_OPEN,
            Reactivation.kind == fc.REACTIVATION_REHAB,
        )
        .order_by(Reactivation.id)
    ).all()
    return {fid: rid for fid, rid in rows}


def _arrears_notices(
    session: Session, targets: Sequence[ReminderTarget], on: date, title: str
) -> dict[int, ReminderNotice]:
    ids = [t.family_id for t in targets]
    found = {f.family_id: f for f in families_in_arrears(session, on, ids)}
    missing = [fid for fid in ids if fid not in found]
    if missing:
        kk = session.scalar(select(Family.no_kk).where(Family.id == missing[0]))
        raise ValidationError(
            {"family": f"Keluarga KK {kk or missing[0]} tidak (lagi) menunggak iuran."}
        )
    cards = _cards(session, found.values())
    addresses = _addresses(session, ids)
    plans = _open_plans(session, ids)
    notices: dict[int, ReminderNotice] = {}
    for target in targets:
        fam = found[target.family_id]
        amount, seq, of, due = fam.amount_owed, 0, 0, None
        plan_id = plans.get(fam.family_id)
        if plan_id is not None:
            plan = detail_in(session, plan_id)
            line = plan.next_instalment
            if line is not None:
                amount, seq, of, due = line.amount, line.seq, plan.instalments, line.due_on
        agent_id, kader, kader_phone = _kader(session, target, fam.family_id, None, on)
        notices[fam.family_id] = ReminderNotice(
            kind=rc.KIND_ARREARS,
            family_id=fam.family_id,
            head_name=fam.head_name,
            no_kk=fam.no_kk,
            address=addresses.get(fam.family_id, ""),
            area_label=fam.area_label,
            phone=fam.phone,
            people=fam.people,
            amount=amount,
            reference=cards.get(fam.family_id, ""),
            as_of=on,
            village_title=title,
            kader_name=kader,
            kader_phone=kader_phone,
            agent_id=agent_id,
            months=fam.months_in_arrears,
            total_owed=fam.amount_owed,
            due_on=due,
            rehab_seq=seq,
            rehab_of=of,
        )
    return notices


def _first_premium_notice(
    session: Session, target: ReminderTarget, on: date, title: str
) -> ReminderNotice:
    reg_id = target.registration_id
    people = (
        select(func.count())
        .where(
            RegistrationMember.registration_id == Registration.id,
            RegistrationMember.included.is_(True),
        )
        .correlate(Registration)
        .scalar_subquery()
    )
    row = session.execute(
        select(
            Registration.family_id,
            Registration.status,
            Registration.path,
            Registration.monthly_premium,
            func.coalesce(Registration.va_number, ""),
            Registration.payment_from,
            Registration.payment_due,
            Registration.agent_id,
            people,
            Family.no_kk,
            Family.address,
            func.coalesce(head_name_of(Family.id), ""),
            func.coalesce(family_phone_of(Family.id), ""),
            Dusun.name,
            Rt.rw,
            Rt.rt,
        )
        .join(Family, Family.id == Registration.family_id)
        .join(Rt, Rt.id == Family.rt_id)
        .join(Dusun, Dusun.id == Rt.dusun_id)
        .where(Registration.id == reg_id)
    ).first()
    if row is None:
        raise NotFound("Pendaftaran tidak ditemukan.")
    (family_id, status, path, premium, va, pay_from, due, agent_id, n, kk, address, head,
     phone, dusun, rw, rt) = row  # fmt: skip
    if path != fc.PATH_PBPU or status not in fc.UNPAID_STATUSES:
        raise ValidationError(
            {"registration": f"Pendaftaran KK {kk} tidak menunggu iuran pertama "
                             f"({fc.REGISTRATION_STATUSES.get(status, status)})."}
        )  # fmt: skip
    agent, kader, kader_phone = _kader(session, target, family_id, agent_id, on)
    return ReminderNotice(
        kind=rc.KIND_FIRST_PREMIUM,
        family_id=family_id,
        head_name=head,
        no_kk=kk,
        address=address or "",
        area_label=area_label(dusun, rw, rt),
        phone=phone,
        people=int(n or 0),
        amount=int(premium or 0),
        reference=va or "",
        as_of=on,
        village_title=title,
        kader_name=kader,
        kader_phone=kader_phone,
        agent_id=agent,
        registration_id=reg_id,
        payable_from=pay_from,
        due_on=due,
        window=fc.window_status(pay_from, due, on),
    )


def _village_title(db: Database) -> str:
    profile = village.get_profile(db)
    return profile.title if profile else "Desa"


def prepare(
    db: Database, targets: Sequence[ReminderTarget], on: date | None = None
) -> list[ReminderNotice]:
    """The notices for `targets`, in their order (one per family and kind: a family
    named twice is reminded once). Refused when a family no longer owes anything."""
    on = on or clock.today()
    title = _village_title(db)
    unique: list[ReminderTarget] = []
    seen: set[tuple[str, int | None]] = set()
    for target in targets:
        key = (
            target.kind,
            target.family_id if target.kind == rc.KIND_ARREARS else target.registration_id,
        )
        if key not in seen:
            seen.add(key)
            unique.append(target)
    with db.read() as session:
        arrears = _arrears_notices(
            session, [t for t in unique if t.kind == rc.KIND_ARREARS], on, title
        )
        result = [
            arrears[t.family_id]
            if t.kind == rc.KIND_ARREARS
            else _first_premium_notice(session, t, on, title)
            for t in unique
        ]
    return result


def prepare_one(db: Database, target: ReminderTarget, on: date | None = None) -> ReminderNotice:
    return prepare(db, [target], on)[0]


def everyone(
    db: Database, on: date | None = None, *, arrears: bool = True, first_premium: bool = True
) -> list[ReminderTarget]:
    """Every family in arrears and every registration on the follow-up list's unpaid part
    (due within `followups.NEAR_DAYS` days, payable now or late)."""
    on = on or clock.today()
    targets: list[ReminderTarget] = []
    if first_premium:
        targets += [
            first_premium_target(r.registration_id, r.family_id)
            for r in followups.unpaid_registrations(db, on)
        ]
    if arrears:
        with db.read() as session:
            targets += [arrears_target(f.family_id) for f in families_in_arrears(session, on)]
    return targets


# ---------------------------------------------------------------- recording


def _record_in(
    session: Session,
    actor: Actor,
    notices: Sequence[ReminderNotice],
    channel: str,
    on: date,
) -> list[int]:
    ids: list[int] = []
    for notice in notices:
        number = ""
        if channel == rc.CHANNEL_WHATSAPP:
            check = normalise_mobile(notice.phone)
            if not check.ok:
                raise ValidationError(
                    {"phone": f"No HP tidak valid: {check.display or '-'} ({check.problem})."}
                )
            number = check.number
        row = Reminder(
            family_id=notice.family_id,
            kind=notice.kind,
            channel=channel,
            sent_on=on,
            registration_id=notice.registration_id,
            agent_id=notice.agent_id,
            kader_name=notice.kader_name[:120],
            phone=number,
            amount=notice.amount,
            due_on=notice.due_on,
            recorded_by=actor.username,
        )
        session.add(row)
        session.flush()
        audit.record(session, actor, "reminder.sent", "reminder", row.id, None,
                     audit.snapshot(row))  # fmt: skip
        ids.append(row.id)
    return ids


def record(
    db: Database,
    actor: Actor,
    notices: Sequence[ReminderNotice],
    channel: str,
    on: date | None = None,
) -> list[int]:
    """Record that these reminders went out today (one transaction, one audit entry
    each). A WhatsApp reminder needs a usable number."""
    require(actor, PERMISSION)
    if channel not in rc.CHANNELS:
        raise ValidationError({"channel": f"Cara pengingat tidak dikenal: {channel}."})
    if not notices:
        return []
    with db.transaction() as session:
        ids = _record_in(session, actor, notices, channel, on or clock.today())
    events.notify(events.Topic.VISITS)  # a contact with the family, like a visit
    return ids


def last_reminded(
    db: Database, family_ids: Iterable[int] | None = None
) -> dict[tuple[int, str], LastReminder]:
    """The latest reminder per (family, kind)."""
    query = select(Reminder.family_id, Reminder.kind, Reminder.sent_on, Reminder.channel)
    if family_ids is not None:
        query = query.where(Reminder.family_id.in_(list(family_ids)))
    with db.read() as session:
        rows = session.execute(query.order_by(Reminder.sent_on, Reminder.id)).all()
    return {(fid, kind): LastReminder(sent_on, channel) for fid, kind, sent_on, channel in rows}


def count_sent(db: Database, start: date, end: date) -> dict[str, int]:
    """Reminders sent from `start` to `end` (inclusive) per channel."""
    with db.read() as session:
        rows = session.execute(
            select(Reminder.channel, func.count())
            .where(Reminder.sent_on >= start, Reminder.sent_on <= end)
            .group_by(Reminder.channel)
        ).all()
    return {channel: int(n) for channel, n in rows}


# ---------------------------------------------------------------- the slip sheet


def export_slips(
    db: Database,
    actor: Actor,
    targets: Sequence[ReminderTarget],
    path: Path | str,
    on: date | None = None,
) -> SlipExport:
    """The reminder slips of `targets` as one PDF (several per page), each recorded as
    a printed reminder; personal data: the export is audited."""
    privacy.require_export(actor, db)
    require(actor, PERMISSION)
    on = on or clock.today()
    notices = prepare(db, targets, on)
    if not notices:
        raise ValidationError({"families": "Tidak ada keluarga untuk dibuatkan slip pengingat."})
    paper = settings.read(db, settings.SETTINGS.paper)
    written = write_reminder_slips_pdf(notices, path, village.letterhead(db), paper=paper)
    record(db, actor, notices, rc.CHANNEL_SLIP, on)
    privacy.record_export(db, actor, "reminder_slips", len(notices), str(written))
    return SlipExport(written, tuple(notices))
