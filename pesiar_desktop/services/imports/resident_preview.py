"""The first step of a resident import: read the file, plan it against the register,
and show the figures; writes nothing."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from pesiar_desktop.db import Database
from pesiar_desktop.importers import formats
from pesiar_desktop.importers.formats import ColumnMapping
from pesiar_desktop.importers.import_records import (
    ResidentRecord,
    build_records,
)
from pesiar_desktop.importers.reader import ImportFileError, SheetTable, file_sha256, load_table
from pesiar_desktop.importers.residents import RowNote, parse_residents
from pesiar_desktop.models import Village
from pesiar_desktop.rules.import_values import Cell, cell_text
from pesiar_desktop.rules.regions import district_exists
from pesiar_desktop.services.imports.batches import latest_batch_id, previous_import_notice
from pesiar_desktop.services.imports.common import (
    Progress,
    ShouldCancel,
    check_cancel,
    tick,
    with_bulk_work,
)
from pesiar_desktop.services.imports.mappings import get_mapping, list_mappings
from pesiar_desktop.services.imports.origin import (
    ORIGIN_KEY,
    CodeShare,
    OriginCheck,
    check_origin,
    region_shares,
)
from pesiar_desktop.services.imports.resident_plan import (
    PendingChange,
    Plan,
    Register,
    load_register,
    plan_residents,
    register_fingerprint,
)
from pesiar_desktop.services.imports.resident_rows import RowChange, build_rows

ROW_LIMIT = 1000  # rows the preview lists; the total is shown beside them


@dataclass
class ResidentPreview:
    """What a resident import would do; shown before the commit, passed to `commit_residents`."""

    path: Path
    sha256: str
    file_format: str
    sheet_name: str
    header_row: int
    headers: list[str]
    total_rows: int
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RowNote] = field(default_factory=list)
    warnings: list[RowNote] = field(default_factory=list)
    pending: list[PendingChange] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    confirmed: frozenset[str] = frozenset()
    records: list[ResidentRecord] = field(default_factory=list, repr=False)
    file_rejected: list[RowNote] = field(default_factory=list, repr=False)
    file_warnings: list[RowNote] = field(default_factory=list, repr=False)
    cells: Mapping[int, list[Cell]] = field(default_factory=dict, repr=False)
    plan_cache: tuple[Any, ...] | None = field(default=None, repr=False)
    seen_batch_id: int | None = field(default=None, repr=False)  # batches.begin_import
    # The village's kecamatan (6 digits) and whether the file seems to be another village's.
    village_district: str = ""
    origin: OriginCheck | None = None
    region_shares: tuple[CodeShare, CodeShare] | None = field(default=None, repr=False)
    header_of: dict[str, str] = field(default_factory=dict, repr=False)  # field -> header
    last_plan: Plan | None = field(default=None, repr=False)

    @property
    def file_name(self) -> str:
        return self.path.name

    def counts(self) -> dict[str, int]:
        return {
            "total": self.total_rows,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": len(self.rejected),
            "warnings": len(self.warnings),
            "pending": len(self.pending),
        }

    @property
    def needs_origin_confirmation(self) -> bool:
        """The file seems to be another village's: the commit needs `ORIGIN_KEY` confirmed."""
        return self.origin is not None and self.origin.needs_confirmation

    def rows(self, limit: int = ROW_LIMIT) -> list[RowChange]:
        """The first `limit` rows with what the import does to each (see `resident_rows`)."""
        return build_rows(
            self.records, self.rejected, self.pending, self.last_plan, limit, self._cell_text
        )

    def _cell_text(self, row_number: int, field_name: str) -> str:
        """A field of a row the file rejected, as written (it has no record)."""
        header = self.header_of.get(field_name)
        cells = self.cells.get(row_number, [])
        if header is None or header not in self.headers:
            return ""
        index = self.headers.index(header)
        return " ".join(cell_text(cells[index]).split()) if index < len(cells) else ""

    def rejected_rows(self) -> list[tuple[RowNote, list[str]]]:
        """Each rejected row with its original cells as text (for the .xlsx to fix)."""
        return [
            (note, [cell_text(c) for c in self.cells.get(note.row_number, [])])
            for note in self.rejected
        ]


def _resolve_format(
    db: Database, path: Path, file_format: str, kind: str = "residents"
) -> tuple[SheetTable, str, ColumnMapping | None]:
    """Reads the table and settles the layout: auto, opensid, siak or mapping:NAME."""
    if file_format.startswith("mapping:"):
        mapping = get_mapping(db, kind, file_format.split(":", 1)[1])
        table = load_table(path, formats.layout_score(mapping.layout()))
        return table, file_format, mapping
    if file_format not in ("auto", "opensid", "siak"):
        raise ImportFileError(
            f"Format {file_format!r} tidak dikenal: pilih auto, opensid, siak atau mapping:NAMA."
        )
    saved = [get_mapping(db, kind, m.name) for m in list_mappings(db, kind)]

    def score(keys: list[str]) -> int:
        best = formats.known_headers_score(keys)
        for mapping in saved:
            best = max(best, formats.layout_score(mapping.layout())(keys))
        return best

    table = load_table(path, score)
    if file_format != "auto":
        return table, file_format, None
    detected = formats.detect_resident_format(table.header_keys)
    if detected is not None:
        return table, detected, None
    present = set(table.header_keys)
    for mapping in saved:
        wanted = {h for options in mapping.layout().values() for h in options}
        if wanted <= present:
            return table, f"mapping:{mapping.name}", mapping
    raise ImportFileError(
        f"Format {path.name} tidak dikenali dari judul kolomnya "
        f"({', '.join(table.headers[:8])}...). Buat pemetaan kolom untuk berkas ini."
    )


@with_bulk_work
def preview_residents(
    db: Database,
    path: Path | str,
    file_format: str = "auto",
    confirmed: Collection[str] = (),
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> ResidentPreview:
    """Reads the file and compares it with the register; writes nothing.

    Raises `ImportFileError` when the file as a whole cannot be used.
    """
    path = Path(path)
    # The workbook is parsed by python-calamine without holding the GIL: meanwhile a
    # second thread hashes the file and loads the register, so a re-import does not
    # wait for both one after the other.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pesiar-import") as pool:
        early = pool.submit(_register_snapshot, db, path)
        table, fmt, mapping = _resolve_format(db, path, file_format)
        check_cancel(should_cancel)

        def parsing(done: int, total: int) -> None:
            tick(progress, done, total)
            check_cancel(should_cancel)

        parsed = parse_residents(table, fmt, mapping, parsing)
        records, rejected, warnings = build_records(parsed)
    # (On an error above, leaving the block waits for the thread; its result is dropped.)
    snapshot = early.result()
    sha256, notice, fingerprint, reg, seen_batch_id, district = snapshot
    preview = ResidentPreview(
        path=path,
        sha256=sha256,
        file_format=fmt,
        sheet_name=table.sheet_name,
        header_row=table.header_row,
        headers=table.headers,
        total_rows=len(table.numbers),
        records=records,
        file_rejected=rejected,
        file_warnings=warnings,
        cells=parsed.cells,
        seen_batch_id=seen_batch_id,
        village_district=district,
        header_of=parsed.header_of,
    )
    if not table.numbers:
        raise ImportFileError(f"Lembar kerja {table.sheet_name} tidak berisi baris data.")
    plan = plan_residents(None, preview.records, frozenset(confirmed), should_cancel, reg)
    preview.plan_cache = (fingerprint, frozenset(confirmed), plan)
    if notice:
        preview.notices.insert(0, notice)
    apply_plan_to_preview(preview, plan)
    return preview


def _register_snapshot(
    db: Database, path: Path
) -> tuple[str, str | None, tuple[Any, ...], Register, int, str]:
    """File hash, earlier-import notice, register fingerprint, the register itself, the
    newest import batch's id and the village's kecamatan code (6 digits).

    The fingerprint is taken before the register is read: a write in between makes
    the commit re-plan instead of trusting this snapshot.
    """
    sha256 = file_sha256(path)
    district_exists("520101")  # loads the region list the NIK checks use, off the main path
    with db.read() as session:
        seen_batch_id = latest_batch_id(session)
        notice = previous_import_notice(session, "residents", sha256)
        fingerprint = register_fingerprint(session)
        reg = load_register(session)
        code = session.scalar(select(Village.region_code).order_by(Village.id).limit(1))
    district = code.replace(".", "")[:6] if code else ""
    return sha256, notice, fingerprint, reg, seen_batch_id, district


def replan_residents(
    db: Database, preview: ResidentPreview, confirmed: Collection[str]
) -> ResidentPreview:
    """The same preview recomputed with another set of confirmed changes."""
    keys = frozenset(confirmed) - {ORIGIN_KEY}
    with db.read() as session:
        plan = plan_residents(session, preview.records, keys, None)
        preview.plan_cache = (register_fingerprint(session), keys, plan)
    apply_plan_to_preview(preview, plan)
    return preview


def apply_plan_to_preview(preview: ResidentPreview, plan: Plan) -> None:
    rejected_rows = {n.row_number for n in plan.rejected}
    preview.new = len(plan.new_residents)
    preview.updated = len(plan.updated_rows)
    preview.unchanged = plan.unchanged
    preview.rejected = sorted(preview.file_rejected + plan.rejected, key=lambda n: n.row_number)
    preview.warnings = [w for w in preview.file_warnings if w.row_number not in rejected_rows]
    preview.warnings += plan.warnings
    preview.pending = [p for p in plan.pending if p.row_number not in rejected_rows]
    preview.notices = [n for n in preview.notices if n not in plan.notices] + plan.notices
    preview.confirmed = frozenset()
    preview.last_plan = plan
    if preview.region_shares is None:
        preview.region_shares = region_shares(preview.records, preview.village_district)
    preview.origin = check_origin(
        preview.region_shares, preview.village_district, plan.new_dusun, plan.village_has_dusun
    )
