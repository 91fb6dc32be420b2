"""QtCharts helpers for the dashboard: a titled chart card with a PNG export, and the few
chart shapes the Beranda draws (grouped bars, horizontal bars, a monthly trend).

Readable first: Indonesian labels, values printed on the bars, a legend under the plot,
no animation (the page must be drawn at once), one colour per meaning across charts.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
    QXYSeries,
)
from PySide6.QtCore import QLocale, QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop.ui import icons
from pesiar_desktop.ui.save_dialog import get_save_file_name

COVERAGE = "#1a73e8"
ACTIVITY = "#188038"
REGISTERED = "#f29900"
PAID = "#9334e6"
TARGET = "#d93025"
MUTED = "#9aa0a6"
# Area charts (one group of bars per dusun): up to this many areas the bars stand, with
# the names under them; past it they lie, one row per area with the name on its left, and
# the chart grows by AREA_ROW_PX per area, so names and value labels never run together.
VERTICAL_AREAS_MAX = 6
AREA_ROW_PX = 34
AREA_LINE_PX = 12  # per line of a name past two
# Longer names are wrapped onto more lines: narrower under standing bars (a column each).
AREA_LABEL_CHARS = 20
AREA_LABEL_CHARS_VERTICAL = 12
# A bar's value is printed inside its end when every bar is at least this share of the axis.
AREA_LABEL_INSIDE_SHARE = 0.08
CARD_STYLE = "#ChartCard { background: white; border: 1px solid #dadce0; border-radius: 8px; }"


def _font(size: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(size)
    font.setBold(bold)
    return font


def new_chart() -> QChart:
    chart = QChart()
    # 94,5 and 12.345 as Indonesian readers write them (axis and value labels).
    chart.setLocalizeNumbers(True)
    chart.setLocale(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundVisible(False)
    chart.setMargins(QMargins(2, 2, 2, 2))
    chart.layout().setContentsMargins(0, 0, 0, 0)
    legend = chart.legend()
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    legend.setFont(_font(9))
    return chart


def bar_set(label: str, values: Sequence[float], color: str) -> QBarSet:
    bars = QBarSet(label)
    bars.append([float(v) for v in values])
    bars.setColor(QColor(color))
    bars.setBorderColor(QColor(color))
    bars.setLabelColor(QColor("#202124"))
    bars.setLabelFont(_font(8))
    return bars


def value_axis(low: float, high: float, fmt: str = "%.0f", title: str = "") -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(low, high)
    axis.setLabelFormat(fmt)
    axis.setLabelsFont(_font(8))
    axis.setGridLineColor(QColor("#eceff1"))
    axis.setTickCount(5)
    if title:
        axis.setTitleText(title)
        axis.setTitleFont(_font(8))
    return axis


def category_axis(labels: Sequence[str]) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(list(labels))
    axis.setLabelsFont(_font(8))
    axis.setGridLineVisible(False)
    axis.setTruncateLabels(False)
    return axis


def percent_floor(values: Sequence[float], step: float = 10.0) -> float:
    """A lower bound for a percent axis that still shows differences between 90 and 99 %."""
    low = min(values, default=0.0)
    return max(0.0, (low // step) * step - step)


def grouped_bars(
    categories: Sequence[str],
    sets: Sequence[tuple[str, Sequence[float], str]],
    *,
    low: float = 0.0,
    high: float = 100.0,
    label_format: str = "@value",
    fmt: str = "%.0f",
    target: tuple[str, float] | None = None,
    horizontal: bool = False,
    precision: int = 4,
    labels_inside: bool = False,
) -> QChart:
    """Bars per category, one colour per set; optionally a dashed target line.

    `labels_inside`: the values in white inside the bar ends, and the target line under
    the bars (a bar past the target hides it), so that no value label sits on the line."""
    chart = new_chart()
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    # Horizontal bars stack their sets bottom-up: add them reversed so the first set is on top.
    for label, values, color in reversed(sets) if horizontal else sets:
        bars = bar_set(label, values, color)
        if labels_inside:
            bars.setLabelColor(QColor("#ffffff"))
        series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsFormat(label_format)
    series.setLabelsPosition(
        QBarSeries.LabelsPosition.LabelsInsideEnd
        if labels_inside
        else QBarSeries.LabelsPosition.LabelsOutsideEnd
    )
    series.setBarWidth(0.75)
    series.setLabelsPrecision(precision)
    line = _target_line(target, len(categories), horizontal) if target and categories else None
    if line is not None and labels_inside:
        chart.addSeries(line)  # drawn first: under the bars
    chart.addSeries(series)
    cats = category_axis(categories)
    value_ax = value_axis(low, high, fmt)
    if horizontal:
        chart.addAxis(cats, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(value_ax, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(cats, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(value_ax, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(cats)
    series.attachAxis(value_ax)
    if line is not None:
        if not labels_inside:
            chart.addSeries(line)
        line.attachAxis(value_ax)
        ends = (-0.5, len(categories) - 0.5)
        hidden = value_axis(*ends)
        hidden.setVisible(False)
        chart.addAxis(
            hidden, Qt.AlignmentFlag.AlignRight if horizontal else Qt.AlignmentFlag.AlignTop
        )
        line.attachAxis(hidden)
    return chart


def _target_line(target: tuple[str, float], count: int, horizontal: bool) -> QLineSeries:
    """A dashed line at the target across `count` categories."""
    name, level = target
    line = QLineSeries()
    line.setName(name)
    ends = (-0.5, count - 0.5)
    if horizontal:  # a standing line at the target across every row
        line.append([QPointF(level, ends[0]), QPointF(level, ends[1])])
    else:
        line.append([QPointF(ends[0], level), QPointF(ends[1], level)])
    pen = QPen(QColor(TARGET))
    pen.setStyle(Qt.PenStyle.DashLine)
    pen.setWidthF(1.6)
    line.setPen(pen)
    return line


def trend_chart(
    months: Sequence[str],
    lines: Sequence[tuple[str, Sequence[float], str]],
    bars: Sequence[tuple[str, Sequence[float], str]],
    *,
    low: float,
    target: tuple[str, float] | None = None,
) -> QChart:
    """Percent lines (left axis) over monthly count bars (right axis)."""
    chart = new_chart()
    cats = category_axis(months)
    chart.addAxis(cats, Qt.AlignmentFlag.AlignBottom)
    percent = value_axis(low, 100.0, "%.0f %")
    chart.addAxis(percent, Qt.AlignmentFlag.AlignLeft)
    counts = [v for _label, values, _c in bars for v in values]
    top = max(counts, default=0.0)
    count_axis = value_axis(0.0, nice_max(top * 1.25), "%.0f", "jiwa")
    chart.addAxis(count_axis, Qt.AlignmentFlag.AlignRight)
    series = QBarSeries()
    for label, values, color in bars:
        bars_set = bar_set(label, values, color)
        bars_set.setColor(QColor(color).lighter(135))
        series.append(bars_set)
    series.setBarWidth(0.7)
    chart.addSeries(series)
    series.attachAxis(cats)
    series.attachAxis(count_axis)
    for label, values, color in lines:
        line = QLineSeries()
        line.setName(label)
        line.append([QPointF(i, float(v)) for i, v in enumerate(values)])
        pen = QPen(QColor(color))
        pen.setWidthF(2.6)
        line.setPen(pen)
        line.setPointsVisible(True)
        line.setPointLabelsVisible(True)
        # Point labels are not localised by the chart: give each its own text (94,8).
        for index, value in enumerate(values):
            line.setPointConfiguration(
                index,
                QXYSeries.PointConfiguration.LabelFormat,
                f"{float(value):.1f}".replace(".", ","),
            )
        line.setPointLabelsFont(_font(7))
        line.setPointLabelsColor(QColor(color).darker(130))
        line.setPointLabelsClipping(False)
        chart.addSeries(line)
        line.attachAxis(cats)
        line.attachAxis(percent)
    if target is not None and months:
        name, level = target
        line = QLineSeries()
        line.setName(name)
        line.append([QPointF(0, level), QPointF(len(months) - 1, level)])
        pen = QPen(QColor(TARGET))
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidthF(1.4)
        line.setPen(pen)
        chart.addSeries(line)
        line.attachAxis(cats)
        line.attachAxis(percent)
    return chart


def wrap_label(text: str, width: int = AREA_LABEL_CHARS) -> str:
    """A category label on several lines (the axis draws rich text) when it is long."""
    lines = textwrap.wrap(text, width, break_long_words=False) or [text]
    return "<br>".join(html.escape(line) for line in lines)


def area_bars(
    areas: Sequence[str],
    sets: Sequence[tuple[str, Sequence[float], str]],
    *,
    low: float,
    fmt: str = "%.0f %",
    target: tuple[str, float] | None = None,
    notes: Sequence[str] = (),
) -> tuple[QChart, int]:
    """Grouped percent bars per area (dusun) for 1 to 20+ areas; and the chart's minimum
    height. Long names wrap; past VERTICAL_AREAS_MAX areas the bars lie (first area on
    top). QtCharts prints no label on a bar of 0: such an area says "(0 %)" under its name,
    so it reads as none rather than as missing; or its note from `notes` (one per area,
    "" for none), e.g. that nobody lives there."""
    vertical = len(areas) <= VERTICAL_AREAS_MAX
    # One decimal on the bars (95,3): the table behind the card has the exact figures.
    sets = [(label, [round(float(v), 1) for v in values], color) for label, values, color in sets]
    labels = []
    width = AREA_LABEL_CHARS_VERTICAL if vertical else AREA_LABEL_CHARS
    for index, name in enumerate(areas):
        note = notes[index] if index < len(notes) else ""
        if not note and any(float(values[index]) == 0.0 for _label, values, _color in sets):
            note = "0 %"
        if note and vertical:
            label = wrap_label(name, width) + "<br>" + wrap_label(f"({note})", width)
        else:
            label = wrap_label(f"{name} ({note})" if note else name, width)
        labels.append(label)
    # Values inside the bar ends, clear of the target line, when every bar with a value is
    # long enough to hold its label (a few % above an axis from 0 is not).
    values = [float(v) for _label, vs, _color in sets for v in vs if float(v) > low]
    inside = all(v - low >= AREA_LABEL_INSIDE_SHARE * (100.0 - low) for v in values)
    if vertical:
        chart = grouped_bars(labels, sets, low=low, fmt=fmt, target=target, labels_inside=inside)
        return chart, 260
    order = list(range(len(areas)))[::-1]  # the axis runs bottom-up: first area on top
    chart = grouped_bars(
        [labels[i] for i in order],
        [(label, [values[i] for i in order], color) for label, values, color in sets],
        low=low,
        fmt=fmt,
        target=target,
        horizontal=True,
        labels_inside=inside,
    )
    # Room above the first row: QtCharts drops an axis label that would poke out of the
    # chart, and a wrapped name is taller than its row.
    breaks = max(label.count("<br>") for label in labels)
    room = 4 + 8 * breaks
    chart.setMargins(QMargins(2, room, 2, room))
    # A name of three lines (a long name and its note) is taller than a row: QtCharts
    # would drop it at the top; such a chart gets taller rows.
    row = AREA_ROW_PX + AREA_LINE_PX * max(0, breaks - 1)
    return chart, 90 + row * len(areas)


def legend_entries(chart: QChart) -> list[tuple[str, str]]:
    """(name, colour) of each series' entry in reading order (the chart's own legend
    lists a horizontal bar chart's sets bottom-up)."""
    entries: list[tuple[str, str]] = []
    lines: list[tuple[str, str]] = []  # after the bars (a target line may be drawn first)
    for series in chart.series():
        if isinstance(series, QBarSeries | QHorizontalBarSeries):
            sets = list(series.barSets())
            if isinstance(series, QHorizontalBarSeries):
                sets.reverse()
            entries += [(bars.label(), bars.color().name()) for bars in sets]
        elif isinstance(series, QLineSeries):
            lines.append((series.name(), series.pen().color().name()))
    return entries + lines


def nice_max(value: float) -> float:
    """A round axis maximum above `value` (10, 20, 50, 100, 200 …)."""
    if value <= 10:
        return 10.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return float(step * magnitude)
    return float(10 * magnitude)


class ChartCard(QFrame):
    """A titled card around a chart view; the chart can be saved as PNG (button or
    right-click). `set_chart` replaces the chart when the figures change."""

    saved = Signal(str)

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("ChartCard")
        self.setStyleSheet(CARD_STYLE)
        self.title = QLabel(title)
        self.title.setStyleSheet("font-size: 14px; font-weight: 600; color: #202124;")
        self.subtitle = QLabel(subtitle)
        self.subtitle.setStyleSheet("color: #5f6368;")
        self.subtitle.setWordWrap(True)
        self.export_button = QToolButton()
        self.export_button.setIcon(icons.icon("fa5s.download", color="#5f6368"))
        self.export_button.setToolTip(self.tr("Simpan grafik sebagai gambar PNG"))
        self.export_button.setAutoRaise(True)
        self.export_button.clicked.connect(self.ask_save_png)
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setStyleSheet("background: transparent;")
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.setMinimumHeight(170)
        # The legend is a wrapping label under the chart, not the chart's own one: QtCharts
        # lays its legend on one line and cuts what does not fit.
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #3c4043; font-size: 11px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.table_toggle: QToolButton | None = None
        head = self.head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        head.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addLayout(head)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.legend)

    def add_table_view(self, table: QWidget, tooltip: str) -> QToolButton:
        """A second face for the card (the exact figures as a table) behind a toggle."""
        self.stack.addWidget(table)
        toggle = self.table_toggle = QToolButton()
        toggle.setCheckable(True)
        toggle.setAutoRaise(True)
        toggle.setIcon(icons.icon("fa5s.table", color="#5f6368"))
        toggle.setToolTip(tooltip)
        toggle.toggled.connect(lambda on: self.stack.setCurrentIndex(1 if on else 0))
        self.head.insertWidget(1, toggle, 0, Qt.AlignmentFlag.AlignTop)
        return toggle

    def set_chart(self, chart: QChart, min_height: int = 170) -> None:
        old = self.view.chart()
        self.view.setMinimumHeight(min_height)
        chart.legend().setVisible(False)
        entries = legend_entries(chart)
        # Non-breaking inside an entry, breakable between entries.
        self.legend.setText(
            "&nbsp;&nbsp; ".join(
                f"<span style='color:{color}'>&#9632;</span>&nbsp;"
                + html.escape(name).replace(" ", "&nbsp;")
                for name, color in entries
            )
        )
        self.legend.setVisible(bool(entries))
        self.view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()

    def chart(self) -> QChart:
        return self.view.chart()

    def image(self, scale: float = 2.0):  # type: ignore[no-untyped-def]
        """The card (title and chart) rendered at `scale` for a sharp PNG."""
        from PySide6.QtGui import QPixmap

        size = self.size() * scale
        pixmap = QPixmap(size)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(QColor("white"))
        self.export_button.hide()
        try:
            self.render(pixmap)
        finally:
            self.export_button.show()
        return pixmap

    def save_png(self, path: str | Path) -> Path:
        target = Path(path)
        if target.suffix.lower() != ".png":
            target = target.with_suffix(".png")
        if not self.image().save(str(target), "PNG"):
            raise OSError(f"Gambar tidak dapat disimpan ke {target}")
        self.saved.emit(str(target))
        return target

    def ask_save_png(self) -> None:
        name = "".join(c if c.isalnum() else "-" for c in self.title.text().lower()).strip("-")
        path, _filter = get_save_file_name(
            self, self.tr("Simpan grafik"), f"{name}.png", self.tr("Gambar PNG (*.png)")
        )
        if path:
            self.save_png(path)

    def _menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        menu = QMenu(self)
        action = QAction(icons.icon("fa5s.download"), self.tr("Simpan sebagai PNG…"), menu)
        action.triggered.connect(self.ask_save_png)
        menu.addAction(action)
        menu.exec(self.view.mapToGlobal(pos))
