"""The one in-memory list model: a Python list of plain rows shown through column specs.

Every small list in the program (agents, letters, fees, due visits, registrations, an
import's rejected rows, the import history...) is a `ListModel`: the rows are whatever
plain values the service returned (never ORM objects) and each `Column` says how a row
shows in it (header, value, alignment, optional sort key, tooltip and text colour). Cells
are formatted only when the view paints them, so a preview with thousands of rejected rows
costs nothing until it is scrolled. `CheckListModel` adds a tick box in the first column (rows
the user confirms one by one, e.g. an import's pending changes). The residents register (SQL-paged) and the Petakan
target list (filtered in memory with a text cache) have their own models.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

ModelIndex = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


class Align(Enum):
    LEFT = Qt.AlignmentFlag.AlignLeft
    RIGHT = Qt.AlignmentFlag.AlignRight  # numbers, money
    CENTER = Qt.AlignmentFlag.AlignHCenter


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    value: Callable[[R], object]  # what the cell shows (None shows as empty)
    align: Align = Align.LEFT
    sort: Callable[[R], Any] | None = None  # sort key; None (or a None key): the text
    tooltip: Callable[[R], str | None] | None = None  # None: the cell's text
    foreground: Callable[[R], QColor | None] | None = None


class ListModel(QAbstractTableModel, Generic[R]):
    """Read-only rows; `key(row)` names a row for selection (an id) across reloads."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        rows: Sequence[R] = (),
        *,
        key: Callable[[R], Any] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[R] = list(rows)
        self._key = key or (lambda row: row)
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    # ------------------------------------------------------------ rows

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]

    def set_rows(self, rows: Sequence[R]) -> None:
        """New rows, kept in the order the user last sorted by (if any)."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sorted_by is not None:
            self._sort_rows(*self._sorted_by)
        self.endResetModel()

    def row(self, index: int) -> R | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def rows(self) -> list[R]:
        return list(self._rows)

    def key(self, index: int) -> Any:
        row = self.row(index)
        return self._key(row) if row is not None else None

    def keys(self) -> list[Any]:
        return [self._key(row) for row in self._rows]

    def row_of(self, key: Any) -> int | None:
        for index, row in enumerate(self._rows):
            if self._key(row) == key:
                return index
        return None

    def text(self, index: int, column: int) -> str:
        """What the cell shows."""
        return self._text(self._rows[index], self.columns[column])

    @staticmethod
    def _text(row: R, column: Column[R]) -> str:
        value = column.value(row)
        return "" if value is None else str(value)

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._text(row, column) if column.tooltip is None else column.tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            return column.foreground(row) if column.foreground is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ------------------------------------------------------------ sorting (in memory)

    def _sort_rows(self, column_number: int, order: Qt.SortOrder) -> None:
        column = self.columns[column_number]

        def by_text(row: R) -> str:
            return self._text(row, column).lower()

        def key(row: R) -> tuple[int, Any]:
            value = column.sort(row) if column.sort is not None else None
            return (0, value) if value is not None else (1, by_text(row))

        reverse = order == Qt.SortOrder.DescendingOrder
        try:
            self._rows.sort(key=key, reverse=reverse)
        except TypeError:  # sort keys of different types: by the text
            self._rows.sort(key=by_text, reverse=reverse)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [(self._rows[i.row()], i.column()) for i in persistent]
        self._sort_rows(column, order)
        position = {id(row): number for number, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent, [self.index(position[id(row)], c) for row, c in held]
        )
        self.layoutChanged.emit()


class CheckListModel(ListModel[R]):
    """A ListModel whose first column is a tick box per row; ticks are kept by row key.

    `checked_changed` is emitted whenever the set of ticked keys changes.
    """

    checked_changed = Signal()

    def __init__(
        self,
        columns: Sequence[Column[R]],
        rows: Sequence[R] = (),
        *,
        key: Callable[[R], Any] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(columns, rows, key=key, parent=parent)
        self._checked: set[Any] = set()

    def set_rows_checked(self, rows: Sequence[R], checked: set[Any]) -> None:
        """New rows; of `checked`, only keys still among the rows stay ticked."""
        self.set_rows(rows)
        self._checked = set(checked) & set(self.keys())

    def checked_keys(self) -> set[Any]:
        return set(self._checked)

    def set_all(self, checked: bool) -> None:
        self._checked = set(self.keys()) if checked else set()
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(self.rowCount() - 1, 0),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.checked_changed.emit()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole:
            if not index.isValid() or index.column() != 0 or self.row(index.row()) is None:
                return None
            ticked = self.key(index.row()) in self._checked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(  # noqa: N802
        self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        key = self.key(index.row())
        state = value.value if isinstance(value, Qt.CheckState) else value
        if state == Qt.CheckState.Checked.value:
            self._checked.add(key)
        else:
            self._checked.discard(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 0:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base
