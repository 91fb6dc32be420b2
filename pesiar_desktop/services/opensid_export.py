"""`pesiar-desktop export residents --format opensid`: the register in OpenSID's import
layout (the headers and codes `importers.formats.OPENSID` reads), so a village can bring
its corrections back into OpenSID. Importing the file again changes nothing.

Fields OpenSID carries and the register keeps go out; what the register does not keep
(passports, blood group, …) stays blank. JKN membership goes out as OpenSID knows it:
`id_asuransi` (1 none, 2 PBI, 3 non-PBI, 4 PBI daerah) and the card number.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sqlalchemy import select

from pesiar_desktop.db import Database
from pesiar_desktop.models import Dusun, Family, Membership, Resident, Rt
from pesiar_desktop.reportdata.opensid import OpenSidSheet
from pesiar_desktop.reports.opensid_xlsx import write_opensid_xlsx
from pesiar_desktop.rules import codes
from pesiar_desktop.services import privacy, village
from pesiar_desktop.services.context import Actor

_INSURANCE = {"PBI_APBN": 2, "PBI_APBD": 4}  # else registered: 3 (non-PBI); not: 1


def opensid_rows(db: Database) -> OpenSidSheet:
    """Every resident (the dead and departed too, with their status_dasar), family by family."""
    rows: list[dict[str, str | int]] = []
    with db.read() as session:
        query = (
            select(Resident, Family.no_kk, Family.address, Dusun.name, Rt.rw, Rt.rt,
                   Membership.status, Membership.segment, Membership.card_number)
            .join(Family, Family.id == Resident.family_id)
            .join(Rt, Rt.id == Family.rt_id)
            .join(Dusun, Dusun.id == Rt.dusun_id)
            .outerjoin(Membership, Membership.resident_id == Resident.id)
            .order_by(Dusun.name, Rt.rw, Rt.rt, Family.no_kk, Resident.shdk, Resident.birth_date,
                      Resident.id)
        )  # fmt: skip
        for r, no_kk, address, dusun, rw, rt, status, segment, card in session.execute(query):
            registered = status in codes.REGISTERED_STATUSES
            insurance = _INSURANCE.get(segment or "", 3) if registered else 1
            rows.append(
                {
                    "alamat": address,
                    "dusun": dusun,
                    "rw": rw,
                    "rt": rt,
                    "nama": r.name,
                    "no_kk": no_kk,
                    "nik": r.nik,
                    "sex": r.sex,
                    "tempatlahir": r.birth_place,
                    "tanggallahir": r.birth_date.isoformat(),
                    "agama_id": r.religion,
                    "pendidikan_kk_id": r.education or "",
                    "pekerjaan_id": r.occupation or "",
                    "status_kawin": r.marital_status,
                    "kk_level": r.shdk,
                    "warganegara_id": 1,
                    "nama_ayah": r.father_name,
                    "nama_ibu": r.mother_name,
                    "cacat_id": 6 if r.has_disability else codes.DISABILITY_NONE,
                    "hamil": 1 if r.is_pregnant else 0,
                    "status_dasar": r.life_status,
                    "id_asuransi": insurance,
                    "no_asuransi": (card or "") if registered else "",
                }
            )
    return OpenSidSheet(rows)


def export_opensid_xlsx(db: Database, actor: Actor, out: Path | str) -> int:
    """Writes the workbook (it lists NIKs: needs `personal.export`; audited). Returns the
    number of residents written."""
    privacy.require_export(actor)
    sheet = opensid_rows(db)
    profile = village.get_profile(db)
    title = f"Data penduduk {profile.title}" if profile else "Data penduduk"
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".opensid-", suffix=".xlsx", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        write_opensid_xlsx(sheet, temporary, title=title)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    privacy.record_export(db, actor, "residents_opensid", len(sheet.rows), str(target))
    return len(sheet.rows)
