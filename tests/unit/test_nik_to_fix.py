"""Residents whose NIK is not (yet) valid are kept, flagged "NIK perlu diperbaiki":
entered by hand, listed in the Perbaiki NIK work list with the reason, fixed once the
right number is known (checked like the form's), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from pesiar_desktop.errors import ValidationError
from pesiar_desktop.models import AuditLog, Resident
from pesiar_desktop.rules.nik import NIK_MISSING, nik_for
from pesiar_desktop.services import residents, village
from pesiar_desktop.services.residents import FamilyInput
from tests.conftest import person

DISTRICT = "520101"
KK1 = "5201011203150001"
HEAD_BORN = date(1980, 5, 17)
CHILD_BORN = date(2012, 4, 9)


def _family(db, actor) -> residents.SaveResult:
    head = person(nik_for(DISTRICT, HEAD_BORN, 1, 1), "Budi", 1, HEAD_BORN, 1)
    rt_id = village.list_areas(db)[0].rt_id
    return residents.add_resident(db, actor, head, new_family=FamilyInput(KK1, rt_id))


def test_an_invalid_nik_is_refused_unless_the_person_is_kept_to_fix(village_db, admin):
    family = _family(village_db, admin)
    zero_serial = nik_for(DISTRICT, CHILD_BORN, 2, 0)  # ends in 0000
    with pytest.raises(ValidationError) as err:
        residents.add_resident(
            village_db,
            admin,
            person(zero_serial, "Ani", 2, CHILD_BORN, 4),
            family_id=family.family_id,
        )
    assert "0000 tidak mungkin" in err.value.field_errors["nik"]
    kept = residents.add_resident(
        village_db,
        admin,
        person(zero_serial, "Ani", 2, CHILD_BORN, 4, nik_to_fix=True),
        family_id=family.family_id,
    )
    assert any(w.startswith("NIK perlu diperbaiki: ") for w in kept.warnings)
    # Two people without a NIK at all (blank): both kept, the flag says so.
    for name in ("Bayu", "Citra"):
        residents.add_resident(
            village_db,
            admin,
            person("", name, 1, CHILD_BORN, 4, nik_to_fix=True),
            family_id=family.family_id,
        )
    with village_db.read() as s:
        ani = s.get(Resident, kept.resident_id)
        assert (ani.nik, ani.nik_raw, ani.nik_to_fix) == (zero_serial, zero_serial, True)
        assert "0000 tidak mungkin" in ani.nik_problem
    work = residents.list_nik_to_fix(village_db)
    assert [(w.name, w.nik_as_written) for w in work] == [
        ("ANI", zero_serial),
        ("BAYU", ""),
        ("CITRA", ""),
    ]
    assert work[1].reason == NIK_MISSING and work[0].no_kk == KK1
    assert work[0].dusun == "Dusun Krajan"


def test_fixing_a_nik_checks_it_clears_the_flag_and_keeps_the_first_value(village_db, admin):
    family = _family(village_db, admin)
    kept = residents.add_resident(
        village_db,
        admin,
        person("52010149041", "Ani", 2, CHILD_BORN, 4, nik_to_fix=True),
        family_id=family.family_id,
    )
    with pytest.raises(ValidationError) as err:  # still invalid
        residents.fix_nik(village_db, admin, kept.resident_id, "5201014904120")
    assert "16 digit" in err.value.field_errors["nik"]
    head_nik = nik_for(DISTRICT, HEAD_BORN, 1, 1)
    with pytest.raises(ValidationError) as err:  # somebody else's
        residents.fix_nik(village_db, admin, kept.resident_id, head_nik)
    assert "BUDI" in err.value.field_errors["nik"]
    right = nik_for(DISTRICT, CHILD_BORN, 2, 3)
    residents.fix_nik(village_db, admin, kept.resident_id, right)
    with village_db.read() as s:
        ani = s.get(Resident, kept.resident_id)
        assert (ani.nik, ani.nik_problem, ani.nik_raw) == (right, None, "52010149041")
        entry = s.scalar(select(AuditLog).where(AuditLog.action == "resident.fix_nik"))
        assert json.loads(entry.before_json)["nik"] == "52010149041"
        assert json.loads(entry.after_json) == {"nik": right, "nik_problem": None}
    assert residents.list_nik_to_fix(village_db) == []


def test_editing_a_kept_person_keeps_the_flag_and_a_valid_nik_clears_it(village_db, admin):
    family = _family(village_db, admin)
    kept = residents.add_resident(
        village_db,
        admin,
        person("", "Ani", 2, CHILD_BORN, 4, nik_to_fix=True),
        family_id=family.family_id,
    )
    data, _member, _fid, _life = residents.load_resident(village_db, kept.resident_id)
    assert data.nik_to_fix and data.nik == ""
    data.phone = "08123"
    residents.edit_resident(village_db, admin, kept.resident_id, data)
    assert len(residents.list_nik_to_fix(village_db)) == 1
    data.nik = nik_for(DISTRICT, CHILD_BORN, 2, 4)
    residents.edit_resident(village_db, admin, kept.resident_id, data)
    with village_db.read() as s:
        ani = s.get(Resident, kept.resident_id)
        assert (ani.nik_problem, ani.nik_raw, ani.phone) == (None, "", "08123")
