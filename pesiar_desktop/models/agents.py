"""Agen PESIAR and their Dana Desa-funded assignments (areas, families, targets, fees)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

import pesiar_desktop.models.people  # noqa: F401 - a foreign key's table (see models/__init__)
import pesiar_desktop.models.village  # noqa: F401 - a foreign key's table (see models/__init__)
from pesiar_desktop.clock import utcnow
from pesiar_desktop.models.base import Base


class Agent(Base):
    """An Agen PESIAR appointed by the village; linked to a resident when they live here."""

    __tablename__ = "agent"

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int | None] = mapped_column(
        ForeignKey("resident.id", ondelete="SET NULL"), nullable=True, index=True
    )
    name: Mapped[str] = mapped_column(String(120))
    nik: Mapped[str] = mapped_column(String(16), default="")
    # Source category code (rules.codes.AGENT_SOURCES, e.g. "KPM", "PKK", "BIDAN").
    source_category: Mapped[str] = mapped_column(String(20))
    source_note: Mapped[str] = mapped_column(String(120), default="")
    position: Mapped[str] = mapped_column(String(120), default="Agen PESIAR")
    phone: Mapped[str] = mapped_column(String(20), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    bank_name: Mapped[str] = mapped_column(String(60), default="")
    bank_account: Mapped[str] = mapped_column(String(30), default="")
    bank_account_name: Mapped[str] = mapped_column(String(120), default="")
    photo: Mapped[bytes | None] = mapped_column(nullable=True)  # JPEG/PNG bytes, small
    integrity_pact_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Assignment(Base):
    """One agent's task for a period: areas, monthly targets, funding line and fee scheme."""

    __tablename__ = "assignment"
    __table_args__ = (Index("ix_assignment_agent_period", "agent_id", "period_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agent.id", ondelete="RESTRICT"))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    target_people_per_month: Mapped[int] = mapped_column(Integer, default=35)
    target_families_per_month: Mapped[int] = mapped_column(Integer, default=13)
    # Dana Desa funding line (APBDes activity).
    apbdes_code: Mapped[str] = mapped_column(String(40), default="")
    apbdes_name: Mapped[str] = mapped_column(String(200), default="")
    budget: Mapped[int] = mapped_column(Integer, default=0)  # rupiah
    # Incentive scheme, in rupiah.
    monthly_honorarium: Mapped[int] = mapped_column(Integer, default=0)
    fee_per_person_paid: Mapped[int] = mapped_column(Integer, default=0)
    fee_per_family_paid: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class AssignmentArea(Base):
    """An RT (or a whole dusun when rt_id is empty) given to an assignment."""

    __tablename__ = "assignment_area"
    __table_args__ = (UniqueConstraint("assignment_id", "dusun_id", "rt_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignment.id", ondelete="CASCADE"))
    dusun_id: Mapped[int] = mapped_column(ForeignKey("dusun.id", ondelete="RESTRICT"))
    rt_id: Mapped[int | None] = mapped_column(
        ForeignKey("rt.id", ondelete="RESTRICT"), nullable=True
    )


class AssignmentFamily(Base):
    """Keluarga binaan: a family an assignment is responsible for (an area may be split)."""

    __tablename__ = "assignment_family"
    __table_args__ = (
        UniqueConstraint("assignment_id", "family_id"),
        Index("ix_assignment_family_family", "family_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignment.id", ondelete="CASCADE"))
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="CASCADE"))


class FeePayment(Base):
    """An agent's fee for one month as paid by the treasurer (the payment list's rows)."""

    __tablename__ = "fee_payment"
    __table_args__ = (UniqueConstraint("assignment_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignment.id", ondelete="RESTRICT"))
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    people_paid: Mapped[int] = mapped_column(Integer, default=0)
    families_paid: Mapped[int] = mapped_column(Integer, default=0)
    honorarium: Mapped[int] = mapped_column(Integer, default=0)
    incentive: Mapped[int] = mapped_column(Integer, default=0)  # new members' first premiums
    # Reactivations (keaktifan) are never the new-member incentive: their own count and
    # amount, from the setting fees.reactivation_per_person (default 0: no incentive).
    people_reactivated: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    reactivation_incentive: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    total: Mapped[int] = mapped_column(Integer, default=0)
    # PPh 21 withheld from `total` (setting fees.pph21_rate_bp when recorded): kept so a
    # later change of the rate never rewrites a recorded list.
    pph21: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    paid_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    recorded_by: Mapped[str] = mapped_column(String(60), default="")
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    note: Mapped[str] = mapped_column(String(200), default="")
