"""The look and behaviour the program's lists share (Penduduk, Petakan, Sisir, Registrasi)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTableView

from pesiar_desktop.ui import icons

SEARCH_DEBOUNCE_MS = 150  # a pause in typing this long runs the search
# Added to a text's width to size its column: the cell's margins and the sort arrow's room.
CELL_PADDING = 14


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
    edit.addAction(icons.icon("fa5s.search"), QLineEdit.ActionPosition.LeadingPosition)
    edit.setMinimumWidth(min_width)
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(SEARCH_DEBOUNCE_MS)
    timer.timeout.connect(on_pause)
    edit.textChanged.connect(lambda _text: timer.start())
    return edit, timer


class LoadingNotice(QObject):
    """ "Memuat…" in the middle of a table while its rows are read, so a list that is still
    loading never looks empty. `start()` when the read begins, `stop()` when it ends or
    fails."""

    def __init__(self, view: QAbstractItemView, text: str = "", name: str = "loading_notice"):
        super().__init__(view)
        self.view = view
        self.label = QLabel(
            text or QCoreApplication.translate("Tables", "Memuat…"), view.viewport()
        )
        self.label.setObjectName(name)
        self.label.setStyleSheet(
            "background: rgba(255, 255, 255, 230); color: #3c4043; font-size: 14px; "
            "border: 1px solid #dadce0; border-radius: 6px; padding: 8px 18px;"
        )
        self.label.adjustSize()
        self.label.hide()
        view.viewport().installEventFilter(self)

    @property
    def active(self) -> bool:
        return not self.label.isHidden()

    def start(self) -> None:
        self._place()
        self.label.show()
        self.label.raise_()

    def stop(self) -> None:
        self.label.hide()

    def _place(self) -> None:
        area = self.view.viewport().rect()
        self.label.adjustSize()
        x = max(0, (area.width() - self.label.width()) // 2)
        y = max(0, min(area.height() // 3, area.height() - self.label.height()))
        self.label.move(x, y)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize and self.active:
            self._place()
        return False


class EmptyNotice(LoadingNotice):
    """What an empty list means, in the middle of the table ("Belum ada impor…"), so an
    empty table never looks broken. `show_when(empty)` after each load."""

    def __init__(self, view: QAbstractItemView, text: str):
        super().__init__(view, text, "empty_notice")
        self.label.setWordWrap(True)
        self.label.setMaximumWidth(520)

    def show_when(self, empty: bool) -> None:
        if empty:
            self.start()
        else:
            self.stop()
