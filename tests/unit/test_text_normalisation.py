"""Clean text everywhere (issue 16, item 4): entering text is NFKC-normalised, identity
numbers take digits of any script as ASCII digits, control characters and NUL are refused
with the field named (also family address, agents, letters), and lengths are checked on
the text as stored. A Hypothesis property test feeds arbitrary text through validation,
the write and the exports, on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from pesiar_desktop.errors import ValidationError
from pesiar_desktop.models import Agent, Family, Resident
from pesiar_desktop.rules.nik import check_nik, check_no_kk, nik_for
from pesiar_desktop.rules.phone import normalise_mobile
from pesiar_desktop.rules.residents import ResidentInput, clean_name, validate_resident
from pesiar_desktop.rules.text import CONTROL, ascii_digits, nfkc
from pesiar_desktop.services import agents, letters, residents, targets
from pesiar_desktop.services.residents import FamilyInput
from tests.unit.test_agents_support import add_families, kades, make_agent, make_assignment, rt_ids

NIK = "5201014107900001"
KK = "5201010101200001"


def _script(digits: str, zero: int) -> str:
    return "".join(chr(zero + int(d)) for d in digits)


@pytest.mark.parametrize(
    "zero",
    [0x660, 0x6F0, 0x966, 0x9E6, 0xFF10, 0x1D7CE],
    ids=["arab", "farsi", "deva", "beng", "fullwidth", "math"],
)
def test_identity_numbers_take_digits_of_any_script(zero):
    assert check_nik(_script(NIK, zero)).value == NIK and check_nik(_script(NIK, zero)).ok
    assert check_no_kk(_script(KK, zero)).value == KK
    assert normalise_mobile(_script("081234567890", zero)).number == "6281234567890"
    assert ascii_digits("NIK " + _script("52", zero)) == "NIK 52"


def test_nfkc_gives_the_plain_form():
    assert nfkc("ＳＩＴＩ ﬁtri") == "SITI fitri"
    assert clean_name("ｓｉｔｉ  ａｍｉｎａｈ") == "SITI AMINAH"
    assert nfkc("Siti") == "Siti"


def _person(nik: str, **fields: object) -> ResidentInput:
    values: dict[str, object] = {
        "nik": nik, "name": "Siti", "sex": 2, "birth_date": date(1990, 7, 1), "shdk": 1,
    }  # fmt: skip
    values.update(fields)
    return ResidentInput(**values)  # type: ignore[arg-type]


def test_a_resident_typed_in_other_scripts_is_stored_plain(village_db, admin):
    rt = rt_ids(village_db)[0]
    saved = residents.add_resident(
        village_db,
        admin,
        _person(
            _script(NIK, 0x660), name="ＳＩＴＩ ＡＭＩＮＡＨ", phone=_script("0812345678", 0x966)
        ),
        new_family=FamilyInput(_script(KK, 0xFF10), rt, "Ｊｌ． Ｍａｗａｒ"),
    )
    with village_db.read() as s:
        person = s.get(Resident, saved.resident_id)
        assert (person.nik, person.name, person.phone) == (NIK, "SITI AMINAH", "0812345678")
        assert s.get(Family, saved.family_id).no_kk == KK
        assert s.get(Family, saved.family_id).address == "Jl. Mawar"


def test_length_is_checked_on_the_text_as_stored(village_db, admin):
    """ "ß" upper-cases to "SS": 70 of them fit the form's 120 but not the column."""
    data = _person(NIK, name="ß" * 70)
    errors, _w, _n = validate_resident(data)
    assert "Nama terlalu panjang (140 karakter" in errors["name"]
    with pytest.raises(ValidationError, match="Nama terlalu panjang"):
        residents.add_resident(
            village_db, admin, data, new_family=FamilyInput(KK, rt_ids(village_db)[0])
        )


def test_control_characters_refused_with_the_field_named_in_families_agents_letters(
    village_db, admin
):
    rt = rt_ids(village_db)[0]
    with pytest.raises(ValidationError, match="Alamat berisi karakter kendali") as caught:
        residents.add_resident(
            village_db, admin, _person(NIK), new_family=FamilyInput(KK, rt, "Jl.\x00Mawar")
        )
    assert set(caught.value.field_errors) == {"address"}
    saved = residents.add_resident(village_db, admin, _person(NIK), new_family=FamilyInput(KK, rt))
    with pytest.raises(ValidationError, match="Alamat terlalu panjang"):
        residents.edit_family(village_db, admin, saved.family_id, "x" * 256, rt, None)
    with pytest.raises(ValidationError, match="Alamat berisi karakter kendali"):
        residents.edit_family(village_db, admin, saved.family_id, "Jl. \x1b[31m", rt, None)
    for field, label in (("name", "Nama agen"), ("address", "Alamat"), ("bank_name", "Nama bank")):
        values = {"name": "Siti Aminah", "source_category": "PKK", field: "Siti\x00Aminah"}
        with pytest.raises(ValidationError, match=f"{label} berisi karakter kendali") as caught:
            agents.create_agent(village_db, admin, agents.AgentInput(**values))  # type: ignore[arg-type]
        assert field in caught.value.field_errors
    with village_db.read() as s:
        assert s.scalar(select(Agent.id)) is None


def test_letter_texts_refuse_nul(village_db, admin):
    add_families(village_db)
    agent = make_agent(village_db, admin, "Siti Aminah")
    task = make_assignment(village_db, admin, agent.id, rt_ids(village_db)[:1])
    row = letters.draft(village_db, admin, letters.TYPE_SURAT_TUGAS, assignment_ids=[task.id])
    kd = kades(village_db)
    approved = letters.approve(village_db, kd, row.id, today=date(2026, 11, 23))
    with pytest.raises(ValidationError, match="Keterangan berisi karakter kendali"):
        letters.set_register_entry(village_db, admin, approved.id, None, "catatan\x00")
    with pytest.raises(ValidationError, match="Alasan pencabutan berisi karakter kendali"):
        letters.revoke(village_db, kd, approved.id, "salah\x00ketik nama")
    assert letters.get_letter(village_db, approved.id).status == "approved"


# --- the property -----------------------------------------------------------------------------

# Any text Hypothesis can make (every plane, controls, NUL, combining marks, wide and
# compatibility forms), not only what a keyboard gives; lone surrogates are left out,
# Python strings from a file or a form cannot hold them.
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=160)


def test_arbitrary_text_is_refused_with_a_field_or_stored_and_exported(village_db, admin, tmp_path):
    """Whatever the text: either validation names the field that refuses it, or the write
    succeeds (also on PostgreSQL, which raises on NUL and on over-long text), what is
    stored is clean, and the target-list workbook carries it back unchanged."""
    rt = rt_ids(village_db)[0]
    serials = itertools.count(1)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(name=ANY_TEXT, place=ANY_TEXT, phone=ANY_TEXT, address=ANY_TEXT)
    def check(name: str, place: str, phone: str, address: str) -> None:
        serial = next(serials)
        nik = nik_for("520101", date(1990, 7, 1), 2, serial)
        data = _person(nik, name=name or "x", birth_place=place, phone=phone)
        family = FamilyInput(f"5201010101{serial:06d}", rt, address)
        try:
            saved = residents.add_resident(village_db, admin, data, new_family=family)
        except ValidationError as err:
            assert err.field_errors and set(err.field_errors) <= {
                "name", "birth_place", "phone", "address",
            }  # fmt: skip
            assert all(message.strip() for message in err.field_errors.values())
            return
        with village_db.read() as s:
            person = s.get(Resident, saved.resident_id)
            stored = [person.name, person.birth_place, person.phone, person.family.address]
        assert person.name == clean_name(name or "x") and len(person.name) <= 120
        assert not any(CONTROL.search(text) for text in stored)
        assert all(text == nfkc(text) for text in stored)
        out = tmp_path / f"sasaran-{serial}.xlsx"
        targets.export_targets_xlsx(village_db, admin, out)
        book = CalamineWorkbook.from_path(str(out))
        cells = {
            str(cell)
            for sheet in book.sheet_names
            for row in book.get_sheet_by_name(sheet).to_python()
            for cell in row
        }
        assert person.name in cells

    check()
