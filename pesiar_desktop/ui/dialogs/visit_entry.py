"""Catat Kunjungan: typing a pile of worksheets without touching the mouse.

Type a NIK, a No KK or a name and press Enter (the first hit, or the one chosen with
the arrow keys, is taken); press 1-7 for the outcome (the numbers printed on the
worksheet); for a refusal pick the reason, for a revisit type the date; Ctrl+Enter (or
Enter on the Simpan button) saves and the cursor returns to the search field for the
next family. The family's members and earlier visits are shown beside the form.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.errors import PesiarError, ValidationError
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules.nik import mask_number
from pesiar_desktop.services import visits
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.visits import FamilyHit, VisitInput
from pesiar_desktop.ui import formatting
from pesiar_desktop.ui.i18n import code_label
from pesiar_desktop.ui.tablemodels.fieldwork import LATE, Row, rows_model
from pesiar_desktop.ui.tasks import TaskManager
from pesiar_desktop.ui.widgets.date_field import DateField
from pesiar_desktop.ui.widgets.forms import (
    FieldErrors,
    code_items,
    fill_combo,
    hint_label,
    show_error,
)
from pesiar_desktop.ui.write_op import is_writing, run_write

SEARCH_DEBOUNCE_MS = 200
DEFAULT_REVISIT_DAYS = 7


class FamilyFinder(QWidget):
    """One field for NIK, No KK or name, with a short result list; Enter picks."""

    family_picked = Signal(int)

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        masked: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.masked = masked
        self.picked: FamilyHit | None = None
        self._hits_for = ""
        self._key = f"family-finder.{id(self)}"
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("NIK, No KK atau nama, lalu Enter"))
        self.search_edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setMaximumHeight(self.fontMetrics().height() * 7)
        self.results.setUniformItemSizes(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(self._search_async)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.search_edit.installEventFilter(self)
        self.results.installEventFilter(self)
        self.results.itemDoubleClicked.connect(lambda _item: self.pick_current())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.results)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter picks here and is consumed (in a dialog it must not press the default
        button); Down goes from the field to the results."""
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        if watched in (self.search_edit, self.results) and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            self.pick_current()
            return True
        if watched is self.search_edit and event.key() == Qt.Key.Key_Down and self.results.count():
            self.results.setFocus()
            if self.results.currentRow() < 0:
                self.results.setCurrentRow(0)
            return True
        return super().eventFilter(watched, event)

    def _needle(self) -> str:
        return " ".join(self.search_edit.text().split())

    def _search_async(self) -> None:
        needle = self._needle()
        if len(needle) < 2:
            self._fill([], needle)
            return

        def job(session: Session) -> list[FamilyHit]:
            return visits.find_families_in(session, needle.lower())

        self.tasks.run_read(job, lambda hits: self._fill(hits, needle), key=self._key)

    def _fill(self, hits: list[FamilyHit], needle: str) -> None:
        if not shiboken6.isValid(self.results):
            return  # the dialog closed while the search ran
        self._hits_for = needle
        self.results.clear()
        show = mask_number if self.masked else (lambda v: v)
        for hit in hits:
            text = dataclasses.replace(hit, no_kk=show(hit.no_kk)).text
            if hit.matched_nik:
                text = f"{show(hit.matched_nik)} · {text}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)

    def pick_current(self) -> None:
        """Enter: the highlighted hit, searching now if the list is not for this text."""
        needle = self._needle()
        if self._hits_for != needle or not self.results.count():
            self._timer.stop()
            self._fill(visits.find_families(self.db, needle), needle)
        item = self.results.currentItem() or self.results.item(0)
        if item is None:
            return
        hit = item.data(Qt.ItemDataRole.UserRole)
        self.picked = hit
        self.family_picked.emit(hit.family_id)

    def clear(self) -> None:
        self._timer.stop()
        self.search_edit.clear()
        self.results.clear()
        self._hits_for = ""
        self.picked = None


class VisitEntryForm(QWidget):
    """Public names used by tests: `finder`, `outcome_buttons`, `reason_combo`,
    `revisit_field`, `note_edit`, `save_button`, `family_id`, `history_model`, `errors`,
    `last_saved_id`."""

    saved = Signal(int)

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.actor = actor
        self.can_write = actor.can("fieldwork.write")
        self.masked = not actor.can("personal.see_full_nik")
        self.family_id: int | None = None
        self.last_saved_id: int | None = None
        self.errors = FieldErrors()
        self._build()

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.finder = FamilyFinder(self.db, self.tasks, self.masked)
        self.finder.family_picked.connect(self.pick_family)
        self.family_label = QLabel(self.tr("Belum ada keluarga dipilih."))
        self.family_label.setWordWrap(True)
        self.family_label.setTextFormat(Qt.TextFormat.RichText)
        self.family_label.setStyleSheet(
            "background: #f4f7fb; border: 1px solid #d5dde8; border-radius: 4px; padding: 6px;"
        )

        self.date_field = DateField(allow_empty=False)
        self.outcome_box = QGroupBox(self.tr("Hasil kunjungan (tekan 1–7)"))
        grid = QGridLayout(self.outcome_box)
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[str, QRadioButton] = {}
        for position, (key, code) in enumerate(fc.OUTCOME_KEYS.items()):
            button = QRadioButton(f"&{key}  {code_label(fc.VISIT_OUTCOMES[code])}")
            self.outcome_group.addButton(button, int(key))
            self.outcome_buttons[code] = button
            grid.addWidget(button, position % 4, position // 4)
        self.outcome_group.idToggled.connect(self._outcome_toggled)

        self.reason_combo = QComboBox()
        fill_combo(
            self.reason_combo,
            code_items(fc.REFUSAL_REASONS),
            self.tr("— alasan menolak —"),
        )
        self.revisit_field = DateField(allow_empty=True, maximum_today=False)
        self.topic_boxes: dict[str, QCheckBox] = {}
        topics = QWidget()
        topic_grid = QGridLayout(topics)
        topic_grid.setContentsMargins(0, 0, 0, 0)
        for position, (code, label) in enumerate(fc.ADVOCACY_TOPICS.items()):
            box = QCheckBox(code_label(label))
            self.topic_boxes[code] = box
            topic_grid.addWidget(box, position // 2, position % 2)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(self.tr("Catatan (boleh kosong)"))
        self.note_edit.setMaximumHeight(self.fontMetrics().height() * 4)
        self.save_button = QPushButton(self.tr("Simpan (Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(self.can_write)
        if not self.can_write:
            self.save_button.setToolTip(self.tr("Peran Anda hanya dapat melihat data."))
        self.message = QLabel()
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Cari keluarga"), self.finder)
        form.addRow("", self.family_label)
        form.addRow(self.tr("Tanggal kunjungan"), self.errors.field("visited_on", self.date_field))
        form.addRow(self.errors.field("outcome", self.outcome_box))
        form.addRow(
            self.tr("Alasan menolak"), self.errors.field("refusal_reason", self.reason_combo)
        )
        form.addRow(self.tr("Kunjungan ulang"), self.errors.field("revisit_on", self.revisit_field))
        form.addRow(self.tr("Topik advokasi"), self.errors.field("topics", topics))
        form.addRow(self.tr("Catatan"), self.errors.field("note", self.note_edit))
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        form_widget = QWidget()
        form_widget.setLayout(form)
        # Small screens (1366 x 768 with the taskbar): the form scrolls, never squeezes.
        left = QScrollArea()
        left.setWidgetResizable(True)
        left.setFrameShape(QFrame.Shape.NoFrame)
        left.setWidget(form_widget)
        left.setMinimumWidth(420)

        self.history_model = rows_model(
            [
                self.tr("Tanggal"),
                self.tr("Hasil"),
                self.tr("Ulang"),
                self.tr("Agen"),
                self.tr("Catatan"),
            ]  # fmt: skip
        )
        self.history_view = QTableView()
        self.history_model.setParent(self.history_view)
        self.history_view.setModel(self.history_model)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.verticalHeader().hide()
        self.history_view.horizontalHeader().setStretchLastSection(True)
        self.history_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("<b>Riwayat kunjungan keluarga ini</b>")))
        right_layout.addWidget(self.history_view, 1)
        right_layout.addWidget(
            hint_label(
                self.tr(
                    "Ketik NIK/No KK/nama lalu Enter · 1–7 hasil · Ctrl+Enter simpan · "
                    "Esc kembali ke pencarian"
                )
            )
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, code in fc.OUTCOME_KEYS.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(lambda code=code: self.choose_outcome(code))
        for sequence in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(context)
            shortcut.activated.connect(self.save)
        for enter in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(enter), self.save_button)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.save)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(context)
        escape.activated.connect(self.focus_search)
        self._outcome_toggled(0, False)

    # ------------------------------------------------------------ behaviour

    def focus_search(self) -> None:
        self.finder.search_edit.setFocus()
        self.finder.search_edit.selectAll()

    def pick_family(self, family_id: int) -> None:
        try:
            card = visits.family_card(self.db, family_id)
            history = visits.family_history(self.db, family_id)
        except PesiarError as err:
            show_error(self, err)
            return
        self.family_id = family_id
        show = mask_number if self.masked else (lambda v: v)
        members = "<br>".join(
            f"{show(nik)} · {name} ({shdk}) — <i>{status}</i>"
            for nik, name, shdk, status in card.members
        )
        self.family_label.setText(
            f"<b>KK {show(card.no_kk)}</b> · {card.address} · {card.area_label}<br>{members}"
        )
        self.history_model.set_rows(
            [
                Row(
                    v.id,
                    (
                        formatting.short_date(v.visited_on),
                        code_label(v.outcome_label),
                        formatting.short_date(v.revisit_on),
                        v.agent_name,
                        v.note,
                    ),
                    (v.visited_on,),
                )
                for v in history
            ]
        )
        self.message.clear()
        checked = self.outcome_group.checkedButton()
        if checked is not None:
            checked.setFocus()
        else:
            self.outcome_buttons[fc.OUTCOME_WILLING].setFocus()

    def choose_outcome(self, code: str) -> None:
        self.outcome_buttons[code].setChecked(True)
        if code == fc.OUTCOME_REFUSED:
            self.reason_combo.setFocus()
        elif code in fc.OUTCOMES_NEEDING_DATE:
            if self.revisit_field.is_empty():
                self.revisit_field.set_value(
                    (self.date_field.value() or clock.today()) + timedelta(DEFAULT_REVISIT_DAYS)
                )
            self.revisit_field.setFocus()
        else:
            self.save_button.setFocus()

    def outcome(self) -> str | None:
        checked = self.outcome_group.checkedId()
        return fc.OUTCOME_KEYS.get(str(checked)) if checked > 0 else None

    def _outcome_toggled(self, _id: int, _checked: bool) -> None:
        code = self.outcome()
        self.reason_combo.setEnabled(code == fc.OUTCOME_REFUSED)
        self.revisit_field.setEnabled(code in fc.OUTCOMES_ALLOWING_DATE)

    def visit_input(self) -> VisitInput:
        code = self.outcome()
        return VisitInput(
            family_id=self.family_id or 0,
            visited_on=self.date_field.value() or clock.today(),
            outcome=code or "",
            refusal_reason=self.reason_combo.currentData() if code == fc.OUTCOME_REFUSED else None,
            revisit_on=(self.revisit_field.value() if code in fc.OUTCOMES_ALLOWING_DATE else None),
            topics=[c for c, box in self.topic_boxes.items() if box.isChecked()],
            note=self.note_edit.toPlainText(),
        )

    def save(self) -> None:
        if not self.can_write or is_writing(self):
            return
        self.errors.clear()
        if self.family_id is None:
            self.message.setText(self.tr("Pilih keluarga dulu (ketik NIK, No KK atau nama)."))
            self.message.setStyleSheet(f"color: {LATE.name()};")
            self.focus_search()
            return
        data, outcome = self.visit_input(), self.outcome()
        picked = self.finder.picked
        who = picked.head_name if picked else ""

        def saved(visit_id: int) -> None:
            self.last_saved_id = visit_id
            self.message.setStyleSheet("color: #1b6e34;")
            self.message.setText(
                self.tr("Tersimpan: {who} — {outcome}. Lanjut keluarga berikutnya.").format(
                    who=who, outcome=code_label(fc.VISIT_OUTCOMES.get(outcome or "", ""))
                )
            )
            self.saved.emit(visit_id)
            self._reset_for_next()

        def failed(err: BaseException) -> None:
            if not isinstance(err, ValidationError):
                show_error(self, err)
                return
            unplaced = self.errors.show(err.field_errors)
            if unplaced:
                self.message.setText("\n".join(unplaced.values()))
                self.message.setStyleSheet(f"color: {LATE.name()};")

        run_write(
            self,
            self.tasks,
            lambda _c: visits.record_visit(self.db, self.actor, data),
            on_success=saved,
            on_error=failed,
            busy=[self.save_button],
        )

    def _reset_for_next(self) -> None:
        """Keep the date (a worksheet is one day); clear the rest."""
        self.outcome_group.setExclusive(False)
        for button in self.outcome_buttons.values():
            button.setChecked(False)
        self.outcome_group.setExclusive(True)
        self.reason_combo.setCurrentIndex(0)
        self.revisit_field.set_value(None)
        for box in self.topic_boxes.values():
            box.setChecked(False)
        self.note_edit.clear()
        self.family_id = None
        self.finder.clear()
        self.family_label.setText(self.tr("Belum ada keluarga dipilih."))
        self.history_model.set_rows([])
        self._outcome_toggled(0, False)
        self.focus_search()
