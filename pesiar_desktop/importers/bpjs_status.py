"""BPJS membership lists (a branch's list of the village's members) -> checked rows.

The file-only half of a BPJS list import: every row becomes a membership state for
one NIK, or a rejection naming its columns. Matching with the register and writing
live in `services.imports.bpjs`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pesiar_desktop import clock
from pesiar_desktop.importers import formats
from pesiar_desktop.importers.formats import ColumnMapping
from pesiar_desktop.importers.reader import ImportFileError, SheetTable
from pesiar_desktop.importers.residents import RowNote
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import import_values as iv
from pesiar_desktop.rules.import_values import Cell, ValueProblem, cell_text
from pesiar_desktop.rules.membership import MembershipInput, validate_membership
from pesiar_desktop.rules.nik import check_nik

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 2000


@dataclass
class BpjsRow:
    row_number: int
    nik: str
    membership: MembershipInput
    laid_off: bool
    name: str


@dataclass
class ParsedBpjs:
    """The accepted rows (one per NIK), the rejected ones, and the list's date."""

    list_date: date
    rows: list[BpjsRow] = field(default_factory=list)
    rejected: list[RowNote] = field(default_factory=list)
    warnings: list[RowNote] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    cells: dict[int, list[Cell]] = field(default_factory=dict)


@dataclass
class _Columns:
    """Where each mapped field is, its header (for messages) and the mapping's own values."""

    index: dict[str, int]
    header: dict[str, str]
    values: dict[str, dict[str, str]]

    def cell(self, cells: list[Cell], name: str) -> Cell:
        return cells[self.index[name]] if name in self.index else ""


def parse_bpjs(
    table: SheetTable,
    mapping: ColumnMapping,
    list_date: date | None = None,
    progress: Progress | None = None,
) -> ParsedBpjs:
    """Checks every row; `list_date` (else a date in the title lines, else today) dates
    the history. `progress(done, total)` is called every few thousand rows."""
    index = formats.resolve_columns(table.header_keys, mapping.layout())
    missing = [formats.BPJS_FIELDS[f] for f in formats.BPJS_REQUIRED if f not in index]
    if missing:
        raise ImportFileError(f"Kolom wajib tidak ada di {table.file_name}: {', '.join(missing)}.")
    columns = _Columns(index, {f: table.headers[i] for f, i in index.items()}, mapping.values)
    found = list_date or _title_date(table)
    parsed = ParsedBpjs(found or clock.today())
    if found is None:
        parsed.notices.append(
            "Tanggal daftar tidak ditemukan di judul berkas: riwayat dicatat dengan tanggal hari ini."
        )
    seen: dict[str, int] = {}
    total = len(table.numbers)
    for done, (number, cells) in enumerate(table.rows, start=1):
        parsed.cells[number] = cells
        nik, membership, laid_off, problems, warnings = _parse_row(cells, columns, parsed.list_date)
        if not problems and nik in seen:
            problems.append(f"NIK {nik} sudah ada di baris {seen[nik]} daftar ini.")
        if problems:
            shown = nik or cell_text(columns.cell(cells, "nik"))
            parsed.rejected.append(RowNote(number, shown, "; ".join(problems)))
        else:
            seen[nik] = number
            name = cell_text(columns.cell(cells, "name"))
            parsed.rows.append(BpjsRow(number, nik, membership, laid_off, name))
            parsed.warnings.extend(RowNote(number, nik, w) for w in warnings)
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            progress(done, total)
    return parsed


def _title_date(table: SheetTable) -> date | None:
    for line in table.title_lines:
        found = iv.find_date_in_text(line)
        if found:
            return found
    return None


def _parse_row(
    cells: list[Cell], columns: _Columns, list_date: date
) -> tuple[str, MembershipInput, bool, list[str], list[str]]:
    """(NIK, membership, laid off, problems, warnings) of one row."""
    problems: list[str] = []
    warnings: list[str] = []
    nik = _nik(columns.cell(cells, "nik"), columns.header["nik"], problems)
    parsed = _membership_fields(cells, columns, problems, warnings)
    fktp = _fktp(columns.cell(cells, "fktp_code"), warnings)
    months = parsed.get("months_in_arrears") or 0
    status, laid_off = codes.STATUS_NOT_REGISTERED, False
    try:
        status, laid_off = iv.parse_membership_status(
            columns.cell(cells, "status"),
            parsed.get("segment"),
            months,
            columns.values.get("status"),
        )
    except ValueProblem as problem:
        problems.append(f"Kolom {columns.header['status']}: {problem}")
    membership = MembershipInput(
        status=status,
        segment=parsed.get("segment"),
        card_number=parsed.get("card_number") or "",
        jkn_class=parsed.get("jkn_class"),
        fktp_code=fktp,
        months_in_arrears=months,
        as_of=list_date,
    )
    if not problems:
        problems.extend(validate_membership(membership).values())
    return nik, membership, laid_off, problems, warnings


def _nik(value: Cell, header: str, problems: list[str]) -> str:
    nik = ""
    try:
        nik = iv.parse_id_number(value, "NIK")
        check = check_nik(nik)
        if check.error:
            problems.append(f"Kolom {header}: {check.error}")
    except ValueProblem as problem:
        problems.append(f"Kolom {header}: {problem}")
    return nik


def _membership_fields(
    cells: list[Cell], columns: _Columns, problems: list[str], warnings: list[str]
) -> dict[str, Any]:
    """Card number, segment, class and months in arrears, for the columns the file has."""
    segments = columns.values.get("segment")
    parsers: tuple[tuple[str, Callable[[Cell], tuple[Any, str | None]]], ...] = (
        ("card_number", iv.parse_card_number),
        ("segment", lambda v: (iv.parse_segment(v, segments), None)),
        ("jkn_class", lambda v: (iv.parse_jkn_class(v), None)),
        ("months_in_arrears", lambda v: (iv.parse_int(v, "Bulan tunggakan"), None)),
    )
    parsed: dict[str, Any] = {}
    for name, parse in parsers:
        if name not in columns.index:
            continue
        try:
            value, warning = parse(columns.cell(cells, name))
            parsed[name] = value
            if warning:
                warnings.append(warning)
        except ValueProblem as problem:
            problems.append(f"Kolom {columns.header[name]}: {problem}")
    return parsed


def _fktp(value: Cell, warnings: list[str]) -> str:
    fktp = cell_text(value).upper()
    if isinstance(value, float) and fktp and len(fktp) < 8:
        fktp = fktp.zfill(8)
        warnings.append(f"Kode FKTP tersimpan sebagai bilangan; nol di depan dikembalikan: {fktp}.")
    return fktp
