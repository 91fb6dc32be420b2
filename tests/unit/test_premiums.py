"""Premium table lookups by date and the VA number check."""

from __future__ import annotations

from datetime import date

import pytest

from pesiar_desktop.models import PremiumRate
from pesiar_desktop.rules.premiums import Rate, check_va, describe_pattern, rate_on
from pesiar_desktop.services import registrations
from pesiar_desktop.services.settings import SETTINGS

PATTERN = SETTINGS.va_pattern.default

RATES = [
    Rate("PBPU", 3, 42000, 7000, date(2021, 1, 1)),
    Rate("PBPU", 3, 45000, 7000, date(2027, 1, 1)),
    Rate("PBPU", 1, 150000, 0, date(2021, 1, 1)),
    Rate("BP", 3, 42000, 7000, date(2021, 1, 1)),
]


def test_rate_in_force_on_a_date():
    assert rate_on(RATES, "PBPU", 3, date(2026, 12, 31)).member_pays == 35000
    assert rate_on(RATES, "PBPU", 3, date(2027, 1, 1)).member_pays == 38000
    assert rate_on(RATES, "PBPU", 3, date(2020, 12, 31)) is None
    assert rate_on(RATES, "PBPU", 2, date(2026, 1, 1)) is None
    assert rate_on(RATES, "PBPU", 1, date(2026, 1, 1)).member_pays == 150000


def test_seeded_table_and_service_lookup(db):
    table = registrations.premium_table(db, date(2026, 11, 23))
    assert {cls: rate.member_pays for cls, rate in table.items()} == {
        1: 150000,
        2: 100000,
        3: 35000,
    }
    assert table[3].amount == 42000 and table[3].subsidy == 7000
    assert registrations.premium_table(db, date(2020, 6, 1)) == {}
    # A later rate row takes over from its date only.
    with db.transaction() as session:
        session.add(
            PremiumRate(
                segment="PBPU", jkn_class=2, amount=110000, subsidy=0, valid_from=date(2026, 7, 1)
            )
        )
    with db.read() as session:
        assert registrations.premium_for(session, "PBPU", 2, date(2026, 6, 30)).amount == 100000
        assert registrations.premium_for(session, "PBPU", 2, date(2026, 7, 1)).amount == 110000


@pytest.mark.parametrize(
    ("raw", "value", "error_part"),
    [
        ("8888801234567890", "8888801234567890", None),
        ("8888 8012 3456 7890", "8888801234567890", None),
        ("8888-8012-3456-7890", "8888801234567890", None),
        ("", "", "wajib diisi"),
        ("8888A01234567890", "8888A01234567890", "hanya boleh berisi angka"),
        ("88888012345678", "88888012345678", "tidak sesuai format"),
        ("1234801234567890", "1234801234567890", "diawali 8888 lalu 12 angka"),
    ],
)
def test_va_check(raw, value, error_part):
    check = check_va(raw, PATTERN)
    assert check.value == value
    if error_part is None:
        assert check.error is None
    else:
        assert check.error is not None and error_part in check.error


def test_va_pattern_words_and_broken_pattern():
    assert describe_pattern(r"^8888\d{12}$") == "diawali 8888 lalu 12 angka, total 16 angka"
    assert describe_pattern(r"^\d{16}$") == "16 angka"
    assert "tidak valid" in (check_va("123", "^(").error or "")
