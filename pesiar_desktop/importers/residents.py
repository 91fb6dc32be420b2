"""Resident rows (OpenSID, SIAK or a saved mapping) -> checked records or rejections.

This is the file-only half of a resident import: every cell is parsed into a
typed value or a problem naming its column. Person rules (the add-resident
form's `validate_resident`) and the comparison with the register happen in
`services.imports`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

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

Progress = Callable[[int, int], None]

# Optional person fields: when the column is absent or the cell blank, an update keeps
# what the register has.
_CODE_FIELDS: dict[str, tuple[dict[str, object], Mapping[Any, str]]] = {
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
_TEXT_FIELDS = ("name", "birth_place", "father_name", "mother_name", "address", "dusun", "phone")


@dataclass
class RowValues:
    """One row whose cells all parsed: field -> typed value (blank cells left out)."""

    row_number: int
    values: dict[str, Any]


@dataclass
class RowNote:
    row_number: int
    nik: str
    message: str


@dataclass
class ParsedResidents:
    file_name: str
    sheet_name: str
    file_format: str
    header_row: int
    headers: list[str]
    title_lines: list[str]
    total_rows: int
    rows: list[RowValues]
    header_of: dict[str, str] = field(default_factory=dict)
    rejected: list[RowNote] = field(default_factory=list)
    warnings: list[RowNote] = field(default_factory=list)
    cells: dict[int, list[Cell]] = field(default_factory=dict)


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
    layout = layout_for(file_format, mapping)
    columns = resolve_columns(table.header_keys, layout)
    missing = [f for f in RESIDENT_REQUIRED if f not in columns]
    if missing:
        names = ", ".join(
            f"{RESIDENT_FIELDS[f]} ({'/'.join(layout.get(f, (f,)))})" for f in missing
        )
        raise ImportFileError(f"Kolom wajib tidak ada di {table.file_name}: {names}.")
    header_of = {f: table.headers[i] for f, i in columns.items()}
    extra_values = mapping.values if mapping else {}
    labels: dict[str, Mapping[str, object]] = {
        name: (iv.merge_labels(base, extra_values.get(name)) if extra_values.get(name) else base)
        for name, (base, _valid) in _CODE_FIELDS.items()
    }
    parsed = ParsedResidents(
        table.file_name,
        table.sheet_name,
        file_format,
        table.header_row,
        table.headers,
        table.title_lines,
        len(table.rows),
        [],
    )
    parsed.header_of = header_of
    total = len(table.rows)
    nik_column = columns["nik"]
    for done, (number, cells) in enumerate(table.rows, start=1):
        parsed.cells[number] = cells
        values, problems = _parse_row(cells, columns, header_of, labels)
        if problems:
            nik = values.get("nik") or cell_text(cells[nik_column])
            parsed.rejected.append(RowNote(number, str(nik), "; ".join(problems)))
        else:
            parsed.rows.append(RowValues(number, values))
        if progress is not None and (done % 2000 == 0 or done == total):
            progress(done, total)
    return parsed


def _parse_row(
    cells: list[Cell],
    columns: dict[str, int],
    header_of: dict[str, str],
    labels: dict[str, Mapping[str, object]],
) -> tuple[dict[str, Any], list[str]]:
    problems: list[str] = []
    values: dict[str, Any] = {}

    def fail(name: str, message: str) -> None:
        problems.append(f"Kolom {header_of[name]}: {message}")

    for name, index in columns.items():
        cell = cells[index]
        if iv.is_blank(cell):
            continue
        try:
            if name in ("nik", "no_kk"):
                values[name] = iv.parse_id_number(cell, RESIDENT_FIELDS[name])
            elif name in _CODE_FIELDS:
                found = iv.parse_code(cell, labels[name], _CODE_FIELDS[name][1])
                if found is not None:
                    values[name] = found
            elif name == "birth_date":
                values[name] = iv.parse_date(cell)
            elif name in ("rw", "rt"):
                values[name] = iv.parse_area_code(cell, RESIDENT_FIELDS[name])
            elif name == "pregnant":
                flag = iv.parse_bool(cell)
                if flag is not None:
                    values[name] = flag
            elif name == "insurance_number":
                values[name] = "".join(ch for ch in cell_text(cell) if ch.isdigit())
            elif name in _TEXT_FIELDS:
                values[name] = cell_text(cell)
        except ValueProblem as problem:
            fail(name, str(problem))
    for name in ("nik", "no_kk", "name", "sex", "birth_date", "shdk"):
        if name not in values and not any(
            p.startswith(f"Kolom {header_of[name]}:") for p in problems
        ):
            fail(name, f"{RESIDENT_FIELDS[name]} wajib diisi.")
    return values, problems


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
