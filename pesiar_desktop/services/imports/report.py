"""The import report: rejected rows to fix and import again, warnings, pending changes."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pesiar_desktop.db import Database
from pesiar_desktop.services import privacy
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.imports.bpjs import BpjsPreview
from pesiar_desktop.services.imports.resident_plan import PENDING_LABELS, PendingChange
from pesiar_desktop.services.imports.resident_preview import ResidentPreview
from pesiar_desktop.services.imports.welfare import WelfarePreview

if TYPE_CHECKING:  # the workbook writer loads only when a report is written
    from pesiar_desktop.reports.import_report_xlsx import ImportReport


def write_report(
    preview: ResidentPreview | BpjsPreview | WelfarePreview,
    path: Path | str,
    pending: Iterable[PendingChange] = (),
    *,
    db: Database | None = None,
    actor: Actor | None = None,
) -> Path:
    """The rejected rows as an .xlsx to fix and import again, plus the warnings.

    With `db` and `actor` the export is checked (`personal.export`) and audited.
    """
    from pesiar_desktop.reports.import_report_xlsx import write_import_report

    if actor is not None:
        privacy.require_export(actor, db)
    path = write_import_report(report_data(preview, pending), Path(path))
    if db is not None and actor is not None:
        rows = len(preview.rejected) + len(preview.warnings)
        privacy.record_export(db, actor, "import_report", rows, str(path))
    return path


def report_data(
    preview: ResidentPreview | BpjsPreview | WelfarePreview, pending: Iterable[PendingChange] = ()
) -> ImportReport:
    """A preview's report as plain values (the pending changes given, else the preview's)."""
    from pesiar_desktop.reports.import_report_xlsx import ImportReport

    rejected = [(note.row_number, note.message, values) for note, values in preview.rejected_rows()]
    warnings = [(w.row_number, w.nik, w.message) for w in preview.warnings]
    if isinstance(preview, ResidentPreview):
        changes = [
            (c.row_number, c.nik, c.name, PENDING_LABELS[c.kind], c.before, c.after, c.key)
            for c in (pending or preview.pending)
        ]
        return ImportReport(preview.headers, rejected, warnings, pending=changes)
    return ImportReport(
        preview.headers,
        rejected,
        warnings,
        not_in_register=[(n.row_number, n.nik, n.message) for n in preview.not_in_register],
        missing_from_list=(
            list(preview.missing_from_list) if isinstance(preview, BpjsPreview) else None
        ),
    )
