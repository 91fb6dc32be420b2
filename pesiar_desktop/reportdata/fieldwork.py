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


SHORT_STATUS = {
    codes.STATUS_NOT_REGISTERED: "Belum terdaftar",
    codes.STATUS_ACTIVE: "Aktif",
    codes.STATUS_ARREARS: "Menunggak",
    codes.STATUS_PBI_REMOVED: "Keluar dari PBI",
    codes.STATUS_INACTIVE_OTHER: "Nonaktif lainnya",
}


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

    @property
    def short_status(self) -> str:
        """The status in a worksheet's narrow column: "Menunggak 16 bln · PBPU"."""
        text = SHORT_STATUS.get(self.status, self.status_label)
        if self.status == codes.STATUS_ARREARS and self.months_in_arrears:
            text += f" {self.months_in_arrears} bln"
        if self.segment and self.status != codes.STATUS_NOT_REGISTERED:
            text += f" · {self.segment.replace('_', ' ')}"
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
    # The schedule's date while it is still ahead of the family's latest visit (a date the
    # sweep already passed by visiting is history, not the plan).
    planned_on: date | None = None
    last_visit_on: date | None = None
    last_outcome: str | None = None
    revisit_on: date | None = None  # asked for at the latest visit
    note: str = ""  # e.g. why a family reported as registered is still on the plan

    @property
    def next_on(self) -> date | None:
        """When the agent is expected next: the scheduled day or the revisit asked for."""
        dates = [d for d in (self.planned_on, self.revisit_on) if d is not None]
        return min(dates) if dates else None

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


# Why a family of the assignment's area is not on the plan although the register alone
# would make it a target (or it left the register during the assignment).
LEFT_REGISTERED = "registered"
LEFT_MOVED = "moved"
LEFT_DIED = "died"
LEFT_OUT_REASONS: dict[str, str] = {
    LEFT_REGISTERED: "sudah mendaftar atau sedang didaftarkan",
    LEFT_MOVED: "pindah",
    LEFT_DIED: "meninggal",
}


@dataclass(frozen=True)
class LeftOutFamily:
    family_id: int
    no_kk: str
    head_name: str
    area_label: str
    reason: str  # a key of LEFT_OUT_REASONS
    detail: str  # where it is known from, e.g. "hasil kunjungan 7 Agustus 2026: Pindah"

    @property
    def reason_label(self) -> str:
        return LEFT_OUT_REASONS[self.reason]


@dataclass
class PlanView:
    assignment: AssignmentChoice
    groups: list[PlanGroup]
    left_out: list[LeftOutFamily] = field(default_factory=list)

    @property
    def families(self) -> list[PlanFamily]:
        return [family for group in self.groups for family in group.families]

    @property
    def left_out_counts(self) -> dict[str, int]:
        """Families left out per reason, in the order of LEFT_OUT_REASONS (zeros dropped)."""
        counts = {key: 0 for key in LEFT_OUT_REASONS}
        for family in self.left_out:
            counts[family.reason] += 1
        return {key: n for key, n in counts.items() if n}

    def left_out_text(self) -> str:
        """ "5 KK tidak dicantumkan: 2 sudah mendaftar atau sedang didaftarkan, 2 pindah,
        1 meninggal", or "" when none was left out."""
        counts = self.left_out_counts
        if not counts:
            return ""
        parts = ", ".join(f"{n} {LEFT_OUT_REASONS[key]}" for key, n in counts.items())
        return f"{len(self.left_out)} KK tidak dicantumkan: {parts}"

    def schedule_span(self, from_day: date) -> tuple[date, date] | None:
        """First and last day from `from_day` on that the plan expects a visit (the
        schedule or a revisit asked for)."""
        dates = [f.next_on for f in self.families if f.next_on and f.next_on >= from_day]
        return (min(dates), max(dates)) if dates else None

    def overdue(self, day: date) -> list[PlanFamily]:
        """Families whose planned visit (or revisit) was due before `day` and not made."""
        return [f for f in self.families if f.next_on is not None and f.next_on < day]

    @property
    def scheduled(self) -> bool:
        return any(f.planned_on for f in self.families) or any(g.planned_on for g in self.groups)
