"""JKN membership: the current state per resident plus an append-only history."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

import pesiar_desktop.models.people  # noqa: F401 - a foreign key's table (see models/__init__)
from pesiar_desktop.clock import utcnow
from pesiar_desktop.models.base import Base


class Membership(Base):
    """Current JKN state of one resident (one row per resident)."""

    __tablename__ = "membership"
    __table_args__ = (
        Index("ix_membership_status", "status"),
        Index("ix_membership_segment", "segment"),
    )

    resident_id: Mapped[int] = mapped_column(
        ForeignKey("resident.id", ondelete="CASCADE"), primary_key=True
    )
    card_number: Mapped[str] = mapped_column(String(13), default="")
    segment: Mapped[str | None] = mapped_column(String(12), nullable=True)
    status: Mapped[str] = mapped_column(String(20))
    jkn_class: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    fktp_code: Mapped[str] = mapped_column(String(8), default="")
    months_in_arrears: Mapped[int] = mapped_column(SmallInteger, default=0)
    as_of: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20), default="manual")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class MembershipHistory(Base):
    """One snapshot per change; rows are only ever added."""

    __tablename__ = "membership_history"
    __table_args__ = (Index("ix_membership_history_resident_asof", "resident_id", "as_of"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("resident.id", ondelete="CASCADE"))
    card_number: Mapped[str] = mapped_column(String(13), default="")
    segment: Mapped[str | None] = mapped_column(String(12), nullable=True)
    status: Mapped[str] = mapped_column(String(20))
    jkn_class: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    fktp_code: Mapped[str] = mapped_column(String(8), default="")
    months_in_arrears: Mapped[int] = mapped_column(SmallInteger, default=0)
    as_of: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20), default="manual")
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(60), default="system")
