"""Sisir, Advokasi, Registrasi: visit plans and visits, advocacy events, registrations."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

import pesiar_desktop.models.agents  # noqa: F401 - a foreign key's table (see models/__init__)
import pesiar_desktop.models.people  # noqa: F401 - a foreign key's table (see models/__init__)
import pesiar_desktop.models.village  # noqa: F401 - a foreign key's table (see models/__init__)
from pesiar_desktop.clock import utcnow
from pesiar_desktop.models.base import Base


class PremiumRate(Base):
    """Monthly premium per person for a segment and class from a date (a setting table)."""

    __tablename__ = "premium_rate"
    __table_args__ = (UniqueConstraint("segment", "jkn_class", "valid_from"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    segment: Mapped[str] = mapped_column(String(12))
    jkn_class: Mapped[int] = mapped_column(SmallInteger)
    amount: Mapped[int] = mapped_column(Integer)  # rupiah, full rate
    subsidy: Mapped[int] = mapped_column(Integer, default=0)  # paid by the state
    valid_from: Mapped[date] = mapped_column(Date)


class VisitPlan(Base):
    """A scheduled visit: a family (or a whole RT on a date) in an assignment's sweep."""

    __tablename__ = "visit_plan"
    __table_args__ = (Index("ix_visit_plan_assignment_date", "assignment_id", "planned_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignment.id", ondelete="CASCADE"))
    family_id: Mapped[int | None] = mapped_column(
        ForeignKey("family.id", ondelete="CASCADE"), nullable=True
    )
    rt_id: Mapped[int | None] = mapped_column(
        ForeignKey("rt.id", ondelete="CASCADE"), nullable=True
    )
    planned_on: Mapped[date] = mapped_column(Date)
    priority: Mapped[int] = mapped_column(SmallInteger, default=9)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Visit(Base):
    """One door-to-door visit to a family and its outcome."""

    __tablename__ = "visit"
    __table_args__ = (
        Index("ix_visit_family_date", "family_id", "visited_on"),
        Index("ix_visit_revisit", "revisit_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"))
    agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agent.id", ondelete="SET NULL"), nullable=True, index=True
    )
    assignment_id: Mapped[int | None] = mapped_column(
        ForeignKey("assignment.id", ondelete="SET NULL"), nullable=True
    )
    visited_on: Mapped[date] = mapped_column(Date, index=True)
    # Outcome code (rules.codes.VISIT_OUTCOMES): WILLING, SELF_REGISTERED, REFUSED, NOT_HOME,
    # MOVED, DIED, REVISIT.
    outcome: Mapped[str] = mapped_column(String(20))
    refusal_reason: Mapped[str | None] = mapped_column(String(20), nullable=True)
    revisit_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    topics: Mapped[str] = mapped_column(String(200), default="")  # comma-separated topic codes
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(60), default="")
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class AdvocacyEvent(Base):
    """A sosialisasi, musdes, posyandu session … where the programme was explained."""

    __tablename__ = "advocacy_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    place: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(20))  # rules.codes.ADVOCACY_KINDS
    audience: Mapped[str] = mapped_column(String(200), default="")
    participants: Mapped[int] = mapped_column(Integer, default=0)
    topics: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agent.id", ondelete="SET NULL"), nullable=True, index=True
    )
    recorded_by: Mapped[str] = mapped_column(String(60), default="")
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class AdvocacyAttachment(Base):
    __tablename__ = "advocacy_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("advocacy_event.id", ondelete="CASCADE"))
    file_name: Mapped[str] = mapped_column(String(255))
    content: Mapped[bytes] = mapped_column(LargeBinary)


class Registration(Base):
    """A family's registration: path, VA, first payment, activation. One row per KK per try.

    Status flow: submitted → va_issued → paid → active, or expired / cancelled.
    """

    __tablename__ = "registration"
    __table_args__ = (
        Index("ix_registration_status_due", "status", "payment_due"),
        Index("ix_registration_family", "family_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="RESTRICT"))
    agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agent.id", ondelete="SET NULL"), nullable=True, index=True
    )
    assignment_id: Mapped[int | None] = mapped_column(
        ForeignKey("assignment.id", ondelete="SET NULL"), nullable=True
    )
    # PBPU (mandiri), PBI_PROPOSAL (PBPU Pemda / PBI via Dinas Sosial), PPU_BU_REPORT.
    path: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12), default="submitted")
    registered_on: Mapped[date] = mapped_column(Date, index=True)
    va_number: Mapped[str] = mapped_column(String(30), default="")
    va_issued_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # The first premium can be paid from `payment_from` until `payment_due` (inclusive):
    # services.registrations.first_payment_window sets both from the settings.
    payment_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    payment_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    paid_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    paid_amount: Mapped[int] = mapped_column(Integer, default=0)
    active_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    monthly_premium: Mapped[int] = mapped_column(Integer, default=0)  # whole family, rupiah
    receipt_number: Mapped[str | None] = mapped_column(String(60), nullable=True, unique=True)
    employer_name: Mapped[str] = mapped_column(String(200), default="")  # PPU_BU_REPORT
    employer_address: Mapped[str] = mapped_column(String(200), default="")
    exclusion_reason: Mapped[str] = mapped_column(Text, default="")
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class RegistrationMember(Base):
    """A resident covered by a registration, with the class and premium at that date."""

    __tablename__ = "registration_member"
    __table_args__ = (
        UniqueConstraint("registration_id", "resident_id"),
        Index("ix_registration_member_resident", "resident_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("registration.id", ondelete="CASCADE"))
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id", ondelete="RESTRICT"))
    jkn_class: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    monthly_premium: Mapped[int] = mapped_column(Integer, default=0)  # what the member pays
    included: Mapped[bool] = mapped_column(Boolean, default=True)
    # Why a living family member was left out (required for PBPU, confirmed by the user).
    exclusion_reason: Mapped[str] = mapped_column(String(200), default="")


class ReceiptCounter(Base):
    """Last receipt (tanda terima) number drawn per year; bumped with an UPDATE first so
    two writers never draw the same number."""

    __tablename__ = "receipt_counter"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
