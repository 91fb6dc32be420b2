"""Table models for the import dialog and the import history: plain value rows
(rejected rows, warnings, residents not found, batches; the shared `ListModel`) and the
checkable list of changes that need a person's confirmation.

A preview of 100,000 rows can reject thousands: the models keep the row tuples
the service produced and format a cell only when the view paints it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from pesiar_desktop.services.imports import PENDING_LABELS, PendingChange
from pesiar_desktop.ui.tablemodels.list_model import Align, Column, ListModel

ModelIndex = QModelIndex | QPersistentModelIndex


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


class PendingModel(QAbstractTableModel):
    """Changes an import will not make unless ticked (move KK, move dusun, life status)."""

    checked_changed = Signal()

    def __init__(
        self,
        mask: Callable[[str], str] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._changes: list[PendingChange] = []
        self._checked: set[str] = set()
        self._mask = mask or (lambda text: text)

    def set_changes(self, changes: Sequence[PendingChange], checked: set[str]) -> None:
        self.beginResetModel()
        self._changes = list(changes)
        keys = {c.key for c in self._changes}
        self._checked = {key for key in checked if key in keys}
        self.endResetModel()

    def checked_keys(self) -> set[str]:
        return set(self._checked)

    def change(self, row: int) -> PendingChange:
        return self._changes[row]

    def set_all(self, checked: bool) -> None:
        self._checked = {c.key for c in self._changes} if checked else set()
        if self._changes:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._changes) - 1, 0),
                [Qt.ItemDataRole.CheckStateRole],
            )
        self.checked_changed.emit()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PENDING_HEADERS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._changes):
            return None
        change = self._changes[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if change.key in self._checked else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return "" if role == Qt.ItemDataRole.DisplayRole else change.message
            values = (
                str(change.row_number),
                self._mask(change.nik),
                change.name,
                PENDING_LABELS.get(change.kind, change.kind),
                change.before,
                change.after,
            )
            return values[column - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        key = self._changes[index.row()].key
        state = value.value if isinstance(value, Qt.CheckState) else value
        if state == Qt.CheckState.Checked.value:
            self._checked.add(key)
        else:
            self._checked.discard(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(PENDING_HEADERS):
            return PENDING_HEADERS[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base
