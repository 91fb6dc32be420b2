"""The column-by-column .xlsx path gives exactly what the cell-by-cell path gives.

Each workbook is read both ways: the fast path (`plain_xlsx`) must either decline
(None) or return the same sheet, header, row numbers and cells, each cell of the
same Python type. Files the fast path must take are checked to be taken, and
files it must leave to the careful path are checked to be left.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from openpyxl import Workbook

from pesiar_desktop.importers import formats, plain_xlsx, reader
from pesiar_desktop.importers.formats import OPENSID, known_headers_score
from tests.import_files import OPENSID_HEADERS, family, write_opensid, write_xlsx

SCORE = known_headers_score


def careful(path: Path, score: Any = SCORE) -> reader.SheetTable:
    return reader._first_table(path, reader._filled_sheets(path, reader.read_sheets(path)), score)


def fast(path: Path, score: Any = SCORE) -> reader.SheetTable | None:
    table = plain_xlsx.load_plain_table(path, score)
    assert table is None or isinstance(table, reader.SheetTable)
    return table


def typed(table: reader.SheetTable) -> tuple[Any, ...]:
    """Everything a table says, each cell with its type (1 == 1.0 == True otherwise)."""
    return (
        table.file_name,
        table.sheet_name,
        table.header_row,
        table.headers,
        table.title_lines,
        list(table.numbers),
        [[(type(cell).__name__, cell) for cell in column] for column in table.columns],
    )


def assert_same_when_fast(path: Path, score: Any = SCORE) -> reader.SheetTable:
    expected = careful(path, score)
    got = fast(path, score)
    assert got is not None, "the fast path declined a plain file"
    assert typed(got) == typed(expected)
    return got


def placed(path: Path, lines: list[list[Any]], first_row: int, first_column: int) -> Workbook:
    """A workbook whose table starts at (first_row, first_column), saved to `path`."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for r, line in enumerate(lines, start=first_row):
        for c, value in enumerate(line, start=first_column):
            sheet.cell(row=r, column=c, value=value)
    book.save(path)
    return book


def opensid_rows(count: int) -> list[dict[str, object]]:
    return [row for k in range(1, count + 1) for row in family(k)]


def test_a_plain_opensid_export_is_read_column_by_column_with_the_same_cells(tmp_path):
    path = write_opensid(tmp_path / "a.xlsx", opensid_rows(20))
    table = assert_same_when_fast(path)
    assert (table.header_row, len(table.numbers), table.numbers[0]) == (1, 60, 2)
    assert table.headers == OPENSID_HEADERS


def test_cells_of_every_kind_match(tmp_path):
    headers = ["nik", "nama", "tanggallahir", "sex", "hamil", "kosong", "no_kk", "catatan"]
    rows: list[list[object]] = [
        ["5201014403800011", "Siti  Aminah ", date(1980, 3, 4), 2, False, None, "x", "  "],
        ["5201010403800012", "Budi", datetime(1980, 3, 4, 13, 30), 1, True, None, "y", "é ü"],
        [None, None, None, None, None, None, None, None],  # a blank row in the middle
        ["5201010403800013", "", date(1901, 1, 1), 1.5, None, None, None, "catatan"],
        ["5201010403800014", "Ani", datetime(2001, 2, 3), 2, False, None, "z", None],
    ]
    path = write_xlsx(tmp_path / "jenis.xlsx", rows, headers)
    table = assert_same_when_fast(path)
    assert table.numbers == [2, 3, 5, 6]
    born = table.columns[table.headers.index("tanggallahir")]
    assert [type(v).__name__ for v in born] == ["date", "datetime", "date", "date"]


def test_text_that_looks_like_dates_or_numbers_stays_text(tmp_path):
    headers = ["nik", "nama", "tanggallahir", "rt", "no_kk"]
    rows = [
        ["5201014403800011", "Siti", "1980-03-04", "001", "5201010101200001"],
        ["5201010403800012", "Budi", "04/03/1980", "1", "5.20101E+15"],
    ]
    table = assert_same_when_fast(write_xlsx(tmp_path / "teks.xlsx", rows, headers))
    assert table.columns[2] == ["1980-03-04", "04/03/1980"]


def test_the_end_mark_and_blank_header_columns_match(tmp_path):
    records = opensid_rows(3)
    path = write_opensid(tmp_path / "akhir.xlsx", records)
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    sheet.cell(row=4, column=len(OPENSID_HEADERS) + 2, value="catatan tanpa judul")
    sheet.append(["", "###"])
    sheet.append(["bukan data", "sesudah tanda akhir"])
    book.save(path)
    table = assert_same_when_fast(path)
    assert table.numbers == list(range(2, 11))
    assert len(table.headers) == len(OPENSID_HEADERS)


def test_a_codes_sheet_in_front_is_skipped_the_same_way(tmp_path):
    path = write_opensid(
        tmp_path / "kode.xlsx",
        opensid_rows(2),
        extra_sheets={"Kode Data": [["kode", "arti"], [1, "Islam"]]},
    )
    table = assert_same_when_fast(path)
    assert table.sheet_name == "Penduduk"


def test_xlsxwriter_files_with_cached_errors_match(tmp_path):
    path = tmp_path / "rumus.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Data")
    sheet.write_row(0, 0, ["nik", "nama", "no_kk", "umur"])
    sheet.write_row(1, 0, ["5201014403800011", "Siti", "5201010101200001"])
    sheet.write_formula(1, 3, "=1/0", None, "#DIV/0!")
    sheet.write_row(2, 0, ["5201010403800012", "Budi", "5201010101200001", 40])
    book.close()
    assert_same_when_fast(path)


@pytest.mark.parametrize(
    "case",
    [
        "title_row",
        "mixed_nik",
        "offset_table",
        "repeated_header",
        "number_header",
        "time_cells",
        "empty_sheet",
        "styled_blank_a1",
        "formula_a1_without_value",
    ],
)
def test_files_the_fast_path_must_leave_to_the_careful_one(tmp_path, case):
    rows = [[r.get(h, "") for h in OPENSID_HEADERS] for r in opensid_rows(2)]
    path = tmp_path / f"{case}.xlsx"
    if case == "title_row":
        write_xlsx(path, rows, OPENSID_HEADERS, title_rows=[["DATA PENDUDUK DESA"], []])
    elif case == "mixed_nik":
        rows[1][OPENSID_HEADERS.index("nik")] = 5201014403800000  # stored as a number
        write_xlsx(path, rows, OPENSID_HEADERS)
    elif case == "offset_table":
        placed(path, [OPENSID_HEADERS, *rows], first_row=3, first_column=2)
    elif case == "repeated_header":
        write_xlsx(path, [[*row, "x"] for row in rows], [*OPENSID_HEADERS, "nama"])
    elif case == "number_header":
        write_xlsx(path, [[*row, "x"] for row in rows], [*OPENSID_HEADERS, 2024])  # type: ignore[list-item]
    elif case == "time_cells":
        times = [time(8, 30), timedelta(hours=30)] * 3
        with_times = [[*row, t] for row, t in zip(rows, times, strict=True)]
        write_xlsx(path, with_times, [*OPENSID_HEADERS, "jam"])
    elif case == "empty_sheet":  # the first sheet is empty: the data is on the second
        book = Workbook()
        book.create_sheet("Penduduk")
        for line in [OPENSID_HEADERS, *rows]:
            book["Penduduk"].append(line)
        book.save(path)
    elif case in ("styled_blank_a1", "formula_a1_without_value"):
        from openpyxl.styles import Font

        book = placed(path, [OPENSID_HEADERS, *rows], first_row=2, first_column=1)
        sheet = book.active
        assert sheet is not None
        if case == "styled_blank_a1":
            sheet["A1"].font = Font(bold=True)
        else:
            sheet["A1"] = "=B2"  # openpyxl stores no cached value
        book.save(path)
    assert fast(path) is None
    # The production entry point still reads it (cell by cell) and agrees with the careful path.
    assert typed(reader.load_table(path, SCORE)) == typed(careful(path))


def test_load_table_takes_the_fast_path_for_a_plain_export(tmp_path, monkeypatch):
    path = write_opensid(tmp_path / "a.xlsx", opensid_rows(5))

    def refuse(_path: Path) -> Any:
        raise AssertionError("read cell by cell")

    monkeypatch.setattr(reader, "_read_excel", refuse)
    table = reader.load_table(path, formats.layout_score(OPENSID))
    assert len(table.numbers) == 15


@pytest.mark.parametrize(
    "kind, values",
    [
        ("string", ["Siti", None, "", "Ni Luh Putu Ayu Sri Wahyuni, S.Pd.", None]),
        ("string", ["Nyoman O’Neil", None, "é ü", "Budi"]),  # not ASCII
        ("large_string", ["a", None, "bb"]),
        ("float64", [1.0, None, 3.5, None, 0.0]),
        ("string", [None, None, None]),  # a column of blanks: no text at all
        ("string", ["x"] * 17 + [None, "y"]),  # a validity bitmap of three bytes
        ("string", ["x"] * 16),  # a bitmap with every bit set
    ],
)
def test_arrow_columns_read_from_their_buffers_equal_nanoarrows_values(kind, values):
    import nanoarrow

    array = nanoarrow.Array(nanoarrow.c_array(values, getattr(nanoarrow, kind)()))
    expected = ["" if value is None else value for value in array.to_pylist()]
    got = plain_xlsx._cells_from_buffers(array, is_text=kind != "float64")
    assert got == expected
    assert [type(cell) for cell in got] == [type(cell) for cell in expected]


def test_a_blank_slot_reads_blank_whatever_its_text_range_holds():
    import nanoarrow
    from nanoarrow import c_array_from_buffers, c_buffer

    # Arrow lets a null slot's offsets span bytes; the slot is still blank.
    validity = c_buffer([True, False, True], nanoarrow.bool_())
    offsets = c_buffer([0, 1, 3, 4], nanoarrow.int32())
    raw = c_array_from_buffers(nanoarrow.string(), 3, [validity, offsets, c_buffer(b"azzb")])
    assert plain_xlsx._cells_from_buffers(nanoarrow.Array(raw), is_text=True) == ["a", "", "b"]


def test_a_column_in_several_chunks_is_left_to_nanoarrow():
    import nanoarrow

    chunks = [
        nanoarrow.c_array(["a"], nanoarrow.string()),
        nanoarrow.c_array(["b"], nanoarrow.string()),
    ]
    array = nanoarrow.Array.from_chunks(chunks)
    assert plain_xlsx._cells_from_buffers(array, is_text=True) is None
    assert plain_xlsx._python_cells(nanoarrow, array) == ["a", "b"]


def test_row_cells_give_a_row_by_its_number(tmp_path):
    path = write_opensid(tmp_path / "a.xlsx", opensid_rows(2))
    table = reader.load_table(path, SCORE)
    cells = table.cells
    assert list(cells) == table.numbers == list(range(2, 8))
    assert cells[3] == table.rows[1][1]
    assert cells.get(99) is None and len(cells) == 6


def test_a_read_ahead_is_taken_once_and_never_for_a_changed_file(tmp_path, monkeypatch):
    """`read_ahead` (the command line starts it before its own start-up) parses in the
    background; the load then takes that result instead of parsing again. A file changed
    since is parsed again, and a second load parses again too."""
    path = write_opensid(tmp_path / "a.xlsx", opensid_rows(4))
    expected = typed(careful(path))
    parsed_by: list[str] = []
    parse = plain_xlsx._arrow_sheet

    def counted(p: Path) -> Any:
        import threading

        parsed_by.append(threading.current_thread().name)
        return parse(p)

    monkeypatch.setattr(plain_xlsx, "_arrow_sheet", counted)
    plain_xlsx.read_ahead(path)
    assert typed(reader.load_table(path, SCORE)) == expected
    assert parsed_by == ["pesiar-read-ahead"]
    assert typed(reader.load_table(path, SCORE)) == expected  # taken once: parsed again
    assert parsed_by == ["pesiar-read-ahead", "MainThread"]

    plain_xlsx.read_ahead(path)
    ahead = plain_xlsx._read_ahead
    assert ahead is not None
    ahead.join()
    write_opensid(path, opensid_rows(2))  # changed after the read-ahead
    table = reader.load_table(path, SCORE)
    assert typed(table) == typed(careful(path)) and len(table.numbers) == 6
    assert parsed_by[-2:] == ["pesiar-read-ahead", "MainThread"]


def test_a_read_ahead_of_a_refused_file_leaves_the_refusal_to_the_load(tmp_path, monkeypatch):
    """The read-ahead checks sizes before it parses, as the load does; a refused file is
    never parsed in the background, and the load reports it as always."""
    from pesiar_desktop.importers import bounds

    path = write_opensid(tmp_path / "a.xlsx", opensid_rows(4))
    monkeypatch.setattr(bounds, "MAX_ROWS", 5)
    monkeypatch.setattr(reader, "_BOUNDS_CHECKED", set())

    def refuse(_path: Path) -> Any:
        raise AssertionError("parsed a refused file")

    monkeypatch.setattr(plain_xlsx, "_arrow_sheet", refuse)
    plain_xlsx.read_ahead(path)
    with pytest.raises(reader.ImportFileError, match="baris"):
        reader.load_table(path, SCORE)
