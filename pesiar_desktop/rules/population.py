"""Peristiwa kependudukan: the kinds of population event and the presence rule every
figure "as of a day" follows.

A resident is present (counted as a living resident of the village) on a day from the
day they entered, `arrived_on` for a pendatang or else their birth date, until the day
their life status changed (death, moving out, …), exclusive; a resident whose status is
not Hidup and has no date was never present (e.g. a birth recorded by mistake, undone).
"""

from __future__ import annotations

from datetime import date

from pesiar_desktop.rules import codes

BIRTH = "BIRTH"
DEATH = "DEATH"
MOVE_OUT = "MOVE_OUT"
MOVE_IN = "MOVE_IN"
CANCEL = "CANCEL"

KINDS = {
    BIRTH: "Kelahiran",
    DEATH: "Kematian",
    MOVE_OUT: "Pindah keluar",
    MOVE_IN: "Pindah datang",
    CANCEL: "Pembatalan",
}
# What the place of each kind means (the form's label and the report's column).
PLACE_LABELS = {
    BIRTH: "Tempat lahir",
    DEATH: "Tempat meninggal",
    MOVE_OUT: "Pindah ke",
    MOVE_IN: "Datang dari",
}
# Events that bring a resident in / take one out.
ENTRIES = frozenset({BIRTH, MOVE_IN})
EXITS = frozenset({DEATH, MOVE_OUT})
# Life status a resident gets when their birth or arrival is undone: never counted.
LIFE_UNDONE = 9  # Tidak Valid


def presence_start(birth_date: date, arrived_on: date | None) -> date:
    return arrived_on if arrived_on is not None else birth_date


def present_on(
    day: date, birth_date: date, arrived_on: date | None, life_status: int, life_date: date | None
) -> bool:
    """Counted as a living resident at the end of `day`."""
    if presence_start(birth_date, arrived_on) > day:
        return False
    return life_status == codes.LIFE_ALIVE or (life_date is not None and life_date > day)
