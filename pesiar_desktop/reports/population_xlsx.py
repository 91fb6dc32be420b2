"""Laporan bulanan penduduk as .xlsx: one sheet, a row per dusun and the village total,
two header rows (group, then L/P), sums as formulas, the kepala desa's signature."""

from __future__ import annotations

from pathlib import Path

from xlsxwriter.utility import xl_rowcol_to_cell

from pesiar_desktop.reportdata.population import COLUMNS, PopulationReport
from pesiar_desktop.reports.workbook import new_workbook, print_setup, title_rows
from pesiar_desktop.rules.formatting import long_date, month_year

FIRST_COUNT = 2  # columns: No, Dusun, then the counts


def write_population_xlsx(data: PopulationReport, path: Path | str, *, paper: str = "A4") -> Path:
    path = Path(path)
    p = data.profile
    book = new_workbook(
        path,
        title=f"Laporan bulanan penduduk {month_year(data.month)} — {p.title}",
        company=p.title,
    )
    border = {"border": 1, "border_color": "#808080", "valign": "vcenter"}
    title = book.add_format({"bold": True, "font_size": 14})
    line = book.add_format({"font_size": 11})
    header = book.add_format(
        {**border, "bold": True, "bg_color": "#DDEBF7", "align": "center", "text_wrap": True}
    )
    text = book.add_format(border)
    count = book.add_format({**border, "num_format": "#,##0"})
    total_text = book.add_format({**border, "bold": True, "bg_color": "#F2F2F2", "top": 2})
    total_count = book.add_format(
        {**border, "bold": True, "bg_color": "#F2F2F2", "top": 2, "num_format": "#,##0"}
    )
    note = book.add_format({"italic": True, "font_color": "#555555"})
    name_fmt = book.add_format({"bold": True, "underline": True})

    ws = book.add_worksheet("Laporan")
    row = title_rows(
        ws,
        "LAPORAN BULANAN PENDUDUK",
        [
            f"{p.title}, Kecamatan {p.kecamatan_name}, {p.kabupaten_name}",
            f"Bulan {month_year(data.month)} "
            f"({long_date(data.month)} s.d. {long_date(data.month_end)})",
        ],
        title_format=title,
        line_format=line,
        printed_on=data.generated_on,
    )
    top = row
    ws.merge_range(top, 0, top + 1, 0, "No", header)
    ws.merge_range(top, 1, top + 1, 1, "Dusun", header)
    column = FIRST_COUNT
    groups: list[tuple[str, int, int]] = []
    for group, sub in COLUMNS:
        if groups and groups[-1][0] == group:
            groups[-1] = (group, groups[-1][1], column)
        else:
            groups.append((group, column, column))
        ws.write_string(top + 1, column, sub, header)
        column += 1
    for group, start, end in groups:
        if start == end:
            ws.write_string(top, start, group, header)
        else:
            ws.merge_range(top, start, top, end, group, header)
    ws.set_column(0, 0, 5)
    ws.set_column(1, 1, 22)
    ws.set_column(FIRST_COUNT, column - 1, 8.5)
    row = top + 2
    first_data = row
    for number, entry in enumerate(data.rows, start=1):
        ws.write_number(row, 0, number, text)
        ws.write_string(row, 1, entry.dusun, text)
        for offset, value in enumerate(entry.counts()):
            ws.write_number(row, FIRST_COUNT + offset, value, count)
        row += 1
    ws.write_string(row, 0, "", total_text)
    ws.write_string(row, 1, "JUMLAH", total_text)
    for offset, value in enumerate(data.total.counts()):
        col = FIRST_COUNT + offset
        if data.rows:
            cells = f"{xl_rowcol_to_cell(first_data, col)}:{xl_rowcol_to_cell(row - 1, col)}"
            ws.write_formula(row, col, f"=SUM({cells})", total_count, value)
        else:
            ws.write_number(row, col, value, total_count)
    row += 2
    for sentence in (
        "Awal bulan = penduduk hidup pada akhir hari sebelum tanggal 1 (sama dengan akhir "
        "bulan sebelumnya); akhir bulan = pada akhir hari terakhir bulan ini.",
        "Awal + lahir + pendatang − meninggal − pindah/pergi = akhir, untuk setiap dusun. "
        "KK = Kartu Keluarga dengan sedikitnya satu anggota hidup.",
    ):
        ws.write_string(row, 1, sentence, note)
        row += 1
    office = "Lurah" if p.is_kelurahan else "Kepala Desa"
    sign = column - 5
    ws.write_string(row + 1, sign, f"{p.desa_name}, {long_date(data.generated_on)}")
    ws.write_string(row + 2, sign, f"{office} {p.desa_name},")
    ws.write_string(row + 7, sign, p.kepala_desa_name or "(nama kepala desa)", name_fmt)
    ws.freeze_panes(top + 2, 2)
    print_setup(ws, header_row=None, paper=paper, footer=f"Laporan penduduk {p.title}")
    ws.repeat_rows(top, top + 1)
    book.close()
    return path
