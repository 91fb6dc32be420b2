"""Population events (peristiwa): births, deaths, moves out and in, with date, place and
note, listed per month; every figure "as of a day" follows them; an undo is a new audited
event. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from pesiar_desktop.errors import PermissionDenied, ValidationError
from pesiar_desktop.models import AuditLog, Membership, PopulationEvent, Resident
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import population as pc
from pesiar_desktop.rules.membership import MembershipInput
from pesiar_desktop.rules.nik import nik_for
from pesiar_desktop.services import dashboard, population, recap, residents, village
from pesiar_desktop.services.residents import FamilyInput
from tests.conftest import person

DISTRICT = "520101"
TODAY = date(2026, 11, 23)
MONTH_ENDS = [date(2026, m, d) for m, d in ((5, 31), (6, 30), (7, 31), (8, 31), (9, 30), (10, 31))]


def _rt(db, dusun: str) -> int:
    return next(a.rt_id for a in village.list_areas(db) if a.dusun == dusun)


def _living(db, days=MONTH_ENDS) -> list[int]:
    with db.read() as s:
        return [p.living for p in dashboard.coverage_history(s, days)[""]]


@pytest.fixture
def story(village_db, admin, freeze_clock):
    """Budi and Siti in Krajan since long ago; a daughter born in June; a pendatang family
    head in Timur in August; Budi dies in September; the pendatang leaves in October."""
    freeze_clock(TODAY)
    db = village_db
    head = residents.add_resident(
        db,
        admin,
        person(nik_for(DISTRICT, date(1980, 5, 17), 1, 1), "Budi", 1, date(1980, 5, 17), 1),
        new_family=FamilyInput(no_kk="5201011203150001", rt_id=_rt(db, "Dusun Krajan")),
        membership=MembershipInput(
            status=codes.STATUS_ACTIVE, segment="PBPU", jkn_class=3, as_of=date(2026, 1, 5)
        ),
    )
    wife = residents.add_resident(
        db,
        admin,
        person(nik_for(DISTRICT, date(1983, 8, 9), 2, 2), "Siti", 2, date(1983, 8, 9), 3),
        family_id=head.family_id,
    )
    born = date(2026, 6, 10)
    baby = population.record_birth(
        db,
        admin,
        person(nik_for(DISTRICT, born, 2, 3), "Ayu", 2, born, 4, birth_place="Gerung"),
        head.family_id,
        note="Lahir di puskesmas",
    )
    arrival = population.record_move_in(
        db,
        admin,
        person(nik_for("527101", date(1990, 1, 2), 1, 9), "Joko", 1, date(1990, 1, 2), 1),
        date(2026, 8, 5),
        new_family=FamilyInput(no_kk="5271011203150009", rt_id=_rt(db, "Dusun Timur")),
        place="Mataram",
        note="Surat pindah 474/12",
    )
    death = population.record_death(
        db, admin, head.resident_id, date(2026, 9, 15), place="RSUD Gerung",
        new_head_id=wife.resident_id,
    )  # fmt: skip
    departure = population.record_move_out(
        db, admin, arrival.resident_id, date(2026, 10, 20), place="Denpasar"
    )
    return {
        "head": head,
        "wife": wife,
        "baby": baby,
        "arrival": arrival,
        "death": death,
        "departure": departure,
    }


def test_events_are_listed_per_month_with_place_and_note(village_db, story):
    june = population.list_events(village_db, date(2026, 6, 1), date(2026, 6, 30))
    assert [(e.kind, e.name, e.place, e.note) for e in june] == [
        (pc.BIRTH, "AYU", "Gerung", "Lahir di puskesmas")
    ]
    whole = population.list_events(village_db, date(2026, 1, 1), date(2026, 12, 31))
    assert [(e.kind, e.occurred_on, e.dusun) for e in whole] == [
        (pc.BIRTH, date(2026, 6, 10), "Dusun Krajan"),
        (pc.MOVE_IN, date(2026, 8, 5), "Dusun Timur"),
        (pc.DEATH, date(2026, 9, 15), "Dusun Krajan"),
        (pc.MOVE_OUT, date(2026, 10, 20), "Dusun Timur"),
    ]
    assert whole[1].place == "Mataram" and whole[3].place == "Denpasar"
    assert all(e.counts and e.recorded_by == "admin" for e in whole)
    with village_db.read() as s:
        joko = s.get(Resident, story["arrival"].resident_id)
        assert joko.arrived_on == date(2026, 8, 5)
        assert joko.life_status == codes.LIFE_MOVED
        actions = set(s.scalars(select(AuditLog.action)))
    assert {"population.record", "resident.mark_dead", "resident.mark_moved"} <= actions


def test_figures_as_of_a_day_follow_the_events(village_db, story):
    # Budi, Siti; + Ayu in June; + Joko in August (not before: he arrived then, although
    # born in 1990); − Budi in September; − Joko in October.
    assert _living(village_db) == [2, 3, 3, 4, 3, 2]
    with village_db.read() as s:
        july = {r.dusun: r.residents for r in recap.dusun_rows(s, date(2026, 7, 31))}
        august = {
            r.dusun: (r.residents, r.families) for r in recap.dusun_rows(s, date(2026, 8, 31))
        }
        registered = [
            p.registered for p in dashboard.coverage_history(s, [date(2026, 8, 31), TODAY])[""]
        ]
    assert july["Dusun Krajan"] == 3 and july.get("Dusun Timur", 0) == 0
    assert august == {"Dusun Krajan": (3, 1), "Dusun Timur": (1, 1)}
    assert registered == [1, 0]  # Budi's membership ended with his death


def test_undo_is_a_new_audited_event_and_puts_the_register_back(village_db, admin, story):
    with pytest.raises(ValidationError) as err:
        population.cancel_event(village_db, admin, story["death"], "  ")
    assert "alasan" in err.value.field_errors["note"]
    cancel = population.cancel_event(village_db, admin, story["death"], "Salah orang")
    with village_db.read() as s:
        budi = s.get(Resident, story["head"].resident_id)
        assert budi.life_status == codes.LIFE_ALIVE and budi.life_status_date is None
        assert budi.shdk == 2  # Siti heads the family now; Budi returns as husband
        assert s.get(Membership, budi.id).status == codes.STATUS_ACTIVE
        kinds = list(
            s.scalars(select(PopulationEvent.kind).order_by(PopulationEvent.id))
        )  # nothing deleted
        undo = s.get(PopulationEvent, cancel)
        assert (undo.kind, undo.cancels_id, undo.note) == (pc.CANCEL, story["death"], "Salah orang")
        audited = s.scalar(
            select(func.count()).where(
                AuditLog.action == "population.cancel", AuditLog.entity_id == str(cancel)
            )
        )
    assert kinds == [pc.BIRTH, pc.MOVE_IN, pc.DEATH, pc.MOVE_OUT, pc.CANCEL]
    assert audited == 1
    assert _living(village_db) == [2, 3, 3, 4, 4, 3]
    with village_db.read() as s:
        assert dashboard.coverage_history(s, [date(2026, 9, 30)])[""][0].registered == 1
    listed = population.list_events(village_db, date(2026, 9, 1), TODAY)
    death = next(e for e in listed if e.id == story["death"])
    assert not death.counts and death.cancelled_by == cancel
    with pytest.raises(ValidationError) as err:
        population.cancel_event(village_db, admin, story["death"], "lagi")
    assert "sudah dibatalkan" in err.value.field_errors["event"]
    with pytest.raises(ValidationError):
        population.cancel_event(village_db, admin, cancel, "batal batal")
    # A birth recorded by mistake: the child is never counted (kept as Tidak Valid).
    birth = population.list_events(village_db, date(2026, 6, 1), date(2026, 6, 30))[0]
    population.cancel_event(village_db, admin, birth.id, "Bukan anak desa ini")
    assert _living(village_db) == [2, 2, 2, 3, 3, 2]


def test_only_the_latest_standing_event_can_be_undone(village_db, admin, story):
    arrival_event = population.list_events(village_db, date(2026, 8, 1), date(2026, 8, 31))[0]
    with pytest.raises(ValidationError) as err:
        population.cancel_event(village_db, admin, arrival_event.id, "salah")
    assert "lebih baru" in err.value.field_errors["event"]
    population.cancel_event(village_db, admin, story["departure"], "belum pindah")
    population.cancel_event(village_db, admin, arrival_event.id, "belum datang")
    assert _living(village_db) == [2, 3, 3, 3, 2, 2]


def test_event_rules_and_roles(village_db, admin, viewer, story):
    born = date(2026, 11, 1)
    child = person(nik_for(DISTRICT, born, 1, 4), "Bayu", 1, born, 4)
    with pytest.raises(PermissionDenied):
        population.record_birth(village_db, viewer, child, story["head"].family_id)
    with pytest.raises(ValidationError) as err:
        population.record_move_in(
            village_db,
            admin,
            person(nik_for(DISTRICT, born, 1, 5), "Bima", 1, born, 4),
            date(2026, 10, 1),
            family_id=story["head"].family_id,
        )
    assert "sebelum tanggal lahir" in err.value.field_errors["arrived_on"]
    with pytest.raises(ValidationError) as err:
        population.record_death(village_db, admin, story["wife"].resident_id, date(2026, 12, 1))
    assert "masa depan" in err.value.field_errors["date"]
    with pytest.raises(ValidationError) as err:
        population.record_move_out(village_db, admin, story["baby"].resident_id, date(2026, 5, 1))
    assert "sebelum" in err.value.field_errors["date"]
