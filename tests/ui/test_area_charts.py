"""The Beranda's dusun chart holds up for 1 to 20 dusun with long names: every name is on
the axis (a dusun at 0 % too, saying so), names and value labels have room (no overlap), and
the legends wrap under the chart instead of being cut."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCharts import QBarSeries, QHorizontalBarSeries
from PySide6.QtGui import QFontMetrics

from pesiar_desktop.ui import charts

CARD_WIDTH = 560  # one of the Beranda's two columns at 1366 px


def _names(n: int) -> list[str]:
    long = "Karang Anyar Baru Sekali Nomor {i}"
    return [long.format(i=i) if i % 3 == 0 else f"Krajan {i}" for i in range(1, n + 1)]


def _zero(n: int) -> int:
    """The dusun at 0 %: the second one (the only one when there is one)."""
    return min(1, n - 1)


def _card(qtbot, n: int):  # type: ignore[no-untyped-def]
    names = _names(n)
    zero = _zero(n)
    coverage = [0.0 if i == zero else 88.04 + i % 12 for i in range(n)]
    activity = [0.0 if i == zero else 60.0 + i for i in range(n)]
    chart, height = charts.area_bars(
        names,
        [("Cakupan %", coverage, charts.COVERAGE), ("Keaktifan %", activity, charts.ACTIVITY)],
        low=0.0,
        target=("Target UHC 98 %", 98.0),
    )
    card = charts.ChartCard("Cakupan dan keaktifan per dusun")
    qtbot.addWidget(card)
    card.set_chart(chart, height)
    card.resize(CARD_WIDTH, card.sizeHint().height())
    card.show()
    qtbot.waitExposed(card)
    return card, chart, names


def _plain(label: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", line) for line in label.split("<br>")]


@pytest.mark.parametrize("n", [1, 5, 10, 20])
def test_dusun_chart_holds_up(qtbot, n: int) -> None:
    card, chart, names = _card(qtbot, n)
    series = [s for s in chart.series() if isinstance(s, QBarSeries | QHorizontalBarSeries)][0]
    horizontal = isinstance(series, QHorizontalBarSeries)
    assert horizontal == (n > charts.VERTICAL_AREAS_MAX)
    axis = [a for a in chart.axes() if hasattr(a, "categories")][0]
    labels = list(axis.categories())
    if horizontal:
        labels.reverse()  # drawn bottom-up: the first dusun is on top
    # Every dusun is named, whole, in order; the one at 0 % says so.
    shown = [" ".join(_plain(label)).replace(" (0 %)", "") for label in labels]
    assert shown == names
    zero = _zero(n)
    assert "(0 %)" in " ".join(_plain(labels[zero]))
    values = [v for bars in series.barSets() for v in (bars.at(i) for i in range(bars.count()))]
    assert all(v == round(v, 1) for v in values)  # one decimal on the bars
    assert all("(0 %)" not in label for i, label in enumerate(labels) if i != zero)

    metrics = QFontMetrics(charts._font(8))
    plot = chart.plotArea()
    sets = len(series.barSets())
    if horizontal:
        row = plot.height() / n
        # A row holds its name's lines, a bar holds its value label's height.
        assert all(row >= len(_plain(label)) * metrics.lineSpacing() for label in labels)
        assert row * series.barWidth() / sets >= metrics.height()
        assert card.view.minimumHeight() >= charts.AREA_ROW_PX * n
    else:
        column = plot.width() / n
        widest = max(metrics.horizontalAdvance(line) for lb in labels for line in _plain(lb))
        assert column >= widest + 4  # names never run into each other
        assert column * series.barWidth() / sets >= metrics.horizontalAdvance("99,9")

    # The legend is the card's wrapping label: the chart's own (one line, cut) is off.
    assert not chart.legend().isVisible()
    assert card.legend.wordWrap()
    text = card.legend.text()
    assert all(name in text.replace("&nbsp;", " ") for name in ("Cakupan %", "Keaktifan %"))
    assert card.legend.minimumSizeHint().width() <= CARD_WIDTH


def test_trend_legend_wraps_instead_of_being_cut(qtbot) -> None:
    months = [f"Bln {i}" for i in range(12)]
    chart = charts.trend_chart(
        months,
        [
            ("Cakupan %", [95.0] * 12, charts.COVERAGE),
            ("Keaktifan %", [80.0] * 12, charts.ACTIVITY),
        ],
        [
            ("Didaftarkan (jiwa)", [10.0] * 12, charts.REGISTERED),
            ("Iuran pertama dibayar (jiwa)", [8.0] * 12, charts.PAID),
        ],
        low=70.0,
        target=("Target 98 %", 98.0),
    )
    card = charts.ChartCard("Tren 12 bulan")
    qtbot.addWidget(card)
    card.set_chart(chart)
    card.resize(320, 360)  # narrower than the legend on one line
    card.show()
    qtbot.waitExposed(card)
    entries = [name for name, _color in charts.legend_entries(chart)]
    assert entries == [
        "Didaftarkan (jiwa)",
        "Iuran pertama dibayar (jiwa)",
        "Cakupan %",
        "Keaktifan %",
        "Target 98 %",
    ]
    text = card.legend.text().replace("&nbsp;", " ")
    assert all(name in text for name in entries)
    one_line = QFontMetrics(card.legend.font()).horizontalAdvance(" ".join(entries))
    assert one_line > card.legend.width()  # it would not fit on one line…
    assert card.legend.height() >= card.legend.heightForWidth(card.legend.width())  # …so it wraps
    assert (
        card.legend.heightForWidth(card.legend.width()) > QFontMetrics(card.legend.font()).height()
    )
