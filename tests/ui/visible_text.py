"""What a user can read on a widget: every visible label, button, field, combo box item,
tooltip, tab and group title, and the cells, headers and tooltips of item views."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _view_texts(view: QAbstractItemView, max_rows: int) -> list[str]:
    model = view.model()
    tree = isinstance(view, QTreeView)
    if model is None:
        return []
    texts: list[str] = []
    # a list model's columnCount is private in PySide: it has one column
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
    for orientation in (Qt.Orientation.Horizontal,):
        for column in range(columns):
            for role in ROLES:
                value = model.headerData(column, orientation, role)
                if value:
                    texts.append(str(value))

    def walk(parent: QModelIndex, depth: int) -> None:
        rows = min(model.rowCount(parent), max_rows)
        for row in range(rows):
            for column in range(max(columns, 1)):
                index = model.index(row, column, parent)
                for role in ROLES:
                    value = model.data(index, role)
                    if value not in (None, ""):
                        texts.append(_plain(str(value)))
            if tree and depth < 2:
                child = model.index(row, 0, parent)
                if model.hasChildren(child):
                    walk(child, depth + 1)

    walk(QModelIndex(), 0)
    return texts


def visible_texts(top: QWidget, max_rows: int = 300) -> list[str]:
    """The texts of `top` and of every descendant shown with it."""
    texts: list[str] = [top.windowTitle(), top.toolTip()]
    widgets = [top, *top.findChildren(QWidget)]
    for widget in widgets:
        if widget is not top and not widget.isVisibleTo(top):
            continue
        if widget.toolTip():
            texts.append(_plain(widget.toolTip()))
        if isinstance(widget, QLabel):
            texts.append(_plain(widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QAbstractSpinBox):
            texts.append(widget.text())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
            texts += [widget.tabToolTip(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView):
            texts += _view_texts(widget, max_rows)
    return [text for text in texts if text]


# 10 or more digits in a row (NIK, No KK, phone, VA, bank account, JKN card), a phone
# number written in groups (0812-3456-7890, +62 812 3456 7890), or a NIK / card number in
# groups of four.
_LONG_RUN = re.compile(r"(?<![\d*])\d{10,}(?![\d*])")
_GROUPED_PHONE = re.compile(r"(?<![\d*])(?:\+62|62|0)\s?8\d{1,3}[ -]\d{3,4}[ -]\d{3,5}(?![\d*])")
_GROUPED_NUMBER = re.compile(r"(?<![\d*])\d{4}[ -]\d{4}[ -]\d{4}(?:[ -]\d{1,4})?(?![\d*])")


def personal_numbers(texts: list[str]) -> list[str]:
    """The texts holding a personal number shown in full."""
    found = []
    for text in texts:
        for pattern in (_LONG_RUN, _GROUPED_PHONE, _GROUPED_NUMBER):
            match = pattern.search(text)
            if match:
                found.append(f"{match.group(0)!r} in {text[:120]!r}")
                break
    return found
