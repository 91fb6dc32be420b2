"""Resident and family use-cases: add, edit, move between families, mark dead / moved.

Rules kept here: every family has exactly one living kepala keluarga; NIK is
unique (the error names who already has it); NIK and No KK are checked by
`rules.nik`; membership changes append to the history.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.errors import NotFound, ValidationError
from pesiar_desktop.models import Dusun, Family, Membership, Resident, Rt
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.membership import MembershipInput, validate_membership
from pesiar_desktop.rules.nik import NIK_MISSING, NIK_TO_FIX, check_nik, check_no_kk
from pesiar_desktop.rules.residents import (
    ResidentCheck,
    ResidentInput,
    check_resident,
    stored_texts,
)
from pesiar_desktop.rules.text import FAMILY_LABELS, FAMILY_TEXT_LIMITS, nfkc, text_errors
from pesiar_desktop.services import audit, events
from pesiar_desktop.services import membership as membership_writer
from pesiar_desktop.services.context import Actor, require
from pesiar_desktop.services.membership import MembershipChange


@dataclass
class FamilyInput:
    no_kk: str
    rt_id: int | None
    address: str = ""
    welfare_decile: int | None = None


@dataclass
class SaveResult:
    resident_id: int
    family_id: int
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- validation


def _nik_owner_error(session: Session, nik: str, exclude_id: int | None) -> str | None:
    owner = session.execute(
        select(Resident.id, Resident.name, Family.no_kk)
        .join(Family, Resident.family_id == Family.id)
        .where(Resident.nik == nik, Resident.nik_problem.is_(None))
    ).first()
    if owner is None or owner.id == exclude_id:
        return None
    return f"NIK {nik} sudah dipakai oleh {owner.name} (No KK {owner.no_kk})."


def living_heads(session: Session, family_id: int, exclude_id: int | None = None) -> list[int]:
    query = select(Resident.id).where(
        Resident.family_id == family_id,
        Resident.shdk == codes.SHDK_HEAD,
        Resident.life_status == codes.LIFE_ALIVE,
    )
    if exclude_id is not None:
        query = query.where(Resident.id != exclude_id)
    return list(session.scalars(query))


def living_members(session: Session, family_id: int, exclude_id: int | None = None) -> int:
    query = select(func.count(Resident.id)).where(
        Resident.family_id == family_id, Resident.life_status == codes.LIFE_ALIVE
    )
    if exclude_id is not None:
        query = query.where(Resident.id != exclude_id)
    return int(session.scalar(query) or 0)


def resident_values(data: ResidentInput, nik: str) -> dict[str, Any]:
    """Column values of a resident as stored (cleaned); shared with the bulk importer."""
    assert data.birth_date is not None
    texts = stored_texts(data)
    name = texts["name"]
    return {
        "nik": nik,
        "name": name,
        "name_sort": name.lower(),
        "sex": data.sex,
        "birth_place": texts["birth_place"],
        "birth_date": data.birth_date,
        "shdk": data.shdk,
        "marital_status": data.marital_status,
        "religion": data.religion,
        "education": data.education,
        "occupation": data.occupation,
        "phone": texts["phone"],
        "father_name": texts["father_name"],
        "mother_name": texts["mother_name"],
        "is_pregnant": data.is_pregnant,
        "has_disability": data.has_disability,
        "is_stunting_child": data.is_stunting_child,
        "is_laid_off": data.is_laid_off,
        "is_formal_worker": data.is_formal_worker,
        "employer_name": texts["employer_name"],
    }


def _apply(resident: Resident, data: ResidentInput, found: ResidentCheck) -> None:
    for key, value in resident_values(data, found.nik).items():
        setattr(resident, key, value)
    resident.nik_problem = found.nik_problem
    if found.nik_problem is not None and resident.nik_raw is None:
        resident.nik_raw = found.nik  # kept after the fix: a re-import still finds them


def _create_family_in(session: Session, actor: Actor, data: FamilyInput) -> Family:
    errors: dict[str, str] = {}
    kk = check_no_kk(data.no_kk)
    if kk.error:
        errors["no_kk"] = kk.error
    elif session.scalar(select(Family.id).where(Family.no_kk == kk.value)) is not None:
        errors["no_kk"] = f"No KK {kk.value} sudah terdaftar; pilih keluarga itu."
    if data.rt_id is None or session.get(Rt, data.rt_id) is None:
        errors["rt_id"] = "Wilayah (dusun/RT) wajib dipilih."
    if data.welfare_decile is not None and not 1 <= data.welfare_decile <= 10:
        errors["welfare_decile"] = "Desil kesejahteraan antara 1 dan 10."
    address = nfkc(data.address).strip()
    errors.update(text_errors({"address": address}, FAMILY_TEXT_LIMITS, FAMILY_LABELS))
    if errors:
        raise ValidationError(errors)
    assert data.rt_id is not None
    family = Family(
        no_kk=kk.value,
        rt_id=data.rt_id,
        address=address,
        welfare_decile=data.welfare_decile,
    )
    session.add(family)
    session.flush()
    audit.record(session, actor, "family.create", "family", family.id, None, audit.snapshot(family))
    return family


def set_membership_in(
    session: Session, actor: Actor, resident_id: int, data: MembershipInput, source: str
) -> None:
    errors = validate_membership(data)
    if errors:
        raise ValidationError(errors)
    membership_writer.set_membership(
        session,
        actor,
        resident_id,
        MembershipChange(
            status=data.status,
            segment=data.segment,
            card_number=data.card_number,
            jkn_class=data.jkn_class,
            fktp_code=data.fktp_code,
            months_in_arrears=data.months_in_arrears,
        ),
        source=source,
        as_of=data.as_of or clock.today(),
    )


# ---------------------------------------------------------------- use-cases


def add_resident(
    db: Database,
    actor: Actor,
    data: ResidentInput,
    family_id: int | None = None,
    new_family: FamilyInput | None = None,
    membership: MembershipInput | None = None,
) -> SaveResult:
    """Adds a person to an existing family, or creates the family with its head."""
    require(actor, "residents.write")
    with db.transaction() as session:
        resident, warnings = add_resident_in(
            session, actor, data, family_id, new_family, membership
        )
        result = SaveResult(resident.id, resident.family_id, warnings)
    events.notify(events.Topic.RESIDENTS)
    return result


def add_resident_in(
    session: Session,
    actor: Actor,
    data: ResidentInput,
    family_id: int | None = None,
    new_family: FamilyInput | None = None,
    membership: MembershipInput | None = None,
    extra_errors: dict[str, str] | None = None,
    missing_nik_reason: str | None = None,
) -> tuple[Resident, list[str]]:
    """`add_resident` inside the caller's transaction (a population event writes its own
    row in the same one); `extra_errors` are the caller's own field errors, shown together;
    `missing_nik_reason` says why a person kept without a NIK has none (a newborn)."""
    found = check_resident(data)
    if missing_nik_reason and found.nik_problem == NIK_MISSING:
        found = replace(
            found, nik_problem=missing_nik_reason, warnings=[f"{NIK_TO_FIX}: {missing_nik_reason}"]
        )
    errors, warnings, nik = found.errors, found.warnings, found.nik
    errors.update(extra_errors or {})
    if (family_id is None) == (new_family is None):
        errors["family"] = "Pilih keluarga yang ada atau isi data KK baru."
    if membership is not None:
        errors.update(validate_membership(membership))
    family: Family | None = None
    if (
        "nik" not in errors
        and found.nik_problem is None
        and (msg := _nik_owner_error(session, nik, None))
    ):
        errors["nik"] = msg
    if family_id is not None:
        family = session.get(Family, family_id)
        if family is None:
            errors["family"] = "Keluarga tidak ditemukan."
        elif data.shdk == codes.SHDK_HEAD and living_heads(session, family_id):
            errors["shdk"] = "Keluarga ini sudah punya Kepala Keluarga."
        elif data.shdk != codes.SHDK_HEAD and not living_heads(session, family_id):
            errors["shdk"] = "Keluarga ini belum punya Kepala Keluarga: tambahkan dia dulu."
    elif new_family is not None and data.shdk != codes.SHDK_HEAD:
        errors["shdk"] = "Orang pertama pada KK baru harus Kepala Keluarga."
    if errors:
        raise ValidationError(errors)
    if new_family is not None:
        family = _create_family_in(session, actor, new_family)
    assert family is not None
    resident = Resident(family_id=family.id, life_status=codes.LIFE_ALIVE)
    _apply(resident, data, found)
    session.add(resident)
    session.flush()
    audit.record(
        session, actor, "resident.add", "resident", resident.id, None, audit.snapshot(resident)
    )
    set_membership_in(session, actor, resident.id, membership or MembershipInput(), "manual")
    return resident, warnings


def edit_resident(
    db: Database,
    actor: Actor,
    resident_id: int,
    data: ResidentInput,
    membership: MembershipInput | None = None,
) -> SaveResult:
    """Edits a person's own fields (family moves go through `move_resident`)."""
    require(actor, "residents.write")
    found = check_resident(data)
    errors, warnings, nik = found.errors, found.warnings, found.nik
    if membership is not None:
        errors.update(validate_membership(membership))
    with db.transaction() as session:
        resident = session.get(Resident, resident_id)
        if resident is None:
            raise NotFound("Penduduk tidak ditemukan.")
        if (
            "nik" not in errors
            and found.nik_problem is None
            and (msg := _nik_owner_error(session, nik, resident_id))
        ):
            errors["nik"] = msg
        if resident.life_status == codes.LIFE_ALIVE:
            was_head = resident.shdk == codes.SHDK_HEAD
            if (
                data.shdk == codes.SHDK_HEAD
                and not was_head
                and living_heads(session, resident.family_id, resident_id)
            ):
                errors["shdk"] = "Keluarga ini sudah punya Kepala Keluarga."
            if was_head and data.shdk != codes.SHDK_HEAD:
                errors["shdk"] = (
                    "Kepala Keluarga tidak dapat diganti di sini: jadikan anggota lain "
                    "Kepala Keluarga melalui 'Ganti Kepala Keluarga'."
                )
        if errors:
            raise ValidationError(errors)
        before = audit.snapshot(resident)
        _apply(resident, data, found)
        session.flush()
        audit.record(
            session,
            actor,
            "resident.edit",
            "resident",
            resident.id,
            *audit.changed_only(before, audit.snapshot(resident)),
        )
        if membership is not None:
            set_membership_in(session, actor, resident.id, membership, "manual")
        result = SaveResult(resident.id, resident.family_id, warnings)
    events.notify(events.Topic.RESIDENTS)
    return result


def set_membership(
    db: Database, actor: Actor, resident_id: int, data: MembershipInput, source: str = "manual"
) -> None:
    require(actor, "residents.write")
    with db.transaction() as session:
        if session.get(Resident, resident_id) is None:
            raise NotFound("Penduduk tidak ditemukan.")
        set_membership_in(session, actor, resident_id, data, source)
    events.notify(events.Topic.RESIDENTS)


def change_head(
    db: Database, actor: Actor, family_id: int, new_head_id: int, old_head_shdk: int = 2
) -> None:
    """Makes another living member the kepala keluarga; the old head gets `old_head_shdk`."""
    require(actor, "residents.write")
    if old_head_shdk == codes.SHDK_HEAD or old_head_shdk not in codes.SHDK:
        raise ValidationError({"shdk": "Pilih hubungan keluarga baru untuk kepala yang lama."})
    with db.transaction() as session:
        new_head = session.get(Resident, new_head_id)
        if new_head is None or new_head.family_id != family_id:
            raise ValidationError({"new_head": "Calon kepala bukan anggota keluarga ini."})
        if new_head.life_status != codes.LIFE_ALIVE:
            raise ValidationError({"new_head": "Calon kepala keluarga harus masih hidup."})
        for head_id in living_heads(session, family_id, new_head_id):
            old = session.get(Resident, head_id)
            assert old is not None
            audit.record(
                session,
                actor,
                "resident.edit",
                "resident",
                old.id,
                {"shdk": old.shdk},
                {"shdk": old_head_shdk},
            )
            old.shdk = old_head_shdk
        audit.record(
            session,
            actor,
            "family.change_head",
            "resident",
            new_head.id,
            {"shdk": new_head.shdk},
            {"shdk": codes.SHDK_HEAD},
        )
        new_head.shdk = codes.SHDK_HEAD
    events.notify(events.Topic.RESIDENTS)


def move_resident(
    db: Database,
    actor: Actor,
    resident_id: int,
    new_shdk: int,
    to_family_id: int | None = None,
    new_family: FamilyInput | None = None,
    new_head_for_old_family: int | None = None,
) -> SaveResult:
    """Moves a person to another KK (existing, or a new one they head).

    A head leaving a family with other living members must name its new head.
    """
    require(actor, "residents.write")
    if (to_family_id is None) == (new_family is None):
        raise ValidationError({"family": "Pilih keluarga tujuan atau isi data KK baru."})
    if new_shdk not in codes.SHDK:
        raise ValidationError({"shdk": "Hubungan dalam keluarga (SHDK) wajib dipilih."})
    with db.transaction() as session:
        resident = session.get(Resident, resident_id)
        if resident is None:
            raise NotFound("Penduduk tidak ditemukan.")
        if resident.life_status != codes.LIFE_ALIVE:
            raise ValidationError({"family": "Hanya penduduk yang masih hidup dapat dipindah KK."})
        old_family_id = resident.family_id
        if to_family_id == old_family_id:
            raise ValidationError({"family": "Penduduk sudah berada di keluarga ini."})
        handover_head(session, actor, resident, new_head_for_old_family)
        if new_family is not None:
            if new_shdk != codes.SHDK_HEAD:
                raise ValidationError({"shdk": "Orang pertama pada KK baru harus Kepala Keluarga."})
            target = _create_family_in(session, actor, new_family)
        else:
            found = session.get(Family, to_family_id)
            if found is None:
                raise ValidationError({"family": "Keluarga tujuan tidak ditemukan."})
            target = found
            heads = living_heads(session, target.id)
            if new_shdk == codes.SHDK_HEAD and heads:
                raise ValidationError({"shdk": "Keluarga tujuan sudah punya Kepala Keluarga."})
            if new_shdk != codes.SHDK_HEAD and not heads:
                raise ValidationError({"shdk": "Keluarga tujuan belum punya Kepala Keluarga."})
        before = {"family_id": old_family_id, "shdk": resident.shdk}
        resident.family_id = target.id
        resident.shdk = new_shdk
        session.flush()
        audit.record(
            session,
            actor,
            "resident.move",
            "resident",
            resident.id,
            before,
            {"family_id": target.id, "shdk": new_shdk},
        )
        result = SaveResult(resident.id, target.id)
    events.notify(events.Topic.RESIDENTS)
    return result


def handover_head(
    session: Session, actor: Actor, resident: Resident, new_head_id: int | None
) -> None:
    """Before a head leaves (moves or dies), another living member takes over."""
    if resident.shdk != codes.SHDK_HEAD:
        return
    others = living_members(session, resident.family_id, resident.id)
    if others == 0:
        return
    if new_head_id is None:
        raise ValidationError(
            {
                "new_head": "Orang ini Kepala Keluarga: pilih anggota lain sebagai kepala keluarga baru."
            }
        )
    new_head = session.get(Resident, new_head_id)
    if (
        new_head is None
        or new_head.family_id != resident.family_id
        or new_head.id == resident.id
        or new_head.life_status != codes.LIFE_ALIVE
    ):
        raise ValidationError(
            {"new_head": "Kepala keluarga baru harus anggota hidup keluarga ini."}
        )
    audit.record(
        session,
        actor,
        "family.change_head",
        "resident",
        new_head.id,
        {"shdk": new_head.shdk},
        {"shdk": codes.SHDK_HEAD},
    )
    new_head.shdk = codes.SHDK_HEAD


def end_life_in(
    session: Session,
    actor: Actor,
    resident_id: int,
    status: int,
    when: date,
    new_head_id: int | None,
    action: str,
) -> Resident:
    """Marks a living resident dead / moved on `when` (inside the caller's transaction):
    a head hands over first, a JKN membership ends on that day."""
    if when > clock.today():
        raise ValidationError({"date": "Tanggal tidak boleh di masa depan."})
    resident = session.get(Resident, resident_id)
    if resident is None:
        raise NotFound("Penduduk tidak ditemukan.")
    if resident.life_status != codes.LIFE_ALIVE:
        raise ValidationError(
            {
                "life_status": f"Status penduduk ini sudah {codes.label(codes.LIFE_STATUS, resident.life_status)}."
            }
        )
    start = resident.arrived_on or resident.birth_date
    if when < start:
        raise ValidationError(
            {"date": f"Tanggal tidak boleh sebelum {start:%d-%m-%Y} (lahir atau datang)."}
        )
    # The dead or departed head keeps SHDK 1 as a record; only living heads count.
    handover_head(session, actor, resident, new_head_id)
    before = {"life_status": resident.life_status, "life_status_date": None}
    resident.life_status = status
    resident.life_status_date = when
    session.flush()
    audit.record(
        session,
        actor,
        action,
        "resident",
        resident.id,
        before,
        {"life_status": status, "life_status_date": when.isoformat()},
    )
    current = session.get(Membership, resident_id)
    if current is not None and current.status != codes.STATUS_NOT_REGISTERED:
        set_membership_in(
            session,
            actor,
            resident_id,
            MembershipInput(
                status=codes.STATUS_ENDED,
                segment=current.segment,
                card_number=current.card_number,
                fktp_code=current.fktp_code,
                as_of=when,
            ),
            "manual",
        )
    return resident


def mark_dead(
    db: Database, actor: Actor, resident_id: int, when: date, new_head_id: int | None = None
) -> None:
    """A death, recorded as a population event (services.population)."""
    from pesiar_desktop.services import population  # population builds on this module

    population.record_death(db, actor, resident_id, when, new_head_id=new_head_id)


def mark_moved(
    db: Database, actor: Actor, resident_id: int, when: date, new_head_id: int | None = None
) -> None:
    """A move out of the village, recorded as a population event (services.population)."""
    from pesiar_desktop.services import population

    population.record_move_out(db, actor, resident_id, when, new_head_id=new_head_id)


def edit_family(
    db: Database, actor: Actor, family_id: int, address: str, rt_id: int, welfare_decile: int | None
) -> None:
    require(actor, "residents.write")
    with db.transaction() as session:
        family = session.get(Family, family_id)
        if family is None:
            raise NotFound("Keluarga tidak ditemukan.")
        errors: dict[str, str] = {}
        if session.get(Rt, rt_id) is None:
            errors["rt_id"] = "Wilayah (dusun/RT) wajib dipilih."
        if welfare_decile is not None and not 1 <= welfare_decile <= 10:
            errors["welfare_decile"] = "Desil kesejahteraan antara 1 dan 10."
        address = nfkc(address).strip()
        errors.update(text_errors({"address": address}, FAMILY_TEXT_LIMITS, FAMILY_LABELS))
        if errors:
            raise ValidationError(errors)
        before = audit.snapshot(family)
        family.address = address
        family.rt_id = rt_id
        family.welfare_decile = welfare_decile
        session.flush()
        audit.record(
            session,
            actor,
            "family.edit",
            "family",
            family.id,
            *audit.changed_only(before, audit.snapshot(family)),
        )
    events.notify(events.Topic.RESIDENTS)


# ---------------------------------------------------------------- reads for forms


def load_resident(
    db: Database, resident_id: int
) -> tuple[ResidentInput, MembershipInput, int, int]:
    """The form values of one resident: (person, membership, family id, life status)."""
    with db.read() as session:
        resident = session.get(Resident, resident_id)
        if resident is None:
            raise NotFound("Penduduk tidak ditemukan.")
        person = ResidentInput(**{f.name: getattr(resident, f.name) for f in fields(ResidentInput)})
        current = session.get(Membership, resident_id)
        member = (
            MembershipInput(
                current.status,
                current.segment,
                current.card_number,
                current.jkn_class,
                current.fktp_code,
                current.months_in_arrears,
                current.as_of,
            )
            if current
            else MembershipInput()
        )
        return person, member, resident.family_id, resident.life_status


# ---------------------------------------------------------------- NIK perlu diperbaiki


@dataclass(frozen=True)
class NikToFix:
    """One line of the "Perbaiki NIK" work list."""

    resident_id: int
    nik_as_written: str
    reason: str
    name: str
    birth_date: date
    no_kk: str
    dusun: str
    life_status: int


def list_nik_to_fix(db: Database, living_only: bool = True) -> list[NikToFix]:
    """Everyone flagged "NIK perlu diperbaiki", by dusun and name, with the reason."""
    query = (
        select(
            Resident.id,
            Resident.nik,
            Resident.nik_problem,
            Resident.name,
            Resident.birth_date,
            Family.no_kk,
            Dusun.name,
            Resident.life_status,
        )
        .join(Family, Resident.family_id == Family.id)
        .join(Rt, Family.rt_id == Rt.id)
        .join(Dusun, Rt.dusun_id == Dusun.id)
        .where(Resident.nik_problem.is_not(None))
        .order_by(Dusun.name, Resident.name_sort, Resident.id)
    )
    if living_only:
        query = query.where(Resident.life_status == codes.LIFE_ALIVE)
    with db.read() as session:
        return [
            NikToFix(rid, nik, problem or "", name, born, kk, dusun, life)
            for rid, nik, problem, name, born, kk, dusun, life in session.execute(query)
        ]


def fix_nik(db: Database, actor: Actor, resident_id: int, new_nik: str) -> SaveResult:
    """The right NIK for a person flagged "NIK perlu diperbaiki": checked like the form's
    (a valid number, nobody else's), the flag cleared; the value first written is kept
    (`nik_raw`) so a re-import of the old file still finds the person."""
    require(actor, "residents.write")
    with db.transaction() as session:
        resident = session.get(Resident, resident_id)
        if resident is None:
            raise NotFound("Penduduk tidak ditemukan.")
        checked = check_nik(new_nik, resident.birth_date, resident.sex)
        if checked.error:
            raise ValidationError({"nik": checked.error})
        if msg := _nik_owner_error(session, checked.value, resident_id):
            raise ValidationError({"nik": msg})
        before = {"nik": resident.nik, "nik_problem": resident.nik_problem}
        if resident.nik_problem is not None and resident.nik_raw is None:
            resident.nik_raw = resident.nik
        resident.nik = checked.value
        resident.nik_problem = None
        session.flush()
        audit.record(
            session,
            actor,
            "resident.fix_nik",
            "resident",
            resident.id,
            before,
            {"nik": resident.nik, "nik_problem": None},
        )
        result = SaveResult(resident.id, resident.family_id, list(checked.warnings))
    events.notify(events.Topic.RESIDENTS)
    return result
