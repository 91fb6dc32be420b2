"""Welfare lists (DTSEN / DTKS: a decile per family or person) -> checked rows.

The file-only half of a welfare list import: each row gives a decile and the NIK or
No KK it belongs to, or a rejection naming its columns. Finding the family in the
register and writing live in `services.imports.welfare`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from pesiar_desktop.importers import formats
from pesiar_desktop.importers.reader import ImportFileError, SheetTable
from pesiar_desktop.importers.residents import RowNote
from pesiar_desktop.rules import import_values as iv
from pesiar_desktop.rules.import_values import Cell, ValueProblem
from pesiar_desktop.rules.nik import check_nik, check_no_kk

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 2000
# The identifying columns, in the order a family is looked up by.
KEYS = ("no_kk", "nik")


@dataclass(frozen=True)
class WelfareRow:
    row_number: int
    key_text: str  # the first valid number of the row (shown in notes)
    keys: tuple[tuple[str, str], ...]  # ("no_kk" | "nik", checked number), in lookup order
    decile: int


@dataclass
class ParsedWelfare:
    rows: list[WelfareRow] = field(default_factory=list)
    rejected: list[RowNote] = field(default_factory=list)
    cells: dict[int, list[Cell]] = field(default_factory=dict)


def parse_welfare(
    table: SheetTable,
    layout: Mapping[str, tuple[str, ...]],
    progress: Progress | None = None,
) -> ParsedWelfare:
    """Checks every row. `progress(done, total)` is called every few thousand rows."""
    columns = formats.resolve_columns(table.header_keys, dict(layout))
    if "decile" not in columns or not (set(KEYS) & set(columns)):
        raise ImportFileError(
            f"Kolom desil dan NIK/No KK tidak ditemukan di {table.file_name}: buat pemetaan kolom."
        )
    header = {f: table.headers[i] for f, i in columns.items()}
    parsed = ParsedWelfare()
    total = len(table.numbers)
    for done, (number, cells) in enumerate(table.rows, start=1):
        parsed.cells[number] = cells
        problems: list[str] = []
        key_text, keys = _keys(cells, columns, header, problems)
        decile = _decile(cells[columns["decile"]], header["decile"], problems)
        if not problems and not key_text:
            problems.append("NIK atau No KK wajib diisi.")
        if problems:
            parsed.rejected.append(RowNote(number, key_text, "; ".join(problems)))
        else:
            assert decile is not None
            parsed.rows.append(WelfareRow(number, key_text, keys, decile))
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            progress(done, total)
    return parsed


def _keys(
    cells: list[Cell], columns: dict[str, int], header: dict[str, str], problems: list[str]
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The first valid number as written, and every valid one checked; a number that
    does not parse or check is a problem."""
    key_text = ""
    found: list[tuple[str, str]] = []
    for name in KEYS:
        if name not in columns or iv.is_blank(cells[columns[name]]):
            continue
        try:
            value = iv.parse_id_number(cells[columns[name]], formats.WELFARE_FIELDS[name])
        except ValueProblem as problem:
            problems.append(f"Kolom {header[name]}: {problem}")
            continue
        check = check_no_kk(value) if name == "no_kk" else check_nik(value)
        if check.error:
            problems.append(f"Kolom {header[name]}: {check.error}")
            continue
        key_text = key_text or value
        found.append((name, check.value))
    return key_text, tuple(found)


def _decile(value: Cell, header: str, problems: list[str]) -> int | None:
    try:
        decile = iv.parse_int(value, "Desil")
    except ValueProblem as problem:
        problems.append(f"Kolom {header}: {problem}")
        return None
    if decile is None:
        problems.append(f"Kolom {header}: desil wajib diisi.")
    elif not 1 <= decile <= 10:
        problems.append(f"Kolom {header}: desil {decile} harus 1 sampai 10.")
    return decile
