"""Crafted workbooks are refused before parsing, with an Indonesian message and exit 2,
never with a native out-of-memory abort (calamine builds a dense grid)."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from pesiar_desktop.cli import main
from pesiar_desktop.importers import bounds
from pesiar_desktop.importers.reader import ImportFileError, load_table
from tests.conftest import DEMO_PASSWORDS


def _workbook(path: Path, cells: dict[str, str]) -> Path:
    wb = openpyxl.Workbook()
    for ref, value in cells.items():
        wb.active[ref] = value
    wb.save(path)
    return path


def _with_dimension(
    source: Path, target: Path, dimension: bytes, moves: tuple[bytes, bytes] = (b"", b"")
) -> Path:
    """The same workbook whose sheet claims another extent (a dimension can lie)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]+"/>', dimension, data)
                if moves[0]:
                    data = data.replace(moves[0], moves[1])
            zout.writestr(item, data)
    return target


def _cli_import(path: Path, data: Path) -> subprocess.CompletedProcess[str]:
    if not data.exists():  # a set-up village: the import runs as its logged-in admin
        init = ["--data-dir", str(data), "init", "--village-code", "5201012005"]
        assert (
            main([*init, "--admin-user", "admin", "--admin-password", DEMO_PASSWORDS["admin"]]) == 0
        )
    return subprocess.run(
        [sys.executable, "-m", "pesiar_desktop", "--data-dir", str(data), "import",
         "residents", str(path), "--dry-run"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_a_tiny_workbook_with_a_far_cell_is_refused_not_aborted(tmp_path):
    far = _workbook(tmp_path / "jauh.xlsx", {"A1": "NIK", "B2": "x", "BXX900000": "x"})
    assert far.stat().st_size < 10_000
    lying = _with_dimension(far, tmp_path / "bohong.xlsx", b'<dimension ref="A1:B2"/>')
    # a cell placed far below the row that holds it (calamine goes by the cell)
    near = _workbook(tmp_path / "dekat.xlsx", {"A1": "NIK", "BX2": "x"})
    moved = _with_dimension(
        near, tmp_path / "pindah.xlsx", b'<dimension ref="A1:B2"/>', (b'r="BX2"', b'r="BX900000"')
    )
    for crafted in (far, lying, moved):
        with pytest.raises(ImportFileError, match="terlalu besar untuk diimpor"):
            load_table(crafted, lambda keys: 1)
        done = _cli_import(crafted, tmp_path / "data")
        assert done.returncode == 2, done.stderr[-2000:]
        assert "terlalu besar untuk diimpor" in done.stderr
        assert "Traceback" not in done.stderr and "memory allocation" not in done.stderr


def test_rows_past_the_limit_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(bounds, "MAX_ROWS", 50)
    many = _workbook(tmp_path / "banyak.xlsx", {f"A{n}": "x" for n in range(1, 60)})
    with pytest.raises(ImportFileError, match="sampai baris 59"):
        load_table(many, lambda keys: 1)
    csv = tmp_path / "banyak.csv"
    csv.write_text("NIK;NAMA\n" + "1;a\n" * 60, encoding="utf-8")
    with pytest.raises(ImportFileError, match="61 baris"):
        load_table(csv, lambda keys: 1)


def test_a_zip_bomb_is_refused_by_its_declared_size(tmp_path, monkeypatch):
    monkeypatch.setattr(bounds, "MAX_UNCOMPRESSED", 5 * 1024 * 1024)
    source = _workbook(tmp_path / "kecil.xlsx", {"A1": "NIK"})
    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        zout.writestr("xl/media/isian.bin", b"\0" * (6 * 1024 * 1024))
    assert bomb.stat().st_size < 100_000
    with pytest.raises(ImportFileError, match="setelah diekstrak"):
        load_table(bomb, lambda keys: 1)
