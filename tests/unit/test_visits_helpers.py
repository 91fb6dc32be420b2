"""A small field-work village shared by the Sisir / Advokasi / Registrasi tests.

Krajan RT 001: the Budi family (not registered: Budi, Ani pregnant, Rina; grandmother
Nenek died); Krajan RT 002: the Joko family in arrears (PBPU, 5 months) with a phone;
Timur RT 003: the Ketut family, active PBI. Agent SARI's assignment covers Krajan RT 001
and RT 002 (not Timur).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pesiar_desktop.db import Database
from pesiar_desktop.models import Agent, Assignment, AssignmentArea, Rt
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.membership import MembershipInput
from pesiar_desktop.services import residents
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.residents import FamilyInput
from pesiar_desktop.services.village import list_areas
from tests.conftest import person
from tests.import_files import kk_number, nik

# The field village's "today": data is dated around it and the program's clock is frozen there.
TODAY = date(2026, 11, 23)


@dataclass
class FieldVillage:
    db: Database
    budi_family: int
    joko_family: int
    ketut_family: int
    people: dict[str, int]
    agent_id: int
    assignment_id: int
    rts: dict[str, int]


def build(db: Database, admin: Actor) -> FieldVillage:
    """The field village; the `fv` fixture (tests/conftest.py) builds it with the clock at TODAY."""
    areas = {a.label: a for a in list_areas(db)}
    rt1 = areas["Dusun Krajan · RW 001 / RT 001"]
    rt2 = areas["Dusun Krajan · RW 001 / RT 002"]
    rt3 = areas["Dusun Timur · RW 002 / RT 003"]
    people: dict[str, int] = {}

    def add(name, sex, born, shdk, serial, family=None, new=None, membership=None, **extra):
        result = residents.add_resident(
            db,
            admin,
            person(nik(born, sex, serial), name, sex, born, shdk, **extra),
            family_id=family,
            new_family=new,
            membership=membership,
        )
        people[name] = result.resident_id
        return result.family_id

    budi = add(
        "BUDI",
        1,
        date(1985, 1, 1),
        1,
        1,
        new=FamilyInput(kk_number(1), rt1.rt_id, "Jl. Melati 1", welfare_decile=2),
        phone="081234500001",
    )
    add("ANI", 2, date(1990, 2, 2), 3, 2, family=budi, is_pregnant=True)
    add("RINA", 2, date(2015, 3, 3), 4, 3, family=budi)
    add("NENEK", 2, date(1940, 4, 4), 7, 4, family=budi)
    residents.mark_dead(db, admin, people["NENEK"], TODAY - timedelta(days=200))
    joko = add(
        "JOKO",
        1,
        date(1970, 5, 5),
        1,
        5,
        new=FamilyInput(kk_number(2), rt2.rt_id, "Jl. Mawar 2"),
        membership=MembershipInput(codes.STATUS_ARREARS, "PBPU", months_in_arrears=5),
        phone="081298700002",
    )
    add(
        "SRI",
        2,
        date(1972, 6, 6),
        3,
        6,
        family=joko,
        membership=MembershipInput(codes.STATUS_ARREARS, "PBPU", months_in_arrears=5),
    )
    ketut = add(
        "KETUT",
        1,
        date(1969, 7, 7),
        1,
        7,
        new=FamilyInput(kk_number(3), rt3.rt_id, "Jl. Kenanga 3"),
        membership=MembershipInput(codes.STATUS_ACTIVE, "PBI_APBN"),
    )
    with db.transaction() as session:
        agent = Agent(name="SARI WULANDARI", source_category="PKK", phone="087712340000")
        session.add(agent)
        session.flush()
        assignment = Assignment(
            agent_id=agent.id,
            period_start=TODAY - timedelta(days=180),
            period_end=TODAY + timedelta(days=180),
        )
        session.add(assignment)
        session.flush()
        for area in (rt1, rt2):
            session.add(
                AssignmentArea(
                    assignment_id=assignment.id, dusun_id=area.dusun_id, rt_id=area.rt_id
                )
            )
        agent_id, assignment_id = agent.id, assignment.id
        assert session.get(Rt, rt1.rt_id) is not None
    return FieldVillage(
        db,
        budi,
        joko,
        ketut,
        people,
        agent_id,
        assignment_id,
        {"rt1": rt1.rt_id, "rt2": rt2.rt_id, "rt3": rt3.rt_id},
    )


def register_budi_family(fv: FieldVillage, actor: Actor, submitted_on: date) -> int:
    """Budi's family (Budi, Ani and Rina) registered on the PBPU path; the registration's id."""
    from pesiar_desktop.rules import fieldwork_codes as fc
    from pesiar_desktop.services import registrations as regs

    members = [regs.MemberChoice(fv.people[n]) for n in ("BUDI", "ANI", "RINA")]
    return regs.submit(
        fv.db,
        actor,
        regs.RegistrationInput(fv.budi_family, fc.PATH_PBPU, submitted_on, members),
    )
