"""Petakan: who the village must reach, where they live, and the files that feed it.

Three tabs: the target list (not registered, in arrears, removed from PBI, laid
off, other inactive, formal workers not registered by their employer) with a
priority each, filters and an .xlsx export; the per-area summary (targets,
coverage, activity per dusun and RT); and the import history. The three import
buttons open `ImportDialog`. The register is scanned in the background once per
change ('data changed' notice); filters then work on the rows in memory.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.reportdata.targets import PRIORITY_REASONS, AreaSummary
from pesiar_desktop.rules import codes
from pesiar_desktop.services import imports, targets, village
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.events import Topic
from pesiar_desktop.services.imports import BatchRow
from pesiar_desktop.services.targets import TargetFilter, TargetRow
from pesiar_desktop.ui import formatting, icons
from pesiar_desktop.ui.bus import DataBus
from pesiar_desktop.ui.dialogs.import_wizard import ImportDialog
from pesiar_desktop.ui.i18n import code_label, label_of
from pesiar_desktop.ui.pages.base import ServicePage
from pesiar_desktop.ui.save_dialog import get_save_file_name
from pesiar_desktop.ui.tablemodels.import_rows import values_model
from pesiar_desktop.ui.tablemodels.targets import COLUMN_KEYS, TargetTableModel
from pesiar_desktop.ui.tasks import TaskContext, TaskManager
from pesiar_desktop.ui.widgets.forms import code_items, fill_combo, show_error
from pesiar_desktop.ui.widgets.tables import (
    CELL_PADDING,
    EmptyNotice,
    LoadingNotice,
    list_table,
    search_box,
)
from pesiar_desktop.ui.write_op import run_write

REFRESH_TOPICS = {Topic.RESIDENTS, Topic.AREAS, Topic.MEMBERSHIPS}
UHC_COVERAGE_PCT = 98.0
COLUMN_WIDTHS = {
    "priority": 62,
    "category": 132,
    "name": 150,
    "dusun": 100,
    "rt": 58,
    "status": 142,
    "decile": 44,
    "flags": 140,
}
# The Dusun column grows to the longest dusun name of the village ("Dusun Bojon…" told no
# dusun apart), up to this width, so that the name and status stay in view at 1366 px.
DUSUN_WIDEST = 260
SUMMARY_HEADERS = (
    "Wilayah",
    "Penduduk hidup",
    "Terdaftar JKN",
    "Aktif",
    "Sasaran",
    "Prioritas",
    "Cakupan",
    "Keaktifan",
)
HISTORY_HEADERS = (
    "Waktu",
    "Jenis",
    "Berkas",
    "SHA-256",
    "Oleh",
    "Baris",
    "Baru",
    "Diperbarui",
    "Tetap",
    "Ditolak",
    "Peringatan",
)
IMPORT_BUTTONS = (
    ("residents", "Impor data penduduk", "fa5s.users"),
    ("bpjs", "Impor daftar BPJS", "fa5s.id-card"),
    ("welfare", "Impor data kesejahteraan", "fa5s.hand-holding-heart"),
)


def _local_time(value: datetime) -> str:
    """Batches are stored in UTC: shown in the PC's time zone."""
    local = value.replace(tzinfo=UTC).astimezone() if value.tzinfo is None else value.astimezone()
    return local.strftime("%d-%m-%Y %H:%M")


def history_rows(batches: list[BatchRow]) -> list[tuple[Any, ...]]:
    n = formatting.number
    return [
        (
            _local_time(b.at),
            code_label(codes.IMPORT_KINDS.get(b.kind, b.kind)),
            b.file_name,
            b.sha256[:12],
            b.actor,
            n(b.total_rows),
            n(b.new),
            n(b.updated),
            n(b.unchanged),
            n(b.rejected),
            n(b.warnings),
        )
        for b in batches
    ]


class PetakanPage(ServicePage):
    """Public names used by tests: `model`, `table`, `search_edit`, `category_combo`,
    `dusun_combo`, `rt_combo`, `priority_combo`, `summary_tree`, `history_model`,
    `import_buttons`, `export_button`, `count_label`, `tabs`, `areas`, `activate()`,
    `open_import(kind)`, `export_to(path)`, `active_dialog`, `loaded_once`."""

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        bus: DataBus,
        actor: Actor,
        parent: QWidget | None = None,
    ):
        super().__init__(db, tasks, actor, parent)
        self.can_import = actor.can("residents.write")
        self.can_export = actor.can("personal.export")
        self.areas: list[AreaSummary] = []
        self.batches: list[BatchRow] = []
        self.loaded_once = False
        self.loading = False
        self.exporting = False
        self.last_export: Path | None = None
        self._dirty = True
        self._key = f"petakan.scan.{id(self)}"
        self.model = TargetTableModel(mask_ids=self.masked, parent=self)
        self._build()
        self._reload_area_filters()
        bus.changed.connect(self._on_data_changed)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        title = QLabel(self.tr("Petakan"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        subtitle = QLabel(self.tr("peta sasaran JKN per dusun dan RT"))
        subtitle.setStyleSheet("color: #5f6368;")
        # What the page is for (its accessible description; the window tests read it).
        self.text = self.tr(
            "Impor data penduduk dari OpenSID atau SIAK (atau berkas lain lewat pemetaan "
            "kolom), daftar peserta dari BPJS Kesehatan cabang dan data kesejahteraan "
            "DTKS/DTSEN; hasilnya daftar sasaran JKN per dusun dan RT dengan prioritasnya."
        )
        self.setAccessibleDescription(self.text)
        subtitle.setToolTip(self.text)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(6)
        top.addWidget(subtitle)
        top.addStretch(1)
        self.import_buttons: dict[str, QPushButton] = {}
        for kind, label, icon in IMPORT_BUTTONS:
            button = QPushButton(icons.icon(icon), self.tr(label) + "…")
            button.setEnabled(self.can_import)
            button.setToolTip(
                self.tr("Baca berkas, periksa pratinjau, lalu simpan ke register")
                if self.can_import
                else self.tr("Peran Anda hanya dapat melihat data: impor tidak tersedia.")
            )
            button.clicked.connect(lambda _checked=False, k=kind: self.open_import(k))
            top.addWidget(button)
            self.import_buttons[kind] = button

        self.tabs = QTabWidget()
        self.tabs.addTab(
            self._build_list_tab(), icons.icon("fa5s.list"), self.tr("&Daftar sasaran")
        )
        self.tabs.addTab(
            self._build_summary_tab(), icons.icon("fa5s.th-list"), self.tr("&Ringkasan wilayah")
        )
        self.tabs.addTab(
            self._build_history_tab(), icons.icon("fa5s.history"), self.tr("Riwayat im&por")
        )
        self.tabs.currentChanged.connect(lambda _i: self._update_count())

        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color: #1b6e34;")
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.status_label)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        QShortcut(QKeySequence("Ctrl+E"), self, self.ask_export)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.reload)
        self._update_count()

    def _build_list_tab(self) -> QWidget:
        page = QWidget()
        self.search_edit, self._search_timer = search_box(
            self, self.tr("Cari nama, NIK atau No KK…"), 200, self.apply_filter
        )
        self.search_edit.returnPressed.connect(self.apply_filter)

        self.category_combo = QComboBox()
        self.dusun_combo = QComboBox()
        self.rt_combo = QComboBox()
        self.priority_combo = QComboBox()
        fill_combo(
            self.category_combo,
            code_items(codes.TARGET_CATEGORIES),
            self.tr("Semua kategori"),
        )
        priority_items: list[tuple[str, Any]] = [
            (self.tr("Prioritas 1 (kelompok prioritas)"), "priority:1"),
            (self.tr("Prioritas 2"), "priority:2"),
        ]
        priority_items += [
            (self.tr("Prioritas: {label}").format(label=code_label(label)), f"reason:{key}")
            for key, label in PRIORITY_REASONS.items()
        ]
        fill_combo(self.priority_combo, priority_items, self.tr("Semua prioritas"))
        for combo, length, tip in (
            (self.category_combo, 12, self.tr("Saring menurut kategori sasaran")),
            (self.dusun_combo, 9, self.tr("Saring menurut dusun")),
            (self.rt_combo, 7, self.tr("Saring menurut RT (pilih dusun dulu)")),
            (self.priority_combo, 10, self.tr("Saring menurut prioritas atau kelompoknya")),
        ):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(length)
            combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
            combo.setToolTip(tip)
        self.dusun_combo.currentIndexChanged.connect(self._dusun_changed)
        for combo in (self.category_combo, self.rt_combo, self.priority_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.reset_button = QToolButton()
        self.reset_button.setIcon(icons.icon("fa5s.times"))
        self.reset_button.setToolTip(self.tr("Hapus semua filter dan pencarian"))
        self.reset_button.clicked.connect(self.reset_filters)
        self.export_button = QPushButton(icons.icon("fa5s.file-excel"), self.tr("&Ekspor .xlsx…"))
        self.export_button.setEnabled(self.can_export)
        self.export_button.setToolTip(
            self.tr("Simpan daftar yang tersaring dan ringkasan wilayah ke Excel (Ctrl+E)")
            if self.can_export
            else self.tr("Peran Anda tidak berhak mengekspor data pribadi.")
        )
        self.export_button.clicked.connect(self.ask_export)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 2)
        for combo in (self.category_combo, self.dusun_combo, self.rt_combo, self.priority_combo):
            filters.addWidget(combo)
        filters.addWidget(self.reset_button)
        filters.addStretch(0)
        filters.addWidget(self.export_button)

        self.category_label = QLabel()
        self.category_label.setStyleSheet("color: #3c4043;")
        self.category_label.setWordWrap(True)

        self.table = list_table(self.model)
        self.table_loading = LoadingNotice(self.table)
        header = self.table.horizontalHeader()
        number_width = self.table.fontMetrics().horizontalAdvance("0" * 16) + CELL_PADDING
        for column, key in enumerate(COLUMN_KEYS):
            width = number_width if key in ("nik", "no_kk") else COLUMN_WIDTHS.get(key, 100)
            self.table.setColumnWidth(column, width)
        header.setToolTip(self.tr("Klik judul kolom untuk mengurutkan"))
        # Priority first, then dusun, RW, RT and family: the order an agent works in.
        header.setSortIndicator(COLUMN_KEYS.index("priority"), Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        header.setSortIndicatorShown(True)

        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #5f6368; padding: 24px;")
        self.empty_label.hide()

        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addWidget(self.category_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        return page

    def _build_summary_tab(self) -> QWidget:
        page = QWidget()
        self.summary_tree = QTreeWidget()
        self.summary_tree.setColumnCount(len(SUMMARY_HEADERS))
        self.summary_tree.setHeaderLabels([self.tr(h) for h in SUMMARY_HEADERS])
        self.summary_tree.setAlternatingRowColors(True)
        self.summary_tree.setUniformRowHeights(True)
        self.summary_tree.setRootIsDecorated(True)
        self.summary_tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.summary_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(SUMMARY_HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.summary_tree.setColumnWidth(column, 118)
            self.summary_tree.headerItem().setTextAlignment(
                column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        self.summary_tree.itemActivated.connect(self._area_activated)
        note = QLabel(
            self.tr(
                "Cakupan = penduduk hidup yang terdaftar JKN ÷ penduduk hidup (target UHC "
                "≥ 98 %). Keaktifan = peserta aktif ÷ peserta terdaftar. Angka merah: cakupan "
                "di bawah 98 %. Tekan Enter atau klik dua kali sebuah wilayah untuk melihat "
                "daftar sasarannya."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary_tree, 1)
        layout.addWidget(note)
        return page

    def _build_history_tab(self) -> QWidget:
        page = QWidget()
        self.history_model = values_model(
            [self.tr(h) for h in HISTORY_HEADERS], right=range(5, 11), parent=self
        )
        self.history_view = QTableView()
        self.history_view.setModel(self.history_model)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.setAlternatingRowColors(True)
        self.history_view.setWordWrap(False)
        self.history_view.verticalHeader().hide()
        self.history_view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((118, 150, 230, 100, 90, 62, 62, 78, 62, 62, 70)):
            self.history_view.setColumnWidth(column, width)
        self.history_empty = EmptyNotice(
            self.history_view,
            self.tr(
                "Belum ada impor. Data penduduk, daftar BPJS dan data kesejahteraan diimpor "
                "dengan tombol di kanan atas."
            ),
        )
        note = QLabel(
            self.tr(
                "Setiap impor tercatat dengan sidik berkas (SHA-256): berkas yang sama yang "
                "diimpor lagi dikenali dan tidak mengubah apa pun."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.history_view, 1)
        layout.addWidget(note)
        return page

    # ------------------------------------------------------------ loading

    def activate(self) -> None:
        """Called when the page is shown: the first scan, or one after a change."""
        if self._dirty or not self.loaded_once:
            self.reload()

    def reload(self) -> None:
        self._dirty = False
        self.loading = True
        self._update_count()
        self.table_loading.start()
        db = self.db

        def job(_ctx: TaskContext) -> tuple[list[TargetRow], list[AreaSummary], list[BatchRow]]:
            found, areas = targets.scan_targets(db)
            return found, areas, imports.list_batches(db)

        self.tasks.run(job, self._loaded, self._failed, key=self._key)

    def _loaded(self, result: tuple[list[TargetRow], list[AreaSummary], list[BatchRow]]) -> None:
        found, areas, batches = result
        self.loading = False
        self.table_loading.stop()
        self.loaded_once = True
        self.areas = areas
        self.batches = batches
        selected = self._selected_resident()
        self.model.set_targets(found)
        self._fill_summary()
        self.history_model.set_rows(history_rows(batches))
        self.history_empty.show_when(not batches)
        self.tabs.setTabText(
            2, self.tr("Riwayat im&por ({n})").format(n=formatting.number(len(batches)))
        )
        self._after_filter(selected)

    def _failed(self, err: BaseException) -> None:
        self.loading = False
        self.table_loading.stop()
        self.count_label.setText(self.tr("Gagal memuat sasaran: {error}").format(error=err))

    def _on_data_changed(self, topic: Topic) -> None:
        if topic == Topic.AREAS:
            self._reload_area_filters()
        if topic not in REFRESH_TOPICS:
            return
        self._dirty = True
        if self.isVisible():
            self.reload()

    # ------------------------------------------------------------ filters

    def _focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def current_filter(self) -> TargetFilter:
        kind, _sep, value = (self.priority_combo.currentData() or "").partition(":")
        priority = int(value) if kind == "priority" else None
        reason = value if kind == "reason" else None
        return TargetFilter(
            category=self.category_combo.currentData(),
            dusun_id=self.dusun_combo.currentData(),
            rt_id=self.rt_combo.currentData(),
            priority=priority,
            reason=reason,
            search=self.search_edit.text(),
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        selected = self._selected_resident()
        self.model.set_filter(self.current_filter())
        self._after_filter(selected)

    def _after_filter(self, selected: int | None) -> None:
        counts = self.model.counts()
        shown = self.model.rows()
        by_category = targets.counts_by_category(shown)
        self.category_label.setText(
            " · ".join(
                f"{code_label(label)}: <b>{formatting.number(by_category[key])}</b>"
                for key, label in codes.TARGET_CATEGORIES.items()
                if by_category[key]
            )
        )
        self.category_label.setVisible(bool(counts["shown"]))
        if counts["shown"] == 0 and self.loaded_once:
            self.empty_label.setText(
                self.tr(
                    "Tidak ada sasaran: semua penduduk hidup sudah menjadi peserta JKN aktif, "
                    "atau register masih kosong (impor data penduduk dulu)."
                )
                if counts["total"] == 0
                else self.tr("Tidak ada sasaran yang cocok dengan pencarian atau filter ini.")
            )
        self.empty_label.setVisible(counts["shown"] == 0 and self.loaded_once)
        if selected is not None:
            row = self.model.row_of(selected)
            if row is not None:
                self.table.selectRow(row)
        self._update_count()

    def _selected_resident(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        target = self.model.target(index.row())
        return target.resident_id if target else None

    def reset_filters(self) -> None:
        widgets = (
            self.search_edit,
            self.category_combo,
            self.dusun_combo,
            self.rt_combo,
            self.priority_combo,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.search_edit.clear()
        for combo in widgets[1:]:
            combo.setCurrentIndex(0)
        for widget in widgets:
            widget.blockSignals(False)
        self._reload_rt()
        self.apply_filter()

    def _dusun_changed(self) -> None:
        self._reload_rt()
        self.apply_filter()

    def _reload_area_filters(self) -> None:
        dusun = village.list_dusun(self.db)
        fill_combo(
            self.dusun_combo,
            [(formatting.area(name), i) for i, name in dusun],
            self.tr("Semua dusun"),
        )
        self._area_rows = village.list_areas(self.db)
        self._reload_rt()
        metrics = self.table.fontMetrics()
        longest = max((metrics.horizontalAdvance(name) for _i, name in dusun), default=0)
        self.table.setColumnWidth(
            COLUMN_KEYS.index("dusun"),
            max(COLUMN_WIDTHS["dusun"], min(longest + CELL_PADDING, DUSUN_WIDEST)),
        )

    def _reload_rt(self) -> None:
        dusun_id = self.dusun_combo.currentData()
        items = [
            (f"RW {a.rw} / RT {a.rt}" if a.rw and a.rw != "-" else f"RT {a.rt}", a.rt_id)
            for a in self._area_rows
            if a.dusun_id == dusun_id
        ]
        fill_combo(self.rt_combo, items, self.tr("Semua RT"))
        self.rt_combo.setEnabled(dusun_id is not None)

    def show_area(self, dusun_id: int, rt_id: int | None) -> None:
        """The target list of one dusun (or one RT in it)."""
        self.dusun_combo.blockSignals(True)
        self.dusun_combo.setCurrentIndex(max(self.dusun_combo.findData(dusun_id), 0))
        self.dusun_combo.blockSignals(False)
        self._reload_rt()
        self.rt_combo.blockSignals(True)
        self.rt_combo.setCurrentIndex(max(self.rt_combo.findData(rt_id), 0))
        self.rt_combo.blockSignals(False)
        self.apply_filter()
        self.tabs.setCurrentIndex(0)
        self.table.setFocus()

    # ------------------------------------------------------------ summary

    def _fill_summary(self) -> None:
        tree = self.summary_tree
        tops = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        expanded = {
            item.data(0, Qt.ItemDataRole.UserRole)[0]
            for item in tops
            if item is not None and item.isExpanded()
        }
        first_fill = tree.topLevelItemCount() == 0
        tree.clear()
        bold = QFont()
        bold.setBold(True)
        n = formatting.number
        totals = AreaSummary(0, self.tr("Seluruh desa"), None, "", "")
        parent: QTreeWidgetItem | None = None
        for area in self.areas:
            if area.rt_id is None:
                label = formatting.area(area.dusun)
                totals.residents += area.residents
                totals.registered += area.registered
                totals.active += area.active
                totals.targets += area.targets
                totals.priority_targets += area.priority_targets
            else:
                label = (
                    f"RW {area.rw} / RT {area.rt}" if area.rw not in ("", "-") else f"RT {area.rt}"
                )
            item = QTreeWidgetItem(self._summary_texts(label, area, n))
            item.setData(0, Qt.ItemDataRole.UserRole, (area.dusun_id, area.rt_id))
            self._style_summary(item, area)
            if area.rt_id is None:
                for column in range(len(SUMMARY_HEADERS)):
                    item.setFont(column, bold)
                tree.addTopLevelItem(item)
                parent = item
                item.setExpanded(first_fill or area.dusun_id in expanded)
            elif parent is not None:
                parent.addChild(item)
        if self.areas:
            total_item = QTreeWidgetItem(self._summary_texts(totals.dusun, totals, n))
            total_item.setData(0, Qt.ItemDataRole.UserRole, (None, None))
            self._style_summary(total_item, totals)
            for column in range(len(SUMMARY_HEADERS)):
                total_item.setFont(column, bold)
                total_item.setBackground(column, QBrush(QColor("#e8eef5")))
            tree.addTopLevelItem(total_item)

    @staticmethod
    def _summary_texts(label: str, area: AreaSummary, n: Any) -> list[str]:
        return [
            label,
            n(area.residents),
            n(area.registered),
            n(area.active),
            n(area.targets),
            n(area.priority_targets),
            formatting.percent(area.coverage_pct),
            formatting.percent(area.active_pct),
        ]

    @staticmethod
    def _style_summary(item: QTreeWidgetItem, area: AreaSummary) -> None:
        for column in range(1, len(SUMMARY_HEADERS)):
            item.setTextAlignment(
                column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        if area.residents and area.coverage_pct < UHC_COVERAGE_PCT:
            item.setForeground(6, QBrush(QColor("#b3261e")))
        item.setToolTip(
            4,
            ", ".join(
                f"{label_of(codes.TARGET_CATEGORIES, k)}: {v}"
                for k, v in sorted(area.by_category.items())
            ),
        )

    def _area_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        dusun_id, rt_id = item.data(0, Qt.ItemDataRole.UserRole)
        if dusun_id is None:
            self.reset_filters()
            self.tabs.setCurrentIndex(0)
            return
        self.show_area(dusun_id, rt_id)

    # ------------------------------------------------------------ status line

    def _update_count(self) -> None:
        if not self.loaded_once:
            self.count_label.setText(self.tr("Memuat sasaran…"))
            return
        counts = self.model.counts()
        n = formatting.number
        text = self.tr(
            "{shown} sasaran ditampilkan dari {total} · {priority} prioritas · {families} KK"
        ).format(
            shown=n(counts["shown"]),
            total=n(counts["total"]),
            priority=n(counts["priority"]),
            families=n(counts["families"]),
        )
        village_total = next((a for a in self.areas if a.rt_id is None), None)
        if village_total is not None:
            residents = sum(a.residents for a in self.areas if a.rt_id is None)
            registered = sum(a.registered for a in self.areas if a.rt_id is None)
            active = sum(a.active for a in self.areas if a.rt_id is None)
            if residents:
                text += self.tr(" · cakupan desa {cov}, keaktifan {act}").format(
                    cov=formatting.percent(100.0 * registered / residents),
                    act=formatting.percent(100.0 * active / registered if registered else 0.0),
                )
        if self.loading:
            text += " · " + self.tr("memperbarui…")
        self.count_label.setText(text)

    # ------------------------------------------------------------ import

    def open_import(self, kind: str, path: Path | str | None = None) -> ImportDialog | None:
        if not self.can_import:
            return None
        dialog = ImportDialog(self.db, self.tasks, self.actor, kind, self, path)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.active_dialog = dialog

        def finished(_result: int) -> None:
            if self.active_dialog is dialog:
                self.active_dialog = None
            if dialog.import_result is not None:
                self.status_label.setText(
                    self.tr("Impor #{batch} selesai.").format(batch=dialog.import_result.batch_id)
                )
                self.tabs.setCurrentIndex(2)

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    # ------------------------------------------------------------ export

    def ask_export(self) -> None:
        if not self.can_export or self.exporting:
            return
        suggested = Path.home() / f"sasaran-petakan-{clock.now():%Y%m%d}.xlsx"
        path, _filter = get_save_file_name(
            self,
            self.tr("Ekspor daftar sasaran"),
            str(suggested),
            self.tr("Buku kerja Excel (*.xlsx)"),
        )
        if path:
            self.export_to(Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"))

    def export_to(self, path: Path) -> None:
        """Writes the filtered list (and the area summary) in the background; audited."""
        if not self.can_export or self.exporting:
            return
        self.exporting = True
        self.export_button.setEnabled(False)
        self.status_label.setText(self.tr("Mengekspor…"))
        db, actor, filt = self.db, self.actor, self.model.current_filter_for_export()

        def job(_ctx: TaskContext) -> Path:
            return targets.export_targets_xlsx(db, actor, path, filt)

        def done(written: Path) -> None:
            self.exporting = False
            self.export_button.setEnabled(True)
            self.last_export = written
            self.status_label.setText(self.tr("Tersimpan: {path}").format(path=written))

        def failed(err: BaseException) -> None:
            self.exporting = False
            self.export_button.setEnabled(True)
            self.status_label.setText("")
            show_error(self, err, self.tr("Ekspor gagal"))

        run_write(self, self.tasks, job, on_success=done, on_error=failed)
