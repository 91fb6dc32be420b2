"""The register as OpenSID's import workbook: one header row with OpenSID's names, then a
row per resident; NIK, No KK, RT/RW and dates written as text so Excel cannot damage them."""

from __future__ import annotations

from pathlib import Path

from pesiar_desktop.reportdata.opensid import OPENSID_HEADERS, OpenSidSheet
from pesiar_desktop.reports.workbook import new_workbook


def write_opensid_xlsx(sheet: OpenSidSheet, path: Path | str, *, title: str) -> Path:
    path = Path(path)
    book = new_workbook(path, title=title, constant_memory=True)
    text_format = book.add_format({"num_format": "@"})
    ws = book.add_worksheet("Penduduk")
    for column, header in enumerate(OPENSID_HEADERS):
        ws.write_string(0, column, header)
        ws.set_column(column, column, 18 if header in ("nik", "no_kk", "nama") else 12, text_format)
    for row, values in enumerate(sheet.rows, start=1):
        for column, header in enumerate(OPENSID_HEADERS):
            value = values.get(header)
            if value is None or value == "":
                continue
            if isinstance(value, int):
                ws.write_number(row, column, value)
            else:
                ws.write_string(row, column, value)
    book.close()
    return path
