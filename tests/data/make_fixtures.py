"""Rebuilds the binary fixtures kept in tests/data (run once by a developer, not by CI).

- siak_small.xls: a SIAK (Dukcapil) export in Excel 97-2003 format, written with
  openpyxl as .xlsx and converted by LibreOffice (`soffice --headless --convert-to xls`).
- password.xlsx: a workbook protected with the password "rahasia", encrypted with
  msoffcrypto-tool (pip install msoffcrypto-tool; a developer tool, not a dependency).

    python tests/data/make_fixtures.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
SIAK_HEADERS = [
    "Nomor KK",
    "NIK",
    "Nama Penduduk",
    "Status",
    "Tempat Lahir",
    "Tanggal Lahir",
    "Kelamin",
    "NIK Ayah",
    "Ayah",
    "NIK Ibu",
    "Ibu",
    "Status Kawin",
    "SHDK",
    "Agama",
    "Kecamatan",
    "Desa/Kel",
    "Alamat",
    "RW",
    "RT",
    "Pendidikan",
    "Pekerjaan",
    "Deskripsi Pekerjaan",
    "Gol. Darah",
    "Cacat",
    "Cetak KTP",
    "Ganti KTP",
    "KTP Berakhir",
    "Nomor Paspor",
    "Nomor Akta Lahir",
    "Nomor Akta Kawin",
    "Tanggal Kwn",
    "Nomor Akta Cerai",
    "Tgl Cerai",
    "Petugas Registrasi",
    "Tgl Ubah",
    "Petugas Entri",
    "Tgl Entri",
]

# (No KK, NIK, name, status, birthplace, birth date, sex, marital, SHDK, religion, RW, RT,
#  education, occupation)
SIAK_ROWS = [
    (
        "5201010101250001",
        "5201010403800011",
        "AHMAD SUKRI",
        "Hidup",
        "GERUNG",
        datetime(1980, 3, 4),
        "Laki-laki",
        "Kawin",
        "Kepala Keluarga",
        "Islam",
        1.0,
        1.0,
        "SLTA/Sederajat",
        "Petani/Pekebun",
    ),
    (
        "5201010101250001",
        "5201014907840012",
        "SITI AMINAH",
        "Hidup",
        "GERUNG",
        datetime(1984, 7, 9),
        "Perempuan",
        "Kawin",
        "Istri",
        "Islam",
        1.0,
        1.0,
        "Tamat SD/Sederajat",
        "Mengurus Rumah Tangga",
    ),
    (
        "5201010101250001",
        "5201012001100013",
        "M. RIZKI",
        "Hidup",
        "GERUNG",
        datetime(2010, 1, 20),
        "Laki-laki",
        "Belum Kawin",
        "Anak",
        "Islam",
        1.0,
        1.0,
        "Belum Tamat SD/Sederajat",
        "Pelajar/Mahasiswa",
    ),
    (
        "5201010101250002",
        "5201011506700021",
        "I WAYAN SUDARMA",
        "Hidup",
        "MATARAM",
        datetime(1970, 6, 15),
        "Laki-laki",
        "Cerai Mati",
        "Kepala Keluarga",
        "Hindu",
        2.0,
        3.0,
        "Diploma IV/Strata I",
        "Guru",
    ),
]


def make_siak_xls() -> Path:
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = "Data"
    ws.append(["DATA PENDUDUK DESA SUKA MAKMUR"])
    ws.append(SIAK_HEADERS)
    for (
        kk,
        nik,
        name,
        status,
        place,
        born,
        sex,
        marital,
        shdk,
        religion,
        rw,
        rt,
        edu,
        job,
    ) in SIAK_ROWS:
        row: list[object] = [""] * len(SIAK_HEADERS)
        values = {
            "Nomor KK": kk,
            "NIK": nik,
            "Nama Penduduk": name,
            "Status": status,
            "Tempat Lahir": place,
            "Tanggal Lahir": born,
            "Kelamin": sex,
            "Status Kawin": marital,
            "SHDK": shdk,
            "Agama": religion,
            "Kecamatan": "GERUNG",
            "Desa/Kel": "SUKA MAKMUR",
            "Alamat": "JL. MELATI",
            "RW": rw,
            "RT": rt,
            "Pendidikan": edu,
            "Pekerjaan": job,
            "Cacat": "-",
        }
        for key, value in values.items():
            row[SIAK_HEADERS.index(key)] = value
        ws.append(row)
    for row_cells in ws.iter_rows(min_row=3, min_col=1, max_col=2):
        for cell in row_cells:
            cell.number_format = "@"
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "siak_small.xlsx"
        workbook.save(source)
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "xls", "--outdir", str(HERE), str(source)],
            check=True,
            capture_output=True,
        )
    return HERE / "siak_small.xls"


def make_password_xlsx() -> Path:
    import msoffcrypto  # developer tool only

    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.append(["nik", "nama", "no_kk"])
    ws.append(["5201010403800011", "AHMAD SUKRI", "5201010101250001"])
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "plain.xlsx"
        workbook.save(plain)
        target = HERE / "password.xlsx"
        with plain.open("rb") as source, target.open("wb") as out:
            office = msoffcrypto.OfficeFile(source)
            office.encrypt("rahasia", out)
    return target


if __name__ == "__main__":
    for made in (make_siak_xls(), make_password_xlsx()):
        print(made, made.stat().st_size, "bytes", file=sys.stderr)
