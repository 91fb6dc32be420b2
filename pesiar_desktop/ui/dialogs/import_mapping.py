"""The column-mapping step of the import dialog: for a file of unknown layout the
user picks the sheet and the header row, says which column feeds which field,
translates values the program does not know into codes, and saves all of it
under a name to reuse next month.

The file is read in the background (`reader.sniff_table`); checking the values
runs on the table already in memory. Saving goes through
`services.imports.save_mapping`, which checks the role and the required fields.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop.db import Database
from pesiar_desktop.errors import ValidationError
from pesiar_desktop.importers import mapping as wizard
from pesiar_desktop.importers.formats import ColumnMapping
from pesiar_desktop.importers.reader import SheetTable, sniff_file
from pesiar_desktop.services import imports
from pesiar_desktop.services.context import Actor
from pesiar_desktop.ui import formatting
from pesiar_desktop.ui.tasks import TaskContext, TaskManager
from pesiar_desktop.ui.widgets.forms import FieldErrors, error_label, hint_label
from pesiar_desktop.ui.write_op import run_write

NOT_USED = "— tidak dipakai —"
KEEP_UNKNOWN = "— biarkan (baris ditolak) —"


def _t(text: str) -> str:
    return QCoreApplication.translate("MappingEditor", text)


class MappingEditor(QWidget):
    """Public names used by tests: `sheet_combo`, `header_spin`, `column_combo(field)`,
    `values_table`, `value_combo(field, text)`, `name_edit`, `save_button`, `table`,
    `load(path)`, `current_mapping()`, `check_values()`."""

    saved = Signal(str)  # the mapping's name, once stored
    busy = Signal(bool)
    failed = Signal(str)

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        kind: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.actor = actor
        self.kind = kind
        self.path: Path | None = None
        self.table: SheetTable | None = None
        self._loading = False
        self._combos: dict[str, QComboBox] = {}
        self._value_combos: dict[tuple[str, str], QComboBox] = {}
        self._task_key = f"mapping.sniff.{id(self)}"
        self._closing = False
        self._build()

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        intro = hint_label(
            _t(
                "Berkas ini belum dikenal. Tunjukkan kolom mana berisi apa (kolom bertanda * "
                "wajib), terjemahkan nilai yang belum dikenal menjadi kode, lalu simpan "
                "pemetaan dengan sebuah nama agar bisa dipakai lagi untuk berkas berikutnya."
            )
        )
        self.sheet_combo = QComboBox()
        self.sheet_combo.setMinimumContentsLength(14)
        self.sheet_combo.setToolTip(_t("Lembar kerja yang berisi data"))
        self.header_spin = QSpinBox()
        self.header_spin.setRange(1, 30)
        self.header_spin.setToolTip(_t("Nomor baris yang berisi nama-nama kolom"))
        self.reload_button = QPushButton(_t("Baca ulang"))
        self.reload_button.setToolTip(_t("Baca berkas lagi dengan lembar dan baris judul ini"))
        self.reload_button.clicked.connect(self._reload)
        self.info_label = QLabel()
        self.info_label.setStyleSheet("color: #3c4043;")
        where = QHBoxLayout()
        sheet_label = QLabel(_t("&Lembar"))
        sheet_label.setBuddy(self.sheet_combo)
        header_label = QLabel(_t("&Baris judul kolom"))
        header_label.setBuddy(self.header_spin)
        where.addWidget(sheet_label)
        where.addWidget(self.sheet_combo)
        where.addSpacing(12)
        where.addWidget(header_label)
        where.addWidget(self.header_spin)
        where.addWidget(self.reload_button)
        where.addSpacing(12)
        where.addWidget(self.info_label, 1)

        self.columns_table = QTableWidget(0, 3)
        self.columns_table.setHorizontalHeaderLabels(
            [_t("Bidang"), _t("Kolom di berkas"), _t("Contoh isi kolom")]
        )
        self.columns_table.verticalHeader().hide()
        self.columns_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.columns_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns_table.setAlternatingRowColors(True)
        header = self.columns_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.columns_table.setColumnWidth(1, 230)

        self.values_table = QTableWidget(0, 3)
        self.values_table.setHorizontalHeaderLabels(
            [_t("Bidang"), _t("Nilai di berkas"), _t("Artinya (kode)")]
        )
        self.values_table.verticalHeader().hide()
        self.values_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.values_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        values_header = self.values_table.horizontalHeader()
        values_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        values_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        values_header.setStretchLastSection(True)
        self.values_table.setColumnWidth(1, 170)
        self.check_button = QPushButton(_t("Periksa nilai"))
        self.check_button.setToolTip(
            _t("Cari nilai di kolom kode (jenis kelamin, SHDK, agama, …) yang belum dikenal")
        )
        self.check_button.clicked.connect(self.check_values)
        self.values_hint = hint_label("")
        values_top = QHBoxLayout()
        values_title = QLabel(_t("<b>Nilai yang belum dikenal</b>"))
        values_top.addWidget(values_title)
        values_top.addWidget(self.values_hint, 1)
        values_top.addWidget(self.check_button)

        self.errors = FieldErrors()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_t("mis. Format Kecamatan 2026"))
        self.name_edit.setMaxLength(80)
        self.save_button = QPushButton(_t("Simpan pemetaan && lanjutkan"))
        self.save_button.setDefault(False)
        self.save_button.clicked.connect(self.save)
        self.general_error = error_label()
        form = QFormLayout()
        form.addRow(_t("&Nama pemetaan"), self.errors.field("name", self.name_edit))
        name_row = QHBoxLayout()
        name_row.addLayout(form, 1)
        name_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(where)
        layout.addWidget(self.columns_table, 3)
        layout.addLayout(values_top)
        layout.addWidget(self.values_table, 2)
        layout.addWidget(self.general_error)
        layout.addLayout(name_row)

    # ------------------------------------------------------------ loading

    def load(self, path: Path, sheet: str | None = None, header_row: int | None = None) -> None:
        """Reads the file in the background and fills the tables."""
        self.path = path
        self._set_busy(True)
        self.general_error.hide()

        def job(_ctx: TaskContext) -> tuple[list[str], SheetTable]:
            return sniff_file(path, sheet, header_row)

        self.tasks.run(
            job, self._alive(self._loaded), self._alive(self._load_failed), key=self._task_key
        )

    def close_down(self) -> None:
        """The dialog is closing: late task results are dropped."""
        self._closing = True

    def _alive(self, callback: Any) -> Any:
        def call(value: Any) -> None:
            if not self._closing and shiboken6.isValid(self):
                callback(value)

        return call

    def _reload(self) -> None:
        if self.path is not None:
            self.load(self.path, self.sheet_combo.currentText() or None, self.header_spin.value())

    def _set_busy(self, busy: bool) -> None:
        self._loading = busy
        for widget in (self.reload_button, self.save_button, self.check_button):
            widget.setEnabled(not busy)
        self.busy.emit(busy)

    def _load_failed(self, err: BaseException) -> None:
        self._set_busy(False)
        self.general_error.setText(str(err))
        self.general_error.show()
        self.failed.emit(str(err))

    def _loaded(self, result: tuple[list[str], SheetTable]) -> None:
        names, table = result
        previous = self.current_mapping().columns if self.table is not None else {}
        self.table = table
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(names)
        self.sheet_combo.setCurrentText(table.sheet_name)
        self.sheet_combo.blockSignals(False)
        self.header_spin.setValue(table.header_row)
        self.info_label.setText(
            _t("{rows} baris data di bawah baris judul {row} lembar {sheet}").format(
                rows=formatting.number(len(table.numbers)),
                row=table.header_row,
                sheet=table.sheet_name,
            )
        )
        guess = wizard.suggest_columns(self.kind, table.headers)
        for name, header in previous.items():
            if header in table.headers:
                guess[name] = header
        self._fill_columns(guess)
        self._set_busy(False)
        self.check_values()
        if not self.name_edit.text() and self.path is not None:
            self.name_edit.setText(self.path.stem[:80])

    def _fill_columns(self, chosen: dict[str, str]) -> None:
        assert self.table is not None
        fields = wizard.FIELDS[self.kind]
        required = set(wizard.REQUIRED[self.kind])
        self.columns_table.setRowCount(len(fields))
        self._combos.clear()
        for row, (name, label) in enumerate(fields.items()):
            text = f"{label} *" if name in required else label
            item = QTableWidgetItem(text)
            if name in required:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.columns_table.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem(NOT_USED, "")
            for header in self.table.headers:
                combo.addItem(header, header)
            index = combo.findData(chosen.get(name, ""))
            combo.setCurrentIndex(max(index, 0))
            combo.currentIndexChanged.connect(lambda _i, n=name: self._column_changed(n))
            combo.setAccessibleName(label)
            self.columns_table.setCellWidget(row, 1, combo)
            self._combos[name] = combo
            self._show_sample(row, name)
        self.columns_table.resizeRowsToContents()

    def _show_sample(self, row: int, name: str) -> None:
        assert self.table is not None
        header = self._combos[name].currentData() or ""
        samples = wizard.sample_values(self.table, header) if header else []
        item = QTableWidgetItem(", ".join(samples))
        item.setForeground(Qt.GlobalColor.darkGray)
        self.columns_table.setItem(row, 2, item)

    def _column_changed(self, name: str) -> None:
        row = list(self._combos).index(name)
        self._show_sample(row, name)
        if name in wizard.value_fields(self.kind):
            self.check_values()

    # ------------------------------------------------------------ values

    def column_combo(self, name: str) -> QComboBox:
        return self._combos[name]

    def value_combo(self, name: str, text: str) -> QComboBox:
        return self._value_combos[(name, text)]

    def _value_choices(self) -> dict[str, dict[str, str]]:
        """What the user picked so far: field -> file text -> code."""
        out: dict[str, dict[str, Any]] = {}
        for (name, text), combo in self._value_combos.items():
            code = combo.currentData()
            if code is not None:
                out.setdefault(name, {})[text] = code
        return out

    def check_values(self) -> None:
        """Lists the values of the mapped code columns that no label turns into a code."""
        if self.table is None:
            return
        chosen = self._value_choices()
        columns = self.current_mapping().columns
        unknown = wizard.unknown_values(self.table, self.kind, columns)
        tables = wizard.value_fields(self.kind)
        rows = [(name, text) for name, texts in unknown.items() for text in texts]
        self.values_table.setRowCount(len(rows))
        self._value_combos.clear()
        labels = wizard.FIELDS[self.kind]
        for row, (name, text) in enumerate(rows):
            self.values_table.setItem(row, 0, QTableWidgetItem(labels[name]))
            self.values_table.setItem(row, 1, QTableWidgetItem(text))
            combo = QComboBox()
            combo.addItem(KEEP_UNKNOWN, None)
            for code, label in tables[name].items():
                combo.addItem(f"{code} · {label}" if isinstance(code, int) else label, code)
            previous = chosen.get(name, {}).get(text)
            if previous is not None:
                combo.setCurrentIndex(max(combo.findData(previous), 0))
            combo.setAccessibleName(f"{labels[name]}: {text}")
            self.values_table.setCellWidget(row, 2, combo)
            self._value_combos[(name, text)] = combo
        self.values_table.resizeRowsToContents()
        if rows:
            self.values_hint.setText(
                _t(
                    "{n} nilai belum dikenal. Pilih artinya; yang dibiarkan membuat barisnya "
                    "ditolak dengan alasan yang jelas."
                ).format(n=len(rows))
            )
        else:
            self.values_hint.setText(_t("Semua nilai di kolom kode sudah dikenal."))

    # ------------------------------------------------------------ saving

    def current_mapping(self) -> ColumnMapping:
        columns = {name: combo.currentData() for name, combo in self._combos.items()}
        return ColumnMapping(
            self.kind,
            {name: header for name, header in columns.items() if header},
            self._value_choices(),
            name=" ".join(self.name_edit.text().split()),
        )

    def save(self) -> None:
        if self._loading or self.table is None:
            return
        self.errors.clear()
        self.general_error.hide()
        mapping = self.current_mapping()
        headers = list(mapping.columns.values())
        twice = sorted({h for h in headers if headers.count(h) > 1})
        if twice:
            self._show_error(
                _t("Kolom {cols} dipakai untuk lebih dari satu bidang.").format(
                    cols=", ".join(twice)
                )
            )
            return
        self._set_busy(True)

        def job(_ctx: TaskContext) -> str:
            imports.save_mapping(self.db, self.actor, mapping)
            return mapping.name

        run_write(
            self,
            self.tasks,
            job,
            on_success=self._alive(self._saved),
            on_error=self._alive(self._save_failed),
        )

    def _saved(self, name: str) -> None:
        self._set_busy(False)
        self.saved.emit(name)

    def _save_failed(self, err: BaseException) -> None:
        self._set_busy(False)
        if isinstance(err, ValidationError):
            left = self.errors.show(err.field_errors)
            if left:
                self._show_error(" ".join(left.values()))
            return
        self._show_error(str(err))

    def _show_error(self, text: str) -> None:
        self.general_error.setText(text)
        self.general_error.show()
