"""Helpers shared by the agent, assignment, letter and fee tests (no tests here)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from pesiar_desktop.db import Database
from pesiar_desktop.models import Family, Rt
from pesiar_desktop.services import agents, assignments
from pesiar_desktop.services.context import Actor
from tests.conftest import make_user


def rt_ids(db: Database) -> list[int]:
    with db.read() as session:
        return list(session.scalars(select(Rt.id).order_by(Rt.id)))


def add_families(db: Database, per_rt: int = 4) -> dict[int, list[int]]:
    """Plain family rows in every RT (the assignment code only needs families and RTs)."""
    out: dict[int, list[int]] = {}
    with db.transaction() as session:
        for i, rt_id in enumerate(rt_ids(db)):
            for j in range(per_rt):
                family = Family(no_kk=f"52010120{i:02d}{j:06d}", rt_id=rt_id, address=f"Jl. {j}")
                session.add(family)
                session.flush()
                out.setdefault(rt_id, []).append(family.id)
    return out


def make_agent(
    db: Database, actor: Actor, name: str = "Siti Aminah", **extra: object
) -> agents.AgentRow:
    data = agents.AgentInput(
        name=name,
        source_category=str(extra.pop("source_category", "PKK")),
        phone=str(extra.pop("phone", "081234567890")),
        address=str(extra.pop("address", "Dusun Krajan RT 001")),
        **extra,  # type: ignore[arg-type]
    )
    return agents.create_agent(db, actor, data)


def make_assignment(
    db: Database, actor: Actor, agent_id: int, rts: list[int], **extra: object
) -> assignments.AssignmentRow:
    values: dict[str, object] = {
        "agent_id": agent_id,
        "period_start": date(2026, 1, 1),
        "period_end": date(2026, 12, 31),
        "rt_ids": rts,
        "apbdes_code": "2.3.01",
        "apbdes_name": "Agen PESIAR",
        "budget": 10_000_000,
        "monthly_honorarium": 500_000,
        "fee_per_person_paid": 5_000,
    }
    values.update(extra)
    data = assignments.AssignmentInput(**values)  # type: ignore[arg-type]
    return assignments.create_assignment(db, actor, data)


def kades(db: Database) -> Actor:
    return make_user(db, "kepala_desa", "kades")
