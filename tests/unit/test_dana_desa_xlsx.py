"""The Dana Desa workbook ready to print (issue 15 item 8): the title rows of every
workbook (village, year, printed on), widths that fit the content, the absorption as a
number with a percent format, totals, landscape pages fitted to the width with the header
repeated and "Halaman n dari N", and the treasurer named on the signature line."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from pesiar_desktop.reportdata.dana_desa import DanaDesaData, FeeLine, FundingLine
from pesiar_desktop.reportdata.village import VillageProfile
from pesiar_desktop.reports.dana_desa_xlsx import write_dana_desa_xlsx
from tests import long_text as lt

PROFILE = VillageProfile(
    1, "52.01.01.2005", "Suka Makmur", "Gerung", "Lombok Barat", "Nusa Tenggara Barat",
    lt.ADDRESS, "83363", "", "", lt.KADES, "", False, bendahara_name="BAIQ SRI HANDAYANI, S.E.",
)  # fmt: skip


def _data() -> DanaDesaData:
    lines = [
        FeeLine(1, lt.AGENT, date(2026, 1, 1), date(2026, 12, 31), 12_000_000,
                (500_000,) * 10 + (0, 0), 0, 530_000, 41, 3, 22_500),
        FeeLine(2, "SITI RAHMAWATI", date(2026, 3, 1), date(2026, 12, 31), 6_000_000,
                (0, 0) + (450_000,) * 8 + (0, 0), 250_000, 0, 12, 0, 0),
    ]  # fmt: skip
    return DanaDesaData(
        PROFILE,
        2026,
        date(2026, 11, 23),
        [FundingLine("1.02.03", "Pengelolaan jaminan kesehatan desa (agen PESIAR)", lines)],
    )


def _width(ws, column: int) -> float:
    return next(d.width for d in ws.column_dimensions.values() if d.min <= column <= d.max)


def test_dana_desa_workbook_ready_to_print(tmp_path):
    path = write_dana_desa_xlsx(_data(), tmp_path / "dana.xlsx")
    ws = load_workbook(path)["Realisasi"]
    # Title rows: what, which village and year, printed on; the header below them.
    assert ws["A1"].value == "REALISASI HONOR DAN INSENTIF AGEN PESIAR — DANA DESA 2026"
    assert ws["A1"].font.b
    assert ws["A2"].value.startswith("Desa Suka Makmur, Kecamatan Gerung, Lombok Barat")
    assert "Tahun anggaran 2026" in ws["A2"].value
    assert ws["A3"].value == "Dicetak 23 November 2026"
    header = [c.value for c in ws[5]]
    assert header[:5] == ["No", "Agen", "Mulai tugas", "Selesai tugas", "Pagu anggaran (Rp)"]
    # The new/reactivated jiwa columns stay where the readers know them (0-based 22-24).
    assert header[22:25] == [
        "Jiwa baru dibayar 2026",
        "Diaktifkan kembali 2026 (jiwa)",
        "Insentif keaktifan 2026 (Rp)",
    ]
    # Page set-up.
    assert ws.page_setup.orientation == "landscape"
    setup = ws.page_setup  # fit to one page wide (1 is the default, left out), any height
    assert ws.sheet_properties.pageSetUpPr.fitToPage and setup.fitToWidth in (None, 1)
    assert setup.fitToHeight == 0
    assert ws.print_title_rows == "$5:$5"
    assert ws.freeze_panes == "C6"
    assert "Halaman &P dari &N" in ws.oddFooter.right.text
    # Widths that fit: the 60-character agent name, a date, a money amount.
    assert _width(ws, 2) >= len(lt.AGENT) or ws.cell(row=7, column=2).alignment.wrap_text
    assert _width(ws, 3) >= len("31-12-2026")
    assert _width(ws, 5) >= len("12,000,000")
    # Absorption: a number with a percent format, as a formula with its cached value.
    pct_col = header.index("Terserap") + 1
    first = next(r for r in range(6, 20) if ws.cell(row=r, column=2).value == lt.AGENT)
    cell = ws.cell(row=first, column=pct_col)
    assert "%" in cell.number_format
    assert str(cell.value).startswith("=IF(")
    total = next(r for r in range(6, 30) if ws.cell(row=r, column=2).value == "JUMLAH SELURUHNYA")
    assert "%" in ws.cell(row=total, column=pct_col).number_format
    assert ws.cell(row=total, column=5).value.startswith("=")
    # Signatures: the treasurer's name from the village profile, the kepala desa's.
    texts = [str(c.value) for row in ws.iter_rows(min_row=total + 1) for c in row if c.value]
    assert "Kaur Keuangan / Bendahara Desa," in texts
    assert "BAIQ SRI HANDAYANI, S.E." in texts and lt.KADES in texts
    assert "(………………………………)" not in texts
    # The note on reactivations stays with the table.
    assert any(t.startswith("Dibayar per bulan honor") for t in texts)


def test_without_a_treasurer_the_line_is_left_to_fill_in(tmp_path):
    data = _data()
    data.profile = VillageProfile(**{**PROFILE.__dict__, "bendahara_name": ""})
    ws = load_workbook(write_dana_desa_xlsx(data, tmp_path / "d.xlsx"))["Realisasi"]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
    assert "(nama bendahara)" in texts
