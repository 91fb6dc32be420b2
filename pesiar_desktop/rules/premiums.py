"""Monthly JKN premiums and VA numbers: pure functions, no database.

The premium table is a setting (rows of segment, class, amount, subsidy, valid-from in
`premium_rate`); a rate applies from its valid-from date until a later row for the same
segment and class takes over. The member pays the amount minus the state subsidy
(Kelas III: Rp42.000 − Rp7.000 = Rp35.000). Nobody types a premium by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Rate:
    segment: str
    jkn_class: int
    amount: int
    subsidy: int
    valid_from: date

    @property
    def member_pays(self) -> int:
        return max(0, self.amount - self.subsidy)


def rate_on(rates: Iterable[Rate], segment: str, jkn_class: int, on: date) -> Rate | None:
    """The rate in force on `on` for a segment and class (latest valid-from not after it)."""
    best: Rate | None = None
    for rate in rates:
        if rate.segment != segment or rate.jkn_class != jkn_class or rate.valid_from > on:
            continue
        if best is None or rate.valid_from > best.valid_from:
            best = rate
    return best


def family_premium(per_member: Iterable[int]) -> int:
    """The family's monthly premium: one premium per included person."""
    return sum(per_member)


@dataclass(frozen=True)
class VaCheck:
    value: str
    error: str | None


def check_va(raw: str, pattern: str) -> VaCheck:
    """A VA number as BPJS prints it (spaces and dashes allowed while typing), checked
    against the `registration.va_pattern` setting (a regular expression on the digits)."""
    value = re.sub(r"[\s\-.]", "", raw or "")
    if not value:
        return VaCheck("", "Nomor virtual account (VA) wajib diisi.")
    if not value.isdigit():
        return VaCheck(value, "Nomor VA hanya boleh berisi angka.")
    try:
        ok = re.fullmatch(pattern, value) is not None
    except re.error:
        return VaCheck(
            value,
            f"Pola nomor VA ({pattern}) tidak valid; minta administrator memperbaikinya di "
            "Pengaturan › Pengaturan umum › Pendaftaran.",
        )
    if not ok:
        return VaCheck(
            value,
            f"Nomor VA {value} ({len(value)} angka) tidak sesuai format VA BPJS yang berlaku "
            f"({describe_pattern(pattern)}). Periksa lagi angka pada bukti pendaftaran.",
        )
    return VaCheck(value, None)


def describe_pattern(pattern: str) -> str:
    """Human words for the common `^PREFIX\\d{N}$` shape, else the pattern itself."""
    match = re.fullmatch(r"\^?(\d*)\\d\{(\d+)\}\$?", pattern)
    if match:
        prefix, digits = match.group(1), int(match.group(2))
        if prefix:
            return f"diawali {prefix} lalu {digits} angka, total {len(prefix) + digits} angka"
        return f"{digits} angka"
    return f"pola {pattern}"


# ---------------------------------------------------------------- arrears and REHAB

ARREARS_MONTHS_CAP = 24  # at most 24 months of arrears are counted for reactivation
ARREARS_SEGMENTS = frozenset({"PBPU", "BP"})  # the members who pay their own premium
REHAB_MIN_MONTHS = 4  # REHAB instalments: arrears of 4-24 (counted) months
REHAB_MAX_INSTALMENTS = 12
DEFAULT_CLASS = 3  # a member in arrears whose class the list does not give


def arrears_premium(
    rates: Iterable[Rate], segment: str, jkn_class: int | None, on: date
) -> tuple[int, int]:
    """(class counted, monthly premium the member pays) for a member in arrears: their
    class, or Kelas III when the list gives none; premium 0 when the table has no rate."""
    counted = jkn_class if jkn_class in (1, 2, 3) else DEFAULT_CLASS
    rate = rate_on(rates, segment, counted, on)
    return counted, (rate.member_pays if rate is not None else 0)


def months_counted(months_in_arrears: int) -> int:
    """The months of arrears a reactivation pays: at most `ARREARS_MONTHS_CAP`."""
    return max(0, min(months_in_arrears, ARREARS_MONTHS_CAP))


def arrears_owed(months_in_arrears: int, monthly_premium: int) -> int:
    """What one member pays to become active again: counted months × monthly premium."""
    return months_counted(months_in_arrears) * monthly_premium


def rehab_problem(months: int, instalments: int) -> str | None:
    """Why a REHAB plan of `instalments` cannot be made for arrears of `months` counted
    months (Indonesian), or None."""
    if not REHAB_MIN_MONTHS <= months <= ARREARS_MONTHS_CAP:
        return (
            f"Program REHAB (cicilan) hanya untuk tunggakan {REHAB_MIN_MONTHS}–"
            f"{ARREARS_MONTHS_CAP} bulan; tunggakan keluarga ini {months} bulan, bayar lunas."
        )
    if not 2 <= instalments <= REHAB_MAX_INSTALMENTS:
        return f"Jumlah cicilan REHAB harus antara 2 dan {REHAB_MAX_INSTALMENTS} kali."
    return None


def _tenth_of_month_after(start: date, months: int) -> date:
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 10)


def rehab_schedule(total: int, instalments: int, start: date) -> list[tuple[int, date, int]]:
    """(seq, due date, amount) of a plan: equal whole-rupiah parts (the remainder on the
    first); the first due on the start date, the next ones on the 10th of each following
    month (the day a premium is due)."""
    base, rest = divmod(total, instalments)
    return [
        (
            seq,
            start if seq == 1 else _tenth_of_month_after(start, seq - 1),
            base + (rest if seq == 1 else 0),
        )
        for seq in range(1, instalments + 1)
    ]
