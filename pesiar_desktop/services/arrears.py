"""Tunggakan: what a PBPU/BP member in arrears owes to become active again.

Months in arrears come from the membership (the BPJS list import or the form); at most
24 are counted (`rules.premiums.ARREARS_MONTHS_CAP`), each at the member's monthly
premium from the rates table in force on the day asked (their segment and class; a
member whose class the list does not give is counted at Kelas III and flagged). Per
person and per family. Reads only: the reactivation path (`services.reactivation`)
records the payments.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.models import Dusun, Family, Membership, Resident, Rt
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import premiums as pr
from pesiar_desktop.rules.formatting import area_label
from pesiar_desktop.rules.premiums import Rate
from pesiar_desktop.services.premium_rates import load_rates
from pesiar_desktop.services.visits import family_phone_of, head_name_of


@dataclass(frozen=True)
class MemberArrears:
    resident_id: int
    nik: str
    name: str
    segment: str
    jkn_class: int  # as counted (Kelas III when the membership gives none)
    class_assumed: bool
    months_in_arrears: int  # as recorded
    months_counted: int  # at most 24
    monthly_premium: int  # what the member pays a month; 0 when no rate is in the table
    amount_owed: int


@dataclass(frozen=True)
class FamilyArrears:
    family_id: int
    no_kk: str
    head_name: str
    area_label: str
    phone: str
    members: tuple[MemberArrears, ...]

    @property
    def months_counted(self) -> int:
        """The family's longest counted arrears (what the REHAB rule looks at)."""
        return max((m.months_counted for m in self.members), default=0)

    @property
    def months_in_arrears(self) -> int:
        return max((m.months_in_arrears for m in self.members), default=0)

    @property
    def amount_owed(self) -> int:
        return sum(m.amount_owed for m in self.members)

    @property
    def monthly_premium(self) -> int:
        return sum(m.monthly_premium for m in self.members)

    @property
    def people(self) -> int:
        return len(self.members)

    @property
    def rehab_allowed(self) -> bool:
        return pr.REHAB_MIN_MONTHS <= self.months_counted <= pr.ARREARS_MONTHS_CAP

    @property
    def missing_rate(self) -> bool:
        return any(m.monthly_premium == 0 for m in self.members)


def member_arrears(
    rates: Iterable[Rate],
    resident_id: int,
    nik: str,
    name: str,
    segment: str,
    jkn_class: int | None,
    months: int,
    on: date,
) -> MemberArrears:
    """One member's arrears from their membership values and the rates table."""
    counted_class, premium = pr.arrears_premium(rates, segment, jkn_class, on)
    return MemberArrears(
        resident_id,
        nik,
        name,
        segment,
        counted_class,
        counted_class != jkn_class,
        months,
        pr.months_counted(months),
        premium,
        pr.arrears_owed(months, premium),
    )


def _in_arrears() -> tuple[object, ...]:
    return (
        Membership.status == codes.STATUS_ARREARS,
        Membership.segment.in_(sorted(pr.ARREARS_SEGMENTS)),
        Resident.life_status == codes.LIFE_ALIVE,
    )


def families_in_arrears(
    session: Session, on: date, family_ids: Iterable[int] | None = None
) -> list[FamilyArrears]:
    """Families with a living PBPU/BP member in arrears (only `family_ids` when given),
    longest arrears first; each with its members in arrears only."""
    query = (
        select(
            Resident.family_id,
            Resident.id,
            Resident.nik,
            Resident.name,
            Membership.segment,
            Membership.jkn_class,
            Membership.months_in_arrears,
        )
        .join(Membership, Membership.resident_id == Resident.id)
        .where(*_in_arrears())  # type: ignore[arg-type]
        .order_by(Resident.family_id, Resident.shdk, Resident.birth_date, Resident.id)
    )
    if family_ids is not None:
        query = query.where(Resident.family_id.in_(list(family_ids)))
    rows = session.execute(query).all()
    if not rows:
        return []
    rates = load_rates(session)
    by_family: dict[int, list[MemberArrears]] = {}
    for fid, rid, nik, name, segment, jkn_class, months in rows:
        by_family.setdefault(fid, []).append(
            member_arrears(
                rates, rid, nik, name, segment or "PBPU", jkn_class, int(months or 0), on
            )
        )
    families = session.execute(
        select(
            Family.id,
            Family.no_kk,
            func.coalesce(head_name_of(Family.id), ""),
            Dusun.name,
            Rt.rw,
            Rt.rt,
            func.coalesce(family_phone_of(Family.id), ""),
        )
        .join(Rt, Rt.id == Family.rt_id)
        .join(Dusun, Dusun.id == Rt.dusun_id)
        .where(Family.id.in_(list(by_family)))
    ).all()
    result = [
        FamilyArrears(
            fid, kk, head, area_label(dusun, rw, rt), phone, tuple(by_family[fid])
        )  # fmt: skip
        for fid, kk, head, dusun, rw, rt, phone in families
    ]
    result.sort(key=lambda f: (-f.months_counted, f.area_label, f.no_kk))
    return result


def family_arrears_in(session: Session, family_id: int, on: date) -> FamilyArrears | None:
    """The family's arrears, or None when nobody in it is in arrears."""
    found = families_in_arrears(session, on, [family_id])
    return found[0] if found else None


def family_arrears(db: Database, family_id: int, on: date | None = None) -> FamilyArrears | None:
    with db.read() as session:
        return family_arrears_in(session, family_id, on or clock.today())


def list_arrears(db: Database, on: date | None = None) -> list[FamilyArrears]:
    """Every family in arrears with months and amount (the arrears list, the CLI)."""
    with db.read() as session:
        return families_in_arrears(session, on or clock.today())
