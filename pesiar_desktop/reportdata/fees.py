"""A month's agent fees (daftar pembayaran honor) and their Dana Desa budget lines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class FeeLine:
    assignment_id: int
    agent_id: int
    agent_name: str
    bank_name: str
    bank_account: str
    bank_account_name: str
    people_paid: int
    families_paid: int
    honorarium: int
    incentive: int
    total: int
    apbdes_code: str
    apbdes_name: str
    budget: int
    used_before: int  # other months' recorded fees of this assignment
    recorded: bool
    paid_on: date | None
    people_reactivated: int = 0  # members in arrears back to active in the month
    reactivation_incentive: int = 0  # their incentive (setting; default none)
    pph21: int = 0  # withheld from the total (rules.tax)

    @property
    def net(self) -> int:
        """What the agent receives: the total less PPh 21."""
        return self.total - self.pph21

    @property
    def remaining(self) -> int:
        return self.budget - self.used_before - self.total

    @property
    def over_budget(self) -> bool:
        return self.budget > 0 and self.remaining < 0


@dataclass(frozen=True)
class FundingLine:
    apbdes_code: str
    apbdes_name: str
    budget: int
    used_before: int
    this_month: int

    @property
    def remaining(self) -> int:
        return self.budget - self.used_before - self.this_month


@dataclass(frozen=True)
class FeeSheet:
    month: date  # first day
    lines: list[FeeLine]
    funding: list[FundingLine]
    pph21_rate_bp: int = 0  # the rate for rows not yet recorded (setting fees.pph21_rate_bp)

    @property
    def key(self) -> str:
        return f"{self.month:%Y-%m}"

    @property
    def total(self) -> int:
        return sum(line.total for line in self.lines)

    @property
    def pph21(self) -> int:
        return sum(line.pph21 for line in self.lines)

    @property
    def net(self) -> int:
        return sum(line.net for line in self.lines)

    @property
    def pays_reactivations(self) -> bool:
        """Some line pays a reactivation incentive (the lists then show its columns)."""
        return any(line.reactivation_incentive for line in self.lines)
