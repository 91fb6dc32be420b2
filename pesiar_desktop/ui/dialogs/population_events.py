"""Peristiwa kependudukan per month: births, deaths, moves out and in, with the undo
(a new audited cancel event, never a deletion) of a wrongly recorded one."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import population as pc
from pesiar_desktop.rules.nik import mask_nik
from pesiar_desktop.services import population
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.population import EventRow
from pesiar_desktop.services.progress import month_bounds
from pesiar_desktop.ui import formatting
from pesiar_desktop.ui.i18n import code_label, label_of
from pesiar_desktop.ui.tasks import TaskManager
from pesiar_desktop.ui.widgets.forms import show_error
from pesiar_desktop.ui.write_op import run_write

MUTED = QColor("#80868b")
MONTHS_BACK = 24


def _months(today: date) -> list[date]:
    index = today.year * 12 + today.month - 1
    found = []
    for back in range(MONTHS_BACK):
        year, month = divmod(index - back, 12)
        found.append(date(year, month + 1, 1))
    return found


class PopulationEventsDialog(QDialog):
    """Public names used by tests: `month_combo`, `table`, `rows`, `select_month(date)`,
    `cancel_selected(reason)`."""

    HEADERS = (
        "Tanggal",
        "Peristiwa",
        "Nama",
        "NIK",
        "L/P",
        "Dusun",
        "Tempat",
        "Keterangan",
        "Dicatat oleh",
    )

    def __init__(
        self, db: Database, tasks: TaskManager, actor: Actor, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.db, self.tasks, self.actor = db, tasks, actor
        self.masked = not actor.can("personal.see_full_nik")
        self.rows: list[EventRow] = []
        self.setWindowTitle(self.tr("Peristiwa kependudukan"))
        self.month_combo = QComboBox()
        for month in _months(clock.today()):
            self.month_combo.addItem(formatting.month_year(month), month.isoformat())
        self.month_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Bulan")))
        top.addWidget(self.month_combo)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)

        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in self.HEADERS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.hint = QLabel(
            self.tr(
                "Peristiwa yang keliru dibatalkan dengan peristiwa pembatalan (tercatat di log "
                "audit); data penduduknya dikembalikan. Peristiwa tidak pernah dihapus."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6368;")
        self.cancel_button = QPushButton(self.tr("Batalkan peristiwa…"))
        self.cancel_button.clicked.connect(self._ask_cancel)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.resize(980, 520)
        self.refresh()

    def month(self) -> date:
        return date.fromisoformat(str(self.month_combo.currentData()))

    def select_month(self, month: date) -> None:
        self.month_combo.setCurrentIndex(
            max(0, self.month_combo.findData(month.replace(day=1).isoformat()))
        )

    def refresh(self) -> None:
        first, last = month_bounds(self.month())
        self.rows = population.list_events(self.db, first, last)
        self.table.setRowCount(len(self.rows))
        for row, event in enumerate(self.rows):
            self._fill(row, event)
        counts = {kind: 0 for kind in (pc.BIRTH, pc.DEATH, pc.MOVE_IN, pc.MOVE_OUT)}
        for event in self.rows:
            if event.counts:
                counts[event.kind] += 1
        self.summary.setText(
            self.tr("Lahir {b} · meninggal {d} · datang {i} · pindah {o}").format(
                b=counts[pc.BIRTH], d=counts[pc.DEATH], i=counts[pc.MOVE_IN], o=counts[pc.MOVE_OUT]
            )
        )
        self._update_buttons()

    def _fill(self, row: int, event: EventRow) -> None:
        kind = code_label(event.kind_label)
        if event.cancelled_by is not None:
            kind += " " + self.tr("(dibatalkan)")
        cells = [
            formatting.short_date(event.occurred_on),
            kind,
            event.name,
            mask_nik(event.nik) if self.masked else event.nik,
            "L" if event.sex == 1 else "P",
            event.dusun,
            event.place,
            event.note,
            event.recorded_by,
        ]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, event.id)
            if not event.counts:
                item.setForeground(MUTED)
            self.table.setItem(row, column, item)

    def selected(self) -> EventRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        event = self.selected()
        self.cancel_button.setEnabled(
            self.actor.can("residents.write") and event is not None and event.counts
        )

    def _ask_cancel(self) -> None:
        event = self.selected()
        if event is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Batalkan peristiwa"),
            self.tr("Batalkan {kind} {name} ({day})? Tuliskan alasannya:").format(
                kind=code_label(event.kind_label).lower(),
                name=event.name,
                day=formatting.short_date(event.occurred_on),
            ),
        )
        if ok:
            self.cancel_selected(reason)

    def cancel_selected(self, reason: str) -> None:
        event = self.selected()
        if event is None:
            return
        event_id = event.id
        run_write(
            self,
            self.tasks,
            lambda _c: population.cancel_event(self.db, self.actor, event_id, reason),
            on_success=lambda _id: self.refresh(),
            on_error=lambda err: show_error(self, err, self.tr("Peristiwa tidak dibatalkan")),
        )


def life_label(status: int) -> str:
    return label_of(codes.LIFE_STATUS, status)
