"""Welfare lists (DTSEN/DTKS deciles): match with the register's families, then set deciles."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select

from pesiar_desktop.clock import utcnow
from pesiar_desktop.db import Database
from pesiar_desktop.errors import ValidationError
from pesiar_desktop.importers.formats import ColumnMapping
from pesiar_desktop.importers.reader import file_sha256
from pesiar_desktop.importers.residents import RowNote
from pesiar_desktop.importers.welfare import WelfareRow, parse_welfare
from pesiar_desktop.models import (
    Family,
    ImportRow,
    Resident,
)
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.import_values import Cell, cell_text
from pesiar_desktop.services import bulk_sql, events
from pesiar_desktop.services.context import Actor, require
from pesiar_desktop.services.imports.batches import (
    begin_import,
    latest_batch_id,
    previous_import_notice,
    record_batch,
)
from pesiar_desktop.services.imports.common import (
    ImportResult,
    Progress,
    ShouldCancel,
    cancel_check,
    check_cancel,
    tick,
    with_bulk_work,
)
from pesiar_desktop.services.imports.mappings import mapped_table


@dataclass
class WelfarePreview:
    path: Path
    sha256: str
    mapping_name: str
    total_rows: int
    family_deciles: dict[int, tuple[int, int]] = field(
        default_factory=dict, repr=False
    )  # fid -> (decile, row)
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    poor_families: int = 0
    rejected: list[RowNote] = field(default_factory=list)
    warnings: list[RowNote] = field(default_factory=list)
    not_in_register: list[RowNote] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    cells: dict[int, list[Cell]] = field(default_factory=dict, repr=False)
    headers: list[str] = field(default_factory=list)
    seen_batch_id: int | None = field(default=None, repr=False)  # batches.begin_import

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
            "not_in_register": len(self.not_in_register),
            "poor_families": self.poor_families,
        }

    def rejected_rows(self) -> list[tuple[RowNote, list[str]]]:
        return [
            (n, [cell_text(c) for c in self.cells.get(n.row_number, [])]) for n in self.rejected
        ]


@with_bulk_work
def preview_welfare(
    db: Database,
    path: Path | str,
    mapping: ColumnMapping | str | None = None,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> WelfarePreview:
    """Matches a welfare list (by NIK or No KK) with the register's families; writes nothing."""
    path = Path(path)
    table, column_mapping, layout = mapped_table(db, path, "welfare", mapping)

    def parsing(done: int, total: int) -> None:
        tick(progress, done, total)
        check_cancel(should_cancel)

    parsed = parse_welfare(table, layout, parsing)
    preview = WelfarePreview(
        path,
        file_sha256(path),
        column_mapping.name if column_mapping else "",
        len(table.numbers),
        rejected=parsed.rejected,
        cells=parsed.cells,
        headers=table.headers,
    )
    with db.read() as session:
        preview.seen_batch_id = latest_batch_id(session)
        notice = previous_import_notice(session, "welfare", preview.sha256)
        if notice:
            preview.notices.append(notice)
        by_kk = {a: b for a, b in session.execute(select(Family.no_kk, Family.id))}
        by_nik = {
            a: b
            for a, b in session.execute(
                select(Resident.nik, Resident.family_id).where(Resident.nik_problem.is_(None))
            )
        }
        current = {a: b for a, b in session.execute(select(Family.id, Family.welfare_decile))}
    for row in parsed.rows:
        number, key_text, decile = row.row_number, row.key_text, row.decile
        family_id = _family_of(row, by_kk, by_nik)
        if family_id is None:
            preview.not_in_register.append(
                RowNote(number, key_text, "NIK/No KK ini tidak ada di register penduduk.")
            )
        else:
            earlier = preview.family_deciles.get(family_id)
            if earlier is not None and earlier[0] != decile:
                preview.warnings.append(
                    RowNote(
                        number,
                        key_text,
                        f"Keluarga ini sudah berdesil {earlier[0]} di baris {earlier[1]}; "
                        f"desil terendah ({min(earlier[0], decile)}) yang dipakai.",
                    )
                )
                decile = min(earlier[0], decile)
            preview.family_deciles[family_id] = (decile, number)
    for family_id, (decile, _row) in preview.family_deciles.items():
        before = current.get(family_id)
        if before == decile:
            preview.unchanged += 1
        elif before is None:
            preview.new += 1
        else:
            preview.updated += 1
        if decile <= codes.POOR_DECILE_MAX:
            preview.poor_families += 1
    return preview


def _family_of(row: WelfareRow, by_kk: dict[str, int], by_nik: dict[str, int]) -> int | None:
    """The family of the row's first number the register knows."""
    for kind, value in row.keys:
        found = (by_kk if kind == "no_kk" else by_nik).get(value)
        if found is not None:
            return found
    return None


@with_bulk_work
def commit_welfare(
    db: Database,
    actor: Actor,
    preview: WelfarePreview,
    strict: bool = False,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> ImportResult:
    """Sets each matched family's welfare decile (decile 1-4 marks the family poor)."""
    require(actor, "residents.write")
    if strict and preview.rejected:
        raise ValidationError(
            {"file": f"{len(preview.rejected)} baris ditolak; mode ketat: tidak ada yang diimpor."}
        )
    with db.transaction(immediate=True) as session:
        begin_import(session, "welfare", preview.sha256, preview.seen_batch_id)
        current = {a: b for a, b in session.execute(select(Family.id, Family.welfare_decile))}
        rows: list[dict[str, Any]] = [
            {"welfare_decile": decile, "updated_at": utcnow(), "id": fid}
            for fid, (decile, _row) in preview.family_deciles.items()
            if fid in current and current[fid] != decile
        ]
        counts = preview.counts()
        batch = record_batch(
            session,
            actor,
            "welfare",
            preview.file_name,
            preview.sha256,
            f"mapping:{preview.mapping_name}" if preview.mapping_name else "auto",
            counts,
            {
                "poor_families": preview.poor_families,
                "not_in_register": len(preview.not_in_register),
            },
        )
        family_table = Family.__table__
        assert isinstance(family_table, Table)
        bulk_sql.update_many(session, family_table, "id", rows, cancel_check(should_cancel))
        import_row_table = ImportRow.__table__
        assert isinstance(import_row_table, Table)
        bulk_sql.insert_many(
            session,
            import_row_table,
            [
                {
                    "batch_id": batch.id,
                    "row_number": preview.family_deciles[r["id"]][1],
                    "resident_id": None,
                    "family_id": r["id"],
                    "action": "updated",
                }
                for r in rows
            ],
        )
        tick(progress, 1, 1)
    events.notify(events.Topic.RESIDENTS)
    return ImportResult(batch.id, counts)
