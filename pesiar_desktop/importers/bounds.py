"""Limits checked before a spreadsheet is parsed, so a crafted file is refused with a
message instead of exhausting memory.

calamine (and fastexcel on top of it) builds every sheet as a dense grid from the first
to the last filled cell: a 5 KB workbook with one cell at A1 and one at BXX900000 asks
for 57 GB and aborts the process natively (no Python exception to catch). So before
reading:

- the archive's declared uncompressed sizes must stay under `MAX_UNCOMPRESSED`
  (zip bombs), and every member must be one the sizes describe honestly (the zip reader
  stops at the declared size);
- each worksheet's grid — from its `<dimension>` and, for sheets up to
  `SCAN_LIMIT` bytes, from the cell references themselves (a dimension can lie) — must
  stay under `MAX_ROWS` rows and `MAX_CELLS` cells;
- .xls and .csv files (not compressed) must stay under `MAX_UNCOMPRESSED` on disk, and
  a .csv under `MAX_ROWS` lines.

Sheets larger than `SCAN_LIMIT` are checked by their dimension only: scanning every cell
reference of a 100,000-row export would cost a third of the import's reading time.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import IO

from pesiar_desktop.errors import PesiarError

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ROWS = 1_000_000
MAX_CELLS = 30_000_000  # calamine's dense grid: ~32 bytes a cell, about 1 GB
SCAN_LIMIT = 8 * 1024 * 1024  # ~7,000 OpenSID rows; scanning costs ~0.1 s there

_DIMENSION = re.compile(rb'<dimension\s+ref="([A-Z]{1,3})(\d{1,8})(?::([A-Z]{1,3})(\d{1,8}))?"')
_CELL_COLUMN = re.compile(rb'<c\s+r="([A-Z]{1,4})')
_ROW_TAG = re.compile(rb'<row\s+r="(\d{1,9})"')


class FileTooLarge(PesiarError):
    """The file is refused before parsing (CLI exit 2, like an unreadable file)."""


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters:
        number = number * 26 + (char - 64)
    return number


def _mb(size: int) -> str:
    return f"{size / 1_048_576:,.0f} MB".replace(",", ".")


def _too_big(name: str, what: str) -> FileTooLarge:
    return FileTooLarge(
        f"Berkas {name} terlalu besar untuk diimpor: {what}. Batasnya "
        f"{MAX_ROWS:,} baris dan {_mb(MAX_UNCOMPRESSED)} data lembar kerja. Hapus baris atau "
        "kolom kosong di ujung lembar (Ctrl+End di Excel menunjukkan sel terakhir), simpan, "
        "lalu impor lagi; data yang besar dibagi menjadi beberapa berkas.".replace(",", ".")
    )


def check_file(path: Path, suffix: str) -> None:
    """Refuse `path` (an existing spreadsheet of type `suffix`) if it is over the limits."""
    if suffix in (".xlsx", ".xlsm", ".xlsb", ".ods"):
        try:
            with zipfile.ZipFile(path) as archive:
                _check_archive(path.name, archive)
        except zipfile.BadZipFile:
            return  # not a zip after all: the reader reports the damage
        return
    size = path.stat().st_size
    if size > MAX_UNCOMPRESSED:
        raise _too_big(path.name, f"ukurannya {_mb(size)}")
    if suffix in (".csv", ".txt"):
        lines = 0
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                lines += block.count(b"\n")
        if lines > MAX_ROWS:
            raise _too_big(path.name, f"{lines:,} baris".replace(",", "."))


def _check_archive(name: str, archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    declared = sum(m.file_size for m in members)
    if declared > MAX_UNCOMPRESSED:
        raise _too_big(name, f"isinya {_mb(declared)} setelah diekstrak")
    for member in members:
        if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml"):
            _check_sheet(name, archive, member)


def _check_sheet(name: str, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    max_row = max_col = 0
    sheet = member.filename.rsplit("/", 1)[-1]
    with archive.open(member) as stream:
        head = stream.read(1 << 16)
        found = _DIMENSION.search(head)
        if found:
            last_col, last_row = found.group(3) or found.group(1), found.group(4) or found.group(2)
            max_row, max_col = int(last_row), _column_number(last_col)
        if member.file_size <= SCAN_LIMIT:
            row_max, col_max = _scan(head, stream)
            max_row, max_col = max(max_row, row_max), max(max_col, col_max)
    if max_row > MAX_ROWS:
        raise _too_big(name, f"lembar {sheet} sampai baris {max_row:,}".replace(",", "."))
    if max_row * max_col > MAX_CELLS:
        raise _too_big(
            name,
            f"lembar {sheet} membentang {max_row:,} baris × {max_col:,} kolom".replace(",", "."),
        )


def _scan(head: bytes, stream: IO[bytes]) -> tuple[int, int]:
    """The sheet's real extent from its cells: the distinct column letters (a few dozen,
    collected in C) and the row tags; a cell whose row number has more digits than the
    last row tag (a cell placed far below its row) counts as that far row."""
    letters: set[bytes] = set()
    max_row = 0
    far = 0
    tail = b""
    block = head
    while block:
        text = tail + block
        letters.update(_CELL_COLUMN.findall(text))
        rows = _ROW_TAG.findall(text)
        if rows:
            max_row = max(max_row, max(map(int, rows)))
        digits = len(str(max_row)) if max_row else 1
        beyond = re.search(rb'<c\s+r="[A-Z]{1,4}(\d{%d,9})"' % (digits + 1), text)
        if beyond:
            far = max(far, int(beyond.group(1)))
        tail = text[-64:]
        block = stream.read(1 << 20)
    max_col = max((_column_number(c) for c in letters), default=0)
    return max(max_row, far), max_col
