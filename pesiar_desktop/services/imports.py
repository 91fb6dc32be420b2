"""Importing files villages already have: residents, BPJS membership lists, welfare lists.

Every import is two steps. `preview_*` reads the file and compares it with the
register without writing anything: counts of new / updated / unchanged /
rejected rows, an Indonesian reason per rejected row and per warning, and the
changes that need a person's confirmation (moving someone to another family
or dusun, or changing their life status). `commit_*` then writes in ONE
transaction, with the set of confirmed changes; unconfirmed ones are left as
they are and reported. Both take `progress(done, total)` and
`should_cancel()` so a GUI worker can drive them; cancelling raises
`ImportCancelled` inside the transaction, so nothing is written.

The bulk paths use preloaded lookups (NIK -> row, No KK -> family) and Core
inserts/updates in chunks, not an ORM round trip per row, so 100,000 rows stay
within a few seconds. Importing the same file twice changes nothing the
second time.
"""

from __future__ import annotations

import functools
import gc
import json
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar, cast

from sqlalchemy import Date, DateTime, Table, func, select, update
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.clock import utcnow
from pesiar_desktop.db import Database
from pesiar_desktop.errors import NotFound, PesiarError, ValidationError
from pesiar_desktop.importers import formats
from pesiar_desktop.importers.formats import ColumnMapping
from pesiar_desktop.importers.reader import ImportFileError, SheetTable, file_sha256, load_table
from pesiar_desktop.importers.residents import RowNote, parse_residents
from pesiar_desktop.models import (
    Dusun,
    Family,
    ImportBatch,
    ImportRow,
    Membership,
    MembershipHistory,
    Resident,
    Rt,
    SavedMapping,
)
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import import_values as iv
from pesiar_desktop.rules.import_values import Cell, ValueProblem, cell_text
from pesiar_desktop.rules.nik import check_nik, check_no_kk
from pesiar_desktop.rules.regions import district_exists
from pesiar_desktop.services import audit, events, privacy
from pesiar_desktop.services.context import Actor, require
from pesiar_desktop.services.import_records import (
    COLUMN_INDEX as _COLUMN_INDEX,
)
from pesiar_desktop.services.import_records import (
    PERSON_COLUMNS,
    ResidentRecord,
    build_records,
)
from pesiar_desktop.services.residents import (
    MembershipInput,
    validate_membership,
)

Progress = Callable[[int, int], None]
ShouldCancel = Callable[[], bool]

CHUNK = 5000
PENDING_FAMILY = "family"
PENDING_DUSUN = "dusun"
PENDING_LIFE = "life_status"
PENDING_LABELS = {
    PENDING_FAMILY: "pindah KK",
    PENDING_DUSUN: "pindah dusun",
    PENDING_LIFE: "status dasar",
}


class ImportCancelled(PesiarError):
    """The user cancelled; the transaction was rolled back."""

    def __init__(self) -> None:
        super().__init__("Impor dibatalkan; tidak ada data yang diubah.")


@contextmanager
def _bulk_work() -> Iterator[None]:
    """Keep the cyclic garbage collector off the objects a bulk import builds.

    While it runs: paused. Allocating a few hundred thousand rows otherwise triggers
    repeated collections that cost more than the parsing itself. Afterwards: what the
    step leaves behind (a preview's rows and records) is long-lived and free of
    reference cycles, so it is frozen (`gc.freeze`) instead of being walked by the
    next collection - a pause of ~0.2 s on 100,000 rows, on the GUI thread in the
    app - and by every full one after it. Frozen objects are still freed by reference
    counting as usual; the next bulk step unfreezes what is left, so a cycle caught
    in a freeze is collected after all, and so does `release_frozen` (the import
    dialog calls it when it closes).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    gc.unfreeze()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def release_frozen() -> None:
    """Hand what bulk steps froze back to the garbage collector (the import is over)."""
    gc.unfreeze()


F = TypeVar("F", bound=Callable[..., Any])


def _with_bulk_work(function: F) -> F:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with _bulk_work():
            return function(*args, **kwargs)

    return cast(F, wrapper)


def _tick(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _check_cancel(should_cancel: ShouldCancel | None) -> None:
    if should_cancel is not None and should_cancel():
        raise ImportCancelled()


def _chunks(items: Sequence[Any], size: int | None = None) -> Iterator[Sequence[Any]]:
    size = size or CHUNK
    for start in range(0, len(items), size):
        yield items[start : start + size]


# ====================================================================== saved mappings


@dataclass(frozen=True)
class MappingInfo:
    id: int
    kind: str
    name: str
    columns: dict[str, str]


def save_mapping(db: Database, actor: Actor, mapping: ColumnMapping) -> int:
    """Saves (or replaces) a named mapping for one import kind."""
    require(actor, "residents.write")
    name = " ".join(mapping.name.split())
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "Nama pemetaan wajib diisi."
    if mapping.kind not in codes.IMPORT_KINDS:
        errors["kind"] = "Jenis impor tidak dikenal (residents, bpjs atau welfare)."
    fields_known = {
        "residents": formats.RESIDENT_FIELDS,
        "bpjs": formats.BPJS_FIELDS,
        "welfare": formats.WELFARE_FIELDS,
    }.get(mapping.kind, {})
    unknown = [f for f in mapping.columns if f not in fields_known]
    if unknown and not errors:
        errors["columns"] = f"Bidang tidak dikenal: {', '.join(unknown)}."
    required = {
        "residents": formats.RESIDENT_REQUIRED,
        "bpjs": formats.BPJS_REQUIRED,
        "welfare": ("decile",),
    }.get(mapping.kind, ())
    absent = [fields_known[f] for f in required if not mapping.columns.get(f)]
    if absent and not errors:
        errors["columns"] = f"Kolom wajib belum dipetakan: {', '.join(absent)}."
    if mapping.kind == "welfare" and not (
        mapping.columns.get("nik") or mapping.columns.get("no_kk")
    ):
        errors.setdefault("columns", "Petakan kolom NIK atau No KK.")
    if errors:
        raise ValidationError(errors)
    with db.transaction() as session:
        row = session.scalar(
            select(SavedMapping).where(SavedMapping.kind == mapping.kind, SavedMapping.name == name)
        )
        before = json.loads(row.mapping_json) if row else None
        if row is None:
            row = SavedMapping(kind=mapping.kind, name=name, created_by=actor.username)
            session.add(row)
        row.mapping_json = mapping.to_json()
        session.flush()
        audit.record(
            session,
            actor,
            "import.mapping_save",
            "saved_mapping",
            row.id,
            before,
            json.loads(row.mapping_json),
        )
        mapping_id = row.id
    return mapping_id


def get_mapping(db: Database, kind: str, name: str) -> ColumnMapping:
    with db.read() as session:
        row = session.scalar(
            select(SavedMapping).where(SavedMapping.kind == kind, SavedMapping.name == name.strip())
        )
        if row is None:
            label = codes.IMPORT_KINDS.get(kind, kind)
            raise NotFound(f"Pemetaan kolom {name!r} untuk {label} tidak ditemukan.")
        return ColumnMapping.from_json(kind, row.mapping_json, row.name)


def list_mappings(db: Database, kind: str | None = None) -> list[MappingInfo]:
    with db.read() as session:
        query = select(SavedMapping).order_by(SavedMapping.kind, SavedMapping.name)
        if kind is not None:
            query = query.where(SavedMapping.kind == kind)
        return [
            MappingInfo(
                r.id, r.kind, r.name, ColumnMapping.from_json(r.kind, r.mapping_json).columns
            )
            for r in session.scalars(query)
        ]


def delete_mapping(db: Database, actor: Actor, kind: str, name: str) -> None:
    require(actor, "residents.write")
    with db.transaction() as session:
        row = session.scalar(
            select(SavedMapping).where(SavedMapping.kind == kind, SavedMapping.name == name)
        )
        if row is None:
            raise NotFound(f"Pemetaan kolom {name!r} tidak ditemukan.")
        audit.record(
            session, actor, "import.mapping_delete", "saved_mapping", row.id, {"name": row.name}
        )
        session.delete(row)


# ====================================================================== batches


@dataclass(frozen=True)
class BatchRow:
    id: int
    kind: str
    file_name: str
    sha256: str
    file_format: str
    actor: str
    at: Any
    list_date: date | None
    total_rows: int
    new: int
    updated: int
    unchanged: int
    rejected: int
    warnings: int
    pending: int
    summary: dict[str, Any]


def list_batches(db: Database, kind: str | None = None, limit: int = 200) -> list[BatchRow]:
    """The import history, newest first (the UI's history list)."""
    with db.read() as session:
        query = select(ImportBatch).order_by(ImportBatch.at.desc(), ImportBatch.id.desc())
        if kind is not None:
            query = query.where(ImportBatch.kind == kind)
        return [
            BatchRow(
                b.id,
                b.kind,
                b.file_name,
                b.sha256,
                b.file_format,
                b.actor,
                b.at,
                b.list_date,
                b.total_rows,
                b.new_count,
                b.updated_count,
                b.unchanged_count,
                b.rejected_count,
                b.warning_count,
                b.pending_count,
                json.loads(b.summary_json) if b.summary_json else {},
            )
            for b in session.scalars(query.limit(limit))
        ]


def _previous_import_notice(session: Session, kind: str, sha256: str) -> str | None:
    previous = session.execute(
        select(ImportBatch.at, ImportBatch.actor)
        .where(ImportBatch.kind == kind, ImportBatch.sha256 == sha256)
        .order_by(ImportBatch.at.desc())
    ).first()
    if previous is None:
        return None
    return (
        f"Berkas yang sama persis sudah pernah diimpor pada {previous.at:%d-%m-%Y %H:%M} "
        f"oleh {previous.actor}."
    )


def _record_batch(
    session: Session,
    actor: Actor,
    kind: str,
    file_name: str,
    sha256: str,
    file_format: str,
    counts: dict[str, int],
    summary: dict[str, Any] | None = None,
    list_date: date | None = None,
) -> ImportBatch:
    batch = ImportBatch(
        kind=kind,
        file_name=file_name,
        sha256=sha256,
        file_format=file_format,
        actor=actor.username,
        at=utcnow(),
        list_date=list_date,
        total_rows=counts.get("total", 0),
        new_count=counts.get("new", 0),
        updated_count=counts.get("updated", 0),
        unchanged_count=counts.get("unchanged", 0),
        rejected_count=counts.get("rejected", 0),
        warning_count=counts.get("warnings", 0),
        pending_count=counts.get("pending", 0),
        summary_json=json.dumps(summary, ensure_ascii=False, default=str) if summary else None,
    )
    session.add(batch)
    session.flush()
    audit.record(
        session,
        actor,
        f"import.{kind}",
        "import_batch",
        batch.id,
        None,
        {
            "file_name": file_name,
            "sha256": sha256,
            "format": file_format,
            **counts,
            **({"list_date": list_date.isoformat()} if list_date else {}),
        },
    )
    return batch


# ====================================================================== residents


@dataclass(frozen=True)
class PendingChange:
    """A change the import will not make without a person's confirmation."""

    key: str
    row_number: int
    nik: str
    name: str
    kind: str  # family | dusun | life_status
    before: str
    after: str

    @property
    def message(self) -> str:
        if self.kind == PENDING_FAMILY:
            return f"{self.name} ({self.nik}) akan pindah KK: {self.before} -> {self.after}."
        if self.kind == PENDING_DUSUN:
            return f"Keluarga {self.name} akan pindah dusun: {self.before} -> {self.after}."
        return f"Status dasar {self.name} ({self.nik}) akan berubah: {self.before} -> {self.after}."


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


@_with_bulk_work
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
        _check_cancel(should_cancel)

        def parsing(done: int, total: int) -> None:
            _tick(progress, done, total)
            _check_cancel(should_cancel)

        parsed = parse_residents(table, fmt, mapping, parsing)
        records, rejected, warnings = build_records(parsed)
    # (On an error above, leaving the block waits for the thread; its result is dropped.)
    snapshot = early.result()
    sha256, notice, fingerprint, reg = snapshot
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
    )
    if not table.numbers:
        raise ImportFileError(f"Lembar kerja {table.sheet_name} tidak berisi baris data.")
    plan = _plan_residents(None, preview, frozenset(confirmed), should_cancel, reg)
    preview.plan_cache = (fingerprint, frozenset(confirmed), plan)
    if notice:
        preview.notices.insert(0, notice)
    _apply_plan_to_preview(preview, plan)
    return preview


def _register_snapshot(
    db: Database, path: Path
) -> tuple[str, str | None, tuple[Any, ...], _Register]:
    """File hash, earlier-import notice, register fingerprint and the register itself.

    The fingerprint is taken before the register is read: a write in between makes
    the commit re-plan instead of trusting this snapshot.
    """
    sha256 = file_sha256(path)
    district_exists("520101")  # loads the region list the NIK checks use, off the main path
    with db.read() as session:
        notice = _previous_import_notice(session, "residents", sha256)
        fingerprint = _fingerprint(session)
        reg = _load_register(session)
    return sha256, notice, fingerprint, reg


def replan_residents(
    db: Database, preview: ResidentPreview, confirmed: Collection[str]
) -> ResidentPreview:
    """The same preview recomputed with another set of confirmed changes."""
    with db.read() as session:
        plan = _plan_residents(session, preview, frozenset(confirmed), None)
        preview.plan_cache = (_fingerprint(session), frozenset(confirmed), plan)
    _apply_plan_to_preview(preview, plan)
    return preview


def _fingerprint(session: Session) -> tuple[Any, ...]:
    """Changes whenever the register does: lets a commit reuse its preview's plan safely."""
    parts: list[Any] = []
    for model in (Resident, Family, Membership):
        parts.extend(session.execute(select(func.count(), func.max(model.updated_at))).one())
    parts.append(session.scalar(select(func.max(Resident.id))))
    parts.append(session.scalar(select(func.max(Family.id))))
    parts.append(session.scalar(select(func.count(Rt.id))))
    parts.append(session.scalar(select(func.count(Dusun.id))))
    return tuple(parts)


# ---------------------------------------------------------------------- planning


@dataclass
class _Existing:
    """A resident as the register holds it; `row` follows PERSON_COLUMNS."""

    id: int
    family_id: int
    life_status: int
    row: tuple[Any, ...]

    def get(self, column: str) -> Any:
        return self.row[_COLUMN_INDEX[column]]

    @property
    def values(self) -> dict[str, Any]:
        """The row as a dict (only for the few residents an import changes)."""
        return dict(zip(PERSON_COLUMNS, self.row, strict=True))


@dataclass
class _NewFamily:
    no_kk: str
    area: tuple[Any, ...] | None
    address: str
    rows: list[int]


@dataclass
class _Plan:
    new_residents: list[tuple[ResidentRecord, str]] = field(
        default_factory=list
    )  # (record, family no_kk)
    updates: list[tuple[ResidentRecord, _Existing, dict[str, Any]]] = field(default_factory=list)
    moves: dict[int, str] = field(default_factory=dict)  # resident id -> target no_kk (confirmed)
    life_changes: list[tuple[_Existing, int, ResidentRecord]] = field(default_factory=list)
    new_families: dict[str, _NewFamily] = field(default_factory=dict)
    family_updates: dict[int, dict[str, Any]] = field(default_factory=dict)
    new_areas: dict[tuple[str, str, str], None] = field(default_factory=dict)
    memberships: list[tuple[ResidentRecord, MembershipInput]] = field(default_factory=list)
    unchanged: int = 0
    updated_rows: set[int] = field(default_factory=set)
    rejected: list[RowNote] = field(default_factory=list)
    warnings: list[RowNote] = field(default_factory=list)
    pending: list[PendingChange] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


@dataclass
class _Register:
    """What the register holds, loaded once per plan."""

    residents: dict[str, _Existing]
    families: dict[str, tuple[int, int, str]]  # no_kk -> (id, rt_id, address)
    family_kk: dict[int, str]
    rts: dict[int, tuple[int, str, str]]  # rt_id -> (dusun_id, rw, rt)
    rt_by_key: dict[tuple[int, str, str], int]
    dusun_name: dict[int, str]
    dusun_by_lower: dict[str, int]
    with_membership: set[int]
    members: dict[int, list[_Existing]] | None = None

    def family_members(self, family_id: int) -> list[_Existing]:
        if self.members is None:
            index: dict[int, list[_Existing]] = defaultdict(list)
            for existing in self.residents.values():
                index[existing.family_id].append(existing)
            self.members = index
        return self.members.get(family_id, [])


def _load_register(session: Session) -> _Register:
    # Straight from the driver: 100,000 rows without per-value result processing.
    # SQLite hands dates back as ISO text and booleans as 0/1 (equal to False/True).
    sql = f"SELECT id, nik, family_id, life_status, {', '.join(PERSON_COLUMNS)} FROM resident"
    birth = _COLUMN_INDEX["birth_date"]
    dates: dict[str, date] = {}  # birth dates repeat: each text parsed once
    residents: dict[str, _Existing] = {}
    for row in _fetch_raw(session, sql):
        person = row[4:]
        born = person[birth]
        if isinstance(born, str):
            parsed = dates.get(born)
            if parsed is None:
                parsed = dates[born] = date.fromisoformat(born)
            person = (*person[:birth], parsed, *person[birth + 1 :])
        residents[row[1]] = _Existing(row[0], row[2], row[3], tuple(person))
    families: dict[str, tuple[int, int, str]] = {}
    family_kk: dict[int, str] = {}
    for fid, kk, rt_id, address in session.execute(
        select(Family.id, Family.no_kk, Family.rt_id, Family.address)
    ):
        families[kk] = (fid, rt_id, address)
        family_kk[fid] = kk
    rts: dict[int, tuple[int, str, str]] = {}
    rt_by_key: dict[tuple[int, str, str], int] = {}
    for rid, dusun_id, rw, rt in session.execute(select(Rt.id, Rt.dusun_id, Rt.rw, Rt.rt)):
        rts[rid] = (dusun_id, rw, rt)
        rt_by_key[(dusun_id, rw, rt)] = rid
    dusun_name = {a: b for a, b in session.execute(select(Dusun.id, Dusun.name))}
    with_membership = set(session.scalars(select(Membership.resident_id)))
    return _Register(
        residents,
        families,
        family_kk,
        rts,
        rt_by_key,
        dusun_name,
        {name.lower(): did for did, name in dusun_name.items()},
        with_membership,
    )


def _area_text(reg: _Register, area: tuple[Any, ...] | None) -> str:
    if area is None:
        return "-"
    if area[0] == "id":
        dusun_id, rw, rt = reg.rts[area[1]]
        name = reg.dusun_name[dusun_id]
    else:
        _, name, rw, rt = area
    rw_text = f"RW {rw} / " if rw != "-" else ""
    return f"{name} {rw_text}RT {rt}"


def _area_dusun(reg: _Register, area: tuple[Any, ...]) -> str:
    if area[0] == "id":
        return reg.dusun_name[reg.rts[area[1]][0]].lower()
    return str(area[1]).lower()


def _resolve_area(
    reg: _Register, record: ResidentRecord, current_rt: int | None, plan: _Plan
) -> tuple[Any, ...] | None:
    """('id', rt_id) for an existing RT, ('new', dusun, rw, rt) for one to create, None if unknown."""
    if record.rt == "-":
        return ("id", current_rt) if current_rt is not None else None
    rw, rt = record.rw, record.rt
    if record.dusun:
        dusun_id = reg.dusun_by_lower.get(record.dusun.lower())
        if dusun_id is not None:
            rt_id = reg.rt_by_key.get((dusun_id, rw, rt))
            if rt_id is not None:
                return ("id", rt_id)
            name = reg.dusun_name[dusun_id]
        else:
            name = " ".join(record.dusun.split())
        plan.new_areas[(name, rw, rt)] = None
        return ("new", name, rw, rt)
    # No dusun column (SIAK): keep the family's dusun, else the one RT that matches.
    if current_rt is not None:
        dusun_id = reg.rts[current_rt][0]
        rt_id = reg.rt_by_key.get((dusun_id, rw, rt))
        if rt_id is not None:
            return ("id", rt_id)
        name = reg.dusun_name[dusun_id]
        plan.new_areas[(name, rw, rt)] = None
        return ("new", name, rw, rt)
    matches = [rid for rid, (_d, r_w, r_t) in reg.rts.items() if (r_w, r_t) == (rw, rt)]
    if len(matches) == 1:
        return ("id", matches[0])
    dusun_ids = {d for d, r_w, _r in reg.rts.values() if r_w == rw and rw != "-"}
    if len(dusun_ids) == 1:
        name = reg.dusun_name[dusun_ids.pop()]
    else:
        name = f"RW {rw}" if rw != "-" else "Tanpa Dusun"
        notice = (
            f"Berkas tidak punya kolom dusun: KK di RW {rw} ditempatkan di dusun {name!r}; "
            "ganti nama dusun itu di menu Wilayah bila perlu."
        )
        if notice not in plan.notices:
            plan.notices.append(notice)
    plan.new_areas[(name, rw, rt)] = None
    return ("new", name, rw, rt)


_SEEDING_INSURANCE = frozenset({2, 3, 4})  # OpenSID id_asuransi: BPJS PBI / non-PBI / APBD


def _membership_seed(record: ResidentRecord) -> MembershipInput | None:
    """OpenSID's id_asuransi says the person holds BPJS: start them as an active member."""
    if record.insurance not in _SEEDING_INSURANCE:
        return None
    segment = {2: "PBI_APBN", 4: "PBI_APBD"}.get(record.insurance or 0)
    card = record.insurance_number if len(record.insurance_number) == 13 else ""
    return MembershipInput(status=codes.STATUS_ACTIVE, segment=segment, card_number=card)


def _plan_residents(
    session: Session | None,
    preview: ResidentPreview,
    confirmed: frozenset[str],
    should_cancel: ShouldCancel | None,
    reg: _Register | None = None,
) -> _Plan:
    if reg is None:
        assert session is not None
        reg = _load_register(session)
    records = preview.records
    excluded: dict[int, str] = {}
    for _attempt in range(6):
        _check_cancel(should_cancel)
        plan = _plan_once(reg, [r for r in records if r.row_number not in excluded], confirmed)
        bad = _check_heads(
            reg, plan, [r for r in records if r.row_number not in excluded], confirmed
        )
        if not bad:
            break
        excluded.update(bad)
    else:  # pragma: no cover - each round removes rows, so this is a safety net
        raise PesiarError("Susunan kepala keluarga di berkas tidak dapat diselesaikan.")
    nik_of = {r.row_number: r.nik for r in records}
    plan.rejected = [RowNote(n, nik_of[n], m) for n, m in excluded.items()]
    return plan


def _getter(keys: Sequence[Any]) -> Callable[[Any], tuple[Any, ...]]:
    """itemgetter that always returns a tuple (also for one key)."""
    if len(keys) <= 1:
        found = tuple(keys)
        return lambda item: tuple(item[key] for key in found)
    return itemgetter(*keys)


_UNRESOLVED = object()


def _plan_once(reg: _Register, records: list[ResidentRecord], confirmed: frozenset[str]) -> _Plan:
    plan = _Plan()
    family_done: set[str] = set()
    compare: dict[frozenset[str], Callable[[Any], Any]] = {}
    new_family_area: dict[tuple[str, str, str], Any] = {}
    for record in records:
        existing = reg.residents.get(record.nik)
        family = reg.families.get(record.no_kk)
        # ----- the family (existing: RT/address updates; new: created with its area)
        if family is not None and record.no_kk not in family_done:
            family_done.add(record.no_kk)
            fid, rt_id, address = family
            area = _resolve_area(reg, record, rt_id, plan)
            changes: dict[str, Any] = {}
            if area is not None and area != ("id", rt_id):
                if _area_dusun(reg, area) != _area_dusun(reg, ("id", rt_id)):
                    key = f"kk:{record.no_kk}:{PENDING_DUSUN}"
                    plan.pending.append(
                        PendingChange(
                            key,
                            record.row_number,
                            record.nik,
                            f"No KK {record.no_kk}",
                            PENDING_DUSUN,
                            _area_text(reg, ("id", rt_id)),
                            _area_text(reg, area),
                        )
                    )
                    if key in confirmed:
                        changes["area"] = area
                else:
                    changes["area"] = area
            if record.address is not None and record.address != address:
                changes["address"] = record.address
            if changes:
                plan.family_updates[fid] = changes
                plan.updated_rows.add(record.row_number)
        elif family is None:
            new_family = plan.new_families.get(record.no_kk)
            if new_family is None:
                new_family = plan.new_families[record.no_kk] = _NewFamily(
                    record.no_kk, None, record.address or "", []
                )
            if new_family.area is None or record.shdk == codes.SHDK_HEAD:
                where = (record.dusun, record.rw, record.rt)
                area = new_family_area.get(where, _UNRESOLVED)
                if area is _UNRESOLVED:  # the same for every new family of that RT
                    area = new_family_area[where] = _resolve_area(reg, record, None, plan)
                if area is not None:
                    new_family.area = area
                    if record.address:
                        new_family.address = record.address
            new_family.rows.append(record.row_number)
        # ----- the person
        if existing is None:
            plan.new_residents.append((record, record.no_kk))
            seed = _membership_seed(record)
            if seed is not None:
                plan.memberships.append((record, seed))
            continue
        current_kk = reg.family_kk[existing.family_id]
        moving = current_kk != record.no_kk
        if moving:
            key = f"{record.nik}:{PENDING_FAMILY}"
            plan.pending.append(
                PendingChange(
                    key,
                    record.row_number,
                    record.nik,
                    existing.get("name"),
                    PENDING_FAMILY,
                    f"No KK {current_kk}",
                    f"No KK {record.no_kk}",
                )
            )
            if key in confirmed:
                plan.moves[existing.id] = record.no_kk
                moving = False  # applied: the row's SHDK belongs to the new family
        new_values = record.values
        getter = compare.get(record.given)
        if getter is None:
            getter = compare[record.given] = _getter(sorted(_COLUMN_INDEX[c] for c in record.given))
        # One tuple comparison settles the usual case (nothing changed).
        if getter(new_values) == getter(existing.row):
            changed = {}
        else:
            changed = {
                column: new_values[_COLUMN_INDEX[column]]
                for column in record.given
                if new_values[_COLUMN_INDEX[column]] != existing.row[_COLUMN_INDEX[column]]
                and not (column == "shdk" and moving)
            }
        if "name" in changed:
            changed["name_sort"] = record.value("name_sort")
        if record.life_status is not None and record.life_status != existing.life_status:
            key = f"{record.nik}:{PENDING_LIFE}"
            plan.pending.append(
                PendingChange(
                    key,
                    record.row_number,
                    record.nik,
                    existing.get("name"),
                    PENDING_LIFE,
                    codes.label(codes.LIFE_STATUS, existing.life_status),
                    codes.label(codes.LIFE_STATUS, record.life_status),
                )
            )
            if key in confirmed:
                plan.life_changes.append((existing, record.life_status, record))
        if existing.id not in reg.with_membership:
            seed = _membership_seed(record)
            if seed is not None:
                plan.memberships.append((record, seed))
                plan.updated_rows.add(record.row_number)
        if changed:
            plan.updates.append((record, existing, changed))
            plan.updated_rows.add(record.row_number)
        elif existing.id in plan.moves or any(e is existing for e, _s, _r in plan.life_changes):
            plan.updated_rows.add(record.row_number)
    needed = {kk for _r, kk in plan.new_residents} | set(plan.moves.values())
    for no_kk, new_family in plan.new_families.items():
        if new_family.area is None and no_kk in needed:
            for number in new_family.rows:
                plan.rejected.append(
                    RowNote(
                        number,
                        "",
                        f"KK baru {no_kk} tidak punya RT (dan dusun): isi kolom RT/RW/dusun "
                        "untuk keluarga ini.",
                    )
                )
    plan.unchanged = len(records) - len(plan.new_residents) - len(plan.updated_rows)
    return plan


def _check_heads(
    reg: _Register, plan: _Plan, records: list[ResidentRecord], confirmed: frozenset[str]
) -> dict[int, str]:
    """Rows to reject so every family the import touches keeps exactly one living head."""
    bad: dict[int, str] = {}
    for note in plan.rejected:  # new families without an area
        bad[note.row_number] = note.message
    if bad:
        return bad
    by_kk: dict[str, list[ResidentRecord]] = defaultdict(list)
    for record in records:
        by_kk[record.no_kk].append(record)
    updates = {existing.id: changed for _r, existing, changed in plan.updates}
    life = {existing.id: status for existing, status, _r in plan.life_changes}
    touched: dict[str, list[int]] = defaultdict(list)  # no_kk -> rows involved
    for record, _kk in plan.new_residents:
        touched[record.no_kk].append(record.row_number)
    for record, _existing, changed in plan.updates:
        if "shdk" in changed:
            touched[record.no_kk].append(record.row_number)
    for existing, _status, record in plan.life_changes:
        touched[reg.family_kk[existing.family_id]].append(record.row_number)
    for record in records if plan.moves else ():
        mover = reg.residents.get(record.nik)
        if mover is not None and mover.id in plan.moves:
            touched[record.no_kk].append(record.row_number)
            touched[reg.family_kk[mover.family_id]].append(record.row_number)
    for no_kk, rows in touched.items():
        family = reg.families.get(no_kk)
        living_heads: list[str] = []
        living = 0
        if family is not None:
            for member in reg.family_members(family[0]):
                if plan.moves.get(member.id, no_kk) != no_kk:
                    continue  # moves out
                status = life.get(member.id, member.life_status)
                shdk = updates.get(member.id, {}).get("shdk", member.get("shdk"))
                if status == codes.LIFE_ALIVE:
                    living += 1
                    if shdk == codes.SHDK_HEAD:
                        living_heads.append(member.get("name"))
        for record in by_kk.get(no_kk, []):
            known = reg.residents.get(record.nik)
            if known is None:
                status = record.life_status or codes.LIFE_ALIVE
            elif plan.moves.get(known.id) == no_kk:  # moving in
                status = life.get(known.id, known.life_status)
            else:
                continue  # already counted as a member above (or stays in its own family)
            if status == codes.LIFE_ALIVE:
                living += 1
                if record.shdk == codes.SHDK_HEAD:
                    living_heads.append(record.name)
        if living == 0 or len(living_heads) == 1:
            continue
        if not living_heads:
            reason = (
                f"Keluarga No KK {no_kk} tidak akan punya Kepala Keluarga yang hidup "
                "(isi SHDK 1 untuk satu anggota"
            )
        else:
            reason = (
                f"Keluarga No KK {no_kk} akan punya {len(living_heads)} Kepala Keluarga "
                f"({', '.join(sorted(set(living_heads)))}); harus tepat satu"
            )
        pending_here = [
            p for p in plan.pending if p.key not in confirmed and p.kind != PENDING_DUSUN
        ]
        if pending_here:
            reason += "; perubahan yang belum dikonfirmasi tidak dihitung"
        reason += ")." if not living_heads else "."
        for number in set(rows) | {r.row_number for r in by_kk.get(no_kk, [])}:
            bad.setdefault(number, reason)
    return bad


def _apply_plan_to_preview(preview: ResidentPreview, plan: _Plan) -> None:
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


# ---------------------------------------------------------------------- commit


@dataclass
class ImportResult:
    batch_id: int | None
    counts: dict[str, int]
    pending_left: list[PendingChange] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)


@_with_bulk_work
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
        if cached is not None and cached[1] == confirmed_set and cached[0] == _fingerprint(session):
            plan = cached[2]  # the register has not changed since the preview
        else:
            plan = _plan_residents(session, preview, confirmed_set, should_cancel)
        preview.plan_cache = None  # a plan is written once
        _apply_plan_to_preview(preview, plan)
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
        batch = _record_batch(
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
    events.notify(events.Topic.RESIDENTS)
    return ImportResult(batch.id, counts, pending_left)


def _adapters(session: Session, table: Table, names: Sequence[str]) -> list[Any]:
    """Per column: how to hand a value to the driver without SQLAlchemy's per-row
    processing (the converters of `_to_driver`, or None where none is needed)."""
    if session.get_bind().dialect.name != "sqlite":
        return [None] * len(names)
    day, stamp = _to_driver(session)
    found: list[Any] = []
    for name in names:
        kind = table.c[name].type
        if isinstance(kind, DateTime):
            found.append(stamp)
        elif isinstance(kind, Date):
            found.append(day)
        else:
            found.append(None)
    return found


def _driver_rows(
    rows: Sequence[dict[str, Any]], names: Sequence[str], adapters: list[Any]
) -> list[tuple[Any, ...]]:
    getter = itemgetter(*names)
    if len(names) == 1:
        return [(getter(row),) for row in rows]
    plain = [getter(row) for row in rows]
    if not any(adapters):
        return plain
    # Adapt column-wise (dates repeat: each distinct value is converted once).
    columns = list(zip(*plain, strict=True))
    for i, adapt in enumerate(adapters):
        if adapt is None:
            continue
        memo: dict[Any, Any] = {}
        converted = []
        for value in columns[i]:
            text = memo.get(value)
            if text is None:
                text = memo[value] = adapt(value)
            converted.append(text)
        columns[i] = tuple(converted)
    return list(zip(*columns, strict=True))


def _fetch_raw(session: Session, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    """Rows straight from the driver's cursor, inside the session's transaction: for
    100,000 rows SQLAlchemy's per-row result processing costs more than the query."""
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(sql, params)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _mark(session: Session) -> str:
    return "?" if session.get_bind().dialect.paramstyle == "qmark" else "%s"


def _insert_many(
    session: Session,
    table: Table,
    rows: Sequence[dict[str, Any]],
    should_cancel: ShouldCancel | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> None:
    """Bulk INSERT of dict rows through the driver's executemany (bulk paths only)."""
    if not rows:
        return
    names = list(rows[0])
    adapters = _adapters(session, table, names)
    driver_rows = _driver_rows(rows, names, adapters)
    _insert_rows(session, table, names, driver_rows, should_cancel, on_chunk)


def _insert_rows(
    session: Session,
    table: Table,
    names: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    should_cancel: ShouldCancel | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> None:
    """Bulk INSERT of rows already in driver form (see `_to_driver`), in chunks."""
    if not rows:
        return
    mark = _mark(session)
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join(mark for _ in names)})"
    connection = session.connection()
    for chunk in _chunks(rows):
        _check_cancel(should_cancel)
        connection.exec_driver_sql(sql, list(chunk))
        if on_chunk is not None:
            on_chunk(len(chunk))


def _to_driver(session: Session) -> tuple[Callable[[date | None], Any], Callable[[Any], Any]]:
    """(date, timestamp) converters to the driver's form: SQLite gets the text
    SQLAlchemy itself stores (dates repeat, so each is formatted once); psycopg
    takes Python values as they are."""
    if session.get_bind().dialect.name != "sqlite":
        return (lambda value: value), (lambda value: value)
    memo: dict[date, str] = {}

    def day(value: date | None) -> str | None:
        if value is None:
            return None
        text = memo.get(value)
        if text is None:
            text = memo[value] = value.isoformat()
        return text

    def stamp(value: Any) -> Any:
        return None if value is None else value.strftime("%Y-%m-%d %H:%M:%S.%f")

    return day, stamp


def _update_many(
    session: Session,
    table: Table,
    key: str,
    rows: Sequence[dict[str, Any]],
    should_cancel: ShouldCancel | None = None,
    on_chunk: Callable[[int], None] | None = None,
) -> None:
    """Bulk UPDATE ... WHERE key = ? through the driver's executemany, in chunks."""
    if not rows:
        return
    names = [n for n in rows[0] if n != key]
    mark = _mark(session)
    sql = (
        f"UPDATE {table.name} SET {', '.join(f'{n} = {mark}' for n in names)} WHERE {key} = {mark}"
    )
    adapters = _adapters(session, table, [*names, key])
    connection = session.connection()
    for chunk in _chunks(rows):
        _check_cancel(should_cancel)
        connection.exec_driver_sql(sql, _driver_rows(chunk, [*names, key], adapters))
        if on_chunk is not None:
            on_chunk(len(chunk))


def _write_residents(
    session: Session,
    actor: Actor,
    plan: _Plan,
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
    day, stamp = _to_driver(session)
    now_value = stamp(now)
    new_families = [
        (fam.no_kk, rt_id_of(fam.area), fam.address, None, now_value, now_value)
        for fam in plan.new_families.values()
        if fam.area is not None and fam.no_kk in needed_families
    ]
    family_names = ("no_kk", "rt_id", "address", "welfare_decile", "created_at", "updated_at")
    _insert_rows(session, family_table, family_names, new_families)
    done += len(new_families)
    _tick(progress, done, total)
    family_ids: dict[str, int] = {}  # of the families new residents and moves go to
    if needed_families:
        for kk, fid in _fetch_raw(session, "SELECT no_kk, id FROM family"):
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
        _update_many(session, family_table, "id", rows)
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
        _tick(progress, done, total)

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
    _insert_rows(session, resident_table, new_names, new_rows, should_cancel, advance)
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
    _update_many(session, resident_table, "id", update_rows, should_cancel, advance)
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
        sql = f"SELECT nik, id FROM resident WHERE id > {_mark(session)}"
        nik_to_id.update(_fetch_raw(session, sql, (id_before,)))
    seeded = {r.nik for r, _m in plan.memberships} - nik_to_id.keys()
    if seeded:
        for nik, rid in _fetch_raw(session, "SELECT nik, id FROM resident"):
            if nik in seeded:
                nik_to_id[nik] = rid
    _seed_memberships(session, actor, plan, nik_to_id)
    _insert_refs(
        session,
        batch_id,
        "new",
        [(r.row_number, nik_to_id[r.nik]) for r, _kk in plan.new_residents],
    )
    _insert_refs(session, batch_id, "updated", [(r.row_number, e.id) for r, e, _c in plan.updates])
    _tick(progress, total, total)


def _insert_refs(
    session: Session, batch_id: int, action: str, refs: Sequence[tuple[int, int]]
) -> None:
    """The batch's (row number, resident id) references, written by the database itself
    from one parameter instead of one bound row each (a third of the cost for 100,000)."""
    if not refs:
        return
    mark = _mark(session)
    # One integer per reference: row_number << 32 | resident_id (both far below 2**31).
    values, packed = _integer_rows(session, [n << 32 | resident_id for n, resident_id in refs])
    session.connection().exec_driver_sql(
        "INSERT INTO import_row (batch_id, row_number, resident_id, family_id, action) "
        f"SELECT {mark}, value >> 32, value & 4294967295, NULL, {mark} FROM {values}",
        (batch_id, action, packed),
    )


def _integer_rows(session: Session, integers: Sequence[int]) -> tuple[str, Any]:
    """A table expression with one row per integer (column `value`) and its parameter:
    a whole list handed to the database in one parameter, for `INSERT ... SELECT`."""
    if session.get_bind().dialect.name == "sqlite":
        return "json_each(?)", json.dumps(integers)
    return "unnest(%s::bigint[]) AS u(value)", list(integers)


def _seed_memberships(
    session: Session, actor: Actor, plan: _Plan, nik_to_id: dict[str, int]
) -> None:
    if not plan.memberships:
        return
    day, stamp = _to_driver(session)
    today = day(clock.today())
    now = stamp(utcnow())
    names = (
        "resident_id",
        "card_number",
        "segment",
        "status",
        "jkn_class",
        "fktp_code",
        "months_in_arrears",
        "as_of",
        "source",
    )
    shared = [
        (
            nik_to_id[record.nik],
            seed.card_number,
            seed.segment,
            seed.status,
            None,
            "",
            0,
            today,
            "import",
        )
        for record, seed in plan.memberships
    ]
    membership_table = Membership.__table__
    history_table = MembershipHistory.__table__
    assert isinstance(membership_table, Table) and isinstance(history_table, Table)
    _insert_rows(session, membership_table, (*names, "updated_at"), [(*row, now) for row in shared])
    # The history rows copy the membership rows just written, inside the database.
    columns = ", ".join(names)
    seeded, seeded_param = _integer_rows(session, [row[0] for row in shared])
    session.connection().exec_driver_sql(
        f"INSERT INTO {history_table.name} ({columns}, recorded_at, recorded_by) "
        f"SELECT {columns}, updated_at, {_mark(session)} FROM {membership_table.name} "
        f"WHERE resident_id IN (SELECT value FROM {seeded})",
        (actor.username, seeded_param),
    )


def _end_membership(session: Session, actor: Actor, resident_id: int) -> None:
    current = session.get(Membership, resident_id)
    if current is None or current.status not in codes.REGISTERED_STATUSES:
        return
    before = audit.snapshot(current)
    current.status = codes.STATUS_ENDED
    current.as_of = clock.today()
    current.source = "import"
    current.months_in_arrears = 0
    current.jkn_class = None
    session.add(
        MembershipHistory(
            resident_id=resident_id,
            card_number=current.card_number,
            segment=current.segment,
            status=codes.STATUS_ENDED,
            jkn_class=None,
            fktp_code=current.fktp_code,
            months_in_arrears=0,
            as_of=current.as_of,
            source="import",
            recorded_by=actor.username,
        )
    )
    session.flush()
    audit.record(
        session,
        actor,
        "membership.change",
        "resident",
        resident_id,
        *audit.changed_only(before, audit.snapshot(current)),
    )


# ====================================================================== BPJS list


@dataclass
class BpjsRow:
    row_number: int
    nik: str
    membership: MembershipInput
    laid_off: bool
    name: str


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


def _mapped_table(
    db: Database, path: Path, kind: str, mapping: ColumnMapping | str | None
) -> tuple[SheetTable, ColumnMapping | None, dict[str, tuple[str, ...]]]:
    if isinstance(mapping, str):
        mapping = get_mapping(db, kind, mapping)
    if mapping is not None:
        layout = mapping.layout()
    elif kind == "welfare":
        layout = formats.WELFARE_DEFAULT
    else:
        raise ImportFileError("Impor daftar BPJS memerlukan pemetaan kolom (--mapping NAMA).")
    table = load_table(path, formats.layout_score(layout))
    if not table.numbers:
        raise ImportFileError(f"Lembar kerja {table.sheet_name} tidak berisi baris data.")
    return table, mapping, layout


@_with_bulk_work
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
    table, column_mapping, layout = _mapped_table(db, path, "bpjs", mapping)
    assert column_mapping is not None
    columns = formats.resolve_columns(table.header_keys, layout)
    missing = [formats.BPJS_FIELDS[f] for f in formats.BPJS_REQUIRED if f not in columns]
    if missing:
        raise ImportFileError(f"Kolom wajib tidak ada di {path.name}: {', '.join(missing)}.")
    notices: list[str] = []
    if list_date is None:
        for line in table.title_lines:
            list_date = iv.find_date_in_text(line)
            if list_date:
                break
    if list_date is None:
        list_date = clock.today()
        notices.append(
            "Tanggal daftar tidak ditemukan di judul berkas: riwayat dicatat dengan tanggal hari ini."
        )
    preview = BpjsPreview(
        path,
        file_sha256(path),
        column_mapping.name,
        list_date,
        len(table.numbers),
        notices=notices,
        headers=table.headers,
    )
    header = {f: table.headers[i] for f, i in columns.items()}
    values_extra = column_mapping.values
    seen: dict[str, int] = {}
    for done, (number, cells) in enumerate(table.rows, start=1):
        preview.cells[number] = cells
        problems: list[str] = []
        warnings: list[str] = []

        def cell(name: str, cells: list[Cell] = cells) -> Cell:
            return cells[columns[name]] if name in columns else ""

        nik = ""
        try:
            nik = iv.parse_id_number(cell("nik"), "NIK")
            check = check_nik(nik)
            if check.error:
                problems.append(f"Kolom {header['nik']}: {check.error}")
        except ValueProblem as problem:
            problems.append(f"Kolom {header['nik']}: {problem}")
        parsed: dict[str, Any] = {}
        for name, parse in (
            ("card_number", iv.parse_card_number),
            ("segment", lambda v: (iv.parse_segment(v, values_extra.get("segment")), None)),
            ("jkn_class", lambda v: (iv.parse_jkn_class(v), None)),
            ("months_in_arrears", lambda v: (iv.parse_int(v, "Bulan tunggakan"), None)),
        ):
            if name not in columns:
                continue
            try:
                value, warning = parse(cell(name))
                parsed[name] = value
                if warning:
                    warnings.append(warning)
            except ValueProblem as problem:
                problems.append(f"Kolom {header[name]}: {problem}")
        fktp_cell = cell("fktp_code")
        fktp = cell_text(fktp_cell).upper()
        if isinstance(fktp_cell, float) and fktp and len(fktp) < 8:
            fktp = fktp.zfill(8)
            warnings.append(
                f"Kode FKTP tersimpan sebagai bilangan; nol di depan dikembalikan: {fktp}."
            )
        months = parsed.get("months_in_arrears") or 0
        status, laid_off = codes.STATUS_NOT_REGISTERED, False
        try:
            status, laid_off = iv.parse_membership_status(
                cell("status"), parsed.get("segment"), months, values_extra.get("status")
            )
        except ValueProblem as problem:
            problems.append(f"Kolom {header['status']}: {problem}")
        membership = MembershipInput(
            status=status,
            segment=parsed.get("segment"),
            card_number=parsed.get("card_number") or "",
            jkn_class=parsed.get("jkn_class"),
            fktp_code=fktp,
            months_in_arrears=months,
            as_of=list_date,
        )
        if not problems:
            problems.extend(validate_membership(membership).values())
        if not problems and nik in seen:
            problems.append(f"NIK {nik} sudah ada di baris {seen[nik]} daftar ini.")
        if problems:
            preview.rejected.append(
                RowNote(number, nik or cell_text(cell("nik")), "; ".join(problems))
            )
        else:
            seen[nik] = number
            preview.rows.append(BpjsRow(number, nik, membership, laid_off, cell_text(cell("name"))))
            preview.warnings.extend(RowNote(number, nik, w) for w in warnings)
        if progress is not None and (done % 2000 == 0 or done == len(table.numbers)):
            progress(done, len(table.numbers))
        if done % 2000 == 0:
            _check_cancel(should_cancel)
    with db.read() as session:
        notice = _previous_import_notice(session, "bpjs", preview.sha256)
        if notice:
            preview.notices.insert(0, notice)
        _plan_bpjs(session, preview)
    return preview


_MEMBERSHIP_KEYS = (
    "card_number",
    "segment",
    "status",
    "jkn_class",
    "fktp_code",
    "months_in_arrears",
)


def _membership_values(data: MembershipInput) -> dict[str, Any]:
    registered = data.status in codes.REGISTERED_STATUSES
    return {
        "card_number": data.card_number.strip(),
        "segment": data.segment if registered or data.status == codes.STATUS_ENDED else None,
        "status": data.status,
        "jkn_class": data.jkn_class if registered else None,
        "fktp_code": data.fktp_code.strip().upper(),
        "months_in_arrears": data.months_in_arrears if registered else 0,
    }


def _plan_bpjs(session: Session, preview: BpjsPreview) -> list[tuple[BpjsRow, int, str]]:
    """(row, resident id, action) for every matched row; fills the preview's figures."""
    residents = {
        nik: (rid, name, laid_off)
        for rid, nik, name, laid_off in session.execute(
            select(Resident.id, Resident.nik, Resident.name, Resident.is_laid_off)
        )
    }
    current = {
        row[0]: row
        for row in session.execute(
            select(
                Membership.resident_id,
                *[getattr(Membership, k) for k in _MEMBERSHIP_KEYS],
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
        values = _membership_values(row.membership)
        existing = current.get(rid)
        if existing is None:
            action = "new"
        else:
            same = dict(zip(_MEMBERSHIP_KEYS, existing[1:7], strict=True)) == values
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


@_with_bulk_work
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
    with db.transaction() as session:
        actions = _plan_bpjs(session, preview)
        if strict and preview.rejected:
            raise ValidationError(
                {
                    "file": f"{len(preview.rejected)} baris ditolak; mode ketat: tidak ada yang diimpor."
                }
            )
        counts = preview.counts()
        batch = _record_batch(
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
        membership_table = Membership.__table__
        history_table = MembershipHistory.__table__
        resident_table = Resident.__table__
        assert isinstance(membership_table, Table)
        assert isinstance(history_table, Table) and isinstance(resident_table, Table)
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        history: list[dict[str, Any]] = []
        laid_off_ids: list[int] = []
        refs: list[dict[str, Any]] = []
        for row, rid, action in actions:
            if action == "unchanged":
                continue
            values = _membership_values(row.membership)
            base = {**values, "as_of": preview.list_date, "source": "bpjs"}
            if action == "new":
                inserts.append({"resident_id": rid, **base, "updated_at": now})
            else:
                updates.append({**base, "updated_at": now, "resident_id": rid})
            history.append(
                {"resident_id": rid, **base, "recorded_at": now, "recorded_by": actor.username}
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
        _insert_many(session, membership_table, inserts)
        _update_many(session, membership_table, "resident_id", updates, should_cancel)
        _insert_many(session, history_table, history)
        if laid_off_ids:
            session.execute(
                update(resident_table)
                .where(resident_table.c.id.in_(laid_off_ids))
                .values(is_laid_off=True, updated_at=now)
            )
        import_row_table = ImportRow.__table__
        assert isinstance(import_row_table, Table)
        _insert_many(session, import_row_table, refs)
        _tick(progress, 1, 1)
    events.notify(events.Topic.RESIDENTS)
    return ImportResult(batch.id, counts, summary={"not_in_register": len(preview.not_in_register)})


# ====================================================================== welfare list


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


@_with_bulk_work
def preview_welfare(
    db: Database,
    path: Path | str,
    mapping: ColumnMapping | str | None = None,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> WelfarePreview:
    """Matches a welfare list (by NIK or No KK) with the register's families; writes nothing."""
    path = Path(path)
    table, column_mapping, layout = _mapped_table(db, path, "welfare", mapping)
    columns = formats.resolve_columns(table.header_keys, layout)
    if "decile" not in columns or not ({"nik", "no_kk"} & set(columns)):
        raise ImportFileError(
            f"Kolom desil dan NIK/No KK tidak ditemukan di {path.name}: buat pemetaan kolom."
        )
    header = {f: table.headers[i] for f, i in columns.items()}
    preview = WelfarePreview(
        path,
        file_sha256(path),
        column_mapping.name if column_mapping else "",
        len(table.numbers),
        headers=table.headers,
    )
    with db.read() as session:
        notice = _previous_import_notice(session, "welfare", preview.sha256)
        if notice:
            preview.notices.append(notice)
        by_kk = {a: b for a, b in session.execute(select(Family.no_kk, Family.id))}
        by_nik = {a: b for a, b in session.execute(select(Resident.nik, Resident.family_id))}
        current = {a: b for a, b in session.execute(select(Family.id, Family.welfare_decile))}
    for done, (number, cells) in enumerate(table.rows, start=1):
        preview.cells[number] = cells
        problems: list[str] = []
        family_id: int | None = None
        key_text = ""
        for name in ("no_kk", "nik"):
            if name not in columns or iv.is_blank(cells[columns[name]]):
                continue
            try:
                value = iv.parse_id_number(cells[columns[name]], formats.WELFARE_FIELDS[name])
            except ValueProblem as problem:
                problems.append(f"Kolom {header[name]}: {problem}")
                continue
            check = check_no_kk(value) if name == "no_kk" else check_nik(value)
            if check.error:
                problems.append(f"Kolom {header[name]}: {check.error}")
                continue
            key_text = key_text or value
            found = by_kk.get(check.value) if name == "no_kk" else by_nik.get(check.value)
            if found is not None and family_id is None:
                family_id = found
        decile: int | None = None
        try:
            decile = iv.parse_int(cells[columns["decile"]], "Desil")
            if decile is None:
                problems.append(f"Kolom {header['decile']}: desil wajib diisi.")
            elif not 1 <= decile <= 10:
                problems.append(f"Kolom {header['decile']}: desil {decile} harus 1 sampai 10.")
        except ValueProblem as problem:
            problems.append(f"Kolom {header['decile']}: {problem}")
        if not problems and not key_text:
            problems.append("NIK atau No KK wajib diisi.")
        if problems:
            preview.rejected.append(RowNote(number, key_text, "; ".join(problems)))
        elif family_id is None:
            preview.not_in_register.append(
                RowNote(number, key_text, "NIK/No KK ini tidak ada di register penduduk.")
            )
        else:
            assert decile is not None
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
        if progress is not None and (done % 2000 == 0 or done == len(table.numbers)):
            progress(done, len(table.numbers))
        if done % 2000 == 0:
            _check_cancel(should_cancel)
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


@_with_bulk_work
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
    with db.transaction() as session:
        current = {a: b for a, b in session.execute(select(Family.id, Family.welfare_decile))}
        rows: list[dict[str, Any]] = [
            {"welfare_decile": decile, "updated_at": utcnow(), "id": fid}
            for fid, (decile, _row) in preview.family_deciles.items()
            if fid in current and current[fid] != decile
        ]
        counts = preview.counts()
        batch = _record_batch(
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
        _update_many(session, family_table, "id", rows, should_cancel)
        import_row_table = ImportRow.__table__
        assert isinstance(import_row_table, Table)
        _insert_many(
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
        _tick(progress, 1, 1)
    events.notify(events.Topic.RESIDENTS)
    return ImportResult(batch.id, counts)


# ====================================================================== reports


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


def batch_count(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count(ImportBatch.id))) or 0)
