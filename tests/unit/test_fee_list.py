"""Daftar pembayaran honor (issue 15 item 5): the treasurer named in the village profile,
PPh 21 at the rate of a setting and the net pay, totals and terbilang, the signatures on
the page of the table's end, and `pesiar-desktop export fees`."""

from __future__ import annotations

import dataclasses
import io

import pdfplumber
import pytest
from python_calamine import CalamineWorkbook

from pesiar_desktop.cli import main
from pesiar_desktop.reportdata.fees import FeeLine, FeeSheet
from pesiar_desktop.reports import fees_pdf
from pesiar_desktop.rules import tax
from pesiar_desktop.services import fees, settings, village
from tests.pdf_fit import pdf_plain_text
from tests.unit.test_fees import NOV, fee_setup  # noqa: F401  (the fixture)

TREASURER = "Baiq Rahmawati, S.Ak."


def _flat(data: bytes) -> str:
    return " ".join(pdf_plain_text(data).split())


def test_pph21_arithmetic():
    assert tax.pph21(545_000, 250) == 13_625
    assert tax.pph21(500_001, 250) == 12_500  # rounded down: never a fraction
    assert tax.pph21(545_000, 0) == 0 and tax.pph21(0, 250) == 0
    assert tax.rate_label(250) == "2,5\u00a0%" and tax.rate_label(500) == "5\u00a0%"
    assert tax.rate_label(225) == "2,25\u00a0%"


def test_list_has_pph21_net_terbilang_and_the_treasurer(fee_setup, admin, operator):  # noqa: F811
    db, _agents, _s = fee_setup
    village.update_profile(db, admin, bendahara_name=TREASURER)
    sheet = fees.month_sheet(db, NOV)
    assert sheet.pph21_rate_bp == 250  # the default: 5 % x 50 % of the gross
    siti = {x.agent_name: x for x in sheet.lines}["Siti Aminah"]
    assert (siti.total, siti.pph21, siti.net) == (545_000, 13_625, 531_375)
    text = _flat(fees_pdf.render(sheet, village.letterhead(db)))
    assert "PPh 21 2,5 % (Rp)" in text and "Diterima bersih (Rp)" in text
    assert "13.625" in text and "531.375" in text
    assert f"diterima bersih Rp{sheet.net:,}".replace(",", ".") in text
    assert "Terbilang diterima bersih: " in text and "Terbilang jumlah bruto: " in text
    assert TREASURER in text and "H. Lalu Ahmad" in text  # kepala desa (fixture profile)

    # Another rate from the setting; a recorded row keeps what was withheld then.
    with db.transaction() as session:
        settings.write(session, settings.SETTINGS.pph21_rate_bp, 500)
    recorded = fees.record_month(db, operator, NOV)
    siti = {x.agent_name: x for x in recorded.lines}["Siti Aminah"]
    assert (siti.pph21, siti.net) == (27_250, 517_750)
    with db.transaction() as session:
        settings.write(session, settings.SETTINGS.pph21_rate_bp, 0)
    kept = {x.agent_name: x for x in fees.month_sheet(db, NOV).lines}["Siti Aminah"]
    assert kept.pph21 == 27_250


def _sheet(agents: int) -> FeeSheet:
    line = FeeLine(
        1, 1, "Agen", "BRI", "0012345678", "Agen", 5, 2, 500_000, 45_000, 545_000, "2.3.01",
        "Agen PESIAR", 10_000_000, 0, False, None, pph21=13_625,
    )  # fmt: skip
    lines = [
        dataclasses.replace(line, assignment_id=i, agent_name=f"Agen Nomor {i:02d}")
        for i in range(1, agents + 1)
    ]
    return FeeSheet(NOV, lines, [], 250)


@pytest.mark.parametrize("agents", range(4, 34, 3))
def test_signatures_stay_with_the_table_end(village_db, admin, agents):
    """Whatever the number of agents, the page with the JUMLAH row also holds at least two
    agent rows above it, the terbilang and both signatures."""
    village.update_profile(village_db, admin, bendahara_name=TREASURER)
    data = fees_pdf.render(_sheet(agents), village.letterhead(village_db))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    end = next(i for i, text in enumerate(pages) if "JUMLAH" in text)
    page = pages[end]
    assert TREASURER in page and "H. Lalu Ahmad" in page and "Terbilang" in page
    rows_here = sum(f"Agen Nomor {i:02d}" in page for i in range(1, agents + 1))
    assert rows_here >= min(2, agents)
    assert sum(f"Agen Nomor {i:02d}" in "".join(pages) for i in range(1, agents + 1)) == agents
    if end > 0:  # the header repeats on the page of the table's end
        assert "Nama Agen" in page


def test_cli_export_fees(fee_setup, tmp_path, capsys, monkeypatch):  # noqa: F811
    from tests.conftest import ADMIN_PASSWORD

    monkeypatch.setenv("PESIAR_PASSWORD", ADMIN_PASSWORD)  # `export` logs in (as admin)
    db, _agents, _s = fee_setup
    url = str(db.engine.url.render_as_string(hide_password=False))
    base = ["--database-url", url, "--data-dir", str(tmp_path / "data")]
    pdf = tmp_path / "honor.pdf"
    assert main([*base, "export", "fees", "--month", "2026-11", str(pdf)]) == 0
    said = capsys.readouterr().out
    assert "Daftar pembayaran honor November 2026" in said and "diterima bersih" in said
    assert "DAFTAR PEMBAYARAN HONORARIUM" in _flat(pdf.read_bytes())
    xlsx = tmp_path / "honor.xlsx"
    assert main([*base, "export", "fees", "--month", "2026-11", str(xlsx)]) == 0
    rows = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_name("Daftar pembayaran")
    table = rows.to_python()
    assert table[0][0] == "DAFTAR PEMBAYARAN HONORARIUM DAN INSENTIF AGEN PESIAR"
    header = next(r for r in table if r and r[0] == "No")
    assert header[11:14] == ["Jumlah bruto (Rp)", "PPh 21 2,5\u00a0% (Rp)", "Diterima bersih (Rp)"]
    total = next(r for r in table if r[1] == "JUMLAH")
    assert total[13] == total[11] - total[12]
    assert any("Terbilang diterima bersih" in str(r[1]) for r in table)
    assert main([*base, "export", "fees", "--month", "2026-13", str(xlsx)]) == 1
    assert main([*base, "export", "fees", "--month", "2026-11", str(tmp_path / "x.csv")]) == 1
