"""The list of residents the village proposes for PBPU Pemda / PBI to the Dinas Sosial,
and the report of employers that have not registered their workers (for the BPJS branch).

One row per person. Every text (NIK and No KK included) is a text cell written through
`reports.workbook`, so Excel never turns a NIK into 5.20114E+15 nor a name into a formula
on the receiving side.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from pesiar_desktop.reportdata.registrations import RegistrationDetail
from pesiar_desktop.reports.workbook import SafeWorkbook, new_workbook, print_setup, title_rows
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
WIDTHS = [5, 19, 28, 12, 13, 18, 19, 28, 28, 11, 14, 22, 30]
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


class _Formats:
    def __init__(self, book: SafeWorkbook):
        border = {"border": 1, "border_color": "#9E9E9E", "valign": "top"}
        self.title = book.add_format({"bold": True, "font_size": 12})
        self.header = book.add_format(
            {**border, "bold": True, "bg_color": "#E8EEF5", "text_wrap": True, "valign": "vcenter"}
        )
        self.text = book.add_format({**border, "text_wrap": True})
        self.ident = book.add_format({**border, "num_format": "@"})
        self.number = book.add_format({**border, "align": "center"})
        self.date = book.add_format({**border, "num_format": "dd-mm-yyyy", "align": "center"})
        self.bold = book.add_format({"bold": True})


def _table(
    book: SafeWorkbook,
    sheet_name: str,
    title: str,
    lines: list[str],
    headers: Sequence[str],
    widths: Sequence[float],
    rows: list[list[Any]],
    ident_columns: Sequence[int],
    printed_on: date | None,
) -> tuple[Any, _Formats, int]:
    """Title block, header, one row per person; returns the sheet and the next free row."""
    f = _Formats(book)
    ws = book.add_worksheet(sheet_name)
    header_row = title_rows(ws, title, lines, title_format=f.title, printed_on=printed_on)
    for column, (label, width) in enumerate(zip(headers, widths, strict=True)):
        ws.set_column(column, column, width)
        ws.write_string(header_row, column, label, f.header)
    ws.set_row(header_row, 30)
    row = header_row + 1
    for values in rows:
        for column, value in enumerate(values):
            if column in ident_columns:
                ws.write_string(row, column, value or "", f.ident)
            elif isinstance(value, date):
                ws.write_datetime(row, column, value, f.date)
            elif isinstance(value, int):
                ws.write_number(row, column, value, f.number)
            elif value is None:
                ws.write_blank(row, column, None, f.text)
            else:
                ws.write_string(row, column, value, f.text)
        row += 1
    ws.freeze_panes(header_row + 1, 0)
    print_setup(ws, header_row=header_row)
    return ws, f, row + 1


def write_proposal_xlsx(
    details: list[RegistrationDetail],
    deciles: dict[int, int | None],
    path: Path | str,
    *,
    village_title: str = "",
    printed_on: date | None = None,
) -> tuple[Path, int]:
    rows: list[list[Any]] = []
    for reg in details:
        for member in reg.sendable:
            rows.append(
                [
                    len(rows) + 1,
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
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book = new_workbook(path, title="Usulan peserta PBPU Pemda / PBI JK", company=village_title)
    lines = [village_title] if village_title else []
    if details:
        first = min(d.registered_on for d in details)
        last = max(d.registered_on for d in details)
        lines.append(f"Periode usulan: {long_date(first)} – {long_date(last)}")
    ws, f, row = _table(
        book,
        "Usulan PBI",
        "USULAN PESERTA PBPU PEMDA / PBI JK",
        lines,
        HEADERS,
        WIDTHS,
        rows,
        (1, 6),
        printed_on,
    )
    ws.write_string(row, 0, f"Jumlah: {len(rows)} jiwa dari {len(details)} KK", f.bold)
    book.close()
    return path, len(rows)


def write_employer_report_xlsx(
    details: list[RegistrationDetail],
    path: Path | str,
    *,
    village_title: str = "",
    printed_on: date | None = None,
) -> tuple[Path, int]:
    """Employers that have not registered their workers (PPU BU), for the BPJS branch:
    one row per reported person, NIK and No KK as text."""
    rows: list[list[Any]] = []
    for reg in sorted(details, key=lambda d: (d.employer_name.lower(), d.registered_on)):
        for member in reg.sendable:
            rows.append(
                [
                    len(rows) + 1,
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
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book = new_workbook(path, title="Laporan pemberi kerja (PPU BU)", company=village_title)
    ws, f, row = _table(
        book,
        "Laporan PPU BU",
        "LAPORAN PEMBERI KERJA BELUM MENDAFTARKAN PEKERJA (PPU BU)",
        [village_title] if village_title else [],
        EMPLOYER_HEADERS,
        EMPLOYER_WIDTHS,
        rows,
        (3, 6),
        printed_on,
    )
    employers = len({d.employer_name.strip().lower() for d in details})
    ws.write_string(row, 0, f"Jumlah: {len(rows)} orang, {employers} pemberi kerja", f.bold)
    book.close()
    return path, len(rows)
