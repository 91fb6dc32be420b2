"""The village as reports print it (kop surat, titles, signature blocks)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class VillageProfile:
    id: int
    region_code: str
    desa_name: str
    kecamatan_name: str
    kabupaten_name: str
    provinsi_name: str
    address: str
    postal_code: str
    phone: str
    email: str
    kepala_desa_name: str
    sekretaris_desa_name: str
    has_logo: bool
    bendahara_name: str = ""  # Kaur Keuangan (signs the fee list)

    @property
    def district_code(self) -> str:
        return self.region_code.replace(".", "")[:6]

    @property
    def is_kelurahan(self) -> bool:
        return self.region_code.replace(".", "")[6:7] == "1"

    @property
    def title(self) -> str:
        kind = "Kelurahan" if self.is_kelurahan else "Desa"
        return f"{kind} {self.desa_name}"


@dataclass(frozen=True)
class Letterhead:
    """What the kop surat shows: the village profile and its logo (PNG/JPEG bytes or None)."""

    profile: VillageProfile
    logo: bytes | None = None

    def contact_parts(self) -> list[str]:
        p = self.profile
        parts = []
        if p.address:
            parts.append(
                f"Alamat: {p.address}" + (f" Kode Pos {p.postal_code}" if p.postal_code else "")
            )
        elif p.postal_code:
            parts.append(f"Kode Pos {p.postal_code}")
        if p.phone:
            parts.append(f"Telp. {p.phone}")
        if p.email:
            parts.append(f"Email: {p.email}")
        return parts

    def contact_line(self) -> str:
        return "  ·  ".join(self.contact_parts())
