"""Pengingat: a reminder sent to a family (a WhatsApp message or a printed slip), kept so
the follow-up list can say when a family was last reminded. Rows are never changed."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

import pesiar_desktop.models.agents  # noqa: F401 - a foreign key's table (see models/__init__)
import pesiar_desktop.models.fieldwork  # noqa: F401 - a foreign key's table (see models/__init__)
import pesiar_desktop.models.people  # noqa: F401 - a foreign key's table (see models/__init__)
from pesiar_desktop.clock import utcnow
from pesiar_desktop.models.base import Base


class Reminder(Base):
    """One reminder to one family: what it was about (arrears or the first premium of a
    registration), how it went out, on which day, what it asked for and who sent it."""

    __tablename__ = "reminder"
    __table_args__ = (Index("ix_reminder_family_sent", "family_id", "sent_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(16))  # ARREARS or FIRST_PREMIUM
    channel: Mapped[str] = mapped_column(String(10))  # WHATSAPP or SLIP
    sent_on: Mapped[date] = mapped_column(Date)
    registration_id: Mapped[int | None] = mapped_column(
        ForeignKey("registration.id", ondelete="SET NULL"), nullable=True
    )  # the unpaid registration a first-premium reminder is about
    agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agent.id", ondelete="SET NULL"), nullable=True
    )  # the kader named on it
    kader_name: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")  # 62…, WhatsApp only
    amount: Mapped[int] = mapped_column(Integer, default=0)  # what it asked for, rupiah
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    recorded_by: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
