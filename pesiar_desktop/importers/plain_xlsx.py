"""The fast path for big, plain .xlsx exports: read column by column, not cell by cell.

`reader` reads every cell through python-calamine as a Python object and then
cuts rows and transposes them; for a 100,000-row OpenSID export that is most of
an import's reading time. fastexcel runs the same calamine parser but hands the
sheet over as Arrow columns (read here with nanoarrow), one Python list per
column.

It is taken only when its result is provably what the cell-by-cell path gives,
so every rule and message stays the same; otherwise `load_plain_table` returns
None and the caller reads the file cell by cell:

- the first data sheet starts at A1 and its header is the first row (a title row
  above the header, or an offset table, goes the careful way);
- every column holds one kind of cell (text, number, yes/no or date/time, blanks
  allowed). A column mixing kinds, such as a NIK column where some cells are
  text and some are numbers Excel damaged, is read cell by cell so each cell
  keeps its own type;
- the header cells are plain labels (no numbers, dates or repeated names, which
  fastexcel would rename).
"""

from __future__ import annotations

import logging
import re
import threading
import zipfile
from collections.abc import Callable, Sequence
from datetime import datetime, time
from itertools import chain
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from pesiar_desktop.importers.reader import (
    END_MARK,
    HEADER_SCAN_ROWS,
    PLAIN_XLSX_SUFFIXES,
    SKIPPED_SHEETS,
    SheetTable,
    checked_suffix,
    locate_header,
)
from pesiar_desktop.rules.import_values import Cell, cell_text, is_blank

Score = Callable[[list[str]], int]
# fastexcel logs every all-blank column it reads as text; blank is what we expect there.
logging.getLogger("fastexcel").setLevel(logging.ERROR)
_log = logging.getLogger(__name__)

_MIDNIGHT = time(0, 0)
_UNNAMED = re.compile(r"__UNNAMED__\d+")
_RENAMED = re.compile(r"(.+)_\d+")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_FIRST_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(/?)>")
_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
_CELL_BODY = re.compile(rb"(.*?)</(?:\w+:)?c>", re.DOTALL)
_VALUE = re.compile(rb"<(?:\w+:)?[vt](?:\s[^>]*)?>[^<]")
_SHEET_HEAD_BYTES = 1 << 16
_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "p": "http://schemas.openxmlformats.org/package/2006/relationships",
}


def load_plain_table(path: Path, score: Score) -> SheetTable | None:
    """The file's table read column by column, equal to the one `reader` builds cell
    by cell, or None when the careful path must read it."""
    ahead = _take_read_ahead(path)
    loaded = ahead.loaded if ahead is not None and ahead.finished else _arrow_sheet(path)
    if loaded is None:
        return None
    nanoarrow, sheet_name, array = loaded
    columns: list[list[Cell]] = []
    for index in range(array.n_children):
        column = _python_cells(nanoarrow, array.child(index))
        if column is None:
            return None
        columns.append(column)
    labels = [array.schema.field(i).name for i in range(array.schema.n_fields)]
    return _table(path.name, sheet_name, labels, columns, score)


def _arrow_sheet(path: Path) -> tuple[Any, str, Any] | None:
    """(the nanoarrow module, the first data sheet's name, its Arrow columns), or None
    when the careful path must read the file."""
    try:
        import fastexcel
        import nanoarrow
    except Exception as err:  # a broken bundle still imports, only slower
        _log.warning(
            "%s: fastexcel/nanoarrow unavailable, reading cell by cell (%r)", path.name, err
        )
        return None
    try:
        excel = fastexcel.read_excel(str(path))
        names = [n for n in excel.sheet_names if n.strip().lower() not in SKIPPED_SHEETS]
        if not names or not _starts_at_a1(path, names[0]):
            return None
        sheet = excel.load_sheet(
            names[0], header_row=0, schema_sample_rows=None, dtype_coercion="strict"
        )
        return nanoarrow, names[0], nanoarrow.Array(sheet)
    except Exception:  # any doubt (mixed column, odd file): the careful path decides
        return None


class _ReadAhead(threading.Thread):
    """One file parsed in the background. calamine parses without holding the GIL, so
    a command that starts this first parses while it imports its libraries, opens the
    database and checks the password."""

    def __init__(self, path: Path, key: tuple[str, int, int]):
        super().__init__(name="pesiar-read-ahead", daemon=True)
        self.path, self.key = path, key
        self.loaded: tuple[Any, str, Any] | None = None
        self.finished = False  # False: it failed; the caller reads the file itself

    def run(self) -> None:
        try:
            # Sizes and grid extent first, as `load_table` does: never a native
            # out-of-memory on a zip bomb. A refusal is reported by the caller's own read.
            if checked_suffix(self.path) in PLAIN_XLSX_SUFFIXES:
                self.loaded = _arrow_sheet(self.path)
                self.finished = True
        except Exception:  # noqa: BLE001 - the caller's own read reports it
            _log.debug("read-ahead of %s failed", self.path, exc_info=True)


_read_ahead: _ReadAhead | None = None


def _file_key(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return str(path.resolve()), stat.st_mtime_ns, stat.st_size


def read_ahead(path: Path) -> None:
    """Start parsing `path` (a plain .xlsx) in the background; `load_plain_table` of the
    same, unchanged file then takes the result instead of parsing it again."""
    global _read_ahead
    if path.suffix.lower() not in PLAIN_XLSX_SUFFIXES:
        return
    try:
        _read_ahead = _ReadAhead(path, _file_key(path))
    except OSError:  # no such file: the command's own read says so
        return
    _read_ahead.start()


def _take_read_ahead(path: Path) -> _ReadAhead | None:
    """The read-ahead of this file, finished, if one was started and the file has not
    changed since (it is taken once)."""
    global _read_ahead
    ahead, _read_ahead = _read_ahead, None
    if ahead is None:
        return None
    ahead.join()
    try:
        same = ahead.key == _file_key(path)
    except OSError:
        same = False
    return ahead if same else None


def _starts_at_a1(path: Path, sheet_name: str) -> bool:
    """Whether the sheet's first cell is A1 and holds something.

    calamine's range starts at the first filled cell, and fastexcel counts rows and
    columns from there; `reader` counts from A1. With A1 filled the two agree.
    """
    with zipfile.ZipFile(path) as archive:
        target = _sheet_part(archive, sheet_name)
        if target is None:
            return False
        with archive.open(target) as stream:
            head = stream.read(_SHEET_HEAD_BYTES)
    data = head.find(b"sheetData")
    if data < 0:
        return False
    cell = _FIRST_CELL.search(head, data)
    if cell is None or cell.group(2):  # no cell, or an empty <c .../>
        return False
    ref = _REF.search(cell.group(1))
    if ref is None or ref.group(1) != b"A1":
        return False
    # A1 must hold a value (a cached <v> or an inline string), not only a style or formula.
    body = _CELL_BODY.match(head, cell.end())
    return body is not None and _VALUE.search(body.group(1)) is not None


def _sheet_part(archive: zipfile.ZipFile, sheet_name: str) -> str | None:
    """The zip member holding the named worksheet (via workbook.xml and its relations)."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rel_id = None
    for sheet in workbook.iterfind("m:sheets/m:sheet", _NS):
        if sheet.get("name") == sheet_name:
            rel_id = sheet.get(f"{{{_NS['r']}}}id")
            break
    if rel_id is None:
        return None
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for rel in rels.iterfind("p:Relationship", _NS):
        if rel.get("Id") == rel_id:
            target = rel.get("Target") or ""
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def _python_cells(nanoarrow: Any, child: Any) -> list[Cell] | None:
    """One Arrow column as the Python cells python-calamine gives (blank = ""), or
    None for a kind of column the careful path should read."""
    kind = child.schema.type
    types = nanoarrow.Type
    if kind == types.NULL:
        return [""] * len(child)
    if kind not in (types.STRING, types.LARGE_STRING, types.DOUBLE, types.BOOL, types.TIMESTAMP):
        return None  # durations, times, integers: not what calamine's cells would be
    if kind in (types.STRING, types.LARGE_STRING, types.DOUBLE):
        from_buffers = _cells_from_buffers(child, is_text=kind != types.DOUBLE)
        if from_buffers is not None:
            return from_buffers
    values: list[Any] = child.to_pylist()
    if kind == types.TIMESTAMP:
        # python-calamine gives a date for a date-time at midnight, as Excel shows it.
        converted: dict[datetime, Cell] = {}
        for value in set(values) - {None}:
            converted[value] = value.date() if value.time() == _MIDNIGHT else value
        return [("" if value is None else converted[value]) for value in values]
    if None in values:
        return ["" if value is None else value for value in values]
    return values


# Each byte of an Arrow validity bitmap as its eight bits, lowest first (True: a value).
_BITS = [tuple(bool(byte >> bit & 1) for bit in range(8)) for byte in range(256)]


def _cells_from_buffers(child: Any, is_text: bool) -> list[Cell] | None:
    """A text or number column read straight from its Arrow buffers (blank = ""), or
    None when it is not laid out plainly (a slice or several chunks).

    Equal to nanoarrow's `to_pylist`, which builds each value through a Python
    generator: at 100,000 rows that is a third of a second per import. Here a text
    column is one decode of its data buffer (sliced by the offsets when it is ASCII)
    and a number column one `tolist` of its float64 buffer.
    """
    if child.n_chunks != 1 or child.offset != 0:
        return None
    validity, first, *rest = child.buffers
    count = len(child)
    values: list[Cell]
    if is_text:
        offsets = memoryview(first).tolist()[: count + 1]
        data = bytes(rest[0])
        bounds = zip(offsets[:-1], offsets[1:], strict=True)
        if data.isascii():
            text = data.decode("ascii")
            values = [text[start:end] for start, end in bounds]
        else:
            values = [data[start:end].decode() for start, end in bounds]
    else:
        numbers: list[Any] = memoryview(first).tolist()  # float64: floats, typed as ints
        values = numbers[:count]
    if len(validity):  # no bitmap: every slot holds a value
        valid = list(chain.from_iterable(map(_BITS.__getitem__, bytes(validity))))[:count]
        if not all(valid):
            values = [value if ok else "" for value, ok in zip(values, valid, strict=True)]
    return values


def _table(
    file_name: str, sheet_name: str, labels: list[str], columns: list[list[Cell]], score: Score
) -> SheetTable | None:
    header = _header_cells(labels)
    if header is None or not any(not is_blank(cell) for cell in header):
        return None
    if not _header_comes_first(header, columns, score):
        return None
    keep = [i for i, cell in enumerate(header) if not is_blank(cell)]
    numbers, kept = _data_columns(columns, keep)
    headers = [cell_text(header[i]) for i in keep]
    return SheetTable(file_name, sheet_name, 1, headers, numbers, kept)


def _header_comes_first(header: list[Cell], columns: list[list[Cell]], score: Score) -> bool:
    """Whether the careful path would take the header row too: it takes the
    best-scoring of the first rows, and that must be this one."""
    first_rows = zip(*(c[: HEADER_SCAN_ROWS - 1] for c in columns), strict=True)
    return locate_header([header, *map(list, first_rows)], score) == 0


def _data_columns(
    columns: list[list[Cell]], keep: list[int]
) -> tuple[list[int], list[Sequence[Cell]]]:
    """The sheet row numbers of the data rows and the `keep` columns cut to them: up to
    the end mark, rows whose kept cells are all blank left out."""
    height = len(columns[0]) if columns else 0
    end = min(_end_mark(column, END_MARK) for column in columns[:2])
    kept: list[Sequence[Cell]] = [columns[i] for i in keep]
    blank_rows = _blank_rows(kept, end)
    if blank_rows or end < height:
        chosen = [i for i in range(end) if i not in blank_rows]
        return [i + 2 for i in chosen], [[column[i] for i in chosen] for column in kept]
    return list(range(2, height + 2)), kept


def _blank_rows(kept: list[Sequence[Cell]], end: int) -> set[int]:
    """The rows before `end` whose kept cells are all blank; a filled first cell settles it."""
    blank_first = [i for i in range(end) if is_blank(kept[0][i])]
    return {i for i in blank_first if all(is_blank(column[i]) for column in kept)}


def _header_cells(labels: Sequence[str]) -> list[Cell] | None:
    """The header row's cells from fastexcel's column names, or None when a name
    may not be the cell's own text (a renamed repeat, a number or date as label)."""
    cells: list[Cell] = []
    for label in labels:
        if _UNNAMED.fullmatch(label):
            cells.append("")
            continue
        if not _HAS_LETTER.search(label):
            return None
        renamed = _RENAMED.fullmatch(label)
        if renamed and renamed.group(1) in labels:
            return None
        cells.append(label)
    return cells


def _end_mark(column: Sequence[Cell], mark: str) -> int:
    """Index of the first `###` cell (the end of the data), or the column's length."""
    try:
        joined = "".join(column)  # type: ignore[arg-type]
    except TypeError:  # numbers, dates or yes/no (a column holds one kind): no mark
        return len(column)
    if mark not in joined:
        return len(column)
    for i, cell in enumerate(column):
        if cell.__class__ is str and cell and cell.strip() == mark:
            return i
    return len(column)
