"""A date entry that can be empty (dd-MM-yyyy, calendar popup).

QDateEdit always holds a date; a new resident's birth date must be typed, not
silently defaulted, so the minimum date stands for "empty". Typing a digit or
opening the calendar on an empty field starts from a sensible date.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateEdit, QWidget

from pesiar_desktop import clock

EMPTY = QDate(1899, 12, 31)


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def today_qdate() -> QDate:
    """Today from the program's clock (Qt's own currentDate() would bypass it)."""
    return to_qdate(clock.today())


class DateField(QDateEdit):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        allow_empty: bool = True,
        start: QDate | None = None,
        maximum_today: bool = True,
    ):
        super().__init__(parent)
        self._allow_empty = allow_empty
        self._start = start or QDate(1990, 1, 1)
        self.setDisplayFormat("dd-MM-yyyy")
        self.setCalendarPopup(True)
        if maximum_today:
            self.setMaximumDate(today_qdate())
        if allow_empty:
            self.setMinimumDate(EMPTY)
            self.setSpecialValueText(self.tr("hh-bb-tttt"))
            self.setDate(EMPTY)
        else:
            self.setMinimumDate(QDate(1900, 1, 1))
            self.setDate(today_qdate())

    def is_empty(self) -> bool:
        return self._allow_empty and self.date() == EMPTY

    def value(self) -> date | None:
        if self.is_empty():
            return None
        qdate = self.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def set_value(self, value: date | None) -> None:
        if value is None:
            self.setDate(EMPTY if self._allow_empty else today_qdate())
        else:
            self.setDate(to_qdate(value))

    def _leave_empty(self) -> None:
        if self.is_empty():
            self.setDate(self._start)
            self.setSelectedSection(QDateEdit.Section.DaySection)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.is_empty() and event.text().isdigit():
            self._leave_empty()
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.is_empty() and event.button() == Qt.MouseButton.LeftButton:
            self._leave_empty()
        super().mousePressEvent(event)
