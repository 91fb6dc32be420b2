"""The monthly recap workbook, its PDF and the Dana Desa report, read back and checked
against the database cell by cell (python-calamine as the second reader)."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from pesiar_desktop.cli import main
from pesiar_desktop.errors import PermissionDenied, ValidationError
from pesiar_desktop.models import (
    AuditLog,
    Dusun,
    Family,
    Membership,
    Registration,
    RegistrationMember,
    Resident,
    Rt,
)
from pesiar_desktop.reportdata.recap import DEFAULT_COLUMNS, PENDAFTARAN_COLUMNS
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fw
from pesiar_desktop.rules.membership import MembershipInput
from pesiar_desktop.rules.nik import nik_for
from pesiar_desktop.services import recap, residents, targets, village
from pesiar_desktop.services.progress import agent_month_progress
from pesiar_desktop.services.residents import FamilyInput
from pesiar_desktop.services.stats import register_stats
from tests.conftest import as_user, person
from tests.fieldwork_builder import FieldworkBuilder

MONTH = date(2026, 10, 1)
TODAY = date(2026, 11, 23)
HEADER = 4  # 0-based row of the header in every sheet


@dataclass
class Scene:
    agents: dict[str, int]
    assignments: dict[str, int]
    families: list[int]


# (area index, members: (name, sex, birth, shdk, status, segment))
FAMILIES = [
    (0, [("BUDI SANTOSO", 1, date(1980, 5, 17), 1), ("SITI AMINAH", 2, date(1983, 2, 10), 3),
         ("RINA SANTOSO", 2, date(2010, 8, 1), 4)]),
    (1, [("AHMAD FAUZI", 1, date(1975, 11, 3), 1), ("NURUL HIDAYAH", 2, date(1978, 7, 21), 3)]),
    (2, [("KETUT WIRAWAN", 1, date(1969, 1, 30), 1), ("MADE SARI", 2, date(1972, 4, 12), 3),
         ("PUTU ANGGARA", 1, date(1998, 9, 9), 4), ("KADEK AYU", 2, date(2019, 12, 24), 4)]),
    (0, [("DEWI LESTARI", 2, date(1990, 3, 14), 1)]),
    (2, [("I NYOMAN ADI", 1, date(1985, 6, 1), 1), ("NI LUH PUTU", 2, date(1987, 9, 2), 3)]),
    (1, [("LALU HASAN", 1, date(1960, 1, 5), 1), ("BAIQ RAHMA", 2, date(1962, 3, 3), 3)]),
]  # fmt: skip
# An already-insured family so coverage is not zero: (area, name, sex, born, shdk, status, seg)
INSURED = [
    (0, "HJ. FATIMAH", 2, date(1950, 2, 2), 1, codes.STATUS_ACTIVE, "PBI_APBN"),
    (0, "H. MUSTAFA", 1, date(1948, 8, 8), 2, codes.STATUS_ARREARS, "PBPU"),
]


def _fill(db, actor) -> list[int]:
    areas = village.list_areas(db)
    family_ids: list[int] = []
    serial = 1
    for number, (area, members) in enumerate(FAMILIES, start=1):
        family_id = None
        for name, sex, born, shdk in members:
            data = person(
                nik_for("520101", born, sex, serial),
                name,
                sex,
                born,
                shdk,
                birth_place="MATARAM",
                phone=f"0812{serial:08d}",
            )
            serial += 1
            if family_id is None:
                family_id = residents.add_resident(
                    db,
                    actor,
                    data,
                    new_family=FamilyInput(
                        f"52010112031500{number:02d}",
                        areas[area].rt_id,
                        address=f"Jl. Melati {number}",
                    ),
                ).family_id
                family_ids.append(family_id)
            else:
                residents.add_resident(db, actor, data, family_id=family_id)
    family_id = None
    for area, name, sex, born, shdk, status, segment in INSURED:
        data = person(nik_for("520101", born, sex, serial), name, sex, born, shdk)
        serial += 1
        membership = MembershipInput(
            status=status,
            segment=segment,
            fktp_code="22010101",
            months_in_arrears=3 if status == codes.STATUS_ARREARS else 0,
        )
        if family_id is None:
            family_id = residents.add_resident(
                db,
                actor,
                data,
                membership=membership,
                new_family=FamilyInput("5201011203150099", areas[area].rt_id),
            ).family_id
        else:
            residents.add_resident(db, actor, data, family_id=family_id, membership=membership)
    return family_ids  # fmt: skip


@pytest.fixture
def scene(village_db, admin, freeze_clock) -> Scene:
    freeze_clock(TODAY)
    families = _fill(village_db, admin)
    areas = village.list_areas(village_db)
    b = FieldworkBuilder(village_db)
    siti = b.agent("SITI RAHMAWATI")
    made = b.agent("I MADE SUARTA", source="PKK")
    idle = b.agent("ZAINAL ABIDIN")
    period = (date(2026, 7, 1), date(2026, 12, 31))
    line = {"apbdes_code": "2.3.01", "apbdes_name": "Agen PESIAR"}
    a_siti = b.assignment(
        siti,
        *period,
        dusun_ids=[areas[0].dusun_id],
        budget=6_000_000,
        monthly_honorarium=500_000,
        fee_per_person_paid=10_000,
        **line,
    )
    a_made = b.assignment(
        made,
        *period,
        rt_ids=[areas[2].rt_id],
        budget=4_000_000,
        target_people_per_month=20,
        target_families_per_month=8,
        **line,
    )
    a_idle = b.assignment(
        idle,
        *period,
        rt_ids=[areas[1].rt_id],
        budget=3_000_000,
        apbdes_code="2.3.02",
        apbdes_name="Pendataan",
    )
    # October: registrations in every state, one paid in October for a September one.
    b.registration(families[0], siti, date(2026, 10, 3), "paid", paid_on=date(2026, 10, 18))
    b.registration(families[3], siti, date(2026, 10, 9), "va_issued")
    b.registration(families[2], made, date(2026, 10, 6), "active", paid_on=date(2026, 10, 20))
    b.registration(families[4], made, date(2026, 9, 25), "active", paid_on=date(2026, 10, 2))
    b.registration(families[5], made, date(2026, 10, 12), "cancelled")
    b.registration(families[1], None, date(2026, 10, 14), "submitted")
    b.registration(families[5], made, date(2026, 10, 20), "expired")
    b.registration(families[0], siti, date(2026, 11, 2), "submitted")  # another month
    b.visit(families[0], siti, date(2026, 10, 1), "WILLING", topics="BENEFITS,PAYMENT")
    b.visit(families[3], siti, date(2026, 10, 2), "REVISIT", revisit_on=date(2026, 10, 8))
    b.visit(families[3], siti, date(2026, 10, 8), "WILLING")
    b.visit(
        families[5],
        made,
        date(2026, 10, 5),
        "REFUSED",
        refusal_reason="CANNOT_AFFORD",
        note="Minta dikunjungi setelah panen",
    )
    b.visit(families[5], made, date(2026, 9, 30), "NOT_HOME")  # September
    b.event(
        siti,
        date(2026, 10, 10),
        "POSYANDU",
        25,
        place="Posyandu Melati",
        audience="Ibu balita",
        topics="BENEFITS,PROCEDURE",
    )
    b.event(None, date(2026, 10, 21), "MUSDES", 40, place="Balai desa")
    b.fee(a_siti, "2026-09", honorarium=500_000, paid_on=date(2026, 9, 30))
    b.fee(
        a_siti,
        "2026-10",
        honorarium=500_000,
        incentive=30_000,
        people=3,
        families=1,
        paid_on=date(2026, 10, 31),
    )
    b.fee(a_made, "2026-10", honorarium=400_000, incentive=60_000, paid_on=date(2026, 11, 2))
    b.fee(a_made, "2026-11", honorarium=400_000)  # recorded, not paid yet
    b.fee(a_siti, "2025-12", honorarium=250_000, paid_on=date(2025, 12, 30))
    return Scene({"siti": siti, "made": made, "idle": idle},
                 {"siti": a_siti, "made": a_made, "idle": a_idle}, families)  # fmt: skip


def _sheet(path, name) -> list[list]:
    return (
        CalamineWorkbook.from_path(str(path))
        .get_sheet_by_name(name)
        .to_python(skip_empty_area=False)
    )


def _data_rows(rows: list[list], until: str) -> list[list]:
    """Rows after the header up to (not including) the first whose column 1 or 0 says `until`."""
    found = []
    for row in rows[HEADER + 1 :]:
        if until in (str(row[0]), str(row[1])) or str(row[0]).startswith(until):
            break
        found.append(row)
    return found


def _as_date(value):
    return value.date() if isinstance(value, datetime) else value


def test_recap_workbook_against_the_database(village_db, admin, scene, tmp_path):
    out = tmp_path / "rekap.xlsx"
    data = recap.export_recap_xlsx(village_db, admin, "2026-10", out, today=TODAY)
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == [
        "Rekap", "Pendaftaran", "Usulan & Laporan", "Keaktifan", "Kunjungan", "Advokasi",
        "UHC per dusun", "Segmen", "Sasaran",
    ]  # fmt: skip

    # ---- Rekap: one row per agent from services.progress (what the fees use) + office row
    rows = _sheet(out, "Rekap")
    assert rows[0][0].startswith("REKAPITULASI BULANAN")
    assert "Desa Suka Makmur" in rows[1][0] and "Gerung" in rows[1][0]
    assert rows[2][0] == "Bulan: Oktober 2026"
    assert rows[HEADER][:5] == ["No", "Nama agen", "Wilayah tugas", "Target jiwa",
                                "Realisasi jiwa (iuran pertama dibayar)"]  # fmt: skip
    body = _data_rows(rows, "JUMLAH")
    with village_db.read() as s:
        progress = {p.agent_name: p for p in agent_month_progress(s, MONTH)}
    assert [r[1] for r in body] == [*sorted(progress), recap.NO_AGENT]
    for row in body[:-1]:
        p = progress[row[1]]
        assert row[3:5] == [p.target_people, p.paid_people]
        assert row[6:8] == [p.target_families, p.paid_families]
        assert row[9:17] == [p.visits, p.families_visited, p.advocacy_events,
                             p.registered_people, p.registered_families,
                             p.unpaid_registrations, p.reactivated_people,
                             p.reactivated_families]  # fmt: skip
        assert row[5] == pytest.approx(p.paid_people / p.target_people)
    siti = next(r for r in body if r[1] == "SITI RAHMAWATI")
    # family 0 (3 people) paid in October; family 3 (1 person) waiting for its VA payment
    assert siti[4] == 3 and siti[7] == 1 and siti[12] == 4 and siti[13] == 2 and siti[14] == 1
    assert siti[9] == 3 and siti[10] == 2 and siti[11] == 1
    assert siti[2] == "Dusun Krajan"  # a whole dusun
    idle = next(r for r in body if r[1] == "ZAINAL ABIDIN")
    assert idle[2] == "Dusun Krajan RT 002"  # one of its two RTs
    made = next(r for r in body if r[1] == "I MADE SUARTA")
    # paid in October: family 2 (4) and family 4 (2, registered in September)
    assert made[4] == 6 and made[7] == 2
    # registered in October, neither cancelled nor expired: family 2 (4)
    assert made[12] == 4 and made[13] == 1 and made[14] == 0
    assert made[2] == "Dusun Timur"  # its only RT: the whole dusun
    office = body[-1]
    assert office[12] == 2 and office[14] == 1 and office[11] == 1  # the MUSDES event
    total = rows[HEADER + 1 + len(body)]
    assert total[1] == "JUMLAH"
    for column in (3, 4, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16):
        assert total[column] == sum(r[column] for r in body), column
    assert total[5] == pytest.approx(total[4] / total[3])
    # Signature block: the kepala desa's name under the place and date.
    flat = [str(v) for r in rows for v in r]
    assert "Suka Makmur, 23 November 2026" in flat
    assert "Kepala Desa Suka Makmur," in flat
    assert "H. Lalu Ahmad" in flat

    # ---- Pendaftaran: one row per included member, checked against the database
    rows = _sheet(out, "Pendaftaran")
    assert rows[HEADER] == [PENDAFTARAN_COLUMNS[k] for k in DEFAULT_COLUMNS]
    people = _data_rows(rows, "Jumlah:")
    # Totals reconcile: the Rekap's "didaftarkan (jiwa)" sum is the number of rows here.
    assert len(people) == total[12] == len(data.pendaftaran) == 3 + 1 + 4 + 2
    assert (
        rows[HEADER + 1 + len(people)][0] == f"Jumlah: {len(people)} jiwa dalam {int(total[13])} KK"
    )
    col = {k: i for i, k in enumerate(DEFAULT_COLUMNS)}
    with village_db.read() as s:
        for number, row in enumerate(people, start=1):
            assert row[col["no"]] == number
            assert isinstance(row[col["nik"]], str) and len(row[col["nik"]]) == 16
            assert isinstance(row[col["no_kk"]], str) and len(row[col["no_kk"]]) == 16
            resident = s.scalar(select(Resident).where(Resident.nik == row[col["nik"]]))
            family = s.get(Family, resident.family_id)
            rt = s.get(Rt, family.rt_id)
            reg, member = s.execute(
                select(Registration, RegistrationMember)
                .join(RegistrationMember, RegistrationMember.registration_id == Registration.id)
                .where(RegistrationMember.resident_id == resident.id,
                       Registration.registered_on >= MONTH,
                       Registration.registered_on <= date(2026, 10, 31),
                       Registration.status.not_in(("cancelled", "expired")))
            ).one()  # fmt: skip
            membership = s.get(Membership, resident.id)
            agent_name = recap.NO_AGENT if reg.agent_id is None else None
            expected = {
                "no_kk": family.no_kk,
                "nama": resident.name,
                "hubungan": codes.SHDK[resident.shdk],
                "jk": "L" if resident.sex == 1 else "P",
                "ttl": f"MATARAM, {resident.birth_date:%d-%m-%Y}",
                "alamat": family.address,
                "rt_rw": f"{rt.rt}/{rt.rw}",
                "kode_desa": "5201012005",
                "kecamatan": "Gerung",
                "kabupaten": "Kabupaten Lombok Barat",
                "fktp": membership.fktp_code if membership else "",
                "kelas": member.jkn_class,
                "no_hp": resident.phone,
                "segmen": codes.SEGMENTS[fw.PATH_SEGMENT[reg.path]],  # a label, never a code
                "tgl_daftar": reg.registered_on,
                "va": reg.va_number,
                "tgl_bayar": reg.paid_on or "",
            }
            for key, value in expected.items():
                assert _as_date(row[col[key]]) == value, (number, key)
            if agent_name is None:
                from pesiar_desktop.models import Agent

                assert row[col["agen"]] == s.get(Agent, reg.agent_id).name
            else:
                assert row[col["agen"]] == ""

    # ---- Kunjungan and Advokasi: the month's rows only
    visits = _data_rows(_sheet(out, "Kunjungan"), "Jumlah:")
    assert len(visits) == 4
    refused = next(r for r in visits if r[7] == fw.VISIT_OUTCOMES["REFUSED"])
    assert refused[8] == fw.REFUSAL_REASONS["CANNOT_AFFORD"]
    assert refused[4] == "LALU HASAN" and refused[11] == "Minta dikunjungi setelah panen"
    assert isinstance(refused[3], str) and refused[3] == "5201011203150006"
    revisit = next(r for r in visits if r[7] == fw.VISIT_OUTCOMES["REVISIT"])
    assert _as_date(revisit[9]) == date(2026, 10, 8)
    assert visits[0][10] == "Manfaat JKN, Cara dan jadwal bayar iuran"
    rows = _sheet(out, "Advokasi")
    events = _data_rows(rows, "JUMLAH")
    assert [(e[2], e[5], e[7]) for e in events] == [
        ("Posyandu", 25, "SITI RAHMAWATI"),
        ("Musyawarah desa", 40, recap.NO_AGENT),
    ]
    assert rows[HEADER + 1 + len(events)][5] == 65

    # ---- UHC per dusun: the running month would use the register; October is past
    rows = _sheet(out, "UHC per dusun")
    dusun = _data_rows(rows, "DESA")
    with village_db.read() as s:
        naive = _naive_coverage(s, date(2026, 10, 31))
    assert {r[1]: (r[2], r[4], r[5]) for r in dusun} == naive
    desa = rows[HEADER + 1 + len(dusun)]
    assert desa[2] == sum(r[2] for r in dusun) and desa[4] == sum(r[4] for r in dusun)
    assert desa[6] == pytest.approx(desa[4] / desa[2] if desa[2] else 0)

    # ---- Sasaran: the Petakan figures, dusun rows then their RTs, village total
    rows = _sheet(out, "Sasaran")
    report = targets.targets_report(village_db, TODAY)
    body = _data_rows(rows, "JUMLAH DESA")
    dusun_rows = [r for r in body if r[1] == ""]
    assert [(r[0], r[6]) for r in dusun_rows] == [
        (a["dusun"], a["targets"]) for a in report["areas"]
    ]
    total = rows[HEADER + 1 + len(body)]
    assert total[6] == report["total"] and total[7] == report["priority"]

    # ---- the export is audited
    with village_db.read() as s:
        entry = s.scalars(
            select(AuditLog).where(AuditLog.action == "export").order_by(AuditLog.id.desc())
        ).first()
        assert json.loads(entry.after_json)["rows"] == len(people)


def _naive_coverage(session, day: date) -> dict[str, tuple[int, int, int]]:
    """Per dusun (living, registered, active) on `day`, straight from the history rows."""
    from pesiar_desktop.models import MembershipHistory

    result: dict[str, list[int]] = {}
    for resident, dusun in session.execute(
        select(Resident, Dusun.name)
        .join(Family, Family.id == Resident.family_id)
        .join(Rt, Rt.id == Family.rt_id)
        .join(Dusun, Dusun.id == Rt.dusun_id)
    ):
        entry = result.setdefault(dusun, [0, 0, 0])
        gone = resident.life_status != codes.LIFE_ALIVE and (
            resident.life_status_date is None or resident.life_status_date <= day
        )
        if resident.birth_date > day or gone:
            continue
        entry[0] += 1
        snapshots = session.scalars(
            select(MembershipHistory)
            .where(MembershipHistory.resident_id == resident.id, MembershipHistory.as_of <= day)
            .order_by(MembershipHistory.as_of, MembershipHistory.id)
        ).all()
        status = snapshots[-1].status if snapshots else None
        if not snapshots:
            current = session.get(Membership, resident.id)
            status = current.status if current is not None and current.as_of <= day else None
        if status in codes.REGISTERED_STATUSES:
            entry[1] += 1
            entry[2] += status == codes.STATUS_ACTIVE
    return {k: tuple(v) for k, v in result.items()}


def test_running_month_uses_the_register(village_db, admin, scene, tmp_path):
    data = recap.build_recap(village_db, "2026-11", today=TODAY)
    assert not data.uhc_from_history
    with village_db.read() as s:
        stats = register_stats(s)
    assert {d.dusun: (d.residents, d.registered, d.active) for d in data.dusun} == {
        name: (e["residents"], e["registered"], e["active"])
        for name, e in stats["by_dusun"].items()
    }
    assert len(data.pendaftaran) == 3  # family 0 again, in November
    assert [r.name for r in data.rekap if r.registered_people] == ["SITI RAHMAWATI"]


def test_columns_saved_per_branch(village_db, admin, operator, viewer, scene, tmp_path):
    order = ["no", "nik", "nama", "no_kk", "tgl_lahir", "tempat_lahir", "status", "iuran", "agen"]
    recap.save_columns(village_db, operator, "BPJS Cabang Mataram", order)
    assert recap.current_branch(village_db) == "BPJS Cabang Mataram"
    assert recap.columns_for(village_db) == order
    assert recap.columns_for(village_db, "Cabang lain") == list(DEFAULT_COLUMNS)
    assert recap.branches(village_db) == ["BPJS Cabang Mataram"]
    out = tmp_path / "mataram.xlsx"
    recap.export_recap_xlsx(village_db, operator, "2026-10", out, today=TODAY)
    rows = _sheet(out, "Pendaftaran")
    assert rows[HEADER][: len(order)] == [PENDAFTARAN_COLUMNS[k] for k in order]
    first = rows[HEADER + 1]
    assert isinstance(first[1], str) and isinstance(first[3], str)
    assert first[6] in fw.REGISTRATION_STATUSES.values() and first[7] == 35_000
    # another branch keeps its own order; the default one is untouched
    recap.save_columns(village_db, admin, "", ["nama", "nik"])
    assert recap.columns_for(village_db, "BPJS Cabang Mataram") == order
    assert recap.columns_for(village_db, "") == ["nama", "nik"]
    with pytest.raises(ValidationError):
        recap.save_columns(village_db, admin, "X", ["nik", "gaji"])
    with pytest.raises(ValidationError):
        recap.save_columns(village_db, admin, "X", [])
    with pytest.raises(PermissionDenied):
        recap.save_columns(village_db, viewer, "X", ["nik"])


def test_viewer_may_not_export_personal_data(village_db, viewer, scene, tmp_path):
    out = tmp_path / "no.xlsx"
    with pytest.raises(PermissionDenied):
        recap.export_recap_xlsx(village_db, viewer, "2026-10", out, today=TODAY)
    assert not out.exists()
    assert not list(tmp_path.glob(".recap-*"))
    with pytest.raises(ValidationError, match="TTTT-BB"):
        recap.build_recap(village_db, "Oktober")


def test_recap_pdf_reads_back(village_db, admin, scene, tmp_path):
    out = tmp_path / "rekap.pdf"
    recap.export_recap_pdf(village_db, admin, "2026-10", out, today=TODAY)
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "REKAPITULASI BULANAN PROGRAM PESIAR" in text
    assert "Bulan Oktober 2026" in text
    for name in ("SITI RAHMAWATI", "I MADE SUARTA", "ZAINAL ABIDIN", "JUMLAH", "H. Lalu Ahmad"):
        assert name in text
    assert "Suka Makmur, 23 November 2026" in text
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    width, height = (float(v) for v in info.split("Page size:")[1].split("pts")[0].split(" x "))
    assert width > height  # landscape


def test_dana_desa_realisation(village_db, admin, scene, tmp_path):
    from sqlalchemy import text

    # Siti's October fee also paid for 2 members brought back to active (Rp7.500 each).
    with village_db.transaction() as s:
        s.execute(
            text("UPDATE fee_payment SET people_reactivated = 2, reactivation_incentive = 15000 "
                 "WHERE assignment_id = :a AND month = '2026-10'"),
            {"a": scene.assignments["siti"]},
        )  # fmt: skip
    out = tmp_path / "dana.xlsx"
    data = recap.export_dana_desa_xlsx(village_db, admin, 2026, out, today=TODAY)
    rows = _sheet(out, "Realisasi")
    assert rows[0][0] == "REALISASI HONOR DAN INSENTIF AGEN PESIAR — DANA DESA 2026"
    header = rows[HEADER]
    oct_col, paid_col = header.index("Okt"), header.index("Dibayar 2026 (Rp)")
    rest_col, unpaid_col = (
        header.index("Sisa pagu (Rp)"),
        header.index("Tercatat belum dibayar (Rp)"),
    )
    by_agent = {r[1]: r for r in rows[HEADER + 1 :] if isinstance(r[0], float)}
    siti, made, idle = (
        by_agent["SITI RAHMAWATI"],
        by_agent["I MADE SUARTA"],
        by_agent["ZAINAL ABIDIN"],
    )
    assert siti[4] == 6_000_000 and siti[oct_col] == 530_000 and siti[paid_col] == 1_030_000
    assert siti[header.index("Dibayar tahun sebelumnya (Rp)")] == 250_000
    assert siti[rest_col] == 6_000_000 - 250_000 - 1_030_000
    assert made[oct_col] == 460_000 and made[unpaid_col] == 400_000
    assert idle[paid_col] == 0 and idle[rest_col] == 3_000_000
    lines = [r for r in rows if r[1] == "Jumlah kegiatan"]
    assert [r[4] for r in lines] == [10_000_000, 3_000_000]
    assert lines[0][paid_col] == 1_030_000 + 460_000
    total = next(r for r in rows if r[1] == "JUMLAH SELURUHNYA")
    assert total[4] == 13_000_000 and total[paid_col] == sum(f.paid for f in data.funding)
    assert "H. Lalu Ahmad" in [str(v) for r in rows for v in r]
    # New members and reactivations paid for in the year, apart (plain SQL over paid rows).
    new_col = header.index("Jiwa baru dibayar 2026")
    back_col = header.index("Diaktifkan kembali 2026 (jiwa)")
    fee_col = header.index("Insentif keaktifan 2026 (Rp)")
    with village_db.read() as s:
        expected = {
            agent: (int(new or 0), int(back or 0), int(fee or 0))
            for agent, new, back, fee in s.execute(
                text("SELECT a.name, SUM(f.people_paid), SUM(f.people_reactivated), "
                     "SUM(f.reactivation_incentive) FROM fee_payment f "
                     "JOIN assignment s ON s.id = f.assignment_id JOIN agent a ON a.id = s.agent_id "
                     "WHERE f.paid_on IS NOT NULL AND f.month LIKE '2026-%' GROUP BY a.name")
            )
        }  # fmt: skip
    for name, row in by_agent.items():
        assert (row[new_col], row[back_col], row[fee_col]) == expected.get(name, (0, 0, 0)), name
    assert (siti[back_col], siti[fee_col]) == (2, 15_000)
    assert total[back_col] == 2 and total[new_col] == sum(v[0] for v in expected.values())


def test_cli_export_and_stats(tmp_path, capsys):
    data_dir = str(tmp_path / "data")
    assert main(["--data-dir", data_dir, "demo", "--residents", "300"]) == 0
    capsys.readouterr()
    out = tmp_path / "rekap.xlsx"
    pdf = tmp_path / "rekap.pdf"
    month = f"{date.today():%Y-%m}"
    code = main(["--data-dir", data_dir, "export", "recap", "--month", month, str(out),
                 "--pdf", str(pdf), *as_user("operator")])  # fmt: skip
    assert code == 0, capsys.readouterr()
    printed = capsys.readouterr().out
    assert "disimpan ke" in printed
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "REKAPITULASI BULANAN PROGRAM PESIAR" in text
    bulan = [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ][int(month[5:]) - 1]  # fmt: skip
    assert f"Bulan {bulan} {month[:4]}" in text
    assert "Pendaftaran" in CalamineWorkbook.from_path(str(out)).sheet_names
    assert main(["--data-dir", data_dir, "export", "recap", "--month", month, str(out),
                 *as_user("bpd")]) == 1  # fmt: skip
    assert "tidak berhak" in capsys.readouterr().err
    assert main(["--data-dir", data_dir, "export", "recap", "--month", "13-2026", str(out)]) == 1
    assert "TTTT-BB" in capsys.readouterr().err
    dana = tmp_path / "dana.xlsx"
    assert main(["--data-dir", data_dir, "export", "dana-desa", "--year", "2026", str(dana)]) == 0
    assert "Realisasi Dana Desa 2026" in capsys.readouterr().out
    # stats --json has the per-segment and per-dusun figures the dashboard draws
    assert main(["--data-dir", data_dir, "stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures["by_segment"]) <= set(codes.SEGMENTS) | {"-"}
    assert sum(e["registered"] for e in figures["by_segment"].values()) == figures["registered"]
    assert sum(e["residents"] for e in figures["by_dusun"].values()) == figures["residents"]
    for entry in figures["by_dusun"].values():
        assert set(entry) == {"residents", "registered", "active", "coverage_pct", "active_pct"}


def test_workbook_is_formatted_as_an_office_sends_it(village_db, admin, scene, tmp_path):
    """Styles read with a second library (openpyxl): frozen header, widths, text cells for
    identifiers, date formats, SUM formulas for totals, landscape pages."""
    from openpyxl import load_workbook

    out = tmp_path / "rekap.xlsx"
    recap.export_recap_xlsx(village_db, admin, "2026-10", out, today=TODAY)
    book = load_workbook(out)
    for ws in book.worksheets:
        assert ws.freeze_panes == "A6", ws.title
        assert ws.page_setup.orientation == "landscape"
        assert ws.print_title_rows == "$5:$5"
        assert ws["A1"].font.b
    ws = book["Pendaftaran"]
    col = {k: i + 1 for i, k in enumerate(DEFAULT_COLUMNS)}
    nik = ws.cell(row=6, column=col["nik"])
    assert nik.data_type == "s" and nik.number_format == "@" and len(nik.value) == 16
    assert ws.cell(row=6, column=col["no_kk"]).data_type == "s"
    assert ws.cell(row=6, column=col["va"]).data_type == "s"
    registered = ws.cell(row=6, column=col["tgl_daftar"])
    assert registered.is_date and registered.number_format == "dd-mm-yyyy"
    nik_width = next(d.width for d in ws.column_dimensions.values() if d.min <= col["nik"] <= d.max)
    assert nik_width > 18  # a NIK never shows as ####
    rekap = book["Rekap"]
    total_row = next(r for r in range(6, 30) if rekap.cell(row=r, column=2).value == "JUMLAH")
    assert rekap.cell(row=total_row, column=5).value == f"=SUM(E6:E{total_row - 1})"
    assert rekap.cell(row=total_row, column=5).font.b
    assert rekap.cell(row=6, column=6).number_format == "0.00%"


def test_rt_ranges():
    assert recap.rt_ranges(["001", "002", "003", "005", "007", "008"]) == "001–003, 005, 007–008"
    assert recap.rt_ranges(["12", "10", "11", "10"]) == "10–12"
    assert recap.rt_ranges(["004", "A"]) == "004, A"
    assert recap.rt_ranges([]) == ""
