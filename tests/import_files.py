"""Spreadsheets the import tests build themselves (openpyxl), with consistent NIKs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from pesiar_desktop.rules.nik import nik_for

DISTRICT = "520101"
OPENSID_HEADERS = [
    "alamat",
    "dusun",
    "rw",
    "rt",
    "nama",
    "no_kk",
    "nik",
    "sex",
    "tempatlahir",
    "tanggallahir",
    "agama_id",
    "pendidikan_kk_id",
    "pekerjaan_id",
    "status_kawin",
    "kk_level",
    "nama_ayah",
    "nama_ibu",
    "status_dasar",
    "cacat_id",
    "hamil",
    "id_asuransi",
    "no_asuransi",
]


def kk_number(serial: int) -> str:
    return f"{DISTRICT}0101{20 + serial // 10000:02d}{serial % 10000:04d}"[:16]


def nik(born: date, sex: int, serial: int) -> str:
    return nik_for(DISTRICT, born, sex, serial)


def opensid_row(
    *,
    name: str,
    no_kk: str,
    born: date,
    sex: int,
    shdk: int,
    serial: int,
    dusun: str = "Dusun Krajan",
    rw: object = "001",
    rt: object = "001",
    **overrides: object,
) -> dict[str, object]:
    row: dict[str, object] = {
        "alamat": "Jl. Melati",
        "dusun": dusun,
        "rw": rw,
        "rt": rt,
        "nama": name,
        "no_kk": no_kk,
        "nik": nik(born, sex, serial),
        "sex": sex,
        "tempatlahir": "Gerung",
        "tanggallahir": born.strftime("%d-%m-%Y"),
        "agama_id": 1,
        "pendidikan_kk_id": 5,
        "pekerjaan_id": 9,
        "status_kawin": 2 if shdk in (1, 3) else 1,
        "kk_level": shdk,
        "nama_ayah": "",
        "nama_ibu": "",
        "status_dasar": 1,
        "cacat_id": 7,
        "hamil": 0,
        "id_asuransi": 1,
        "no_asuransi": "",
    }
    row.update(overrides)
    return row


def family(
    kk_serial: int, dusun: str = "Dusun Krajan", rt: object = "001", **extra: object
) -> list[dict[str, object]]:
    """A head, a wife and a child with one No KK."""
    kk = kk_number(kk_serial)
    base = kk_serial * 10
    return [
        opensid_row(
            name=f"Kepala {kk_serial}",
            no_kk=kk,
            born=date(1980, 3, 4),
            sex=1,
            shdk=1,
            serial=base + 1,
            dusun=dusun,
            rt=rt,
            **extra,
        ),
        opensid_row(
            name=f"Istri {kk_serial}",
            no_kk=kk,
            born=date(1984, 7, 9),
            sex=2,
            shdk=3,
            serial=base + 2,
            dusun=dusun,
            rt=rt,
            **extra,
        ),
        opensid_row(
            name=f"Anak {kk_serial}",
            no_kk=kk,
            born=date(2010, 1, 20),
            sex=1,
            shdk=4,
            serial=base + 3,
            dusun=dusun,
            rt=rt,
            **extra,
        ),
    ]


def write_xlsx(
    path: Path,
    rows: Iterable[Sequence[object]],
    headers: Sequence[str] | None = None,
    *,
    title_rows: Sequence[Sequence[object]] = (),
    sheet: str = "Penduduk",
    extra_sheets: dict[str, list[list[object]]] | None = None,
    text_columns: Sequence[str] = (),
) -> Path:
    """A workbook: optional title rows, a header row, the rows. Cells keep their Python type."""
    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    if extra_sheets:
        for name, data in extra_sheets.items():
            other = workbook.create_sheet(name, 0)
            for line in data:
                other.append(list(line))
    ws.title = sheet
    for line in title_rows:
        ws.append(list(line))
    if headers is not None:
        ws.append(list(headers))
    for line in rows:
        ws.append(list(line))
    for header in text_columns:
        if headers is None:
            break
        column = list(headers).index(header) + 1
        for (cell,) in ws.iter_rows(min_col=column, max_col=column):
            cell.number_format = "@"
    workbook.save(path)
    return path


def write_opensid(
    path: Path,
    records: list[dict[str, object]],
    headers: Sequence[str] = OPENSID_HEADERS,
    **kw: object,
) -> Path:
    return write_xlsx(path, ([r.get(h, "") for h in headers] for r in records), headers, **kw)  # type: ignore[arg-type]


def moved_from(district: str, rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """The same rows with NIKs and No KK first issued in another district (6 digits):
    a family that moved in, or a whole file from another village's kecamatan."""
    return [
        {**row, "nik": district + str(row["nik"])[6:], "no_kk": district + str(row["no_kk"])[6:]}
        for row in rows
    ]
