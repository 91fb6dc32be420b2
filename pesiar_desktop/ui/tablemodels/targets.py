"""The Petakan target list as a table model.

The register is scanned once in a worker (`targets.scan_targets`: ~10,000
targets out of 100,000 residents); filtering and sorting then run on the plain
`TargetRow` tuples in memory, so changing a filter answers at once. Display
texts are built only for the rows the view paints and kept in a bounded cache.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from pesiar_desktop.reportdata.targets import PRIORITY_REASONS
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.formatting import rupiah
from pesiar_desktop.rules.nik import mask_nik
from pesiar_desktop.services.targets import TargetFilter, TargetRow, filter_targets
from pesiar_desktop.ui.i18n import QT_TRANSLATE_NOOP, code_label

ModelIndex = QModelIndex | QPersistentModelIndex

# key -> header; the order of the columns.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("priority", "Prioritas"),
    ("category", "Kategori sasaran"),
    ("name", "Nama"),
    ("nik", "NIK"),
    ("no_kk", "No KK"),
    ("dusun", "Dusun"),
    ("rt", "RW/RT"),
    ("status", "Keterangan JKN"),
    ("decile", "Desil"),
    ("flags", "Kelompok prioritas"),
)
COLUMN_KEYS = tuple(key for key, _label in COLUMNS)
# Sort keys of the service for the columns that have one; others sort in the model.
_SERVICE_SORT = {"priority": "priority", "category": "category", "name": "name"}
RIGHT_ALIGNED = {"decile"}
CENTRED = {"priority"}
PRIORITY_COLOUR = QColor("#b3261e")
CATEGORY_COLOURS = {
    "not_registered": QColor("#b3261e"),
    "arrears": QColor("#a15c00"),
    "pbi_removed": QColor("#a15c00"),
    "laid_off": QColor("#6a3fb5"),
    "inactive_other": QColor("#a15c00"),
    "formal_unregistered": QColor("#1a56b8"),
}
SHORT_STATUS = {
    codes.STATUS_ACTIVE: QT_TRANSLATE_NOOP("codes", "Aktif"),
    codes.STATUS_ARREARS: QT_TRANSLATE_NOOP("codes", "Menunggak"),
    codes.STATUS_PBI_REMOVED: QT_TRANSLATE_NOOP("codes", "Keluar PBI"),
    codes.STATUS_INACTIVE_OTHER: QT_TRANSLATE_NOOP("codes", "Nonaktif"),
    codes.STATUS_NOT_REGISTERED: QT_TRANSLATE_NOOP("codes", "Belum terdaftar"),
}
SHORT_CATEGORY = {
    "not_registered": QT_TRANSLATE_NOOP("codes", "Belum terdaftar"),
    "arrears": QT_TRANSLATE_NOOP("codes", "Menunggak"),
    "pbi_removed": QT_TRANSLATE_NOOP("codes", "Keluar dari PBI"),
    "laid_off": QT_TRANSLATE_NOOP("codes", "Korban PHK"),
    "inactive_other": QT_TRANSLATE_NOOP("codes", "Nonaktif lainnya"),
    "formal_unregistered": QT_TRANSLATE_NOOP("codes", "Pekerja formal"),
}


def _status_text(target: TargetRow) -> str:
    """What the category does not say already: the segment, the arrears, the employer."""
    parts: list[str] = []
    if target.category == "formal_unregistered":
        parts.append(code_label(SHORT_STATUS.get(target.status, target.status)))
    if target.segment:
        parts.append(target.segment.replace("_", " "))  # PBI_APBN -> PBI APBN
    if target.months_in_arrears:
        owed = f" {rupiah(target.arrears_owed)}" if target.arrears_owed else ""
        parts.append(
            QCoreApplication.translate("TargetTableModel", "tunggak {n} bl").format(
                n=target.months_in_arrears
            )
            + owed
        )
    if target.category == "formal_unregistered" and target.employer_name:
        parts.append(target.employer_name)
    return " · ".join(parts)


def _sort_value(target: TargetRow, key: str) -> Any:
    if key == "nik":
        return target.nik
    if key == "no_kk":
        return (target.no_kk, target.shdk, target.name)
    if key == "dusun":
        return (target.dusun, target.rw, target.rt, target.name)
    if key == "rt":
        return (target.rw, target.rt, target.dusun, target.name)
    if key == "status":
        return (target.status, target.segment or "", target.name)
    if key == "decile":
        return (target.welfare_decile or 99, target.name)
    return (len(target.reasons), target.reasons, target.name)  # flags


class TargetTableModel(QAbstractTableModel):
    """Holds every target once (`set_targets`) and shows the ones `set_filter` keeps."""

    MAX_CACHED_ROWS = 4000

    def __init__(self, *, mask_ids: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self._masked = mask_ids
        self._all: list[TargetRow] = []
        self._rows: list[TargetRow] = []
        self._filter = TargetFilter()
        self._sort_column = "area"
        self._descending = False
        self._texts: OrderedDict[int, tuple[str, ...]] = OrderedDict()
        self._bold = QFont()
        self._bold.setBold(True)

    # ------------------------------------------------------------ data in

    @property
    def filter(self) -> TargetFilter:
        return replace(self._filter)

    @property
    def total(self) -> int:
        return len(self._all)

    def all_targets(self) -> list[TargetRow]:
        return self._all

    def rows(self) -> list[TargetRow]:
        return list(self._rows)

    def set_targets(self, targets: list[TargetRow]) -> None:
        self._all = targets
        self._apply()

    def set_filter(self, filt: TargetFilter) -> None:
        self._filter = replace(filt)
        self._apply()

    def current_filter_for_export(self) -> TargetFilter:
        """The filter with the sort the table shows (the export keeps both)."""
        filt = replace(self._filter)
        filt.sort = _SERVICE_SORT.get(self._sort_column, "area")
        filt.descending = self._descending if self._sort_column in _SERVICE_SORT else False
        return filt

    def _apply(self) -> None:
        self.beginResetModel()
        filt = replace(self._filter)
        service_sort = _SERVICE_SORT.get(self._sort_column)
        filt.sort = service_sort or "area"
        filt.descending = self._descending if service_sort else False
        rows = filter_targets(self._all, filt)
        if service_sort is None and self._sort_column != "area":
            key = self._sort_column
            rows.sort(key=lambda t: _sort_value(t, key), reverse=self._descending)
        self._rows = rows
        self._texts.clear()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMN_KEYS):
            return
        key = COLUMN_KEYS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_column, self._descending):
            return
        self._sort_column, self._descending = key, descending
        self._apply()

    def reset_sort(self) -> None:
        """Back to the field order: dusun, RW, RT, priority, family."""
        self._sort_column, self._descending = "area", False
        self._apply()

    def target(self, row: int) -> TargetRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, resident_id: int) -> int | None:
        for row, target in enumerate(self._rows):
            if target.resident_id == resident_id:
                return row
        return None

    def counts(self) -> dict[str, int]:
        """Shown rows, priority rows among them, and families they belong to."""
        return {
            "shown": len(self._rows),
            "priority": sum(1 for t in self._rows if t.priority == 1),
            "families": len({t.family_id for t in self._rows}),
            "total": len(self._all),
        }

    # ------------------------------------------------------------ display

    def _display(self, row: int) -> tuple[str, ...]:
        texts = self._texts.get(row)
        if texts is not None:
            return texts
        t = self._rows[row]
        masked = self._masked
        rw = "" if t.rw in ("", "-") else f"{t.rw}/"
        values = {
            "priority": str(t.priority),
            "category": code_label(SHORT_CATEGORY.get(t.category, t.category)),
            "name": t.name,
            "nik": mask_nik(t.nik) if masked else t.nik,
            "no_kk": mask_nik(t.no_kk) if masked else t.no_kk,
            "dusun": t.dusun,
            "rt": f"{rw}{t.rt}",
            "status": _status_text(t),
            "decile": "" if t.welfare_decile is None else str(t.welfare_decile),
            "flags": ", ".join(code_label(PRIORITY_REASONS[r]) for r in t.reasons),
        }
        texts = tuple(values[key] for key in COLUMN_KEYS)
        self._texts[row] = texts
        while len(self._texts) > self.MAX_CACHED_ROWS:
            self._texts.popitem(last=False)
        return texts

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_KEYS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = index.column()
        key = COLUMN_KEYS[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row())[column]
        target = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "category":
                return code_label(codes.TARGET_CATEGORIES.get(target.category, target.category))
            if key == "priority":
                return (
                    self.tr("Prioritas 1: {reasons}").format(
                        reasons=", ".join(code_label(PRIORITY_REASONS[r]) for r in target.reasons)
                    )
                    if target.priority == 1
                    else self.tr("Prioritas 2: bukan kelompok prioritas")
                )
            if key in ("flags", "status", "name"):
                return self._display(index.row())[column]
            return None
        if role == Qt.ItemDataRole.ForegroundRole and key == "category":
            return CATEGORY_COLOURS.get(target.category)
        if role == Qt.ItemDataRole.FontRole and key == "priority" and target.priority == 1:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and key == "priority" and target.priority == 1:
            return PRIORITY_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key in CENTRED:
                horizontal = Qt.AlignmentFlag.AlignHCenter
            elif key in RIGHT_ALIGNED:
                horizontal = Qt.AlignmentFlag.AlignRight
            else:
                horizontal = Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return target.resident_id
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(COLUMNS[section][1])
            if role == Qt.ItemDataRole.ToolTipRole and COLUMN_KEYS[section] == "priority":
                return self.tr(
                    "1 = kelompok prioritas (desil 1–4, ibu hamil, anak stunting, lansia, "
                    "disabilitas); 2 = lainnya"
                )
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
