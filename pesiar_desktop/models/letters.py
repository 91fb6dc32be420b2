"""Letters the kepala desa signs (SK, Surat Tugas, …) with a per-type, per-year counter."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

import pesiar_desktop.models.agents  # noqa: F401 - a foreign key's table (see models/__init__)
from pesiar_desktop.clock import utcnow
from pesiar_desktop.models.base import Base


class Letter(Base):
    """A letter: drafted (no number), approved (numbered, PDF frozen + hashed) or revoked.

    `content_json` holds what the letter says (type-specific fields); `pdf` is the frozen
    PDF of an approved letter, `pdf_sha256` its hash, `payload` the QR verification text.
    """

    __tablename__ = "letter"
    __table_args__ = (
        UniqueConstraint("letter_type", "year", "seq"),
        UniqueConstraint("number"),
        Index("ix_letter_status", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    letter_type: Mapped[str] = mapped_column(String(20))  # SK, SURAT_TUGAS, PAKTA, ID_CARD…
    status: Mapped[str] = mapped_column(String(10), default="draft")  # draft/approved/revoked
    subject: Mapped[str] = mapped_column(String(300), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    content_json: Mapped[str] = mapped_column(Text, default="{}")
    agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agent.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    assignment_id: Mapped[int | None] = mapped_column(
        ForeignKey("assignment.id", ondelete="RESTRICT"), nullable=True
    )
    signature_variant: Mapped[str] = mapped_column(String(10), default="kades")  # kades/an/ub
    paper: Mapped[str] = mapped_column(String(4), default="A4")
    # Numbering: filled on approval, never changed afterwards.
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    number: Mapped[str | None] = mapped_column(String(80), nullable=True)
    letter_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    payload: Mapped[str | None] = mapped_column(String(300), nullable=True)
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    pdf_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    drafted_by: Mapped[str] = mapped_column(String(60), default="")
    drafted_at: Mapped[datetime] = mapped_column(default=utcnow)
    approved_by: Mapped[str | None] = mapped_column(String(60), nullable=True)
    approved_at: Mapped[datetime | None] = mapped_column(nullable=True)
    revoked_by: Mapped[str | None] = mapped_column(String(60), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(nullable=True)
    revoke_reason: Mapped[str] = mapped_column(Text, default="")
    reported_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # Buku Keputusan
    remarks: Mapped[str] = mapped_column(Text, default="")


class LetterCounter(Base):
    """Last number used per letter type and year (row-locked while a number is drawn)."""

    __tablename__ = "letter_counter"

    letter_type: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class LetterText(Base):
    """One saved version of the letter text the village adjusts (Menimbang, Mengingat, the
    closing lines): each save adds a row, the highest version is current. `content_json`
    holds the lists and lines; a letter copies them into its own content when drafted and
    again when approved, so a later version never changes an approved letter."""

    __tablename__ = "letter_text"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    content_json: Mapped[str] = mapped_column(Text, default="{}")
    created_by: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
