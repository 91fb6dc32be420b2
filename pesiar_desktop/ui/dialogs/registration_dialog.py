"""Daftarkan keluarga: every living member on the KK, a class per member, the premium
computed from the premium table on the registration date (never typed).

Unticking a member asks for a reason on that row and, for PBPU, an explicit
confirmation; the service refuses otherwise, and its messages appear beside the
fields.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.errors import PesiarError
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules.nik import mask_nik
from pesiar_desktop.rules.premiums import Rate
from pesiar_desktop.services import registrations
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.registrations import (
    FamilyForRegistration,
    MemberChoice,
    RegistrationInput,
)
from pesiar_desktop.ui import formatting
from pesiar_desktop.ui.dialogs.visit_entry import FamilyFinder
from pesiar_desktop.ui.i18n import label_of
from pesiar_desktop.ui.tasks import TaskManager
from pesiar_desktop.ui.widgets.date_field import DateField
from pesiar_desktop.ui.widgets.forms import (
    FieldErrors,
    code_items,
    error_label,
    fill_combo,
    hint_label,
    show_error,
)
from pesiar_desktop.ui.write_op import run_write, show_field_errors

COL_INCLUDED, COL_NAME, COL_NIK, COL_SHDK, COL_STATUS, COL_CLASS, COL_PREMIUM, COL_REASON = range(8)
HEADERS = ["Daftar", "Nama", "NIK", "Hubungan", "Status JKN saat ini", "Kelas", "Iuran/bulan",
           "Alasan bila tidak didaftarkan"]  # fmt: skip
DEFAULT_CLASS = 3


class RegistrationDialog(QDialog):
    """Public names used by tests: `finder`, `path_combo`, `date_field`, `table`,
    `include_boxes`, `class_combos`, `reason_edits`, `confirm_box`, `total_label`,
    `errors`, `general_error`, `save()`, `saved_id`."""

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        parent: QWidget | None = None,
        family_id: int | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.actor = actor
        self.masked = not actor.can("personal.see_full_nik")
        self.family: FamilyForRegistration | None = None
        self.saved_id: int | None = None
        self.rates: dict[int, Rate] = {}
        self.include_boxes: list[QCheckBox] = []
        self.class_combos: list[QComboBox] = []
        self.reason_edits: list[QLineEdit] = []
        self.setWindowTitle(self.tr("Daftarkan keluarga sebagai peserta JKN"))
        self.errors = FieldErrors()

        self.finder = FamilyFinder(db, tasks, self.masked)
        self.finder.family_picked.connect(self.load_family)
        self.family_label = QLabel()
        self.family_label.setWordWrap(True)
        self.path_combo = QComboBox()
        fill_combo(
            self.path_combo,
            code_items(fc.REGISTRATION_PATHS),
        )
        self.path_combo.currentIndexChanged.connect(lambda _i: self._path_changed())
        self.date_field = DateField(allow_empty=False)
        self.date_field.dateChanged.connect(lambda _d: self._load_rates())
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumWidth(900)
        self.total_label = QLabel()
        self.total_label.setWordWrap(True)
        self.total_label.setStyleSheet("font-size: 14px;")
        self.confirm_box = QCheckBox(
            self.tr(
                "Saya sudah memastikan bersama keluarga bahwa anggota yang tidak dicentang "
                "memang tidak ikut didaftarkan, dengan alasan yang ditulis."
            )
        )
        self.employer_name = QLineEdit()
        self.employer_address = QLineEdit()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(self.fontMetrics().height() * 3)

        form = QFormLayout()
        if family_id is None:
            form.addRow(self.tr("Cari keluarga"), self.errors.field("family", self.finder))
        else:
            self.finder.hide()
        form.addRow(self.tr("Keluarga"), self.family_label)
        form.addRow(self.tr("Jalur"), self.errors.field("path", self.path_combo))
        form.addRow(
            self.tr("Tanggal pendaftaran"), self.errors.field("registered_on", self.date_field)
        )
        self.employer_label = QLabel(self.tr("Pemberi kerja"))
        form.addRow(self.employer_label, self.errors.field("employer_name", self.employer_name))
        self.employer_address_label = QLabel(self.tr("Alamat pemberi kerja"))
        form.addRow(self.employer_address_label, self.employer_address)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.field("members", self.table, "exclusion"), 1)
        layout.addWidget(self.total_label)
        layout.addWidget(self.errors.field("confirm", self.confirm_box))
        layout.addWidget(QLabel(self.tr("Catatan")))
        layout.addWidget(self.note_edit)
        layout.addWidget(
            hint_label(
                self.tr(
                    "PBPU mendaftarkan seluruh anggota KK yang masih hidup; iuran dihitung "
                    "dari tabel tarif yang berlaku pada tanggal pendaftaran."
                )
            )
        )
        self.general_error = error_label()
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._load_rates()
        self._path_changed()
        if family_id is not None:
            self.load_family(family_id)
        else:
            self.family_label.setText(self.tr("Ketik NIK, No KK atau nama lalu Enter."))

    # ------------------------------------------------------------ loading

    def load_family(self, family_id: int) -> None:
        try:
            family = registrations.family_for_registration(self.db, family_id, self._date())
        except PesiarError as err:
            show_error(self, err)
            return
        self.family = family
        show = mask_nik if self.masked else (lambda v: v)
        agent = family.agent_name or self.tr("(di luar wilayah agen)")
        text = self.tr("<b>{head}</b> · KK {kk} · {address} · {area}<br>Agen: {agent}").format(
            head=family.head_name,
            kk=show(family.no_kk),
            address=family.address,
            area=family.area_label,
            agent=agent,
        )
        if family.open_registration_id is not None:
            text += "<br><span style='color:#b3261e'>" + self.tr(
                "Keluarga ini masih punya pendaftaran yang berjalan."
            ) + "</span>"  # fmt: skip
        self.family_label.setText(text)
        self.table.setRowCount(0)
        self.include_boxes, self.class_combos, self.reason_edits = [], [], []
        for row, member in enumerate(family.members):
            self.table.insertRow(row)
            box = QCheckBox()
            box.setChecked(True)
            box.toggled.connect(lambda _c, row=row: self._include_changed(row))
            holder = QWidget()
            holder_layout = QVBoxLayout(holder)
            holder_layout.setContentsMargins(8, 0, 0, 0)
            holder_layout.addWidget(box)
            self.table.setCellWidget(row, COL_INCLUDED, holder)
            self.include_boxes.append(box)
            status = label_of(codes.MEMBERSHIP_STATUS, member.status)
            if member.segment and member.status != codes.STATUS_NOT_REGISTERED:
                status += f" · {label_of(codes.SEGMENTS, member.segment)}"
            for column, text in (
                (COL_NAME, member.name),
                (COL_NIK, show(member.nik)),
                (COL_SHDK, label_of(codes.SHDK, member.shdk)),
                (COL_STATUS, status),
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
            combo = QComboBox()
            fill_combo(combo, code_items(codes.JKN_CLASS))
            combo.setCurrentIndex(combo.findData(member.jkn_class or DEFAULT_CLASS))
            combo.currentIndexChanged.connect(lambda _i: self._update_premiums())
            self.table.setCellWidget(row, COL_CLASS, combo)
            self.class_combos.append(combo)
            self.table.setItem(row, COL_PREMIUM, QTableWidgetItem(""))
            reason = QLineEdit()
            reason.setPlaceholderText(self.tr("wajib bila tidak dicentang"))
            reason.setEnabled(False)
            self.table.setCellWidget(row, COL_REASON, reason)
            self.reason_edits.append(reason)
        self.table.resizeRowsToContents()
        # Someone already covered (PBI, PPU …) is not registered again: unticked with the
        # reason filled in, still to be confirmed by the user like any other exclusion.
        for row, member in enumerate(family.members):
            if member.already_active:
                self.include_boxes[row].setChecked(False)
        self._path_changed()

    def _date(self) -> date:
        return self.date_field.value() or clock.today()

    def _load_rates(self) -> None:
        self.rates = registrations.premium_table(self.db, self._date())
        self._update_premiums()

    def path(self) -> str:
        return str(self.path_combo.currentData())

    def _path_changed(self) -> None:
        pbpu = self.path() == fc.PATH_PBPU
        employer = self.path() == fc.PATH_PPU_BU_REPORT
        for widget in (self.employer_label, self.employer_name, self.employer_address_label,
                       self.employer_address):  # fmt: skip
            widget.setVisible(employer)
        self.table.setColumnHidden(COL_CLASS, not pbpu)
        self.table.setColumnHidden(COL_PREMIUM, not pbpu)
        self._update_premiums()

    def _include_changed(self, row: int) -> None:
        included = self.include_boxes[row].isChecked()
        reason = self.reason_edits[row]
        reason.setEnabled(not included)
        self.class_combos[row].setEnabled(included)
        if not included and not reason.text() and self.family is not None:
            member = self.family.members[row]
            if member.already_active:
                reason.setText(
                    self.tr("Sudah peserta JKN aktif ({segment})").format(
                        segment=label_of(codes.SEGMENTS, member.segment, "-")
                    )
                )
            reason.setFocus()
        self._update_premiums()

    def _update_premiums(self) -> None:
        pbpu = self.path() == fc.PATH_PBPU
        total = 0
        missing = False
        for row, combo in enumerate(self.class_combos):
            item = self.table.item(row, COL_PREMIUM)
            if item is None:
                continue
            rate = self.rates.get(int(combo.currentData()))
            if not self.include_boxes[row].isChecked():
                item.setText("—")
                continue
            if rate is None:
                missing = True
                item.setText(self.tr("tarif belum ada"))
                continue
            item.setText(formatting.rupiah(rate.member_pays))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            total += rate.member_pays
        excluded = sum(1 for box in self.include_boxes if not box.isChecked())
        self.confirm_box.setVisible(pbpu and excluded > 0)
        if not pbpu:
            self.total_label.setText(
                self.tr("{n} jiwa diusulkan / dilaporkan; iuran tidak dibayar keluarga.").format(
                    n=len(self.include_boxes) - excluded
                )
            )
            return
        if missing:
            self.total_label.setText(
                self.tr("Tarif iuran untuk tanggal ini belum lengkap di tabel tarif.")
            )
            return
        people = len(self.include_boxes) - excluded
        self.total_label.setText(
            self.tr("Iuran keluarga: <b>{total}</b> per bulan untuk {n} jiwa ({words})").format(
                total=formatting.rupiah(total), n=people, words=formatting.terbilang(total)
            )
        )

    # ------------------------------------------------------------ saving

    def registration_input(self) -> RegistrationInput:
        assert self.family is not None
        pbpu = self.path() == fc.PATH_PBPU
        return RegistrationInput(
            family_id=self.family.family_id,
            path=self.path(),
            registered_on=self._date(),
            members=[
                MemberChoice(
                    resident_id=member.resident_id,
                    included=self.include_boxes[row].isChecked(),
                    jkn_class=int(self.class_combos[row].currentData()) if pbpu else None,
                    exclusion_reason=self.reason_edits[row].text(),
                )
                for row, member in enumerate(self.family.members)
            ],
            confirm_exclusions=self.confirm_box.isChecked(),
            agent_id=self.family.agent_id,
            assignment_id=self.family.assignment_id,
            employer_name=self.employer_name.text(),
            employer_address=self.employer_address.text(),
            note=self.note_edit.toPlainText(),
        )

    def save(self) -> None:
        self.errors.clear()
        self.general_error.hide()
        if self.family is None:
            self.errors.show({"family": self.tr("Pilih keluarga dulu.")})
            if self.finder.isHidden():
                self.general_error.setText(self.tr("Pilih keluarga dulu."))
                self.general_error.show()
            return
        data = self.registration_input()

        def saved(saved_id: int) -> None:
            self.saved_id = saved_id
            self.accept()

        run_write(
            self,
            self.tasks,
            lambda _c: registrations.submit(self.db, self.actor, data),
            on_success=saved,
            on_error=lambda err: show_field_errors(self.errors, self.general_error, self, err),
        )
