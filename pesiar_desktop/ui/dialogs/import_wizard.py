"""The import dialog: choose a file -> (map its columns) -> preview -> import -> result.

One dialog for the three kinds of file a village has: resident data (OpenSID,
SIAK or any layout through a saved column mapping), the BPJS membership list
(always through a saved mapping, with the list's date) and a welfare list.
Nothing is written before "Impor sekarang": the preview reads the file and
compares it with the register in the background (progress bar, Cancel), and
the commit writes everything in one transaction in the background too; a
cancel at any point leaves the database exactly as it was. The services check
the role again, whatever this dialog shows.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop.db import Database
from pesiar_desktop.errors import PesiarError
from pesiar_desktop.importers.reader import ImportFileError
from pesiar_desktop.rules.nik import mask_nik
from pesiar_desktop.services import imports
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.imports import (
    BpjsPreview,
    ImportCancelled,
    ImportResult,
    ResidentPreview,
    WelfarePreview,
)
from pesiar_desktop.ui import formatting, icons
from pesiar_desktop.ui.dialogs.import_mapping import MappingEditor
from pesiar_desktop.ui.save_dialog import get_save_file_name
from pesiar_desktop.ui.tablemodels.import_rows import Values, pending_model, values_model
from pesiar_desktop.ui.tablemodels.list_model import ListModel
from pesiar_desktop.ui.tasks import Progress, TaskCancelled, TaskContext, TaskHandle, TaskManager
from pesiar_desktop.ui.widgets.date_field import DateField
from pesiar_desktop.ui.widgets.forms import WARNING_STYLE, error_label, hint_label, warning_label
from pesiar_desktop.ui.write_op import run_write

log = logging.getLogger(__name__)
Preview = ResidentPreview | BpjsPreview | WelfarePreview

NEW_MAPPING = "__new__"
FILE_FILTER = "Lembar kerja (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv);;Semua berkas (*)"
PAGE_FILE, PAGE_MAPPING, PAGE_RUN, PAGE_PREVIEW, PAGE_DONE = range(5)
REPLAN_DELAY_MS = 350

TITLES = {
    "residents": "Impor data penduduk",
    "bpjs": "Impor daftar peserta BPJS",
    "welfare": "Impor data kesejahteraan",
}
INTROS = {
    "residents": (
        "Ekspor penduduk dari OpenSID (.xlsx), ekspor SIAK dari Dukcapil (.xls/.xlsx), atau "
        "berkas lain (.xlsx, .xls, .csv) dengan pemetaan kolom. Formatnya dikenali dari judul "
        "kolom. Tidak ada yang disimpan sebelum Anda memeriksa pratinjau dan menekan "
        "'Impor sekarang'."
    ),
    "bpjs": (
        "Daftar peserta dari BPJS Kesehatan cabang: NIK, nomor kartu, segmen, status, kelas, "
        "FKTP dan bulan tunggakan. Susunan kolomnya berbeda tiap cabang, jadi daftar ini "
        "selalu dibaca melalui pemetaan kolom yang disimpan. Riwayat kepesertaan dicatat "
        "dengan tanggal daftar."
    ),
    "welfare": (
        "Daftar kesejahteraan (DTKS/DTSEN, P3KE, Regsosek) dengan NIK atau No KK dan desil "
        "1–10. Keluarga berdesil 1–4 ditandai miskin dan menjadi prioritas di Petakan."
    ),
}
FORMAT_LABELS = {"auto": "deteksi otomatis", "opensid": "OpenSID", "siak": "SIAK (Dukcapil)"}


def _t(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def _n(value: int) -> str:
    return formatting.number(value)


class CountTile(QFrame):
    """A figure with its caption, coloured by meaning."""

    def __init__(self, caption: str, colour: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("CountTile")
        self.setStyleSheet(
            f"QFrame#CountTile {{ background: #ffffff; border: 1px solid #d5dbe3; "
            f"border-top: 3px solid {colour}; border-radius: 4px; }}"
        )
        self.value_label = QLabel("0")
        self.value_label.setStyleSheet(f"font-size: 20px; font-weight: 600; color: {colour};")
        self.caption_label = QLabel(caption)
        self.caption_label.setStyleSheet("color: #3c4043;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)

    def set_value(self, value: int) -> None:
        self.value_label.setText(_n(value))


def _table(model: Any, widths: dict[int, int] | None = None) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)
    for column, width in (widths or {}).items():
        view.setColumnWidth(column, width)
    return view


class ImportDialog(QDialog):
    """Public names used by tests: `file_edit`, `source_combo`, `date_edit`, `page()`,
    `next_button`, `back_button`, `commit_button`, `cancel_button`, `close_button`,
    `save_rejected_button`, `progress_bar`, `mapping_editor`, `preview`, `import_result`,
    `tiles`, `rejected_model`, `warnings_model`, `pending_model`, `extra_models`,
    `rows_model`, `rows_hint`, `origin_box`, `origin_label`, `origin_check`,
    `notice_label`, `done_label`, `start_preview()`, `save_rejected(path)`, `commit()`."""

    # Built in _build_*() but referenced by signal handlers connected before them.
    next_button: QPushButton
    file_error: QLabel

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        kind: str,
        parent: QWidget | None = None,
        path: Path | str | None = None,
    ):
        super().__init__(parent)
        if kind not in TITLES:
            raise ValueError(kind)
        self.db = db
        self.tasks = tasks
        self.actor = actor
        self.kind = kind
        self.can_write = actor.can("residents.write")
        self.masked = not actor.can("personal.see_full_nik")
        self.preview: Preview | None = None
        self.import_result: ImportResult | None = None
        self.last_report: Path | None = None
        self._handle: TaskHandle | None = None
        self._running = ""  # "preview" | "replan" | "commit" | ""
        self._closing = False
        self._replan_timer = QTimer(self)
        self._replan_timer.setSingleShot(True)
        self._replan_timer.setInterval(REPLAN_DELAY_MS)
        self._replan_timer.timeout.connect(self._replan)
        self._cancel_watch = QTimer(self)
        self._cancel_watch.setInterval(200)
        self._cancel_watch.timeout.connect(self._watch_cancel)
        self.setWindowTitle(_t(TITLES[kind]))
        self.setMinimumSize(900, 560)
        self.resize(1040, 640)
        self._build()
        self._fill_sources()
        if path is not None:
            self.file_edit.setText(str(path))
        self._show(PAGE_FILE)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 17px; font-weight: 600;")
        self.step_label = QLabel()
        self.step_label.setStyleSheet("color: #5f6368;")
        top = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(icons.icon("fa5s.file-import", color="#1a56b8").pixmap(26, 26))
        top.addWidget(icon)
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.step_label)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_file_page())
        self.mapping_editor = MappingEditor(self.db, self.tasks, self.actor, self.kind)
        self.mapping_editor.saved.connect(self._mapping_saved)
        self.mapping_editor.busy.connect(lambda busy: self.next_button.setEnabled(not busy))
        self.stack.addWidget(self.mapping_editor)
        self.stack.addWidget(self._build_run_page())
        self.stack.addWidget(self._build_preview_page())
        self.stack.addWidget(self._build_done_page())

        self.save_rejected_button = QPushButton(
            icons.icon("fa5s.file-excel"), _t("Simpan baris ditolak (.xlsx)…")
        )
        self.save_rejected_button.setToolTip(
            _t(
                "Baris yang ditolak beserta alasannya, untuk diperbaiki lalu diimpor lagi "
                "(juga berisi peringatan)"
            )
        )
        self.save_rejected_button.clicked.connect(self._ask_save_rejected)
        if not self.actor.can("personal.export"):
            self.save_rejected_button.setToolTip(
                _t("Peran Anda tidak berhak mengekspor data pribadi.")
            )
        self.back_button = QPushButton(_t("< &Kembali"))
        self.back_button.clicked.connect(self._back)
        self.next_button = QPushButton(_t("&Lanjut >"))
        self.next_button.clicked.connect(self._next)
        self.commit_button = QPushButton(icons.icon("fa5s.check"), _t("&Impor sekarang"))
        self.commit_button.clicked.connect(self.commit)
        if not self.can_write:
            self.commit_button.setToolTip(_t("Peran Anda hanya dapat melihat data."))
        self.cancel_button = QPushButton(_t("&Batalkan proses"))
        self.cancel_button.clicked.connect(self.cancel_running)
        self.close_button = QPushButton(_t("&Tutup"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_rejected_button)
        buttons.addStretch(1)
        for button in (
            self.back_button,
            self.next_button,
            self.commit_button,
            self.cancel_button,
            self.close_button,
        ):
            button.setAutoDefault(False)
            buttons.addWidget(button)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: #d5dbe3;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(line)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

    def _build_file_page(self) -> QWidget:
        page = QWidget()
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(_t("Pilih berkas .xlsx, .xls atau .csv…"))
        self.file_edit.setClearButtonEnabled(True)
        self.file_edit.textChanged.connect(lambda _t: self.file_error.hide())
        browse = QPushButton(icons.icon("fa5s.folder-open"), _t("&Pilih berkas…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        self.file_error = error_label()
        self.map_instead_button = QPushButton(_t("Buat pemetaan kolom untuk berkas ini…"))
        self.map_instead_button.setAutoDefault(False)
        self.map_instead_button.clicked.connect(self._open_mapping)
        self.map_instead_button.hide()

        self.source_combo = QComboBox()
        self.source_combo.setMinimumContentsLength(36)
        self.source_hint = hint_label("")
        self.source_combo.currentIndexChanged.connect(self._source_changed)
        self.date_edit = DateField(allow_empty=True, maximum_today=True)
        self.date_edit.setToolTip(
            _t(
                "Kosongkan bila tanggal daftar tertulis di judul berkas (mis. 'Data per 31 Oktober')"
            )
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        file_box = QWidget()
        file_box_layout = QVBoxLayout(file_box)
        file_box_layout.setContentsMargins(0, 0, 0, 0)
        file_box_layout.addLayout(file_row)
        file_box_layout.addWidget(self.file_error)
        file_box_layout.addWidget(self.map_instead_button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(_t("&Berkas"), file_box)
        source_label = {
            "residents": _t("&Format"),
            "bpjs": _t("&Pemetaan kolom"),
            "welfare": _t("&Susunan kolom"),
        }[self.kind]
        source_box = QWidget()
        source_layout = QVBoxLayout(source_box)
        source_layout.setContentsMargins(0, 0, 0, 0)
        source_layout.addWidget(self.source_combo, 0, Qt.AlignmentFlag.AlignLeft)
        source_layout.addWidget(self.source_hint)
        form.addRow(source_label, source_box)
        if self.kind == "bpjs":
            date_box = QWidget()
            date_layout = QHBoxLayout(date_box)
            date_layout.setContentsMargins(0, 0, 0, 0)
            date_layout.addWidget(self.date_edit)
            date_layout.addWidget(
                hint_label(_t("kosongkan bila tertulis di judul berkas (mis. 'Data per …')")), 1
            )
            form.addRow(_t("&Tanggal daftar"), date_box)
        else:
            self.date_edit.hide()

        layout = QVBoxLayout(page)
        layout.addWidget(hint_label(_t(INTROS[self.kind])))
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addStretch(1)
        if not self.can_write:
            layout.addWidget(
                warning_label_with(
                    _t(
                        "Peran Anda hanya dapat melihat data: pratinjau boleh, tetapi impor "
                        "tidak dapat disimpan."
                    )
                )
            )
        return page

    def _build_run_page(self) -> QWidget:
        page = QWidget()
        self.run_label = QLabel()
        self.run_label.setStyleSheet("font-size: 14px;")
        self.run_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setMinimumWidth(480)
        self.progress_bar.setTextVisible(True)
        self.run_hint = hint_label(
            _t("Anda boleh membatalkan kapan saja: database tidak berubah sampai impor selesai.")
        )
        box = QVBoxLayout()
        box.addStretch(2)
        box.addWidget(self.run_label)
        box.addWidget(self.progress_bar)
        box.addWidget(self.run_hint)
        box.addStretch(3)
        outer = QHBoxLayout(page)
        outer.addStretch(1)
        outer.addLayout(box, 3)
        outer.addStretch(1)
        return page

    def _build_preview_page(self) -> QWidget:
        page = QWidget()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice_label = warning_label()
        self.message_label = warning_label()
        self._build_origin_box()
        self.tiles: dict[str, CountTile] = {}
        tiles = QGridLayout()
        tiles.setHorizontalSpacing(8)
        specs = {
            "residents": [
                ("new", "Baru", "#1b6e34"),
                ("updated", "Diperbarui", "#1a56b8"),
                ("unchanged", "Tidak berubah", "#5f6368"),
                ("rejected", "Ditolak", "#b3261e"),
                ("warnings", "Peringatan", "#a15c00"),
                ("pending", "Perlu konfirmasi", "#6a3fb5"),
            ],
            "bpjs": [
                ("matched", "Cocok di register", "#1b6e34"),
                ("new", "Kepesertaan baru", "#1b6e34"),
                ("updated", "Diperbarui", "#1a56b8"),
                ("unchanged", "Tidak berubah", "#5f6368"),
                ("not_in_register", "Tidak ada di register", "#a15c00"),
                ("missing_from_list", "Tidak ada di daftar", "#6a3fb5"),
                ("rejected", "Ditolak", "#b3261e"),
                ("warnings", "Peringatan", "#a15c00"),
            ],
            "welfare": [
                ("new", "Keluarga diberi desil", "#1b6e34"),
                ("updated", "Desil diperbarui", "#1a56b8"),
                ("unchanged", "Tidak berubah", "#5f6368"),
                ("poor_families", "Keluarga miskin (desil 1–4)", "#6a3fb5"),
                ("not_in_register", "Tidak ada di register", "#a15c00"),
                ("rejected", "Ditolak", "#b3261e"),
                ("warnings", "Peringatan", "#a15c00"),
            ],
        }[self.kind]
        for column, (key, caption, colour) in enumerate(specs):
            tile = CountTile(_t(caption), colour)
            self.tiles[key] = tile
            tiles.addWidget(tile, 0, column)

        mask = mask_nik if self.masked else None
        self.rejected_model = values_model([_t("Baris"), _t("NIK"), _t("Alasan")], right=[0])
        self.warnings_model = values_model([_t("Baris"), _t("NIK"), _t("Peringatan")], right=[0])
        self.pending_model = pending_model(mask)
        self.pending_model.checked_changed.connect(self._pending_toggled)
        self.extra_models: dict[str, ListModel[Values]] = {}
        self.tabs = QTabWidget()
        id_width = self.fontMetrics().horizontalAdvance("0" * 16) + 24
        self.rejected_view = _table(self.rejected_model, {0: 60, 1: id_width})
        self.warnings_view = _table(self.warnings_model, {0: 60, 1: id_width})
        self.tabs.addTab(self.rejected_view, "")
        self.tabs.addTab(self.warnings_view, "")
        if self.kind == "residents":
            pending_page = QWidget()
            pending_layout = QVBoxLayout(pending_page)
            pending_layout.setContentsMargins(4, 4, 4, 4)
            pending_hint = hint_label(
                _t(
                    "Perubahan ini tidak dilakukan tanpa persetujuan Anda. Centang yang benar "
                    "(pindah KK, pindah dusun, status dasar); yang tidak dicentang dibiarkan "
                    "seperti di register dan dicatat di laporan."
                )
            )
            all_button = QPushButton(_t("Centang semua"))
            none_button = QPushButton(_t("Hapus centang"))
            all_button.clicked.connect(lambda: self.pending_model.set_all(True))
            none_button.clicked.connect(lambda: self.pending_model.set_all(False))
            for button in (all_button, none_button):
                button.setAutoDefault(False)
            bar = QHBoxLayout()
            bar.addWidget(pending_hint, 1)
            bar.addWidget(all_button)
            bar.addWidget(none_button)
            self.pending_view = _table(
                self.pending_model, {0: 70, 1: 56, 2: id_width, 3: 170, 4: 100, 5: 190}
            )
            pending_layout.addLayout(bar)
            pending_layout.addWidget(self.pending_view)
            self.tabs.addTab(pending_page, "")
            self.tabs.addTab(self._build_rows_tab(mask, id_width), "")
        else:
            self.extra_models["not_in_register"] = values_model(
                [_t("Baris"), _t("NIK / No KK"), _t("Keterangan")], right=[0]
            )
            self.tabs.addTab(_table(self.extra_models["not_in_register"], {0: 60, 1: id_width}), "")
            if self.kind == "bpjs":
                self.extra_models["missing_from_list"] = values_model(
                    [_t("NIK"), _t("Nama"), _t("Status di register")]
                )
                self.tabs.addTab(
                    _table(self.extra_models["missing_from_list"], {0: id_width, 1: 240}), ""
                )

        # The full text of the selected row: reasons are often longer than the column.
        self.detail_label = hint_label("")
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setMinimumHeight(self.fontMetrics().height() * 2 + 4)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        for view in self.tabs.findChildren(QTableView):
            if view is not getattr(self, "pending_view", None):
                view.selectionModel().currentRowChanged.connect(
                    lambda current, _previous, v=view: self._show_detail(v, current.row())
                )
        self.tabs.currentChanged.connect(lambda _i: self.detail_label.clear())

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.origin_box)
        layout.addWidget(self.message_label)
        layout.addLayout(tiles)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.detail_label)
        return page

    def _build_origin_box(self) -> None:
        """The yellow box of a file that seems to be another village's, with the tick the
        commit needs."""
        self.origin_box = QFrame()
        self.origin_box.setObjectName("originBox")
        self.origin_box.setStyleSheet(f"QFrame#originBox {{ {WARNING_STYLE} }}")
        self.origin_label = QLabel()
        self.origin_label.setWordWrap(True)
        self.origin_label.setStyleSheet("color: #4d3b00;")
        self.origin_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.origin_check = QCheckBox(_t("Saya yakin berkas ini dari desa ini"))
        self.origin_check.setStyleSheet("color: #4d3b00; font-weight: 600;")
        self.origin_check.toggled.connect(lambda _on: self._sync_commit())
        box = QVBoxLayout(self.origin_box)
        box.setContentsMargins(8, 6, 8, 6)
        icon = QLabel()
        icon.setPixmap(icons.icon("fa5s.exclamation-triangle", color="#a15c00").pixmap(18, 18))
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.origin_label, 1)
        box.addLayout(top)
        box.addWidget(self.origin_check)
        self.origin_box.hide()

    def _build_rows_tab(self, mask: Any, id_width: int) -> QWidget:
        """Every row with what the import does to it: the secretary sees who is written."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        self.rows_hint = hint_label("")
        self.rows_model = values_model(
            [
                _t("Baris"),
                _t("NIK"),
                _t("Nama"),
                _t("No KK"),
                _t("Dusun"),
                _t("RW/RT"),
                _t("Perubahan"),
                _t("Keterangan"),
            ],
            right=[0],
        )
        self.rows_view = _table(
            self.rows_model, {0: 50, 1: id_width, 2: 170, 3: id_width, 4: 120, 5: 110, 6: 90}
        )
        layout.addWidget(self.rows_hint)
        layout.addWidget(self.rows_view, 1)
        return page

    def _fill_rows(self, preview: ResidentPreview) -> None:
        mask = mask_nik if self.masked else (lambda text: text)
        changes = {
            "baru": _t("baru"),
            "diperbarui": _t("diperbarui"),
            "tidak berubah": _t("tidak berubah"),
            "ditolak": _t("ditolak"),
        }
        rows = preview.rows(imports.ROW_LIMIT)
        self.rows_model.set_rows(
            [
                (
                    r.row_number,
                    mask(r.nik) if len(r.nik) == 16 else r.nik,
                    r.name,
                    mask(r.no_kk) if len(r.no_kk) == 16 else r.no_kk,
                    r.dusun,
                    r.rt,
                    changes.get(r.change, r.change),
                    r.detail,
                )
                for r in rows
            ]
        )
        total = preview.total_rows
        if len(rows) < total:
            hint = _t("Menampilkan {shown} baris pertama dari {total}.").format(
                shown=_n(len(rows)), total=_n(total)
            )
        else:
            hint = _t("Semua {total} baris berkas dan apa yang akan terjadi pada tiap baris.")
            hint = hint.format(total=_n(total))
        self.rows_hint.setText(hint)
        self.tabs.setTabText(3, _t("Baris ({n})").format(n=_n(total)))
        origin = preview.origin
        wanted = preview.needs_origin_confirmation and origin is not None
        self.origin_label.setText("\n".join(origin.messages()) if origin and wanted else "")
        self.origin_box.setVisible(wanted)

    def _origin_ok(self) -> bool:
        preview = self.preview
        if not isinstance(preview, ResidentPreview) or not preview.needs_origin_confirmation:
            return True
        return self.origin_check.isChecked()

    def _sync_commit(self) -> None:
        self.commit_button.setEnabled(
            self.can_write
            and self.page() == PAGE_PREVIEW
            and not self._running
            and self._origin_ok()
        )

    def _show_detail(self, view: QTableView, row: int) -> None:
        model = view.model()
        values = model.row(row) if isinstance(model, ListModel) else None
        if values is None:
            self.detail_label.clear()
            return
        if len(values) == 3 and isinstance(values[0], int):
            self.detail_label.setText(
                _t("Baris {row} ({nik}): {text}").format(
                    row=values[0], nik=values[1], text=values[2]
                )
            )
        else:
            self.detail_label.setText(" · ".join(str(v) for v in values))

    def _build_done_page(self) -> QWidget:
        page = QWidget()
        icon = QLabel()
        icon.setPixmap(icons.icon("fa5s.check-circle", color="#1b6e34").pixmap(48, 48))
        self.done_title = QLabel(_t("Impor selesai"))
        self.done_title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_label.setStyleSheet("font-size: 13px;")
        head = QHBoxLayout()
        head.addWidget(icon)
        head.addWidget(self.done_title, 1)
        layout = QVBoxLayout(page)
        layout.addSpacing(20)
        layout.addLayout(head)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        return page

    # ------------------------------------------------------------ sources

    def _fill_sources(self) -> None:
        combo = self.source_combo
        combo.blockSignals(True)
        combo.clear()
        saved = [m.name for m in imports.list_mappings(self.db, self.kind)]
        if self.kind == "residents":
            combo.addItem(_t("Deteksi otomatis (OpenSID, SIAK atau pemetaan tersimpan)"), "auto")
            combo.addItem(_t("OpenSID"), "opensid")
            combo.addItem(_t("SIAK (Dukcapil)"), "siak")
        elif self.kind == "welfare":
            combo.addItem(_t("Judul kolom baku (NIK / No KK dan Desil)"), None)
        for name in saved:
            combo.addItem(_t("Pemetaan: {name}").format(name=name), f"mapping:{name}")
        combo.addItem(icons.icon("fa5s.plus"), _t("Buat pemetaan kolom baru…"), NEW_MAPPING)
        combo.blockSignals(False)
        self._source_changed()

    def select_source(self, data: str | None) -> None:
        index = self.source_combo.findData(data)
        if index >= 0:
            self.source_combo.setCurrentIndex(index)

    def _source_changed(self) -> None:
        data = self.source_combo.currentData()
        if data == NEW_MAPPING:
            text = _t("Langkah berikutnya: tunjukkan kolom mana berisi apa, lalu simpan.")
        elif self.kind == "bpjs" and self.source_combo.count() == 1:
            text = _t("Belum ada pemetaan tersimpan: buat satu untuk susunan daftar cabang Anda.")
        elif data == "auto":
            text = _t("Judul kolom OpenSID dan SIAK dikenali sendiri, juga pemetaan tersimpan.")
        else:
            text = ""
        self.source_hint.setText(text)
        self.source_hint.setVisible(bool(text))

    # ------------------------------------------------------------ navigation

    def page(self) -> int:
        return self.stack.currentIndex()

    def _show(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        steps = {
            PAGE_FILE: _t("Langkah 1: pilih berkas"),
            PAGE_MAPPING: _t("Langkah 2: pemetaan kolom"),
            PAGE_RUN: "",
            PAGE_PREVIEW: _t("Langkah 3: periksa pratinjau"),
            PAGE_DONE: _t("Selesai"),
        }
        self.heading.setText(_t(TITLES[self.kind]))
        self.step_label.setText(steps[page])
        running = page == PAGE_RUN
        self.back_button.setVisible(page in (PAGE_MAPPING, PAGE_PREVIEW))
        self.next_button.setVisible(page == PAGE_FILE)
        self.commit_button.setVisible(page == PAGE_PREVIEW)
        self._sync_commit()
        self.cancel_button.setVisible(running)
        self.close_button.setVisible(not running)
        self.close_button.setText(_t("&Tutup") if page == PAGE_DONE else _t("Batal"))
        has_rows = self.preview is not None and bool(self.preview.rejected or self.preview.warnings)
        self.save_rejected_button.setVisible(page in (PAGE_PREVIEW, PAGE_DONE) and has_rows)
        self.save_rejected_button.setEnabled(self.actor.can("personal.export"))
        if page == PAGE_FILE:
            self.next_button.setDefault(True)
            self.file_edit.setFocus()
        elif page == PAGE_PREVIEW:
            self.commit_button.setDefault(True)
        elif page == PAGE_DONE:
            self.close_button.setDefault(True)
            self.close_button.setFocus()

    def _browse(self) -> None:
        start = self.file_edit.text() or str(Path.home())
        path, _filter = QFileDialog.getOpenFileName(
            self, _t("Pilih berkas untuk diimpor"), start, _t(FILE_FILTER)
        )
        if path:
            self.file_edit.setText(path)

    def _file_path(self) -> Path | None:
        text = self.file_edit.text().strip()
        if not text:
            self._file_problem(_t("Pilih berkas yang akan diimpor."))
            return None
        path = Path(text)
        if not path.is_file():
            self._file_problem(_t("Berkas {path} tidak ditemukan.").format(path=text))
            return None
        return path

    def _file_problem(self, text: str, offer_mapping: bool = False) -> None:
        self.file_error.setText(text)
        self.file_error.show()
        self.map_instead_button.setVisible(offer_mapping)
        self.file_edit.setFocus()

    def _next(self) -> None:
        if self.page() != PAGE_FILE:
            return
        if self.source_combo.currentData() == NEW_MAPPING:
            self._open_mapping()
        else:
            self.start_preview()

    def _back(self) -> None:
        self._replan_timer.stop()
        self._show(PAGE_FILE)

    def _open_mapping(self) -> None:
        path = self._file_path()
        if path is None:
            return
        self.file_error.hide()
        self.map_instead_button.hide()
        self._show(PAGE_MAPPING)
        self.mapping_editor.load(path)

    def _mapping_saved(self, name: str) -> None:
        self._fill_sources()
        self.select_source(f"mapping:{name}")
        self.start_preview()

    # ------------------------------------------------------------ running

    def _show_running(self, what: str, text: str) -> None:
        self._running = what
        self.run_label.setText(text)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setValue(0)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(_t("&Batalkan proses"))
        self._show(PAGE_RUN)

    def _start(self, what: str, text: str, job: Any, on_done: Any) -> None:
        """A read (reading and checking the file) on the run page."""
        self._show_running(what, text)
        self._handle = self.tasks.run(
            job,
            self._alive(on_done),
            self._alive(self._task_failed),
            on_progress=self._alive(self._progress),
            serial=True,
        )

    def _alive(self, callback: Any) -> Any:
        """A task callback that does nothing once the dialog is closed (a cancelled
        job still reports back, after the window may be gone)."""

        def call(value: Any) -> None:
            if not self._closing and shiboken6.isValid(self):
                callback(value)

        return call

    def _progress(self, update: Progress) -> None:
        if update.total:
            self.progress_bar.setRange(0, update.total)
            self.progress_bar.setValue(min(update.done, update.total))
        if update.text:
            self.run_label.setText(update.text)

    def cancel_running(self) -> None:
        if self._handle is not None and not self._handle.finished:
            self._handle.cancel()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(_t("Membatalkan…"))
            self.run_label.setText(_t("Membatalkan… menunggu langkah yang sedang berjalan."))
            self._cancel_watch.start()

    def _watch_cancel(self) -> None:
        """A job cancelled before it started never reports back: end the wait here."""
        handle = self._handle
        if handle is None or not self._running:
            self._cancel_watch.stop()
        elif handle.finished:
            self._cancel_watch.stop()
            self._task_failed(ImportCancelled())

    def _task_failed(self, err: BaseException) -> None:
        what, self._running = self._running, ""
        self._handle = None
        cancelled = isinstance(err, (ImportCancelled, TaskCancelled))
        if not cancelled and not isinstance(err, PesiarError):
            log.error("import %s failed", what, exc_info=err)
        if what == "commit":
            self._show(PAGE_PREVIEW)
            text = (
                _t("Impor dibatalkan; database tidak berubah.")
                if cancelled
                else _t("Impor gagal, tidak ada yang disimpan: {error}").format(error=err)
            )
            self.message_label.setText(text)
            self.message_label.show()
            return
        if what == "replan":
            self._show(PAGE_PREVIEW)
            self.message_label.setText(str(err))
            self.message_label.show()
            return
        self._show(PAGE_FILE)
        if cancelled:
            self._file_problem(_t("Pratinjau dibatalkan; tidak ada data yang diubah."))
            return
        text = str(err) if isinstance(err, PesiarError) else f"{type(err).__name__}: {err}"
        offer = isinstance(err, ImportFileError) and any(
            word in text.lower() for word in ("pemetaan", "kolom")
        )
        self._file_problem(text, offer_mapping=offer)

    def start_preview(self) -> None:
        path = self._file_path()
        if path is None:
            return
        self.file_error.hide()
        self.map_instead_button.hide()
        source = self.source_combo.currentData()
        if source == NEW_MAPPING:
            self._open_mapping()
            return
        list_date = self.date_edit.value() if self.kind == "bpjs" else None
        if self.kind == "bpjs" and not source:
            self._file_problem(_t("Pilih atau buat pemetaan kolom untuk daftar BPJS."))
            return
        db, kind = self.db, self.kind

        def job(ctx: TaskContext) -> Preview:
            def progress(done: int, total: int) -> None:
                ctx.report(done, total, _t("Membaca dan memeriksa {n} baris…").format(n=_n(total)))

            cancel = lambda: ctx.cancelled  # noqa: E731
            if kind == "residents":
                return imports.preview_residents(
                    db, path, source, progress=progress, should_cancel=cancel
                )
            mapping = source.split(":", 1)[1] if source else None
            if kind == "bpjs":
                assert mapping is not None
                return imports.preview_bpjs(
                    db, path, mapping, list_date, progress=progress, should_cancel=cancel
                )
            return imports.preview_welfare(
                db, path, mapping, progress=progress, should_cancel=cancel
            )

        self.preview = None
        self.import_result = None
        self.message_label.hide()
        self._start(
            "preview",
            _t("Membaca {name} dan membandingkannya dengan register…").format(name=path.name),
            job,
            self._preview_ready,
        )

    def _preview_ready(self, preview: Preview) -> None:
        self._running = ""
        self._handle = None
        self.preview = preview
        self.origin_check.setChecked(False)  # each file is vouched for on its own
        self._fill_preview(keep_checked=set())
        self._show(PAGE_PREVIEW)

    def _fill_preview(self, keep_checked: set[str]) -> None:
        preview = self.preview
        assert preview is not None
        counts = preview.counts()
        for key, tile in self.tiles.items():
            tile.set_value(counts.get(key, 0))
        fmt = preview.file_format if isinstance(preview, ResidentPreview) else ""
        if fmt.startswith("mapping:"):
            fmt_text = _t("pemetaan {name}").format(name=fmt.split(":", 1)[1])
        elif fmt:
            fmt_text = FORMAT_LABELS.get(fmt, fmt)
        else:
            mapping_name = getattr(preview, "mapping_name", "")
            fmt_text = (
                _t("pemetaan {name}").format(name=mapping_name)
                if mapping_name
                else _t("judul kolom baku")
            )
        parts = [
            _t("<b>{name}</b> · {fmt} · {rows} baris data").format(
                name=preview.file_name, fmt=fmt_text, rows=_n(preview.total_rows)
            ),
            _t("SHA-256 {sha}…").format(sha=preview.sha256[:12]),
        ]
        if isinstance(preview, ResidentPreview):
            parts.insert(
                1,
                _t("lembar {sheet}, judul di baris {row}").format(
                    sheet=preview.sheet_name, row=preview.header_row
                ),
            )
        if isinstance(preview, BpjsPreview):
            parts.insert(
                1,
                _t("tanggal daftar {date}").format(date=formatting.long_date(preview.list_date)),
            )
        self.summary_label.setText(" · ".join(parts))
        notices = list(preview.notices)
        self.notice_label.setText("\n".join(notices))
        self.notice_label.setVisible(bool(notices))
        mask = mask_nik if self.masked else (lambda text: text)

        def notes(items: list[Any]) -> list[tuple[int, str, str]]:
            return [
                (n.row_number, mask(n.nik) if len(n.nik) == 16 else n.nik, n.message) for n in items
            ]

        self.rejected_model.set_rows(notes(preview.rejected))
        self.warnings_model.set_rows(notes(preview.warnings))
        self.tabs.setTabText(0, _t("Ditolak ({n})").format(n=_n(len(preview.rejected))))
        self.tabs.setTabText(1, _t("Peringatan ({n})").format(n=_n(len(preview.warnings))))
        if isinstance(preview, ResidentPreview):
            self.pending_model.set_rows_checked(preview.pending, keep_checked)
            self.tabs.setTabText(2, _t("Perlu konfirmasi ({n})").format(n=_n(len(preview.pending))))
            self._fill_rows(preview)
        else:
            self.extra_models["not_in_register"].set_rows(notes(preview.not_in_register))
            self.tabs.setTabText(
                2, _t("Tidak ada di register ({n})").format(n=_n(len(preview.not_in_register)))
            )
        if isinstance(preview, BpjsPreview):
            self.extra_models["missing_from_list"].set_rows(
                [(mask(nik), name, status) for nik, name, status in preview.missing_from_list]
            )
            self.tabs.setTabText(
                3, _t("Tidak ada di daftar ({n})").format(n=_n(len(preview.missing_from_list)))
            )
        # Open the tab that needs attention first.
        if isinstance(preview, ResidentPreview) and preview.needs_origin_confirmation:
            self.tabs.setCurrentIndex(3)  # whose rows these are comes before anything else
        elif preview.rejected:
            self.tabs.setCurrentIndex(0)
        elif isinstance(preview, ResidentPreview) and preview.pending:
            self.tabs.setCurrentIndex(2)
        elif preview.warnings:
            self.tabs.setCurrentIndex(1)

    # ------------------------------------------------------------ confirmations

    def _pending_toggled(self) -> None:
        if self.page() == PAGE_PREVIEW:
            self._replan_timer.start()

    def _replan(self) -> None:
        """Recounts with the ticked changes (quick: the file is already parsed)."""
        preview = self.preview
        if not isinstance(preview, ResidentPreview):
            return
        if self._running:
            self._replan_timer.start()  # try again when the current step is over
            return
        checked = self.pending_model.checked_keys()
        db = self.db
        self._running = "replan"
        self.commit_button.setEnabled(False)
        self.step_label.setText(_t("Menghitung ulang…"))

        def job(_ctx: TaskContext) -> ResidentPreview:
            return imports.replan_residents(db, preview, checked)

        def done(_result: ResidentPreview) -> None:
            self._running = ""
            self._handle = None
            self._fill_preview(keep_checked=checked)
            self.tabs.setCurrentIndex(2)
            self._show(PAGE_PREVIEW)

        self._handle = self.tasks.run(
            job, self._alive(done), self._alive(self._task_failed), serial=True
        )

    # ------------------------------------------------------------ report

    def _ask_save_rejected(self) -> None:
        if self.preview is None:
            return
        suggested = self.preview.path.with_name(f"{self.preview.path.stem}-ditolak.xlsx")
        path, _filter = get_save_file_name(
            self, _t("Simpan baris ditolak"), str(suggested), _t("Buku kerja Excel (*.xlsx)")
        )
        if path:
            self.save_rejected(
                Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
            )

    def save_rejected(self, path: Path) -> None:
        """Writes the rejected rows (with reasons) and the warnings in the background."""
        preview = self.preview
        if preview is None:
            return
        db, actor = self.db, self.actor
        pending = (
            [p for p in preview.pending if p.key not in self.pending_model.checked_keys()]
            if isinstance(preview, ResidentPreview)
            else []
        )
        self.save_rejected_button.setEnabled(False)

        def job(_ctx: TaskContext) -> Path:
            return imports.write_report(preview, path, pending, db=db, actor=actor)

        def done(written: Path) -> None:
            self.save_rejected_button.setEnabled(True)
            self.last_report = written
            self.message_label.setText(
                _t("Baris ditolak disimpan ke {path}. Perbaiki lalu impor berkas itu lagi.").format(
                    path=written
                )
            )
            self.message_label.show()
            if self.page() == PAGE_DONE:
                self.done_label.setText(
                    self.done_label.text() + "<br><br>" + self.message_label.text()
                )

        def failed(err: BaseException) -> None:
            self.save_rejected_button.setEnabled(True)
            self.message_label.setText(_t("Gagal menyimpan: {error}").format(error=err))
            self.message_label.show()

        self.tasks.run(job, self._alive(done), self._alive(failed))

    # ------------------------------------------------------------ commit

    def commit(self) -> None:
        preview = self.preview
        if preview is None or self._running or not self.can_write or not self._origin_ok():
            return
        self._replan_timer.stop()
        db, actor = self.db, self.actor
        confirmed = set(self.pending_model.checked_keys())
        if isinstance(preview, ResidentPreview) and preview.needs_origin_confirmation:
            confirmed.add(imports.ORIGIN_KEY)

        def job(ctx: TaskContext) -> ImportResult:
            def progress(done: int, total: int) -> None:
                ctx.report(done, total, _t("Menyimpan ke register…"))

            cancel = lambda: ctx.cancelled  # noqa: E731
            if isinstance(preview, ResidentPreview):
                return imports.commit_residents(
                    db, actor, preview, confirmed, progress=progress, should_cancel=cancel
                )
            if isinstance(preview, BpjsPreview):
                return imports.commit_bpjs(
                    db, actor, preview, progress=progress, should_cancel=cancel
                )
            return imports.commit_welfare(
                db, actor, preview, progress=progress, should_cancel=cancel
            )

        self.message_label.hide()
        self._show_running("commit", _t("Menyimpan {name}…").format(name=preview.file_name))
        # The run page has its own progress bar and cancel button; closing the dialog
        # cancels the import too (the service then writes nothing), so it is not locked.
        self._handle = run_write(
            self,
            self.tasks,
            job,
            on_success=self._alive(self._committed),
            on_error=self._alive(self._task_failed),
            on_progress=self._alive(self._progress),
            lock_dialog=False,
        )

    def _committed(self, result: ImportResult) -> None:
        self._running = ""
        self._handle = None
        self.import_result = result
        counts = result.counts
        lines = [
            _t("Berkas <b>{name}</b> tercatat sebagai impor #{batch}.").format(
                name=self.preview.file_name if self.preview else "", batch=result.batch_id
            )
        ]
        if self.kind == "residents":
            lines.append(
                _t(
                    "{new} penduduk baru, {updated} diperbarui, {unchanged} tidak berubah, "
                    "{rejected} baris ditolak, {warnings} peringatan."
                ).format(
                    **{
                        k: _n(counts.get(k, 0))
                        for k in ("new", "updated", "unchanged", "rejected", "warnings")
                    }
                )
            )
            if counts.get("confirmed"):
                lines.append(
                    _t("{n} perubahan yang Anda konfirmasi diterapkan.").format(
                        n=_n(counts["confirmed"])
                    )
                )
            if result.pending_left:
                lines.append(
                    _t(
                        "{n} perubahan tidak dikonfirmasi dan dibiarkan seperti di register."
                    ).format(n=_n(len(result.pending_left)))
                )
        elif self.kind == "bpjs":
            lines.append(
                _t(
                    "{matched} peserta cocok dengan register ({new} baru, {updated} diperbarui, "
                    "{unchanged} tidak berubah); {not_in_register} ada di daftar tetapi tidak di "
                    "register; {missing_from_list} peserta di register tidak ada di daftar; "
                    "{rejected} baris ditolak."
                ).format(
                    **{
                        k: _n(counts.get(k, 0))
                        for k in (
                            "matched",
                            "new",
                            "updated",
                            "unchanged",
                            "not_in_register",
                            "missing_from_list",
                            "rejected",
                        )
                    }
                )
            )
        else:
            lines.append(
                _t(
                    "{new} keluarga diberi desil, {updated} diperbarui, {unchanged} tidak "
                    "berubah; {poor} keluarga miskin (desil 1–4); {not_in_register} tidak ada di "
                    "register; {rejected} baris ditolak."
                ).format(
                    new=_n(counts.get("new", 0)),
                    updated=_n(counts.get("updated", 0)),
                    unchanged=_n(counts.get("unchanged", 0)),
                    poor=_n(counts.get("poor_families", 0)),
                    not_in_register=_n(counts.get("not_in_register", 0)),
                    rejected=_n(counts.get("rejected", 0)),
                )
            )
        if counts.get("rejected"):
            lines.append(
                _t(
                    "Simpan baris yang ditolak ke .xlsx, perbaiki, lalu impor lagi: baris yang "
                    "sudah masuk tidak akan terhitung dua kali."
                )
            )
        lines.append(_t("Halaman Penduduk dan Petakan sudah diperbarui."))
        self.done_label.setText("<br><br>".join(lines))
        self._show(PAGE_DONE)

    # ------------------------------------------------------------ closing

    def reject(self) -> None:
        self._closing = True
        self.mapping_editor.close_down()
        if self._handle is not None and not self._handle.finished:
            self._handle.cancel()
        self._replan_timer.stop()
        super().reject()

    def done(self, result: int) -> None:
        super().done(result)
        imports.release_frozen()  # the previews' rows may be collected as usual again


def warning_label_with(text: str) -> QLabel:
    label = warning_label()
    label.setText(text)
    label.show()
    return label
