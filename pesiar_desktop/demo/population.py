"""Demo part for population events (peristiwa): a year of births, deaths, moves out and
moves in, so the monthly population report and the events list are not empty.

The register part already has babies born in the last year and residents who died or
moved away with their dates: their events are written here as the office would have
recorded them. A few of its families and single members (menantu, famili lain) are made
pendatang, counted from the day they arrived, so the demo keeps the number of residents
it promised. One death recorded by mistake and then undone goes through the population
service, audited like a user's entries."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import func, select

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.models import PopulationEvent, Resident
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import population as pc
from pesiar_desktop.services import audit, population
from pesiar_desktop.services.context import Actor, require

DAYS = 365
# Where pendatang come from (the place written on the event).
ORIGINS = (
    "Kota Mataram",
    "Praya, Lombok Tengah",
    "Selong, Lombok Timur",
    "Negara, Jembrana",
    "Kota Surabaya",
)


def backfill(db: Database, actor: Actor, first: date, today: date) -> int:
    """Events for what the register part wrote: births since `first`, deaths and moves."""
    with db.transaction() as session:
        rows = session.execute(
            select(
                Resident.id,
                Resident.family_id,
                Resident.birth_date,
                Resident.birth_place,
                Resident.life_status,
                Resident.life_status_date,
            ).where(
                Resident.arrived_on.is_(None),
                (Resident.birth_date >= first) | (Resident.life_status_date.is_not(None)),
            )
        ).all()
        events: list[PopulationEvent] = []
        for rid, family_id, born, place, life, life_date in rows:
            if first <= born <= today:
                events.append(_event(pc.BIRTH, rid, family_id, born, place.title()))
            if life_date is not None and life in (codes.LIFE_DEAD, codes.LIFE_MOVED):
                kind = pc.DEATH if life == codes.LIFE_DEAD else pc.MOVE_OUT
                events.append(_event(kind, rid, family_id, life_date, ""))
        events.sort(key=lambda e: (e.occurred_on, e.resident_id))
        session.add_all(events)
        session.flush()
        audit.record(
            session, actor, "demo.population_events", "population_event", "", None,
            {"events": len(events)},
        )  # fmt: skip
    return len(events)


def _event(kind: str, rid: int, family_id: int, day: date, place: str) -> PopulationEvent:
    return PopulationEvent(
        kind=kind,
        resident_id=rid,
        family_id=family_id,
        occurred_on=day,
        place=place,
        note="",
        recorded_by="demo",
    )


def arrivals(db: Database, actor: Actor, rng: random.Random, first: date, today: date) -> int:
    """Some of the register's families and single members came from elsewhere during the
    year (the resident count the demo promised stays the same): they count from the day
    they arrived, with a MOVE_IN event each."""
    with db.read() as session:
        people = session.execute(
            select(Resident.id, Resident.family_id, Resident.shdk, Resident.birth_date)
            .where(Resident.life_status == codes.LIFE_ALIVE)
            .order_by(Resident.id)
        ).all()
    by_family: dict[int, list[tuple[int, int, date]]] = {}
    for rid, family_id, shdk, born in people:
        by_family.setdefault(family_id, []).append((rid, shdk, born))
    span = (today - first).days
    chosen: list[tuple[int, int, date, str]] = []  # resident, family, day, origin
    small = [f for f, members in by_family.items() if 2 <= len(members) <= 4]
    rng.shuffle(small)
    for family_id in small[: max(1, len(people) // 1000)]:
        day = first + timedelta(days=rng.randint(15, span))
        origin = rng.choice(ORIGINS)
        members = by_family[family_id]
        if all(born < day for _rid, _shdk, born in members):
            chosen += [(rid, family_id, day, origin) for rid, _shdk, _born in members]
    singles = [
        (rid, family_id, born)
        for rid, family_id, shdk, born in people
        if shdk in (5, 9) and family_id not in {c[1] for c in chosen}
    ]
    rng.shuffle(singles)
    for rid, family_id, born in singles[: max(2, len(people) // 500)]:
        day = first + timedelta(days=rng.randint(15, span))
        if born < day:
            chosen.append((rid, family_id, day, rng.choice(ORIGINS)))
    with db.transaction() as session:
        for rid, family_id, day, origin in chosen:
            resident = session.get(Resident, rid)
            assert resident is not None
            resident.arrived_on = day
            session.add(
                PopulationEvent(
                    kind=pc.MOVE_IN,
                    resident_id=rid,
                    family_id=family_id,
                    occurred_on=day,
                    place=origin,
                    note="Surat keterangan pindah",
                    recorded_by="demo",
                )
            )
        session.flush()
        audit.record(
            session, actor, "demo.population_arrivals", "population_event", "", None,
            {"arrivals": len(chosen)},
        )  # fmt: skip
    return len(chosen)


def a_mistake_undone(db: Database, actor: Actor, rng: random.Random, today: date) -> bool:
    """A death recorded for the wrong person, then undone with its reason."""
    with db.read() as session:
        candidates = list(
            session.scalars(
                select(Resident.id)
                .where(Resident.life_status == codes.LIFE_ALIVE, Resident.shdk == 4)
                .order_by(Resident.id)
                .limit(50)
            )
        )
    if not candidates:
        return False
    day = today - timedelta(days=rng.randint(10, 40))
    event = population.record_death(
        db, actor, rng.choice(candidates), day, note="Laporan RT", place="Rumah"
    )
    population.cancel_event(db, actor, event, "Salah orang: yang meninggal adalah tetangganya")
    return True


def extend(db: Database, actor: Actor, *, seed: int, today: date) -> str:
    require(actor, "residents.write")
    with db.read() as session:
        if session.scalar(select(func.count(PopulationEvent.id))):
            return ""
    rng = random.Random(seed + 1818)
    first = today - timedelta(days=DAYS)
    recorded = backfill(db, actor, first, today)
    moved_in = arrivals(db, actor, rng, first, today)
    a_mistake_undone(db, actor, rng, min(today, clock.today()))
    return (
        f"{recorded + moved_in} peristiwa kependudukan setahun terakhir "
        f"(termasuk {moved_in} pendatang)."
    )
