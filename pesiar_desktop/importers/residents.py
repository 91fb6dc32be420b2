"""Resident rows (OpenSID, SIAK or a saved mapping) -> checked records or rejections.

This is the file-only half of a resident import: every cell is parsed into a
typed value or a problem naming its column. Person rules (the add-resident
form's `validate_resident`) and the comparison with the register happen in
`services.imports`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, cast

from pesiar_desktop.importers.formats import (
    OPENSID,
    RESIDENT_FIELDS,
    RESIDENT_REQUIRED,
    SIAK,
    ColumnMapping,
    resolve_columns,
)
from pesiar_desktop.importers.reader import ImportFileError, SheetTable
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import import_values as iv
from pesiar_desktop.rules.import_values import Cell, ValueProblem, cell_text
from pesiar_desktop.rules.nik import NIK_MISSING, all_plain_digits, nik_as_written

Progress = Callable[[int, int], None]

# Optional person fields: when the column is absent or the cell blank, an update keeps
# what the register has.
CODE_FIELDS: dict[str, tuple[dict[str, object], Mapping[Any, str]]] = {
    "sex": (iv.SEX_LABELS, codes.SEX),
    "shdk": (iv.SHDK_LABELS, codes.SHDK),
    "marital_status": (iv.MARITAL_LABELS, codes.MARITAL_STATUS),
    "religion": (iv.RELIGION_LABELS, codes.RELIGION),
    "education": (iv.EDUCATION_LABELS, codes.EDUCATION),
    "occupation": (iv.OCCUPATION_LABELS, codes.OCCUPATION),
    "life_status": (iv.LIFE_STATUS_LABELS, codes.LIFE_STATUS),
    "disability": (iv.DISABILITY_LABELS, codes.DISABILITY),
    "insurance": (iv.INSURANCE_LABELS, codes.OPENSID_INSURANCE),
}
# Columns whose values hardly repeat: not worth remembering.
_UNIQUE_FIELDS = frozenset({"nik", "name", "insurance_number", "phone"})
_NON_DIGITS = re.compile(r"\D+")
_TEXT_FIELDS = ("name", "birth_place", "father_name", "mother_name", "address", "dusun", "phone")


@dataclass(slots=True)
class RowNote:
    row_number: int
    nik: str
    message: str


@dataclass
class ParsedResidents:
    """The rows whose cells all parsed, column by column, and the rows rejected.

    `columns[field][k]` is the typed value of field `field` in the k-th accepted
    row (row number `row_numbers[k]`), None where the cell was blank. Fields the
    file has no column for are absent. Required fields are never None.

    A NIK that cannot be used (blank, damaged by Excel, an impossible serial) does not
    reject its row: the person is kept with the NIK as written, and column
    `nik_problem` says why it needs fixing (None for the others; absent when none does).
    """

    file_name: str
    sheet_name: str
    file_format: str
    header_row: int
    headers: list[str]
    title_lines: list[str]
    total_rows: int
    row_numbers: list[int] = field(default_factory=list)
    columns: dict[str, list[Any]] = field(default_factory=dict)
    header_of: dict[str, str] = field(default_factory=dict)
    rejected: list[RowNote] = field(default_factory=list)
    warnings: list[RowNote] = field(default_factory=list)
    cells: Mapping[int, list[Cell]] = field(default_factory=dict)


def layout_for(file_format: str, mapping: ColumnMapping | None) -> dict[str, tuple[str, ...]]:
    if file_format == "opensid":
        return OPENSID
    if file_format == "siak":
        return SIAK
    if mapping is None:
        raise ImportFileError("Format berkas tidak dikenali: pilih atau buat pemetaan kolom.")
    return mapping.layout()


def parse_residents(
    table: SheetTable,
    file_format: str,
    mapping: ColumnMapping | None = None,
    progress: Progress | None = None,
) -> ParsedResidents:
    """Parse and validate every data row; a missing required column fails the whole file."""
    columns = _field_columns(table, layout_for(file_format, mapping))
    header_of = {f: table.headers[i] for f, i in columns.items()}
    parsed = ParsedResidents(
        table.file_name,
        table.sheet_name,
        file_format,
        table.header_row,
        table.headers,
        table.title_lines,
        len(table.numbers),
    )
    parsed.header_of = header_of
    parsed.cells = table.cells
    problems: dict[int, list[str]] = {}
    parsed_columns = _parse_columns(
        table, columns, header_of, _code_labels(mapping), problems, progress
    )
    _keep_niks_to_fix(parsed_columns, table.columns[columns["nik"]], header_of["nik"], problems)
    _note_blank_required(parsed_columns, header_of, problems)
    nik_cells = table.columns[columns["nik"]]
    parsed.rejected.extend(_rejected_rows(table.numbers, parsed_columns, nik_cells, problems))
    parsed.row_numbers, parsed_columns = _without_rows(table.numbers, parsed_columns, problems)
    # A column with nothing in it adds nothing (an update keeps what the register has).
    parsed.columns = {
        name: out for name, out in parsed_columns.items() if out.count(None) != len(out)
    }
    return parsed


def _field_columns(table: SheetTable, layout: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Field -> index of its column; a required field without one fails the file."""
    columns = resolve_columns(table.header_keys, layout)
    missing = [f for f in RESIDENT_REQUIRED if f not in columns]
    if missing:
        names = ", ".join(
            f"{RESIDENT_FIELDS[f]} ({'/'.join(layout.get(f, (f,)))})" for f in missing
        )
        raise ImportFileError(f"Kolom wajib tidak ada di {table.file_name}: {names}.")
    return columns


def _code_labels(mapping: ColumnMapping | None) -> dict[str, Mapping[str, object]]:
    """Each code field's labels, with the mapping's own values added."""
    extra_values = mapping.values if mapping else {}
    return {
        name: (iv.merge_labels(base, extra_values.get(name)) if extra_values.get(name) else base)
        for name, (base, _valid) in CODE_FIELDS.items()
    }


def _parse_columns(
    table: SheetTable,
    columns: dict[str, int],
    header_of: dict[str, str],
    labels: dict[str, Mapping[str, object]],
    problems: dict[int, list[str]],
    progress: Progress | None,
) -> dict[str, list[Any]]:
    """Every field's column parsed; problems are filed per row index.

    Column by column: each column's values share a type and repeat, so the
    per-cell work is mostly one dictionary lookup.
    """
    total = len(table.numbers)
    column_cells = table.columns
    parsed_columns: dict[str, list[Any]] = {}
    for step, (name, index) in enumerate(columns.items(), start=1):
        parsed_columns[name] = _parse_column(
            name, column_cells[index], labels, problems, f"Kolom {header_of[name]}: "
        )
        if progress is not None:
            progress(step * total // max(1, len(columns)), total)
    return parsed_columns


def _keep_niks_to_fix(
    parsed_columns: dict[str, list[Any]],
    nik_cells: Sequence[Cell],
    header: str,
    problems: dict[int, list[str]],
) -> None:
    """A row whose NIK is blank or unusable keeps its NIK as written, with the reason in
    column `nik_problem`, instead of a problem that would reject the row."""
    niks = parsed_columns["nik"]
    reasons: list[str | None] = [None] * len(niks)
    prefix = f"Kolom {header}: "
    blank_or_bad = [i for i, nik in enumerate(niks) if nik is None] if None in niks else []
    for i in blank_or_bad:
        own = [p for p in problems.get(i, ()) if p.startswith(prefix)]
        if own:
            reasons[i] = "; ".join(p.removeprefix(prefix) for p in own)
            if len(own) == len(problems[i]):  # else rejected anyway, the NIK's reason too
                del problems[i]
        else:
            reasons[i] = NIK_MISSING
        niks[i] = nik_as_written(cell_text(nik_cells[i]))
    parsed_columns["nik_problem"] = reasons


def _note_blank_required(
    parsed_columns: dict[str, list[Any]], header_of: dict[str, str], problems: dict[int, list[str]]
) -> None:
    """A blank required cell (one that did not fail to parse) is a problem of its own."""
    for name in RESIDENT_REQUIRED:
        out = parsed_columns[name]
        if None not in out:
            continue
        prefix = f"Kolom {header_of[name]}: "
        for i, value in enumerate(out):
            if value is None and not any(p.startswith(prefix) for p in problems.get(i, ())):
                problems.setdefault(i, []).append(f"{prefix}{RESIDENT_FIELDS[name]} wajib diisi.")


def _rejected_rows(
    numbers: list[int],
    parsed_columns: dict[str, list[Any]],
    nik_cells: Sequence[Cell],
    problems: dict[int, list[str]],
) -> list[RowNote]:
    """One note per row with a problem (its NIK as parsed, else as written), in row order."""
    notes: list[RowNote] = []
    for i in sorted(problems):
        nik = parsed_columns["nik"][i] or cell_text(nik_cells[i])
        notes.append(RowNote(numbers[i], str(nik), "; ".join(problems[i])))
    return notes


def _without_rows(
    numbers: list[int], parsed_columns: dict[str, list[Any]], dropped: Collection[int]
) -> tuple[list[int], dict[str, list[Any]]]:
    """The row numbers and parsed columns without the `dropped` row indexes."""
    if not dropped:
        return numbers, parsed_columns
    keep = [i for i in range(len(numbers)) if i not in dropped]
    kept_columns = {name: [out[i] for i in keep] for name, out in parsed_columns.items()}
    return [numbers[i] for i in keep], kept_columns


_UNSEEN = object()


def _parse_distinct(
    column: Sequence[Cell],
    distinct: set[Cell],
    parse: Callable[[Cell], Any],
    problems: dict[int, list[str]],
    prefix: str,
) -> list[Any]:
    """Each distinct cell parsed once, then the column mapped in C (`map`)."""
    results: dict[Cell, Any] = {}
    bad: set[Cell] = set()
    for cell in distinct:
        if cell == "" or cell is None:
            results[cell] = None
            continue
        try:
            value = parse(cell)
        except ValueProblem as problem:
            bad.add(cell)
            results[cell] = problem
            continue
        results[cell] = None if value == "" else value
    out = list(map(results.__getitem__, column))
    if bad:
        for i, cell in enumerate(column):
            if cell in bad:
                problems.setdefault(i, []).append(prefix + str(results[cell]))
                out[i] = None
    return out


def _parse_column(
    name: str,
    column: Sequence[Cell],
    labels: dict[str, Mapping[str, object]],
    problems: dict[int, list[str]],
    prefix: str,
) -> list[Any]:
    """Parsed values of one column (None for blank); problems are filed per row index."""
    plain = _plain_column(name, column)
    if plain is not None:
        return plain
    parse = _cell_parser(name, labels)
    memoise = name not in _UNIQUE_FIELDS
    if memoise:
        distinct = set(column)
        # Booleans equal 1/0 in a set; such a column takes the careful path below.
        if not any(isinstance(cell, bool) for cell in distinct):
            return _parse_distinct(column, distinct, parse, problems, prefix)
    memo: dict[type, dict[Cell, Any]] = {}
    out: list[Any] = [None] * len(column)
    for i, cell in enumerate(column):
        if cell == "" or cell is None:
            continue
        if memoise:
            seen = memo.get(cell.__class__)
            if seen is None:
                seen = memo[cell.__class__] = {}
            value = seen.get(cell, _UNSEEN)
            if value is _UNSEEN:
                try:
                    value = parse(cell)
                except ValueProblem as problem:
                    value = problem
                seen[cell] = value
        else:
            try:
                value = parse(cell)
            except ValueProblem as problem:
                value = problem
        if isinstance(value, ValueProblem):
            problems.setdefault(i, []).append(prefix + str(value))
        elif value != "":
            out[i] = value
    return out


def _plain_column(name: str, column: Sequence[Cell]) -> list[Any] | None:
    """The parsed column when every cell is already in its clean form (the usual export),
    checked in C over the whole column; None when some cell needs its parser."""
    if name not in _PLAIN_TEXT_FIELDS and name not in _PLAIN_NUMBER_FIELDS:
        return None
    if not column or set(map(type, column)) != {str}:
        return None
    texts = cast(Sequence[str], column)
    if name in _PLAIN_TEXT_FIELDS:
        return _plain_texts(texts)
    if name == "insurance_number":
        return _plain_digits(texts)
    return _plain_id_numbers(texts)


def _plain_texts(texts: Sequence[str]) -> list[str | None] | None:
    """Text cells cell_text would only strip: no runs of spaces, tabs or line breaks inside."""
    joined = "".join(texts)
    if "  " in joined or "\n" in joined or "\t" in joined or "\r" in joined:
        return None
    return [text or None for text in map(str.strip, texts)]


def _plain_digits(texts: Sequence[str]) -> list[str | None] | None:
    """Cells of ASCII digits only (or blank)."""
    digits = "".join(texts)
    if digits and not (digits.isdigit() and digits.isascii()):
        return None
    return [text or None for text in texts]


def _plain_id_numbers(texts: Sequence[str]) -> list[str] | None:
    """NIK / No KK: 16 digits each, none ending in 0000 (Excel's damage, refused by the parser)."""
    if not all_plain_digits(texts) or _LAST_FOUR_ZEROS in set(map(_LAST_FOUR, texts)):
        return None
    return list(texts)


_PLAIN_TEXT_FIELDS = frozenset({"name", "phone"})
_PLAIN_NUMBER_FIELDS = frozenset({"nik", "no_kk", "insurance_number"})
_LAST_FOUR = itemgetter(slice(-4, None))
_LAST_FOUR_ZEROS = "0000"


def _cell_parser(name: str, labels: dict[str, Mapping[str, object]]) -> Callable[[Cell], Any]:
    """The parser of one column; blank cells never reach it."""
    if name in ("nik", "no_kk"):
        what = RESIDENT_FIELDS[name]
        return lambda cell: iv.parse_id_number(cell, what)
    if name in CODE_FIELDS:
        table, valid = labels[name], CODE_FIELDS[name][1]
        return lambda cell: iv.parse_code(cell, table, valid)
    if name == "birth_date":
        return iv.parse_date
    if name in ("rw", "rt"):
        what = RESIDENT_FIELDS[name]
        return lambda cell: iv.parse_area_code(cell, what)
    if name == "pregnant":
        return iv.parse_bool
    if name == "insurance_number":
        return lambda cell: _NON_DIGITS.sub("", cell_text(cell))
    if name in ("dusun", "address"):
        return cell_text
    return cell_text


# Row field -> resident column it sets (those an update may change).
PERSON_FIELD_OF = {
    "name": "name",
    "sex": "sex",
    "birth_place": "birth_place",
    "birth_date": "birth_date",
    "shdk": "shdk",
    "marital_status": "marital_status",
    "religion": "religion",
    "education": "education",
    "occupation": "occupation",
    "father_name": "father_name",
    "mother_name": "mother_name",
    "phone": "phone",
    "pregnant": "is_pregnant",
    "disability": "has_disability",
}
