"""Laporan: the monthly recap for the BPJS branch (xlsx + the Rekap PDF to sign) and the
Dana Desa realisation, exported in the background with progress; the Pendaftaran
columns are arranged here and kept per BPJS branch.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.errors import PesiarError
from pesiar_desktop.reportdata.dana_desa import DanaDesaData
from pesiar_desktop.reportdata.recap import (
    DEFAULT_COLUMNS,
    PENDAFTARAN_COLUMNS,
    RecapData,
    RekapRow,
)
from pesiar_desktop.services import recap
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.events import Topic
from pesiar_desktop.ui import formatting, icons
from pesiar_desktop.ui.bus import DataBus
from pesiar_desktop.ui.save_dialog import get_save_file_name
from pesiar_desktop.ui.tasks import TaskContext, TaskManager
from pesiar_desktop.ui.widgets.forms import explain_read_only, show_error
from pesiar_desktop.ui.write_op import run_write

MONTHS_BACK = 24
REFRESH_TOPICS = {Topic.REGISTRATIONS, Topic.VISITS, Topic.ADVOCACY, Topic.AGENTS, Topic.RESIDENTS}
PREVIEW_HEADERS = (
    "Agen",
    "Target\njiwa",
    "Realisasi\njiwa",
    "Target\nKK",
    "Realisasi\nKK",
    "Kunjungan",
    "Advokasi",
    "Didaftarkan\n(jiwa)",
    "Belum bayar\n(KK)",
    "Aktif kembali\n(jiwa)",
)


def default_month(today: date) -> date:
    """Early in a month the office reports the month before; later, the running one."""
    first = today.replace(day=1)
    if today.day <= 10:
        return (first - timedelta(days=1)).replace(day=1)
    return first


def _months(today: date) -> list[date]:
    found = []
    index = today.year * 12 + today.month - 1
    for back in range(MONTHS_BACK):
        year, month = divmod(index - back, 12)
        found.append(date(year, month + 1, 1))
    return found


class LaporanPage(QWidget):
    """Public names used by tests: `month_combo`, `branch_combo`, `column_list`,
    `select_month(date)`, `export_recap(path)`, `export_pdf(path)`, `export_dana_desa(path)`,
    `save_columns()`,
    `preview`, `status`, `last_output`, `exported(path)`."""

    exported = Signal(str)
    columns_saved = Signal(str)  # the branch whose column order was saved

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        bus: DataBus,
        actor: Actor,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.actor = actor
        self.can_export = actor.can("personal.export")
        self.last_output: Path | None = None
        self._dirty = True
        self._key = f"laporan.preview.{id(self)}"
        self._build()
        bus.changed.connect(self._on_data_changed)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        title = QLabel(self.tr("Laporan"))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        intro = QLabel(
            self.tr(
                "Rekap bulanan PESIAR untuk BPJS Kesehatan cabang: per agen, daftar peserta yang "
                "didaftarkan (siap FDIP), usulan PBI dan laporan PPU BU, keaktifan (peserta "
                "diaktifkan kembali), kunjungan, advokasi, cakupan per dusun dan per segmen, "
                "serta sasaran tersisa. Lembar Rekap juga dapat dicetak sebagai PDF untuk "
                "ditandatangani kepala desa."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #5f6368;")

        today = clock.today()
        self.month_combo = QComboBox()
        for month in _months(today):  # data: "YYYY-MM-DD" (Qt would turn a date into QDate)
            self.month_combo.addItem(formatting.month_year(month), month.isoformat())
        self.select_month(default_month(today))
        self.month_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.recap_button = QPushButton(
            icons.icon("fa5s.file-excel", color="#188038"), self.tr("Ekspor rekap (.xlsx)…")
        )
        self.recap_button.clicked.connect(self._ask_recap)
        self.pdf_button = QPushButton(
            icons.icon("fa5s.file-pdf", color="#d93025"), self.tr("PDF lembar Rekap…")
        )
        self.pdf_button.clicked.connect(self._ask_pdf)
        if not self.can_export:
            self.recap_button.setEnabled(False)
            self.recap_button.setToolTip(
                self.tr("Rekap berisi NIK: peran Anda tidak boleh mengekspor data pribadi.")
            )
        self.open_button = QPushButton(icons.icon("fa5s.folder-open"), self.tr("Buka folder"))
        self.open_button.setEnabled(False)
        self.open_button.setToolTip(self.tr("Membuka folder berkas yang baru diekspor"))
        self.open_button.clicked.connect(self.open_folder)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        recap_box = QGroupBox(self.tr("Rekap bulanan"))
        grid = QGridLayout(recap_box)
        grid.addWidget(QLabel(self.tr("Bulan")), 0, 0)
        grid.addWidget(self.month_combo, 0, 1)
        grid.addWidget(self.recap_button, 0, 2)
        grid.addWidget(self.pdf_button, 0, 3)
        grid.setColumnStretch(4, 1)
        self.summary = QLabel("")
        self.summary.setStyleSheet("color: #3c4043;")
        self.summary.setWordWrap(True)  # a long summary must not widen the window
        grid.addWidget(self.summary, 1, 0, 1, 5)
        self.preview = QTableWidget(0, len(PREVIEW_HEADERS))
        self.preview.setHorizontalHeaderLabels([self.tr(h) for h in PREVIEW_HEADERS])
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        self.preview.setWordWrap(False)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(PREVIEW_HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        grid.addWidget(self.preview, 2, 0, 1, 5)

        # Pendaftaran columns, per BPJS branch
        columns_box = QGroupBox(self.tr("Kolom lembar Pendaftaran (FDIP)"))
        self.branch_combo = QComboBox()
        self.branch_combo.setEditable(True)
        self.branch_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        branch_edit = self.branch_combo.lineEdit()
        assert branch_edit is not None  # an editable combo box has one
        branch_edit.setPlaceholderText(self.tr("(urutan bawaan)"))
        self.branch_combo.setToolTip(
            self.tr("Nama kantor cabang BPJS; tiap cabang boleh punya urutan kolom sendiri")
        )
        self.branch_combo.activated.connect(lambda _i: self._load_columns())
        self.column_list = QListWidget()
        self.column_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.column_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.column_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.column_list.setToolTip(
            self.tr("Centang kolom yang dikirim; seret atau pakai Naik/Turun untuk mengurutkan")
        )
        self.up_button = QPushButton(icons.icon("fa5s.arrow-up"), self.tr("Naik"))
        self.up_button.setShortcut("Alt+Up")
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(icons.icon("fa5s.arrow-down"), self.tr("Turun"))
        self.down_button.setShortcut("Alt+Down")
        self.down_button.clicked.connect(lambda: self._move(1))
        self.reset_button = QPushButton(self.tr("Urutan bawaan"))
        self.reset_button.clicked.connect(lambda: self._fill_columns(list(DEFAULT_COLUMNS)))
        self.save_button = QPushButton(icons.icon("fa5s.save"), self.tr("Simpan untuk cabang ini"))
        self.save_button.clicked.connect(self.save_columns)
        self.save_button.setEnabled(self.can_export)
        explain_read_only(
            self.can_export,
            self.save_button,
            why=self.tr("Peran Anda tidak berhak mengekspor data pribadi."),
        )
        self.columns_error = QLabel("")
        self.columns_error.setStyleSheet("color: #d93025;")
        self.columns_error.setWordWrap(True)
        buttons = QVBoxLayout()
        for button in (self.up_button, self.down_button, self.reset_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        columns_layout = QGridLayout(columns_box)
        columns_layout.addWidget(QLabel(self.tr("Kantor cabang")), 0, 0)
        columns_layout.addWidget(self.branch_combo, 0, 1, 1, 2)
        columns_layout.addWidget(self.column_list, 1, 0, 1, 2)
        columns_layout.addLayout(buttons, 1, 2)
        columns_layout.addWidget(self.columns_error, 2, 0, 1, 3)
        columns_box.setMaximumWidth(390)

        dana_box = QGroupBox(self.tr("Realisasi Dana Desa"))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2020, 2100)
        self.year_spin.setValue(clock.today().year)
        self.dana_button = QPushButton(
            icons.icon("fa5s.file-invoice-dollar", color="#188038"),
            self.tr("Ekspor realisasi (.xlsx)…"),
        )
        self.dana_button.clicked.connect(self._ask_dana_desa)
        dana_layout = QHBoxLayout(dana_box)
        dana_layout.addWidget(QLabel(self.tr("Tahun anggaran")))
        dana_layout.addWidget(self.year_spin)
        dana_layout.addWidget(self.dana_button)
        hint = QLabel(self.tr("Honor dan insentif agen yang dibayar, dibanding pagu penugasan."))
        hint.setStyleSheet("color: #5f6368;")
        hint.setWordWrap(True)
        dana_layout.addWidget(hint, 1)

        result = QFrame()
        result.setObjectName("ResultBar")
        result.setStyleSheet("#ResultBar { background: #f1f3f4; border-radius: 6px; }")
        result_layout = QHBoxLayout(result)
        result_layout.setContentsMargins(10, 6, 10, 6)
        result_layout.addWidget(self.status, 1)
        result_layout.addWidget(self.open_button)

        left = QVBoxLayout()
        left.addWidget(recap_box, 1)
        left.addWidget(dana_box)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(columns_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addWidget(result)
        self._load_branches()

    # ------------------------------------------------------------ columns

    def _load_branches(self) -> None:
        current = recap.current_branch(self.db)
        names = recap.branches(self.db)
        if current not in names:
            names.append(current)
        self.branch_combo.clear()
        for name in names:
            self.branch_combo.addItem(name or "", name)
        self.branch_combo.setCurrentText(current)
        self._load_columns()

    def _load_columns(self) -> None:
        self._fill_columns(recap.columns_for(self.db, self.branch_combo.currentText()))

    def _fill_columns(self, chosen: list[str]) -> None:
        self.column_list.clear()
        rest = [k for k in PENDAFTARAN_COLUMNS if k not in chosen]
        for key in [*chosen, *rest]:
            item = QListWidgetItem(PENDAFTARAN_COLUMNS[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(
                item.flags()
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemIsSelectable
            )
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
            item.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
            self.column_list.addItem(item)
        self.columns_error.setText("")

    def chosen_columns(self) -> list[str]:
        return [
            str(self.column_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.column_list.count())
            if self.column_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _move(self, step: int) -> None:
        row = self.column_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.column_list.count():
            return
        item = self.column_list.takeItem(row)
        self.column_list.insertItem(target, item)
        self.column_list.setCurrentRow(target)

    def save_columns(self) -> None:
        """Saves in the background; `columns_saved` tells when it is done."""
        branch, columns = self.branch_combo.currentText(), self.chosen_columns()

        def saved(_result: object) -> None:
            self.columns_error.setText("")
            self.status.setText(
                self.tr("Urutan kolom disimpan untuk {branch}.").format(
                    branch=branch.strip() or self.tr("urutan bawaan")
                )
            )
            self._load_branches()
            self.columns_saved.emit(branch)

        def failed(err: BaseException) -> None:
            if isinstance(err, PesiarError):
                self.columns_error.setText(str(err))
            else:
                show_error(self, err)

        run_write(
            self,
            self.tasks,
            lambda _c: recap.save_columns(self.db, self.actor, branch, columns),
            on_success=saved,
            on_error=failed,
            busy=[self.save_button],
        )

    # ------------------------------------------------------------ preview

    def activate(self) -> None:
        if self._dirty:
            self.refresh()

    def _on_data_changed(self, topic: Topic) -> None:
        if topic not in REFRESH_TOPICS:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def month(self) -> date:
        return date.fromisoformat(str(self.month_combo.currentData()))

    def select_month(self, month: date) -> None:
        index = self.month_combo.findData(month.replace(day=1).isoformat())
        self.month_combo.setCurrentIndex(max(0, index))

    def refresh(self) -> None:
        self._dirty = False
        month = self.month()

        def job(session: Session) -> tuple[list[RekapRow], int]:
            rows = recap.rekap_rows(session, month)
            return rows, sum(r.registered_people for r in rows)

        self.summary.setText(self.tr("Menghitung…"))
        self.tasks.run_read(job, self._show_preview, self._preview_failed, key=self._key)

    def _preview_failed(self, err: BaseException) -> None:
        self.summary.setText(self.tr("Ringkasan tidak dapat dihitung: {err}").format(err=err))

    def _show_preview(self, result: tuple[list[RekapRow], int]) -> None:
        rows, people = result
        self.preview.setRowCount(len(rows))
        for row, r in enumerate(rows):
            values: list[str | int] = [
                r.name,
                r.target_people,
                r.paid_people,
                r.target_families,
                r.paid_families,
                r.visits,
                r.advocacy_events,
                r.registered_people,
                r.unpaid_families,
                r.reactivated_people,
            ]
            for column, value in enumerate(values):
                text = value if isinstance(value, str) else formatting.number(value)
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.preview.setItem(row, column, item)
        paid = sum(r.paid_people for r in rows)
        target = sum(r.target_people for r in rows)
        self.summary.setText(
            self.tr(
                "{month}: {agents} agen, {people} jiwa didaftarkan, {paid} jiwa iuran pertama "
                "dibayar dari target {target} jiwa; {back} jiwa diaktifkan kembali (bukan "
                "peserta baru)."
            ).format(
                back=formatting.number(sum(r.reactivated_people for r in rows)),
                month=formatting.month_year(self.month()),
                agents=formatting.number(sum(1 for r in rows if r.agent_id is not None)),
                people=formatting.number(people),
                paid=formatting.number(paid),
                target=formatting.number(target),
            )
        )

    # ------------------------------------------------------------ exports

    def _file_stem(self) -> str:
        return f"Rekap-PESIAR-{self.month():%Y-%m}"

    def _ask(self, title: str, name: str, pattern: str) -> Path | None:
        path, _filter = get_save_file_name(self, title, name, pattern)
        return Path(path) if path else None

    def _ask_recap(self) -> None:
        path = self._ask(
            self.tr("Simpan rekap bulanan"),
            f"{self._file_stem()}.xlsx",
            self.tr("Buku kerja Excel (*.xlsx)"),
        )
        if path is not None:
            self.export_recap(path.with_suffix(".xlsx"))

    def _ask_pdf(self) -> None:
        path = self._ask(
            self.tr("Simpan PDF lembar Rekap"),
            f"{self._file_stem()}.pdf",
            self.tr("Dokumen PDF (*.pdf)"),
        )
        if path is not None:
            self.export_pdf(path.with_suffix(".pdf"))

    def _ask_dana_desa(self) -> None:
        path = self._ask(
            self.tr("Simpan realisasi Dana Desa"),
            f"Realisasi-Dana-Desa-Agen-PESIAR-{self.year_spin.value()}.xlsx",
            self.tr("Buku kerja Excel (*.xlsx)"),
        )
        if path is not None:
            self.export_dana_desa(path.with_suffix(".xlsx"))

    def _export_callbacks(
        self, title: str, done_text: Callable[[Path, Any], str]
    ) -> tuple[Callable[[tuple[Path, Any]], None], Callable[[BaseException], None]]:
        """`run_write`'s callbacks for an export (audited, so a write)."""
        self.status.setText(title)

        def done(result: tuple[Path, Any]) -> None:
            path, data = result
            self.last_output = path
            self.open_button.setEnabled(True)
            self.status.setText(done_text(path, data))
            self.exported.emit(str(path))

        def failed(err: BaseException) -> None:
            if not isinstance(err, (PesiarError, OSError)):
                self.status.setText(self.tr("Gagal: kesalahan tak terduga."))
                show_error(self, err, self.tr("Laporan"))  # one line; logged by run_write
                return
            self.status.setText(self.tr("Gagal: {err}").format(err=err))
            QMessageBox.warning(self, self.tr("Laporan"), str(err))

        return done, failed

    def _export_buttons(self) -> list[QWidget]:
        """Disabled while an export runs."""
        return [self.recap_button, self.pdf_button, self.dana_button]

    def export_recap(self, path: Path) -> None:
        month = self.month()
        columns = self.chosen_columns() or None
        branch = self.branch_combo.currentText()

        def job(context: TaskContext) -> tuple[Path, RecapData]:
            def report(done: int, total: int, text: str) -> None:
                context.check_cancelled()
                context.report(done, total, text)

            data = recap.export_recap_xlsx(
                self.db, self.actor, month, path, columns=columns, branch=branch, report=report
            )
            return path, data

        title = self.tr("Menyusun rekap {month}…").format(month=formatting.month_year(month))
        done, failed = self._export_callbacks(
            title,
            lambda p, data: self.tr(
                "Rekap {month} tersimpan: {path} ({people} jiwa di lembar Pendaftaran)."
            ).format(
                month=formatting.month_year(month),
                path=p,
                people=formatting.number(len(data.pendaftaran)),
            ),
        )
        run_write(
            self,
            self.tasks,
            job,
            on_success=done,
            on_error=failed,
            progress_text=title,
            cancellable=True,
            busy=self._export_buttons(),
        )

    def export_pdf(self, path: Path) -> None:
        month = self.month()

        def job(_context: TaskContext) -> tuple[Path, RecapData]:
            return path, recap.export_recap_pdf(self.db, self.actor, month, path)

        title = self.tr("Mencetak lembar Rekap {month}…").format(month=formatting.month_year(month))
        done, failed = self._export_callbacks(
            title,
            lambda p, _data: self.tr("PDF lembar Rekap tersimpan: {path}").format(path=p),
        )
        run_write(
            self,
            self.tasks,
            job,
            on_success=done,
            on_error=failed,
            progress_text=title,
            cancellable=True,
            busy=self._export_buttons(),
        )

    def export_dana_desa(self, path: Path) -> None:
        year = self.year_spin.value()

        def job(_context: TaskContext) -> tuple[Path, DanaDesaData]:
            return path, recap.export_dana_desa_xlsx(self.db, self.actor, year, path)

        title = self.tr("Menyusun realisasi Dana Desa {year}…").format(year=year)
        done, failed = self._export_callbacks(
            title,
            lambda p, data: self.tr(
                "Realisasi Dana Desa {year} tersimpan: {path} (dibayar {paid} dari pagu {budget})."
            ).format(
                year=year,
                path=p,
                paid=formatting.rupiah(sum(f.paid for f in data.funding)),
                budget=formatting.rupiah(sum(f.budget for f in data.funding)),
            ),
        )
        run_write(
            self,
            self.tasks,
            job,
            on_success=done,
            on_error=failed,
            progress_text=title,
            cancellable=True,
            busy=self._export_buttons(),
        )

    def open_folder(self) -> None:
        if self.last_output is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_output.parent)))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(1000, 640)
