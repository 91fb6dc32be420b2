"""The monthly recap for the BPJS branch, as plain rows (gathered by `services.recap`,
written by `reports.recap_xlsx` / `reports.recap_pdf`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pesiar_desktop.reportdata.targets import AreaSummary
from pesiar_desktop.reportdata.village import VillageProfile
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fw
from pesiar_desktop.rules.indicators import pct
from pesiar_desktop.rules.nik import mask_nik

# Pendaftaran columns: key -> header. The first 20 are the FDIP order the branch asks for;
# the rest can be added by a branch that wants them.
PENDAFTARAN_COLUMNS: dict[str, str] = {
    "no": "No",
    "no_kk": "No KK",
    "nik": "NIK",
    "nama": "Nama",
    "hubungan": "Hubungan keluarga",
    "jk": "JK",
    "ttl": "Tempat/tgl lahir",
    "alamat": "Alamat",
    "rt_rw": "RT/RW",
    "kode_desa": "Kode desa",
    "kecamatan": "Kecamatan",
    "kabupaten": "Kab/Kota",
    "fktp": "FKTP",
    "kelas": "Kelas",
    "no_hp": "No HP",
    "segmen": "Segmen",
    "tgl_daftar": "Tgl daftar",
    "va": "VA",
    "tgl_bayar": "Tgl bayar",
    "agen": "Agen",
    # optional
    "tempat_lahir": "Tempat lahir",
    "tgl_lahir": "Tgl lahir",
    "dusun": "Dusun",
    "status": "Status pendaftaran",
    "iuran": "Iuran/bulan (Rp)",
    "jalur": "Jalur",
}
DEFAULT_COLUMNS: tuple[str, ...] = tuple(list(PENDAFTARAN_COLUMNS)[:20])


# ---------------------------------------------------------------- rows


@dataclass(frozen=True)
class RekapRow:
    agent_id: int | None
    name: str
    area: str
    target_people: int
    paid_people: int
    target_families: int
    paid_families: int
    visits: int
    families_visited: int
    advocacy_events: int
    registered_people: int
    registered_families: int
    unpaid_families: int
    reactivated_people: int = 0
    reactivated_families: int = 0

    @property
    def people_pct(self) -> float:
        return pct(self.paid_people, self.target_people)

    @property
    def families_pct(self) -> float:
        return pct(self.paid_families, self.target_families)


@dataclass(frozen=True)
class PendaftaranRow:
    """One registered person; `value(key)` gives the cell for a Pendaftaran column."""

    registration_id: int
    no_kk: str
    nik: str
    name: str
    shdk: int
    sex: int
    birth_place: str
    birth_date: date
    address: str
    rw: str
    rt: str
    dusun: str
    fktp: str
    jkn_class: int | None
    phone: str
    segment: str
    registered_on: date
    va_number: str
    paid_on: date | None
    agent: str
    status: str
    premium: int
    path: str


@dataclass(frozen=True)
class ProposalRow:
    """A person in a PBI proposal or a PPU BU employer report made in the month: passed on
    to the Dinas Sosial or the BPJS branch, not a registration the village made."""

    registration_id: int
    path: str  # fieldwork_codes.PATH_*
    no_kk: str
    nik: str
    name: str
    sex: int
    birth_date: date
    dusun: str
    rt: str
    rw: str
    submitted_on: date
    status: str
    agent: str
    employer: str  # PPU BU reports: the employer that did not register its workers


@dataclass(frozen=True)
class KeaktifanRow:
    """One family's reactivation seen from the month: started, paid towards or completed in it."""

    reactivation_id: int
    no_kk: str
    head: str
    dusun: str
    rt: str
    rw: str
    agent: str
    kind: str  # fieldwork_codes.REACTIVATION_*
    instalments: int
    people: int
    months_counted: int
    amount_owed: int
    paid_in_month: int
    paid_to_month_end: int
    started_on: date
    completed_on: date | None  # within or before the month's end, else None

    @property
    def remaining(self) -> int:
        return max(0, self.amount_owed - self.paid_to_month_end)

    @property
    def reactivated(self) -> bool:
        return self.completed_on is not None


@dataclass(frozen=True)
class SegmentRow:
    """Registered and active members of one segment in one dusun."""

    dusun: str
    segment: str  # codes.SEGMENTS key
    registered: int
    active: int


@dataclass(frozen=True)
class VisitRow:
    visited_on: date
    agent: str
    no_kk: str
    head: str
    dusun: str
    rw: str
    rt: str
    outcome: str
    refusal: str
    revisit_on: date | None
    topics: str
    note: str


@dataclass(frozen=True)
class EventRow:
    held_on: date
    kind: str
    place: str
    audience: str
    participants: int
    topics: str
    agent: str
    note: str


@dataclass(frozen=True)
class DusunRow:
    dusun: str
    residents: int
    families: int
    registered: int
    active: int

    @property
    def coverage_pct(self) -> float:
        return pct(self.registered, self.residents)

    @property
    def activity_pct(self) -> float:
        return pct(self.active, self.registered)

    @property
    def active_of_population_pct(self) -> float:
        return pct(self.active, self.residents)


@dataclass
class RecapData:
    profile: VillageProfile
    month: date  # first day
    month_end: date
    generated_on: date
    uhc_as_of: date
    uhc_from_history: bool
    rekap: list[RekapRow]
    pendaftaran: list[PendaftaranRow]
    visits: list[VisitRow]
    events: list[EventRow]
    dusun: list[DusunRow]
    targets: list[AreaSummary]
    proposals: list[ProposalRow] = field(default_factory=list)
    keaktifan: list[KeaktifanRow] = field(default_factory=list)
    segments: list[SegmentRow] = field(default_factory=list)
    columns: list[str] = field(default_factory=lambda: list(DEFAULT_COLUMNS))
    branch: str = ""
    masked: bool = False
    # The audit chain head when the recap was made ("1234 entri, a1b2…"): printed in the
    # PDF's footer, so the BPJS branch holds a monthly witness of the village's log.
    audit_head: str = ""

    @property
    def place(self) -> str:
        return self.profile.desa_name


Getter = Callable[[PendaftaranRow, int], Any]


def column_getters(data: RecapData, keys: Sequence[str] | None = None) -> list[Getter]:
    """One function per Pendaftaran column: (row, number) -> cell value. Identifiers stay
    strings; built once per export (tens of thousands of rows call them)."""
    p = data.profile
    region = p.region_code.replace(".", "")
    masked = data.masked

    def ident(value: str) -> str:
        return mask_nik(value) if masked else value

    def ttl(r: PendaftaranRow, _i: int) -> str:
        born = f"{r.birth_date:%d-%m-%Y}"
        return f"{r.birth_place}, {born}" if r.birth_place else born

    def rt_rw(r: PendaftaranRow, _i: int) -> str:
        return f"{r.rt}/{r.rw}" if r.rw and r.rw != "-" else r.rt

    table: dict[str, Getter] = {
        "no": lambda _r, i: i,
        "no_kk": lambda r, _i: ident(r.no_kk),
        "nik": lambda r, _i: ident(r.nik),
        "nama": lambda r, _i: r.name,
        "hubungan": lambda r, _i: codes.label(codes.SHDK, r.shdk),
        "jk": lambda r, _i: "L" if r.sex == 1 else "P",
        "ttl": ttl,
        "alamat": lambda r, _i: r.address,
        "rt_rw": rt_rw,
        "kode_desa": lambda _r, _i: region,
        "kecamatan": lambda _r, _i: p.kecamatan_name,
        "kabupaten": lambda _r, _i: p.kabupaten_name,
        "fktp": lambda r, _i: r.fktp,
        "kelas": lambda r, _i: r.jkn_class,
        "no_hp": lambda r, _i: r.phone,
        "segmen": lambda r, _i: codes.label(codes.SEGMENTS, r.segment, r.segment),
        "tgl_daftar": lambda r, _i: r.registered_on,
        "va": lambda r, _i: r.va_number,
        "tgl_bayar": lambda r, _i: r.paid_on,
        "agen": lambda r, _i: r.agent,
        "tempat_lahir": lambda r, _i: r.birth_place,
        "tgl_lahir": lambda r, _i: r.birth_date,
        "dusun": lambda r, _i: r.dusun,
        "status": lambda r, _i: fw.REGISTRATION_STATUSES.get(r.status, r.status),
        "iuran": lambda r, _i: r.premium,
        "jalur": lambda r, _i: fw.REGISTRATION_PATHS.get(r.path, r.path),
    }
    assert set(table) == set(PENDAFTARAN_COLUMNS)
    return [table[key] for key in (data.columns if keys is None else keys)]


# Column kinds the writers use to pick a cell type and width.
TEXT_ID_COLUMNS = frozenset({"no_kk", "nik", "va", "no_hp", "kode_desa", "fktp", "rt_rw"})
DATE_COLUMNS = frozenset({"tgl_daftar", "tgl_bayar", "tgl_lahir"})
NUMBER_COLUMNS = frozenset({"no", "kelas", "iuran"})
