"""Lembar kerja sisir as PDF and as a workbook, read back."""

from __future__ import annotations

from datetime import timedelta

from python_calamine import CalamineWorkbook

from pesiar_desktop.models import Resident
from pesiar_desktop.rules.formatting import long_date
from pesiar_desktop.services import visit_plans
from tests.import_files import kk_number
from tests.unit.test_registrations_printouts import pdf_text
from tests.unit.test_visits_helpers import TODAY


def test_worksheet_pdf_and_xlsx(fv, admin, tmp_path):
    start = TODAY + timedelta(days=1)
    visit_plans.schedule(fv.db, admin, fv.assignment_id, start, per_day=5, mode="rt")
    view = visit_plans.plan_view(fv.db, fv.assignment_id)
    pdf = visit_plans.export_worksheet(fv.db, admin, fv.assignment_id, tmp_path / "sisir.pdf")
    flat = " ".join(pdf_text(pdf).split())
    assert "LEMBAR KERJA SISIR" in flat and "SARI WULANDARI" in flat
    assert "Dusun Krajan · RW 001 / RT 001" in flat
    assert f"jadwal {long_date(view.groups[0].planned_on)}" in flat
    assert kk_number(1) in flat and kk_number(2) in flat and kk_number(3) not in flat
    assert "Menunggak 5 bln · PBPU" in flat and "Belum terdaftar" in flat
    assert "1 Bersedia mendaftar" in flat and "7 Minta kunjungan ulang" in flat
    assert "catatan" in flat and "Halaman 1 dari 1" in flat
    assert flat.index("BUDI") < flat.index("JOKO")  # RT 001 before RT 002

    xlsx = visit_plans.export_worksheet(
        fv.db, admin, fv.assignment_id, tmp_path / "sisir.xlsx", kind="xlsx"
    )
    book = CalamineWorkbook.from_path(str(xlsx))
    rows = book.get_sheet_by_name("Lembar kerja").to_python()
    assert rows[0][0] == "LEMBAR KERJA SISIR"
    header = next(i for i, r in enumerate(rows) if r[0] == "Jadwal")
    assert rows[header][:3] == ["Jadwal", "Wilayah", "No KK"]
    body = rows[header + 1 : header + 6]
    assert [r[7] for r in body] == ["BUDI", "ANI", "RINA", "JOKO", "SRI"]
    with fv.db.read() as session:
        budi_nik = session.get(Resident, fv.people["BUDI"]).nik
    assert body[0][6] == budi_nik and isinstance(body[0][6], str)
    assert body[0][2] == kk_number(1) and isinstance(body[0][2], str)
    assert body[3][10].startswith("Nonaktif (menunggak)")
    codes_sheet = book.get_sheet_by_name("Kode hasil").to_python()
    assert codes_sheet[1][:2] in (["1", "Bersedia mendaftar"], [1.0, "Bersedia mendaftar"])
