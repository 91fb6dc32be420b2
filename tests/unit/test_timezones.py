"""The village's own time zone from its region code (audit log times are shown in it)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pesiar_desktop.rules.timezones import WIB, WIT, WITA, local_time, zone_for_region


@pytest.mark.parametrize(
    ("region", "zone"),
    [
        ("52.01.01.2005", WITA),  # Lombok Barat, NTB
        ("51.71.01.1001", WITA),  # Denpasar
        ("73.71.01.1001", WITA),  # Makassar
        ("64.72.01.1001", WITA),  # Samarinda
        ("33.74.01.1001", WIB),  # Semarang
        ("61.71.01.1001", WIB),  # Pontianak
        ("11.71.01.1001", WIB),  # Banda Aceh
        ("81.71.01.1001", WIT),  # Ambon
        ("91.71.01.1001", WIT),  # Jayapura
        ("96.01.01.1001", WIT),  # Papua Barat Daya
        ("", WIB),
    ],
)
def test_zone_for_region(region, zone):
    assert zone_for_region(region) == zone


def test_local_time_takes_stored_times_as_utc():
    stored = datetime(2026, 12, 31, 17, 30)  # naive, as the database keeps it
    assert local_time(stored, WITA).strftime("%d-%m-%Y %H:%M %Z") == "01-01-2027 01:30 WITA"
    aware = datetime(2026, 12, 31, 17, 30, tzinfo=UTC)
    assert local_time(aware, WIB).hour == 0 and local_time(aware, WIT).hour == 2
