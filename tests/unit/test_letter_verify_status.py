"""Verification tells whether a letter still holds (issue 15 item 4): SAH only while the
agent is active and the period runs; KEDALUWARSA after the period; TIDAK BERLAKU once the
agent is dismissed or the assignment stopped; a number typed in lower case or with spaces
is found."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from pesiar_desktop.services import agents, assignments, letters
from tests.unit.test_agents_support import add_families, kades, make_agent, make_assignment, rt_ids

DAY = date(2026, 11, 23)


@pytest.fixture
def approved(village_db, admin, freeze_clock):
    freeze_clock(DAY)
    add_families(village_db)
    agent = make_agent(village_db, admin, "Siti Aminah")
    plan = make_assignment(village_db, admin, agent.id, rt_ids(village_db)[:2])
    kd = kades(village_db)
    ids = {}
    for kind in (letters.TYPE_SURAT_TUGAS, letters.TYPE_ID_CARD):
        row = letters.draft(village_db, admin, kind, assignment_ids=[plan.id])
        ids[kind] = letters.approve(village_db, kd, row.id, today=DAY)
    return village_db, agent, plan, ids


def test_valid_while_the_agent_works(approved):
    db, _agent, _plan, ids = approved
    for row in ids.values():
        result = letters.verify(db, row.number)
        assert result.status == letters.VERIFY_VALID and result.label == "SAH"
        assert "Siti Aminah" in result.message and "31 Desember 2026" in result.message
        typed = "  " + row.number.lower().replace("/", " / ") + " "
        assert letters.verify(db, typed).status == letters.VERIFY_VALID


def test_expired_after_the_period(approved, freeze_clock):
    db, _agent, _plan, ids = approved
    freeze_clock(date(2027, 1, 2))
    for row in ids.values():
        result = letters.verify(db, row.number)
        assert result.status == letters.VERIFY_EXPIRED and result.label == "KEDALUWARSA"
        assert not result.ok


def test_not_valid_once_the_agent_is_dismissed(approved, admin):
    db, agent, _plan, ids = approved
    agents.set_active(db, admin, agent.id, False)
    for row in ids.values():
        result = letters.verify(db, row.number)
        assert result.status == letters.VERIFY_INACTIVE and result.label == "TIDAK BERLAKU"
        assert not result.ok


def test_not_valid_once_the_assignment_stopped(approved, admin):
    db, _agent, plan, ids = approved
    assignments.set_active(db, admin, plan.id, False)
    payload = letters.get_letter(db, ids[letters.TYPE_ID_CARD].id)
    result = letters.verify(db, ids[letters.TYPE_ID_CARD].number)
    assert result.status == letters.VERIFY_INACTIVE, payload


# --- the QR binds the period and area; the answer shows what the letter says ----------------


def _payload(db, letter_id):
    from pesiar_desktop.models import Letter

    with db.read() as session:
        return session.get(Letter, letter_id).payload


def test_answer_shows_every_field(approved):
    db, agent, plan, ids = approved
    row = ids[letters.TYPE_SURAT_TUGAS]
    result = letters.verify(db, _payload(db, row.id))
    assert result.status == letters.VERIFY_VALID
    fields = dict(result.fields())
    assert fields["Status"] == "SAH"
    assert fields["Jenis surat"] == "Surat Tugas Agen PESIAR"
    assert fields["Nomor"] == row.number and fields["Tanggal"] == "23 November 2026"
    assert fields["Agen"] == "Siti Aminah"
    nik = agents.load_input(db, agent.id)[0].nik
    assert fields["NIK agen"] == (nik[:4] + "*" * 8 + nik[-4:] if nik else "-")
    assert fields["Masa tugas"] == "1 Januari 2026 s.d. 31 Desember 2026"
    with db.read() as session:
        area = assignments.area_labels(session, [plan.id])[plan.id]
    assert area and fields["Wilayah tugas"] == area
    as_json = result.as_dict()
    assert as_json["period_start"] == "2026-01-01" and as_json["period_end"] == "2026-12-31"
    assert as_json["area"] == area and as_json["type_label"] == "Surat Tugas Agen PESIAR"


def test_a_qr_with_another_period_reads_altered_and_shows_the_true_one(approved):
    db, _agent, _plan, ids = approved
    for row in ids.values():
        payload = _payload(db, row.id)
        prefix, region, number, on, period, short = payload.split("|")
        assert period == "20260101-20261231"
        forged = "|".join([prefix, region, number, on, "20260101-20271231", short])
        result = letters.verify(db, forged)
        assert result.status == letters.VERIFY_ALTERED and result.label == "DIUBAH / PALSU"
        assert "masa tugas 1 Januari 2026 s.d. 31 Desember 2026" in result.message
        assert result.period_end == date(2026, 12, 31)


def test_the_letter_holds_for_its_own_period_only(approved, admin, freeze_clock):
    """Extending the assignment later does not extend a letter that printed the old period:
    a new letter is needed; the verifier shows the letter's period."""
    db, _agent, plan, ids = approved
    data = assignments.load_input(db, plan.id)
    assignments.update_assignment(
        db, admin, plan.id, dataclasses.replace(data, period_end=date(2027, 6, 30))
    )
    freeze_clock(date(2027, 2, 1))
    for row in ids.values():
        result = letters.verify(db, row.number)
        assert result.status == letters.VERIFY_EXPIRED
        assert result.period_end == date(2026, 12, 31)


def test_the_area_is_the_one_printed(approved, village_db, admin):
    """Changing the assignment's RTs after approval: the verifier still shows the area the
    letter printed, and a letter whose stored area was tampered with reads altered."""
    from sqlalchemy import update

    from pesiar_desktop.models import Letter

    db, _agent, plan, ids = approved
    printed = letters.verify(db, ids[letters.TYPE_ID_CARD].number).area
    data = assignments.load_input(db, plan.id)
    assignments.update_assignment(
        db, admin, plan.id, dataclasses.replace(data, rt_ids=rt_ids(village_db)[2:], family_ids=[])
    )
    assert letters.verify(db, ids[letters.TYPE_ID_CARD].number).area == printed
    row = ids[letters.TYPE_SURAT_TUGAS]
    payload = _payload(db, row.id)
    with db.transaction() as session:
        letter = session.get(Letter, row.id)
        content = letter.content_json.replace(printed, "Seluruh desa")
        session.execute(update(Letter).where(Letter.id == row.id).values(content_json=content))
    assert letters.verify(db, payload).status == letters.VERIFY_ALTERED


def test_older_five_field_payloads_still_verify(approved):
    from sqlalchemy import update

    from pesiar_desktop.models import Letter

    db, _agent, _plan, ids = approved
    row = ids[letters.TYPE_SURAT_TUGAS]
    prefix, region, number, on, _period, short = _payload(db, row.id).split("|")
    legacy = "|".join([prefix, region, number, on, short])
    with db.transaction() as session:
        session.execute(update(Letter).where(Letter.id == row.id).values(payload=legacy))
    assert letters.verify(db, legacy).status == letters.VERIFY_VALID
    assert letters.verify(db, "|".join([prefix, region, number, on, "0" * 16])).status == (
        letters.VERIFY_ALTERED
    )
