"""Peristiwa kependudukan: births, deaths, moves out of and into the village.

Rows are never changed or deleted: a wrongly recorded event is undone by a new CANCEL
event pointing at it (`cancels_id`), and the register is put back as it was."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

import pesiar_desktop.models.people  # noqa: F401 - a foreign key's table (see models/__init__)
from pesiar_desktop.clock import utcnow
from pesiar_desktop.models.base import Base


class PopulationEvent(Base):
    """One event of one resident: what (kind), when, where (born / died / gone to / come
    from), a note, the family at the time, and who recorded it."""

    __tablename__ = "population_event"
    __table_args__ = (Index("ix_population_event_day", "occurred_on", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # rules.population: BIRTH, DEATH, ...
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("resident.id", ondelete="RESTRICT"), index=True
    )
    family_id: Mapped[int | None] = mapped_column(
        ForeignKey("family.id", ondelete="SET NULL"), nullable=True
    )
    occurred_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(String(255), default="")
    # A CANCEL event names the event it undoes; that event then no longer counts.
    cancels_id: Mapped[int | None] = mapped_column(
        ForeignKey("population_event.id", ondelete="RESTRICT"), nullable=True, unique=True
    )
    recorded_by: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
