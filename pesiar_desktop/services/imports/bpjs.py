"""BPJS membership lists: match the list with the register, then update memberships."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from pesiar_desktop.clock import utcnow
from pesiar_desktop.db import Database
from pesiar_desktop.errors import ValidationError
from pesiar_desktop.importers.bpjs_status import BpjsRow, parse_bpjs
from pesiar_desktop.importers.formats import ColumnMapping
from pesiar_desktop.importers.reader import file_sha256
from pesiar_desktop.importers.residents import RowNote
from pesiar_desktop.models import (
    ImportRow,
    Membership,
    Resident,
)
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.import_values import Cell, cell_text
from pesiar_desktop.rules.membership import MembershipInput, stored_values
from pesiar_desktop.services import bulk_sql, events, membership
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
class BpjsPreview:
    path: Path
    sha256: str
    mapping_name: str
    list_date: date
    total_rows: int
    rows: list[BpjsRow] = field(default_factory=list, repr=False)
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RowNote] = field(default_factory=list)
    warnings: list[RowNote] = field(default_factory=list)
    not_in_register: list[RowNote] = field(default_factory=list)
    missing_from_list: list[tuple[str, str, str]] = field(default_factory=list)  # nik, name, status
    notices: list[str] = field(default_factory=list)
    cells: dict[int, list[Cell]] = field(default_factory=dict, repr=False)
    headers: list[str] = field(default_factory=list)
    seen_batch_id: int | None = field(default=None, repr=False)  # batches.begin_import

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def matched(self) -> int:
        return self.new + self.updated + self.unchanged

    def counts(self) -> dict[str, int]:
        return {
            "total": self.total_rows,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": len(self.rejected),
            "warnings": len(self.warnings),
            "matched": self.matched,
            "not_in_register": len(self.not_in_register),
            "missing_from_list": len(self.missing_from_list),
        }

    def rejected_rows(self) -> list[tuple[RowNote, list[str]]]:
        return [
            (n, [cell_text(c) for c in self.cells.get(n.row_number, [])]) for n in self.rejected
        ]


@with_bulk_work
def preview_bpjs(
    db: Database,
    path: Path | str,
    mapping: ColumnMapping | str,
    list_date: date | None = None,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> BpjsPreview:
    """Matches a BPJS membership list with the register; writes nothing."""
    path = Path(path)
    table, column_mapping, _layout = mapped_table(db, path, "bpjs", mapping)
    assert column_mapping is not None

    def parsing(done: int, total: int) -> None:
        tick(progress, done, total)
        check_cancel(should_cancel)

    parsed = parse_bpjs(table, column_mapping, list_date, parsing)
    preview = BpjsPreview(
        path,
        file_sha256(path),
        column_mapping.name,
        parsed.list_date,
        len(table.numbers),
        rows=parsed.rows,
        rejected=parsed.rejected,
        warnings=parsed.warnings,
        notices=parsed.notices,
        cells=parsed.cells,
        headers=table.headers,
    )
    with db.read() as session:
        preview.seen_batch_id = latest_batch_id(session)
        notice = previous_import_notice(session, "bpjs", preview.sha256)
        if notice:
            preview.notices.insert(0, notice)
        _plan_bpjs(session, preview)
    return preview


def _stored(data: MembershipInput) -> dict[str, Any]:
    """A list row's membership as the register would store it."""
    return stored_values(
        data.status,
        data.segment,
        data.card_number,
        data.jkn_class,
        data.fktp_code,
        data.months_in_arrears,
    )


def _plan_bpjs(session: Session, preview: BpjsPreview) -> list[tuple[BpjsRow, int, str]]:
    """(row, resident id, action) for every matched row; fills the preview's figures."""
    residents = {
        nik: (rid, name, laid_off)
        for rid, nik, name, laid_off in session.execute(
            # A NIK to fix is nobody's key: the list's (valid) NIKs never match it.
            select(Resident.id, Resident.nik, Resident.name, Resident.is_laid_off).where(
                Resident.nik_problem.is_(None)
            )
        )
    }
    current = {
        row[0]: row
        for row in session.execute(
            select(
                Membership.resident_id,
                *[getattr(Membership, k) for k in membership.STATE_COLUMNS],
                Membership.as_of,
            )
        )
    }
    actions: list[tuple[BpjsRow, int, str]] = []
    preview.new = preview.updated = preview.unchanged = 0
    preview.not_in_register = []
    for row in preview.rows:
        found = residents.get(row.nik)
        if found is None:
            preview.not_in_register.append(
                RowNote(
                    row.row_number,
                    row.nik,
                    f"{row.name or 'NIK ini'} tidak ada di register penduduk.",
                )
            )
            continue
        rid, _name, laid_off = found
        values = _stored(row.membership)
        existing = current.get(rid)
        if existing is None:
            action = "new"
        else:
            same = dict(zip(membership.STATE_COLUMNS, existing[1:7], strict=True)) == values
            if same and (not row.laid_off or laid_off):
                action = "unchanged"
            elif existing[7] is not None and existing[7] > preview.list_date:
                preview.warnings.append(
                    RowNote(
                        row.row_number,
                        row.nik,
                        f"Data kepesertaan di register lebih baru ({existing[7]:%d-%m-%Y}) dari "
                        "tanggal daftar ini: tidak diubah.",
                    )
                )
                action = "unchanged"
            else:
                action = "updated"
        setattr(preview, action, getattr(preview, action) + 1)
        actions.append((row, rid, action))
    listed = {row.nik for row in preview.rows}
    preview.missing_from_list = [
        (nik, name, codes.label(codes.MEMBERSHIP_STATUS, status))
        for nik, name, status in session.execute(
            select(Resident.nik, Resident.name, Membership.status)
            .join(Membership, Membership.resident_id == Resident.id)
            .where(
                Resident.life_status == codes.LIFE_ALIVE,
                Membership.status.in_(codes.REGISTERED_STATUSES),
            )
            .order_by(Resident.name_sort)
        )
        if nik not in listed
    ]
    return actions


@with_bulk_work
def commit_bpjs(
    db: Database,
    actor: Actor,
    preview: BpjsPreview,
    strict: bool = False,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> ImportResult:
    """Updates current memberships and appends history dated by the list's date."""
    require(actor, "residents.write")
    with db.transaction(immediate=True) as session:
        begin_import(session, "bpjs", preview.sha256, preview.seen_batch_id)
        actions = _plan_bpjs(session, preview)
        if strict and preview.rejected:
            raise ValidationError(
                {
                    "file": f"{len(preview.rejected)} baris ditolak; mode ketat: tidak ada yang diimpor."
                }
            )
        counts = preview.counts()
        batch = record_batch(
            session,
            actor,
            "bpjs",
            preview.file_name,
            preview.sha256,
            f"mapping:{preview.mapping_name}",
            counts,
            {k: counts[k] for k in ("matched", "not_in_register", "missing_from_list")},
            preview.list_date,
        )
        now = utcnow()
        resident_table = bulk_sql.model_table(Resident)
        states: dict[str, list[membership.MembershipRow]] = {"new": [], "updated": []}
        laid_off_ids: list[int] = []
        refs: list[dict[str, Any]] = []
        for row, rid, action in actions:
            if action == "unchanged":
                continue
            values = _stored(row.membership)
            states[action].append(
                (rid, *[values[k] for k in membership.STATE_COLUMNS], preview.list_date)
            )
            if row.laid_off:
                laid_off_ids.append(rid)
            refs.append(
                {
                    "batch_id": batch.id,
                    "row_number": row.row_number,
                    "resident_id": rid,
                    "family_id": None,
                    "action": action,
                }
            )
        membership.write_memberships_bulk(
            session,
            actor,
            source="bpjs",
            new=states["new"],
            changed=states["updated"],
            now=now,
            before_chunk=cancel_check(should_cancel),
        )
        if laid_off_ids:
            session.execute(
                update(resident_table)
                .where(resident_table.c.id.in_(laid_off_ids))
                .values(is_laid_off=True, updated_at=now)
            )
        import_row_table = ImportRow.__table__
        assert isinstance(import_row_table, Table)
        bulk_sql.insert_many(session, import_row_table, refs)
        tick(progress, 1, 1)
    events.notify(events.Topic.RESIDENTS)
    return ImportResult(batch.id, counts, summary={"not_in_register": len(preview.not_in_register)})
