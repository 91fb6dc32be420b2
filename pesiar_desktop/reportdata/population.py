"""Laporan bulanan penduduk: per dusun, residents and families at the start of the month,
births, deaths, arrivals and departures (each by sex), and at the end of the month."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pesiar_desktop.reportdata.village import VillageProfile


@dataclass
class SexCount:
    male: int = 0
    female: int = 0

    @property
    def total(self) -> int:
        return self.male + self.female

    def add(self, sex: int) -> None:
        if sex == 1:
            self.male += 1
        else:
            self.female += 1


@dataclass
class PopulationRow:
    """One dusun (or the village total)."""

    dusun: str
    start: SexCount = field(default_factory=SexCount)
    start_families: int = 0
    births: SexCount = field(default_factory=SexCount)
    deaths: SexCount = field(default_factory=SexCount)
    arrivals: SexCount = field(default_factory=SexCount)
    departures: SexCount = field(default_factory=SexCount)
    end: SexCount = field(default_factory=SexCount)
    end_families: int = 0

    def counts(self) -> list[int]:
        """The numbers in the report's column order (see COLUMNS)."""
        return [
            self.start.male,
            self.start.female,
            self.start.total,
            self.start_families,
            self.births.male,
            self.births.female,
            self.deaths.male,
            self.deaths.female,
            self.arrivals.male,
            self.arrivals.female,
            self.departures.male,
            self.departures.female,
            self.end.male,
            self.end.female,
            self.end.total,
            self.end_families,
        ]


# (group, column) headers of `PopulationRow.counts`, shared by the workbook and the PDF.
COLUMNS: list[tuple[str, str]] = [
    ("Awal bulan", "L"),
    ("Awal bulan", "P"),
    ("Awal bulan", "Jumlah"),
    ("Awal bulan", "KK"),
    ("Lahir", "L"),
    ("Lahir", "P"),
    ("Meninggal", "L"),
    ("Meninggal", "P"),
    ("Pendatang", "L"),
    ("Pendatang", "P"),
    ("Pindah/pergi", "L"),
    ("Pindah/pergi", "P"),
    ("Akhir bulan", "L"),
    ("Akhir bulan", "P"),
    ("Akhir bulan", "Jumlah"),
    ("Akhir bulan", "KK"),
]


@dataclass
class PopulationReport:
    profile: VillageProfile
    month: date  # first day
    month_end: date
    generated_on: date
    rows: list[PopulationRow]  # per dusun, by name
    total: PopulationRow
