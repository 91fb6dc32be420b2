"""Families (Kartu Keluarga) and residents."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, SmallInteger, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pesiar_desktop.clock import utcnow
from pesiar_desktop.models.base import Base
from pesiar_desktop.models.village import Rt


class Family(Base):
    """A Kartu Keluarga. No KK changes when a family splits or moves: never a permanent key."""

    __tablename__ = "family"

    id: Mapped[int] = mapped_column(primary_key=True)
    no_kk: Mapped[str] = mapped_column(String(16), unique=True)
    rt_id: Mapped[int] = mapped_column(ForeignKey("rt.id", ondelete="RESTRICT"), index=True)
    address: Mapped[str] = mapped_column(String(255), default="")
    welfare_decile: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    rt: Mapped[Rt] = relationship()
    members: Mapped[list[Resident]] = relationship(
        back_populates="family", order_by="Resident.shdk, Resident.birth_date"
    )


# Room for a NIK as written in a file when it is not a valid one (separators, a float).
NIK_TEXT_MAX = 32


class Resident(Base):
    """A person in the register. NIK is the resident's key, once it is valid.

    A person whose NIK is not (yet) valid stays in the register: `nik` holds the value
    as written (maybe blank), `nik_problem` says what is wrong ("NIK perlu diperbaiki"),
    and only valid NIKs must be unique (a partial index). `nik_raw` keeps the value as
    first written even after the fix, so a re-import of the old file finds the person
    (by that value plus name, birth date and No KK) instead of adding them again.
    """

    __tablename__ = "resident"
    __table_args__ = (
        # Partial on both backends (migration 0014 makes it). The model names only
        # SQLite's predicate, which a bulk import uses to drop and rebuild the index:
        # a `postgresql_where` here would load SQLAlchemy's PostgreSQL dialect and its
        # drivers' modules into every command on a SQLite village (~25 ms of start-up).
        Index(
            "uq_resident_nik_valid", "nik", unique=True, sqlite_where=text("nik_problem IS NULL")
        ),
        Index("ix_resident_nik", "nik"),
        Index("ix_resident_name_sort", "name_sort"),
        # The Penduduk page's default list (living residents by name) as an ordered,
        # covering index scan instead of a sort of 100,000 rows.
        Index("ix_resident_life_name", "life_status", "name_sort"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nik: Mapped[str] = mapped_column(String(NIK_TEXT_MAX))
    nik_problem: Mapped[str | None] = mapped_column(String(300), nullable=True)
    nik_raw: Mapped[str | None] = mapped_column(String(NIK_TEXT_MAX), nullable=True)
    name: Mapped[str] = mapped_column(String(120))
    # Lower-cased name for case-insensitive search and sorting on both backends.
    name_sort: Mapped[str] = mapped_column(String(120))
    sex: Mapped[int] = mapped_column(SmallInteger)  # 1 Laki-laki, 2 Perempuan
    birth_place: Mapped[str] = mapped_column(String(80), default="")
    birth_date: Mapped[date] = mapped_column(Date)
    family_id: Mapped[int] = mapped_column(ForeignKey("family.id", ondelete="RESTRICT"), index=True)
    shdk: Mapped[int] = mapped_column(SmallInteger)
    marital_status: Mapped[int] = mapped_column(SmallInteger, default=1)
    religion: Mapped[int] = mapped_column(SmallInteger, default=1)
    education: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    occupation: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    phone: Mapped[str] = mapped_column(String(20), default="")
    father_name: Mapped[str] = mapped_column(String(120), default="")
    mother_name: Mapped[str] = mapped_column(String(120), default="")
    life_status: Mapped[int] = mapped_column(SmallInteger, default=1)
    life_status_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    # A pendatang: the day they moved into the village. None: in the register since birth
    # (or since before the register began). Figures "as of a day" count a resident from
    # this day (else from birth) until life_status_date.
    arrived_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    is_pregnant: Mapped[bool] = mapped_column(Boolean, default=False)
    has_disability: Mapped[bool] = mapped_column(Boolean, default=False)
    is_stunting_child: Mapped[bool] = mapped_column(Boolean, default=False)
    is_laid_off: Mapped[bool] = mapped_column(Boolean, default=False)
    is_formal_worker: Mapped[bool] = mapped_column(Boolean, default=False)
    employer_name: Mapped[str] = mapped_column(String(160), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    family: Mapped[Family] = relationship(back_populates="members")

    @property
    def nik_to_fix(self) -> bool:
        """Flagged "NIK perlu diperbaiki": kept out of every list sent to BPJS or Dinsos."""
        return self.nik_problem is not None
