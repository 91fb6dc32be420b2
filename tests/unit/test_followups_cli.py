"""CLI: followups, due-visits, receipt and worksheet on a demo village."""

from __future__ import annotations

import json

from python_calamine import CalamineWorkbook
from sqlalchemy import select

from pesiar_desktop.cli import main
from pesiar_desktop.db import open_database
from pesiar_desktop.models import Assignment, Family, Registration, Resident
from tests.conftest import as_user
from tests.unit.test_registrations_printouts import pdf_text


def test_fieldwork_commands(tmp_path, capsys):
    base = ["--data-dir", str(tmp_path)]
    assert main([*base, "demo", "--residents", "900", "--seed", "3"]) == 0
    capsys.readouterr()
    assert main([*base, "followups", "--json", "--days", "30"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"unpaid", "arrears"}
    assert all(row["late"] == (row["days_left"] < 0) for row in data["unpaid"] if row["days_left"])
    assert data["arrears"] and all(row["months_in_arrears"] >= 1 for row in data["arrears"])
    assert main([*base, "due-visits", "--json"]) == 0
    due = json.loads(capsys.readouterr().out)
    assert isinstance(due, list)
    db = open_database(f"sqlite:///{tmp_path / 'pesiar.sqlite3'}")
    try:
        with db.read() as session:
            reg = session.query(Registration).order_by(Registration.id).first()
            assignment_id = session.query(Assignment.id).order_by(Assignment.id).first()[0]
    finally:
        db.dispose()
    out = tmp_path / "tt.pdf"
    assert main([*base, "receipt", str(reg.id), str(out), *as_user("operator")]) == 0
    assert reg.receipt_number in " ".join(pdf_text(out).split())
    sheet = tmp_path / "sisir.xlsx"
    assert main([*base, "worksheet", str(assignment_id), str(sheet), *as_user("operator")]) == 0
    rows = CalamineWorkbook.from_path(str(sheet)).get_sheet_by_name("Lembar kerja").to_python()
    assert rows[0][0] == "LEMBAR KERJA SISIR"  # a title block, then the table
    header = next(i for i, r in enumerate(rows) if r[:3] == ["Jadwal", "Wilayah", "No KK"])
    body = [r for r in rows[header + 1 :] if r[2]]
    assert body  # the demo plans visits for every assignment
    db = open_database(f"sqlite:///{tmp_path / 'pesiar.sqlite3'}")
    try:
        with db.read() as session:
            kk_of_nik = dict(
                session.execute(
                    select(Resident.nik, Family.no_kk)
                    .join(Family, Resident.family_id == Family.id)
                    .where(Resident.nik.in_([r[6] for r in body]))
                ).all()
            )
    finally:
        db.dispose()
    # Each line names a resident of the register with the No KK of their own family.
    assert {(r[6], r[2]) for r in body} == set(kk_of_nik.items())
    capsys.readouterr()
    # A viewer may not print personal data: refused with exit status 1.
    assert main([*base, "receipt", str(reg.id), str(tmp_path / "x.pdf"), *as_user("bpd")]) == 1
    assert "tidak berhak" in capsys.readouterr().err
    assert main([*base, "receipt", "999999", str(tmp_path / "y.pdf")]) == 1
