"""The lembar kerja sisir as a workbook: one row per family member, the family's columns
repeated, blank columns for the outcome code, reason, revisit date and notes. NIK and
No KK are text cells (through `reports.workbook`, like every other text). "Jadwal" is the
plan's next date for the family (the schedule, or the revisit asked for). The families the
plan leaves out (moved, died, registered) are counted in the title and listed on their own
sheet; a last sheet lists the outcome and reason codes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from pesiar_desktop.reportdata.fieldwork import PlanView
from pesiar_desktop.reports.workbook import new_workbook, print_setup, title_rows
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules.formatting import long_date
from pesiar_desktop.rules.nik import mask_nik

HEADERS = [
    "Jadwal",
    "Wilayah",
    "No KK",
    "Kepala Keluarga",
    "Alamat",
    "Prioritas",
    "NIK",
    "Nama",
    "Hubungan",
    "Umur",
    "Status JKN",
    "Sasaran",
    "Hasil (1-7)",
    "Alasan menolak",
    "Tgl kunjungan ulang",
    "Catatan",
]
WIDTHS = [12, 28, 19, 24, 26, 9, 19, 26, 14, 6, 30, 8, 10, 16, 14, 30]
NIK_COLUMNS = (2, 6)  # 0-based


def write_worksheet_xlsx(
    plan: PlanView,
    path: Path | str,
    *,
    masked: bool = False,
    village_title: str = "",
    printed_on: date | None = None,
) -> Path:
    show = mask_nik if masked else (lambda value: value)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book = new_workbook(path, title="Lembar kerja sisir", company=village_title)
    border = {"border": 1, "border_color": "#9E9E9E", "valign": "top"}
    title_fmt = book.add_format({"bold": True, "font_size": 12})
    header = book.add_format(
        {**border, "bold": True, "bg_color": "#E8EEF5", "text_wrap": True, "valign": "vcenter"}
    )
    text = book.add_format({**border, "text_wrap": True})
    ident = book.add_format({**border, "num_format": "@"})
    number = book.add_format({**border, "align": "center"})
    date_fmt = book.add_format({**border, "num_format": "dd-mm-yyyy", "align": "center"})
    bold = book.add_format({"bold": True})

    sheet = book.add_worksheet("Lembar kerja")
    a = plan.assignment
    lines = [village_title] if village_title else []
    lines.append(
        f"Agen: {a.agent_name}, masa tugas {long_date(a.period_start)} – {long_date(a.period_end)}"
    )
    if plan.left_out:
        lines.append(plan.left_out_text() + " (lihat lembar 'Tidak dicantumkan')")
    header_row = title_rows(
        sheet, "LEMBAR KERJA SISIR", lines, title_format=title_fmt, printed_on=printed_on
    )
    for column, (label, width) in enumerate(zip(HEADERS, WIDTHS, strict=True)):
        sheet.set_column(column, column, width)
        sheet.write_string(header_row, column, label, header)
    sheet.set_row(header_row, 30)
    row = header_row + 1
    for family in plan.families:
        for member in family.members:
            values = [
                family.next_on,
                family.area_label,
                show(family.no_kk),
                family.head_name,
                family.address,
                family.priority,
                show(member.nik),
                member.name,
                codes.label(codes.SHDK, member.shdk),
                member.age,
                member.status_label,
                "ya" if member.category else "",
                None,
                None,
                None,
                None,
            ]
            for column, value in enumerate(values):
                if column in NIK_COLUMNS:
                    sheet.write_string(row, column, value, ident)
                elif isinstance(value, date):
                    sheet.write_datetime(row, column, value, date_fmt)
                elif isinstance(value, int):
                    sheet.write_number(row, column, value, number)
                elif value is None:
                    sheet.write_blank(row, column, None, text)
                else:
                    sheet.write_string(row, column, value, text)
            row += 1
    sheet.freeze_panes(header_row + 1, 2)
    sheet.autofilter(header_row, 0, max(header_row, row - 1), len(HEADERS) - 1)
    sheet.write_string(
        row + 1, 0, f"Jumlah: {len(plan.families)} KK, {row - header_row - 1} jiwa", bold
    )
    print_setup(sheet, header_row=header_row)
    if plan.left_out:
        _left_out_sheet(book, plan, show, header, text, ident)
    legend = book.add_worksheet("Kode hasil")
    legend.write_values(0, 0, ["Kode", "Hasil kunjungan"], bold)
    r = 1
    for key, code in fc.OUTCOME_KEYS.items():
        legend.write_values(r, 0, [str(key), fc.VISIT_OUTCOMES[code]])
        r += 1
    r += 1
    legend.write_values(r, 0, ["Kode", "Alasan menolak"], bold)
    for letter, label in zip("abcd", fc.REFUSAL_REASONS.values(), strict=False):
        r += 1
        legend.write_values(r, 0, [letter, label])
    legend.set_column(1, 1, 34)
    book.close()
    return path


def _left_out_sheet(
    book: Any, plan: PlanView, show: Callable[[str], str], header: Any, text: Any, ident: Any
) -> None:
    sheet = book.add_worksheet("Tidak dicantumkan")
    labels = ["No KK", "Kepala Keluarga", "Wilayah", "Alasan", "Diketahui dari"]
    for column, (label, width) in enumerate(zip(labels, (19, 30, 30, 36, 50), strict=True)):
        sheet.set_column(column, column, width)
        sheet.write_string(0, column, label, header)
    for row, family in enumerate(plan.left_out, start=1):
        sheet.write_string(row, 0, show(family.no_kk), ident)
        sheet.write_values(
            row,
            1,
            [family.head_name, family.area_label, family.reason_label, family.detail],
            text,
        )
    print_setup(sheet, header_row=0)
