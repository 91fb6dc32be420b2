"""Buku Keputusan Kepala Desa (Permendagri 47/2016) as .xlsx: every approved or revoked SK."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pesiar_desktop.reportdata.letters import RegisterEntry
from pesiar_desktop.reportdata.village import VillageProfile
from pesiar_desktop.reports.workbook import new_workbook
from pesiar_desktop.rules.formatting import long_date

HEADERS = (
    ("NO", 5),
    ("NOMOR DAN TANGGAL KEPUTUSAN KEPALA DESA", 30),
    ("TENTANG", 40),
    ("URAIAN SINGKAT", 50),
    ("TANGGAL DILAPORKAN", 18),
    ("KETERANGAN", 30),
)


def export(
    rows: Sequence[RegisterEntry],
    profile: VillageProfile | None,
    path: Path | str,
    year: int | None = None,
) -> Path:
    """Write the register (all years, or one) and return the path."""
    path = Path(path)
    book = new_workbook(path, title="Buku Keputusan Kepala Desa")
    title = book.add_format({"bold": True, "font_size": 13, "align": "center"})
    border = {"border": 1, "valign": "top", "text_wrap": True}
    header = book.add_format({**border, "bold": True, "align": "center", "bg_color": "#E7E6E6"})
    cell = book.add_format(border)
    centre = book.add_format({**border, "align": "center"})
    ws = book.add_worksheet("Buku Keputusan")
    last = len(HEADERS) - 1
    ws.merge_range(0, 0, 0, last, "BUKU KEPUTUSAN KEPALA DESA", title)
    where = ""
    if profile:
        where = f"{profile.title.upper()} KECAMATAN {profile.kecamatan_name.upper()}"
    ws.merge_range(1, 0, 1, last, f"{where} TAHUN {year}" if year else where, title)
    for col, (label, width) in enumerate(HEADERS):
        ws.set_column(col, col, width)
        ws.write_string(3, col, label, header)
        ws.write_number(4, col, col + 1, centre)
    for i, row in enumerate(rows, 1):
        r = 4 + i
        remarks = row.remarks
        if row.revoked:
            remarks = f"Dicabut: {row.revoke_reason}" + (f"; {remarks}" if remarks else "")
        ws.write_number(r, 0, i, centre)
        ws.write_string(r, 1, f"{row.number}\n{long_date(row.letter_date)}", cell)
        ws.write_string(r, 2, row.subject, cell)
        ws.write_string(r, 3, row.summary, cell)
        ws.write_string(r, 4, long_date(row.reported_on), cell)
        ws.write_string(r, 5, remarks, cell)
    ws.repeat_rows(3)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    book.close()
    return path
