"""Display formats for the GUI: the same functions the reports use (rules.formatting)."""

from pesiar_desktop.rules.formatting import (
    area,
    long_date,
    month_year,
    number,
    percent,
    rupiah,
    short_date,
    terbilang,
)

__all__ = [
    "area",
    "long_date",
    "month_year",
    "number",
    "percent",
    "rupiah",
    "short_date",
    "terbilang",
]
