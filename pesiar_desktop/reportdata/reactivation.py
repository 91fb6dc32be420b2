"""One reactivation (a family's arrears paid in full or through REHAB) as its receipt and
the reactivation dialog show it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pesiar_desktop.rules import fieldwork_codes as fc


@dataclass(frozen=True)
class ReactivatedMember:
    resident_id: int
    nik: str
    name: str
    shdk: int
    segment: str
    jkn_class: int | None
    months_in_arrears: int
    months_counted: int
    monthly_premium: int
    amount_owed: int


@dataclass(frozen=True)
class InstalmentLine:
    seq: int
    due_on: date
    amount: int
    paid_on: date | None  # of its valid payment
    receipt_number: str  # of its valid payment, "" while unpaid

    @property
    def paid(self) -> bool:
        return self.paid_on is not None


@dataclass(frozen=True)
class PaymentLine:
    id: int
    seq: int
    paid_on: date
    amount: int
    collected_by: str
    collector_name: str
    receipt_number: str
    status: str
    reason: str
    replaced_by_id: int | None
    recorded_by: str

    @property
    def valid(self) -> bool:
        return self.status == fc.PAYMENT_VALID

    @property
    def collector_label(self) -> str:
        kind = fc.COLLECTORS.get(self.collected_by, self.collected_by)
        return f"{kind} ({self.collector_name})" if self.collector_name else kind

    @property
    def status_label(self) -> str:
        return fc.PAYMENT_STATUSES.get(self.status, self.status)


@dataclass
class ReactivationDetail:
    id: int
    family_id: int
    no_kk: str
    address: str
    area_label: str
    head_name: str
    kind: str
    status: str
    started_on: date
    months_counted: int
    amount_owed: int
    instalments: int
    completed_on: date | None
    agent_name: str
    cancel_reason: str
    note: str
    members: list[ReactivatedMember] = field(default_factory=list)
    schedule: list[InstalmentLine] = field(default_factory=list)
    payments: list[PaymentLine] = field(default_factory=list)
    # The address as printed: street, RT/RW, dusun, nothing said twice
    # (rules.formatting.address_line).
    full_address: str = ""

    @property
    def kind_label(self) -> str:
        return fc.REACTIVATION_KINDS.get(self.kind, self.kind)

    @property
    def status_label(self) -> str:
        return fc.REACTIVATION_STATUSES.get(self.status, self.status)

    @property
    def paid_total(self) -> int:
        return sum(p.amount for p in self.payments if p.valid)

    @property
    def remaining(self) -> int:
        return max(0, self.amount_owed - self.paid_total)

    @property
    def next_instalment(self) -> InstalmentLine | None:
        return next((line for line in self.schedule if not line.paid), None)

    def payment(self, payment_id: int) -> PaymentLine:
        return next(p for p in self.payments if p.id == payment_id)


@dataclass(frozen=True)
class ReactivationRow:
    """One reactivation in the Keaktifan list."""

    id: int
    family_id: int
    no_kk: str
    head_name: str
    area_label: str
    agent_name: str
    kind: str
    instalments: int
    people: int
    amount_owed: int
    paid_total: int  # valid payments
    paid_count: int  # instalments paid
    status: str
    started_on: date
    completed_on: date | None
    next_due_on: date | None  # of the first unpaid instalment (open plans)

    @property
    def remaining(self) -> int:
        return max(0, self.amount_owed - self.paid_total)

    @property
    def kind_label(self) -> str:
        if self.kind == fc.REACTIVATION_REHAB:
            return f"REHAB {self.instalments}× cicilan"
        return fc.REACTIVATION_KINDS.get(self.kind, self.kind)

    @property
    def status_label(self) -> str:
        return fc.REACTIVATION_STATUSES.get(self.status, self.status)
