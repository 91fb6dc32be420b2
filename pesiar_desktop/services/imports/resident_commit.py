"""The second step of a resident import: write the planned rows in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import repeat
from typing import Any

from sqlalchemy import func, select, update
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
from pesiar_desktop.services.imports.batches import begin_import, insert_refs, record_batch
from pesiar_desktop.services.imports.common import (
    ImportResult,
    Progress,
    ShouldCancel,
    cancel_check,
    tick,
    with_bulk_work,
)
from pesiar_desktop.services.imports.origin import ORIGIN_KEY, OTHER_VILLAGE_REFUSED
from pesiar_desktop.services.imports.resident_plan import (
    PendingChange,
    Plan,
    plan_residents,
    register_fingerprint,
)
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
    origin_confirmed = ORIGIN_KEY in confirmed
    confirmed_set = frozenset(confirmed) - {ORIGIN_KEY}
    with db.transaction(immediate=True) as session:
        begin_import(session, "residents", preview.sha256, preview.seen_batch_id)
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
        if preview.needs_origin_confirmation and not origin_confirmed:
            raise ValidationError({"file": OTHER_VILLAGE_REFUSED})
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
            _batch_summary(preview, pending_left),
        )
        _write_residents(session, actor, plan, batch.id, progress, should_cancel)
    events.notify(events.Topic.RESIDENTS)
    return ImportResult(batch.id, counts, pending_left)


def _batch_summary(
    preview: ResidentPreview, pending_left: list[PendingChange]
) -> dict[str, Any] | None:
    """What the batch keeps beside its counts: changes left unconfirmed, and the warning
    a person confirmed for a file that seemed to be another village's."""
    summary: dict[str, Any] = {}
    if pending_left:
        summary["pending_left"] = [p.message for p in pending_left[:200]]
    if preview.needs_origin_confirmation and preview.origin is not None:
        summary["other_village_confirmed"] = preview.origin.messages()
    return summary or None


def _write_residents(
    session: Session,
    actor: Actor,
    plan: Plan,
    batch_id: int,
    progress: Progress | None,
    should_cancel: ShouldCancel | None,
) -> None:
    """Writes the plan: areas first (a handful), then families, then people, their
    memberships and the batch's row references."""
    day, stamp = bulk_sql.to_driver(session)
    now = utcnow()
    w = _Writing(
        session,
        actor,
        plan,
        batch_id,
        now,
        stamp(now),
        day,
        progress,
        cancel_check(should_cancel),
        total=len(plan.new_residents) + len(plan.updates) + len(plan.new_families) + 1,
    )
    _write_areas(w)
    family_ids = _write_new_families(w)
    _write_family_updates(w)
    id_before = session.scalar(select(func.max(Resident.id))) or 0
    # SQLite: the new residents get the ids after the largest (what SQLite would give
    # them), so they are known without reading 100,000 rows back. PostgreSQL's ids
    # come from its sequence and are read back below.
    id_column: Sequence[int] | None = None
    if bulk_sql.is_sqlite(session):
        id_column = range(id_before + 1, id_before + 1 + len(plan.new_residents))
    _insert_new_residents(w, family_ids, id_column)
    _write_resident_updates(w)
    _write_moves(w, family_ids)
    _write_life_changes(w)
    _write_nik_fixes(w)
    id_of = _resident_ids(w, id_before, id_column)
    membership.write_memberships_bulk(
        session,
        actor,
        source="import",
        new=[
            (
                id_of[record.row_number],
                seed.card_number,
                seed.segment,
                seed.status,
                None,
                "",
                0,
                w.today,
            )
            for record, seed in plan.memberships
        ],
        now=now,
    )
    insert_refs(
        session,
        batch_id,
        "new",
        [(r.row_number, id_of[r.row_number]) for r, _kk in plan.new_residents],
    )
    insert_refs(session, batch_id, "updated", [(r.row_number, e.id) for r, e, _c in plan.updates])
    tick(progress, w.total, w.total)


@dataclass
class _Writing:
    """What the steps of one resident import's write share."""

    session: Session
    actor: Actor
    plan: Plan
    batch_id: int
    now: datetime
    now_value: Any  # `now` in the driver's form
    day: Callable[[date | None], Any]  # a date to the driver's form
    progress: Progress | None
    before_chunk: Callable[[], None] | None  # the cancel check
    total: int
    done: int = 0
    today: date = field(default_factory=clock.today)
    area_ids: dict[tuple[str, str, str], int] = field(default_factory=dict)

    def advance(self, count: int) -> None:
        self.done += count
        tick(self.progress, self.done, self.total)

    def rt_id_of(self, area: tuple[Any, ...]) -> int:
        return int(area[1]) if area[0] == "id" else self.area_ids[(area[1], area[2], area[3])]

    @property
    def needed_families(self) -> set[str]:
        """The No KK new residents and confirmed moves go to."""
        return {kk for _r, kk in self.plan.new_residents} | set(self.plan.moves.values())


def _write_areas(w: _Writing) -> None:
    from pesiar_desktop.services.village import ensure_areas_in

    w.area_ids.update(ensure_areas_in(w.session, w.plan.new_areas))


def _write_new_families(w: _Writing) -> dict[str, int]:
    """Inserts the new families that rows need; returns the ids of every needed family."""
    needed = w.needed_families
    rows = [
        (fam.no_kk, w.rt_id_of(fam.area), fam.address, None, w.now_value, w.now_value)
        for fam in w.plan.new_families.values()
        if fam.area is not None and fam.no_kk in needed
    ]
    names = ("no_kk", "rt_id", "address", "welfare_decile", "created_at", "updated_at")
    bulk_sql.insert_rows(w.session, bulk_sql.model_table(Family), names, rows)
    w.advance(len(rows))
    family_ids: dict[str, int] = {}
    if needed:
        for kk, fid in bulk_sql.fetch_raw(w.session, "SELECT no_kk, id FROM family"):
            if kk in needed:
                family_ids[kk] = fid
    return family_ids


def _write_family_updates(w: _Writing) -> None:
    if not w.plan.family_updates:
        return
    current_of = {
        fid: (rt_id, address)
        for fid, rt_id, address in w.session.execute(
            select(Family.id, Family.rt_id, Family.address)
        )
    }
    rows = [
        {
            "rt_id": w.rt_id_of(changes["area"]) if "area" in changes else current_of[fid][0],
            "address": changes.get("address", current_of[fid][1]),
            "updated_at": w.now,
            "id": fid,
        }
        for fid, changes in w.plan.family_updates.items()
    ]
    bulk_sql.update_many(w.session, bulk_sql.model_table(Family), "id", rows)
    audit.record(
        w.session,
        w.actor,
        "import.family_update",
        "import_batch",
        w.batch_id,
        None,
        {"families": len(rows)},
    )


def _insert_new_residents(
    w: _Writing, family_ids: dict[str, int], id_column: Sequence[int] | None
) -> None:
    """The new residents as driver-ready tuples, in chunks so a cancel is noticed;
    with explicit ids when `id_column` gives them."""
    new = w.plan.new_residents
    rows: list[tuple[Any, ...]] = []
    if new:
        # Column-wise: the birth dates become the driver's text (each distinct date once).
        person_columns = list(zip(*(record.values for record, _kk in new), strict=True))
        birth = _COLUMN_INDEX["birth_date"]
        birth_text = {born: w.day(born) for born in set(person_columns[birth])}
        person_columns[birth] = tuple(map(birth_text.__getitem__, person_columns[birth]))
        alive = codes.LIFE_ALIVE
        rows = list(
            zip(
                *([id_column] if id_column is not None else []),
                [record.nik for record, _kk in new],
                [record.nik_problem for record, _kk in new],
                # The value first written, kept after the fix (re-imports match it).
                [None if record.nik_problem is None else record.nik for record, _kk in new],
                *person_columns,
                [family_ids[kk] for _record, kk in new],
                [record.life_status or alive for record, _kk in new],
                repeat(None),
                repeat(w.now_value),
                repeat(w.now_value),
                strict=False,  # repeat() is endless
            )
        )
    names = [
        *(["id"] if id_column is not None else []),
        "nik",
        "nik_problem",
        "nik_raw",
        *PERSON_COLUMNS,
        "family_id",
        "life_status",
        "life_status_date",
        "created_at",
        "updated_at",
    ]
    resident_table = bulk_sql.model_table(Resident)
    # Into an empty SQLite register, secondary indexes are built once after the load
    # (a sort) instead of row by row; same names and columns, same transaction.
    rebuild = []
    if (
        bulk_sql.is_sqlite(w.session)
        and len(rows) >= 5000
        and w.session.scalar(select(Resident.id).limit(1)) is None
    ):
        rebuild = sorted(resident_table.indexes, key=lambda index: str(index.name))
        for index in rebuild:
            index.drop(w.session.connection())
    bulk_sql.insert_rows(w.session, resident_table, names, rows, w.before_chunk, w.advance)
    for index in rebuild:
        index.create(w.session.connection())


def _write_resident_updates(w: _Writing) -> None:
    """Whole person rows: the register's values overlaid with the changes."""
    rows = []
    for _record, existing, changed in w.plan.updates:
        values = dict(existing.values)
        values.update(changed)
        values["updated_at"] = w.now
        values["id"] = existing.id
        rows.append(values)
    resident_table = bulk_sql.model_table(Resident)
    bulk_sql.update_many(w.session, resident_table, "id", rows, w.before_chunk, w.advance)


def _write_moves(w: _Writing, family_ids: dict[str, int]) -> None:
    """Confirmed moves to another family: few rows, kept readable."""
    resident_table = bulk_sql.model_table(Resident)
    for resident_id, kk in w.plan.moves.items():
        target = family_ids[kk]
        w.session.execute(
            update(resident_table)
            .where(resident_table.c.id == resident_id)
            .values(family_id=target, updated_at=w.now)
        )
        audit.record(
            w.session,
            w.actor,
            "resident.move",
            "resident",
            resident_id,
            None,
            {"family_id": target, "import_batch": w.batch_id},
        )


def _write_life_changes(w: _Writing) -> None:
    """Confirmed life-status changes; a member who died or moved away stops being one."""
    resident_table = bulk_sql.model_table(Resident)
    for existing, status, _record in w.plan.life_changes:
        w.session.execute(
            update(resident_table)
            .where(resident_table.c.id == existing.id)
            .values(life_status=status, life_status_date=clock.today(), updated_at=w.now)
        )
        audit.record(
            w.session,
            w.actor,
            "resident.life_status",
            "resident",
            existing.id,
            {"life_status": existing.life_status},
            {"life_status": status, "import_batch": w.batch_id},
        )
        if status != codes.LIFE_ALIVE:
            _end_membership(w.session, w.actor, existing.id)


def _write_nik_fixes(w: _Writing) -> None:
    """Residents kept with a NIK to fix whose valid NIK the file brings (matched by name,
    birth date and No KK): the NIK set, the flag cleared, the first value kept."""
    resident_table = bulk_sql.model_table(Resident)
    for resident_id, nik in w.plan.nik_fixes.items():
        before = w.session.execute(
            select(resident_table.c.nik, resident_table.c.nik_problem).where(
                resident_table.c.id == resident_id
            )
        ).one()
        w.session.execute(
            update(resident_table)
            .where(resident_table.c.id == resident_id)
            .values(nik=nik, nik_problem=None, updated_at=w.now)
        )
        audit.record(
            w.session,
            w.actor,
            "resident.fix_nik",
            "resident",
            resident_id,
            {"nik": before.nik, "nik_problem": before.nik_problem},
            {"nik": nik, "nik_problem": None, "import_batch": w.batch_id},
        )


def _resident_ids(w: _Writing, id_before: int, id_column: Sequence[int] | None) -> dict[int, int]:
    """Row number -> id of the new residents (all above the largest id before the
    insert) and of the existing ones a membership is seeded for."""
    new = w.plan.new_residents
    id_of: dict[int, int] = {}
    if new and id_column is not None:
        id_of.update(zip((record.row_number for record, _kk in new), id_column, strict=True))
    elif new:
        sql = (
            "SELECT nik, id, nik_problem IS NULL FROM resident "
            f"WHERE id > {bulk_sql.param_mark(w.session)} ORDER BY id"
        )
        valid: dict[str, int] = {}
        to_fix: dict[str, list[int]] = {}
        for nik, rid, ok in bulk_sql.fetch_raw(w.session, sql, (id_before,)):
            if ok:
                valid[nik] = rid
            else:
                to_fix.setdefault(nik, []).append(rid)
        for record, _kk in new:
            if record.nik_problem is None:
                id_of[record.row_number] = valid[record.nik]
            else:  # inserted in row order: the same value as written, in the same order
                id_of[record.row_number] = to_fix[record.nik].pop(0)
    id_of.update(w.plan.seeded_ids)  # existing residents a membership is seeded for
    return id_of


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
