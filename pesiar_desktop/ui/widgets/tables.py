"""The look and behaviour every long list page shares (Penduduk, Petakan)."""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtCore import QAbstractItemModel, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView

SEARCH_DEBOUNCE_MS = 150  # a pause in typing this long runs the search


def list_table(model: QAbstractItemModel) -> QTableView:
    """Whole-row single selection, read-only, fixed row height, no row numbers, columns
    that can be moved; the last column takes the remaining width."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    vertical = table.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
    vertical.hide()
    header = table.horizontalHeader()
    header.setSectionsMovable(True)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
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
