"""Demo part for residents whose NIK needs fixing ("NIK perlu diperbaiki").

Real registers have them: a baby whose NIK Dukcapil has not issued yet, a NIK typed with
a digit missing, one ending in 0000, one Excel turned into 5,2E+15. A few living
residents who are not (being) registered get such a NIK through the resident service
(the form's "NIK belum ada / perlu diperbaiki" tick), so the Perbaiki NIK work list is
not empty and the lists sent to BPJS visibly leave them out."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from pesiar_desktop.db import Database
from pesiar_desktop.models import Membership, RegistrationMember, Resident
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.nik import NEWBORN_NO_NIK
from pesiar_desktop.services import audit, residents
from pesiar_desktop.services.context import Actor, require


def _wrong(nik: str, kind: int) -> str:
    """The NIK as a clerk or Excel got it wrong."""
    if kind == 0:
        return nik[:15]  # a digit missing
    if kind == 1:
        return nik[:12] + "0000"  # an impossible serial
    return f"{nik[0]},{nik[1:6]}E+15"  # Excel's scientific notation, typed back as text


def _candidates(db: Database, today: date) -> tuple[int | None, list[int]]:
    """(the youngest baby, a few other living residents) outside every registration
    and without JKN: targets the office still has to reach."""
    in_registration = select(RegistrationMember.resident_id)
    registered = select(Membership.resident_id).where(
        Membership.status.in_(codes.REGISTERED_STATUSES)
    )
    living = (
        select(Resident.id)
        .where(
            Resident.life_status == codes.LIFE_ALIVE,
            Resident.shdk != codes.SHDK_HEAD,
            Resident.id.not_in(in_registration),
            Resident.id.not_in(registered),
            Resident.nik_problem.is_(None),
        )
        .order_by(Resident.id)
    )
    with db.read() as session:
        baby = session.scalar(
            living.where(Resident.birth_date > date(today.year - 1, today.month, 1))
            .order_by(None)
            .order_by(Resident.birth_date.desc(), Resident.id)
            .limit(1)
        )
        others = list(session.scalars(living.where(Resident.id != (baby or 0)).limit(400)))
    # Three spread over the register (different dusun and families), when there are.
    picks = sorted({len(others) * k // 4 for k in (1, 2, 3)}) if len(others) >= 3 else []
    return baby, [others[i] for i in picks]


def extend(db: Database, actor: Actor, *, seed: int, today: date) -> str:
    require(actor, "residents.write")
    with db.read() as session:
        if session.scalar(select(func.count(Resident.id)).where(Resident.nik_problem.is_not(None))):
            return ""
    baby, others = _candidates(db, today)
    flagged = 0
    for kind, resident_id in enumerate(others):
        data, _member, _family, _life = residents.load_resident(db, resident_id)
        data.nik, data.nik_to_fix = _wrong(data.nik, (kind + seed) % 3), True
        residents.edit_resident(db, actor, resident_id, data)
        flagged += 1
    if baby is not None:
        # A newborn before Dukcapil issues the NIK (recorded at birth with none).
        with db.transaction() as session:
            person = session.get(Resident, baby)
            assert person is not None
            before = {"nik": person.nik, "nik_problem": None}
            person.nik, person.nik_raw, person.nik_problem = "", "", NEWBORN_NO_NIK
            session.flush()
            audit.record(
                session,
                actor,
                "resident.edit",
                "resident",
                baby,
                before,
                {"nik": "", "nik_problem": NEWBORN_NO_NIK},
            )
        flagged += 1
    if not flagged:
        return ""
    return f"{flagged} penduduk dengan NIK perlu diperbaiki (lihat Penduduk > Perbaiki NIK)."
