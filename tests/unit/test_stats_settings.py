"""Register figures, settings and the data-changed notice."""

from __future__ import annotations

from datetime import date

import pytest

from pesiar_desktop.errors import PermissionDenied
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.membership import MembershipInput
from pesiar_desktop.rules.nik import nik_for
from pesiar_desktop.services import events, residents, settings, village
from pesiar_desktop.services.residents import FamilyInput
from pesiar_desktop.services.settings import SETTINGS
from pesiar_desktop.services.stats import register_stats
from tests.conftest import person


def _fill(db, actor):
    areas = village.list_areas(db)
    specs = [  # (area index, segment/status per member)
        (0, [("PBI_APBN", codes.STATUS_ACTIVE), ("PBI_APBN", codes.STATUS_ACTIVE)]),
        (1, [("PBPU", codes.STATUS_ARREARS), (None, codes.STATUS_NOT_REGISTERED)]),
        (2, [("PBPU", codes.STATUS_ACTIVE), ("PBPU", codes.STATUS_ACTIVE)]),
    ]
    serial = 1
    for family_no, (area, members) in enumerate(specs):
        family_id = None
        for index, (segment, status) in enumerate(members):
            born = date(1970 + index * 20, 1 + family_no, 10)
            data = person(
                nik_for("520101", born, 1, serial),
                f"Warga {serial}",
                1,
                born,
                1 if index == 0 else 4,
            )
            serial += 1
            membership = MembershipInput(
                status=status,
                segment=segment,
                months_in_arrears=2 if status == codes.STATUS_ARREARS else 0,
            )
            if family_id is None:
                result = residents.add_resident(
                    db,
                    actor,
                    data,
                    membership=membership,
                    new_family=FamilyInput(
                        no_kk=f"52010101012000{family_no:02d}", rt_id=areas[area].rt_id
                    ),
                )
                family_id = result.family_id
            else:
                result = residents.add_resident(
                    db, actor, data, family_id=family_id, membership=membership
                )
    residents.mark_dead(db, actor, result.resident_id, date(2026, 5, 1))


def test_register_stats(village_db, admin, freeze_clock):
    freeze_clock(date(2026, 11, 23))  # the register is dated in 2026
    _fill(village_db, admin)
    with village_db.read() as s:
        figures = register_stats(s)
    assert figures["residents"] == 5  # one of six died
    assert figures["families"] == 3
    assert figures["dusun"] == 2
    assert figures["registered"] == 4
    assert figures["active"] == 3
    assert figures["coverage_pct"] == 80.0
    assert figures["active_pct"] == 75.0
    assert figures["by_segment"]["PBPU"] == {"registered": 2, "active": 1, "active_pct": 50.0}
    assert figures["by_dusun"]["Dusun Krajan"]["residents"] == 4
    assert figures["by_dusun"]["Dusun Timur"]["coverage_pct"] == 100.0


def test_settings_defaults_and_role(village_db, admin, operator):
    assert settings.read(village_db, SETTINGS.monthly_target_people) == 35
    settings.put(village_db, admin, SETTINGS.monthly_target_people, 40)
    assert settings.read(village_db, SETTINGS.monthly_target_people) == 40
    with pytest.raises(PermissionDenied):
        settings.put(village_db, operator, SETTINGS.monthly_target_people, 10)
    assert settings.read(village_db, SETTINGS.monthly_target_people) == 40


def test_writes_announce_changes(village_db, admin):
    heard: list[events.Topic] = []
    events.subscribe(heard.append)
    try:
        village.add_area(village_db, admin, "Dusun Baru", "-", "7")
    finally:
        events.unsubscribe(heard.append)
    assert heard == [events.Topic.AREAS]
    areas = [a for a in village.list_areas(village_db) if a.dusun == "Dusun Baru"]
    assert [(a.rw, a.rt, a.label) for a in areas] == [("-", "007", "Dusun Baru · RT 007")]


def test_register_stats_lists_every_dusun(village_db, admin, freeze_clock):
    """A dusun where nobody lives yet is in `by_dusun` too (with zeros): the dashboard draws
    one bar per dusun of the village, and "di 3 dusun" must match the bars. Per dusun the
    figures are those of plain SQL."""
    from sqlalchemy import text

    freeze_clock(date(2026, 11, 23))
    _fill(village_db, admin)
    village.add_area(village_db, admin, "Dusun Baru", "3", "9")
    with village_db.read() as s:
        figures = register_stats(s)
        names = list(s.scalars(text("SELECT name FROM dusun ORDER BY name")))
        living = dict(
            s.execute(
                text(
                    "SELECT d.name, COUNT(r.id) FROM dusun d"
                    " LEFT JOIN rt ON rt.dusun_id = d.id"
                    " LEFT JOIN family f ON f.rt_id = rt.id"
                    " LEFT JOIN resident r ON r.family_id = f.id AND r.life_status = :alive"
                    " GROUP BY d.name"
                ),
                {"alive": codes.LIFE_ALIVE},
            ).all()
        )
    assert figures["dusun"] == 3 == len(names)
    assert list(figures["by_dusun"]) == names
    assert {name: e["residents"] for name, e in figures["by_dusun"].items()} == living
    assert figures["by_dusun"]["Dusun Baru"] == {
        "residents": 0,
        "registered": 0,
        "active": 0,
        "coverage_pct": 0.0,
        "active_pct": 0.0,
    }
