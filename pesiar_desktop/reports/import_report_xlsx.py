"""The import report workbook: rejected rows to fix and import again, warnings, and what
the import left for a person (changes to confirm, rows not in the register, members
missing from a BPJS list).

The first sheet keeps the file's original columns, every cell written as text (so a NIK
cannot be damaged again), with an `Alasan` column the importer ignores.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ImportReport:
    """What the workbook shows, as plain values."""

    headers: list[str]
    rejected: list[tuple[int, str, list[str]]]  # row number, reason, the row's cells as text
    warnings: list[tuple[int, str, str]]  # row number, NIK, warning
    # A resident import: row, NIK, name, change, before, after, confirmation key.
    pending: list[tuple[int, str, str, str, str, str, str]] | None = None
    # A list import: row, NIK / No KK, note.
    not_in_register: list[tuple[int, str, str]] | None = None
    # A BPJS list: NIK, name, status in the register.
    missing_from_list: list[tuple[str, str, str]] | None = None


def write_import_report(report: ImportReport, path: Path) -> Path:
    from openpyxl import Workbook  # only when a report is written: keeps start-up light
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Ditolak"
    headers = list(report.headers)
    sheet.append([*headers, "Alasan", "Baris asal"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row_number, reason, values in report.rejected:
        padded = values + [""] * (len(headers) - len(values))
        sheet.append([*padded[: len(headers)], reason, row_number])
    for row in sheet.iter_rows(min_row=2):
        for cell in row[: len(headers)]:
            cell.number_format = "@"
            cell.data_type = "s"
    notes = workbook.create_sheet("Peringatan")
    notes.append(["Baris", "NIK", "Peringatan"])
    for warning in report.warnings:
        notes.append(list(warning))
    if report.pending is not None:
        confirm = workbook.create_sheet("Perlu konfirmasi")
        confirm.append(["Baris", "NIK", "Nama", "Perubahan", "Sebelum", "Sesudah", "Kunci"])
        for change in report.pending:
            confirm.append(list(change))
    else:
        missing = workbook.create_sheet("Tidak di register")
        missing.append(["Baris", "NIK/No KK", "Keterangan"])
        for note in report.not_in_register or []:
            missing.append(list(note))
        if report.missing_from_list is not None:
            absent = workbook.create_sheet("Tidak ada di daftar")
            absent.append(["NIK", "Nama", "Status di register"])
            for item in report.missing_from_list:
                absent.append(list(item))
    for ws in workbook.worksheets:
        for column in ws.columns:
            letter = column[0].column_letter
            ws.column_dimensions[letter].width = min(
                60, max(10, *(len(str(c.value or "")) + 2 for c in column[:200]))
            )
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path
