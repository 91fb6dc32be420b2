"""Rows the Sisir, Registrasi and Agen pages format themselves, shown by the shared `ListModel`.

A page builds one `Row` per item (its key, the display texts, optional sort keys, a colour and
a tooltip; never ORM objects) and `rows_model` turns the headers into the columns that show it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QColor

from pesiar_desktop.ui.tablemodels.list_model import Align, Column, ListModel

LATE = QColor("#b3261e")
WARN = QColor("#a15c00")
GOOD = QColor("#1b6e34")
MUTED = QColor("#5f6368")


@dataclass(frozen=True)
class Row:
    key: Any
    texts: tuple[str, ...]
    sort: tuple[Any, ...] = ()  # per column; falls back to the text
    colour: QColor | None = None
    tooltip: str = ""  # for the whole row; empty: each cell's text


def _column(header: str, number: int, align: Align, coloured: bool) -> Column[Row]:
    def text(row: Row) -> str:
        return row.texts[number] if number < len(row.texts) else ""

    def sort(row: Row) -> Any:
        return row.sort[number] if number < len(row.sort) else None

    def tooltip(row: Row) -> str:
        return row.tooltip or text(row)

    def colour(row: Row) -> QColor | None:
        return row.colour

    return Column(header, text, align, sort, tooltip, colour if coloured else None)


def rows_model(
    headers: Sequence[str],
    *,
    right_aligned: Sequence[int] = (),
    centred: Sequence[int] = (),
    colour_column: int | None = None,
) -> ListModel[Row]:
    """A list of `Row`s; the row colour paints every column, or only `colour_column`."""
    columns = [
        _column(
            header,
            number,
            Align.RIGHT
            if number in right_aligned
            else Align.CENTER
            if number in centred
            else Align.LEFT,
            colour_column in (None, number),
        )
        for number, header in enumerate(headers)
    ]
    return ListModel(columns, key=lambda row: row.key)
