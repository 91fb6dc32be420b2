"""Indonesian display formats: 12.345, 98,5 %, 22-11-2026, 22 November 2026."""

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


def short_date(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def long_date(value: date | None) -> str:
    return str(format_date(value, "d MMMM y", locale=LOCALE)) if value else ""


def area(label: str) -> str:
    """Many villages name their dusun "Dusun X": avoid "Dusun Dusun X" in labels."""
    return label.replace("Dusun Dusun ", "Dusun ")
