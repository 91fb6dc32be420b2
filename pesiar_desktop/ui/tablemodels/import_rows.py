"""Table models for the import dialog and the import history: plain value rows
(rejected rows, warnings, residents not found, batches; the shared `ListModel`) and the
checkable list of changes that need a person's confirmation.

A preview of 100,000 rows can reject thousands: the models keep the row tuples
the service produced and format a cell only when the view paints it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QObject

from pesiar_desktop.services.imports import PENDING_LABELS, PendingChange
from pesiar_desktop.ui.tablemodels.list_model import Align, CheckListModel, Column, ListModel

Values = Sequence[Any]


def values_model(
    headers: Sequence[str],
    rows: Sequence[Values] = (),
    *,
    right: Iterable[int] = (),
    parent: QObject | None = None,
) -> ListModel[Values]:
    """Read-only rows of values as the service made them (one per column), formatted when
    painted; `right` columns are right-aligned (numbers)."""
    right = set(right)

    def column(number: int, header: str) -> Column[Values]:
        def value(row: Values) -> Any:
            return row[number] if number < len(row) else None

        return Column(header, value, Align.RIGHT if number in right else Align.LEFT)

    columns = [column(number, header) for number, header in enumerate(headers)]
    return ListModel(columns, rows, parent=parent)


PENDING_HEADERS = ("Terapkan", "Baris", "NIK", "Nama", "Perubahan", "Sebelum", "Sesudah")


def pending_model(
    mask: Callable[[str], str] | None = None, parent: QObject | None = None
) -> CheckListModel[PendingChange]:
    """Changes an import will not make unless ticked (move KK, move dusun, life status);
    the tick column's tooltip is the change in words."""
    shown = mask or (lambda text: text)
    columns: list[Column[PendingChange]] = [
        Column(PENDING_HEADERS[0], lambda c: "", tooltip=lambda c: c.message),
        Column(PENDING_HEADERS[1], lambda c: str(c.row_number), Align.RIGHT),
        Column(PENDING_HEADERS[2], lambda c: shown(c.nik)),
        Column(PENDING_HEADERS[3], lambda c: c.name),
        Column(PENDING_HEADERS[4], lambda c: PENDING_LABELS.get(c.kind, c.kind)),
        Column(PENDING_HEADERS[5], lambda c: c.before),
        Column(PENDING_HEADERS[6], lambda c: c.after),
    ]
    return CheckListModel(columns, key=lambda c: c.key, parent=parent)
