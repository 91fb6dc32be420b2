"""The resident register as a lazy table model over 100,000 rows.

The model holds only the ordered list of resident ids that match the filter
(queried in a worker, filtered and sorted in SQL) and a bounded LRU cache of
display rows. Rows are fetched in chunks of `CHUNK` ids the first time the view
asks for one of them, never all at once; ORM objects never reach the GUI.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.nik import mask_nik
from pesiar_desktop.services import register
from pesiar_desktop.services.register import RegisterFilter, RegisterRow
from pesiar_desktop.ui import formatting
from pesiar_desktop.ui.i18n import QT_TRANSLATE_NOOP, code_label, label_of
from pesiar_desktop.ui.tasks import TaskManager

log = logging.getLogger(__name__)

ModelIndex = QModelIndex | QPersistentModelIndex

COLUMN_KEYS: tuple[str, ...] = register.COLUMN_KEYS
SEX_SHORT = {1: QT_TRANSLATE_NOOP("codes", "L"), 2: QT_TRANSLATE_NOOP("codes", "P")}
STATUS_COLOURS = {
    codes.STATUS_NOT_REGISTERED: QColor("#b3261e"),
    codes.STATUS_ARREARS: QColor("#a15c00"),
    codes.STATUS_PBI_REMOVED: QColor("#a15c00"),
    codes.STATUS_INACTIVE_OTHER: QColor("#a15c00"),
    codes.STATUS_ACTIVE: QColor("#1b6e34"),
}
RIGHT_ALIGNED = {"age"}


@dataclass(frozen=True)
class QueryResult:
    ids: list[int]
    total: int | None  # residents with the same life-status filter, or None if unchanged


def _display(row: RegisterRow, today: date, masked: bool) -> tuple[str, ...]:
    rw = "" if row.rw in ("", "-") else f"{row.rw}/"
    values = {
        "nik": mask_nik(row.nik) if masked else row.nik,
        "name": row.name,
        "sex": code_label(SEX_SHORT.get(row.sex, "")),
        "birth_date": formatting.short_date(row.birth_date),
        "age": str(row.age(today)),
        "no_kk": mask_nik(row.no_kk) if masked else row.no_kk,
        "shdk": label_of(codes.SHDK, row.shdk),
        "dusun": row.dusun,
        "rt": f"{rw}{row.rt}",
        "jkn_status": label_of(codes.MEMBERSHIP_STATUS, row.jkn_status),
        "segment": label_of(codes.SEGMENTS, row.segment),
        "life_status": label_of(codes.LIFE_STATUS, row.life_status),
    }
    return tuple(values.get(key, "") for key in COLUMN_KEYS)


class ResidentTableModel(QAbstractTableModel):
    """Ids from `register.resident_ids`, rows from `register.fetch_rows` in chunks."""

    loaded = Signal()  # a query result has been applied (also when it has zero rows)
    failed = Signal(str)  # the id query raised; the text is for the user
    loading_changed = Signal(bool)

    CHUNK = 200
    MAX_CACHED_ROWS = 50 * CHUNK

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        *,
        mask_ids: bool = False,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._masked = mask_ids
        self._ids: list[int] = []
        self._positions: dict[int, int] | None = None
        self._rows: OrderedDict[int, tuple[RegisterRow, tuple[str, ...]]] = OrderedDict()
        self._filter = RegisterFilter()
        self._sort_key = "name"
        self._descending = False
        self._active = False
        self._loading = False
        self._total: int | None = None
        self._total_life_status: int | None | str = "unset"
        self._today = clock.today()
        self._task_key = f"residents.ids.{id(self)}"
        self.chunk_fetches = 0  # for tests and benchmarks

    # ------------------------------------------------------------ querying

    @property
    def filter(self) -> RegisterFilter:
        return replace(self._filter, flags=set(self._filter.flags))

    @property
    def sort_key(self) -> str:
        return self._sort_key

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def total(self) -> int | None:
        """Residents in the register under the same life-status filter (for 'x dari y')."""
        return self._total

    @property
    def is_loading(self) -> bool:
        return self._loading

    @property
    def is_active(self) -> bool:
        return self._active

    def start(self) -> None:
        """First query; until then filter and sort changes are only remembered."""
        if not self._active:
            self._active = True
            self.refresh(invalidate=False)

    def set_filter(self, filt: RegisterFilter) -> None:
        self._filter = replace(filt, flags=set(filt.flags))
        if self._active:
            self._query()

    def refresh(self, invalidate: bool = True) -> None:
        """Re-run the query; `invalidate` drops cached rows (the data changed)."""
        if invalidate:
            self._rows.clear()
            self._total_life_status = "unset"
        if self._active:
            self._query()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMN_KEYS):
            return
        key = COLUMN_KEYS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending):
            return
        self._sort_key, self._descending = key, descending
        if self._active:
            self._query()

    def _query(self) -> None:
        filt = self.filter
        sort_key, descending = self._sort_key, self._descending
        want_total = self._total_life_status != filt.life_status
        # With no filter but the life status, the ids are the total: skip the count.
        unfiltered = filt == RegisterFilter(life_status=filt.life_status)

        def job(session: Session) -> QueryResult:
            ids = register.resident_ids(session, filt, sort_key, descending)
            total = None
            if want_total:
                total = (
                    len(ids)
                    if unfiltered
                    else register.count_residents(
                        session, RegisterFilter(life_status=filt.life_status)
                    )
                )
            return QueryResult(ids, total)

        def done(result: QueryResult) -> None:
            if want_total and result.total is not None:
                self._total = result.total
                self._total_life_status = filt.life_status
            self._apply(result.ids)

        self._set_loading(True)
        self._tasks.run_read(job, done, self._on_error, key=self._task_key)

    def _on_error(self, err: BaseException) -> None:
        log.error("resident query failed", exc_info=err)
        self._set_loading(False)
        self.failed.emit(str(err) or type(err).__name__)

    def _apply(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._positions = None
        self._today = clock.today()
        self.endResetModel()
        self._set_loading(False)
        self.loaded.emit()

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # ------------------------------------------------------------ lookups

    def resident_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, resident_id: int) -> int | None:
        if self._positions is None:
            self._positions = {rid: pos for pos, rid in enumerate(self._ids)}
        return self._positions.get(resident_id)

    def register_row(self, row: int) -> RegisterRow | None:
        entry = self._entry(row)
        return entry[0] if entry else None

    def ids(self) -> list[int]:
        return list(self._ids)

    def cached_row_count(self) -> int:
        return len(self._rows)

    def _entry(self, row: int) -> tuple[RegisterRow, tuple[str, ...]] | None:
        if not 0 <= row < len(self._ids):
            return None
        rid = self._ids[row]
        entry = self._rows.get(rid)
        if entry is None:
            self._fetch_chunk(row)
            entry = self._rows.get(rid)
        return entry

    def _fetch_chunk(self, row: int) -> None:
        start = (row // self.CHUNK) * self.CHUNK
        wanted = [rid for rid in self._ids[start : start + self.CHUNK] if rid not in self._rows]
        if not wanted:
            return
        try:
            with self._db.read() as session:
                fetched = register.fetch_rows(session, wanted)
        except Exception:  # a lost connection must not crash painting
            log.exception("fetching register rows failed")
            return
        self.chunk_fetches += 1
        today = self._today
        for rid in wanted:
            found = fetched.get(rid)
            if found is not None:
                self._rows[rid] = (found, _display(found, today, self._masked))
        while len(self._rows) > self.MAX_CACHED_ROWS:
            self._rows.popitem(last=False)

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_KEYS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            entry = self._entry(index.row())
            if entry is None:
                return ""
            if column == 0:
                self._rows.move_to_end(entry[0].id)
            return entry[1][column]
        if role == Qt.ItemDataRole.ForegroundRole and COLUMN_KEYS[column] == "jkn_status":
            entry = self._entry(index.row())
            return STATUS_COLOURS.get(entry[0].jkn_status) if entry else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight
                if COLUMN_KEYS[column] in RIGHT_ALIGNED
                else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self.resident_id(index.row())
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMN_KEYS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(register.COLUMNS[section][1])
            if role == Qt.ItemDataRole.ToolTipRole and COLUMN_KEYS[section] == "sex":
                return self.tr("Jenis kelamin")
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
