"""The Petakan target list and its per-area summary as a workbook (`targets --export` and
the Petakan page's export), written through `reports.workbook`: a resident's name is text,
never a formula; NIK and No KK are text cells."""

from __future__ import annotations

from pathlib import Path

from pesiar_desktop.reportdata.targets import TargetExport
from pesiar_desktop.reports.workbook import new_workbook, print_setup, title_rows

LIST_HEADERS = (
    ("Dusun", 16),
    ("RW", 5),
    ("RT", 5),
    ("No KK", 19),
    ("NIK", 19),
    ("Nama", 28),
    ("JK", 4),
    ("Umur", 6),
    ("Kategori", 22),
    ("Status JKN", 20),
    ("Segmen", 14),
    ("Bulan tunggakan", 10),
    ("Desil", 6),
    ("Prioritas", 9),
    ("Alasan prioritas", 24),
    ("Pemberi kerja", 24),
)
SUMMARY_HEADERS = (
    ("Dusun", 20),
    ("RW", 6),
    ("RT", 6),
    ("Penduduk", 11),
    ("Terdaftar", 11),
    ("Aktif", 11),
    ("Sasaran", 11),
    ("Prioritas", 11),
    ("Cakupan", 11),
    ("Keaktifan", 11),
)
IDENT_COLUMNS = (1, 2, 3, 4)  # RW, RT, No KK, NIK


def write_targets_xlsx(data: TargetExport, path: Path | str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book = new_workbook(path, title="Sasaran PESIAR", company=data.village_title)
    border = {"border": 1, "border_color": "#9E9E9E", "valign": "top"}
    title = book.add_format({"bold": True, "font_size": 12})
    header = book.add_format(
        {**border, "bold": True, "bg_color": "#E8EEF5", "text_wrap": True, "valign": "vcenter"}
    )
    text = book.add_format(border)
    ident = book.add_format({**border, "num_format": "@"})
    number = book.add_format({**border, "num_format": "#,##0"})
    pct = book.add_format({**border, "num_format": "0.00%"})
    bold_text = book.add_format({**border, "bold": True})
    bold_number = book.add_format({**border, "bold": True, "num_format": "#,##0"})
    bold_pct = book.add_format({**border, "bold": True, "num_format": "0.00%"})
    lines = [data.village_title] if data.village_title else []
    if data.filter_note:
        lines.append(data.filter_note)

    ws = book.add_worksheet("Sasaran")
    top = title_rows(
        ws, "DAFTAR SASARAN PESIAR", lines, title_format=title, printed_on=data.printed_on
    )
    for column, (label, width) in enumerate(LIST_HEADERS):
        ws.set_column(column, column, width)
        ws.write_string(top, column, label, header)
    row = top + 1
    for t in data.lines:
        values = [
            t.dusun, t.rw, t.rt, t.no_kk, t.nik, t.name, t.sex, t.age, t.category, t.status,
            t.segment, t.months_in_arrears, t.welfare_decile, t.priority, t.reasons, t.employer,
        ]  # fmt: skip
        for column, value in enumerate(values):
            if column in IDENT_COLUMNS:
                ws.write_string(row, column, str(value), ident)
            elif value is None:
                ws.write_blank(row, column, None, text)
            elif isinstance(value, int):
                ws.write_number(row, column, value, number)
            else:
                ws.write_string(row, column, value, text)
        row += 1
    ws.write_string(row + 1, 0, f"Jumlah: {len(data.lines)} orang", book.add_format({"bold": True}))
    ws.freeze_panes(top + 1, 0)
    ws.autofilter(top, 0, max(top, row - 1), len(LIST_HEADERS) - 1)
    print_setup(ws, header_row=top)

    summary = book.add_worksheet("Ringkasan wilayah")
    top = title_rows(
        summary,
        "RINGKASAN SASARAN PER WILAYAH",
        [data.village_title] if data.village_title else [],
        title_format=title,
        printed_on=data.printed_on,
    )
    for column, (label, width) in enumerate(SUMMARY_HEADERS):
        summary.set_column(column, column, width)
        summary.write_string(top, column, label, header)
    row = top + 1
    for area in data.areas:
        is_dusun = area.rt_id is None
        fmt_text, fmt_number, fmt_pct = (
            (bold_text, bold_number, bold_pct) if is_dusun else (text, number, pct)
        )
        summary.write_string(row, 0, area.dusun, fmt_text)
        summary.write_string(row, 1, area.rw, fmt_text)
        summary.write_string(row, 2, area.rt, fmt_text)
        for column, value in enumerate(
            (area.residents, area.registered, area.active, area.targets, area.priority_targets),
            start=3,
        ):
            summary.write_number(row, column, value, fmt_number)
        # Percentages as numbers with a percent format (a reader can sort and sum them).
        summary.write_number(row, 8, area.coverage_pct / 100, fmt_pct)
        summary.write_number(row, 9, area.active_pct / 100, fmt_pct)
        row += 1
    summary.freeze_panes(top + 1, 0)
    print_setup(summary, header_row=top)
    book.close()
    return path
