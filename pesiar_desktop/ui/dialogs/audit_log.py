"""The audit log for administrators: filters (user, entity, dates, action), a paged
table, and the selected entry's before → after shown readably. Also checks the chain.

Actions, entities and fields are shown in words (`ui.audit_labels`), times in the
village's own zone (WIB, WITA or WIT from its region code), labelled.

`AuditLogWidget` is the Log audit tab in Pengaturan; `AuditLogDialog` wraps it for the
menu (Berkas → Log audit…). The service (`audit_query`) refuses non-admins.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop.db import Database
from pesiar_desktop.errors import PesiarError
from pesiar_desktop.rules.timezones import Zone, local_time, zone_for_region
from pesiar_desktop.services import audit, audit_query, privacy, village
from pesiar_desktop.services.audit_query import AuditEntry, AuditFilter
from pesiar_desktop.services.context import Actor
from pesiar_desktop.ui import audit_labels as labels
from pesiar_desktop.ui.widgets.date_field import today_qdate
from pesiar_desktop.ui.widgets.forms import hint_label, show_error

PAGE_SIZE = 200


def _date_edit() -> tuple[QCheckBox, QDateEdit]:
    check = QCheckBox()
    edit = QDateEdit(today_qdate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setEnabled(False)
    check.toggled.connect(edit.setEnabled)
    return check, edit


def _fit_list(combo: QComboBox) -> None:
    """The open list shows whole labels even when the box itself is narrower."""
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)


def _village_zone(db: Database) -> Zone:
    profile = village.get_profile(db)
    return zone_for_region(profile.region_code if profile else "")


def entry_text(entry: AuditEntry, zone: Zone, mask: bool = False) -> str:
    """One entry, readable: when (local time, labelled), who, what and each field's
    before → after, in words (`labels.value_text`; `mask` hides personal numbers)."""
    at = local_time(entry.at, zone)
    target = labels.entity_id_label(entry.entity, entry.entity_id)
    lines = [
        f"#{entry.id}  {at:%d-%m-%Y %H:%M:%S} {zone.label}  {entry.actor}",
        f"{labels.action_label(entry.action)} · {labels.entity_label(entry.entity)} {target}".rstrip(),
        "",
    ]
    rows = audit_query.diff_values(entry)
    if not rows:
        lines.append(QCoreApplication.translate("AuditLogWidget", "(tanpa rincian)"))
    removed = QCoreApplication.translate("AuditLogWidget", "(dihapus)")

    def shown(key: str, value: object) -> str:
        return labels.value_text(value, key, zone, entry.entity, entry.action, mask)

    for key, old_value, new_value in rows:
        name = labels.field_label(key)
        old, new = shown(key, old_value), shown(key, new_value)
        if entry.before is None:
            lines.append(f"{name}: {new}")
        elif entry.after is None:
            lines.append(f"{name}: {old} {removed}")
        elif old_value == new_value:
            lines.append(f"{name}: {new}")
        else:
            lines.append(f"{name}: {old} → {new}")
    return "\n".join(lines)


class AuditLogWidget(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.page = 0
        self.pages = 1
        self.entries: list[AuditEntry] = []
        self.allowed = actor.can("audit.read")
        self.hide_numbers = not privacy.can_see_full_nik(actor)
        layout = QVBoxLayout(self)
        if not self.allowed:
            layout.addWidget(
                hint_label(self.tr("Hanya administrator yang dapat membaca log audit."))
            )
            layout.addStretch(1)
            return
        self.user = QComboBox()
        self.entity = QComboBox()
        self.zone = _village_zone(db)
        self.action = QComboBox()
        self.action.addItem(self.tr("(semua)"), "")
        for code, label in sorted(
            ((code, labels.action_label(code)) for code in labels.ACTIONS), key=lambda x: x[1]
        ):
            self.action.addItem(label, code)
        self.from_check, self.date_from = _date_edit()
        self.to_check, self.date_to = _date_edit()
        self.apply_button = QPushButton(self.tr("Terapkan"))
        self.apply_button.clicked.connect(self.apply)
        self.action.activated.connect(lambda _i: self.apply())
        # Long labels ("Isi contoh peristiwa kependudukan") must not widen the Pengaturan
        # page past a 1366-px screen: the boxes keep a fixed width, their lists are wider.
        for combo, length in ((self.entity, 12), (self.action, 22)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(length)
        _fit_list(self.action)
        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("Pengguna"), self.user),
            (self.tr("Entitas"), self.entity),
            (self.tr("Tindakan"), self.action),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(QLabel(self.tr("Dari")))
        filters.addWidget(self.from_check)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("Sampai")))
        filters.addWidget(self.to_check)
        filters.addWidget(self.date_to)
        filters.addWidget(self.apply_button)
        filters.addStretch(1)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Waktu ({zone})").format(zone=self.zone.label),
                self.tr("Pengguna"),
                self.tr("Tindakan"),
                self.tr("Data"),
                self.tr("Yang diubah"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_entry(row))
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setObjectName("audit_detail")
        self.detail.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.prev_button = QPushButton(self.tr("‹ Sebelumnya"))
        self.next_button = QPushButton(self.tr("Berikutnya ›"))
        self.page_label = QLabel()
        self.verify_button = QPushButton(self.tr("Periksa rantai hash"))
        self.prev_button.clicked.connect(lambda: self.go(self.page - 1))
        self.next_button.clicked.connect(lambda: self.go(self.page + 1))
        self.verify_button.clicked.connect(self.verify)
        paging = QHBoxLayout()
        paging.addWidget(self.prev_button)
        paging.addWidget(self.page_label)
        paging.addWidget(self.next_button)
        paging.addStretch(1)
        paging.addWidget(self.verify_button)

        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(paging)
        self.reload_choices()
        self.load()

    # ------------------------------------------------------------ data

    def reload_choices(self) -> None:
        actors, entities = audit_query.distinct_values(self.db, self.actor)
        for combo, values in ((self.user, actors), (self.entity, entities)):
            current = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("(semua)"), "")
            for value in values:
                shown = labels.entity_label(value) if combo is self.entity else value
                combo.addItem(shown, value)
            index = combo.findData(current)
            combo.setCurrentIndex(max(0, index))
        _fit_list(self.entity)

    def current_filter(self) -> AuditFilter:
        def day(check: QCheckBox, edit: QDateEdit) -> date | None:
            if not check.isChecked():
                return None
            value = edit.date()
            return date(value.year(), value.month(), value.day())

        return AuditFilter(
            actor=str(self.user.currentData() or ""),
            entity=str(self.entity.currentData() or ""),
            action_contains=str(self.action.currentData() or ""),
            date_from=day(self.from_check, self.date_from),
            date_to=day(self.to_check, self.date_to),
        )

    def apply(self) -> None:
        self.page = 0
        self.load()

    def go(self, page: int) -> None:
        self.page = max(0, min(page, self.pages - 1))
        self.load()

    def load(self) -> None:
        if not self.allowed:
            return
        try:
            result = audit_query.query(
                self.db, self.actor, self.current_filter(), self.page, PAGE_SIZE
            )
        except PesiarError as err:
            show_error(self, err)
            return
        self.pages = result.pages
        self.entries = result.entries
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            cells = (
                local_time(entry.at, self.zone).strftime("%d-%m-%Y %H:%M:%S"),
                entry.actor,
                labels.action_label(entry.action),
                labels.entity_label(entry.entity),
                labels.entity_id_label(entry.entity, entry.entity_id),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setToolTip(entry.action)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.page_label.setText(
            self.tr("Halaman {page} dari {pages} · {total} entri").format(
                page=self.page + 1, pages=self.pages, total=result.total
            )
        )
        self.prev_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page + 1 < self.pages)
        if self.entries:
            self.table.setCurrentCell(0, 0)
            self.show_entry(0)  # also when row 0 was already current
        else:
            self.detail.setPlainText(self.tr("Tidak ada entri untuk saringan ini."))

    def show_entry(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            self.detail.setPlainText(entry_text(self.entries[row], self.zone, self.hide_numbers))

    def verify(self) -> None:
        report = audit.verify_chain(self.db)
        if report.ok:
            QMessageBox.information(
                self,
                self.tr("Rantai log audit"),
                self.tr("Rantai log audit utuh: {n} entri diperiksa.").format(n=report.entries),
            )
        else:
            details = "\n".join(b.describe() for b in report.breaks[:20])
            QMessageBox.warning(
                self,
                self.tr("Rantai log audit rusak"),
                self.tr("Log audit telah diubah di {n} tempat:\n{details}").format(
                    n=len(report.breaks), details=details
                ),
            )
        self.last_report = report


class AuditLogDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log audit"))
        self.resize(1100, 640)
        self.widget = AuditLogWidget(db, actor, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.widget, 1)
        layout.addWidget(buttons)
