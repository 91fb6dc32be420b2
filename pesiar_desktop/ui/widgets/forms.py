"""Form helpers: a red message right under the field it is about, yellow warnings,
combo boxes that carry codes, and one way to show a domain error."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop.errors import PermissionDenied, PesiarError
from pesiar_desktop.ui.i18n import code_label

ERROR_COLOUR = "#b3261e"
ERROR_STYLE = f"color: {ERROR_COLOUR};"
WARNING_STYLE = (
    "background: #fff4c2; color: #4d3b00; border: 1px solid #e6c84f; "
    "border-radius: 4px; padding: 6px;"
)
HINT_STYLE = "color: #5f6368;"


def explain_read_only(allowed: bool, *buttons: QWidget, why: str = "") -> None:
    """Buttons the user's role cannot use say why in their tooltip (a grey button alone
    says nothing); a tooltip they already have is kept above it."""
    if allowed:
        return
    why = why or QCoreApplication.translate("Forms", "Peran Anda hanya dapat melihat data.")
    for button in buttons:
        tip = button.toolTip()
        if why not in tip:
            button.setToolTip(f"{tip}\n{why}" if tip else why)


def error_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def warning_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(WARNING_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def hint_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(True)
    return label


def _clear_on_edit(widget: QWidget, label: QLabel) -> None:
    """A field's message goes as soon as the user changes the field (it may be right now;
    saving checks again)."""

    def clear(*_args: object) -> None:
        label.clear()
        label.hide()

    for signal in ("textEdited", "currentIndexChanged", "valueChanged", "dateChanged", "toggled"):
        if hasattr(widget, signal):
            getattr(widget, signal).connect(clear)
            return
    for child in widget.findChildren(QLineEdit):  # an editable combo, a search box
        child.textEdited.connect(clear)


class FieldErrors:
    """Keeps each field's error label; `show` fills them and focuses the first bad field.

    Keys are the service's `ValidationError.field_errors` keys; the order in which
    fields are added is the order used to pick the first bad field.
    """

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._aliases: dict[str, str] = {}

    def field(self, key: str, widget: QWidget, *aliases: str) -> QWidget:
        """Wraps `widget` with its error label underneath; put the result in the layout."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        label = error_label(box)
        label.setObjectName(f"error_{key}")
        layout.addWidget(label)
        self._fields[key] = (widget, label)
        _clear_on_edit(widget, label)
        for alias in aliases:
            self._aliases[alias] = key
        return box

    def label(self, key: str) -> QLabel:
        return self._fields[self._aliases.get(key, key)][1]

    def text(self, key: str) -> str:
        return self.label(key).text()

    def clear(self) -> None:
        for _widget, label in self._fields.values():
            label.clear()
            label.hide()

    def show(self, errors: dict[str, str]) -> dict[str, str]:
        """Shows the errors beside their fields; returns the ones with no field."""
        self.clear()
        unplaced: dict[str, str] = {}
        first: QWidget | None = None
        shown: set[str] = set()
        for key, message in errors.items():
            target = self._aliases.get(key, key)
            if target not in self._fields:
                unplaced[key] = message
                continue
            _widget, label = self._fields[target]
            label.setText(label.text() + "\n" + message if target in shown else message)
            label.show()
            shown.add(target)
        for key, (widget, _label) in self._fields.items():
            if key in shown:
                first = widget
                break
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            if hasattr(first, "selectAll"):
                first.selectAll()
        return unplaced


def save_cancel_buttons(
    dialog: QDialog, on_save: Callable[[], object], save_text: str = "", cancel_text: str = ""
) -> QDialogButtonBox:
    """OK/Cancel in Indonesian ("Simpan"/"Batal" unless told): OK runs `on_save` (which
    accepts the dialog once the write succeeded), Cancel rejects it."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    if ok is not None:
        ok.setText(save_text or QCoreApplication.translate("forms", "Simpan"))
    if cancel is not None:
        cancel.setText(cancel_text or QCoreApplication.translate("forms", "Batal"))
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    return buttons


def rupiah_spinbox(maximum: int = 1_000_000_000) -> QSpinBox:
    """A whole-rupiah amount: "Rp" prefix, thousands grouped, steps of Rp1.000."""
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setSingleStep(1000)
    box.setPrefix("Rp")
    box.setGroupSeparatorShown(True)
    return box


def fill_combo(
    combo: QComboBox,
    items: Iterable[tuple[str, Any]],
    none_label: str | None = None,
) -> None:
    """Replaces the items; `none_label` adds a first entry carrying None."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if none_label is not None:
        combo.addItem(none_label, None)
    for text, data in items:
        combo.addItem(text, data)
    set_combo_data(combo, current)
    combo.blockSignals(False)


def code_items(table: dict[Any, str]) -> list[tuple[str, Any]]:
    """A code table's (label, code) pairs, the labels in the current language."""
    return [(code_label(label), code) for code, label in table.items()]


def set_combo_data(combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(max(index, 0))


def show_error(parent: QWidget | None, err: BaseException, title: str | None = None) -> None:
    """A domain error as a message box with its Indonesian text."""
    if isinstance(err, PermissionDenied):
        heading = title or QCoreApplication.translate("Forms", "Tidak berhak")
    else:
        heading = title or QCoreApplication.translate("Forms", "Tidak dapat disimpan")
    text = str(err) if isinstance(err, PesiarError) else f"{type(err).__name__}: {err}"
    QMessageBox.warning(parent, heading, text)
