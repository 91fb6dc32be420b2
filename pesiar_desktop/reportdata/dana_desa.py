"""Dana Desa realisation: agent fees paid per month against each assignment's budget."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pesiar_desktop.reportdata.village import VillageProfile
from pesiar_desktop.rules.indicators import pct


@dataclass(frozen=True)
class FeeLine:
    """One assignment's fees in a year against its budget."""

    assignment_id: int
    agent: str
    period_start: date
    period_end: date
    budget: int
    monthly: tuple[int, ...]  # 12 amounts paid (by FeePayment.month) in the year
    paid_before: int  # paid for months before the year (the budget's earlier use)
    unpaid: int  # fee rows of the year recorded without a payment date
    # What the year's paid fee rows were paid for: new members (first premium paid) and,
    # apart from them, members in arrears brought back to active with their own incentive.
    new_people: int = 0
    reactivated_people: int = 0
    reactivation_incentive: int = 0

    @property
    def paid(self) -> int:
        return sum(self.monthly)

    @property
    def remaining(self) -> int:
        return self.budget - self.paid_before - self.paid

    @property
    def used_pct(self) -> float:
        return pct(self.paid_before + self.paid, self.budget)


@dataclass(frozen=True)
class FundingLine:
    code: str
    name: str
    lines: list[FeeLine]

    @property
    def budget(self) -> int:
        return sum(line.budget for line in self.lines)

    @property
    def paid(self) -> int:
        return sum(line.paid for line in self.lines)


@dataclass
class DanaDesaData:
    profile: VillageProfile
    year: int
    generated_on: date
    funding: list[FundingLine]
