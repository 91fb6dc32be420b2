"""Keaktifan: a family in arrears brought back to active by paying its arrears, in full or
through a REHAB instalment plan. Separate from registration: a reactivation is never a
new member. Rows are never deleted: payments are cancelled or corrected with a reason."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

import pesiar_desktop.models.agents  # noqa: F401 - a foreign key's table (see models/__init__)
import pesiar_desktop.models.people  # noqa: F401 - a foreign key's table (see models/__init__)
from pesiar_desktop.clock import utcnow
from pesiar_desktop.models.base import Base


class Reactivation(Base):
    """One family's way back to active: a full payment (one instalment) or a REHAB plan.

    Status: open → completed (arrears cleared, members active) or cancelled (with a reason).
    """

    __tablename__ = "reactivation"
    __table_args__ = (Index("ix_reactivation_family", "family_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="RESTRICT"))
    agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agent.id", ondelete="SET NULL"), nullable=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(8))  # FULL or REHAB
    status: Mapped[str] = mapped_column(String(12), default="open")
    started_on: Mapped[date] = mapped_column(Date, index=True)
    months_counted: Mapped[int] = mapped_column(SmallInteger)  # the family's largest, ≤ 24
    amount_owed: Mapped[int] = mapped_column(Integer)  # whole family, rupiah
    instalments: Mapped[int] = mapped_column(SmallInteger, default=1)
    completed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ReactivationMember(Base):
    """A member in arrears covered by a reactivation, with what they owed when it started."""

    __tablename__ = "reactivation_member"
    __table_args__ = (
        UniqueConstraint("reactivation_id", "resident_id"),
        Index("ix_reactivation_member_resident", "resident_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reactivation_id: Mapped[int] = mapped_column(ForeignKey("reactivation.id", ondelete="CASCADE"))
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id", ondelete="RESTRICT"))
    segment: Mapped[str] = mapped_column(String(12))
    jkn_class: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    months_in_arrears: Mapped[int] = mapped_column(SmallInteger)  # as recorded
    months_counted: Mapped[int] = mapped_column(SmallInteger)  # at most 24
    monthly_premium: Mapped[int] = mapped_column(Integer)
    amount_owed: Mapped[int] = mapped_column(Integer)


class RehabInstalment(Base):
    """One instalment of a plan's schedule (a full payment has one)."""

    __tablename__ = "rehab_instalment"
    __table_args__ = (UniqueConstraint("reactivation_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reactivation_id: Mapped[int] = mapped_column(ForeignKey("reactivation.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(SmallInteger)  # 1-based
    due_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(Integer)


class ArrearsPayment(Base):
    """Money collected towards a reactivation, with its receipt.

    Status: valid, cancelled (a reason) or corrected (a reason; `replaced_by_id` is the
    payment that takes its place). Only valid payments count.
    """

    __tablename__ = "arrears_payment"
    __table_args__ = (Index("ix_arrears_payment_reactivation", "reactivation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reactivation_id: Mapped[int] = mapped_column(ForeignKey("reactivation.id", ondelete="RESTRICT"))
    instalment_seq: Mapped[int] = mapped_column(SmallInteger, default=1)
    paid_on: Mapped[date] = mapped_column(Date, index=True)
    amount: Mapped[int] = mapped_column(Integer)
    collected_by: Mapped[str] = mapped_column(String(8))  # AGENT, KADER or FAMILY
    collector_name: Mapped[str] = mapped_column(String(120), default="")
    agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agent.id", ondelete="SET NULL"), nullable=True
    )
    receipt_number: Mapped[str] = mapped_column(String(60), unique=True)
    status: Mapped[str] = mapped_column(String(10), default="valid")
    reason: Mapped[str] = mapped_column(Text, default="")
    replaced_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("arrears_payment.id", ondelete="SET NULL"), nullable=True
    )
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
