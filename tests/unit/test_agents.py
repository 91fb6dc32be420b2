"""Agent register: validation, resident link, photo, roles, activation."""

from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image

from pesiar_desktop.errors import PermissionDenied, ValidationError
from pesiar_desktop.services import agents, residents
from pesiar_desktop.services.residents import FamilyInput
from tests.conftest import person
from tests.unit.test_agents_support import rt_ids


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (30, 40), (10, 20, 30)).save(out, "PNG")
    return out.getvalue()


def test_create_validates_every_field(village_db, operator):
    bad = agents.AgentInput(
        name="S",
        source_category="XX",
        nik="5.20114E+15",
        phone="telp",
        bank_account="12AB",
        integrity_pact_date=date(2030, 1, 1),
    )
    with pytest.raises(ValidationError) as err:
        agents.create_agent(village_db, operator, bad, today=date(2026, 11, 23))
    assert set(err.value.field_errors) == {
        "name",
        "source_category",
        "nik",
        "phone",
        "bank_account",
        "bank_name",
        "integrity_pact_date",
    }
    assert "Excel" in err.value.field_errors["nik"]
    other = agents.AgentInput(name="Budi Santoso", source_category="LAINNYA")
    with pytest.raises(ValidationError) as err:
        agents.create_agent(village_db, operator, other)
    assert set(err.value.field_errors) == {"source_note"}
    assert agents.list_agents(village_db) == []


def test_create_update_deactivate_and_roles(village_db, operator, viewer, freeze_clock):
    freeze_clock(date(2026, 11, 23))  # the pakta below is dated 6 January 2026
    data = agents.AgentInput(
        name="  Siti   Aminah ",
        source_category="PKK",
        phone="+6281234567890",
        bank_name="BRI",
        bank_account="1234-5678-9012",
        integrity_pact_date=date(2026, 1, 6),
    )
    with pytest.raises(PermissionDenied):
        agents.create_agent(village_db, viewer, data)
    row = agents.create_agent(village_db, operator, data, photo=_png())
    assert row.name == "Siti Aminah" and row.source_label == "Penggerak PKK" and row.has_photo
    loaded, photo = agents.load_input(village_db, row.id)
    assert loaded.bank_account == "1234-5678-9012" and photo == _png()
    assert loaded.bank_account_name == "Siti Aminah"  # defaults to the agent's own name
    loaded.phone = "085300001111"
    updated = agents.update_agent(village_db, operator, row.id, loaded, remove_photo=True)
    assert updated.phone == "085300001111" and not updated.has_photo
    with pytest.raises(ValidationError):
        agents.update_agent(village_db, operator, row.id, loaded, photo=b"GIF89a....")
    agents.set_active(village_db, operator, row.id, False)
    assert agents.list_agents(village_db, active_only=True) == []
    assert [a.id for a in agents.list_agents(village_db)] == [row.id]
    with pytest.raises(PermissionDenied):
        agents.set_active(village_db, viewer, row.id, True)


def test_linked_resident_gives_name_and_nik(village_db, operator):
    head = person("5201014107900001", "Baiq Nurul Aini", 2, date(1990, 7, 1), 1)
    saved = residents.add_resident(
        village_db,
        operator,
        head,
        new_family=FamilyInput("5201010101200001", rt_ids(village_db)[0]),
    )
    row = agents.create_agent(
        village_db,
        operator,
        agents.AgentInput(resident_id=saved.resident_id, source_category="KADER_KES", nik="123"),
    )
    assert (row.name, row.nik, row.resident_id) == (
        "BAIQ NURUL AINI",
        "5201014107900001",
        saved.resident_id,
    )
    with pytest.raises(ValidationError) as err:
        agents.create_agent(
            village_db, operator, agents.AgentInput(resident_id=99999, source_category="PKK")
        )
    assert "resident_id" in err.value.field_errors
