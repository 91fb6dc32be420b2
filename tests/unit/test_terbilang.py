"""Terbilang is right for every amount (issue 15 item 6): rules.formatting.terbilang is
compared with an independent spelling written here from the Indonesian rules (se- for one
hundred, one thousand, ten and eleven; "belas" for 12-19; units ribu, juta, miliar,
triliun; a thousands group of exactly one is "seribu" wherever it stands)."""

from __future__ import annotations

import random

import pytest

from pesiar_desktop.rules.formatting import terbilang

DIGITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
UNITS = ("", "ribu", "juta", "miliar", "triliun")


def _below_thousand(n: int) -> list[str]:
    hundreds, rest = divmod(n, 100)
    words: list[str] = []
    if hundreds == 1:
        words.append("seratus")
    elif hundreds:
        words += [DIGITS[hundreds], "ratus"]
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif 12 <= rest <= 19:
        words += [DIGITS[rest - 10], "belas"]
    elif rest >= 20:
        tens, ones = divmod(rest, 10)
        words += [DIGITS[tens], "puluh"] + ([DIGITS[ones]] if ones else [])
    elif rest:
        words.append(DIGITS[rest])
    return words


def spell(amount: int) -> str:
    if amount == 0:
        return "nol rupiah"
    groups: list[int] = []
    while amount:
        amount, group = divmod(amount, 1000)
        groups.append(group)
    words: list[str] = []
    for unit in range(len(groups) - 1, -1, -1):
        group = groups[unit]
        if group == 0:
            continue
        if unit == 1 and group == 1:
            words.append("seribu")
            continue
        words += _below_thousand(group) + ([UNITS[unit]] if UNITS[unit] else [])
    return " ".join(words + ["rupiah"])


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (1_001_000, "satu juta seribu rupiah"),
        (1_000, "seribu rupiah"),
        (11_000, "sebelas ribu rupiah"),
        (21_000, "dua puluh satu ribu rupiah"),
        (101_000, "seratus satu ribu rupiah"),
        (35_000, "tiga puluh lima ribu rupiah"),
        (2_001_001_000, "dua miliar satu juta seribu rupiah"),
        (1_000_001_000, "satu miliar seribu rupiah"),
    ],
)
def test_known_amounts(amount, words):
    assert spell(amount) == words  # the independent spelling agrees with the examples
    assert terbilang(amount) == words


def test_every_amount_in_a_range():
    rng = random.Random(15)
    amounts = list(range(0, 25_000))
    amounts += [k * 1000 + j for k in range(1000, 1100) for j in (0, 1, 500, 999)]
    amounts += [rng.randrange(0, 10**13) for _ in range(20_000)]
    amounts += [10**k + 1000 * m for k in range(6, 13) for m in (0, 1, 11, 101)]
    wrong = [(a, terbilang(a)) for a in amounts if terbilang(a) != spell(a)]
    assert wrong == []
