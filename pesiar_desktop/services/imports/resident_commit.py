"""The second step of a resident import: write the planned rows in one transaction."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import repeat
from typing import Any

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.clock import utcnow
from pesiar_desktop.db import Database
from pesiar_desktop.errors import ValidationError
from pesiar_desktop.importers.import_records import (
    COLUMN_INDEX as _COLUMN_INDEX,
)
from pesiar_desktop.importers.import_records import (
    PERSON_COLUMNS,
)
from pesiar_desktop.models import (
    Family,
    Membership,
    Resident,
)
from pesiar_desktop.rules import codes
from pesiar_desktop.services import audit, bulk_sql, events, membership
from pesiar_desktop.services.context import Actor, require
from pesiar_desktop.services.imports.batches import insert_refs, record_batch
from pesiar_desktop.services.imports.common import (
    ImportResult,
    Progress,
    ShouldCancel,
    cancel_check,
    tick,
    with_bulk_work,
)
from pesiar_desktop.services.imports.resident_plan import Plan, plan_residents, register_fingerprint
from pesiar_desktop.services.imports.resident_preview import ResidentPreview, apply_plan_to_preview


@with_bulk_work
def commit_residents(
    db: Database,
    actor: Actor,
    preview: ResidentPreview,
    confirmed: Collection[str] = (),
    strict: bool = False,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> ImportResult:
    """Writes the accepted rows in one transaction and records the batch.

    The plan is recomputed inside the transaction, so what is written matches
    the register as it is now. `strict`: nothing is written if any row is
    rejected (a `ValidationError` says how many).
    """
    require(actor, "residents.write")
    confirmed_set = frozenset(confirmed)
    with db.transaction() as session:
        cached = preview.plan_cache
        if (
            cached is not None
            and cached[1] == confirmed_set
            and cached[0] == register_fingerprint(session)
        ):
            plan = cached[2]  # the register has not changed since the preview
        else:
            plan = plan_residents(session, preview.records, confirmed_set, should_cancel)
        preview.plan_cache = None  # a plan is written once
        apply_plan_to_preview(preview, plan)
        preview.confirmed = confirmed_set
        if strict and preview.rejected:
            raise ValidationError(
                {
                    "file": f"{len(preview.rejected)} baris ditolak; mode ketat: tidak ada yang diimpor."
                }
            )
        counts = preview.counts()
        counts["confirmed"] = sum(1 for p in preview.pending if p.key in confirmed_set)
        pending_left = [p for p in preview.pending if p.key not in confirmed_set]
        counts["pending"] = len(pending_left)
        batch = record_batch(
            session,
            actor,
            "residents",
            preview.file_name,
            preview.sha256,
            preview.file_format,
            counts,
            {"pending_left": [p.message for p in pending_left[:200]]} if pending_left else None,
        )
        _write_residents(session, actor, plan, batch.id, progress, should_cancel)
    events.notify("residents")
    return ImportResult(batch.id, counts, pending_left)


def _write_residents(
    session: Session,
    actor: Actor,
    plan: Plan,
    batch_id: int,
    progress: Progress | None,
    should_cancel: ShouldCancel | None,
) -> None:
    from pesiar_desktop.services.village import ensure_rt_in

    now = utcnow()
    total = len(plan.new_residents) + len(plan.updates) + len(plan.new_families) + 1
    done = 0
    # Areas first (a handful), then families, then people.
    area_ids: dict[tuple[str, str, str], int] = {}
    for name, rw, rt in plan.new_areas:
        area_ids[(name, rw, rt)] = ensure_rt_in(session, name, rw, rt).id

    def rt_id_of(area: tuple[Any, ...]) -> int:
        return int(area[1]) if area[0] == "id" else area_ids[(area[1], area[2], area[3])]

    family_table = Family.__table__
    resident_table = Resident.__table__
    assert isinstance(family_table, Table) and isinstance(resident_table, Table)
    needed_families = {kk for _r, kk in plan.new_residents} | set(plan.moves.values())
    day, stamp = bulk_sql.to_driver(session)
    now_value = stamp(now)
    new_families = [
        (fam.no_kk, rt_id_of(fam.area), fam.address, None, now_value, now_value)
        for fam in plan.new_families.values()
        if fam.area is not None and fam.no_kk in needed_families
    ]
    family_names = ("no_kk", "rt_id", "address", "welfare_decile", "created_at", "updated_at")
    bulk_sql.insert_rows(session, family_table, family_names, new_families)
    done += len(new_families)
    tick(progress, done, total)
    family_ids: dict[str, int] = {}  # of the families new residents and moves go to
    if needed_families:
        for kk, fid in bulk_sql.fetch_raw(session, "SELECT no_kk, id FROM family"):
            if kk in needed_families:
                family_ids[kk] = fid
    if plan.family_updates:
        current_of = {
            fid: (rt_id, address)
            for fid, rt_id, address in session.execute(
                select(Family.id, Family.rt_id, Family.address)
            )
        }
        rows = [
            {
                "rt_id": rt_id_of(changes["area"]) if "area" in changes else current_of[fid][0],
                "address": changes.get("address", current_of[fid][1]),
                "updated_at": now,
                "id": fid,
            }
            for fid, changes in plan.family_updates.items()
        ]
        bulk_sql.update_many(session, family_table, "id", rows)
        audit.record(
            session,
            actor,
            "import.family_update",
            "import_batch",
            batch_id,
            None,
            {"families": len(rows)},
        )
    # New residents as driver-ready tuples, in chunks so a cancel is noticed.
    known_family = family_ids
    id_before = session.scalar(select(func.max(resident_table.c.id))) or 0
    # SQLite: the new residents get the ids after the largest (what SQLite would give
    # them), so they are known without reading 100,000 rows back. PostgreSQL's ids
    # come from its sequence and are read back below.
    explicit_ids = session.get_bind().dialect.name == "sqlite"
    id_column: Sequence[int] = []
    new_rows: list[tuple[Any, ...]] = []
    if plan.new_residents:
        if explicit_ids:
            id_column = range(id_before + 1, id_before + 1 + len(plan.new_residents))
        # Column-wise: the birth dates become the driver's text (each distinct date once).
        person_columns = list(
            zip(*(record.values for record, _kk in plan.new_residents), strict=True)
        )
        birth = _COLUMN_INDEX["birth_date"]
        birth_text = {born: day(born) for born in set(person_columns[birth])}
        person_columns[birth] = tuple(map(birth_text.__getitem__, person_columns[birth]))
        alive = codes.LIFE_ALIVE
        new_rows = list(
            zip(
                *([id_column] if explicit_ids else []),
                [record.nik for record, _kk in plan.new_residents],
                *person_columns,
                [known_family[kk] for _record, kk in plan.new_residents],
                [record.life_status or alive for record, _kk in plan.new_residents],
                repeat(None),
                repeat(now_value),
                repeat(now_value),
                strict=False,  # repeat() is endless
            )
        )
    new_names = [
        *(["id"] if explicit_ids else []),
        "nik",
        *PERSON_COLUMNS,
        "family_id",
        "life_status",
        "life_status_date",
        "created_at",
        "updated_at",
    ]

    def advance(count: int) -> None:
        nonlocal done
        done += count
        tick(progress, done, total)

    # Into an empty SQLite register, secondary indexes are built once after the load
    # (a sort) instead of row by row; same names and columns, same transaction.
    rebuild = []
    if (
        session.get_bind().dialect.name == "sqlite"
        and len(new_rows) >= 5000
        and session.scalar(select(Resident.id).limit(1)) is None
    ):
        rebuild = sorted(resident_table.indexes, key=lambda index: str(index.name))
        for index in rebuild:
            index.drop(session.connection())
    bulk_sql.insert_rows(
        session, resident_table, new_names, new_rows, cancel_check(should_cancel), advance
    )
    for index in rebuild:
        index.create(session.connection())
    # Updates: whole person rows (existing values overlaid with the changes).
    update_rows = []
    for _record, existing, changed in plan.updates:
        values = dict(existing.values)
        values.update(changed)
        values["updated_at"] = now
        values["id"] = existing.id
        update_rows.append(values)
    bulk_sql.update_many(
        session, resident_table, "id", update_rows, cancel_check(should_cancel), advance
    )
    # Confirmed moves and life-status changes: few rows, kept readable.
    for resident_id, kk in plan.moves.items():
        target = known_family[kk]
        session.execute(
            update(resident_table)
            .where(resident_table.c.id == resident_id)
            .values(family_id=target, updated_at=now)
        )
        audit.record(
            session,
            actor,
            "resident.move",
            "resident",
            resident_id,
            None,
            {"family_id": target, "import_batch": batch_id},
        )
    for existing, status, _record in plan.life_changes:
        session.execute(
            update(resident_table)
            .where(resident_table.c.id == existing.id)
            .values(life_status=status, life_status_date=clock.today(), updated_at=now)
        )
        audit.record(
            session,
            actor,
            "resident.life_status",
            "resident",
            existing.id,
            {"life_status": existing.life_status},
            {"life_status": status, "import_batch": batch_id},
        )
        if status != codes.LIFE_ALIVE:
            _end_membership(session, actor, existing.id)
    # Ids of the new residents (all above the largest id before the insert), and of
    # the existing ones a membership is seeded for; for memberships and row references.
    nik_to_id: dict[str, int] = {}
    if plan.new_residents and explicit_ids:
        new_niks = (record.nik for record, _kk in plan.new_residents)
        nik_to_id.update(zip(new_niks, id_column, strict=True))
    elif plan.new_residents:
        sql = f"SELECT nik, id FROM resident WHERE id > {bulk_sql.param_mark(session)}"
        nik_to_id.update(bulk_sql.fetch_raw(session, sql, (id_before,)))
    seeded = {r.nik for r, _m in plan.memberships} - nik_to_id.keys()
    if seeded:
        for nik, rid in bulk_sql.fetch_raw(session, "SELECT nik, id FROM resident"):
            if nik in seeded:
                nik_to_id[nik] = rid
    today = clock.today()
    membership.write_memberships_bulk(
        session,
        actor,
        source="import",
        new=[
            (nik_to_id[record.nik], seed.card_number, seed.segment, seed.status, None, "", 0, today)
            for record, seed in plan.memberships
        ],
        now=now,
    )
    insert_refs(
        session,
        batch_id,
        "new",
        [(r.row_number, nik_to_id[r.nik]) for r, _kk in plan.new_residents],
    )
    insert_refs(session, batch_id, "updated", [(r.row_number, e.id) for r, e, _c in plan.updates])
    tick(progress, total, total)


def _end_membership(session: Session, actor: Actor, resident_id: int) -> None:
    """A resident the file marks dead or moved: a member's membership ends."""
    current = session.get(Membership, resident_id)
    if current is None or current.status not in codes.REGISTERED_STATUSES:
        return
    membership.set_membership(
        session,
        actor,
        resident_id,
        membership.MembershipChange(status=codes.STATUS_ENDED),
        source="import",
        as_of=clock.today(),
    )
