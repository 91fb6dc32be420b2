"""Windows that fit the screen an office PC has: 1366×768 or 1280×720 with a taskbar.

- The main window opens maximised on such a screen (`show_fitted`), and a layout
  remembered from a bigger screen is never restored larger than this one.
- No dialog is larger than the available area: an application-wide filter
  (`install`) shrinks and moves every dialog when it is shown; dialogs with long forms
  put them in a `FitScrollArea`, which shows the whole form when there is room and
  scrolls when there is not, so they can shrink.
"""

from __future__ import annotations

# `Qt` (the enum namespace) is named only inside functions: start-up shows the main
# window before PySide builds it (~15 ms; see app._application).
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QLayout,
    QScrollArea,
    QStyle,
    QWidget,
)

# Below this the main window opens maximised: a 1280×800 window would not fit.
ROOMY = QSize(1440, 900)
DEFAULT_SIZE = QSize(1280, 800)
# What a window manager adds around a window (title bar, borders) when Qt cannot say yet.
FRAME_ALLOWANCE = QSize(16, 40)


def available_area(widget: QWidget | None = None) -> QRect:
    """The screen area the window may use (without the taskbar)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def _frame_extra(widget: QWidget) -> QSize:
    frame, inner = widget.frameGeometry(), widget.geometry()
    extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
    if extra.width() <= 0 and extra.height() <= 0 and not widget.isVisible():
        return FRAME_ALLOWANCE
    return extra.expandedTo(QSize(0, 0))


def show_fitted(window: QWidget, area: QRect | None = None) -> None:
    """Shows the main window: maximised on a small screen; elsewhere at the remembered
    size, or 1280×800, kept inside the available area and on it."""
    area = area or available_area(window)
    if area.width() < ROOMY.width() or area.height() < ROOMY.height():
        window.showMaximized()
        return
    if not window.isMaximized():
        fit_window(window, area)
    window.show()


def fit_window(window: QWidget, area: QRect | None = None) -> None:
    """Shrinks `window` to the available area (its frame included) and moves it onto it."""
    area = area or available_area(window)
    extra = _frame_extra(window)
    room = QSize(area.width() - extra.width(), area.height() - extra.height())
    size = window.size().boundedTo(room).expandedTo(window.minimumSize().boundedTo(room))
    if size != window.size():
        window.resize(size)
    frame = window.frameGeometry()
    frame.setSize(size + extra)
    x = min(max(frame.x(), area.left()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.top()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(max(x, area.left()), max(y, area.top()))


class FitScrollArea(QScrollArea):
    """A frameless scroll area that asks for its whole content (a plain QScrollArea asks
    for at most 36×24 lines), bounded by the screen: a form shows whole when it fits and
    scrolls when the screen is small."""

    def __init__(self, content: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        content = self.widget()
        if content is None:
            return super().sizeHint()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        hint = content.sizeHint() + QSize(bar, 0)
        area = available_area(self)
        # leave room for the title bar, the dialog's buttons and its margins
        return hint.boundedTo(QSize(area.width() - 40, area.height() - 140))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        content = self.widget()
        width = content.minimumSizeHint().width() if content is not None else 0
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return QSize(width + bar, 160)


def scrolled(layout: QLayout) -> FitScrollArea:
    """`layout` (a dialog's form) in a FitScrollArea."""
    content = QWidget()
    content.setLayout(layout)
    return FitScrollArea(content)


class _DialogFitter(QObject):
    """Shrinks and moves every dialog to the available area when it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        shown = event.type() == QEvent.Type.Show
        if shown and isinstance(watched, QDialog) and watched.isWindow():
            fit_window(watched)
        return False


_fitter: _DialogFitter | None = None


def install(app: QApplication) -> None:
    """Once per application: every dialog shown afterwards fits the screen."""
    global _fitter
    if _fitter is None:
        _fitter = _DialogFitter(app)
        app.installEventFilter(_fitter)
