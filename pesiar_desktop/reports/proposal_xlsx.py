"""The list of residents the village proposes for PBPU Pemda / PBI to the Dinas Sosial.

One row per proposed person. NIK and No KK are written as text cells (format "@") so
Excel never turns them into 5.20114E+15 on the receiving side.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from pesiar_desktop.rules import codes
from pesiar_desktop.rules.formatting import long_date
from pesiar_desktop.services.registrations import RegistrationDetail

HEADERS = [
    "No",
    "NIK",
    "Nama",
    "Jenis kelamin",
    "Tanggal lahir",
    "Hubungan dalam keluarga",
    "No KK",
    "Alamat",
    "Wilayah",
    "Desil kesejahteraan",
    "Tanggal usulan",
    "Nomor tanda terima",
    "Keterangan",
]
TEXT_COLUMNS = (2, 7)  # NIK, No KK (1-based)
WIDTHS = [5, 19, 28, 12, 13, 18, 19, 28, 28, 11, 14, 22, 30]


def write_proposal_xlsx(
    details: list[RegistrationDetail],
    deciles: dict[int, int | None],
    path: Path | str,
    *,
    village_title: str = "",
) -> tuple[Path, int]:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Usulan PBI"
    sheet.append([f"USULAN PESERTA PBPU PEMDA / PBI JK — {village_title}".strip(" —")])
    sheet["A1"].font = Font(bold=True, size=12)
    sheet.append([])
    sheet.append(HEADERS)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8EEF5")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    number = 0
    for reg in details:
        for member in reg.included:
            number += 1
            sheet.append(
                [
                    number,
                    member.nik,
                    member.name,
                    codes.label(codes.SEX, member.sex),
                    member.birth_date,
                    codes.label(codes.SHDK, member.shdk),
                    reg.no_kk,
                    reg.address,
                    reg.area_label,
                    deciles.get(reg.family_id),
                    reg.registered_on,
                    reg.receipt_number,
                    reg.note,
                ]
            )
            row = sheet.max_row
            for column in TEXT_COLUMNS:
                sheet.cell(row, column).number_format = "@"
            sheet.cell(row, 5).number_format = "DD-MM-YYYY"
            sheet.cell(row, 11).number_format = "DD-MM-YYYY"
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[sheet.cell(header_row, index).column_letter].width = width
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.append([])
    sheet.append([f"Jumlah: {number} jiwa dari {len(details)} KK"])
    if details:
        sheet.append([f"Periode usulan: {long_date(details[0].registered_on)} – "
                      f"{long_date(details[-1].registered_on)}"])  # fmt: skip
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path, number
