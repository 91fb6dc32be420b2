"""Import batches (who imported which file, with what outcome) and saved column mappings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pesiar_desktop.clock import utcnow
from pesiar_desktop.models.base import Base


class ImportBatch(Base):
    """One committed import of one file; the history list in the UI reads these."""

    __tablename__ = "import_batch"
    __table_args__ = (Index("ix_import_batch_sha256", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # residents | bpjs | welfare
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    file_format: Mapped[str] = mapped_column(String(80), default="")
    actor: Mapped[str] = mapped_column(String(60))
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    list_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    total_rows: Mapped[int] = mapped_column(Integer, default=0)
    new_count: Mapped[int] = mapped_column(Integer, default=0)
    updated_count: Mapped[int] = mapped_column(Integer, default=0)
    unchanged_count: Mapped[int] = mapped_column(Integer, default=0)
    rejected_count: Mapped[int] = mapped_column(Integer, default=0)
    warning_count: Mapped[int] = mapped_column(Integer, default=0)
    pending_count: Mapped[int] = mapped_column(Integer, default=0)
    # Kind-specific figures (e.g. BPJS: matched / not in register / missing from list).
    summary_json: Mapped[str | None] = mapped_column(Text, nullable=True)


class ImportRow(Base):
    """Which resident a batch created or changed, so every imported row is traceable.

    A log, like the audit log: the resident and family ids are plain numbers, not
    foreign keys (residents and families are never deleted, and checking the
    importer's own ids cost a fifth of a second per 100,000 rows).
    """

    __tablename__ = "import_row"
    __table_args__ = (Index("ix_import_row_resident", "resident_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("import_batch.id", ondelete="CASCADE"), index=True
    )
    row_number: Mapped[int] = mapped_column(Integer)
    resident_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    family_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    action: Mapped[str] = mapped_column(String(20))  # new | updated


class SavedMapping(Base):
    """A column/value mapping saved under a name and reused for the next file of that layout."""

    __tablename__ = "saved_mapping"
    __table_args__ = (UniqueConstraint("kind", "name", name="uq_saved_mapping_kind_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # residents | bpjs | welfare
    name: Mapped[str] = mapped_column(String(80))
    mapping_json: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(60), default="system")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
