"""Residents whose NIK is not (yet) valid are kept, flagged "NIK perlu diperbaiki":
entered by hand, listed in the Perbaiki NIK work list with the reason, fixed once the
right number is known (checked like the form's), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

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


# ------------------------------------------------------------------ imports


def _import(db, actor, path):
    from pesiar_desktop.services import imports

    preview = imports.preview_residents(db, path)
    return preview, imports.commit_residents(db, actor, preview)


def _imported_with_niks_to_fix(tmp_path):
    from tests.import_files import family, write_opensid

    rows = family(1) + family(2)
    rows[1]["nik"] = ""  # blank
    rows[2]["nik"] = str(rows[2]["nik"])[:15]  # a digit short
    rows[4]["nik"] = ""  # blank in another family
    rows[5]["nik"] = str(rows[5]["nik"])[:12] + "0000"  # an impossible serial
    return rows, write_opensid(tmp_path / "penduduk.xlsx", rows)


def test_import_keeps_invalid_niks_and_a_reimport_matches_them(village_db, admin, tmp_path):
    from tests.import_files import write_opensid

    rows, path = _imported_with_niks_to_fix(tmp_path)
    preview, result = _import(village_db, admin, path)
    assert (result.counts["new"], result.counts["rejected"]) == (6, 0)
    reasons = {w.row_number: w.message for w in preview.warnings}
    assert reasons[3] == "NIK perlu diperbaiki: NIK belum ada (kosong)."
    assert reasons[4] == "NIK perlu diperbaiki: NIK harus 16 digit (terisi 15)."
    assert "0000 tidak mungkin" in reasons[7] and "Excel" not in reasons[7]
    work = residents.list_nik_to_fix(village_db)
    assert sorted(w.name for w in work) == ["ANAK 1", "ANAK 2", "ISTRI 1", "ISTRI 2"]
    # The same file again: the same people, nothing new, nothing changed.
    again, _second = _import(village_db, admin, path)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 6)
    # A NIK fixed in the program: the old file still finds the person.
    anak1 = next(w for w in work if w.name == "ANAK 1")
    right = str(rows[2]["nik"]) + "3"
    residents.fix_nik(village_db, admin, anak1.resident_id, right)
    third = _import(village_db, admin, path)[0]
    assert (third.new, third.updated, third.unchanged) == (0, 0, 6)
    # A corrected file (OpenSID fixed there) brings the valid NIK of ISTRI 2.
    istri2 = next(w for w in work if w.name == "ISTRI 2")
    rows[4]["nik"] = str(rows[3]["nik"])[:6] + "490784" + "0022"
    fixed, _result = _import(village_db, admin, write_opensid(tmp_path / "benar.xlsx", rows))
    assert (fixed.new, fixed.updated) == (0, 1)
    with village_db.read() as s:
        person = s.get(Resident, istri2.resident_id)
        assert (person.nik, person.nik_problem, person.nik_raw) == (rows[4]["nik"], None, "")
        assert s.scalar(select(func.count()).select_from(Resident)) == 6
    assert sorted(w.name for w in residents.list_nik_to_fix(village_db)) == ["ANAK 2", "ISTRI 1"]


# ------------------------------------------------------------------ lists that leave the office


def _flag(db, actor, resident_id: int) -> None:
    """The person's NIK turns out wrong: kept, flagged (as the form's tick does)."""
    data, _member, _fid, _life = residents.load_resident(db, resident_id)
    data.nik, data.nik_to_fix = data.nik[:10], True
    residents.edit_resident(db, actor, resident_id, data)


def test_a_nik_to_fix_cannot_be_registered_and_leaves_in_no_list(fv, admin, tmp_path):
    from datetime import timedelta

    from openpyxl import load_workbook

    from pesiar_desktop.rules import fieldwork_codes as fc
    from pesiar_desktop.services import recap, targets
    from pesiar_desktop.services import registrations as regs
    from pesiar_desktop.services.registrations import MemberChoice, RegistrationInput
    from tests.unit.test_visits_helpers import TODAY

    def budi_pbpu(rina_included: bool = True) -> RegistrationInput:
        members = [MemberChoice(fv.people[n], True, 3) for n in ("BUDI", "ANI")]
        reason = "" if rina_included else "NIK perlu diperbaiki dulu"
        members.append(
            MemberChoice(fv.people["RINA"], rina_included, 3 if rina_included else None, reason)
        )
        return RegistrationInput(
            family_id=fv.budi_family,
            path=fc.PATH_PBPU,
            registered_on=TODAY - timedelta(days=3),
            members=members,
            confirm_exclusions=True,
        )

    # Registered and proposed while the NIKs were thought right; flagged afterwards.
    pbpu = regs.submit(fv.db, admin, budi_pbpu())
    proposal = regs.submit(
        fv.db,
        admin,
        RegistrationInput(
            family_id=fv.joko_family,
            path=fc.PATH_PBI_PROPOSAL,
            registered_on=TODAY - timedelta(days=3),
            members=[MemberChoice(fv.people[n], True, None) for n in ("JOKO", "SRI")],
        ),
    )
    _flag(fv.db, admin, fv.people["RINA"])
    _flag(fv.db, admin, fv.people["SRI"])
    # The recap's Pendaftaran and Usulan sheets and the proposal leave them out.
    data = recap.build_recap(fv.db, TODAY)
    assert {r.name for r in data.pendaftaran} == {"BUDI", "ANI"}
    assert {r.name for r in data.proposals} == {"JOKO"}
    _file, people = regs.export_proposal_xlsx(fv.db, admin, tmp_path / "usulan.xlsx", [proposal])
    assert people == 1
    book = load_workbook(tmp_path / "usulan.xlsx")
    cells = {str(c.value) for row in book.active.iter_rows() for c in row if c.value}
    assert "SRI" not in cells and "JOKO" in cells
    # A new registration cannot include her (the reason is shown); left out, it goes through.
    family = regs.family_for_registration(fv.db, fv.budi_family)
    rina = next(m for m in family.members if m.name == "RINA")
    assert rina.nik_problem is not None and "16 digit" in rina.nik_problem
    regs.cancel(fv.db, admin, pbpu, "uji ulang")
    with pytest.raises(ValidationError) as err:
        regs.submit(fv.db, admin, budi_pbpu())
    message = err.value.field_errors["members"]
    assert "NIK perlu diperbaiki" in message and "RINA (NIK harus 16 digit" in message
    regs.submit(fv.db, admin, budi_pbpu(rina_included=False))
    # Still a target to visit, but not in the exported target list.
    assert any(t.name == "RINA" for t in targets.list_targets(fv.db))
    targets.export_targets_xlsx(fv.db, admin, tmp_path / "sasaran.xlsx")
    sheet = load_workbook(tmp_path / "sasaran.xlsx")["Sasaran"]
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert "RINA" not in texts
    assert any("sasaran tidak dicantumkan karena NIK perlu diperbaiki" in t for t in texts)


def test_a_newborn_without_a_nik_yet_is_recorded_then_given_one(village_db, admin, freeze_clock):
    from pesiar_desktop.rules.nik import NEWBORN_NO_NIK
    from pesiar_desktop.services import population

    freeze_clock(date(2026, 12, 1))
    family = _family(village_db, admin)
    born = date(2026, 11, 20)
    baby = population.record_birth(
        village_db, admin, person("", "Bayi Ayu", 2, born, 4), family.family_id
    )
    assert baby.warnings == [f"NIK perlu diperbaiki: {NEWBORN_NO_NIK}"]
    [work] = residents.list_nik_to_fix(village_db)
    assert (work.name, work.reason, work.nik_as_written) == ("BAYI AYU", NEWBORN_NO_NIK, "")
    # A wrong NIK at birth is still refused: only a missing one is expected of a newborn.
    with pytest.raises(ValidationError):
        population.record_birth(
            village_db, admin, person("520101", "Bayi Lain", 1, born, 4), family.family_id
        )
    residents.fix_nik(village_db, admin, baby.resident_id, nik_for(DISTRICT, born, 2, 9))
    assert residents.list_nik_to_fix(village_db) == []
