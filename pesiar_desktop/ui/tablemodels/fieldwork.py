"""Table models for the Sisir and Registrasi pages.

These lists are small (a due list, a month's registrations, an agent's events), so one
plain model serves them all: it holds a key per row and the display texts already
formatted by the page (never ORM objects), with an optional colour and alignment per
column, and sorts in memory by a per-column sort key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

ModelIndex = QModelIndex | QPersistentModelIndex

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
    tooltip: str = ""


class RowsModel(QAbstractTableModel):
    def __init__(
        self,
        headers: Sequence[str],
        parent: QObject | None = None,
        *,
        right_aligned: Sequence[int] = (),
        centred: Sequence[int] = (),
        colour_column: int | None = None,
    ):
        super().__init__(parent)
        self.headers = list(headers)
        self._rows: list[Row] = []
        self._right = set(right_aligned)
        self._centred = set(centred)
        self._colour_column = colour_column
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    # ------------------------------------------------------------ data

    def set_rows(self, rows: Sequence[Row]) -> None:
        """New rows, kept in the order the user last sorted by (if any)."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sorted_by is not None:
            self._sort_rows(*self._sorted_by)
        self.endResetModel()

    def row(self, index: int) -> Row | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def key(self, index: int) -> Any:
        row = self.row(index)
        return row.key if row is not None else None

    def row_of(self, key: Any) -> int | None:
        for index, row in enumerate(self._rows):
            if row.key == key:
                return index
        return None

    def keys(self) -> list[Any]:
        return [row.key for row in self._rows]

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if not 0 <= column < len(row.texts):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and row.tooltip:
                return row.tooltip
            return row.texts[column]
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and row.colour is not None
            and self._colour_column in (None, column)
        ):
            return row.colour
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in self._right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column in self._centred:
                return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        def key(row: Row) -> Any:
            if column < len(row.sort) and row.sort[column] is not None:
                return (0, row.sort[column])
            return (1, row.texts[column].lower())

        reverse = order == Qt.SortOrder.DescendingOrder
        try:
            self._rows.sort(key=key, reverse=reverse)
        except TypeError:
            self._rows.sort(key=lambda r: r.texts[column].lower(), reverse=reverse)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.headers):
            return
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [(self._rows[i.row()], i.column()) for i in persistent]
        self._sort_rows(column, order)
        position = {id(row): number for number, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent, [self.index(position[id(row)], column) for row, column in held]
        )
        self.layoutChanged.emit()
