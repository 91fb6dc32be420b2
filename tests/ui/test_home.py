"""Beranda: cards, charts and the agent panel drawn from the database; PNG export; the
page reloads when the data changes."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QImage

from pesiar_desktop.rules import indicators
from pesiar_desktop.services import events
from pesiar_desktop.services.progress import agent_month_progress
from pesiar_desktop.services.stats import register_stats
from pesiar_desktop.ui import formatting
from tests.fieldwork_builder import FieldworkBuilder
from tests.ui.conftest import POPULATION


def _wait_board(qtbot, home, previous=None):
    qtbot.waitUntil(lambda: home.board is not None and home.board is not previous, timeout=10_000)
    return home.board


def _categories(card) -> list[str]:
    chart = card.chart()
    axes = [a for a in chart.axes() if hasattr(a, "categories")]
    return list(axes[0].categories())


def test_dashboard_draws_the_register(qtbot, make_window, village_db, admin, filled, tmp_path):
    today = date.today()
    b = FieldworkBuilder(village_db)
    agent = b.agent("SITI RAHMAWATI")
    b.assignment(agent, today.replace(day=1), today.replace(day=28), target_people_per_month=10)
    family = filled.families["BUDI SANTOSO"]
    b.registration(family, agent, today.replace(day=1), "paid", paid_on=today.replace(day=1))
    window = make_window(admin)
    home = window.home_page
    board = _wait_board(qtbot, home)
    with village_db.read() as s:
        stats = register_stats(s)
        progress = agent_month_progress(s, today)
    assert home.residents_card.value.text() == formatting.number(POPULATION)
    assert home.families_card.value.text() == "4"
    assert home.coverage_card.value.text() == formatting.percent(stats["coverage_pct"])
    assert home.activity_card.value.text() == formatting.percent(stats["active_pct"])
    level = indicators.award(stats["coverage_pct"], stats["active_pct"])
    assert home.award_card.value.text() == (level.label if level else "Belum UHC")
    assert "Menuju UHC Pratama" in home.award_card.note.text()
    assert home.followup_card.value.text() == "0"
    # Charts: one bar per dusun, the six segments present, twelve months.
    assert _categories(home.dusun_chart) == [d.removeprefix("Dusun ") for d in stats["by_dusun"]]
    assert home.dusun_table.rowCount() == len(stats["by_dusun"])
    assert len(_categories(home.segment_chart)) == len(stats["by_segment"])
    months = _categories(home.trend_chart)
    assert len(months) == 12 and months[-1].endswith(f"{today:%y}")
    names = {s.name() for s in home.trend_chart.chart().series()}
    assert {"Cakupan %", "Keaktifan %", "Target 98 %"} <= names
    # The agent panel shows services.progress (the figures the fees use).
    assert home.agent_table.rowCount() == len(progress) == 1
    assert home.agent_table.item(0, 0).text() == "SITI RAHMAWATI"
    bar = home.agent_table.cellWidget(0, 1)
    assert bar.format() == f"{progress[0].paid_people} / 10" and progress[0].paid_people == 3
    assert board.trend[-1].living == POPULATION
    # Each chart is exportable as a PNG that is not blank.
    for card in (home.dusun_chart, home.segment_chart, home.trend_chart):
        path = card.save_png(tmp_path / f"{card.title.text()}.png")
        image = QImage(str(path))
        assert image.width() > 300 and image.height() > 150
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert len(colours) > 5
    home.table_toggle.setChecked(True)
    assert home.dusun_chart.stack.currentWidget() is home.dusun_table
    window.grab().save(str(tmp_path / "beranda.png"))


def test_dashboard_refreshes_on_registrations(qtbot, make_window, village_db, admin, filled):
    today = date.today()
    b = FieldworkBuilder(village_db)
    agent = b.agent("I MADE SUARTA")
    b.assignment(agent, today.replace(day=1), today.replace(day=28))
    window = make_window(admin)
    home = window.home_page
    board = _wait_board(qtbot, home)
    assert home.agent_table.item(0, 0).text() == "I MADE SUARTA"
    assert home.followup_card.value.text() == "0"
    b.registration(filled.families["DEWI LESTARI"], agent, today.replace(day=1), "submitted")
    events.notify(events.Topic.REGISTRATIONS)
    _wait_board(qtbot, home, board)
    qtbot.waitUntil(lambda: home.followup_card.value.text() == "1", timeout=5000)
    assert "belum ada VA" in home.followup_card.note.text()


def test_empty_village_dashboard(qtbot, make_window, admin):
    window = make_window(admin)
    home = window.home_page
    _wait_board(qtbot, home)
    assert home.residents_card.value.text() == "0"
    assert home.award_card.value.text() == "Belum UHC"
    assert home.agent_empty.isVisibleTo(home) and not home.agent_table.isVisibleTo(home)


def test_reactivations_have_their_own_card_and_column(qtbot, make_window, fv, admin):
    """A family in arrears paid in full this month: "Diaktifkan kembali" 2 jiwa / 1 KK on
    its own card and in its agent's row, while the new-member figures stay as they were."""
    from datetime import timedelta

    from pesiar_desktop.rules import fieldwork_codes as fc
    from pesiar_desktop.services import reactivation
    from pesiar_desktop.services.reactivation import PaymentInput
    from tests.unit.test_reactivation import _arrears
    from tests.unit.test_visits_helpers import TODAY

    _arrears(fv, admin, 3)
    with fv.db.read() as s:
        before = {a.agent_name: (a.paid_people, a.registered_people)
                  for a in agent_month_progress(s, TODAY)}  # fmt: skip
    reactivation.pay_full(fv.db, admin, fv.joko_family,
                          PaymentInput(TODAY - timedelta(days=2), 210_000, fc.COLLECTOR_FAMILY))  # fmt: skip
    window = make_window(admin)
    home = window.home_page
    board = _wait_board(qtbot, home)
    assert (board.reactivations.people, board.reactivations.families) == (2, 1)
    assert home.reactivation_card.value.text() == "2"
    assert "1 KK" in home.reactivation_card.note.text()
    row = next(
        r for r in range(home.agent_table.rowCount())
        if home.agent_table.item(r, 0).text() == "SARI WULANDARI"
    )  # fmt: skip
    assert home.agent_table.item(row, 3).text() == "2"
    assert "kunjungan" in home.agent_table.item(row, 0).toolTip()
    assert {a.agent_name: (a.paid_people, a.registered_people) for a in board.agents} == before


def test_dashboard_reads_wait_until_the_beranda_is_shown(qtbot, make_window, admin):
    """A window that goes straight on to Penduduk (start-up, `gui --smoke`) does not start
    the Beranda's two background reads: they would hold both reader threads while the
    register waits for its first rows. They run when the Beranda is shown."""
    window = make_window(admin)  # attach() shows the Beranda first
    home = window.home_page
    with qtbot.waitSignal(window.residents_page.model.loaded, timeout=10_000):
        window.show_page("penduduk")
    qtbot.wait(50)
    assert home._generation == 0 and home.board is None
    window.show_page("beranda")
    assert _wait_board(qtbot, home) is not None
    assert home._generation == 1
