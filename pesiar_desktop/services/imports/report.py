"""The import report: rejected rows to fix and import again, warnings, pending changes."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pesiar_desktop.db import Database
from pesiar_desktop.services import privacy
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.imports.bpjs import BpjsPreview
from pesiar_desktop.services.imports.resident_plan import PENDING_LABELS, PendingChange
from pesiar_desktop.services.imports.resident_preview import ResidentPreview
from pesiar_desktop.services.imports.welfare import WelfarePreview


def write_report(
    preview: ResidentPreview | BpjsPreview | WelfarePreview,
    path: Path | str,
    pending: Iterable[PendingChange] = (),
    *,
    db: Database | None = None,
    actor: Actor | None = None,
) -> Path:
    """The rejected rows as an .xlsx to fix and import again, plus the warnings.

    The first sheet keeps the original columns (every cell written as text, so
    a NIK cannot be damaged again) with an `Alasan` column the importer ignores.
    With `db` and `actor` the export is checked (`personal.export`) and audited.
    """
    if actor is not None:
        privacy.require_export(actor)
    from openpyxl import Workbook
    from openpyxl.styles import Font

    path = Path(path)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Ditolak"
    headers = list(preview.headers)
    sheet.append([*headers, "Alasan", "Baris asal"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for note, values in preview.rejected_rows():
        padded = values + [""] * (len(headers) - len(values))
        sheet.append([*padded[: len(headers)], note.message, note.row_number])
    for row in sheet.iter_rows(min_row=2):
        for cell in row[: len(headers)]:
            cell.number_format = "@"
            cell.data_type = "s"
    notes = workbook.create_sheet("Peringatan")
    notes.append(["Baris", "NIK", "Peringatan"])
    for warning in preview.warnings:
        notes.append([warning.row_number, warning.nik, warning.message])
    if isinstance(preview, ResidentPreview):
        confirm = workbook.create_sheet("Perlu konfirmasi")
        confirm.append(["Baris", "NIK", "Nama", "Perubahan", "Sebelum", "Sesudah", "Kunci"])
        for change in pending or preview.pending:
            confirm.append(
                [
                    change.row_number,
                    change.nik,
                    change.name,
                    PENDING_LABELS[change.kind],
                    change.before,
                    change.after,
                    change.key,
                ]
            )
    else:
        missing = workbook.create_sheet("Tidak di register")
        missing.append(["Baris", "NIK/No KK", "Keterangan"])
        for note in preview.not_in_register:
            missing.append([note.row_number, note.nik, note.message])
        if isinstance(preview, BpjsPreview):
            absent = workbook.create_sheet("Tidak ada di daftar")
            absent.append(["NIK", "Nama", "Status di register"])
            for item in preview.missing_from_list:
                absent.append(list(item))
    for ws in workbook.worksheets:
        for column in ws.columns:
            letter = column[0].column_letter
            ws.column_dimensions[letter].width = min(
                60, max(10, *(len(str(c.value or "")) + 2 for c in column[:200]))
            )
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    if db is not None and actor is not None:
        rows = len(preview.rejected) + len(preview.warnings)
        privacy.record_export(db, actor, "import_report", rows, str(path))
    return path
