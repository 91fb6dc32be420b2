"""Resident and family use-cases on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from pesiar_desktop.errors import NotFound, PermissionDenied, ValidationError
from pesiar_desktop.models import AuditLog, Family, Membership, MembershipHistory, Resident
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.membership import MembershipInput
from pesiar_desktop.rules.nik import nik_for
from pesiar_desktop.rules.residents import ResidentInput
from pesiar_desktop.services import register, residents, village
from pesiar_desktop.services.residents import FamilyInput
from tests.conftest import person

DISTRICT = "520101"
KK1 = "5201011203150001"
KK2 = "5201011203150002"


def _rt(db, index: int = 0) -> int:
    return village.list_areas(db)[index].rt_id


def _add_family(db, actor, kk=KK1, head_serial=1):
    born = date(1980, 5, 17)
    head = person(nik_for(DISTRICT, born, 1, head_serial), "  budi   santoso ", 1, born, 1)
    return residents.add_resident(
        db, actor, head, new_family=FamilyInput(no_kk=kk, rt_id=_rt(db), address="Jl. Melati 3")
    )


def test_add_family_with_head_cleans_name_and_audits(village_db, admin):
    result = _add_family(village_db, admin)
    assert result.warnings == []
    with village_db.read() as s:
        resident = s.get(Resident, result.resident_id)
        assert resident.name == "BUDI SANTOSO"
        assert resident.family.no_kk == KK1
        membership = s.get(Membership, result.resident_id)
        assert membership.status == codes.STATUS_NOT_REGISTERED
        actions = list(s.scalars(select(AuditLog.action).where(AuditLog.actor == "admin")))
    assert {"family.create", "resident.add", "membership.change"} <= set(actions)


def test_duplicate_nik_names_the_owner(village_db, admin):
    first = _add_family(village_db, admin)
    born = date(1980, 5, 17)
    with pytest.raises(ValidationError) as err:
        residents.add_resident(
            village_db,
            admin,
            person(nik_for(DISTRICT, born, 1, 1), "Orang Lain", 1, born, 4),
            family_id=first.family_id,
        )
    assert "BUDI SANTOSO" in err.value.field_errors["nik"]
    assert KK1 in err.value.field_errors["nik"]


def test_bad_nik_rejected_and_mismatch_warns(village_db, admin):
    family = _add_family(village_db, admin)
    born = date(2010, 2, 3)
    with pytest.raises(ValidationError) as err:
        residents.add_resident(
            village_db, admin, person("5.20101E+15", "Ani", 2, born, 4), family_id=family.family_id
        )
    assert "Excel" in err.value.field_errors["nik"]
    with pytest.raises(ValidationError) as err:
        residents.add_resident(
            village_db, admin, person("52010112", "Ani", 2, born, 4), family_id=family.family_id
        )
    assert "16 digit" in err.value.field_errors["nik"]
    # NIK says male and another birth date: kept, with warnings.
    result = residents.add_resident(
        village_db,
        admin,
        person(nik_for(DISTRICT, date(2011, 3, 4), 1, 7), "Ani", 2, born, 4),
        family_id=family.family_id,
    )
    assert any("perempuan" in w or "laki-laki" in w for w in result.warnings)
    assert any("Tanggal lahir" in w for w in result.warnings)


def test_unknown_region_in_nik_is_a_warning(village_db, admin):
    family = _add_family(village_db, admin)
    born = date(2012, 1, 1)
    result = residents.add_resident(
        village_db,
        admin,
        person(nik_for("529901", born, 1, 3), "Rudi", 1, born, 4),
        family_id=family.family_id,
    )
    assert any("tidak ada di daftar wilayah" in w for w in result.warnings)


def test_exactly_one_head(village_db, admin):
    family = _add_family(village_db, admin)
    born = date(1985, 1, 1)
    with pytest.raises(ValidationError) as err:
        residents.add_resident(
            village_db,
            admin,
            person(nik_for(DISTRICT, born, 1, 9), "X", 1, born, 1),
            family_id=family.family_id,
        )
    assert "sudah punya Kepala Keluarga" in err.value.field_errors["shdk"]
    with pytest.raises(ValidationError) as err:
        residents.add_resident(
            village_db,
            admin,
            person(nik_for(DISTRICT, born, 1, 9), "X", 1, born, 4),
            new_family=FamilyInput(no_kk=KK2, rt_id=_rt(village_db)),
        )
    assert "harus Kepala Keluarga" in err.value.field_errors["shdk"]
    # The head cannot simply be edited into a child.
    head, member, _, _ = residents.load_resident(village_db, family.resident_id)
    head.shdk = 4
    with pytest.raises(ValidationError) as err:
        residents.edit_resident(village_db, admin, family.resident_id, head)
    assert "Ganti Kepala Keluarga" in err.value.field_errors["shdk"]


def test_no_kk_checked_and_unique(village_db, admin):
    _add_family(village_db, admin)
    born = date(1990, 1, 1)
    with pytest.raises(ValidationError) as err:
        residents.add_resident(
            village_db,
            admin,
            person(nik_for(DISTRICT, born, 1, 5), "Y", 1, born, 1),
            new_family=FamilyInput(no_kk="52010112", rt_id=_rt(village_db)),
        )
    assert "16 digit" in err.value.field_errors["no_kk"]
    with pytest.raises(ValidationError) as err:
        residents.add_resident(
            village_db,
            admin,
            person(nik_for(DISTRICT, born, 1, 5), "Y", 1, born, 1),
            new_family=FamilyInput(no_kk=KK1, rt_id=_rt(village_db)),
        )
    assert "sudah terdaftar" in err.value.field_errors["no_kk"]


def test_required_fields_reported_per_field(village_db, admin):
    family = _add_family(village_db, admin)
    with pytest.raises(ValidationError) as err:
        residents.add_resident(
            village_db,
            admin,
            ResidentInput(nik="", name=" ", sex=0, birth_date=None, shdk=0),
            family_id=family.family_id,
        )
    assert set(err.value.field_errors) >= {"nik", "name", "sex", "birth_date", "shdk"}


def test_edit_records_before_and_after(village_db, admin):
    family = _add_family(village_db, admin)
    data, _, _, _ = residents.load_resident(village_db, family.resident_id)
    data.phone = "081234567890"
    residents.edit_resident(village_db, admin, family.resident_id, data)
    with village_db.read() as s:
        entry = s.scalars(
            select(AuditLog).where(AuditLog.action == "resident.edit").order_by(AuditLog.id.desc())
        ).first()
    assert json.loads(entry.before_json) == {"phone": ""}
    assert json.loads(entry.after_json)["phone"] == "081234567890"


def test_membership_change_appends_history(village_db, admin):
    family = _add_family(village_db, admin)
    residents.set_membership(
        village_db,
        admin,
        family.resident_id,
        MembershipInput(
            status=codes.STATUS_ACTIVE,
            segment="PBPU",
            card_number="0001234567890",
            jkn_class=3,
            as_of=date(2026, 1, 1),
        ),
    )
    residents.set_membership(
        village_db,
        admin,
        family.resident_id,
        MembershipInput(
            status=codes.STATUS_ARREARS,
            segment="PBPU",
            card_number="0001234567890",
            jkn_class=3,
            months_in_arrears=3,
            as_of=date(2026, 4, 1),
        ),
    )
    # Same values again: no new history row.
    residents.set_membership(
        village_db,
        admin,
        family.resident_id,
        MembershipInput(
            status=codes.STATUS_ARREARS,
            segment="PBPU",
            card_number="0001234567890",
            jkn_class=3,
            months_in_arrears=3,
            as_of=date(2026, 4, 2),
        ),
    )
    with village_db.read() as s:
        history = list(
            s.scalars(
                select(MembershipHistory.status)
                .where(MembershipHistory.resident_id == family.resident_id)
                .order_by(MembershipHistory.id)
            )
        )
        current = s.get(Membership, family.resident_id)
    assert history == [codes.STATUS_NOT_REGISTERED, codes.STATUS_ACTIVE, codes.STATUS_ARREARS]
    assert current.months_in_arrears == 3


def test_membership_validation(village_db, admin):
    family = _add_family(village_db, admin)
    with pytest.raises(ValidationError) as err:
        residents.set_membership(
            village_db,
            admin,
            family.resident_id,
            MembershipInput(status=codes.STATUS_ACTIVE, card_number="12"),
        )
    assert {"segment", "card_number"} <= set(err.value.field_errors)


def _family_of_three(db, actor):
    family = _add_family(db, actor)
    wife_born, child_born = date(1983, 8, 9), date(2008, 11, 30)
    wife = residents.add_resident(
        db,
        actor,
        person(nik_for(DISTRICT, wife_born, 2, 2), "Siti", 2, wife_born, 3),
        family_id=family.family_id,
    )
    child = residents.add_resident(
        db,
        actor,
        person(nik_for(DISTRICT, child_born, 1, 3), "Dodi", 1, child_born, 4),
        family_id=family.family_id,
    )
    return family, wife, child


def test_head_death_needs_a_new_head(village_db, admin, freeze_clock):
    freeze_clock(date(2026, 11, 23))  # the death below is dated 1 October 2026
    family, wife, _ = _family_of_three(village_db, admin)
    residents.set_membership(
        village_db,
        admin,
        family.resident_id,
        MembershipInput(status=codes.STATUS_ACTIVE, segment="PBI_APBN"),
    )
    with pytest.raises(ValidationError) as err:
        residents.mark_dead(village_db, admin, family.resident_id, date(2026, 10, 1))
    assert "new_head" in err.value.field_errors
    residents.mark_dead(
        village_db, admin, family.resident_id, date(2026, 10, 1), new_head_id=wife.resident_id
    )
    with village_db.read() as s:
        assert s.get(Resident, wife.resident_id).shdk == codes.SHDK_HEAD
        dead = s.get(Resident, family.resident_id)
        assert dead.life_status == codes.LIFE_DEAD
        assert s.get(Membership, family.resident_id).status == codes.STATUS_ENDED
        heads = s.scalar(
            select(func.count()).where(
                Resident.family_id == family.family_id,
                Resident.shdk == 1,
                Resident.life_status == 1,
            )
        )
    assert heads == 1
    with pytest.raises(ValidationError):
        residents.mark_moved(village_db, admin, family.resident_id, date(2026, 10, 2))


def test_move_child_to_new_family_and_back_rules(village_db, admin):
    family, wife, child = _family_of_three(village_db, admin)
    moved = residents.move_resident(
        village_db,
        admin,
        child.resident_id,
        codes.SHDK_HEAD,
        new_family=FamilyInput(no_kk=KK2, rt_id=_rt(village_db, 2)),
    )
    assert moved.family_id != family.family_id
    with pytest.raises(ValidationError):
        # The old family already has a head.
        residents.move_resident(
            village_db, admin, child.resident_id, codes.SHDK_HEAD, to_family_id=family.family_id
        )
    with village_db.read() as s:
        assert s.get(Resident, child.resident_id).family_id == moved.family_id
        assert s.scalar(select(func.count(Family.id))) == 2


def test_roles_enforced_in_services(village_db, viewer):
    with pytest.raises(PermissionDenied) as err:
        _add_family(village_db, viewer)
    assert "tidak berhak" in str(err.value)
    with village_db.read() as s:
        assert s.scalar(select(func.count(Resident.id))) == 0


def test_operator_may_write(village_db, operator):
    assert _add_family(village_db, operator).resident_id


def test_failed_write_leaves_nothing(village_db, admin):
    """A new family whose head fails validation leaves no family row behind."""
    born = date(1990, 1, 1)
    with pytest.raises(ValidationError):
        residents.add_resident(
            village_db,
            admin,
            person(nik_for(DISTRICT, born, 1, 1), "", 1, born, 1),
            new_family=FamilyInput(no_kk=KK1, rt_id=_rt(village_db)),
        )
    with village_db.read() as s:
        assert s.scalar(select(func.count(Family.id))) == 0
        assert s.scalar(select(func.count(AuditLog.id)).where(AuditLog.entity == "family")) == 0


def test_register_query_search_filter_sort(village_db, admin):
    family, wife, child = _family_of_three(village_db, admin)
    residents.set_membership(
        village_db,
        admin,
        wife.resident_id,
        MembershipInput(status=codes.STATUS_ACTIVE, segment="PBPU", jkn_class=3),
    )
    with village_db.read() as s:
        by_name = register.resident_ids(s, register.RegisterFilter(search="sit"))
        assert by_name == [wife.resident_id]
        by_kk = register.resident_ids(s, register.RegisterFilter(search=KK1[:10]))
        assert len(by_kk) == 3
        nik_prefix = nik_for(DISTRICT, date(2008, 11, 30), 1, 3)[:12]
        assert register.resident_ids(s, register.RegisterFilter(search=nik_prefix)) == [
            child.resident_id
        ]
        active = register.resident_ids(s, register.RegisterFilter(jkn_status=codes.STATUS_ACTIVE))
        assert active == [wife.resident_id]
        unregistered = register.resident_ids(
            s, register.RegisterFilter(jkn_status=codes.STATUS_NOT_REGISTERED)
        )
        assert set(unregistered) == {family.resident_id, child.resident_id}
        oldest_first = register.resident_ids(s, register.RegisterFilter(), "age", descending=True)
        assert oldest_first[0] == family.resident_id
        youngest_first = register.resident_ids(s, register.RegisterFilter(), "age")
        assert youngest_first[0] == child.resident_id
        rows = register.fetch_rows(s, by_kk)
        assert rows[wife.resident_id].jkn_status == codes.STATUS_ACTIVE
        assert rows[wife.resident_id].dusun == "Dusun Krajan"
        view = register.family_view(s, family.family_id)
        assert view.head_name == "BUDI SANTOSO"
        assert view.area_label.startswith("Dusun Krajan, RW ")  # never "Dusun Dusun Krajan"
        assert [m.shdk for m in view.members] == [1, 3, 4]
        assert (
            register.count_residents(
                s, register.RegisterFilter(dusun_id=village.list_dusun(village_db)[1][0])
            )
            == 0
        )


def test_unknown_resident(village_db, admin):
    with pytest.raises(NotFound):
        residents.mark_dead(village_db, admin, 999, date(2026, 1, 1))


def test_moving_head_hands_over_the_old_family(village_db, admin):
    family, wife, child = _family_of_three(village_db, admin)
    with pytest.raises(ValidationError) as err:
        residents.move_resident(
            village_db,
            admin,
            family.resident_id,
            codes.SHDK_HEAD,
            new_family=FamilyInput(no_kk=KK2, rt_id=_rt(village_db, 1)),
        )
    assert "new_head" in err.value.field_errors
    residents.move_resident(
        village_db,
        admin,
        family.resident_id,
        codes.SHDK_HEAD,
        new_family=FamilyInput(no_kk=KK2, rt_id=_rt(village_db, 1)),
        new_head_for_old_family=wife.resident_id,
    )
    with village_db.read() as s:
        old = register.family_view(s, family.family_id)
        assert old.head_name == "SITI"
        assert [m.name for m in old.members] == ["SITI", "DODI"]
        moved = s.get(Resident, family.resident_id)
        assert moved.shdk == codes.SHDK_HEAD and moved.family.no_kk == KK2


def test_change_head(village_db, admin):
    family, wife, _ = _family_of_three(village_db, admin)
    residents.change_head(village_db, admin, family.family_id, wife.resident_id, old_head_shdk=2)
    with village_db.read() as s:
        assert s.get(Resident, wife.resident_id).shdk == codes.SHDK_HEAD
        assert s.get(Resident, family.resident_id).shdk == 2
