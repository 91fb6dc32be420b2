"""Perbaiki NIK: the work list of residents kept with a NIK that is missing or invalid.

Each line names the person, the NIK as written, why it needs fixing, the No KK and the
dusun. Typing the right NIK and pressing Simpan checks it like the resident form does
(`services.residents.fix_nik`: a valid number nobody else has); the person then leaves
the list and may appear in lists sent to BPJS or Dinas Sosial again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop.db import Database
from pesiar_desktop.errors import ValidationError
from pesiar_desktop.rules.nik import mask_nik, mask_numbers_in_text
from pesiar_desktop.services import residents
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.residents import NikToFix, SaveResult
from pesiar_desktop.ui.formatting import short_date
from pesiar_desktop.ui.tasks import TaskContext, TaskManager
from pesiar_desktop.ui.widgets.forms import error_label
from pesiar_desktop.ui.write_op import run_write

REASON_WIDTH = 320  # px: the Alasan column at most, so the whole row fits 860 px


class NikFixDialog(QDialog):
    """Public names used by tests: `table`, `nik_edit`, `save_button`, `error`, `rows`."""

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db, self.tasks, self.actor = db, tasks, actor
        self.rows: list[NikToFix] = []
        self.setWindowTitle(self.tr("Perbaiki NIK"))
        self.resize(860, 460)
        can_write = actor.can("residents.write")
        what_to_do = (
            self.tr("Pilih orangnya, ketik NIK yang benar dari KK/KTP, lalu Simpan.")
            if can_write
            else self.tr(
                "Peran Anda hanya dapat melihat daftar ini: NIK diperbaiki oleh operator atau "
                "administrator."
            )
        )
        intro = QLabel(
            self.tr(
                "Penduduk dengan NIK kosong atau tidak sah tetap ada di register, tetapi tidak "
                "ikut daftar yang dikirim ke BPJS atau Dinas Sosial sampai NIK-nya diperbaiki."
            )
            + " "
            + what_to_do
        )
        intro.setWordWrap(True)
        self.intro = intro
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Nama"),
                self.tr("NIK tertulis"),
                self.tr("Alasan"),
                self.tr("Tgl lahir"),
                self.tr("No KK"),
                self.tr("Dusun"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.nik_edit = QLineEdit()
        self.nik_edit.setPlaceholderText(self.tr("NIK yang benar (16 digit)"))
        self.nik_edit.setMaxLength(32)
        self.nik_edit.returnPressed.connect(self.save)
        self.save_button = QPushButton(self.tr("Simpan NIK"))
        self.save_button.clicked.connect(self.save)
        self.nik_edit.setEnabled(False)
        self.save_button.setEnabled(False)
        if not can_write:
            self.save_button.setToolTip(self.tr("Peran Anda hanya dapat melihat data."))
        self._can_write = can_write
        self.error = error_label(self)
        self.count_label = QLabel()
        fix_row = QHBoxLayout()
        fix_row.addWidget(QLabel(self.tr("NIK baru:")))
        fix_row.addWidget(self.nik_edit, 1)
        fix_row.addWidget(self.save_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(fix_row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.rows = residents.list_nik_to_fix(self.db)
        masked = not self.actor.can("personal.see_full_nik")
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            written = row.nik_as_written or self.tr("(kosong)")
            no_kk, reason = row.no_kk, row.reason
            if masked:
                written = mask_nik(row.nik_as_written) if row.nik_as_written else written
                no_kk = mask_nik(no_kk)
                reason = mask_numbers_in_text(reason)  # reasons quote the number
            cells = (row.name, written, reason, short_date(row.birth_date), no_kk, row.dusun)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, row.resident_id)
                self.table.setItem(i, column, item)
        self.table.resizeColumnsToContents()
        # a long reason (it quotes the number) would push Tgl lahir, No KK and Dusun, which
        # tell who the person is, off the dialog: it is cut, whole in its tooltip
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), REASON_WIDTH))
        self.count_label.setText(
            self.tr("{n} orang dengan NIK perlu diperbaiki.").format(n=len(self.rows))
        )
        self._selection_changed()

    def selected(self) -> NikToFix | None:
        chosen = self.table.selectionModel().selectedRows()
        return self.rows[chosen[0].row()] if chosen else None

    def _selection_changed(self) -> None:
        active = self._can_write and self.selected() is not None
        self.nik_edit.setEnabled(active)
        self.save_button.setEnabled(active)
        self.error.hide()

    def save(self) -> None:
        row = self.selected()
        if row is None or not self._can_write:
            return
        db, actor, resident_id, nik = self.db, self.actor, row.resident_id, self.nik_edit.text()

        def write(_context: TaskContext) -> SaveResult:
            return residents.fix_nik(db, actor, resident_id, nik)

        run_write(self, self.tasks, write, on_success=self._saved, on_error=self._failed)

    def _saved(self, _result: SaveResult) -> None:
        self.nik_edit.clear()
        self.reload()

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, ValidationError):
            message = err.field_errors.get("nik") or str(err)
        else:
            message = str(err)
        self.error.setText(message)
        self.error.show()
