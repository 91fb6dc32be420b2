"""Beranda: where the village stands at a glance.

Headline cards (population, families, coverage and activity against the UHC thresholds,
the award level reached and what the next one needs, open follow-ups), coverage and
activity per dusun, members per segment, the 12-month trend with registrations, and
this month's agent progress against targets. Every figure comes from
`services.dashboard.load_dashboard`, run in the background; the page reloads when the
data changes (ui.bus). Each chart can be saved as PNG.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.reportdata.village import VillageProfile
from pesiar_desktop.rules import codes, indicators
from pesiar_desktop.services.dashboard import (
    NEAR_DUE_DAYS,
    CoveragePoint,
    Dashboard,
    RegistrationMonth,
    Trend,
    load_headline,
    load_trend,
    with_trend,
)
from pesiar_desktop.services.events import Topic
from pesiar_desktop.ui import charts, formatting, icons
from pesiar_desktop.ui.bus import DataBus
from pesiar_desktop.ui.i18n import QT_TRANSLATE_NOOP, code_label
from pesiar_desktop.ui.tasks import TaskManager

UHC_TARGET_PCT = indicators.UHC_COVERAGE_PCT
REFRESH_TOPICS = {
    Topic.RESIDENTS,
    Topic.AREAS,
    Topic.MEMBERSHIPS,
    Topic.VILLAGE,
    Topic.REGISTRATIONS,
    Topic.VISITS,
    Topic.ADVOCACY,
    Topic.AGENTS,
    Topic.FEES,
}
MONTH_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
SEGMENT_SHORT = {
    "PBI_APBN": QT_TRANSLATE_NOOP("codes", "PBI APBN"),
    "PBI_APBD": QT_TRANSLATE_NOOP("codes", "PBI APBD"),
    "PPU_PN": QT_TRANSLATE_NOOP("codes", "PPU PN"),
    "PPU_BU": QT_TRANSLATE_NOOP("codes", "PPU BU"),
    "PBPU": QT_TRANSLATE_NOOP("codes", "PBPU/Mandiri"),
    "BP": QT_TRANSLATE_NOOP("codes", "Bukan Pekerja"),
    "-": QT_TRANSLATE_NOOP("codes", "Tanpa segmen"),
}
GOOD, WARN, BAD = "#188038", "#e37400", "#d93025"


class StatCard(QFrame):
    def __init__(self, title: str, icon: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("StatCard")
        self.setStyleSheet(
            "#StatCard { background: white; border: 1px solid #dadce0; border-radius: 8px; }"
        )
        self.icon_label = QLabel()
        self.icon_name = icon
        self.set_icon_color("#1a73e8")
        self.title = QLabel(title)
        self.title.setStyleSheet("color: #5f6368;")
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 22px; font-weight: 600; color: #202124;")
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(6)
        self.bar.setRange(0, 1000)
        self.bar.hide()
        self.note = QLabel("")
        self.note.setStyleSheet("color: #5f6368;")
        self.note.setWordWrap(True)
        head = QHBoxLayout()
        head.setSpacing(6)
        head.addWidget(self.icon_label)
        head.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        layout.addLayout(head)
        layout.addWidget(self.value)
        layout.addWidget(self.bar)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def set_icon_color(self, color: str) -> None:
        self.icon_label.setPixmap(icons.icon(self.icon_name, color=color).pixmap(22, 22))

    def set(self, value: str, note: str = "", color: str = "#202124") -> None:
        self.value.setText(value)
        self.value.setStyleSheet(f"font-size: 22px; font-weight: 600; color: {color};")
        self.note.setText(note)

    def set_progress(self, fraction: float | None, color: str = "#1a73e8") -> None:
        if fraction is None:
            self.bar.hide()
            return
        self.bar.setValue(round(max(0.0, min(1.0, fraction)) * 1000))
        self.bar.setStyleSheet(
            "QProgressBar { background: #e8eaed; border: none; border-radius: 3px; }"
            f"QProgressBar::chunk {{ background: {color}; border-radius: 3px; }}"
        )
        self.bar.show()


def _level_color(value: float, good: float, warn: float) -> str:
    return GOOD if value >= good else WARN if value >= warn else BAD


class HomePage(QWidget):
    """Public names used by tests: `figures` (register_stats dict), `board` (Dashboard),
    the cards, `dusun_chart`, `segment_chart`, `trend_chart`, `agent_table`,
    `dusun_table`, `refresh()`, `waiting` (what waits for the user), `set_waiting()`."""

    open_letter_requested = Signal(int)  # a letter id, from the "waiting" notice

    def __init__(
        self,
        tasks: TaskManager,
        bus: DataBus,
        profile: VillageProfile | None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.tasks = tasks
        self.figures: dict[str, Any] | None = None
        self.board: Dashboard | None = None
        self._dirty = True
        self._generation = 0
        self._parts: dict[str, Any] = {}
        self._key = f"home.dashboard.{id(self)}"

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #5f6368;")
        self.updated = QLabel()
        self.updated.setStyleSheet("color: #5f6368;")
        self.refresh_button = QPushButton(icons.icon("fa5s.sync-alt"), self.tr("Perbarui"))
        self.refresh_button.setToolTip(self.tr("Hitung ulang semua angka (F5)"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.refresh)
        self.set_profile(profile)

        self.residents_card = StatCard(self.tr("Penduduk hidup"), "fa5s.users")
        self.families_card = StatCard(self.tr("Keluarga (KK)"), "fa5s.home")
        self.coverage_card = StatCard(self.tr("Cakupan JKN"), "fa5s.shield-alt")
        self.activity_card = StatCard(self.tr("Keaktifan JKN"), "fa5s.heartbeat")
        self.award_card = StatCard(self.tr("Predikat UHC"), "fa5s.award")
        self.followup_card = StatCard(self.tr("Tindak lanjut"), "fa5s.bell")
        self.reactivation_card = StatCard(self.tr("Diaktifkan kembali"), "fa5s.redo-alt")
        self.cards = [
            self.residents_card,
            self.families_card,
            self.coverage_card,
            self.activity_card,
            self.award_card,
            self.reactivation_card,
            self.followup_card,
        ]
        cards = QGridLayout()
        cards.setHorizontalSpacing(10)
        for column, card in enumerate(self.cards):
            cards.addWidget(card, 0, column)
            cards.setColumnStretch(column, 3 if card in (self.award_card,) else 2)

        self.dusun_chart = charts.ChartCard(
            self.tr("Cakupan dan keaktifan per dusun"),
            self.tr("Persen; garis merah = target UHC 98 %"),
        )
        self.dusun_table = QTableWidget(0, 5)
        self.dusun_table.setHorizontalHeaderLabels(
            [
                self.tr("Dusun"),
                self.tr("Penduduk"),
                self.tr("Terdaftar JKN"),
                self.tr("Cakupan"),
                self.tr("Keaktifan"),
            ]
        )
        self.dusun_table.verticalHeader().hide()
        self.dusun_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dusun_table.setAlternatingRowColors(True)
        header = self.dusun_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table_toggle = self.dusun_chart.add_table_view(
            self.dusun_table, self.tr("Tampilkan angka sebagai tabel")
        )

        self.segment_chart = charts.ChartCard(
            self.tr("Peserta per segmen"), self.tr("Jiwa terdaftar dan aktif; % = keaktifan")
        )
        self.trend_chart = charts.ChartCard(
            self.tr("Tren 12 bulan"),
            self.tr("Cakupan dan keaktifan (%), jiwa didaftarkan dan iuran pertama dibayar"),
        )
        self.agent_card = QFrame()
        self.agent_card.setObjectName("ChartCard")
        self.agent_card.setStyleSheet(charts.CARD_STYLE)
        self.agent_title = QLabel(self.tr("Agen bulan ini"))
        self.agent_title.setStyleSheet("font-size: 14px; font-weight: 600; color: #202124;")
        self.agent_subtitle = QLabel(
            self.tr("Jiwa dengan iuran pertama dibayar dibanding target bulanan")
        )
        self.agent_subtitle.setStyleSheet("color: #5f6368;")
        self.agent_subtitle.setWordWrap(True)
        # Visits are in each name's tooltip: four columns leave the agent's name room at 1366 px.
        self.agent_table = QTableWidget(0, 4)
        self.agent_table.setHorizontalHeaderLabels(
            [
                self.tr("Agen"),
                self.tr("Jiwa / target"),
                self.tr("KK / target"),
                self.tr("Aktif kembali"),
            ]
        )
        back_header = self.agent_table.horizontalHeaderItem(3)
        if back_header is not None:
            back_header.setToolTip(
                self.tr("Jiwa peserta menunggak yang aktif kembali bulan ini (bukan peserta baru)")
            )
        self.agent_table.setWordWrap(False)
        self.agent_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.agent_table.verticalHeader().hide()
        self.agent_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agent_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.agent_table.setShowGrid(False)
        self.agent_table.setFrameShape(QFrame.Shape.NoFrame)
        agent_header = self.agent_table.horizontalHeader()
        agent_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        agent_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        agent_header.resizeSection(1, 130)
        for column in (2, 3):
            agent_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.agent_empty = QLabel(
            self.tr("Belum ada agen yang bertugas bulan ini. Agen dan penugasan dicatat di "
                    "halaman Agen & Penugasan.")
        )  # fmt: skip
        self.agent_empty.setWordWrap(True)
        self.agent_empty.setStyleSheet("color: #5f6368; padding: 12px;")
        self.agent_empty.hide()
        agent_layout = QVBoxLayout(self.agent_card)
        agent_layout.setContentsMargins(12, 10, 12, 8)
        agent_layout.addWidget(self.agent_title)
        agent_layout.addWidget(self.agent_subtitle)
        agent_layout.addWidget(self.agent_table, 1)
        agent_layout.addWidget(self.agent_empty, 1, Qt.AlignmentFlag.AlignTop)

        self.note = QLabel(
            self.tr(
                "Cakupan = penduduk terdaftar JKN ÷ penduduk hidup. Keaktifan = peserta aktif ÷ "
                "peserta terdaftar. Target UHC: cakupan minimal 98 %. Predikat UHC 2026: Pratama "
                "(cakupan ≥ 98 %, keaktifan ≥ 80 %), Madya (≥ 98 %, ≥ 85 %), Utama (≥ 99 %, "
                "≥ 95 %)."
            )
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5f6368;")

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        top.addWidget(self.updated, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignBottom)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        grid.addWidget(self.dusun_chart, 0, 0)
        grid.addWidget(self.segment_chart, 0, 1)
        grid.addWidget(self.trend_chart, 1, 0)
        grid.addWidget(self.agent_card, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(cards)
        layout.addLayout(grid, 1)
        layout.addWidget(self.note)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout.insertWidget(1, self._build_waiting())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.scroll_area = scroll
        bus.changed.connect(self._on_data_changed)

    # ------------------------------------------------------------ waiting for the user

    def _build_waiting(self) -> QFrame:
        """What waits for this user (the kepala desa: letters to approve), with a link."""
        self.waiting = QFrame()
        self.waiting.setObjectName("Waiting")
        self.waiting.setStyleSheet(
            "QFrame#Waiting { background: #fff4c2; border: 1px solid #e6c84f; border-radius: 6px; }"
        )
        self.waiting_label = QLabel()
        self.waiting_label.setWordWrap(True)
        self.waiting_label.setStyleSheet("color: #4d3b00; font-size: 14px;")
        self.waiting_button = QPushButton(icons.icon("fa5s.file-signature"), self.tr("Buka surat"))
        self.waiting_button.clicked.connect(self._open_waiting)
        row = QHBoxLayout(self.waiting)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.waiting_label, 1)
        row.addWidget(self.waiting_button)
        self.waiting.hide()
        self._waiting_first: int | None = None
        return self.waiting

    def set_waiting(self, drafts: list[tuple[int, str]]) -> None:
        """Letters waiting for approval: (letter id, "SK · perihal") newest last; none hides
        the notice."""
        if not drafts:
            self.waiting.hide()
            self._waiting_first = None
            return
        self._waiting_first = drafts[0][0]
        names = "; ".join(text for _id, text in drafts[:3]) + ("; …" if len(drafts) > 3 else "")
        self.waiting_label.setText(
            self.tr("<b>{n} surat menunggu persetujuan Anda</b>: {names}").format(
                n=len(drafts), names=names
            )
        )
        self.waiting.show()

    def _open_waiting(self) -> None:
        if self._waiting_first is not None:
            self.open_letter_requested.emit(self._waiting_first)

    # ------------------------------------------------------------ loading

    def set_profile(self, profile: VillageProfile | None) -> None:
        if profile is None:
            self.title.setText(self.tr("Beranda"))
            self.subtitle.setText("")
            return
        self.title.setText(self.tr("Beranda · {desa}").format(desa=profile.title))
        self.subtitle.setText(
            self.tr("Kecamatan {kec}, {kab}, {prov}").format(
                kec=profile.kecamatan_name,
                kab=profile.kabupaten_name,
                prov=profile.provinsi_name,
            )
        )

    def activate(self) -> None:
        # Deferred to the next turn of the event loop, and only if the Beranda is still the
        # page shown then: a window that opens on the Beranda and goes straight on (start-up,
        # `gui --smoke`, a quick click on Penduduk) does not start the dashboard's two reads,
        # which would hold both reader threads while the register waits for its first rows.
        if self._dirty:
            QTimer.singleShot(0, self._refresh_if_shown)

    def _refresh_if_shown(self) -> None:
        stack = self.parentWidget()
        shown = not isinstance(stack, QStackedWidget) or stack.currentWidget() is self
        if self._dirty and shown and not self.tasks.closed:
            self.refresh()

    def refresh(self) -> None:
        """Two background reads side by side (two reader threads): the headline figures
        and the 12-month trend; each part is drawn as soon as it arrives."""
        self._dirty = False
        self._generation += 1
        generation = self._generation
        self._parts = {}
        self.updated.setText(self.tr("Menghitung…"))
        today = clock.today()

        def headline(session: Session) -> Dashboard:
            return load_headline(session, today)

        def trend(session: Session) -> Trend:
            return load_trend(session, today)

        self.tasks.run_read(
            headline,
            lambda board: self._part(generation, "headline", board),
            self._failed,
            key=f"{self._key}.headline",
        )
        self.tasks.run_read(
            trend,
            lambda part: self._part(generation, "trend", part),
            self._failed,
            key=f"{self._key}.trend",
        )

    def _part(self, generation: int, name: str, value: Any) -> None:
        if generation != self._generation:
            return
        self._parts[name] = value
        if name == "headline":
            self._show_headline(value)
        else:
            self._show_trend(value.trend, value.registrations)
        if len(self._parts) == 2:
            self.board = with_trend(self._parts["headline"], self._parts["trend"])
            self._show_updated()

    def _failed(self, err: BaseException) -> None:
        self.updated.setText(self.tr("Gagal memuat angka: {err}").format(err=err))

    def _on_data_changed(self, topic: Topic) -> None:
        if topic not in REFRESH_TOPICS:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    # ------------------------------------------------------------ drawing

    def show_board(self, board: Dashboard) -> None:
        """Draws a whole dashboard at once (benchmarks, tests)."""
        self._show_headline(board)
        self._show_trend(board.trend, board.registrations)
        self.board = board
        self._show_updated()

    def _show_headline(self, board: Dashboard) -> None:
        self.figures = board.stats
        self._show_cards(board)
        self._show_dusun(board.stats["by_dusun"])
        self._show_segments(board.stats["by_segment"])
        self._show_agents(board)

    def _show_updated(self) -> None:
        self.updated.setText(self.tr("Diperbarui {time}").format(time=f"{clock.now():%H:%M}"))

    def _show_cards(self, board: Dashboard) -> None:
        figures = board.stats
        n = formatting.number
        residents = int(figures["residents"])
        self.residents_card.set(
            n(residents), self.tr("di {n} dusun").format(n=n(int(figures["dusun"])))
        )
        families = int(figures["families"])
        self.families_card.set(
            n(families),
            self.tr("rata-rata {size} jiwa per KK").format(
                size=formatting.number(round(residents / families, 1)) if families else "0"
            ),
        )
        coverage = float(figures["coverage_pct"])
        registered = int(figures["registered"])
        need = indicators.gap_to(indicators.AWARD_LEVELS[0], residents, registered, 0)
        color = _level_color(coverage, UHC_TARGET_PCT, 95.0)
        self.coverage_card.set(
            formatting.percent(coverage),
            self.tr("{reg} terdaftar; kurang {gap} jiwa menuju 98 %").format(
                reg=n(registered), gap=n(need.registrations_needed)
            )
            if need.registrations_needed
            else self.tr("{reg} terdaftar; target UHC 98 % tercapai").format(reg=n(registered)),
            color,
        )
        self.coverage_card.set_progress(coverage / 100.0, color)
        activity = float(figures["active_pct"])
        pratama = indicators.AWARD_LEVELS[0]
        color = _level_color(activity, pratama.activity_pct, pratama.activity_pct - 10)
        self.activity_card.set(
            formatting.percent(activity),
            self.tr("{active} peserta aktif; {pop} dari penduduk").format(
                active=n(int(figures["active"])),
                pop=formatting.percent(float(figures.get("active_of_population_pct", 0.0))),
            ),
            color,
        )
        self.activity_card.set_progress(activity / 100.0, color)
        if board.award is None:
            self.award_card.set(self.tr("Belum UHC"), "", BAD if coverage < 95 else WARN)
            self.award_card.set_icon_color(charts.MUTED)
        else:
            self.award_card.set(board.award.label, "", GOOD)
            self.award_card.set_icon_color("#f9ab00")
        if board.gap is not None:
            steps = []
            if board.gap.registrations_needed:
                steps.append(
                    self.tr("daftarkan {n} jiwa").format(n=n(board.gap.registrations_needed))
                )
            if board.gap.activations_needed:
                steps.append(
                    self.tr("aktifkan {n} peserta").format(n=n(board.gap.activations_needed))
                )
            self.award_card.note.setText(
                self.tr("Menuju {level}: {steps}").format(
                    level=board.gap.level.label, steps=", ".join(steps) or "-"
                )
            )
        else:
            self.award_card.note.setText(self.tr("Predikat tertinggi tercapai"))
        back = board.reactivations
        self.reactivation_card.set(
            n(back.people),
            self.tr("jiwa dalam {kk} KK bulan ini (tunggakan lunas); {plans} rencana REHAB "
                    "berjalan").format(kk=n(back.families), plans=n(back.open_rehab_plans)),
            GOOD if back.people else "#202124",
        )  # fmt: skip
        follow = board.follow_ups
        self.followup_card.set(
            n(follow.total),
            self.tr(
                "{late} lewat tenggat, {near} jatuh tempo ≤ {days} hari, {none} belum ada VA"
            ).format(
                late=n(follow.overdue),
                near=n(follow.near_due),
                days=NEAR_DUE_DAYS,
                none=n(follow.without_due),
            )
            if follow.total
            else self.tr("Tidak ada pendaftaran yang menunggu iuran pertama"),
            BAD if follow.overdue else WARN if follow.total else GOOD,
        )

    def _show_dusun(self, by_dusun: dict[str, dict[str, Any]]) -> None:
        names = list(by_dusun)
        coverage = [float(by_dusun[d]["coverage_pct"]) for d in names]
        activity = [float(by_dusun[d]["active_pct"]) for d in names]
        # A dusun where nobody lives yet has empty bars and says so; it has no percentages,
        # so it does not pull the axis down to 0 (a dusun with residents at 0 % does).
        empty = [not int(by_dusun[d]["residents"]) for d in names]
        low = charts.percent_floor(
            [
                v
                for values in (coverage, activity)
                for v, e in zip(values, empty, strict=True)
                if not e
            ]
        )
        chart, height = charts.area_bars(
            [formatting.area(d).removeprefix("Dusun ") for d in names],
            [
                (self.tr("Cakupan %"), coverage, charts.COVERAGE),
                (self.tr("Keaktifan %"), activity, charts.ACTIVITY),
            ],
            low=low,
            target=(self.tr("Target UHC 98 %"), UHC_TARGET_PCT),
            notes=[self.tr("belum ada penduduk") if e else "" for e in empty],
        )
        self.dusun_chart.set_chart(chart, height)
        self.dusun_table.setRowCount(len(names))
        for row, name in enumerate(names):
            entry = by_dusun[name]
            cells = [
                name,
                formatting.number(int(entry["residents"])),
                formatting.number(int(entry["registered"])),
                formatting.percent(float(entry["coverage_pct"])),
                formatting.percent(float(entry["active_pct"])),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.dusun_table.setItem(row, column, item)

    def _show_segments(self, by_segment: dict[str, dict[str, Any]]) -> None:
        order = [s for s in codes.SEGMENTS if s in by_segment] + [
            s for s in by_segment if s not in codes.SEGMENTS
        ]
        order.reverse()  # horizontal bars are drawn bottom-up: keep the table's order
        labels = [
            f"{code_label(SEGMENT_SHORT.get(s, s))} ({formatting.percent(float(by_segment[s]['active_pct']), 0)})"
            for s in order
        ]
        registered = [int(by_segment[s]["registered"]) for s in order]
        active = [int(by_segment[s]["active"]) for s in order]
        chart = charts.grouped_bars(
            labels,
            [
                (self.tr("Terdaftar"), registered, charts.COVERAGE),
                (self.tr("Aktif"), active, charts.ACTIVITY),
            ],
            low=0.0,
            high=charts.nice_max(max(registered, default=0) * 1.22),
            horizontal=True,
            precision=9,
        )
        self.segment_chart.set_chart(chart)

    def _show_trend(
        self, trend: list[CoveragePoint], registrations: list[RegistrationMonth]
    ) -> None:
        months = [f"{MONTH_SHORT[p.day.month - 1]} {p.day:%y}" for p in trend]
        coverage = [p.coverage_pct for p in trend]
        activity = [p.activity_pct for p in trend]
        low = charts.percent_floor(coverage + activity)
        chart = charts.trend_chart(
            months,
            [
                (self.tr("Cakupan %"), [round(v, 1) for v in coverage], charts.COVERAGE),
                (self.tr("Keaktifan %"), [round(v, 1) for v in activity], charts.ACTIVITY),
            ],
            [
                (
                    self.tr("Didaftarkan (jiwa)"),
                    [m.people for m in registrations],
                    charts.REGISTERED,
                ),
                (
                    self.tr("Iuran pertama dibayar (jiwa)"),
                    [m.paid_people for m in registrations],
                    charts.PAID,
                ),
            ],
            low=low,
            target=(self.tr("Target 98 %"), UHC_TARGET_PCT),
        )
        self.trend_chart.set_chart(chart)

    def _show_agents(self, board: Dashboard) -> None:
        rows = sorted(board.agents, key=lambda a: (-a.people_pct, a.agent_name))
        self.agent_table.setRowCount(len(rows))
        self.agent_table.setVisible(bool(rows))
        self.agent_empty.setVisible(not rows)
        for row, agent in enumerate(rows):
            name = QTableWidgetItem(agent.agent_name)
            name.setToolTip(
                self.tr(
                    "{name}: target {tp} jiwa / {tf} KK; {visits} kunjungan; didaftarkan bulan "
                    "ini {rp} jiwa, "
                    "{unpaid} KK belum membayar iuran pertama; {events} kegiatan advokasi; "
                    "{back} jiwa dalam {back_kk} KK aktif kembali (tunggakan lunas)"
                ).format(
                    visits=agent.visits,
                    back=agent.reactivated_people,
                    back_kk=agent.reactivated_families,
                    name=agent.agent_name,
                    tp=agent.target_people,
                    tf=agent.target_families,
                    rp=agent.registered_people,
                    unpaid=agent.unpaid_registrations,
                    events=agent.advocacy_events,
                )
            )
            self.agent_table.setItem(row, 0, name)
            bar = QProgressBar()
            bar.setRange(0, max(1, agent.target_people))
            bar.setValue(min(agent.paid_people, max(1, agent.target_people)))
            bar.setFormat(f"{agent.paid_people} / {agent.target_people}")
            bar.setAlignment(Qt.AlignmentFlag.AlignCenter)
            color = GOOD if agent.target_met else WARN if agent.people_pct >= 50 else BAD
            bar.setStyleSheet(
                "QProgressBar { background: #e8eaed; border: none; border-radius: 4px;"
                " color: #202124; margin: 3px 4px; }"
                f"QProgressBar::chunk {{ background: {color}; border-radius: 4px; }}"
            )
            self.agent_table.setCellWidget(row, 1, bar)
            for column, text in (
                (2, f"{agent.paid_families} / {agent.target_families}"),
                (3, formatting.number(agent.reactivated_people)),
            ):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.agent_table.setItem(row, column, item)
        self.agent_table.resizeRowsToContents()
