"""Tindak lanjut: who the office must chase this week.

1. Unpaid registrations (submitted or VA issued) whose first-payment window is open, or
   whose deadline is near or has passed; each says where it stands in its window (not
   payable yet, payable, lapsed: register again — `fieldwork_codes.window_status`). There is no lower bound on the deadline: a registration that is a year
   late stays on the list until it is paid, expired or cancelled; one without a deadline
   is listed too (it should not exist, so it must be seen).
2. Members in arrears (menunggak) in each agent's area, with phone numbers and the amount
   owed (at most 24 months × their premium), so the agent can remind them (Kader JKN work)
   or offer REHAB instalments.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, or_, select

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.models import (
    Agent,
    Dusun,
    Family,
    Membership,
    Registration,
    RegistrationMember,
    Resident,
    Rt,
)
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules.formatting import area_label
from pesiar_desktop.rules.premiums import (
    ARREARS_SEGMENTS,
    arrears_owed,
    arrears_premium,
    months_counted,
)
from pesiar_desktop.services.premium_rates import load_rates
from pesiar_desktop.services.visit_plans import assignment_family_ids, list_assignments
from pesiar_desktop.services.visits import family_phone_of, head_name_of

NEAR_DAYS = 7
NO_AGENT = "(belum ada agen)"


@dataclass(frozen=True)
class UnpaidRow:
    registration_id: int
    receipt_number: str
    family_id: int
    no_kk: str
    head_name: str
    area_label: str
    phone: str
    people: int
    monthly_premium: int
    status: str
    va_number: str
    registered_on: date
    payment_due: date | None
    agent_name: str
    agent_phone: str
    payment_from: date | None = None  # the first day the first premium can be paid

    def window_status(self, today: date) -> str:
        """Belum bisa dibayar / bisa dibayar / lewat batas (fieldwork_codes.WINDOW_*)."""
        return fc.window_status(self.payment_from, self.payment_due, today)

    def window_label(self, today: date) -> str:
        return fc.WINDOW_STATUSES[self.window_status(today)]

    def days_left(self, today: date) -> int | None:
        """Negative when the deadline has passed."""
        return (self.payment_due - today).days if self.payment_due else None

    def is_late(self, today: date) -> bool:
        return self.payment_due is None or self.payment_due < today


@dataclass(frozen=True)
class ArrearsRow:
    agent_name: str
    agent_phone: str
    resident_id: int
    nik: str
    name: str
    no_kk: str
    area_label: str
    phone: str
    segment: str | None
    months_in_arrears: int
    family_id: int = 0
    months_counted: int = 0  # at most 24 (rules.premiums)
    amount_owed: int = 0  # counted months × the member's premium (services.arrears)


def unpaid_registrations(
    db: Database, today: date | None = None, near_days: int = NEAR_DAYS
) -> list[UnpaidRow]:
    """Unpaid registrations due within `near_days` or already late, latest-due last."""
    today = today or clock.today()
    horizon = today + timedelta(days=near_days)
    people = (
        select(RegistrationMember.registration_id, func.count().label("n"))
        .where(RegistrationMember.included.is_(True))
        .group_by(RegistrationMember.registration_id)
        .subquery()
    )
    query = (
        select(
            Registration.id,
            func.coalesce(Registration.receipt_number, ""),
            Registration.family_id,
            Family.no_kk,
            func.coalesce(head_name_of(Family.id), ""),
            Dusun.name,
            Rt.rw,
            Rt.rt,
            func.coalesce(family_phone_of(Family.id), ""),
            func.coalesce(people.c.n, 0),
            Registration.monthly_premium,
            Registration.status,
            Registration.va_number,
            Registration.registered_on,
            Registration.payment_due,
            func.coalesce(Agent.name, ""),
            func.coalesce(Agent.phone, ""),
            Registration.payment_from,
        )
        .join(Family, Family.id == Registration.family_id)
        .join(Rt, Rt.id == Family.rt_id)
        .join(Dusun, Dusun.id == Rt.dusun_id)
        .outerjoin(people, people.c.registration_id == Registration.id)
        .outerjoin(Agent, Agent.id == Registration.agent_id)
        .where(
            Registration.status.in_(fc.UNPAID_STATUSES),
            Registration.path == fc.PATH_PBPU,
            or_(
                Registration.payment_due.is_(None),
                Registration.payment_due <= horizon,
                Registration.payment_from <= today,  # payable now: chase it
            ),
        )
        .order_by(Registration.payment_due, Registration.id)
    )
    with db.read() as session:
        rows = session.execute(query).all()
    return [
        UnpaidRow(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            area_label(r[5], r[6], r[7]),
            r[8],
            int(r[9]),
            r[10],
            r[11],
            r[12],
            r[13],
            r[14],
            r[15],
            r[16],
            r[17],
        )  # fmt: skip
        for r in rows
    ]


def arrears_by_agent(db: Database) -> list[ArrearsRow]:
    """Living members in arrears, under the agent whose active assignment covers their
    family (several agents: each lists them); the rest under "(belum ada agen)"."""
    assignments = list_assignments(db, active_only=True)
    with db.read() as session:
        owner: dict[int, list[tuple[str, str]]] = {}
        for choice in assignments:
            for family_id in assignment_family_ids(session, choice.id):
                entry = (choice.agent_name, choice.agent_phone)
                listed = owner.setdefault(family_id, [])
                if entry not in listed:
                    listed.append(entry)
        rows = session.execute(
            select(
                Resident.id,
                Resident.nik,
                Resident.name,
                Family.id,
                Family.no_kk,
                Dusun.name,
                Rt.rw,
                Rt.rt,
                Resident.phone,
                func.coalesce(family_phone_of(Family.id), ""),
                Membership.segment,
                Membership.months_in_arrears,
                Membership.jkn_class,
            )
            .join(Membership, Membership.resident_id == Resident.id)
            .join(Family, Family.id == Resident.family_id)
            .join(Rt, Rt.id == Family.rt_id)
            .join(Dusun, Dusun.id == Rt.dusun_id)
            .where(
                Membership.status == codes.STATUS_ARREARS,
                Resident.life_status == codes.LIFE_ALIVE,
            )
        ).all()
        rates = load_rates(session)
    today = clock.today()
    result: list[ArrearsRow] = []
    for row in rows:
        rid, nik, name, fid, kk, dusun, rw, rt, phone, family_phone, segment, months, cls = row
        months = int(months or 0)
        owed = 0
        if segment in ARREARS_SEGMENTS:
            owed = arrears_owed(months, arrears_premium(rates, segment, cls, today)[1])
        for agent_name, agent_phone in owner.get(fid, [(NO_AGENT, "")]):
            result.append(
                ArrearsRow(
                    agent_name,
                    agent_phone,
                    rid,
                    nik,
                    name,
                    kk,
                    area_label(dusun, rw, rt),
                    phone or family_phone,
                    segment,
                    months,
                    fid,
                    months_counted(months),
                    owed,
                )
            )
    result.sort(
        key=lambda r: (r.agent_name == NO_AGENT, r.agent_name, r.area_label, r.no_kk, r.name)
    )
    return result
