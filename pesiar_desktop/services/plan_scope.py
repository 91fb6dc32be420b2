"""Which of an assignment's families the sweep leaves out, and why (issue 15 item 7).

The register alone makes a family a target until the office updates it, but the field
often knows better: the agent reported at a visit that the family moved, died or already
registered itself, or a registration for the family is being processed (submitted, VA
issued, paid). Sending the agent there again wastes a trip, so the plan and the worksheet
leave those families out and say how many and why. Families whose every member moved or
died during the assignment are named as well: the sheet then accounts for every family
that dropped off since the sweep began.

A self-registration reported at a visit stops counting once a BPJS membership list dated
after the visit has been imported and the family still has target members: the list would
have shown them registered, so the claim did not hold (the sheet says so).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import TypeVar

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from pesiar_desktop.models import Dusun, Family, ImportBatch, Registration, Resident, Rt, Visit
from pesiar_desktop.reportdata.fieldwork import (
    LEFT_DIED,
    LEFT_MOVED,
    LEFT_OUT_REASONS,
    LEFT_REGISTERED,
    LeftOutFamily,
    PlanFamily,
)
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules.formatting import area_label, long_date

CHUNK = 900  # ids per IN (...) list: below SQLite's old 999-parameter limit
VISIT_REASONS = {
    fc.OUTCOME_MOVED: LEFT_MOVED,
    fc.OUTCOME_DIED: LEFT_DIED,
    fc.OUTCOME_SELF_REGISTERED: LEFT_REGISTERED,
}
# Life statuses of a member who left: died, moved (pindah) or went away (pergi).
GONE = (codes.LIFE_DEAD, codes.LIFE_MOVED, codes.LIFE_WENT_AWAY)
T = TypeVar("T")


def _chunks(items: Iterable[T]) -> Iterator[list[T]]:
    values = list(items)
    for begin in range(0, len(values), CHUNK):
        yield values[begin : begin + CHUNK]


def _open_registrations(session: Session, ids: list[int]) -> dict[int, str]:
    """Family id -> what the registration in progress is (the latest one)."""
    found: dict[int, str] = {}
    for chunk in _chunks(ids):
        rows = session.execute(
            select(
                Registration.family_id,
                Registration.path,
                Registration.registered_on,
                Registration.status,
            )
            .where(
                Registration.family_id.in_(chunk),
                Registration.status.in_(fc.OPEN_STATUSES),
            )
            .order_by(Registration.registered_on, Registration.id)
        )
        for family_id, path, registered_on, status in rows:
            found[family_id] = (
                f"pendaftaran {fc.PATH_SHORT.get(path, path)} {long_date(registered_on)} "
                f"({fc.REGISTRATION_STATUSES.get(status, status)})"
            )
    return found


def _reporting_visits(session: Session, ids: list[int]) -> dict[int, tuple[date, str]]:
    """Family id -> (date, outcome) of its latest visit when that visit reported the
    family moved, died or self-registered."""
    # Imported here: services.visits imports services.visit_plans, which imports this.
    from pesiar_desktop.services.visits import latest_visits

    found: dict[int, tuple[date, str]] = {}
    for chunk in _chunks(ids):
        latest = latest_visits(chunk)
        rows = session.execute(
            select(Visit.family_id, Visit.visited_on, Visit.outcome)
            .join(latest, latest.c.vid == Visit.id)
            .where(Visit.outcome.in_(list(VISIT_REASONS)))
        )
        for family_id, visited_on, outcome in rows:
            found[family_id] = (visited_on, outcome)
    return found


def _latest_bpjs_list(session: Session) -> date | None:
    """The date of the newest BPJS membership list imported (its own date, else the day
    it was imported)."""
    dates = [
        list_date or at.date()
        for list_date, at in session.execute(
            select(ImportBatch.list_date, ImportBatch.at).where(ImportBatch.kind == "bpjs")
        )
    ]
    return max(dates) if dates else None


def _left_the_register(session: Session, ids: Iterable[int], since: date) -> list[LeftOutFamily]:
    """Families whose every member moved or died, the last of them on or after `since`
    (a family of members marked missing or invalid is not counted: nobody knows why)."""
    gone_members = func.sum(case((Resident.life_status.in_(GONE), 1), else_=0))
    dead = func.sum(case((Resident.life_status == codes.LIFE_DEAD, 1), else_=0))
    gone: dict[int, tuple[str, date]] = {}
    for chunk in _chunks(ids):
        rows = session.execute(
            select(
                Resident.family_id,
                func.count(Resident.id),
                dead,
                func.max(Resident.life_status_date),
            )
            .where(Resident.family_id.in_(chunk))
            .group_by(Resident.family_id)
            .having(
                gone_members == func.count(Resident.id),
                func.max(Resident.life_status_date) >= since,
            )
        )
        for family_id, members, died, last_change in rows:
            gone[family_id] = (LEFT_DIED if died == members else LEFT_MOVED, last_change)
    left: list[LeftOutFamily] = []
    for chunk in _chunks(gone):
        heads: dict[int, str] = {}
        for family_id, name in session.execute(
            select(Resident.family_id, Resident.name)
            .where(Resident.family_id.in_(chunk))
            .order_by(Resident.family_id, Resident.shdk.desc(), Resident.id.desc())
        ):
            heads[family_id] = name  # the last row per family: the lowest SHDK (the head)
        for family_id, no_kk, dusun, rw, rt in session.execute(
            select(Family.id, Family.no_kk, Dusun.name, Rt.rw, Rt.rt)
            .join(Rt, Rt.id == Family.rt_id)
            .join(Dusun, Dusun.id == Rt.dusun_id)
            .where(Family.id.in_(chunk))
        ):
            reason, on = gone[family_id]
            left.append(
                LeftOutFamily(
                    family_id,
                    no_kk,
                    heads.get(family_id, ""),
                    area_label(dusun, rw, rt),
                    reason,
                    f"data penduduk: {LEFT_OUT_REASONS[reason]} {long_date(on)}",
                )
            )
    return left


def split_plan(
    session: Session,
    families: list[PlanFamily],
    family_ids_in_area: set[int],
    period_start: date,
) -> tuple[list[PlanFamily], list[LeftOutFamily]]:
    """The families the agent should visit (order kept) and those left out, by reason."""
    ids = [f.family_id for f in families]
    registering = _open_registrations(session, ids)
    reported = _reporting_visits(session, ids)
    latest_list = _latest_bpjs_list(session)
    kept: list[PlanFamily] = []
    left: list[LeftOutFamily] = []
    for family in families:
        reason, detail = "", ""
        if family.family_id in registering:
            reason, detail = LEFT_REGISTERED, registering[family.family_id]
        elif family.family_id in reported:
            visited_on, outcome = reported[family.family_id]
            disproved = (
                outcome == fc.OUTCOME_SELF_REGISTERED
                and latest_list is not None
                and latest_list > visited_on
            )
            if disproved:
                family.note = "belum terdaftar di data BPJS terbaru"
            else:
                reason = VISIT_REASONS[outcome]
                detail = f"hasil kunjungan {long_date(visited_on)}: {fc.VISIT_OUTCOMES[outcome]}"
        if reason:
            left.append(
                LeftOutFamily(
                    family.family_id,
                    family.no_kk,
                    family.head_name,
                    family.area_label,
                    reason,
                    detail,
                )
            )
        else:
            kept.append(family)
    left += _left_the_register(session, family_ids_in_area - set(ids), period_start)
    order = list(LEFT_OUT_REASONS)
    left.sort(key=lambda f: (order.index(f.reason), f.area_label, f.no_kk))
    return kept, left
