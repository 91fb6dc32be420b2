"""The one workbook writer: every `.xlsx` the program writes is opened through here.

Why one module: a resident named `=HYPERLINK("http://x","y")`, a phone number `+62 812…`,
a note `-- pindah` or a handle `@budi` must land in the workbook as the text it is, never as
a live formula (a "CSV/formula injection" that runs when the treasurer opens the file); an
identifier must never become a number; a control character pasted into a name must not crash
an export. xlsxwriter's `write()` turns strings into formulas, numbers and links by default:
this module switches those conversions off, sends every `str` through `write_string`, and
removes what an `.xlsx` (XML 1.0, UTF-8) cannot hold. Formulas come only from explicit
`write_formula` calls, which the program makes for its own totals with cell references it
builds itself (tests/unit/test_workbook_safety.py checks every workbook for that).

It also holds the print conventions every sheet shares (title rows, page set-up), so a
report module only lays out its own columns.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from pesiar_desktop.rules.formatting import long_date

# C0 controls other than tab and line feed, lone surrogates (they cannot be encoded as
# UTF-8 at all: the writer would crash on close) and the two XML non-characters.
_UNWRITABLE = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
MAX_CELL_TEXT = 32_767  # Excel's limit per cell

PAPER_CODES = {"A4": 9, "F4": 14}  # 14 = folio 8.5 x 13 in, the closest Excel paper to F4


def clean_text(value: str) -> str:
    """The text as an `.xlsx` can hold it: CR LF → LF, unwritable characters removed,
    cut at Excel's per-cell limit."""
    if value.isascii() and value.isprintable():  # most cells: nothing to clean (no regex)
        return value[:MAX_CELL_TEXT]
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = _UNWRITABLE.sub("", text)
    return text[:MAX_CELL_TEXT]


class SafeWorksheet(Worksheet):  # type: ignore[misc]  # xlsxwriter has no stubs
    """A worksheet whose every string is a string cell (never a formula, number or URL)."""

    def _write(self, row: int, col: int, *args: Any) -> Any:
        if args and isinstance(args[0], str):
            return self._write_string(row, col, *args)
        return super()._write(row, col, *args)

    def _write_string(self, row: int, col: int, string: str, cell_format: Any = None) -> Any:
        # Most cells skip the call (0.2 s of a big recap); xlsxwriter cuts long text itself.
        if not (type(string) is str and string.isascii() and string.isprintable()):
            string = clean_text(str(string))
        return super()._write_string(row, col, string, cell_format)

    # Cell writers for big loops, by row and column only: the public `write_*` go through
    # xlsxwriter's A1-notation wrapper first, a Python call per cell (~0.3 s of a 900,000-cell
    # recap). `string_at` is the safe `_write_string` above; the others write no text.
    string_at = _write_string
    number_at = Worksheet._write_number
    datetime_at = Worksheet._write_datetime
    blank_at = Worksheet._write_blank

    def write_values(
        self,
        row: int,
        col: int,
        values: list[Any],
        cell_format: Any = None,
        *,
        date_format: Any = None,
    ) -> None:
        """One row of plain values (str, int, float, date, None) from column `col` on; dates
        take `date_format` (a date written with a plain cell format would show as a number)."""
        for offset, value in enumerate(values):
            if isinstance(value, date):
                self._write(row, col + offset, value, date_format)
            elif value is None:
                self._write_blank(row, col + offset, None, cell_format)
            else:
                self._write(row, col + offset, value, cell_format)


class SafeWorkbook(Workbook):  # type: ignore[misc]
    worksheet_class = SafeWorksheet

    def add_worksheet(self, name: str | None = None, worksheet_class: Any = None) -> SafeWorksheet:
        sheet = super().add_worksheet(clean_text(name) if name else name, SafeWorksheet)
        assert isinstance(sheet, SafeWorksheet)
        return sheet


def new_workbook(
    path: Path | str,
    *,
    title: str,
    company: str = "",
    constant_memory: bool = False,
) -> SafeWorkbook:
    """A workbook that writes strings as strings. `constant_memory` streams rows to disk
    (big registers); a sheet must then be written row by row, top to bottom."""
    book = SafeWorkbook(
        str(path),
        {
            "constant_memory": constant_memory,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
            "default_date_format": "dd-mm-yyyy",
        },
    )
    book.set_properties(
        {"title": clean_text(title), "author": "PESIAR Desktop", "company": clean_text(company)}
    )
    return book


def header_footer_text(value: str) -> str:
    """Text for a page header/footer: `&` starts a control code there (`&B` bold …)."""
    return clean_text(value).replace("&", "&&")


def title_rows(
    ws: Worksheet,
    title: str,
    lines: list[str],
    *,
    title_format: Any = None,
    line_format: Any = None,
    printed_on: date | None = None,
) -> int:
    """The title block every workbook opens with (what, which village, which period, printed
    on). Returns the first free row after it (one blank row left)."""
    ws.write_string(0, 0, title, title_format)
    row = 1
    for line in lines:
        ws.write_string(row, 0, line, line_format)
        row += 1
    if printed_on is not None:
        ws.write_string(row, 0, f"Dicetak {long_date(printed_on)}", line_format)
        row += 1
    return row + 1


def print_setup(
    ws: Worksheet,
    *,
    header_row: int | None,
    paper: str = "A4",
    landscape: bool = True,
    footer: str = "PESIAR Desktop",
) -> None:
    """Landscape (by default), fit to the page width, the header row repeated on every page,
    "Halaman n dari N" in the footer."""
    if landscape:
        ws.set_landscape()
    ws.set_paper(PAPER_CODES.get(paper.upper(), 9))
    ws.fit_to_pages(1, 0)
    if header_row is not None:
        ws.repeat_rows(header_row)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.set_footer(f"&L&8{header_footer_text(footer)}&R&8Halaman &P dari &N")
