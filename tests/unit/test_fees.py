"""Fees per agent per month from first premiums paid; payment list PDF/xlsx; budget lines."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
from python_calamine import CalamineWorkbook

from pesiar_desktop.errors import PermissionDenied, PesiarError
from pesiar_desktop.models import Registration, RegistrationMember, Resident
from pesiar_desktop.reports import fees_pdf, fees_xlsx
from pesiar_desktop.services import fees, village
from tests.unit.test_agents_support import add_families, make_agent, make_assignment, rt_ids

NOV = date(2026, 11, 1)


def _register(db, family_id, agent_id, people, paid_on, registered_on=date(2026, 10, 20)):
    with db.transaction() as session:
        reg = Registration(
            family_id=family_id,
            agent_id=agent_id,
            path="PBPU",
            status="paid" if paid_on else "va_issued",
            registered_on=registered_on,
            paid_on=paid_on,
        )
        session.add(reg)
        session.flush()
        for i in range(people):
            resident = Resident(
                nik=f"52010141079{family_id:03d}{i:02d}",
                name=f"Warga {family_id}-{i}",
                name_sort=f"warga {family_id}-{i}",
                sex=2,
                birth_date=date(1990, 7, 1),
                family_id=family_id,
                shdk=1 if i == 0 else 4,
            )
            session.add(resident)
            session.flush()
            session.add(RegistrationMember(registration_id=reg.id, resident_id=resident.id))


@pytest.fixture
def fee_setup(village_db, operator):
    fams = add_families(village_db, per_rt=3)
    rts = rt_ids(village_db)
    a1 = make_agent(village_db, operator, "Siti Aminah", bank_name="BRI", bank_account="0012345678")
    a2 = make_agent(village_db, operator, "Lalu Hendra")
    s1 = make_assignment(village_db, operator, a1.id, rts[:2], fee_per_family_paid=10_000)
    s2 = make_assignment(
        village_db,
        operator,
        a2.id,
        rts[2:],
        budget=600_000,
        apbdes_code="2.3.02",
        apbdes_name="Lain",
    )
    _register(village_db, fams[rts[0]][0], a1.id, 3, date(2026, 11, 5))
    _register(village_db, fams[rts[0]][1], a1.id, 2, date(2026, 11, 20))
    _register(village_db, fams[rts[0]][2], a1.id, 4, None)  # not paid: no fee
    _register(village_db, fams[rts[1]][0], a1.id, 5, date(2026, 10, 30))  # October
    return village_db, (a1, a2), (s1, s2)


def test_month_sheet_counts_first_premiums_paid(fee_setup):
    db, (a1, a2), (s1, s2) = fee_setup
    sheet = fees.month_sheet(db, date(2026, 11, 15))
    by_agent = {line.agent_name: line for line in sheet.lines}
    one = by_agent["Siti Aminah"]
    assert (one.people_paid, one.families_paid) == (5, 2)
    assert one.honorarium == 500_000
    assert one.incentive == 5 * 5_000 + 2 * 10_000
    assert one.total == 545_000 and not one.recorded
    two = by_agent["Lalu Hendra"]
    assert (two.people_paid, two.total) == (0, 500_000)
    assert sheet.total == 1_045_000
    funding = {f.apbdes_code: f for f in sheet.funding}
    assert (
        funding["2.3.01"].budget == 10_000_000
        and funding["2.3.01"].remaining == 10_000_000 - 545_000
    )
    october = fees.month_sheet(db, date(2026, 10, 1))
    assert {x.agent_name: x.people_paid for x in october.lines}["Siti Aminah"] == 5


def test_record_month_writes_fee_rows_and_budget_use(fee_setup, operator, viewer):
    db, _agents, (s1, s2) = fee_setup
    with pytest.raises(PermissionDenied):
        fees.record_month(db, viewer, NOV)
    fees.record_month(db, operator, date(2026, 10, 1), paid_on=date(2026, 11, 2))
    sheet = fees.record_month(db, operator, NOV)
    assert all(line.recorded for line in sheet.lines)
    lines = {x.assignment_id: x for x in sheet.lines}
    assert lines[s2.id].used_before == 500_000  # October's fee
    assert lines[s2.id].remaining == 600_000 - 500_000 - 500_000 and lines[s2.id].over_budget
    assert {f.apbdes_code: f.remaining for f in sheet.funding}["2.3.02"] == -400_000
    # Paid October rows are never recomputed; November (unpaid) is recomputed on recording again.
    again = fees.record_month(db, operator, date(2026, 10, 1))
    assert all(x.paid_on == date(2026, 11, 2) for x in again.lines)
    with pytest.raises(PesiarError):
        fees.record_month(db, operator, date(2025, 1, 1))


def test_payment_list_pdf_and_xlsx(fee_setup, operator, tmp_path):
    db, _agents, _s = fee_setup
    sheet = fees.record_month(db, operator, NOV, paid_on=date(2026, 12, 1))
    pdf = fees_pdf.render(sheet, village.letterhead(db), "F4", treasurer="Baiq Rahmawati")
    out = tmp_path / "honor.pdf"
    out.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, check=True
    ).stdout.decode()
    for expected in (
        "DAFTAR PEMBAYARAN HONORARIUM",
        "NOVEMBER 2026",
        "Siti Aminah",
        "BRI 0012345678",
        "545.000",
        "1.045.000",
        "Baiq Rahmawati",
        "Terbilang",
    ):
        assert expected in text, expected
    xlsx = fees_xlsx.export(sheet, village.get_profile(db), tmp_path / "honor.xlsx")
    book = CalamineWorkbook.from_path(str(xlsx))
    rows = book.get_sheet_by_name("Daftar pembayaran").to_python()
    data = {r[1]: r for r in rows[4:] if r[1] in ("Siti Aminah", "Lalu Hendra")}
    assert data["Siti Aminah"][3] == "0012345678" and data["Siti Aminah"][11] == 545_000
    assert "1 Desember 2026" in data["Siti Aminah"][17]
    total = [r for r in rows if r[1] == "JUMLAH"][0]
    assert total[11] == 1_045_000
    fund = book.get_sheet_by_name("Anggaran").to_python()
    assert any(r[0] == "2.3.02" and r[5] == 100_000 for r in fund)


def _reactivated(db, family_id, agent_id, people: int, completed_on: date) -> None:
    """A family in arrears back to active on `completed_on` (rows as the service writes)."""
    from pesiar_desktop.models import Reactivation, ReactivationMember

    with db.transaction() as session:
        plan = Reactivation(
            family_id=family_id, agent_id=agent_id, kind="FULL", status="completed",
            started_on=completed_on, completed_on=completed_on, months_counted=3,
            amount_owed=people * 105_000, instalments=1,
        )  # fmt: skip
        session.add(plan)
        session.flush()
        for i in range(people):
            resident = Resident(
                nik=f"52010141079{family_id:03d}{50 + i:02d}", name=f"Menunggak {i}",
                name_sort=f"menunggak {i}", sex=1, birth_date=date(1980, 1, 1),
                family_id=family_id, shdk=1 if i == 0 else 4,
            )  # fmt: skip
            session.add(resident)
            session.flush()
            session.add(
                ReactivationMember(
                    reactivation_id=plan.id, resident_id=resident.id, segment="PBPU",
                    jkn_class=3, months_in_arrears=3, months_counted=3, monthly_premium=35_000,
                    amount_owed=105_000,
                )
            )  # fmt: skip


def test_reactivations_earn_only_their_own_setting(fee_setup, operator, tmp_path):
    """Members brought back to active are counted apart: no new-member incentive, and by
    default no incentive at all; with the setting, their own column and amount."""
    from pesiar_desktop.services import settings

    db, (a1, _a2), _s = fee_setup
    from sqlalchemy import select

    from pesiar_desktop.models import Family

    with db.read() as session:
        family_id = session.scalars(
            select(Family.id).where(Family.rt_id == rt_ids(db)[1]).order_by(Family.id.desc())
        ).first()
    _reactivated(db, family_id, a1.id, 3, date(2026, 11, 12))
    siti = {x.agent_name: x for x in fees.month_sheet(db, NOV).lines}["Siti Aminah"]
    assert (siti.people_paid, siti.incentive, siti.total) == (5, 45_000, 545_000)
    assert (siti.people_reactivated, siti.reactivation_incentive) == (3, 0)
    pdf = fees_pdf.render(fees.month_sheet(db, NOV), village.letterhead(db), "A4")
    (tmp_path / "a.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "a.pdf"), "-"],
                          capture_output=True, check=True).stdout.decode()  # fmt: skip
    assert "tidak ada insentif keaktifan" in text
    assert "22.500" not in text and "545.000" in text

    with db.transaction() as session:
        settings.write(session, settings.SETTINGS.reactivation_fee_per_person, 7_500)
    sheet = fees.record_month(db, operator, NOV)
    siti = {x.agent_name: x for x in sheet.lines}["Siti Aminah"]
    assert (siti.incentive, siti.reactivation_incentive) == (45_000, 22_500)
    assert siti.total == 500_000 + 45_000 + 22_500 and siti.recorded
    # Recorded rows keep their figures even when the setting changes later.
    with db.transaction() as session:
        settings.write(session, settings.SETTINGS.reactivation_fee_per_person, 0)
    kept = {x.agent_name: x for x in fees.month_sheet(db, NOV).lines}["Siti Aminah"]
    assert kept.reactivation_incentive == 22_500
    (tmp_path / "b.pdf").write_bytes(fees_pdf.render(sheet, village.letterhead(db), "A4"))
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "b.pdf"), "-"],
                          capture_output=True, check=True).stdout.decode()  # fmt: skip
    assert "keaktifan" in text and "22.500" in text and "567.500" in text and "Siti Aminah" in text
    rows = (
        CalamineWorkbook.from_path(
            str(fees_xlsx.export(sheet, village.get_profile(db), tmp_path / "c.xlsx"))
        )
        .get_sheet_by_name("Daftar pembayaran")
        .to_python()
    )
    row = next(r for r in rows if r[1] == "Siti Aminah")
    assert (row[5], row[8], row[9], row[10], row[11]) == (5, 45_000, 3, 22_500, 567_500)
