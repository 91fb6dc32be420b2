"""The national region list (Kepmendagri 300.2.2-2138/2025) shipped in pesiar_desktop/resources/data."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from pesiar_desktop.config import resources_dir

REGION_FILE = "wilayah_kemendagri_2025.csv"


@dataclass(frozen=True)
class Region:
    code: str  # dotted: 52, 52.01, 52.01.01, 52.01.01.2001
    name: str

    @property
    def level(self) -> int:
        """1 provinsi, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan."""
        return self.code.count(".") + 1

    @property
    def parent_code(self) -> str | None:
        return self.code.rsplit(".", 1)[0] if "." in self.code else None


@cache
def _names() -> dict[str, str]:
    """Code -> name for the 91,599 regions. Plain strings: a Region is made only for what a
    caller asks for (making all of them took 0.2 s, paid by every NIK check)."""
    path = resources_dir() / "data" / REGION_FILE
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        next(rows)  # kode,nama
        return {code: name for code, name in rows}


# The province (2 digits) and kecamatan (6 digits, no dots) codes of REGION_FILE, one per
# line: all a NIK check needs, read in ~2 ms instead of scanning the 91,599 regions (~50 ms,
# paid by every import). Derived from REGION_FILE by `write_codes_file()`; a test keeps the two
# equal.
CODES_FILE = "wilayah_kemendagri_2025_kode.txt"


def codes_of(region_list: str) -> list[str]:
    """The province and kecamatan codes of a region list's text, as CODES_FILE holds them."""
    codes: list[str] = []
    for line in region_list.splitlines()[1:]:
        code = line.partition(",")[0]
        if code.count(".") in (0, 2):
            codes.append(code.replace(".", ""))
    return sorted(codes)


def write_codes_file() -> None:
    """Rewrite CODES_FILE from REGION_FILE (after the region list is updated)."""
    data = resources_dir() / "data"
    codes = codes_of((data / REGION_FILE).read_text(encoding="utf-8"))
    (data / CODES_FILE).write_text("\n".join(codes) + "\n", encoding="utf-8")


@cache
def _province_and_district_codes() -> tuple[frozenset[str], frozenset[str]]:
    """Provinces (2 digits) and kecamatan (6 digits, no dots)."""
    codes = (resources_dir() / "data" / CODES_FILE).read_text(encoding="utf-8").split()
    return (
        frozenset(c for c in codes if len(c) == 2),
        frozenset(c for c in codes if len(c) == 6),
    )


def get_region(code: str) -> Region | None:
    code = normalise_code(code)
    name = _names().get(code)
    return None if name is None else Region(code, name)


def normalise_code(code: str) -> str:
    """Accept `5201012001` or `52.01.01.2001`; return the dotted form."""
    digits = code.replace(".", "").strip()
    parts = [digits[0:2], digits[2:4], digits[4:6], digits[6:10]]
    return ".".join(part for part in parts if part)


def children(parent_code: str | None) -> list[Region]:
    """Regions one level below `parent_code` (provinces when None), sorted by name."""
    if parent_code is None:
        found = [Region(c, n) for c, n in _names().items() if "." not in c]
    else:
        prefix, dots = parent_code + ".", parent_code.count(".") + 1
        found = [
            Region(c, n)
            for c, n in _names().items()
            if c.startswith(prefix) and c.count(".") == dots
        ]
    return sorted(found, key=lambda r: r.name)


def district_exists(district6: str) -> bool:
    return district6 in _province_and_district_codes()[1]


def province_exists(province2: str) -> bool:
    """A province code (2 digits) of the national list: a NIK starting with another is impossible."""
    return province2 in _province_and_district_codes()[0]


def village_chain(village_code: str) -> tuple[Region, Region, Region, Region]:
    """(provinsi, kabupaten, kecamatan, desa) for a 10-digit village code."""
    code = normalise_code(village_code)
    desa = get_region(code)
    if desa is None or desa.level != 4:
        raise KeyError(code)
    kec_code = code.rsplit(".", 1)[0]
    kab_code = kec_code.rsplit(".", 1)[0]
    prov_code = kab_code.rsplit(".", 1)[0]
    names = _names()
    kec = Region(kec_code, names[kec_code])
    kab = Region(kab_code, names[kab_code])
    prov = Region(prov_code, names[prov_code])
    return prov, kab, kec, desa


def search_villages(text: str, limit: int = 50) -> list[tuple[Region, str]]:
    """Villages whose name contains `text`, with 'Kecamatan, Kabupaten, Provinsi' beside each.

    Several words may also name the village and where it is ("suka makmur gerung"): every
    word must be in the village's name or its kecamatan, kabupaten or provinsi, and one
    at least in its name; such matches come after the plain ones."""
    needle = " ".join(text.strip().lower().split())
    if len(needle) < 2:
        return []
    words = [w for w in needle.replace(",", " ").split() if w not in _PLACE_WORDS]
    found: list[tuple[Region, str]] = []
    later: list[tuple[Region, str]] = []
    for code, proper_name in _names().items():
        if code.count(".") != 3:
            continue
        region = Region(code, proper_name)
        name = proper_name.lower()
        if needle in name:
            prov, kab, kec, _ = village_chain(region.code)
            found.append((region, f"{kec.name}, {kab.name}, {prov.name}"))
            if len(found) >= limit:
                break
        elif len(words) > 1 and any(w in name for w in words) and len(later) < limit:
            prov, kab, kec, _ = village_chain(region.code)
            where = f"{kec.name}, {kab.name}, {prov.name}"
            if all(w in name or w in where.lower() for w in words):
                later.append((region, where))
    return (found + later)[:limit]


# Words people type around names ("desa suka makmur kecamatan gerung").
_PLACE_WORDS = frozenset(
    {"desa", "kelurahan", "kel", "kel.", "kec", "kec.", "kecamatan", "kab", "kab.", "kabupaten"}
)
