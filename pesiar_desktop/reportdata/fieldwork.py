"""Sisir: an assignment's visit plan, as the page lists it and the worksheet prints it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pesiar_desktop.rules import codes
from pesiar_desktop.rules.formatting import long_date


@dataclass(frozen=True)
class AssignmentChoice:
    """An assignment as pickers show it."""

    id: int
    agent_id: int
    agent_name: str
    agent_phone: str
    period_start: date
    period_end: date
    is_active: bool

    @property
    def label(self) -> str:
        return f"{self.agent_name} ({long_date(self.period_start)} – {long_date(self.period_end)})"


@dataclass(frozen=True)
class PlanMember:
    resident_id: int
    nik: str
    name: str
    shdk: int
    sex: int
    age: int
    status: str
    segment: str | None
    jkn_class: int | None
    months_in_arrears: int
    phone: str
    category: str | None  # target category, None when this member needs nothing

    @property
    def status_label(self) -> str:
        text = codes.label(codes.MEMBERSHIP_STATUS, self.status, "Belum terdaftar")
        if self.segment and self.status != codes.STATUS_NOT_REGISTERED:
            text += f" · {codes.label(codes.SEGMENTS, self.segment, self.segment)}"
        if self.months_in_arrears:
            text += f" · {self.months_in_arrears} bln"
        return text


@dataclass
class PlanFamily:
    family_id: int
    no_kk: str
    head_name: str
    address: str
    rt_id: int
    dusun: str
    rw: str
    rt: str
    priority: int
    targets: int
    reasons: tuple[str, ...]
    members: list[PlanMember] = field(default_factory=list)
    planned_on: date | None = None
    last_visit_on: date | None = None
    last_outcome: str | None = None

    @property
    def area_label(self) -> str:
        rw = f"RW {self.rw} / " if self.rw not in ("", "-") else ""
        return f"{self.dusun} · {rw}RT {self.rt}"

    @property
    def phone(self) -> str:
        for member in self.members:
            if member.phone:
                return member.phone
        return ""


@dataclass
class PlanGroup:
    rt_id: int
    area_label: str
    families: list[PlanFamily] = field(default_factory=list)
    planned_on: date | None = None  # RT schedule


@dataclass
class PlanView:
    assignment: AssignmentChoice
    groups: list[PlanGroup]

    @property
    def families(self) -> list[PlanFamily]:
        return [family for group in self.groups for family in group.families]

    @property
    def scheduled(self) -> bool:
        return any(f.planned_on for f in self.families) or any(g.planned_on for g in self.groups)
