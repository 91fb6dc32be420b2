"""Beranda: the register's headline figures (residents, families, JKN coverage and
activity) and a per-dusun table, refreshed when the data changes."""

from __future__ import annotations

from typing import Any

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from pesiar_desktop.services.stats import register_stats
from pesiar_desktop.services.village import VillageProfile
from pesiar_desktop.ui import formatting
from pesiar_desktop.ui.bus import DataBus
from pesiar_desktop.ui.tasks import TaskManager

UHC_TARGET_PCT = 98.0
REFRESH_TOPICS = {"residents", "families", "areas", "import", "memberships", "village"}


class StatCard(QFrame):
    def __init__(self, title: str, icon: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("StatCard")
        self.setStyleSheet(
            "#StatCard { background: white; border: 1px solid #dadce0; border-radius: 8px; }"
        )
        icon_label = QLabel()
        icon_label.setPixmap(qta.icon(icon, color="#1a73e8").pixmap(28, 28))
        self.title = QLabel(title)
        self.title.setStyleSheet("color: #5f6368;")
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 26px; font-weight: 600; color: #202124;")
        self.note = QLabel("")
        self.note.setStyleSheet("color: #5f6368;")
        self.note.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(icon_label)
        head.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.value)
        layout.addWidget(self.note)

    def set(self, value: str, note: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)


class HomePage(QWidget):
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
        self._loaded_once = False
        self._dirty = True
        self._key = f"home.stats.{id(self)}"

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 22px; font-weight: 600;")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #5f6368;")
        self.set_profile(profile)

        self.residents_card = StatCard(self.tr("Penduduk hidup"), "fa5s.users")
        self.families_card = StatCard(self.tr("Keluarga (KK)"), "fa5s.home")
        self.coverage_card = StatCard(self.tr("Cakupan JKN"), "fa5s.shield-alt")
        self.activity_card = StatCard(self.tr("Keaktifan JKN"), "fa5s.heartbeat")
        cards = QGridLayout()
        for column, card in enumerate(
            (self.residents_card, self.families_card, self.coverage_card, self.activity_card)
        ):
            cards.addWidget(card, 0, column)

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
        self.note = QLabel(
            self.tr(
                "Cakupan = penduduk terdaftar JKN ÷ penduduk hidup. Keaktifan = peserta aktif ÷ "
                "peserta terdaftar. Target UHC: cakupan minimal 98 %."
            )
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5f6368;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(8)
        layout.addLayout(cards)
        layout.addSpacing(8)
        per_dusun = QLabel(self.tr("Per dusun"))
        per_dusun.setStyleSheet("font-size: 15px; font-weight: 600;")
        layout.addWidget(per_dusun)
        layout.addWidget(self.dusun_table, 1)
        layout.addWidget(self.note)
        bus.changed.connect(self._on_data_changed)

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
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        self._dirty = False

        def job(session: Session) -> dict[str, Any]:
            return register_stats(session)

        self.tasks.run_read(job, self._show, key=self._key)

    def _on_data_changed(self, topic: str) -> None:
        if topic not in REFRESH_TOPICS:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def _show(self, figures: dict[str, Any]) -> None:
        self.figures = figures
        residents = int(figures["residents"])
        self.residents_card.set(
            formatting.number(residents),
            self.tr("di {n} dusun").format(n=formatting.number(int(figures["dusun"]))),
        )
        self.families_card.set(formatting.number(int(figures["families"])))
        coverage = float(figures["coverage_pct"])
        gap = max(0.0, UHC_TARGET_PCT - coverage)
        self.coverage_card.set(
            formatting.percent(coverage),
            self.tr("{reg} terdaftar; {gap} lagi menuju 98 %").format(
                reg=formatting.number(int(figures["registered"])), gap=formatting.percent(gap)
            )
            if gap > 0
            else self.tr("{reg} terdaftar; target UHC tercapai").format(
                reg=formatting.number(int(figures["registered"]))
            ),
        )
        self.activity_card.set(
            formatting.percent(float(figures["active_pct"])),
            self.tr("{active} peserta aktif").format(
                active=formatting.number(int(figures["active"]))
            ),
        )
        by_dusun: dict[str, dict[str, Any]] = figures["by_dusun"]
        self.dusun_table.setRowCount(len(by_dusun))
        for row, (name, entry) in enumerate(by_dusun.items()):
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
