"""Dusun and RT areas: found whatever the spelling of their codes or the case of the
dusun's name, created once (services.village.ensure_areas_in / ensure_rt_in)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from pesiar_desktop.errors import ValidationError
from pesiar_desktop.services import village


def _areas(db) -> list[tuple[str, str, str]]:
    with db.read() as session:
        return [
            tuple(row)
            for row in session.execute(
                text(
                    "SELECT d.name, r.rw, r.rt FROM rt r JOIN dusun d ON d.id = r.dusun_id"
                    " ORDER BY d.name, r.rw, r.rt"
                )
            )
        ]


def test_many_areas_are_found_or_made_at_once(village_db):
    before = _areas(village_db)  # Krajan 001/001, 001/002; Timur 002/003
    wanted = [
        ("dusun krajan", "1", "01"),  # the existing Krajan, RT 001 written another way
        ("DUSUN KRAJAN", "01", "2.0"),
        ("  Dusun   Barat ", "3", "4"),  # new dusun, spaces collapsed
        ("Dusun Barat", "003", "004"),  # the same new area again
        ("Dusun Barat", "-", "5"),  # a village without RW
        ("Dusun Timur", "2", "6"),  # a new RT in an existing dusun
    ]
    with village_db.transaction() as session:
        ids = village.ensure_areas_in(session, wanted)
        one_by_one = {area: village.ensure_rt_in(session, *area).id for area in wanted}
    assert ids == one_by_one
    assert ids[wanted[2]] == ids[wanted[3]]
    assert len(set(ids.values())) == 5
    made = sorted(set(_areas(village_db)) - set(before))
    assert made == [
        ("Dusun Barat", "-", "005"),
        ("Dusun Barat", "003", "004"),
        ("Dusun Timur", "002", "006"),
    ]
    with village_db.read() as session:
        assert session.execute(text("SELECT COUNT(*) FROM dusun")).scalar_one() == 3


@pytest.mark.parametrize(
    "area, field",
    [
        (("  ", "1", "1"), "dusun"),
        (("Dusun Baru", "1", "-"), "rt"),
        (("Dusun Baru", "1", "x"), "rt"),
    ],
)
def test_an_area_without_a_dusun_or_rt_is_refused_and_nothing_is_made(village_db, area, field):
    before = _areas(village_db)
    with pytest.raises(ValidationError) as refused, village_db.transaction() as session:
        village.ensure_areas_in(session, [("Dusun Baru", "9", "9"), area])
    assert field in refused.value.field_errors
    assert _areas(village_db) == before
