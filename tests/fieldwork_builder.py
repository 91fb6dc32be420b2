"""Test data for the field-work tables, written straight through the ORM.

The agent/letter and visit/registration services are built elsewhere; the reports
only read these tables, so tests create the rows they need here, each call one
short transaction, returning the new row's id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from pesiar_desktop.db import Database
from pesiar_desktop.models import (
    AdvocacyEvent,
    Agent,
    Assignment,
    AssignmentArea,
    AssignmentFamily,
    Family,
    FeePayment,
    Registration,
    RegistrationMember,
    Resident,
    Rt,
    Visit,
)
from pesiar_desktop.rules import codes

PAID_STATUSES = ("paid", "active")


class FieldworkBuilder:
    def __init__(self, db: Database):
        self.db = db
        self._va = 8_888_000_000

    def _add(self, row: Any) -> int:
        with self.db.transaction() as session:
            session.add(row)
            session.flush()
            return int(row.id)

    # ------------------------------------------------------------ agents

    def agent(self, name: str, *, source: str = "KPM", **extra: Any) -> int:
        return self._add(Agent(name=name, source_category=source, **extra))

    def assignment(
        self,
        agent_id: int,
        start: date,
        end: date,
        *,
        dusun_ids: Iterable[int] = (),
        rt_ids: Iterable[int] = (),
        family_ids: Iterable[int] = (),
        **extra: Any,
    ) -> int:
        with self.db.transaction() as session:
            assignment = Assignment(agent_id=agent_id, period_start=start, period_end=end, **extra)
            session.add(assignment)
            session.flush()
            for dusun_id in dusun_ids:
                session.add(AssignmentArea(assignment_id=assignment.id, dusun_id=dusun_id))
            for rt_id in rt_ids:
                rt = session.get(Rt, rt_id)
                assert rt is not None
                session.add(
                    AssignmentArea(assignment_id=assignment.id, dusun_id=rt.dusun_id, rt_id=rt_id)
                )
            for family_id in family_ids:
                session.add(AssignmentFamily(assignment_id=assignment.id, family_id=family_id))
            return int(assignment.id)

    def fee(
        self,
        assignment_id: int,
        month: str,
        *,
        honorarium: int = 0,
        incentive: int = 0,
        people: int = 0,
        families: int = 0,
        paid_on: date | None = None,
    ) -> int:
        return self._add(
            FeePayment(
                assignment_id=assignment_id,
                month=month,
                people_paid=people,
                families_paid=families,
                honorarium=honorarium,
                incentive=incentive,
                total=honorarium + incentive,
                paid_on=paid_on,
            )
        )

    # ------------------------------------------------------------ field work

    def visit(
        self,
        family_id: int,
        agent_id: int | None,
        on: date,
        outcome: str = "WILLING",
        **extra: Any,
    ) -> int:
        return self._add(
            Visit(family_id=family_id, agent_id=agent_id, visited_on=on, outcome=outcome, **extra)
        )

    def event(
        self,
        agent_id: int | None,
        on: date,
        kind: str = "SOSIALISASI",
        participants: int = 20,
        **extra: Any,
    ) -> int:
        return self._add(
            AdvocacyEvent(
                agent_id=agent_id, held_on=on, kind=kind, participants=participants, **extra
            )
        )

    def registration(
        self,
        family_id: int,
        agent_id: int | None,
        registered_on: date,
        status: str = "submitted",
        *,
        members: Sequence[int] | None = None,
        paid_on: date | None = None,
        jkn_class: int = 3,
        premium: int = 35_000,
        excluded: Sequence[int] = (),
        **extra: Any,
    ) -> int:
        """A family's registration; `members` defaults to every living member of the KK.
        VA and due date follow the status; `paid_on` defaults to 15 days after registering
        for a paid/active registration."""
        with self.db.transaction() as session:
            if members is None:
                members = list(
                    session.scalars(
                        select(Resident.id)
                        .where(
                            Resident.family_id == family_id,
                            Resident.life_status == codes.LIFE_ALIVE,
                        )
                        .order_by(Resident.shdk, Resident.birth_date)
                    )
                )
            has_va = status != "submitted"
            if status in PAID_STATUSES and paid_on is None:
                paid_on = registered_on + timedelta(days=15)
            self._va += 1
            registration = Registration(
                family_id=family_id,
                agent_id=agent_id,
                path=extra.pop("path", "PBPU"),
                status=status,
                registered_on=registered_on,
                va_number=f"{self._va}" if has_va else "",
                va_issued_on=registered_on + timedelta(days=1) if has_va else None,
                payment_due=registered_on + timedelta(days=14 + 14) if has_va else None,
                paid_on=paid_on if status in PAID_STATUSES else None,
                paid_amount=premium * len(members) if status in PAID_STATUSES else 0,
                active_on=paid_on if status == "active" else None,
                monthly_premium=premium * len(members),
                **extra,
            )
            session.add(registration)
            session.flush()
            for resident_id in members:
                session.add(
                    RegistrationMember(
                        registration_id=registration.id,
                        resident_id=resident_id,
                        jkn_class=jkn_class,
                        monthly_premium=premium,
                        included=True,
                    )
                )
            for resident_id in excluded:
                session.add(
                    RegistrationMember(
                        registration_id=registration.id,
                        resident_id=resident_id,
                        jkn_class=None,
                        monthly_premium=0,
                        included=False,
                    )
                )
            return int(registration.id)

    # ------------------------------------------------------------ look-ups

    def families(self, limit: int | None = None, *, unregistered: bool = False) -> list[int]:
        """Family ids in id order; `unregistered` keeps families with a living member
        who is not an active member (the PESIAR targets)."""
        from pesiar_desktop.models import Membership

        with self.db.read() as session:
            query = select(Family.id).order_by(Family.id)
            if unregistered:
                query = (
                    select(Family.id)
                    .join(Resident, Resident.family_id == Family.id)
                    .outerjoin(Membership, Membership.resident_id == Resident.id)
                    .where(
                        Resident.life_status == codes.LIFE_ALIVE,
                        (Membership.status.is_(None))
                        | (Membership.status == codes.STATUS_NOT_REGISTERED),
                    )
                    .group_by(Family.id)
                    .order_by(Family.id)
                )
            if limit is not None:
                query = query.limit(limit)
            return list(session.scalars(query))
