"""Does a resident file come from this village? Checked in the preview, before any write.

A NIK's digits 1-6 (and a No KK's) are the province, regency and district where it was
first issued. Residents who moved in keep the codes of their old district, so one
foreign code means nothing; but when most valid NIKs or most No KK of a file are of
another district than the village's kecamatan, the file is most likely another village's
export picked by mistake. An import that would create dusun the village does not have
is the other sign. Either way the preview says so and the commit needs `ORIGIN_KEY`
among the confirmed keys.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from pesiar_desktop.importers.import_records import ResidentRecord
from pesiar_desktop.rules.regions import get_region

# The confirmation a person gives for a file that seems to be another village's.
ORIGIN_KEY = "origin:other-village"
OTHER_VILLAGE_REFUSED = (
    "Berkas ini tampaknya dari desa lain; tidak ada yang diimpor. Periksa pratinjau dan "
    "setujui bila berkas ini memang dari desa ini."
)


@dataclass(frozen=True)
class CodeShare:
    """How many of the file's numbers (NIKs or distinct No KK) are of another district."""

    foreign: int
    total: int
    top_code: str  # the most frequent foreign district, 6 digits ("" when none)

    @property
    def most_foreign(self) -> bool:
        return self.total > 0 and self.foreign * 2 > self.total


@dataclass(frozen=True)
class OriginCheck:
    """The region and dusun signs of a file from another village."""

    village_district: str  # 6 digits, "" when the village is not set up
    nik: CodeShare
    kk: CodeShare
    new_dusun: tuple[str, ...]
    village_has_dusun: bool

    @property
    def other_region(self) -> bool:
        return self.nik.most_foreign or self.kk.most_foreign

    @property
    def needs_confirmation(self) -> bool:
        # On a first import the village has no dusun yet: every dusun is new then.
        return self.other_region or (self.village_has_dusun and bool(self.new_dusun))

    @property
    def region_code(self) -> str:
        """The district the file seems to come from (the NIKs' first, else the No KK')."""
        share = self.nik if self.nik.most_foreign else self.kk
        return share.top_code

    def messages(self) -> list[str]:
        """Indonesian sentences for the warning box (empty when nothing is odd)."""
        lines: list[str] = []
        if self.other_region:
            parts = []
            if self.nik.total:
                parts.append(f"{self.nik.foreign} dari {self.nik.total} NIK")
            if self.kk.total:
                parts.append(f"{self.kk.foreign} dari {self.kk.total} No KK")
            lines.append(
                f"Berkas ini tampaknya dari desa lain: {' dan '.join(parts)} berkode wilayah "
                f"di luar kecamatan desa ini ({district_text(self.village_district)}); "
                f"kode terbanyak {self.region_code}: {district_text(self.region_code)}."
            )
        if self.new_dusun and (self.village_has_dusun or self.other_region):
            lines.append(
                f"Impor ini akan membuat {len(self.new_dusun)} dusun yang belum ada di desa "
                f"ini: {', '.join(self.new_dusun)}."
            )
        if lines:
            lines.append(
                "Periksa daftar baris di bawah. Impor hanya bila Anda yakin berkas ini "
                "memang dari desa ini."
            )
        return lines


def district_text(code: str) -> str:
    """'Kec. Gerung, Kab. Lombok Barat' for 520101 (the list names KABUPATEN/KOTA itself)."""
    kec = get_region(code) if len(code) == 6 else None
    if kec is None or kec.parent_code is None:
        return f"kode {code}" if code else "kode tidak diketahui"
    kab = get_region(kec.parent_code)
    where = f"Kec. {kec.name}"
    return f"{where}, {kab.name}" if kab is not None else where


def _share(codes: Iterable[str], village_district: str) -> CodeShare:
    counts = Counter(codes)
    total = sum(counts.values())
    foreign = Counter({code: n for code, n in counts.items() if code != village_district})
    top = foreign.most_common(1)
    return CodeShare(sum(foreign.values()), total, top[0][0] if top else "")


def region_shares(
    records: list[ResidentRecord], village_district: str
) -> tuple[CodeShare, CodeShare]:
    """The region shares of the valid NIKs and of the distinct No KK (kept by the preview:
    they do not change when the plan does).

    NIKs to fix are left out (their first digits may be anything); without a village
    profile there is nothing to compare with."""
    if not village_district:
        return CodeShare(0, 0, ""), CodeShare(0, 0, "")
    niks = (r.nik[:6] for r in records if r.nik_problem is None)
    kks = (kk[:6] for kk in {r.no_kk for r in records} if len(kk) == 16 and kk.isdigit())
    return _share(niks, village_district), _share(kks, village_district)


def check_origin(
    shares: tuple[CodeShare, CodeShare],
    village_district: str,
    new_dusun: Iterable[str],
    village_has_dusun: bool,
) -> OriginCheck:
    """The region shares and the dusun the import would create, as one verdict."""
    return OriginCheck(
        village_district, shares[0], shares[1], tuple(sorted(set(new_dusun))), village_has_dusun
    )
