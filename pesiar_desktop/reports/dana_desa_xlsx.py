"""Dana Desa realisation: agent fees paid per month against each assignment's budget,
grouped by APBDes funding line, with subtotals, a village total and the signatures
(the treasurer, named from the village profile, prepares; the kepala desa approves).
Title rows, page set-up and the footer come from `reports.workbook` like every workbook;
the columns are widened to their longest value (the header wraps)."""

from __future__ import annotations

from pathlib import Path

from xlsxwriter.utility import xl_rowcol_to_cell

from pesiar_desktop.reportdata.dana_desa import DanaDesaData
from pesiar_desktop.reports.workbook import new_workbook, print_setup, title_rows
from pesiar_desktop.rules.formatting import long_date

MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
HEADER_ROW = 4  # title, village and year, printed on, a blank row
AGENT_WIDTH_MAX = 45  # a longer name wraps in its cell
NOTE = (
    "Dibayar per bulan honor (kolom bulan = bulan honor) dibanding pagu penugasan. "
    "Jiwa diaktifkan kembali (peserta menunggak yang tunggakannya lunas) bukan peserta "
    "baru; insentifnya, bila desa memberikannya, dicatat terpisah."
)


def _money_width(value: int) -> int:
    return len(f"{value:,}") + 2


def write_dana_desa_xlsx(data: DanaDesaData, path: Path | str) -> Path:
    path = Path(path)
    book = new_workbook(
        path, title=f"Realisasi Dana Desa Agen PESIAR {data.year}", company=data.profile.title
    )
    border = {"border": 1, "border_color": "#9E9E9E", "valign": "vcenter"}
    title = book.add_format({"bold": True, "font_size": 14})
    subtitle = book.add_format({"font_size": 11})
    note = book.add_format({"italic": True, "font_color": "#555555"})
    header = book.add_format(
        {**border, "bold": True, "bg_color": "#DDEBF7", "text_wrap": True, "align": "center"}
    )
    text = book.add_format(border)
    agent_fmt = book.add_format({**border, "text_wrap": True})
    money = book.add_format({**border, "num_format": "#,##0"})
    date_fmt = book.add_format({**border, "num_format": "dd-mm-yyyy", "align": "center"})
    pct = book.add_format({**border, "num_format": "0.0%"})
    line_fmt = book.add_format({**border, "bold": True, "bg_color": "#FFF2CC"})
    sub_text = book.add_format({**border, "bold": True, "bg_color": "#F2F2F2"})
    sub_money = book.add_format(
        {**border, "bold": True, "bg_color": "#F2F2F2", "num_format": "#,##0"}
    )
    sub_pct = book.add_format({**border, "bold": True, "bg_color": "#F2F2F2", "num_format": "0.0%"})
    total_text = book.add_format({**border, "bold": True, "bg_color": "#D9D9D9", "top": 2})
    total_money = book.add_format(
        {**border, "bold": True, "bg_color": "#D9D9D9", "top": 2, "num_format": "#,##0"}
    )
    total_pct = book.add_format(
        {**border, "bold": True, "bg_color": "#D9D9D9", "top": 2, "num_format": "0.0%"}
    )
    name_fmt = book.add_format({"bold": True, "underline": True})

    ws = book.add_worksheet("Realisasi")
    p = data.profile
    head = title_rows(
        ws,
        f"REALISASI HONOR DAN INSENTIF AGEN PESIAR — DANA DESA {data.year}",
        [
            f"{p.title}, Kecamatan {p.kecamatan_name}, {p.kabupaten_name} · Tahun anggaran {data.year}"
        ],
        title_format=title,
        line_format=subtitle,
        printed_on=data.generated_on,
    )
    assert head == HEADER_ROW
    headers = [
        ("No", 5),
        ("Agen", 26),
        ("Mulai tugas", 11),
        ("Selesai tugas", 11),
        ("Pagu anggaran (Rp)", 14),
        *((m, 11) for m in MONTHS),
        (f"Dibayar {data.year} (Rp)", 14),
        ("Dibayar tahun sebelumnya (Rp)", 14),
        ("Sisa pagu (Rp)", 14),
        ("Terserap", 9),
        ("Tercatat belum dibayar (Rp)", 14),
        (f"Jiwa baru dibayar {data.year}", 11),
        (f"Diaktifkan kembali {data.year} (jiwa)", 12),
        (f"Insentif keaktifan {data.year} (Rp)", 13),
    ]
    widths = [width for _label, width in headers]
    lines = [line for funding in data.funding for line in funding.lines]
    longest = max((len(line.agent) for line in lines), default=0)
    widths[1] = max(widths[1], min(longest + 2, AGENT_WIDTH_MAX))
    totals = [
        *(sum(line.monthly[i] for line in lines) for i in range(12)),
        sum(line.budget for line in lines),
        sum(line.paid + line.paid_before for line in lines),
        sum(line.unpaid for line in lines),
    ]
    for column in (4, *range(5, 22), 24):  # money columns fit the village total
        widths[column] = max(widths[column], _money_width(max(totals, default=0)))
    for column, (label, _width) in enumerate(headers):
        ws.set_column(column, column, widths[column])
        ws.write_string(HEADER_ROW, column, label, header)
    ws.set_row(HEADER_ROW, 45)  # three lines of the wrapped header
    ws.freeze_panes(HEADER_ROW + 1, 2)
    # budget (4), 12 months, paid, paid before, remaining, %, unpaid (21), then what the
    # year's fees paid for: new jiwa (22), reactivated jiwa (23), reactivation incentive (24)
    last_money = 24
    paid_col, before_col, rest_col, pct_col = 17, 18, 19, 20
    summed = [4, *range(5, 17), paid_col, before_col, rest_col, 21, 22, 23, 24]

    def cell(row: int, column: int) -> str:
        return str(xl_rowcol_to_cell(row, column))

    row = HEADER_ROW + 1
    subtotal_rows: list[int] = []
    number = 0
    grand = [0] * (last_money + 1)
    for funding in data.funding:
        label = " — ".join(part for part in (funding.code, funding.name) if part)
        ws.write_string(row, 0, "", line_fmt)
        ws.write_string(row, 1, f"Kegiatan APBDes: {label or '(tanpa kode kegiatan)'}", line_fmt)
        for column in range(2, last_money + 1):
            ws.write_blank(row, column, None, line_fmt)
        row += 1
        first = row
        sums = [0] * (last_money + 1)
        for line in funding.lines:
            number += 1
            ws.write_number(row, 0, number, text)
            ws.write_string(row, 1, line.agent, agent_fmt)
            if len(line.agent) > widths[1] - 2:  # wrapped: Excel does not grow the row
                ws.set_row(row, 15 * -(-len(line.agent) // int(widths[1] - 2)))
            ws.write_datetime(row, 2, line.period_start, date_fmt)
            ws.write_datetime(row, 3, line.period_end, date_fmt)
            values = [line.budget, *line.monthly]
            for offset, value in enumerate(values):
                ws.write_number(row, 4 + offset, value, money)
            ws.write_formula(
                row, paid_col, f"=SUM({cell(row, 5)}:{cell(row, 16)})", money, line.paid
            )
            ws.write_number(row, before_col, line.paid_before, money)
            ws.write_formula(
                row,
                rest_col,
                f"={cell(row, 4)}-{cell(row, before_col)}-{cell(row, paid_col)}",
                money,
                line.remaining,
            )
            used = (line.paid + line.paid_before) / line.budget if line.budget else 0.0
            ws.write_formula(
                row,
                pct_col,
                f"=IF({cell(row, 4)}=0,0,({cell(row, paid_col)}+{cell(row, before_col)})"
                f"/{cell(row, 4)})",
                pct,
                used,
            )
            ws.write_number(row, 21, line.unpaid, money)
            ws.write_number(row, 22, line.new_people, money)
            ws.write_number(row, 23, line.reactivated_people, money)
            ws.write_number(row, 24, line.reactivation_incentive, money)
            for column, value in (
                (4, line.budget),
                *((5 + i, v) for i, v in enumerate(line.monthly)),
                (paid_col, line.paid),
                (before_col, line.paid_before),
                (rest_col, line.remaining),
                (21, line.unpaid),
                (22, line.new_people),
                (23, line.reactivated_people),
                (24, line.reactivation_incentive),
            ):
                sums[column] += value
            row += 1
        last = row - 1
        ws.write_string(row, 0, "", sub_text)
        ws.write_string(row, 1, "Jumlah kegiatan", sub_text)
        ws.write_blank(row, 2, None, sub_text)
        ws.write_blank(row, 3, None, sub_text)
        for column in summed:
            ws.write_formula(
                row,
                column,
                f"=SUM({cell(first, column)}:{cell(last, column)})",
                sub_money,
                sums[column],
            )
            grand[column] += sums[column]
        ws.write_formula(
            row,
            pct_col,
            f"=IF({cell(row, 4)}=0,0,({cell(row, paid_col)}+{cell(row, before_col)})/{cell(row, 4)})",
            sub_pct,
            (sums[paid_col] + sums[before_col]) / sums[4] if sums[4] else 0.0,
        )
        subtotal_rows.append(row)
        row += 1
    ws.write_string(row, 0, "", total_text)
    ws.write_string(row, 1, "JUMLAH SELURUHNYA", total_text)
    ws.write_blank(row, 2, None, total_text)
    ws.write_blank(row, 3, None, total_text)
    for column in summed:
        formula = "=" + ("+".join(cell(r, column) for r in subtotal_rows) or "0")
        ws.write_formula(row, column, formula, total_money, grand[column])
    ws.write_formula(
        row,
        pct_col,
        f"=IF({cell(row, 4)}=0,0,({cell(row, paid_col)}+{cell(row, before_col)})/{cell(row, 4)})",
        total_pct,
        (grand[paid_col] + grand[before_col]) / grand[4] if grand[4] else 0.0,
    )
    row += 2
    if not data.funding:
        ws.write_string(row, 1, f"Belum ada penugasan agen pada tahun {data.year}.", note)
        row += 2
    ws.write_string(row, 1, NOTE, note)
    row += 2
    ws.write_string(row, 1, "Dibuat oleh,")
    ws.write_string(row, 14, f"{p.desa_name}, {long_date(data.generated_on)}")
    ws.write_string(row + 1, 1, "Kaur Keuangan / Bendahara Desa,")
    office = "Lurah" if p.is_kelurahan else "Kepala Desa"
    ws.write_string(row + 1, 14, f"Mengetahui, {office} {p.desa_name},")
    ws.write_string(row + 6, 1, p.bendahara_name or "(nama bendahara)", name_fmt)
    ws.write_string(row + 6, 14, p.kepala_desa_name or "(nama kepala desa)", name_fmt)
    print_setup(ws, header_row=HEADER_ROW, footer=f"Realisasi Dana Desa agen PESIAR {data.year}")
    book.close()
    return path
