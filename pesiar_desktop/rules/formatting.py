"""Indonesian display formats shared by the GUI, the reports and the CLI:
12.345, 98,5 %, Rp35.000, 22-11-2026, 22 November 2026, November 2026, terbilang."""

from __future__ import annotations

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


def terbilang(value: int) -> str:
    """The amount in Indonesian words for receipts: "tiga puluh lima ribu rupiah"."""
    from num2words import num2words  # imported on first use: not needed at start-up

    return f"{num2words(value, lang='id')} rupiah"


def month_year(value: date) -> str:
    """November 2026."""
    return str(format_date(value, "MMMM y", locale=LOCALE))


ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def roman_month(value: date) -> str:
    return ROMAN_MONTHS[value.month - 1]


def short_date(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def long_date(value: date | None) -> str:
    return str(format_date(value, "d MMMM y", locale=LOCALE)) if value else ""


def area_label(dusun: str, rw: str, rt: str) -> str:
    """ "Krajan · RW 001 / RT 002"; villages without RW (stored as "-" or "") show the RT only."""
    rw_part = f"RW {rw} / " if rw not in ("", "-") else ""
    return f"{dusun} · {rw_part}RT {rt}"


def area(label: str) -> str:
    """Many villages name their dusun "Dusun X": avoid "Dusun Dusun X" in labels."""
    return label.replace("Dusun Dusun ", "Dusun ")
