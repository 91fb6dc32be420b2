"""UHC-Desa award levels and the gap to the next one (rules.indicators)."""

from __future__ import annotations

import pytest

from pesiar_desktop.rules import indicators
from pesiar_desktop.rules.indicators import AWARD_LEVELS, award, gap_to, next_level


@pytest.mark.parametrize(
    ("coverage", "activity", "expected"),
    [
        (97.99, 99.0, None),  # coverage short: nothing, however active
        (98.0, 79.99, None),
        (98.0, 80.0, "PRATAMA"),
        (98.5, 84.99, "PRATAMA"),
        (98.0, 85.0, "MADYA"),
        (98.99, 99.0, "MADYA"),  # Utama needs 99 % coverage
        (99.0, 94.99, "MADYA"),
        (99.0, 95.0, "UTAMA"),
        (100.0, 100.0, "UTAMA"),
        (0.0, 0.0, None),
    ],
)
def test_award_thresholds(coverage, activity, expected):
    level = award(coverage, activity)
    assert (level.code if level else None) == expected


def test_levels_are_the_2026_thresholds():
    assert [(lv.code, lv.coverage_pct, lv.activity_pct) for lv in AWARD_LEVELS] == [
        ("PRATAMA", 98.0, 80.0),
        ("MADYA", 98.0, 85.0),
        ("UTAMA", 99.0, 95.0),
    ]
    assert indicators.UHC_COVERAGE_PCT == 98.0


def test_next_level():
    assert next_level(90.0, 70.0).code == "PRATAMA"
    assert next_level(98.0, 80.0).code == "MADYA"
    assert next_level(98.0, 90.0).code == "UTAMA"
    assert next_level(99.5, 96.0) is None


def test_percentages():
    assert indicators.coverage_pct(49, 50) == 98.0
    assert indicators.activity_pct(1, 3) == 33.33
    assert indicators.pct(5, 0) == 0.0


def test_gap_to_a_level():
    pratama = AWARD_LEVELS[0]
    # 1,000 living, 950 registered, 700 active: 30 to register (98 %), then 80 % of 980
    # = 784 active, of which the 30 new ones count: 784 - 700 - 30 = 54 to reactivate.
    gap = gap_to(pratama, 1000, 950, 700)
    assert (gap.registrations_needed, gap.activations_needed) == (30, 54)
    # Reached already: nothing needed, never negative.
    assert gap_to(pratama, 1000, 990, 950) == indicators.Gap(pratama, 0, 0)
    # The share is rounded up: 98 % of 101 people is 98.98, so 99 are needed.
    assert gap_to(pratama, 101, 0, 0).registrations_needed == 99
    # Exactly on the threshold after the gap is closed.
    gap = gap_to(AWARD_LEVELS[2], 357, 300, 250)
    registered = 300 + gap.registrations_needed
    active = 250 + gap.registrations_needed + gap.activations_needed
    assert (
        award(
            indicators.coverage_pct(registered, 357), indicators.activity_pct(active, registered)
        ).code
        == "UTAMA"
    )
    assert (
        gap.activations_needed == 0
        or award(
            indicators.coverage_pct(registered, 357),
            indicators.activity_pct(active - 1, registered),
        ).code
        != "UTAMA"
    )
