"""The lembar kerja sisir as a workbook: one row per family member, the family's columns
repeated, blank columns for the outcome code, reason, revisit date and notes. NIK and
No KK are text cells. A second sheet lists the outcome and reason codes."""

from __future__ import annotations

from pathlib import Path

from pesiar_desktop.reportdata.fieldwork import PlanView
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules.nik import mask_nik

HEADERS = [
    "Jadwal",
    "Wilayah",
    "No KK",
    "Kepala keluarga",
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
NIK_COLUMNS = (3, 7)


def write_worksheet_xlsx(plan: PlanView, path: Path | str, *, masked: bool = False) -> Path:
    # openpyxl is imported on first use, not at start-up: the pages import this module
    # (through services.visit_plans) when the window opens.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    show = mask_nik if masked else (lambda value: value)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Lembar kerja"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8EEF5")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for family in plan.families:
        for member in family.members:
            sheet.append(
                [
                    family.planned_on,
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
            )
            row = sheet.max_row
            for column in NIK_COLUMNS:
                sheet.cell(row, column).number_format = "@"
            sheet.cell(row, 1).number_format = "DD-MM-YYYY"
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = sheet.dimensions
    legend = book.create_sheet("Kode hasil")
    legend.append(["Kode", "Hasil kunjungan"])
    for key, code in fc.OUTCOME_KEYS.items():
        legend.append([key, fc.VISIT_OUTCOMES[code]])
    legend.append([])
    legend.append(["Kode", "Alasan menolak"])
    for letter, label in zip("abcd", fc.REFUSAL_REASONS.values(), strict=False):
        legend.append([letter, label])
    for row in (1, len(fc.OUTCOME_KEYS) + 3):
        for cell in legend[row]:
            cell.font = Font(bold=True)
    legend.column_dimensions["B"].width = 34
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
