"""The list of residents the village proposes for PBPU Pemda / PBI to the Dinas Sosial.

One row per proposed person. NIK and No KK are written as text cells (format "@") so
Excel never turns them into 5.20114E+15 on the receiving side.
"""

from __future__ import annotations

from pathlib import Path

from pesiar_desktop.reportdata.registrations import RegistrationDetail
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.formatting import long_date

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
    # openpyxl is imported on first use, not at start-up: the pages import this module
    # (through services.registrations) when the window opens.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

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


EMPLOYER_HEADERS = [
    "No",
    "Pemberi kerja (badan usaha)",
    "Alamat pemberi kerja",
    "NIK pekerja / anggota",
    "Nama",
    "Hubungan dalam keluarga",
    "No KK",
    "Alamat",
    "Wilayah",
    "Tanggal laporan",
    "Nomor tanda terima",
    "Status",
]
EMPLOYER_WIDTHS = [5, 30, 30, 19, 28, 18, 19, 28, 28, 14, 22, 14]


def write_employer_report_xlsx(
    details: list[RegistrationDetail], path: Path | str, *, village_title: str = ""
) -> tuple[Path, int]:
    """Employers that have not registered their workers (PPU BU), for the BPJS branch:
    one row per reported person, NIK and No KK as text."""
    # openpyxl is imported on first use, not at start-up: the pages import this module
    # (through services.registrations) when the window opens.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Laporan PPU BU"
    sheet.append(
        [f"LAPORAN PEMBERI KERJA BELUM MENDAFTARKAN PEKERJA (PPU BU) — {village_title}".strip(" —")]
    )
    sheet["A1"].font = Font(bold=True, size=12)
    sheet.append([])
    sheet.append(EMPLOYER_HEADERS)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8EEF5")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    number = 0
    for reg in sorted(details, key=lambda d: (d.employer_name.lower(), d.registered_on)):
        for member in reg.included:
            number += 1
            sheet.append(
                [
                    number,
                    reg.employer_name,
                    reg.employer_address,
                    member.nik,
                    member.name,
                    codes.label(codes.SHDK, member.shdk),
                    reg.no_kk,
                    reg.address,
                    reg.area_label,
                    reg.registered_on,
                    reg.receipt_number,
                    reg.status_label,
                ]
            )
            row = sheet.max_row
            for column in (4, 7):
                sheet.cell(row, column).number_format = "@"
            sheet.cell(row, 10).number_format = "DD-MM-YYYY"
    for index, width in enumerate(EMPLOYER_WIDTHS, start=1):
        sheet.column_dimensions[sheet.cell(header_row, index).column_letter].width = width
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.append([])
    employers = len({d.employer_name.strip().lower() for d in details})
    sheet.append([f"Jumlah: {number} orang, {employers} pemberi kerja"])
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path, number
