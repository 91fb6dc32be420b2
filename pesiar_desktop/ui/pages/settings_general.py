"""Pengaturan › Pengaturan umum: every setting of the typed registry
(`services.settings.REGISTRY`) in one place, grouped, each with its Indonesian label, a
widget for its type, a one-line explanation and its error right under it.

The tab is built from the registry, so a setting added there appears here by itself.
Only administrators change settings (the service checks again); everyone else sees the
values. One "Simpan" stores every changed value in one audited transaction
(`settings.put_many`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.rules import numbering
from pesiar_desktop.services import settings, village
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.settings import GROUPS, REGISTRY, SETTINGS, IntRange, Setting
from pesiar_desktop.ui.i18n import QT_TRANSLATE_NOOP
from pesiar_desktop.ui.tasks import TaskManager
from pesiar_desktop.ui.widgets.forms import FieldErrors, error_label, hint_label
from pesiar_desktop.ui.write_op import run_write, show_field_errors

TAB_TITLE = QT_TRANSLATE_NOOP("SettingsPage", "Pengaturan umum")
SAVED_STYLE = "color: #1b6e34;"


def _tr(text: str) -> str:
    """A registry string (label, unit, group) in the current language."""
    return QCoreApplication.translate("Settings", text)


def where_to_change(setting: Setting[Any]) -> str:
    """Where a user changes `setting`, in words ("Pengaturan › Pengaturan umum › Agen &
    honor › Keluarga binaan per agen"): messages name this, never the stored key."""
    if setting.edited_in:
        return setting.edited_in
    group = GROUPS.get(setting.group, GROUPS["lainnya"])
    return " › ".join(
        (
            QCoreApplication.translate("MainWindow", "Pengaturan"),
            QCoreApplication.translate("SettingsPage", TAB_TITLE),
            _tr(group),
            _tr(setting.label),
        )
    )


def _summary(value: object) -> str:
    """A setting that is a mapping (column orders per branch), in one line."""
    if isinstance(value, dict) and value:
        return "; ".join(f"{name or '(bawaan)'}: {len(cols)} kolom" for name, cols in value.items())
    return QCoreApplication.translate("GeneralSettingsTab", "urutan bawaan")


class SettingEditor:
    """One setting's widget: shows a value and reads back what the user set."""

    def __init__(self, setting: Setting[Any], editable: bool):
        self.setting = setting
        self.loaded: Any = setting.default
        self.widget: QWidget
        check = setting.check
        self.read_only = bool(setting.edited_in) or not editable
        if setting.kind is int:
            spin = QSpinBox()
            low, high = (check.low, check.high) if isinstance(check, IntRange) else (0, 10**9)
            spin.setRange(low, high)
            spin.setGroupSeparatorShown(True)
            if setting.unit == "Rp":
                spin.setPrefix("Rp ")
            elif setting.unit:
                spin.setSuffix(" " + _tr(setting.unit))
            if setting.zero_text and low == 0:
                spin.setSpecialValueText(_tr(setting.zero_text))
            spin.setMinimumWidth(140)
            spin.setMaximumWidth(220)
            self.widget = spin
        elif setting.choices:
            combo = QComboBox()
            combo.setMaximumWidth(300)
            for value, label in setting.choices:
                combo.addItem(_tr(label), value)
            self.widget = combo
        elif setting.kind is str and not setting.edited_in:
            self.widget = QLineEdit()
        else:
            shown = QLabel()
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.widget = shown
        self.widget.setObjectName(f"setting_{setting.key}")
        if self.read_only and not isinstance(self.widget, QLabel):
            self.widget.setEnabled(False)

    def set_value(self, value: Any) -> None:
        self.loaded = value
        widget = self.widget
        if isinstance(widget, QSpinBox):
            widget.setValue(int(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(value)))
        elif isinstance(widget, QLineEdit):
            widget.setText(str(value))
            widget.setCursorPosition(0)
        elif isinstance(widget, QLabel):
            widget.setText(_summary(value) if isinstance(value, dict) else str(value))

    def value(self) -> Any:
        widget = self.widget
        if isinstance(widget, QSpinBox):
            return int(widget.value())
        if isinstance(widget, QComboBox):
            return str(widget.currentData())
        if isinstance(widget, QLineEdit):
            return widget.text()
        return self.loaded

    def changed(self) -> bool:
        return not self.read_only and self.value() != self.loaded


class GeneralSettingsTab(QWidget):
    """Every registry setting, grouped, with one Simpan for all of them."""

    def __init__(
        self, db: Database, tasks: TaskManager, actor: Actor, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.db, self.tasks, self.actor = db, tasks, actor
        self.can_edit = actor.can("settings.edit")
        self.errors = FieldErrors()
        self.editors: dict[str, SettingEditor] = {}
        boxes: list[tuple[QGroupBox, int]] = []
        for group, title in GROUPS.items():
            members = [s for s in REGISTRY.values() if s.group == group]
            if not members:
                continue
            box = QGroupBox(_tr(title).replace("&", "&&"))
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            for setting in members:
                editor = SettingEditor(setting, self.can_edit)
                self.editors[setting.key] = editor
                form.addRow(self._label(setting), self._field(editor))
            if group == "surat":
                self.number_example = hint_label("")
                form.addRow(self.tr("Contoh nomor"), self.number_example)
            boxes.append((box, len(members)))
        # Two columns, the next group into the shorter one: 19 settings fit 1366×768 with
        # little scrolling, each group in one piece.
        grid = QGridLayout()
        columns: list[list[QGroupBox]] = [[], []]
        heights = [0, 0]
        for box, rows in boxes:
            column = heights.index(min(heights))
            columns[column].append(box)
            heights[column] += rows + 1
        for index, column_boxes in enumerate(columns):
            stack = QVBoxLayout()
            for box in column_boxes:
                stack.addWidget(box)
            stack.addStretch(1)
            grid.addLayout(stack, 0, index)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        self.save_button = QPushButton(self.tr("Simpan perubahan"))
        self.save_button.clicked.connect(self.save)
        self.undo_button = QPushButton(self.tr("Batalkan perubahan"))
        self.undo_button.clicked.connect(self.load)
        self.saved_label = QLabel()
        self.saved_label.setStyleSheet(SAVED_STYLE)
        self.general_error = error_label(self)
        bar = QHBoxLayout()
        bar.addWidget(self.save_button)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.saved_label, 1)
        layout = QVBoxLayout(self)
        if not self.can_edit:
            layout.addWidget(
                hint_label(
                    self.tr(
                        "Hanya administrator yang dapat mengubah pengaturan ini; "
                        "Anda dapat melihat nilainya."
                    )
                )
            )
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(bar)
        for button in (self.save_button, self.undo_button):
            button.setEnabled(self.can_edit)
            button.setVisible(self.can_edit)
        for key in (
            SETTINGS.number_template.key,
            SETTINGS.letter_code_sk.key,
            SETTINGS.kode_desa.key,
        ):
            widget = self.editors[key].widget
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._show_example)
        self.load()

    def _label(self, setting: Setting[Any]) -> QLabel:
        label = QLabel(_tr(setting.label))
        label.setWordWrap(True)
        label.setMinimumWidth(170)
        label.setMaximumWidth(220)
        label.setBuddy(self.editors[setting.key].widget)
        return label

    def _field(self, editor: SettingEditor) -> QWidget:
        setting = editor.setting
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 4)
        column.setSpacing(1)
        column.addWidget(self.errors.field(setting.key, editor.widget))
        help_text = _tr(setting.help)
        if setting.edited_in:
            help_text += " " + self.tr("Diubah di {place}.").format(place=setting.edited_in)
        if help_text.strip():
            hint = hint_label(help_text)
            hint.setObjectName(f"help_{setting.key}")
            column.addWidget(hint)
        return box

    def load(self) -> None:
        """The stored values (again): what the user typed and did not save is dropped."""
        self.errors.clear()
        self.general_error.hide()
        values = settings.read_all(self.db)
        for key, editor in self.editors.items():
            editor.set_value(values[key])
        self._show_example()

    def refresh(self) -> None:
        """After a change elsewhere: the stored values, keeping unsaved edits."""
        values = settings.read_all(self.db)
        for key, editor in self.editors.items():
            if not editor.changed():
                editor.set_value(values[key])
        self._show_example()

    def changes(self) -> dict[Setting[Any], Any]:
        return {e.setting: e.value() for e in self.editors.values() if e.changed()}

    def _show_example(self) -> None:
        """A letter number as the current template, SK code and kode desa make it."""
        values = {key: editor.value() for key, editor in self.editors.items()}
        kode_desa = str(values[SETTINGS.kode_desa.key]).strip()
        if not kode_desa:
            profile = village.get_profile(self.db)
            region = profile.region_code if profile else "00.00.00.0000"
            kelurahan = profile.is_kelurahan if profile else False
            kode_desa = numbering.default_village_code(region, kelurahan)
        today = clock.today()
        try:
            example = numbering.format_number(
                str(values[SETTINGS.number_template.key]),
                kode=str(values[SETTINGS.letter_code_sk.key]),
                seq=12,
                kode_desa=kode_desa,
                on=date(today.year, today.month, 1),
            )
        except numbering.TemplateError:
            example = self.tr("(templat belum sah)")
        self.number_example.setText(self.tr("SK ke-12 bulan ini: {number}").format(number=example))

    def save(self) -> None:
        self.errors.clear()
        self.general_error.hide()
        self.saved_label.clear()
        changes = self.changes()
        if not changes:
            self.saved_label.setText(self.tr("Tidak ada perubahan."))
            return

        def saved(keys: list[str]) -> None:
            self.load()
            text = self.tr("{count} pengaturan tersimpan.").format(count=len(keys))
            if SETTINGS.language.key in keys:
                text += " " + self.tr("Bahasa berlaku setelah aplikasi dibuka ulang.")
            self.saved_label.setText(text)

        run_write(
            self,
            self.tasks,
            lambda _c: settings.put_many(self.db, self.actor, changes),
            on_success=saved,
            on_error=lambda err: show_field_errors(self.errors, self.general_error, self, err),
            busy=[self.save_button, self.undo_button],
        )
