"""The look and behaviour the program's lists share (Penduduk, Petakan, Sisir, Registrasi)."""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtCore import QAbstractItemModel, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView

SEARCH_DEBOUNCE_MS = 150  # a pause in typing this long runs the search


def read_only_rows(table: QTableView) -> None:
    """Whole-row single selection, read-only, striped, fixed row height, no row numbers;
    the last column takes the remaining width (every list in the program)."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    vertical = table.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
    vertical.hide()
    table.horizontalHeader().setStretchLastSection(True)


def list_table(model: QAbstractItemModel) -> QTableView:
    """A long list (`read_only_rows`) whose columns can be moved, scrolled by pixel."""
    table = QTableView()
    table.setModel(model)
    read_only_rows(table)
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    header = table.horizontalHeader()
    header.setSectionsMovable(True)
    header.setHighlightSections(False)
    return table


def search_box(
    owner: QObject, placeholder: str, min_width: int, on_pause: Callable[[], None]
) -> tuple[QLineEdit, QTimer]:
    """The list's search field (search icon, clear button) and the timer that calls
    `on_pause` once typing pauses; the caller connects Enter as it needs."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    edit.addAction(qta.icon("fa5s.search"), QLineEdit.ActionPosition.LeadingPosition)
    edit.setMinimumWidth(min_width)
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(SEARCH_DEBOUNCE_MS)
    timer.timeout.connect(on_pause)
    edit.textChanged.connect(lambda _text: timer.start())
    return edit, timer
