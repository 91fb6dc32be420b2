"""The Beranda figures (services.dashboard) against the database."""

from __future__ import annotations

from datetime import date

from pesiar_desktop.rules import indicators
from pesiar_desktop.services import dashboard
from pesiar_desktop.services.progress import agent_month_progress
from pesiar_desktop.services.stats import register_stats
from tests.unit.test_recap import TODAY, _naive_coverage, scene  # noqa: F401  (fixture)


def test_month_ends():
    ends = dashboard.month_ends(date(2026, 3, 15), 4)
    assert ends == [date(2025, 12, 31), date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 15)]
    assert len(dashboard.month_ends(TODAY)) == 12


def test_dashboard_figures(village_db, scene):  # noqa: F811
    with village_db.read() as s:
        board = dashboard.load_dashboard(s, TODAY)
        stats = register_stats(s)
        progress = agent_month_progress(s, TODAY)
        naive = {day: _naive_coverage(s, day) for day in (date(2026, 10, 31), date(2026, 5, 31))}
    assert board.stats == stats
    expected_award = indicators.award(stats["coverage_pct"], stats["active_pct"])
    assert board.award == expected_award
    assert board.next_level == indicators.next_level(stats["coverage_pct"], stats["active_pct"])
    assert board.gap == indicators.gap_to(
        board.next_level, stats["residents"], stats["registered"], stats["active"]
    )
    # The trend ends with today's register and agrees with the history month by month.
    assert [p.day for p in board.trend] == dashboard.month_ends(TODAY)
    last = board.trend[-1]
    assert (last.living, last.registered, last.active) == (
        stats["residents"],
        stats["registered"],
        stats["active"],
    )
    for point in board.trend:
        if point.day in naive:
            per_dusun = naive[point.day].values()
            assert point.living == sum(v[0] for v in per_dusun)
            assert point.registered == sum(v[1] for v in per_dusun)
            assert point.active == sum(v[2] for v in per_dusun)
    # New PBPU registrations per month: made (neither cancelled nor expired) and first
    # premiums paid.
    months = {m.month: m for m in board.registrations}
    october, september, november = (
        months[date(2026, 10, 1)],
        months[date(2026, 9, 1)],
        months[date(2026, 11, 1)],
    )
    assert (october.families, october.people) == (4, 10)  # the expired one is not counted
    assert (october.paid_families, october.paid_people) == (3, 9)
    assert (september.families, september.people, september.paid_families) == (1, 2, 0)
    assert (november.families, november.people, november.paid_people) == (1, 3, 0)
    assert board.agents == progress
    # Waiting for the first premium: one VA past its deadline, two without a VA yet.
    assert board.follow_ups == dashboard.FollowUps(overdue=1, near_due=0, without_due=2)
    with village_db.read() as s:
        soon = dashboard.follow_ups(s, date(2026, 11, 3))
    assert (soon.overdue, soon.near_due) == (0, 1)


def test_coverage_history_by_dusun(village_db, scene):  # noqa: F811
    day = date(2026, 10, 31)
    with village_db.read() as s:
        series = dashboard.coverage_history(s, [day], by_dusun=True)
        naive = _naive_coverage(s, day)
    assert {k: (v[0].living, v[0].registered, v[0].active) for k, v in series.items()} == naive


def test_empty_village(village_db):
    with village_db.read() as s:
        board = dashboard.load_dashboard(s, TODAY)
    assert board.stats["residents"] == 0 and board.award is None
    assert all(p.living == 0 and p.coverage_pct == 0.0 for p in board.trend)
    assert board.agents == [] and board.follow_ups.total == 0
