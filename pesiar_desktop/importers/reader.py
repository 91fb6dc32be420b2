"""Read a spreadsheet (xlsx, xlsm, xls, xlsb, ods, csv) into header + raw rows.

python-calamine is used directly rather than through pandas so every cell keeps
its own type: a NIK typed as text stays text, a NIK stored as a number arrives
as a float and can be refused as damaged. The header row is found by scoring
the first rows against the headers the caller knows (title rows above it are
kept as `title_lines`); blank columns and rows are dropped; a row whose first
or second cell is `###` ends the data; a sheet named `Kode Data` is skipped.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import python_calamine

from pesiar_desktop.errors import PesiarError
from pesiar_desktop.rules.import_values import Cell, cell_text, header_key, is_blank

EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})
TEXT_SUFFIXES = frozenset({".csv", ".txt"})
PLAIN_XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
SKIPPED_SHEETS = frozenset({"kode data"})
HEADER_SCAN_ROWS = 30
END_MARK = "###"

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class ImportFileError(PesiarError):
    """The file as a whole cannot be read; nothing is written."""


class RowCells(Mapping[int, list[Cell]]):
    """A table's cells by sheet row number, taken from its columns when asked for."""

    def __init__(self, numbers: Sequence[int], columns: Sequence[Sequence[Cell]]) -> None:
        self._numbers = numbers
        self._columns = columns
        self._index: dict[int, int] | None = None

    def __getitem__(self, number: int) -> list[Cell]:
        if self._index is None:
            self._index = {n: i for i, n in enumerate(self._numbers)}
        i = self._index[number]
        return [column[i] for column in self._columns]

    def __iter__(self) -> Iterator[int]:
        return iter(self._numbers)

    def __len__(self) -> int:
        return len(self._numbers)


@dataclass
class SheetTable:
    """One sheet's data below its header row, column by column.

    `numbers[k]` is the sheet row number of the k-th data row and `columns[j][k]`
    its cell under `headers[j]`; `rows` gives the same data row by row.
    """

    file_name: str
    sheet_name: str
    header_row: int  # 1-based
    headers: list[str]
    numbers: list[int]
    columns: list[Sequence[Cell]]
    title_lines: list[str] = field(default_factory=list)

    @property
    def header_keys(self) -> list[str]:
        return [header_key(h) for h in self.headers]

    @property
    def rows(self) -> list[tuple[int, list[Cell]]]:
        """(sheet row number, cells) per data row."""
        by_row = zip(*self.columns, strict=True)
        return [(n, list(cells)) for n, cells in zip(self.numbers, by_row, strict=True)]

    @property
    def cells(self) -> RowCells:
        return RowCells(self.numbers, self.columns)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _check_container(path: Path, suffix: str) -> None:
    with path.open("rb") as handle:
        head = handle.read(8)
        if head[:8] == _OLE_MAGIC and suffix in (".xlsx", ".xlsm", ".xlsb"):
            handle.seek(0)
            blob = handle.read(1 << 20)
            if "EncryptionInfo".encode("utf-16-le") in blob:
                raise ImportFileError(
                    f"Buku kerja {path.name} dilindungi kata sandi. Buka di Excel, hapus kata "
                    "sandinya (File > Info > Lindungi Buku Kerja), simpan, lalu impor lagi."
                )
            return
    if not head:
        raise ImportFileError(f"Berkas {path.name} kosong (0 byte).")
    if suffix in (".xlsx", ".xlsm", ".xlsb", ".ods") and head[:4] != _ZIP_MAGIC:
        raise ImportFileError(
            f"Berkas {path.name} bukan buku kerja Excel yang sah (isinya tidak sesuai dengan "
            f"jenis {suffix}). Buka di Excel lalu simpan ulang sebagai .xlsx."
        )
    if suffix == ".xls" and head[:8] != _OLE_MAGIC:
        raise ImportFileError(
            f"Berkas {path.name} bukan buku kerja Excel 97-2003 yang sah (kemungkinan halaman "
            "web atau teks yang diberi nama .xls). Buka di Excel lalu simpan ulang sebagai .xlsx."
        )


def _read_excel(path: Path) -> list[tuple[str, list[list[Cell]]]]:
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        sheets: list[tuple[str, list[list[Cell]]]] = []
        for name in workbook.sheet_names:
            if name.strip().lower() in SKIPPED_SHEETS:
                continue
            sheet = workbook.get_sheet_by_name(name)
            rows = cast(list[list[Cell]], sheet.to_python(skip_empty_area=False))
            sheets.append((name, rows))
        return sheets
    except python_calamine.PasswordError:
        raise ImportFileError(
            f"Buku kerja {path.name} dilindungi kata sandi. Hapus kata sandinya di Excel, "
            "simpan, lalu impor lagi."
        ) from None
    except (python_calamine.CalamineError, OSError, ValueError) as err:
        raise ImportFileError(
            f"Berkas {path.name} rusak atau tidak dapat dibaca sebagai buku kerja Excel "
            f"({type(err).__name__}). Buka di Excel lalu simpan ulang sebagai .xlsx."
        ) from None


def _read_csv(path: Path) -> list[tuple[str, list[list[Cell]]]]:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise ImportFileError(f"Berkas {path.name} bukan berkas teks CSV.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    sample = text[:20000]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows: list[list[Cell]] = [list(r) for r in csv.reader(io.StringIO(text), dialect)]
    return [(path.stem, rows)]


def read_sheets(path: Path) -> list[tuple[str, list[list[Cell]]]]:
    """Every data sheet of the file as raw rows (the `Kode Data` sheet left out)."""
    if checked_suffix(path) in TEXT_SUFFIXES:
        return _read_csv(path)
    return _read_excel(path)


def checked_suffix(path: Path) -> str:
    """The file's suffix, once the file is known to exist and look like its type."""
    if not path.is_file():
        raise ImportFileError(f"Berkas {path} tidak ditemukan.")
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        _check_bounds(path, suffix)
        return suffix
    if suffix not in EXCEL_SUFFIXES:
        raise ImportFileError(
            f"Jenis berkas {suffix or '(tanpa ekstensi)'} tidak didukung. "
            "Gunakan .xlsx, .xlsm, .xls atau .csv."
        )
    _check_container(path, suffix)
    _check_bounds(path, suffix)
    return suffix


def _check_bounds(path: Path, suffix: str) -> None:
    """Sizes and grid extent before parsing (`bounds`): never a native out-of-memory."""
    from pesiar_desktop.importers import bounds

    stat = path.stat()
    seen = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if seen in _BOUNDS_CHECKED:  # load_table reaches here twice for a non-plain sheet
        return
    try:
        bounds.check_file(path, suffix)
    except bounds.FileTooLarge as err:
        raise ImportFileError(str(err)) from None
    _BOUNDS_CHECKED.clear()
    _BOUNDS_CHECKED.add(seen)


_BOUNDS_CHECKED: set[tuple[str, int, int]] = set()


def _non_blank(row: Sequence[Cell]) -> int:
    return sum(1 for cell in row if not is_blank(cell))


def locate_header(rows: list[list[Cell]], score: Callable[[list[str]], int]) -> int | None:
    """Index of the header row: the best-scoring of the first rows (score >= 2)."""
    best, best_score = None, 1
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        row_score = score([header_key(cell) for cell in row])
        if row_score > best_score:
            best, best_score = index, row_score
    return best


def _table_at(file_name: str, name: str, rows: list[list[Cell]], index: int) -> SheetTable:
    """The data below header row `index` (0-based) of one sheet."""
    header_cells = rows[index]
    keep = [i for i, cell in enumerate(header_cells) if not is_blank(cell)]
    headers = [cell_text(header_cells[i]) for i in keep]
    titles = _title_lines(rows[:index])
    numbers, data = _data_rows(rows, index, keep, len(header_cells))
    # One transposition (in C) gives every column: rows all have the kept width.
    columns: list[Sequence[Cell]] = list(zip(*data, strict=True)) if data else [() for _ in headers]
    return SheetTable(file_name, name, index + 1, headers, numbers, columns, titles)


def _title_lines(rows: list[list[Cell]]) -> list[str]:
    """The rows above the header that hold anything, each as one line of its cells."""
    return [
        " ".join(cell_text(c) for c in row if not is_blank(c)) for row in rows if _non_blank(row)
    ]


def _data_rows(
    rows: list[list[Cell]], index: int, keep: list[int], width: int
) -> tuple[list[int], list[list[Cell]]]:
    """The sheet row numbers and cells of the data rows below header row `index`, up to
    the end mark, blank rows left out; each row cut to the `keep` columns of the
    header's `width`. One pass, checks inline: it runs once per row."""
    numbers: list[int] = []
    data: list[list[Cell]] = []
    dense = keep == list(range(width))
    for number, row in enumerate(rows[index + 1 :], start=index + 2):
        first = row[0] if row else ""
        second = row[1] if len(row) > 1 else ""
        if (isinstance(first, str) and first.strip() == END_MARK) or (
            isinstance(second, str) and second.strip() == END_MARK
        ):
            break
        if len(row) < width:
            row = list(row) + [""] * (width - len(row))
        cells = row if dense and len(row) == width else [row[i] for i in keep]
        first_cell = cells[0] if cells else None
        # A filled first cell (the usual case) settles it without looking further.
        if (first_cell is None or (isinstance(first_cell, str) and not first_cell.strip())) and all(
            is_blank(cell) for cell in cells
        ):
            continue
        numbers.append(number)
        data.append(cells)
    return numbers, data


def load_table(path: Path, score: Callable[[list[str]], int]) -> SheetTable:
    """The first sheet whose header row `score` recognises, cut to its data rows.

    A plain .xlsx (header on row 1, one kind of cell per column) is read column
    by column (`plain_xlsx`, the same result several times faster); anything
    else cell by cell.
    """
    if checked_suffix(path) in PLAIN_XLSX_SUFFIXES:
        from pesiar_desktop.importers import plain_xlsx  # it builds on this module

        table = plain_xlsx.load_plain_table(path, score)
        if table is not None:
            return table
    return _first_table(path, _filled_sheets(path, read_sheets(path)), score)


def _filled_sheets(
    path: Path, sheets: list[tuple[str, list[list[Cell]]]]
) -> list[tuple[str, list[list[Cell]]]]:
    non_empty = [(name, rows) for name, rows in sheets if any(_non_blank(r) for r in rows)]
    if not non_empty:
        raise ImportFileError(f"Lembar kerja di {path.name} kosong: tidak ada data untuk diimpor.")
    return non_empty


def _first_table(
    path: Path, sheets: list[tuple[str, list[list[Cell]]]], score: Callable[[list[str]], int]
) -> SheetTable:
    for name, rows in sheets:
        index = locate_header(rows, score)
        if index is None:
            continue
        return _table_at(path.name, name, rows, index)
    raise ImportFileError(
        f"Baris judul kolom tidak ditemukan di {path.name}. Pastikan ada satu baris berisi "
        "nama kolom (mis. nik, nama, no_kk) di atas data, atau buat pemetaan kolom."
    )


def _text_cells(keys: list[str]) -> int:
    """Generic header score: how many non-empty, non-numeric cells a row has."""
    return sum(1 for key in keys if key and not key.replace(".", "").replace(",", "").isdigit())


def sniff_table(path: Path, sheet: str | None = None, header_row: int | None = None) -> SheetTable:
    """A file of unknown layout, for the column-mapping wizard (see `sniff_file`)."""
    return sniff_file(path, sheet, header_row)[1]


def sniff_file(
    path: Path, sheet: str | None = None, header_row: int | None = None
) -> tuple[list[str], SheetTable]:
    """The names of the sheets that hold anything, and one sheet cut below its header.

    By default the header is the row with the most text cells among the first rows
    of the first sheet where one is found (title rows have one); `sheet` and
    `header_row` (1-based) let the user pick them. The file is read once.
    """
    sheets = _filled_sheets(path, read_sheets(path))
    names = [name for name, _rows in sheets]
    if sheet is None and header_row is None:
        return names, _first_table(path, sheets, _text_cells)
    chosen = next(((n, r) for n, r in sheets if n == sheet), None) if sheet else sheets[0]
    if chosen is None:
        raise ImportFileError(f"Lembar kerja {sheet!r} tidak ada di {path.name}.")
    name, rows = chosen
    if header_row is None:
        index = locate_header(rows, _text_cells)
        if index is None:
            raise ImportFileError(f"Baris judul kolom tidak ditemukan di lembar {name}.")
    else:
        index = header_row - 1
        if not 0 <= index < len(rows) or not _non_blank(rows[index]):
            raise ImportFileError(f"Baris {header_row} di lembar {name} kosong.")
    return names, _table_at(path.name, name, rows, index)
