"""The import report workbook: rejected rows to fix and import again, warnings, and what
the import left for a person (changes to confirm, rows not in the register, members
missing from a BPJS list).

The first sheet keeps the file's original columns, every cell written as text (so a NIK
cannot be damaged again), with an `Alasan` column the importer ignores.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pesiar_desktop.reports.workbook import SafeWorkbook, new_workbook


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


def _sheet(book: SafeWorkbook, name: str, headers: list[str], rows: list[list[Any]]) -> None:
    bold = book.add_format({"bold": True})
    ws = book.add_worksheet(name)
    ws.write_values(0, 0, headers, bold)
    widths = [len(h) + 2 for h in headers]
    for r, values in enumerate(rows, start=1):
        ws.write_values(r, 0, values)
        if r <= 200:
            for c, value in enumerate(values[: len(widths)]):
                widths[c] = max(widths[c], len(str(value or "")) + 2)
    for c, width in enumerate(widths):
        ws.set_column(c, c, min(60, max(10, width)))
    ws.freeze_panes(1, 0)


def write_import_report(report: ImportReport, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    book = new_workbook(path, title="Laporan impor")
    headers = list(report.headers)
    rejected: list[list[Any]] = []
    for row_number, reason, values in report.rejected:
        padded = [str(v) for v in values] + [""] * (len(headers) - len(values))
        rejected.append([*padded[: len(headers)], reason, row_number])
    _sheet(book, "Ditolak", [*headers, "Alasan", "Baris asal"], rejected)
    _sheet(book, "Peringatan", ["Baris", "NIK", "Peringatan"], [list(w) for w in report.warnings])
    if report.pending is not None:
        _sheet(
            book,
            "Perlu konfirmasi",
            ["Baris", "NIK", "Nama", "Perubahan", "Sebelum", "Sesudah", "Kunci"],
            [list(change) for change in report.pending],
        )
    else:
        _sheet(
            book,
            "Tidak di register",
            ["Baris", "NIK/No KK", "Keterangan"],
            [list(note) for note in report.not_in_register or []],
        )
        if report.missing_from_list is not None:
            _sheet(
                book,
                "Tidak ada di daftar",
                ["NIK", "Nama", "Status di register"],
                [list(item) for item in report.missing_from_list],
            )
    book.close()
    return path
