"""Display formats for the GUI: the same functions the reports use (rules.formatting), and
file sizes in the user's language ("2,7 MB")."""

from PySide6.QtCore import QLocale

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


def data_size(size_bytes: int) -> str:
    """ "2,7 MB" (decimal units, one decimal, the default locale's separators)."""
    return QLocale().formattedDataSize(size_bytes, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


__all__ = [
    "area",
    "data_size",
    "long_date",
    "month_year",
    "number",
    "percent",
    "rupiah",
    "short_date",
    "terbilang",
]
