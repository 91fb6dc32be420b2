"""UHC-Desa indicators: coverage, activity and the award level they reach.

Coverage (cakupan) = registered residents / living residents. Activity (keaktifan)
= active members / registered members. The 2026 award thresholds (DOMAIN.md,
Indicators): Pratama coverage >= 98 % and activity >= 80 %; Madya >= 98 % and
>= 85 %; Utama >= 99 % and >= 95 %. Pure functions: the dashboard, the recap and
the CLI all read the same thresholds from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AwardLevel:
    code: str
    label: str
    coverage_pct: float
    activity_pct: float


# Lowest first; a village holds the highest level whose two thresholds it meets.
AWARD_LEVELS: tuple[AwardLevel, ...] = (
    AwardLevel("PRATAMA", "UHC Pratama", 98.0, 80.0),
    AwardLevel("MADYA", "UHC Madya", 98.0, 85.0),
    AwardLevel("UTAMA", "UHC Utama", 99.0, 95.0),
)
UHC_COVERAGE_PCT = AWARD_LEVELS[0].coverage_pct


def pct(part: int, whole: int, digits: int = 2) -> float:
    """part / whole in percent, rounded; 0 when there is nothing to divide by."""
    return round(100.0 * part / whole, digits) if whole else 0.0


def coverage_pct(registered: int, living: int) -> float:
    return pct(registered, living)


def activity_pct(active: int, registered: int) -> float:
    return pct(active, registered)


def award(coverage: float, activity: float) -> AwardLevel | None:
    """The highest award level reached, or None below Pratama."""
    reached: AwardLevel | None = None
    for level in AWARD_LEVELS:
        if coverage >= level.coverage_pct and activity >= level.activity_pct:
            reached = level
    return reached


def next_level(coverage: float, activity: float) -> AwardLevel | None:
    """The first level above the one reached (None once Utama is held)."""
    current = award(coverage, activity)
    index = -1 if current is None else AWARD_LEVELS.index(current)
    return AWARD_LEVELS[index + 1] if index + 1 < len(AWARD_LEVELS) else None


@dataclass(frozen=True)
class Gap:
    """What a village still needs for a level, in people (never negative)."""

    level: AwardLevel
    registrations_needed: int
    activations_needed: int


def gap_to(level: AwardLevel, living: int, registered: int, active: int) -> Gap:
    """People to register and members to (re)activate to reach `level`.

    Registering new people adds to the denominator of activity, so the activations
    needed are counted against the registered total after the new registrations
    (assuming the newly registered become active, as a paid first premium makes them).
    """
    need_registered = _ceil_share(level.coverage_pct, living)
    new = max(0, need_registered - registered)
    total_registered = registered + new
    need_active = _ceil_share(level.activity_pct, total_registered)
    activations = max(0, need_active - active - new)
    return Gap(level, new, activations)


def _ceil_share(percent: float, whole: int) -> int:
    """Smallest n with 100 * n / whole >= percent (integer arithmetic, no float drift)."""
    hundredths = round(percent * 100)
    return -(-hundredths * whole // 10_000)
