"""Real-world values, not only the demo's: long dusun and agent names (issue 17)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QScrollArea
from sqlalchemy import update

from pesiar_desktop.models.village import Dusun
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.services import village, visits
from pesiar_desktop.services.visits import VisitInput
from pesiar_desktop.ui import charts
from pesiar_desktop.ui.dialogs.advocacy_dialog import AdvocacyDialog
from pesiar_desktop.ui.dialogs.agent_dialog import AgentDialog
from pesiar_desktop.ui.dialogs.assignment_dialog import AssignmentDialog
from pesiar_desktop.ui.dialogs.resident_dialog import ResidentDialog
from pesiar_desktop.ui.pages.sisir import TAB_DUE, TAB_PLAN, SisirPage
from tests.unit.test_agents_support import make_agent
from tests.unit.test_visits_helpers import TODAY, register_budi_family

LONG_DUSUN = "Dusun Karang Bayan Timur Laut Dua Sejahtera Makmur Abadi"
LONG_AGENT = "Prof. Dr. Hj. Nur'aini Siti Khadijah Al-Mahdali Purnamasari, S.K.M., M.Kes."

DIALOGS = {
    "ResidentDialog": lambda db, tasks, actor: ResidentDialog(
        db, tasks, actor, None, new_family=True
    ),
    "AgentDialog": AgentDialog,
    "AssignmentDialog": AssignmentDialog,
    "AdvocacyDialog": lambda db, tasks, actor: AdvocacyDialog(db, tasks, actor, []),
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_a_form_is_not_cut_on_the_right_by_long_names(qtbot, village_db, admin, tasks, name):
    """A long agent name or dusun name in a form's list must not make the form wider than
    its scroll area when the dialog is as narrow as it allows: the fields were cut off on
    the right (no horizontal scroll bar)."""
    village.add_area(village_db, admin, LONG_DUSUN, "3", "12")
    make_agent(village_db, admin, LONG_AGENT)
    dialog = DIALOGS[name](village_db, tasks, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(dialog.minimumSize().width(), dialog.height())  # as narrow as it may be
    qtbot.wait(50)
    scroll = dialog.findChild(QScrollArea)
    assert scroll is not None
    content = scroll.widget()
    assert content.width() <= scroll.viewport().width(), (content.width(), scroll.viewport())
    dialog.close()


def test_sisir_shows_the_whole_area_label_of_a_long_dusun(qtbot, make_window, fv, admin):
    """With a long dusun name the RW / RT at the end of "Dusun … · RW 001 / RT 001" was cut
    off: the plan's RT groups looked all alike and the due list did not say where to go."""
    with fv.db.transaction() as session:
        session.execute(update(Dusun).where(Dusun.name == "Dusun Krajan").values(name=LONG_DUSUN))
    visits.record_visit(
        fv.db,
        admin,
        VisitInput(
            fv.joko_family,
            TODAY - timedelta(days=20),
            fc.OUTCOME_REVISIT,
            revisit_on=TODAY - timedelta(days=5),
        ),
    )
    window = make_window(admin)
    window.resize(1366, 728)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.show_page("sisir")
    page = window.pages["sisir"]
    assert isinstance(page, SisirPage)
    assert page.tabs.currentIndex() == TAB_PLAN
    tree = page.plan_tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 2, timeout=10_000)
    group = tree.topLevelItem(0)
    assert group.text(0) == f"{LONG_DUSUN} · RW 001 / RT 001"
    bold = group.font(0)
    needed = QFontMetrics(bold).horizontalAdvance(group.text(0)) + tree.indentation()
    assert tree.columnWidth(0) >= needed, (tree.columnWidth(0), needed)

    page.tabs.setCurrentIndex(TAB_DUE)
    qtbot.waitUntil(lambda: page.due_model.rowCount() == 1, timeout=10_000)
    column = 4  # Wilayah
    area = page.due_model.row(0).texts[column]
    assert area.startswith(LONG_DUSUN)
    metrics = page.due_view.fontMetrics()
    assert page.due_view.columnWidth(column) > metrics.horizontalAdvance(area), area


def test_registrasi_shows_the_whole_area_label_of_a_long_dusun(qtbot, make_window, fv, admin):
    """The registrations and the unpaid follow-up list cut "Dusun … · RW 001 / RT 001"
    before the RW / RT, the part that tells the office where the family lives."""
    from pesiar_desktop.ui.pages.registrasi import TAB_FOLLOWUP, RegistrasiPage

    with fv.db.transaction() as session:
        session.execute(update(Dusun).where(Dusun.name == "Dusun Krajan").values(name=LONG_DUSUN))
    register_budi_family(fv, admin, TODAY - timedelta(days=60))
    window = make_window(admin)
    window.resize(1366, 728)
    window.show_page("registrasi")
    page = window.pages["registrasi"]
    assert isinstance(page, RegistrasiPage)
    column = 4  # Wilayah, in both lists
    for model, view in ((page.list_model, page.list_view), (page.unpaid_model, page.unpaid_view)):
        if model is page.unpaid_model:
            page.tabs.setCurrentIndex(TAB_FOLLOWUP)
        qtbot.waitUntil(lambda m=model: m.rowCount() == 1, timeout=10_000)
        area = model.row(0).texts[column]
        assert area.startswith(LONG_DUSUN)
        wanted = view.fontMetrics().horizontalAdvance(area)
        qtbot.waitUntil(lambda v=view, w=wanted: v.columnWidth(column) > w, timeout=5_000)


# A long dusun name of a real village (issue 17: "Dusun Bojon…" told no dusun apart).
REAL_DUSUN = "Dusun Karang Bayan Timur Laut Dua"


def test_petakan_target_list_shows_whole_dusun_names(qtbot, make_window, village_db, admin):
    """The Dusun column of the target list cut every name after ~12 letters, so it did not
    say which dusun; widening it must not push the name and status off the window."""
    from pesiar_desktop.ui.tablemodels.targets import COLUMN_KEYS
    from tests.ui.conftest import fill_village

    with village_db.transaction() as session:
        session.execute(update(Dusun).where(Dusun.name == "Dusun Krajan").values(name=REAL_DUSUN))
    fill_village(village_db, admin)
    window = make_window(admin)
    window.resize(1366, 728)
    window.show_page("petakan")
    page = window.pages["petakan"]
    qtbot.waitUntil(lambda: page.loaded_once and not page.loading, timeout=20_000)
    table = page.table
    dusun = COLUMN_KEYS.index("dusun")
    shown = {page.model.data(page.model.index(r, dusun)) for r in range(page.model.rowCount())}
    assert REAL_DUSUN in shown
    wanted = max(table.fontMetrics().horizontalAdvance(text) for text in shown)
    assert table.columnWidth(dusun) > wanted, (table.columnWidth(dusun), wanted)
    for key in ("name", "status"):
        column = COLUMN_KEYS.index(key)
        right = table.columnViewportPosition(column) + table.columnWidth(column)
        assert right <= table.viewport().width(), (key, right, table.viewport().width())


@pytest.fixture(params=["id", "en"])
def ui_language(request, qapp):
    from pesiar_desktop.app import load_language

    load_language(request.param)
    yield request.param
    load_language("id")


def _label_and_arrow_boxes(button) -> tuple[tuple[int, int, int, int], ...]:
    """(left, top, right, bottom) of the button's label and of what is drawn right of it
    (the drop-down arrow), in pixels: the label painted pure red to tell them apart."""
    from PySide6.QtGui import QColor, QPalette

    palette = button.palette()
    old = QPalette(palette)
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#ff0000"))
    button.setPalette(palette)
    image = button.grab().toImage()
    button.setPalette(old)
    inner = range(3, image.height() - 3)

    def box(points: list[tuple[int, int]]) -> tuple[int, int, int, int]:
        assert points
        xs, ys = [x for x, _y in points], [y for _x, y in points]
        return min(xs), min(ys), max(xs), max(ys)

    label = box(
        [
            (x, y)
            for x in range(image.width())
            for y in inner
            if (c := image.pixelColor(x, y)).red() > 150 and c.green() < 110 and c.blue() < 110
        ]
    )
    arrow = box(
        [
            (x, y)
            for x in range(label[2] + 1, image.width() - 3)
            for y in inner
            if max((c := image.pixelColor(x, y)).red(), c.green(), c.blue()) < 120
        ]
    )
    return label, arrow


def test_penduduk_priority_button_arrow_does_not_cover_its_label(
    qtbot, make_window, village_db, admin, ui_language
):
    """The "Prioritas" filter button drew its drop-down arrow in its bottom-right corner, at
    the foot of the label's last letter: the arrow belongs beside the label, level with it."""
    window = make_window(admin)
    window.resize(1366, 728)
    window.show_page("penduduk")
    page = window.pages["penduduk"]
    button = page.flags_button
    assert button.text() == ("Priority" if ui_language == "en" else "Prioritas")
    for checked in (0, 2):
        for action in list(page.flag_actions.values())[:checked]:
            action.setChecked(True)
        qtbot.waitUntil(lambda c=checked: button.text().endswith(")") == bool(c), timeout=5_000)
        QApplication.processEvents()
        label, arrow = _label_and_arrow_boxes(button)
        # Beside the label, apart from it and level with it, not tucked under its last letter.
        assert arrow[0] - label[2] >= 4, (button.text(), label, arrow)
        assert label[1] <= (arrow[1] + arrow[3]) / 2 <= (label[1] + label[3]) / 2 + 2, (
            button.text(),
            label,
            arrow,
        )
        assert button.x() + button.width() <= button.parentWidget().width()


def _bar_values(card) -> dict[str, list[float]]:
    from PySide6.QtCharts import QAbstractBarSeries

    return {
        bars.label(): [bars.at(i) for i in range(bars.count())]
        for series in card.chart().series()
        if isinstance(series, QAbstractBarSeries)
        for bars in series.barSets()
    }


def test_beranda_dusun_chart_shows_a_dusun_without_residents(
    qtbot, make_window, village_db, admin, filled
):
    """The card said "di 3 dusun" but the chart drew 2: a dusun where nobody lives yet was
    left out. It gets its (empty) bars and says it has no residents."""
    from pesiar_desktop.services.stats import register_stats

    village.add_area(village_db, admin, "Dusun Baru", "3", "9")
    window = make_window(admin)
    window.resize(1366, 728)
    home = window.home_page
    qtbot.waitUntil(lambda: home.board is not None, timeout=10_000)
    with village_db.read() as s:
        stats = register_stats(s)
    assert home.residents_card.note.text().endswith("di 3 dusun")
    chart = home.dusun_chart.chart()
    axis = next(a for a in chart.axes() if hasattr(a, "categories"))
    labels = [label.replace("<br>", " ") for label in axis.categories()]
    assert len(labels) == 3 == len(stats["by_dusun"])
    empty = labels[list(stats["by_dusun"]).index("Dusun Baru")]
    assert empty.startswith("Baru") and "belum ada penduduk" in empty, empty
    assert all("belum ada penduduk" not in label for label in labels if label != empty)
    index = labels.index(empty)
    assert all(values[index] == 0 for values in _bar_values(home.dusun_chart).values())
    # The populated dusun set the axis: the empty one does not pull it down to 0.
    from PySide6.QtCharts import QValueAxis

    value_axis = next(a for a in chart.axes() if isinstance(a, QValueAxis) and a.isVisible())
    populated = [
        e[k]
        for e in stats["by_dusun"].values()
        if e["residents"]
        for k in ("coverage_pct", "active_pct")
    ]
    assert value_axis.min() == charts.percent_floor(populated)
    assert home.dusun_table.rowCount() == 3


@pytest.mark.parametrize("areas", [3, 20])
def test_dusun_chart_value_labels_keep_off_the_target_line(qtbot, areas):
    """A bar at 100 printed its "100" past the bar's end, on the dashed 98 % line. The
    labels sit inside the bar ends (white), and the line runs under the bars: a bar over
    98 % hides it, so no label meets it."""
    from PySide6.QtCharts import QAbstractBarSeries, QChartView, QLineSeries

    coverage = [100.0, 97.8, 62.0] * 7
    activity = [100.0, 85.3, 40.0] * 7
    chart, height = charts.area_bars(
        [f"Dusun {i}" for i in range(areas)],
        [
            ("Cakupan %", coverage[:areas], charts.COVERAGE),
            ("Keaktifan %", activity[:areas], charts.ACTIVITY),
        ],
        low=charts.percent_floor(coverage[:areas] + activity[:areas]),
        target=("Target UHC 98 %", 98.0),
    )
    series = chart.series()
    bars = next(s for s in series if isinstance(s, QAbstractBarSeries))
    line = next(s for s in series if isinstance(s, QLineSeries))
    assert bars.labelsPosition() == QAbstractBarSeries.LabelsPosition.LabelsInsideEnd
    assert all(b.labelColor().name() == "#ffffff" for b in bars.barSets())
    assert series.index(line) < series.index(bars)  # drawn first: under the bars
    view = QChartView(chart)
    qtbot.addWidget(view)
    view.resize(640, height)
    view.grab()
