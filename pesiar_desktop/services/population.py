"""Peristiwa kependudukan: births, deaths, moves out and in, entered from the register's
family panel, listed per month, undone by a new audited event (never a deletion).

The register carries the result (a birth is a resident born that day, an arrival has
`arrived_on`, a death or move out sets `life_status`/`life_status_date`), so every figure
"as of a day" (the Beranda's coverage per month, the recap per dusun, the monthly
population report) follows the events through `rules.population.present_on`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.errors import NotFound, ValidationError
from pesiar_desktop.models import (
    Dusun,
    Family,
    Membership,
    MembershipHistory,
    PopulationEvent,
    Resident,
    Rt,
)
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import population as pc
from pesiar_desktop.rules.membership import MembershipInput
from pesiar_desktop.rules.nik import NEWBORN_NO_NIK
from pesiar_desktop.rules.residents import ResidentInput
from pesiar_desktop.rules.text import text_problem
from pesiar_desktop.services import audit, events
from pesiar_desktop.services import residents as register_writer
from pesiar_desktop.services.context import Actor, require
from pesiar_desktop.services.residents import FamilyInput, SaveResult

PLACE_LIMIT = 120
NOTE_LIMIT = 255


@dataclass(frozen=True)
class EventRow:
    """One event as the monthly list shows it."""

    id: int
    kind: str
    occurred_on: date
    resident_id: int
    nik: str
    name: str
    sex: int
    no_kk: str
    dusun: str
    place: str
    note: str
    recorded_by: str
    recorded_at: datetime
    cancels_id: int | None  # a CANCEL event: the event it undoes
    cancelled_by: int | None  # the CANCEL event that undid this one

    @property
    def kind_label(self) -> str:
        return pc.KINDS.get(self.kind, self.kind)

    @property
    def counts(self) -> bool:
        """An event that still stands (not undone, not itself an undo)."""
        return self.kind != pc.CANCEL and self.cancelled_by is None


def _text_errors(place: str, note: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if problem := text_problem(place, PLACE_LIMIT):
        errors["place"] = f"Tempat {problem}"
    if problem := text_problem(note, NOTE_LIMIT):
        errors["note"] = f"Keterangan {problem}"
    return errors


def add_event(
    session: Session,
    actor: Actor,
    kind: str,
    resident: Resident,
    when: date,
    place: str,
    note: str,
    cancels_id: int | None = None,
) -> PopulationEvent:
    event = PopulationEvent(
        kind=kind,
        resident_id=resident.id,
        family_id=resident.family_id,
        occurred_on=when,
        place=" ".join(place.split()),
        note=note.strip(),
        cancels_id=cancels_id,
        recorded_by=actor.username,
    )
    session.add(event)
    session.flush()
    audit.record(
        session,
        actor,
        "population.cancel" if kind == pc.CANCEL else "population.record",
        "population_event",
        event.id,
        None,
        audit.snapshot(event),
    )
    return event


# ---------------------------------------------------------------- entries


def record_birth(
    db: Database,
    actor: Actor,
    data: ResidentInput,
    family_id: int,
    *,
    place: str = "",
    note: str = "",
    membership: MembershipInput | None = None,
) -> SaveResult:
    """A child born into an existing family: the resident is added with the birth date
    as the event's day (the birth place is the event's place unless one is given).

    A newborn before Dukcapil issues a NIK: a blank NIK keeps the child in the register,
    flagged "NIK perlu diperbaiki" (rules.nik.NEWBORN_NO_NIK) until the NIK is entered."""
    require(actor, "residents.write")
    if not data.nik.strip():
        data = replace(data, nik_to_fix=True)
    place = place or data.birth_place
    extra = _text_errors(place, note)
    if data.shdk == codes.SHDK_HEAD:
        extra["shdk"] = "Bayi yang baru lahir tidak dapat menjadi Kepala Keluarga."
    if membership is not None and membership.as_of is None and data.birth_date is not None:
        membership.as_of = data.birth_date
    with db.transaction() as session:
        resident, warnings = register_writer.add_resident_in(
            session,
            actor,
            data,
            family_id=family_id,
            membership=membership,
            extra_errors=extra,
            missing_nik_reason=NEWBORN_NO_NIK,
        )
        assert data.birth_date is not None
        add_event(session, actor, pc.BIRTH, resident, data.birth_date, place, note)
        result = SaveResult(resident.id, resident.family_id, warnings)
    events.notify(events.Topic.RESIDENTS)
    return result


def record_move_in(
    db: Database,
    actor: Actor,
    data: ResidentInput,
    when: date | None,
    *,
    family_id: int | None = None,
    new_family: FamilyInput | None = None,
    place: str = "",
    note: str = "",
    membership: MembershipInput | None = None,
) -> SaveResult:
    """A pendatang: into an existing family, or the head of a new one (the rest of a family
    that moves in together follows as members). Counted from `when` on."""
    require(actor, "residents.write")
    extra = _text_errors(place, note)
    if when is None:
        extra["arrived_on"] = "Tanggal datang wajib diisi."
    elif when > clock.today():
        extra["arrived_on"] = "Tanggal datang tidak boleh di masa depan."
    elif data.birth_date is not None and when < data.birth_date:
        extra["arrived_on"] = "Tanggal datang tidak boleh sebelum tanggal lahir."
    if membership is not None and membership.as_of is None:
        membership.as_of = when
    with db.transaction() as session:
        resident, warnings = register_writer.add_resident_in(
            session,
            actor,
            data,
            family_id=family_id,
            new_family=new_family,
            membership=membership,
            extra_errors=extra,
        )
        assert when is not None
        resident.arrived_on = when
        session.flush()
        add_event(session, actor, pc.MOVE_IN, resident, when, place, note)
        result = SaveResult(resident.id, resident.family_id, warnings)
    events.notify(events.Topic.RESIDENTS)
    return result


# ---------------------------------------------------------------- exits


def _record_exit(
    db: Database,
    actor: Actor,
    kind: str,
    resident_id: int,
    when: date,
    place: str,
    note: str,
    new_head_id: int | None,
) -> int:
    require(actor, "residents.write")
    errors = _text_errors(place, note)
    if errors:
        raise ValidationError(errors)
    status, action = (
        (codes.LIFE_DEAD, "resident.mark_dead")
        if kind == pc.DEATH
        else (codes.LIFE_MOVED, "resident.mark_moved")
    )
    with db.transaction() as session:
        resident = register_writer.end_life_in(
            session, actor, resident_id, status, when, new_head_id, action
        )
        event_id = add_event(session, actor, kind, resident, when, place, note).id
    events.notify(events.Topic.RESIDENTS)
    return event_id


def record_death(
    db: Database,
    actor: Actor,
    resident_id: int,
    when: date,
    *,
    place: str = "",
    note: str = "",
    new_head_id: int | None = None,
) -> int:
    """A death: the resident stays in the register as a record, no longer counted from
    `when` on; a head hands the family over; a JKN membership ends. Returns the event id."""
    return _record_exit(db, actor, pc.DEATH, resident_id, when, place, note, new_head_id)


def record_move_out(
    db: Database,
    actor: Actor,
    resident_id: int,
    when: date,
    *,
    place: str = "",
    note: str = "",
    new_head_id: int | None = None,
) -> int:
    """A move out of the village (`place`: where to), like `record_death` otherwise."""
    return _record_exit(db, actor, pc.MOVE_OUT, resident_id, when, place, note, new_head_id)


# ---------------------------------------------------------------- undo


def cancel_event(db: Database, actor: Actor, event_id: int, reason: str) -> int:
    """Undoes a wrongly recorded event with a new CANCEL event (the reason is its note) and
    puts the register back: a death or move out → the resident is living again (their
    JKN membership as it was before); a birth or arrival → the resident is marked Tidak
    Valid and never counted. Only a resident's latest standing event can be undone.
    Returns the CANCEL event's id."""
    require(actor, "residents.write")
    reason = reason.strip()
    if not reason:
        raise ValidationError({"note": "Tuliskan alasan pembatalan."})
    if problem := text_problem(reason, NOTE_LIMIT):
        raise ValidationError({"note": f"Alasan {problem}"})
    with db.transaction() as session:
        event = session.get(PopulationEvent, event_id)
        if event is None:
            raise NotFound("Peristiwa tidak ditemukan.")
        if event.kind == pc.CANCEL:
            raise ValidationError(
                {"event": "Pembatalan tidak dapat dibatalkan: catat peristiwanya lagi."}
            )
        if session.scalar(select(PopulationEvent.id).where(PopulationEvent.cancels_id == event.id)):
            raise ValidationError({"event": "Peristiwa ini sudah dibatalkan."})
        resident = session.get(Resident, event.resident_id)
        assert resident is not None
        if _standing_later(session, event):
            raise ValidationError(
                {
                    "event": "Ada peristiwa yang lebih baru untuk penduduk ini: "
                    "batalkan yang terbaru dulu."
                }
            )
        if not _state_matches(resident, event):
            status = codes.label(codes.LIFE_STATUS, resident.life_status)
            raise ValidationError(
                {
                    "event": f"Data {resident.name} sudah berubah sejak peristiwa ini "
                    f"(status sekarang: {status}); perbaiki datanya lewat Ubah data."
                }
            )
        if event.kind in pc.EXITS:
            _undo_exit(session, actor, resident, event)
        else:
            _undo_entry(session, actor, resident)
        cancel = add_event(
            session, actor, pc.CANCEL, resident, clock.today(), "", reason, cancels_id=event.id
        )
        cancel_id = cancel.id
    events.notify(events.Topic.RESIDENTS)
    return cancel_id


def _standing_later(session: Session, event: PopulationEvent) -> bool:
    """Another event of the same resident, recorded after this one and not undone."""
    undo = aliased(PopulationEvent)
    rows = session.execute(
        select(PopulationEvent.id)
        .outerjoin(undo, undo.cancels_id == PopulationEvent.id)
        .where(
            PopulationEvent.resident_id == event.resident_id,
            PopulationEvent.kind != pc.CANCEL,
            PopulationEvent.id > event.id,
            undo.id.is_(None),
        )
    ).first()
    return rows is not None


def _state_matches(resident: Resident, event: PopulationEvent) -> bool:
    """The register still shows what the event did (nothing else changed it since)."""
    if event.kind in pc.EXITS:
        return resident.life_status != codes.LIFE_ALIVE and (
            resident.life_status_date == event.occurred_on
        )
    return resident.life_status == codes.LIFE_ALIVE


def _undo_exit(session: Session, actor: Actor, resident: Resident, event: PopulationEvent) -> None:
    before = {
        "life_status": resident.life_status,
        "life_status_date": resident.life_status_date.isoformat()
        if resident.life_status_date
        else None,
        "shdk": resident.shdk,
    }
    if resident.shdk == codes.SHDK_HEAD and register_writer.living_heads(
        session, resident.family_id
    ):
        # The family has a new head since: the returning head joins as spouse; the user
        # can make them head again with "Ganti kepala keluarga".
        resident.shdk = 3 if resident.sex == 2 else 2
    resident.life_status = codes.LIFE_ALIVE
    resident.life_status_date = None
    session.flush()
    audit.record(
        session,
        actor,
        "resident.restore",
        "resident",
        resident.id,
        before,
        {"life_status": codes.LIFE_ALIVE, "life_status_date": None, "shdk": resident.shdk},
    )
    current = session.get(Membership, resident.id)
    if current is None or current.status != codes.STATUS_ENDED:
        return
    # The snapshot before the one the exit wrote: that membership holds again.
    previous = session.scalars(
        select(MembershipHistory)
        .where(
            MembershipHistory.resident_id == resident.id,
            MembershipHistory.status != codes.STATUS_ENDED,
        )
        .order_by(MembershipHistory.as_of.desc(), MembershipHistory.id.desc())
        .limit(1)
    ).first()
    if previous is None:
        return
    register_writer.set_membership_in(
        session,
        actor,
        resident.id,
        MembershipInput(
            status=previous.status,
            segment=previous.segment,
            card_number=previous.card_number,
            jkn_class=previous.jkn_class,
            fktp_code=previous.fktp_code,
            months_in_arrears=previous.months_in_arrears,
            as_of=event.occurred_on,
        ),
        "manual",
    )


def _undo_entry(session: Session, actor: Actor, resident: Resident) -> None:
    if resident.shdk == codes.SHDK_HEAD and register_writer.living_members(
        session, resident.family_id, resident.id
    ):
        raise ValidationError(
            {
                "event": "Orang ini Kepala Keluarga dengan anggota lain: batalkan dulu peristiwa "
                "anggota lainnya, atau ganti kepala keluarganya."
            }
        )
    before = {"life_status": resident.life_status}
    resident.life_status = pc.LIFE_UNDONE
    resident.life_status_date = None
    session.flush()
    audit.record(
        session,
        actor,
        "resident.invalidate",
        "resident",
        resident.id,
        before,
        {"life_status": pc.LIFE_UNDONE},
    )
    current = session.get(Membership, resident.id)
    if current is not None and current.status != codes.STATUS_NOT_REGISTERED:
        register_writer.set_membership_in(
            session,
            actor,
            resident.id,
            MembershipInput(
                status=codes.STATUS_ENDED,
                segment=current.segment,
                card_number=current.card_number,
                fktp_code=current.fktp_code,
                as_of=clock.today(),
            ),
            "manual",
        )


# ---------------------------------------------------------------- reads


def list_events(
    db: Database, first: date, last: date, *, resident_id: int | None = None
) -> list[EventRow]:
    """Events between two days (CANCEL events by the day they were made), oldest first."""
    undo = aliased(PopulationEvent)
    with db.read() as session:
        query = (
            select(
                PopulationEvent,
                Resident.nik,
                Resident.name,
                Resident.sex,
                Family.no_kk,
                Dusun.name,
                undo.id,
            )
            .join(Resident, Resident.id == PopulationEvent.resident_id)
            .join(Family, Family.id == Resident.family_id)
            .join(Rt, Rt.id == Family.rt_id)
            .join(Dusun, Dusun.id == Rt.dusun_id)
            .outerjoin(undo, undo.cancels_id == PopulationEvent.id)
            .where(PopulationEvent.occurred_on.between(first, last))
            .order_by(PopulationEvent.occurred_on, PopulationEvent.id)
        )
        if resident_id is not None:
            query = query.where(PopulationEvent.resident_id == resident_id)
        return [
            EventRow(
                id=e.id,
                kind=e.kind,
                occurred_on=e.occurred_on,
                resident_id=e.resident_id,
                nik=nik,
                name=name,
                sex=sex,
                no_kk=no_kk,
                dusun=dusun,
                place=e.place,
                note=e.note,
                recorded_by=e.recorded_by,
                recorded_at=e.created_at,
                cancels_id=e.cancels_id,
                cancelled_by=undone_by,
            )
            for e, nik, name, sex, no_kk, dusun, undone_by in session.execute(query)
        ]
