"""Petakan figures per area, as the recap's Sasaran sheet and the Petakan page show them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

PRIORITY_REASONS = {
    "poor": "Desil 1–4",
    "pregnant": "Ibu hamil",
    "stunting": "Anak stunting",
    "elderly": "Lansia",
    "disability": "Disabilitas",
}


@dataclass
class AreaSummary:
    """Figures for one dusun (rt_id None) or one RT inside it."""

    dusun_id: int
    dusun: str
    rt_id: int | None
    rw: str
    rt: str
    residents: int = 0
    registered: int = 0
    active: int = 0
    targets: int = 0
    priority_targets: int = 0
    by_category: dict[str, int] = field(default_factory=dict)

    @property
    def coverage_pct(self) -> float:
        return round(100.0 * self.registered / self.residents, 2) if self.residents else 0.0

    @property
    def active_pct(self) -> float:
        return round(100.0 * self.active / self.registered, 2) if self.registered else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "dusun": self.dusun,
            "rw": self.rw,
            "rt": self.rt,
            "residents": self.residents,
            "registered": self.registered,
            "active": self.active,
            "targets": self.targets,
            "priority_targets": self.priority_targets,
            "coverage_pct": self.coverage_pct,
            "active_pct": self.active_pct,
            "by_category": dict(self.by_category),
        }


@dataclass(frozen=True)
class TargetLine:
    """One target as the exported list shows it (identifiers already masked for the role,
    codes already turned into labels)."""

    dusun: str
    rw: str
    rt: str
    no_kk: str
    nik: str
    name: str
    sex: str
    age: int
    category: str
    status: str
    segment: str
    months_in_arrears: int
    welfare_decile: int | None
    priority: int
    reasons: str
    employer: str


@dataclass
class TargetExport:
    village_title: str
    printed_on: date
    lines: list[TargetLine]
    areas: list[AreaSummary]
    filter_note: str = ""
