"""The village profile and its areas: dusun, then RT (with its RW)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pesiar_desktop.clock import utcnow
from pesiar_desktop.models.base import Base


class Village(Base):
    """The one village this database serves (a row per desa on a shared server)."""

    __tablename__ = "village"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_code: Mapped[str] = mapped_column(String(13), unique=True)  # PP.KK.CC.DDDD
    desa_name: Mapped[str] = mapped_column(String(120))
    kecamatan_name: Mapped[str] = mapped_column(String(120))
    kabupaten_name: Mapped[str] = mapped_column(String(120))
    provinsi_name: Mapped[str] = mapped_column(String(120))
    address: Mapped[str] = mapped_column(String(255), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    kepala_desa_name: Mapped[str] = mapped_column(String(120), default="")
    sekretaris_desa_name: Mapped[str] = mapped_column(String(120), default="")
    # Kaur Keuangan: signs the Daftar pembayaran honor beside the kepala desa.
    bendahara_name: Mapped[str] = mapped_column(String(120), default="")
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def is_kelurahan(self) -> bool:
        return self.region_code.replace(".", "")[6:7] == "1"


class Dusun(Base):
    __tablename__ = "dusun"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)

    rts: Mapped[list[Rt]] = relationship(back_populates="dusun", order_by="Rt.rw, Rt.rt")


class Rt(Base):
    """An RT inside a dusun; `rw` is '-' in villages without RW. Codes keep leading zeros."""

    __tablename__ = "rt"
    __table_args__ = (UniqueConstraint("dusun_id", "rw", "rt", name="uq_rt_area"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dusun_id: Mapped[int] = mapped_column(ForeignKey("dusun.id", ondelete="RESTRICT"), index=True)
    rw: Mapped[str] = mapped_column(String(5))
    rt: Mapped[str] = mapped_column(String(5))

    dusun: Mapped[Dusun] = relationship(back_populates="rts")

    @property
    def label(self) -> str:
        rw = f"RW {self.rw} / " if self.rw and self.rw != "-" else ""
        return f"{self.dusun.name} · {rw}RT {self.rt}"
