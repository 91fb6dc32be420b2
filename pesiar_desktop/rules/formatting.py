"""Indonesian display formats shared by the GUI, the reports and the CLI:
12.345, 98,5 %, Rp35.000, 22-11-2026, 22 November 2026, November 2026, terbilang."""

from __future__ import annotations

import re
from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "id_ID"


def number(value: int | float) -> str:
    """Thousands with dots, as Indonesian readers expect (12.345)."""
    if isinstance(value, int):
        # Fast path for the counters shown on every keystroke.
        return f"{value:,}".replace(",", ".")
    return str(format_decimal(value, locale=LOCALE))


def percent(value: float, digits: int = 1) -> str:
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    # No-break space: "98 %" never wraps between the number and the sign.
    return f"{format_decimal(value, format=pattern, locale=LOCALE)}\u00a0%"


def rupiah(value: int) -> str:
    """Rp35.000 (no space, dots for thousands), Rp-35.000 for a negative amount."""
    sign = "-" if value < 0 else ""
    return f"Rp{sign}{abs(value):,}".replace(",", ".")


# num2words (0.5.x) spells a thousands group of exactly one as "satu ribu" after a larger
# unit (1.001.000 -> "satu juta satu ribu"); Indonesian says "seribu" there, as it does
# on its own (1.000 -> "seribu", which num2words gets right).
_ONE_THOUSAND_AFTER_UNIT = re.compile(r"\b(juta|miliar|triliun) satu ribu\b")


def terbilang(value: int) -> str:
    """The amount in Indonesian words for receipts: "tiga puluh lima ribu rupiah"."""
    from num2words import num2words  # imported on first use: not needed at start-up

    words = _ONE_THOUSAND_AFTER_UNIT.sub(r"\1 seribu", num2words(value, lang="id"))
    return f"{words} rupiah"


def month_year(value: date) -> str:
    """November 2026."""
    return str(format_date(value, "MMMM y", locale=LOCALE))


ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def roman_month(value: date) -> str:
    return ROMAN_MONTHS[value.month - 1]


def short_date(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def medium_date(value: date | None) -> str:
    """ "7 Agu 2026": where a row has room for a date but not for the month's full name."""
    return str(format_date(value, "d MMM y", locale=LOCALE)) if value else ""


def long_date(value: date | None) -> str:
    return str(format_date(value, "d MMMM y", locale=LOCALE)) if value else ""


def area_label(dusun: str, rw: str, rt: str) -> str:
    """ "Krajan · RW 001 / RT 002"; villages without RW (stored as "-" or "") show the RT only."""
    rw_part = f"RW {rw} / " if rw not in ("", "-") else ""
    return f"{dusun} · {rw_part}RT {rt}"


def rt_rw(rw: str, rt: str) -> str:
    """ "RT 005/RW 002", as Indonesian offices write an address; "RT 005" without a RW."""
    return f"RT {rt}/RW {rw}" if rw not in ("", "-") else f"RT {rt}"


def dusun_name(dusun: str) -> str:
    """ "Dusun Krajan" whether the register stores "Krajan" or "Dusun Krajan"."""
    name = dusun.strip()
    return name if re.match(r"(?i)(dusun|dsn\.?)\s", name) else f"Dusun {name}"


def _mentions(text: str, phrase: str) -> bool:
    return bool(phrase) and re.search(rf"(?i)\b{re.escape(phrase)}\b", text) is not None


def address_line(address: str, dusun: str, rw: str, rt: str) -> str:
    """The family's address as one line: the street address, then RT/RW and the dusun,
    leaving out what the address already says ("Dusun Batu Kuta" stored as the address
    does not become "Dusun Batu Kuta, Batu Kuta") and a full stop that ended it."""
    street = address.strip().rstrip(".,;: ").strip()
    bare = re.sub(r"(?i)^(dusun|dsn\.?)\s+", "", dusun.strip())
    parts = [street] if street else []
    if not re.search(r"(?i)\bRT\.?\s*\d", street):
        parts.append(rt_rw(rw, rt))
    if bare and not _mentions(street, bare):
        parts.append(dusun_name(dusun))
    return ", ".join(parts)


def area(label: str) -> str:
    """Many villages name their dusun "Dusun X": avoid "Dusun Dusun X" in labels."""
    return label.replace("Dusun Dusun ", "Dusun ")
