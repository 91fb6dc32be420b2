"""Headline figures of the register (the CLI's `stats --json`, the dashboard)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from pesiar_desktop.models import Dusun, Family, Membership, Resident, Rt
from pesiar_desktop.rules import codes


def _pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 2) if whole else 0.0


def register_stats(session: Session) -> dict[str, Any]:
    """Coverage = registered / living residents; activity = active / registered."""
    alive = Resident.life_status == codes.LIFE_ALIVE
    registered = Membership.status.in_(codes.REGISTERED_STATUSES)
    active = Membership.status == codes.STATUS_ACTIVE
    row = session.execute(
        select(
            func.count(Resident.id),
            func.count(func.distinct(Resident.family_id)),
            func.sum(case((registered, 1), else_=0)),
            func.sum(case((active, 1), else_=0)),
        )
        .outerjoin(Membership, Membership.resident_id == Resident.id)
        .where(alive)
    ).one()
    residents, families = int(row[0]), int(row[1])
    n_registered, n_active = int(row[2] or 0), int(row[3] or 0)
    dusun_count = int(session.scalar(select(func.count(Dusun.id))) or 0)

    by_segment: dict[str, dict[str, Any]] = {}
    for segment, status, count in session.execute(
        select(Membership.segment, Membership.status, func.count())
        .join(Resident, Resident.id == Membership.resident_id)
        .where(alive, registered)
        .group_by(Membership.segment, Membership.status)
    ):
        entry = by_segment.setdefault(segment or "-", {"registered": 0, "active": 0})
        entry["registered"] += count
        if status == codes.STATUS_ACTIVE:
            entry["active"] += count
    for entry in by_segment.values():
        entry["active_pct"] = _pct(entry["active"], entry["registered"])

    by_dusun: dict[str, dict[str, Any]] = {}
    for name, population, n_reg, n_act in session.execute(
        select(
            Dusun.name,
            func.count(Resident.id),
            func.sum(case((registered, 1), else_=0)),
            func.sum(case((active, 1), else_=0)),
        )
        .select_from(Resident)
        .join(Family, Family.id == Resident.family_id)
        .join(Rt, Rt.id == Family.rt_id)
        .join(Dusun, Dusun.id == Rt.dusun_id)
        .outerjoin(Membership, Membership.resident_id == Resident.id)
        .where(alive)
        .group_by(Dusun.name)
        .order_by(Dusun.name)
    ):
        n_reg, n_act = int(n_reg or 0), int(n_act or 0)
        by_dusun[name] = {
            "residents": int(population),
            "registered": n_reg,
            "active": n_act,
            "coverage_pct": _pct(n_reg, int(population)),
            "active_pct": _pct(n_act, n_reg),
        }
    return {
        "residents": residents,
        "families": families,
        "dusun": dusun_count,
        "registered": n_registered,
        "active": n_active,
        "coverage_pct": _pct(n_registered, residents),
        "active_pct": _pct(n_active, n_registered),
        "active_of_population_pct": _pct(n_active, residents),
        "by_segment": by_segment,
        "by_dusun": by_dusun,
    }
