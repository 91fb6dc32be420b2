"""Family inputs shared by the resident form and the move dialog: pick an existing
KK by No KK or head's name, or type a new KK (No KK, RT, address, welfare decile)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from pesiar_desktop.db import Database
from pesiar_desktop.services import register, village
from pesiar_desktop.services.residents import FamilyInput
from pesiar_desktop.ui.tasks import TaskManager
from pesiar_desktop.ui.widgets.forms import FieldErrors, fill_combo, hint_label

SEARCH_DEBOUNCE_MS = 150


class FamilyPicker(QWidget):
    """Search field plus result list; `family_id()` is the chosen KK."""

    changed = Signal()
    results_shown = Signal()

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        parent: QWidget | None = None,
        exclude_family_id: int | None = None,
    ):
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._exclude = exclude_family_id
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Ketik No KK atau nama kepala keluarga…"))
        self.search_edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setMinimumHeight(90)
        self.results.setMaximumHeight(140)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.results)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(self._search)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.results.currentItemChanged.connect(lambda *_: self.changed.emit())
        self._key = f"family-picker.{id(self)}"

    def family_id(self) -> int | None:
        item = self.results.currentItem()
        if item is None:
            return None
        value = item.data(Qt.ItemDataRole.UserRole)
        return int(value) if value is not None else None

    def _search(self) -> None:
        text = self.search_edit.text()
        exclude = self._exclude

        def job(session: Session) -> list[tuple[int, str, str]]:
            return [row for row in register.find_families(session, text) if row[0] != exclude]

        self._tasks.run_read(job, self._show, key=self._key)

    def _show(self, rows: list[tuple[int, str, str]]) -> None:
        self.results.clear()
        for family_id, no_kk, head in rows:
            item = QListWidgetItem(f"{no_kk} — {head or self.tr('(tanpa kepala keluarga)')}")
            item.setData(Qt.ItemDataRole.UserRole, family_id)
            self.results.addItem(item)
        if len(rows) == 1:
            self.results.setCurrentRow(0)
        elif not rows and self.search_edit.text().strip():
            item = QListWidgetItem(self.tr("Tidak ada KK yang cocok."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)
        self.changed.emit()
        self.results_shown.emit()


# NewFamilyFields is no QObject: its texts have their own context (a parent's tr() would look
# them up in each parent class's context, where lupdate never puts them).


class NewFamilyFields:
    """The four inputs of a new KK, registered in the caller's FieldErrors."""

    def __init__(self, db: Database, form: QFormLayout, errors: FieldErrors, parent: QWidget):
        self.no_kk = QLineEdit(parent)
        self.no_kk.setPlaceholderText(QCoreApplication.translate("NewFamilyFields", "16 digit"))
        self.no_kk.setMaxLength(24)
        self.rt = QComboBox(parent)
        areas = village.list_areas(db)
        fill_combo(
            self.rt,
            [(area.label, area.rt_id) for area in areas],
            QCoreApplication.translate("NewFamilyFields", "— pilih —"),
        )
        self.address = QLineEdit(parent)
        self.address.setPlaceholderText(
            QCoreApplication.translate("NewFamilyFields", "mis. Jl. Melati No. 3")
        )
        self.decile = QComboBox(parent)
        fill_combo(
            self.decile,
            [(str(i), i) for i in range(1, 11)],
            QCoreApplication.translate("NewFamilyFields", "tidak diketahui"),
        )
        form.addRow(
            QCoreApplication.translate("NewFamilyFields", "No KK"),
            errors.field("no_kk", self.no_kk),
        )
        form.addRow(
            QCoreApplication.translate("NewFamilyFields", "Dusun / RT"),
            errors.field("rt_id", self.rt),
        )
        if not areas:
            form.addRow(
                "",
                hint_label(
                    QCoreApplication.translate(
                        "NewFamilyFields",
                        "Belum ada RT. Tambahkan dusun dan RT di halaman Pengaturan › Wilayah.",
                    )
                ),
            )
        form.addRow(
            QCoreApplication.translate("NewFamilyFields", "Alamat"),
            errors.field("address", self.address),
        )
        form.addRow(
            QCoreApplication.translate("NewFamilyFields", "Desil kesejahteraan"),
            errors.field("welfare_decile", self.decile),
        )
        self.widgets: list[QWidget] = [self.no_kk, self.rt, self.address, self.decile]

    def value(self) -> FamilyInput:
        return FamilyInput(
            no_kk=self.no_kk.text(),
            rt_id=self.rt.currentData(),
            address=self.address.text(),
            welfare_decile=self.decile.currentData(),
        )

    def set_enabled(self, enabled: bool) -> None:
        for widget in self.widgets:
            widget.setEnabled(enabled)
