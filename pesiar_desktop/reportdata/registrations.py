"""One registration as its receipt (tanda terima) and the proposal workbooks print it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pesiar_desktop.rules import fieldwork_codes as fc


@dataclass(frozen=True)
class RegisteredMember:
    resident_id: int
    nik: str
    name: str
    shdk: int
    sex: int
    birth_date: date
    jkn_class: int | None
    monthly_premium: int
    included: bool
    exclusion_reason: str
    nik_to_fix: bool = False  # flagged since: left out of the lists sent on


@dataclass
class RegistrationDetail:
    id: int
    family_id: int
    no_kk: str
    address: str
    area_label: str
    head_name: str
    phone: str
    path: str
    status: str
    registered_on: date
    va_number: str
    va_issued_on: date | None
    payment_from: date | None
    payment_due: date | None
    paid_on: date | None
    paid_amount: int
    active_on: date | None
    monthly_premium: int
    receipt_number: str
    agent_id: int | None
    agent_name: str
    agent_phone: str
    employer_name: str
    employer_address: str
    exclusion_reason: str
    cancel_reason: str
    note: str
    recorded_by: str
    members: list[RegisteredMember] = field(default_factory=list)
    # The address as printed: street, RT/RW, dusun, nothing said twice
    # (rules.formatting.address_line).
    full_address: str = ""

    @property
    def included(self) -> list[RegisteredMember]:
        return [m for m in self.members if m.included]

    @property
    def sendable(self) -> list[RegisteredMember]:
        """The included members a list sent to BPJS or Dinas Sosial may carry: not
        those flagged "NIK perlu diperbaiki" since (they are matched by NIK)."""
        return [m for m in self.members if m.included and not m.nik_to_fix]

    @property
    def excluded(self) -> list[RegisteredMember]:
        return [m for m in self.members if not m.included]

    @property
    def status_label(self) -> str:
        return fc.REGISTRATION_STATUSES.get(self.status, self.status)

    @property
    def path_label(self) -> str:
        return fc.REGISTRATION_PATHS.get(self.path, self.path)
