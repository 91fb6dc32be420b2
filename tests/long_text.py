"""The long-text village of issue 15: the demo village with a kepala desa with titles, an
agent with a 60-character name (apostrophe included), an Unsur and an address of 120
characters, and an assignment over 12 RT in 4 dusun; every printable document rendered
from it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import time_machine
from sqlalchemy import select, update

from pesiar_desktop import demo
from pesiar_desktop.db import Database, open_database
from pesiar_desktop.models import Family, Registration, Resident
from pesiar_desktop.reports import fees_pdf
from pesiar_desktop.rules import agent_codes
from pesiar_desktop.services import (
    agents,
    assignments,
    fees,
    letters,
    recap,
    registrations,
    users,
    village,
)
from pesiar_desktop.services import visit_plans as plans
from pesiar_desktop.services.context import SYSTEM

TODAY = date(2026, 11, 23)
KADES = "Drs. H. Lalu Muhammad Sukri Wirasasmita, S.Sos., M.Si."
AGENT = "Baiq Nurul Ma'rifatul Hasanah Puspitasari Wulandari Kusumani"
UNSUR = (
    "Kader Pembangunan Manusia merangkap Penggerak PKK, pendamping koperasi dan "
    "kader kesehatan posyandu di Batu Kuta Baru II"
)
ADDRESS = (
    "Jalan Pariwisata Pantai Senggigi Gang Melati Nomor 17 Blok C, Dusun Batu Kuta "
    "Timur Laut, Desa Suka Makmur, Kec. Gerung."
)
HEAD = "I Gusti Ngurah Made Agung Wirapratama Dharmawangsa Putra Sanjaya"
assert len(AGENT) == 60 and "'" in AGENT and len(UNSUR) == 120 and len(ADDRESS) == 120


@dataclass
class LongTextVillage:
    db: Database
    folder: Path
    agent_id: int
    assignment_id: int
    registration_id: int
    pdfs: dict[str, bytes] = field(default_factory=dict)


def build(folder: Path) -> LongTextVillage:
    with time_machine.travel(datetime(2026, 11, 23, 10, 0), tick=False):
        return _build(folder)


def _build(folder: Path) -> LongTextVillage:
    db = open_database(f"sqlite:///{folder}/long.db", backup_dir=folder / "backups")
    demo.generate(db, SYSTEM, residents=300, seed=7, today=TODAY)
    admin = users.get_actor(db, "admin")
    kades = users.get_actor(db, "kades")
    village.update_profile(db, admin, kepala_desa_name=KADES, address=ADDRESS)
    areas = village.list_areas(db)
    dusun = sorted({(a.dusun, a.rw) for a in areas})
    assert len({name for name, _rw in dusun}) == 4
    seen: set[str] = set()
    for name, rw in dusun:  # one more RT per dusun: 8 + 4 = 12 RT
        if name not in seen:
            seen.add(name)
            village.add_area(db, admin, name, rw, "9")
    rt_ids = [a.rt_id for a in village.list_areas(db)]
    assert len(rt_ids) == 12

    first = assignments.list_assignments(db)[0]
    data, _photo = agents.load_input(db, first.agent_id)
    agents.update_agent(
        db,
        admin,
        first.agent_id,
        dataclasses.replace(
            data,
            name=AGENT,
            source_category=agent_codes.OTHER,
            source_note=UNSUR,
            address=ADDRESS,
        ),
    )
    plan = assignments.load_input(db, first.id)
    assignments.update_assignment(
        db, admin, first.id, dataclasses.replace(plan, rt_ids=rt_ids, dusun_ids=[])
    )
    with db.transaction() as session:
        reg = session.scalars(
            select(Registration).where(Registration.agent_id == first.agent_id)
        ).first()
        if reg is None:
            reg = session.scalars(select(Registration).order_by(Registration.id)).first()
        assert reg is not None
        registration_id = reg.id
        session.execute(update(Family).where(Family.id == reg.family_id).values(address=ADDRESS))
        head = session.scalars(
            select(Resident).where(Resident.family_id == reg.family_id).order_by(Resident.shdk)
        ).first()
        assert head is not None
        head.name = HEAD

    village_ = LongTextVillage(db, folder, first.agent_id, first.id, registration_id)
    pdfs = village_.pdfs
    for kind, kwargs in (
        ("sk", {"assignment_ids": [a.id for a in assignments.list_assignments(db)]}),
        ("surat_tugas", {"assignment_ids": [first.id]}),
        ("pakta", {"agent_id": first.agent_id}),
        ("id_card", {"assignment_ids": [first.id]}),
    ):
        letter_type = {
            "sk": letters.TYPE_SK,
            "surat_tugas": letters.TYPE_SURAT_TUGAS,
            "pakta": letters.TYPE_PAKTA,
            "id_card": letters.TYPE_ID_CARD,
        }[kind]
        row = letters.draft(db, admin, letter_type, **kwargs)  # type: ignore[arg-type]
        pdfs[f"{kind}_draft"] = letters.pdf_bytes(db, row.id)
        letters.approve(db, kades, row.id, today=TODAY)
        pdfs[kind] = letters.pdf_bytes(db, row.id)
    out = folder / "out"
    out.mkdir(exist_ok=True)
    registrations.export_receipt(db, admin, registration_id, out / "receipt.pdf")
    plans.schedule(db, admin, first.id, TODAY, per_day=5, mode="rt")
    target = plans.plan_view(db, first.id, TODAY).families[0]
    with db.transaction() as session:
        session.execute(
            update(Resident)
            .where(Resident.family_id == target.family_id, Resident.shdk == 1)
            .values(name=HEAD)
        )
        session.execute(update(Family).where(Family.id == target.family_id).values(address=ADDRESS))
    plans.export_worksheet(db, admin, first.id, out / "worksheet.pdf", today=TODAY)
    recap.export_recap_pdf(db, admin, date(2026, 10, 1), out / "recap.pdf", today=TODAY)
    sheet = fees.month_sheet(db, date(2026, 10, 1))
    (out / "fees.pdf").write_bytes(fees_pdf.render(sheet, village.letterhead(db), "A4"))
    for name in ("receipt", "worksheet", "recap", "fees"):
        pdfs[name] = (out / f"{name}.pdf").read_bytes()
    return village_
