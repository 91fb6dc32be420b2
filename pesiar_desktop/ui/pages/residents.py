"""Penduduk: the resident register.

A lazy table over the whole register (search-as-you-type on name / NIK / No KK,
filters by area, JKN status, segment, priority flags and life status, sorting by
column, all in SQL) and the selected person's Kartu Keluarga beside it with the
family actions. The page refreshes itself on 'data changed' notices and keeps
the filter, the sort and the selected person.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QSettings,
    Qt,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from pesiar_desktop.db import Database
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import population as pc
from pesiar_desktop.services import register, village
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.events import Topic
from pesiar_desktop.services.register import FamilyView, RegisterFilter
from pesiar_desktop.ui import formatting, icons
from pesiar_desktop.ui.bus import DataBus
from pesiar_desktop.ui.dialogs.family_actions import (
    KIND_DEAD,
    KIND_MOVED,
    ChangeHeadDialog,
    LifeEventDialog,
    MoveDialog,
)
from pesiar_desktop.ui.dialogs.nik_fix import NikFixDialog
from pesiar_desktop.ui.dialogs.population_events import PopulationEventsDialog
from pesiar_desktop.ui.dialogs.resident_dialog import ResidentDialog
from pesiar_desktop.ui.i18n import code_label
from pesiar_desktop.ui.pages.base import ServicePage
from pesiar_desktop.ui.tablemodels.residents import COLUMN_KEYS, ResidentTableModel
from pesiar_desktop.ui.tasks import TaskManager
from pesiar_desktop.ui.widgets.family_panel import FamilyPanel
from pesiar_desktop.ui.widgets.forms import code_items, fill_combo, show_error
from pesiar_desktop.ui.widgets.tables import CELL_PADDING, LoadingNotice, list_table, search_box

REFRESH_TOPICS = {Topic.RESIDENTS, Topic.AREAS, Topic.MEMBERSHIPS}
ALL_LIFE = -1
COLUMN_WIDTHS = {
    "nik": 128,
    "name": 180,
    "sex": 32,
    "birth_date": 86,
    "age": 48,
    "no_kk": 132,
    "shdk": 112,
    "dusun": 110,
    "rt": 62,
    "jkn_status": 150,
    "segment": 140,
    "life_status": 70,
}
# Shown from the header's right-click menu; the KK panel already shows the No KK,
# and the life-status column appears by itself when that filter is not 'Hidup'.
HIDDEN_BY_DEFAULT = {"birth_date", "no_kk", "life_status"}


class ResidentsPage(ServicePage):
    """Public names used by tests and benchmarks: `search_edit`, `model`, `table`,
    `family_panel`, `activate()`, `active_dialog`."""

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        bus: DataBus,
        actor: Actor,
        parent: QWidget | None = None,
    ):
        super().__init__(db, tasks, actor, parent)
        self.can_write = actor.can("residents.write")
        self._selected_id: int | None = None
        self.kk_match = False  # the search matched a No KK (see _no_kk_match)
        self._dirty = False
        self._family_key = f"residents.family.{id(self)}"

        self.model = ResidentTableModel(db, tasks, mask_ids=self.masked, parent=self)
        self._build()
        self._reload_areas()
        self.model.loaded.connect(self._on_loaded)
        self.model.failed.connect(self._on_failed)
        self.model.loading_changed.connect(lambda _busy: self._update_count())
        bus.changed.connect(self._on_data_changed)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        title = QLabel(self.tr("Penduduk"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.search_edit, self._search_timer = search_box(
            self, self.tr("Cari nama, NIK atau No KK…"), 260, self.apply_filter
        )
        self.search_edit.returnPressed.connect(self._search_now)
        self.search_edit.installEventFilter(self)

        self.add_family_button = QPushButton(icons.icon("fa5s.plus"), self.tr("Tambah KK baru"))
        self.add_family_button.setToolTip(
            self.tr("Kartu Keluarga baru dengan kepala keluarganya (Ctrl+N)")
        )
        self.add_family_button.clicked.connect(self.add_family)
        self.arrival_family_button = QPushButton(
            icons.icon("fa5s.sign-in-alt"), self.tr("Pendatang")
        )
        self.arrival_family_button.setToolTip(
            self.tr("Keluarga yang pindah datang dari luar desa: KK baru dengan kepalanya")
        )
        self.arrival_family_button.clicked.connect(self.add_arrival_family)
        self.events_button = QPushButton(icons.icon("fa5s.calendar-alt"), self.tr("Peristiwa"))
        self.events_button.setToolTip(
            self.tr("Kelahiran, kematian, pindah datang dan pindah keluar per bulan")
        )
        self.events_button.clicked.connect(self.show_events)
        self.nik_fix_button = QPushButton(icons.icon("fa5s.id-card"), self.tr("Perbaiki NIK"))
        self.nik_fix_button.setToolTip(
            self.tr(
                "Penduduk dengan NIK kosong atau tidak sah: tidak ikut daftar ke BPJS atau "
                "Dinas Sosial sampai NIK-nya diperbaiki"
            )
        )
        self.nik_fix_button.clicked.connect(self.show_nik_fix)
        self.edit_button = QPushButton(icons.icon("fa5s.pen"), self.tr("Ubah"))
        self.edit_button.setToolTip(self.tr("Ubah data penduduk terpilih (Enter)"))
        self.edit_button.clicked.connect(self.edit_selected)
        for button in (self.add_family_button, self.arrival_family_button, self.edit_button):
            button.setEnabled(self.can_write)
            if not self.can_write:
                button.setToolTip(self.tr("Peran Anda hanya dapat melihat data."))
        self.edit_button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.add_family_button)
        top.addWidget(self.arrival_family_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.events_button)
        top.addWidget(self.nik_fix_button)

        self.dusun_combo = QComboBox()
        self.rt_combo = QComboBox()
        self.jkn_combo = QComboBox()
        fill_combo(
            self.jkn_combo,
            code_items(codes.MEMBERSHIP_STATUS),
            self.tr("Semua status JKN"),
        )
        self.segment_combo = QComboBox()
        fill_combo(
            self.segment_combo,
            code_items(codes.SEGMENTS),
            self.tr("Semua segmen"),
        )
        self.life_combo = QComboBox()
        fill_combo(
            self.life_combo,
            code_items(codes.LIFE_STATUS) + [(self.tr("Semua status"), ALL_LIFE)],
        )
        self.life_combo.setCurrentIndex(self.life_combo.findData(codes.LIFE_ALIVE))
        # A push button, not a tool button: it keeps room for its drop-down arrow beside the
        # label (a tool button tucks the arrow into its corner, at the label's last letter).
        self.flags_button = QPushButton(icons.icon("fa5s.flag"), self.tr("Prioritas"))
        flags_menu = QMenu(self.flags_button)
        self.flag_actions: dict[str, QAction] = {}
        for key, label in codes.PRIORITY_FLAGS.items():
            action = flags_menu.addAction(code_label(label))
            action.setCheckable(True)
            action.toggled.connect(self._flags_changed)
            self.flag_actions[key] = action
        self.flags_button.setMenu(flags_menu)
        self.reset_button = QToolButton()
        self.reset_button.setText(self.tr("Hapus filter"))
        self.reset_button.setToolTip(self.tr("Hapus semua filter dan pencarian"))
        self.reset_button.setIcon(icons.icon("fa5s.times"))
        self.reset_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.reset_button.clicked.connect(self.reset_filters)

        for combo, length in (
            (self.dusun_combo, 9),
            (self.rt_combo, 7),
            (self.jkn_combo, 12),
            (self.segment_combo, 10),
            (self.life_combo, 7),
        ):
            # Narrow in the row (fits 1366 px screens), full text in the popup list.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(length)
            combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
            self._fit_popup(combo)
        self.dusun_combo.currentIndexChanged.connect(self._dusun_changed)
        for combo in (self.rt_combo, self.jkn_combo, self.segment_combo, self.life_combo):
            combo.currentIndexChanged.connect(self.apply_filter)

        filters = QHBoxLayout()
        # The first entry of each combo names the filter ("Semua dusun"), so no labels.
        self.dusun_combo.setToolTip(self.tr("Saring menurut dusun"))
        self.rt_combo.setToolTip(self.tr("Saring menurut RT (pilih dusun dulu)"))
        self.jkn_combo.setToolTip(self.tr("Saring menurut status kepesertaan JKN"))
        self.segment_combo.setToolTip(self.tr("Saring menurut segmen JKN"))
        self.life_combo.setToolTip(self.tr("Status kependudukan (bawaan: Hidup)"))
        for widget in (self.dusun_combo, self.rt_combo, self.jkn_combo, self.segment_combo):
            filters.addWidget(widget)
        life_label = QLabel(self.tr("Status"))
        life_label.setBuddy(self.life_combo)
        filters.addWidget(life_label)
        filters.addWidget(self.life_combo)
        filters.addWidget(self.flags_button)
        filters.addWidget(self.reset_button)
        filters.addStretch(1)

        self.table = list_table(self.model)
        self.table_loading = LoadingNotice(self.table)
        header = self.table.horizontalHeader()
        # A 16-digit number, a JKN status and a segment are never cut, whatever the font
        # and the language: their columns are as wide as the longest value they can hold.
        metrics = self.table.fontMetrics()
        widest = {
            "nik": metrics.horizontalAdvance("0" * 16),
            "no_kk": metrics.horizontalAdvance("0" * 16),
            "jkn_status": max(
                metrics.horizontalAdvance(code_label(label))
                for label in codes.MEMBERSHIP_STATUS.values()
            ),
            "segment": max(
                metrics.horizontalAdvance(code_label(label)) for label in codes.SEGMENTS.values()
            ),
        }
        for column, key in enumerate(COLUMN_KEYS):
            width = COLUMN_WIDTHS.get(key, 100)
            if key in widest:
                width = max(width, widest[key] + CELL_PADDING)
            self.table.setColumnWidth(column, width)
            header.setSectionHidden(column, key in HIDDEN_BY_DEFAULT)
        # PESIAR work reads the JKN status first: show it right after the age.
        for key in ("segment", "jkn_status"):
            header.moveSection(
                header.visualIndex(COLUMN_KEYS.index(key)),
                header.visualIndex(COLUMN_KEYS.index("age")) + 1,
            )
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.setToolTip(self.tr("Klik untuk mengurutkan; klik kanan untuk memilih kolom"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMN_KEYS.index("name"), Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #5f6368; padding: 24px;")
        self.empty_label.hide()

        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")

        self.family_panel = FamilyPanel(masked=self.masked, can_write=self.can_write)
        self.family_panel.add_member_clicked.connect(self.add_member)
        self.family_panel.edit_clicked.connect(self.edit_focus_member)
        self.family_panel.move_clicked.connect(self.move_member)
        self.family_panel.mark_dead_clicked.connect(lambda: self.mark_member(KIND_DEAD))
        self.family_panel.mark_moved_clicked.connect(lambda: self.mark_member(KIND_MOVED))
        self.family_panel.change_head_clicked.connect(self.change_head)
        self.family_panel.birth_clicked.connect(lambda: self.add_event_member(pc.BIRTH))
        self.family_panel.arrival_clicked.connect(lambda: self.add_event_member(pc.MOVE_IN))
        self.family_panel.member_activated.connect(self.edit_resident)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty_label)
        left_layout.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.family_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([780, 380])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        QShortcut(QKeySequence.StandardKey.New, self, self.add_family)
        for enter in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(enter), self.table, self.edit_selected)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._update_count()

    @staticmethod
    def _fit_popup(combo: QComboBox) -> None:
        view = combo.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 24)

    # ------------------------------------------------------------ activation & state

    def activate(self) -> None:
        """Called when the page is shown: the first query, or a pending refresh."""
        if not self.model.is_active:
            self.apply_filter()
            self.model.start()
        elif self._dirty:
            self._dirty = False
            self.model.refresh()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("residents/header", self.table.horizontalHeader().saveState())
        settings.setValue("residents/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        header = settings.value("residents/header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.table.horizontalHeader().restoreState(header)
        splitter = settings.value("residents/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the search box: Down goes to the results, Esc clears the search."""
        if watched is self.search_edit and isinstance(event, QKeyEvent):
            if event.type() != QEvent.Type.KeyPress:
                return super().eventFilter(watched, event)
            key = event.key()
            if key == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                if self.selected_resident_id() is None:
                    self.table.selectRow(0)
                return True
            if key == Qt.Key.Key_Escape and self.search_edit.text():
                self.search_edit.clear()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ filters

    def current_filter(self) -> RegisterFilter:
        life = self.life_combo.currentData()
        return RegisterFilter(
            search=self.search_edit.text(),
            dusun_id=self.dusun_combo.currentData(),
            rt_id=self.rt_combo.currentData(),
            jkn_status=self.jkn_combo.currentData(),
            segment=self.segment_combo.currentData(),
            flags={key for key, action in self.flag_actions.items() if action.isChecked()},
            life_status=None if life == ALL_LIFE else life,
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        filt = self.current_filter()
        if filt.life_status != codes.LIFE_ALIVE:
            self.table.horizontalHeader().setSectionHidden(COLUMN_KEYS.index("life_status"), False)
        self.model.set_filter(filt)

    def _header_menu(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        menu.addSection(self.tr("Kolom yang ditampilkan"))
        for column, (key, label) in enumerate(register.COLUMNS):
            action = menu.addAction(self.tr(label))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(key != "name")
            action.toggled.connect(
                lambda shown, column=column: header.setSectionHidden(column, not shown)
            )
        menu.exec(header.mapToGlobal(pos))

    def _search_now(self) -> None:
        if self._search_timer.isActive():
            self.apply_filter()

    def reset_filters(self) -> None:
        widgets = (self.search_edit, self.dusun_combo, self.rt_combo, self.jkn_combo)
        for widget in (*widgets, self.segment_combo, self.life_combo, *self.flag_actions.values()):
            widget.blockSignals(True)
        self.search_edit.clear()
        for combo in (self.dusun_combo, self.rt_combo, self.jkn_combo, self.segment_combo):
            combo.setCurrentIndex(0)
        self.life_combo.setCurrentIndex(self.life_combo.findData(codes.LIFE_ALIVE))
        for action in self.flag_actions.values():
            action.setChecked(False)
        for widget in (*widgets, self.segment_combo, self.life_combo, *self.flag_actions.values()):
            widget.blockSignals(False)
        self._reload_rt()
        self._flags_label()
        self.apply_filter()

    def _flags_changed(self) -> None:
        self._flags_label()
        self.apply_filter()

    def _flags_label(self) -> None:
        checked = sum(action.isChecked() for action in self.flag_actions.values())
        text = self.tr("Prioritas")
        self.flags_button.setText(f"{text} ({checked})" if checked else text)

    def _dusun_changed(self) -> None:
        self._reload_rt()
        self.apply_filter()

    def _reload_areas(self) -> None:
        fill_combo(
            self.dusun_combo,
            [(name, i) for i, name in village.list_dusun(self.db)],
            self.tr("Semua dusun"),
        )
        self._areas = village.list_areas(self.db)
        self._reload_rt()

    def _reload_rt(self) -> None:
        dusun_id = self.dusun_combo.currentData()
        items = [
            (area.label if dusun_id is None else self._rt_label(area.rw, area.rt), area.rt_id)
            for area in self._areas
            if dusun_id is None or area.dusun_id == dusun_id
        ]
        fill_combo(self.rt_combo, items, self.tr("Semua RT"))
        self.rt_combo.setEnabled(dusun_id is not None)
        self._fit_popup(self.rt_combo)
        self._fit_popup(self.dusun_combo)

    @staticmethod
    def _rt_label(rw: str, rt: str) -> str:
        return f"RW {rw} / RT {rt}" if rw and rw != "-" else f"RT {rt}"

    # ------------------------------------------------------------ model results

    def _no_kk_match(self) -> bool:
        """The digits searched match a No KK (not only NIKs) among the first rows shown: the
        user typed a family card number into the NIK search."""
        digits = (self.model.filter.search or "").replace(" ", "")
        if not digits.isdigit():
            return False
        for row in range(min(self.model.rowCount(), self.model.CHUNK)):
            found = self.model.register_row(row)
            if found and found.no_kk.startswith(digits) and not found.nik.startswith(digits):
                return True
        return False

    def _on_loaded(self) -> None:
        self.kk_match = self._no_kk_match()
        if self.kk_match:
            # Say why people whose NIK differs are listed: show the No KK column they match.
            self.table.horizontalHeader().setSectionHidden(COLUMN_KEYS.index("no_kk"), False)
        self._update_count()
        rows = self.model.rowCount()
        filt = self.model.filter
        if rows == 0:
            if (
                (self.model.total or 0) == 0
                and not filt.search
                and filt.life_status == codes.LIFE_ALIVE
            ):
                self.empty_label.setText(
                    self.tr(
                        "Belum ada data penduduk. Klik 'Tambah KK baru' untuk mengisi Kartu "
                        "Keluarga pertama (impor dari OpenSID/SIAK menyusul di halaman Petakan)."
                    )
                )
            else:
                self.empty_label.setText(
                    self.tr("Tidak ada penduduk yang cocok dengan pencarian atau filter ini.")
                )
        self.empty_label.setVisible(rows == 0)
        self._restore_selection()

    def _on_failed(self, message: str) -> None:
        self.table_loading.stop()
        self.count_label.setText(self.tr("Gagal memuat data: {error}").format(error=message))

    def _update_count(self) -> None:
        # "Memuat…" in the table until the first rows are there (never an empty table).
        if self.model.is_loading and self.model.rowCount() == 0:
            self.table_loading.start()
        else:
            self.table_loading.stop()
        if not self.model.is_active:
            self.count_label.setText(self.tr("Memuat…"))
            return
        shown = formatting.number(self.model.rowCount())
        total = self.model.total
        text = (
            self.tr("{shown} penduduk ditampilkan dari {total}").format(
                shown=shown, total=formatting.number(total)
            )
            if total is not None
            else self.tr("{shown} penduduk ditampilkan").format(shown=shown)
        )
        if self.kk_match:
            text += " · " + self.tr("cocok dengan No KK (kolom No KK ditampilkan)")
        if self.model.is_loading:
            text += " · " + self.tr("mencari…")
        self.count_label.setText(text)

    def _restore_selection(self) -> None:
        selection = self.table.selectionModel()
        row = self.model.row_of(self._selected_id) if self._selected_id is not None else None
        if row is None:
            selection.clearSelection()
            self.edit_button.setEnabled(False)
            if self._selected_id is not None:
                # The person is filtered out: keep showing their KK, it is still useful.
                self._load_family(self._selected_id)
            return
        index = self.model.index(row, 0)
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        resident_id = self.model.resident_id(current.row()) if current.isValid() else None
        self.edit_button.setEnabled(self.can_write and resident_id is not None)
        if resident_id is None:
            return
        self._selected_id = resident_id
        self._load_family(resident_id)

    def _load_family(self, resident_id: int) -> None:
        row = self.model.row_of(resident_id)
        register_row = self.model.register_row(row) if row is not None else None
        family_id = register_row.family_id if register_row is not None else None

        def job(session: Session) -> FamilyView | None:
            fid = family_id
            if fid is None:
                rows = register.fetch_rows(session, [resident_id])
                if resident_id not in rows:
                    return None
                fid = rows[resident_id].family_id
            return register.family_view(session, fid)

        def done(view: FamilyView | None) -> None:
            self.family_panel.set_family(view, resident_id)

        self.tasks.run_read(job, done, self._on_failed_family, key=self._family_key)

    def _on_failed_family(self, err: BaseException) -> None:
        self.family_panel.set_family(None)
        show_error(self, err, self.tr("Gagal memuat Kartu Keluarga"))

    def _on_data_changed(self, topic: Topic) -> None:
        if topic == Topic.AREAS:
            self._reload_areas()
        if topic not in REFRESH_TOPICS or not self.model.is_active:
            return
        if self.isVisible():
            self.model.refresh()
        else:
            self._dirty = True

    # ------------------------------------------------------------ actions

    def selected_resident_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.resident_id(index.row())

    def _after_save(self, dialog: ResidentDialog) -> None:
        if dialog.result_value is not None:
            self._selected_id = dialog.result_value.resident_id
            # The refresh the write announced may already be on screen (it can arrive before
            # the write's own result): select now; a refresh still running selects when done.
            if not self.model.is_loading:
                self._restore_selection()

    def add_family(self) -> None:
        if not self.can_write:
            return
        dialog = ResidentDialog(self.db, self.tasks, self.actor, self, new_family=True)
        self._open(dialog, lambda: self._after_save(dialog))

    def add_member(self) -> None:
        family = self.family_panel.family
        if family is None:
            return
        dialog = ResidentDialog(self.db, self.tasks, self.actor, self, family_id=family.id)
        self._open(dialog, lambda: self._after_save(dialog))

    def add_arrival_family(self) -> None:
        if not self.can_write:
            return
        dialog = ResidentDialog(
            self.db, self.tasks, self.actor, self, new_family=True, event_kind=pc.MOVE_IN
        )
        self._open(dialog, lambda: self._after_save(dialog))

    def add_event_member(self, kind: str) -> None:
        """A birth or an arrival into the KK shown in the panel."""
        family = self.family_panel.family
        if family is None:
            return
        dialog = ResidentDialog(
            self.db, self.tasks, self.actor, self, family_id=family.id, event_kind=kind
        )
        self._open(dialog, lambda: self._after_save(dialog))

    def show_events(self) -> None:
        self._open(PopulationEventsDialog(self.db, self.tasks, self.actor, self))

    def show_nik_fix(self) -> None:
        """The Perbaiki NIK work list (ui/dialogs/nik_fix.py)."""
        self._open(NikFixDialog(self.db, self.tasks, self.actor, self))

    def edit_resident(self, resident_id: int) -> None:
        if not self.can_write:
            return
        dialog = ResidentDialog(self.db, self.tasks, self.actor, self, resident_id=resident_id)
        self._open(dialog, lambda: self._after_save(dialog))

    def edit_selected(self) -> None:
        resident_id = self.selected_resident_id()
        if resident_id is not None:
            self.edit_resident(resident_id)

    def edit_focus_member(self) -> None:
        person = self.family_panel.focus_member()
        if person is not None:
            self.edit_resident(person.id)

    def move_member(self) -> None:
        person = self.family_panel.focus_member()
        family = self.family_panel.family
        if person is None or family is None:
            return
        self._selected_id = person.id
        self._open(MoveDialog(self.db, self.tasks, self.actor, person, family, self))

    def mark_member(self, kind: str) -> None:
        person = self.family_panel.focus_member()
        family = self.family_panel.family
        if person is None or family is None:
            return
        self._open(LifeEventDialog(self.db, self.tasks, self.actor, person, family, kind, self))

    def change_head(self) -> None:
        family = self.family_panel.family
        if family is None:
            return
        person = self.family_panel.focus_member()
        preselect = person.id if person is not None and person.shdk != codes.SHDK_HEAD else None
        self._open(ChangeHeadDialog(self.db, self.tasks, self.actor, family, self, preselect))
