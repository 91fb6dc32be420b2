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
            f"Pola nomor VA di Pengaturan ({pattern}) tidak valid; minta administrator "
            "memperbaikinya.",
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
