"""Side panel of the Penduduk page: the selected person's Kartu Keluarga with its
members and the family actions. The page decides what the buttons do."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop.rules import codes
from pesiar_desktop.rules.nik import mask_nik
from pesiar_desktop.services.register import FamilyView, RegisterRow
from pesiar_desktop.ui import formatting, icons
from pesiar_desktop.ui.i18n import QT_TRANSLATE_NOOP, code_label, label_of
from pesiar_desktop.ui.tablemodels.residents import STATUS_COLOURS
from pesiar_desktop.ui.widgets.forms import explain_read_only

MUTED = QColor("#80868b")
# Short JKN status labels for the narrow member list (the tooltip has the full one).
SHORT_STATUS = {
    codes.STATUS_NOT_REGISTERED: QT_TRANSLATE_NOOP("codes", "Belum terdaftar"),
    codes.STATUS_ACTIVE: QT_TRANSLATE_NOOP("codes", "Aktif"),
    codes.STATUS_ARREARS: QT_TRANSLATE_NOOP("codes", "Menunggak"),
    codes.STATUS_PBI_REMOVED: QT_TRANSLATE_NOOP("codes", "Keluar PBI"),
    codes.STATUS_INACTIVE_OTHER: QT_TRANSLATE_NOOP("codes", "Nonaktif"),
    codes.STATUS_ENDED: QT_TRANSLATE_NOOP("codes", "Berakhir"),
}


class FamilyPanel(QFrame):
    add_member_clicked = Signal()
    edit_clicked = Signal()
    move_clicked = Signal()
    mark_dead_clicked = Signal()
    mark_moved_clicked = Signal()
    change_head_clicked = Signal()
    birth_clicked = Signal()
    arrival_clicked = Signal()
    member_activated = Signal(int)  # double-click on a member: resident id

    def __init__(self, parent: QWidget | None = None, *, masked: bool, can_write: bool):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(300)
        self._masked = masked
        self._can_write = can_write
        self.family: FamilyView | None = None
        self._focus_id: int | None = None

        self.title = QLabel(self.tr("Kartu Keluarga"))
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.empty_hint = QLabel(
            self.tr(
                "Pilih seorang penduduk di tabel untuk melihat Kartu Keluarganya: anggota, "
                "hubungan, umur dan status JKN masing-masing."
            )
        )
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: #5f6368;")

        self.no_kk = QLabel()
        self.head = QLabel()
        self.area = QLabel()
        self.address = QLabel()
        self.decile = QLabel()
        self.arrears = QLabel()
        for label in (self.no_kk, self.head, self.area, self.address, self.decile, self.arrears):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("No KK"), self.no_kk)
        form.addRow(self.tr("Kepala"), self.head)
        form.addRow(self.tr("Wilayah"), self.area)
        form.addRow(self.tr("Alamat"), self.address)
        form.addRow(self.tr("Desil"), self.decile)
        form.addRow(self.tr("Tunggakan"), self.arrears)

        self.members = QTableWidget(0, 4)
        self.members.setHorizontalHeaderLabels(
            [self.tr("Nama"), self.tr("Hubungan"), self.tr("Umur"), self.tr("JKN")]
        )
        self.members.verticalHeader().hide()
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members.setAlternatingRowColors(True)
        self.members.setWordWrap(False)
        self.members.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.members.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.members.itemSelectionChanged.connect(self._member_selection_changed)
        self.members.cellDoubleClicked.connect(self._member_double_clicked)

        def button(text: str, icon: str, signal: SignalInstance) -> QPushButton:
            widget = QPushButton(icons.icon(icon), text)
            widget.clicked.connect(signal.emit)
            return widget

        self.add_member_button = button(
            self.tr("Tambah anggota"), "fa5s.user-plus", self.add_member_clicked
        )
        self.edit_button = button(self.tr("Ubah data"), "fa5s.pen", self.edit_clicked)
        self.move_button = button(self.tr("Pindah KK"), "fa5s.exchange-alt", self.move_clicked)
        self.change_head_button = button(
            self.tr("Ganti kepala keluarga"), "fa5s.user-tie", self.change_head_clicked
        )
        self.mark_dead_button = button(
            self.tr("Tandai meninggal"), "fa5s.ribbon", self.mark_dead_clicked
        )
        self.mark_moved_button = button(
            self.tr("Tandai pindah"), "fa5s.sign-out-alt", self.mark_moved_clicked
        )
        self.birth_button = button(self.tr("Catat kelahiran"), "fa5s.baby", self.birth_clicked)
        self.birth_button.setToolTip(self.tr("Anak yang lahir di KK ini (peristiwa kelahiran)"))
        self.arrival_button = button(
            self.tr("Catat pendatang"), "fa5s.sign-in-alt", self.arrival_clicked
        )
        self.arrival_button.setToolTip(
            self.tr("Orang yang pindah datang dari luar desa ke KK ini (peristiwa pindah datang)")
        )
        # What each needs (they are grey until it is there), then the role's reason.
        for widget, needs in (
            (self.add_member_button, self.tr("Pilih sebuah keluarga (KK) di tabel")),
            (self.edit_button, self.tr("Pilih seorang anggota keluarga")),
            (self.move_button, self.tr("Pilih seorang anggota keluarga yang masih hidup")),
            (self.mark_dead_button, self.tr("Pilih seorang anggota keluarga yang masih hidup")),
            (self.mark_moved_button, self.tr("Pilih seorang anggota keluarga yang masih hidup")),
            (self.change_head_button, self.tr("Perlu dua anggota keluarga atau lebih yang hidup")),
        ):
            widget.setToolTip(needs)
        explain_read_only(
            can_write,
            self.add_member_button,
            self.edit_button,
            self.move_button,
            self.change_head_button,
            self.mark_dead_button,
            self.mark_moved_button,
            self.birth_button,
            self.arrival_button,
        )
        buttons = QGridLayout()
        buttons.addWidget(self.add_member_button, 0, 0)
        buttons.addWidget(self.edit_button, 0, 1)
        buttons.addWidget(self.move_button, 1, 0)
        buttons.addWidget(self.change_head_button, 1, 1)
        buttons.addWidget(self.mark_dead_button, 2, 0)
        buttons.addWidget(self.mark_moved_button, 2, 1)
        buttons.addWidget(self.birth_button, 3, 0)
        buttons.addWidget(self.arrival_button, 3, 1)
        self.permission_hint = QLabel(
            self.tr("Peran Anda hanya dapat melihat data; tombol ubah dinonaktifkan.")
        )
        self.permission_hint.setWordWrap(True)
        self.permission_hint.setStyleSheet("color: #5f6368;")
        self.permission_hint.setVisible(not can_write)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.details)
        layout.addWidget(self.members, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.permission_hint)
        self.set_family(None)

    # ------------------------------------------------------------ state

    def _shown_kk(self, value: str) -> str:
        return mask_nik(value) if self._masked else value

    def set_family(self, family: FamilyView | None, focus_id: int | None = None) -> None:
        """Shows a KK; `focus_id` is the person the per-person buttons act on."""
        self.family = family
        self._focus_id = focus_id
        has_family = family is not None
        self.empty_hint.setVisible(not has_family)
        self.details.setVisible(has_family)
        self.members.setVisible(has_family)
        self.members.blockSignals(True)
        self.members.setRowCount(0)
        if family is not None:
            self.no_kk.setText(self._shown_kk(family.no_kk))
            self.head.setText(family.head_name or self.tr("(belum ada kepala keluarga)"))
            self.area.setText(formatting.area(family.area_label))
            self.address.setText(family.address or "—")
            self.decile.setText(
                str(family.welfare_decile) if family.welfare_decile else self.tr("tidak diketahui")
            )
            self.arrears.setText(self._arrears_text(family))
            self.members.setRowCount(len(family.members))
            for row, member in enumerate(family.members):
                self._fill_member(row, member)
                if member.id == focus_id:
                    self.members.selectRow(row)
        self.members.blockSignals(False)
        self._update_buttons()

    def _arrears_text(self, family: FamilyView) -> str:
        """Months and amount owed (at most 24 months counted), for the family and each
        member in arrears."""
        owed = family.arrears
        if owed is None:
            return self.tr("tidak ada")
        people = ", ".join(
            self.tr("{name} {months} bln {amount}").format(
                name=m.name, months=m.months_counted, amount=formatting.rupiah(m.amount_owed)
            )
            for m in owed.members
        )
        return self.tr("{amount} ({n} jiwa, {months} bulan dihitung): {people}").format(
            amount=formatting.rupiah(owed.amount_owed),
            n=owed.people,
            months=owed.months_counted,
            people=people,
        )

    def _fill_member(self, row: int, member: RegisterRow) -> None:
        alive = member.life_status == codes.LIFE_ALIVE
        name = (
            member.name
            if alive
            else f"{member.name} ({label_of(codes.LIFE_STATUS, member.life_status)})"
        )
        status = label_of(codes.MEMBERSHIP_STATUS, member.jkn_status)
        cells = [
            name,
            label_of(codes.SHDK, member.shdk),
            str(member.age()),
            code_label(SHORT_STATUS.get(member.jkn_status, status)),
        ]
        tips = [name, cells[1], cells[2], status]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            item.setToolTip(tips[column])
            if not alive:
                item.setForeground(MUTED)
            elif column == 3 and member.jkn_status in STATUS_COLOURS:
                item.setForeground(STATUS_COLOURS[member.jkn_status])
            if column == 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.members.setItem(row, column, item)

    def focus_member(self) -> RegisterRow | None:
        """The person the per-person buttons act on."""
        if self.family is None or self._focus_id is None:
            return None
        return next((m for m in self.family.members if m.id == self._focus_id), None)

    def _member_selection_changed(self) -> None:
        rows = self.members.selectionModel().selectedRows()
        item = self.members.item(rows[0].row(), 0) if rows else None
        if item is not None and self.family is not None:
            self._focus_id = int(item.data(Qt.ItemDataRole.UserRole))
        self._update_buttons()

    def _member_double_clicked(self, row: int, _column: int) -> None:
        item = self.members.item(row, 0)
        if item is not None:
            self.member_activated.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _update_buttons(self) -> None:
        person = self.focus_member()
        family = self.family
        write = self._can_write
        alive = person is not None and person.life_status == codes.LIFE_ALIVE
        living = (
            []
            if family is None
            else [m for m in family.members if m.life_status == codes.LIFE_ALIVE]
        )
        self.add_member_button.setEnabled(write and family is not None)
        self.birth_button.setEnabled(write and bool(living))
        self.arrival_button.setEnabled(write and family is not None)
        self.edit_button.setEnabled(write and person is not None)
        self.move_button.setEnabled(write and alive)
        self.mark_dead_button.setEnabled(write and alive)
        self.mark_moved_button.setEnabled(write and alive)
        self.change_head_button.setEnabled(write and len(living) > 1)
