"""Demo part for agents: six Agen PESIAR (demo residents), assignments covering every RT
with their keluarga binaan, and letters approved by the demo kepala desa (`kades`)."""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import func, select

from pesiar_desktop.db import Database
from pesiar_desktop.errors import PesiarError
from pesiar_desktop.models import Agent, Resident
from pesiar_desktop.rules import codes
from pesiar_desktop.services import agents, assignments, letters, settings, users, village
from pesiar_desktop.services.context import ROLE_KEPALA_DESA, Actor

AGENT_COUNT = 6
SOURCES = ("KPM", "PKK", "KADER_KES", "KARTAR", "BIDAN", "RELAWAN")
BANKS = ("BRI", "Bank NTB Syariah", "BNI", "Mandiri")
KADES_USERNAME = "kades"


def _pick_residents(db: Database, rng: random.Random, today: date, count: int) -> list[Resident]:
    with db.read() as session:
        lo = date(today.year - 50, 1, 1)
        hi = date(today.year - 20, 12, 31)
        ids = list(
            session.scalars(
                select(Resident.id)
                .where(
                    Resident.life_status == codes.LIFE_ALIVE,
                    Resident.birth_date >= lo,
                    Resident.birth_date <= hi,
                )
                .order_by(Resident.id)
            )
        )
        chosen = sorted(rng.sample(ids, min(count, len(ids))))
        return [r for r in (session.get(Resident, i) for i in chosen) if r is not None]


def extend(db: Database, actor: Actor, *, seed: int, today: date) -> str:
    with db.read() as session:
        if session.scalar(select(func.count(Agent.id))):
            return ""
    rng = random.Random(seed + 404)
    areas = village.list_areas(db)
    residents = _pick_residents(db, rng, today, AGENT_COUNT)
    if not areas or not residents:
        return ""
    created = []
    for i, resident in enumerate(residents):
        data = agents.AgentInput(
            name=resident.name,
            resident_id=resident.id,
            source_category=SOURCES[i % len(SOURCES)],
            phone=f"08{rng.randint(11, 59)}{rng.randint(10_000_000, 99_999_999)}",
            address=f"RT {areas[min(i, len(areas) - 1)].rt}, {areas[min(i, len(areas) - 1)].dusun}",
            bank_name=BANKS[i % len(BANKS)],
            bank_account=str(rng.randint(10**12, 10**13 - 1)),
            # Signed in the year's first week, or today in that week itself.
            integrity_pact_date=min(today, date(today.year, 1, 6)),
        )
        created.append(agents.create_agent(db, actor, data, today=today))
    # Every RT goes to one agent; neighbouring RTs stay together.
    groups = assignments.split_evenly([a.rt_id for a in areas], len(created))
    start, end = date(today.year, 1, 1), date(today.year, 12, 31)
    with db.read() as session:
        target_people = settings.get(session, settings.SETTINGS.monthly_target_people)
        target_families = settings.get(session, settings.SETTINGS.monthly_target_families)
    assignment_ids = []
    for agent, rt_ids in zip(created, groups, strict=True):
        if not rt_ids:
            continue
        row = assignments.create_assignment(
            db,
            actor,
            assignments.AssignmentInput(
                agent_id=agent.id,
                period_start=start,
                period_end=end,
                rt_ids=rt_ids,
                target_people_per_month=target_people,
                target_families_per_month=target_families,
                apbdes_code="2.3.01",
                apbdes_name="Pendataan dan pendampingan kepesertaan JKN (Agen PESIAR)",
                budget=12 * 500_000 + 12 * target_people * 5_000,
                monthly_honorarium=500_000,
                fee_per_person_paid=5_000,
                fee_per_family_paid=0,
            ),
        )
        assignment_ids.append(row.id)
    try:
        kades = users.get_actor(db, KADES_USERNAME)
    except PesiarError:
        kades = None
    if kades is None or kades.role != ROLE_KEPALA_DESA:
        return f"{len(created)} Agen PESIAR dengan {len(assignment_ids)} penugasan (surat belum disetujui)."
    approve_on = max(start, min(today, date(today.year, 1, 5)))
    sk = letters.draft(db, actor, letters.TYPE_SK, assignment_ids=assignment_ids)
    letters.approve(db, kades, sk.id, today=approve_on)
    for assignment_id in assignment_ids:
        letter = letters.draft(db, actor, letters.TYPE_SURAT_TUGAS, assignment_ids=[assignment_id])
        letters.approve(db, kades, letter.id, today=approve_on)
    letters.draft(db, actor, letters.TYPE_PAKTA, agent_id=created[0].id)
    return (
        f"{len(created)} Agen PESIAR dengan penugasan di {len(areas)} RT, "
        f"SK pengangkatan dan {len(assignment_ids)} Surat Tugas disetujui Kepala Desa."
    )
