"""The plan of a resident import against the register: what is new, changed,
unchanged, rejected, and what needs a person's confirmation. Writes nothing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pesiar_desktop.errors import PesiarError
from pesiar_desktop.importers.formats import RESIDENT_FIELDS
from pesiar_desktop.importers.import_records import (
    COLUMN_INDEX as _COLUMN_INDEX,
)
from pesiar_desktop.importers.import_records import (
    PERSON_COLUMNS,
    ResidentRecord,
)
from pesiar_desktop.importers.residents import RowNote
from pesiar_desktop.models import (
    Dusun,
    Family,
    Membership,
    Resident,
    Rt,
)
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.membership import MembershipInput
from pesiar_desktop.services import bulk_sql
from pesiar_desktop.services.imports.common import ShouldCancel, check_cancel

PENDING_FAMILY = "family"

# Labels of the register columns an update changes (the import's field names first).
_COLUMN_LABELS = {
    **RESIDENT_FIELDS,
    "is_pregnant": "Hamil",
    "has_disability": "Cacat",
    "is_stunting_child": "Anak stunting",
    "is_laid_off": "Korban PHK",
    "is_formal_worker": "Pekerja formal",
    "employer_name": "Pemberi kerja",
}


PENDING_DUSUN = "dusun"


PENDING_LIFE = "life_status"


PENDING_LABELS = {
    PENDING_FAMILY: "pindah KK",
    PENDING_DUSUN: "pindah dusun",
    PENDING_LIFE: "status dasar",
}


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


def register_fingerprint(session: Session) -> tuple[Any, ...]:
    """Changes whenever the register does: lets a commit reuse its preview's plan safely."""
    parts: list[Any] = []
    for model in (Resident, Family, Membership):
        parts.extend(session.execute(select(func.count(), func.max(model.updated_at))).one())
    parts.append(session.scalar(select(func.max(Resident.id))))
    parts.append(session.scalar(select(func.max(Family.id))))
    parts.append(session.scalar(select(func.count(Rt.id))))
    parts.append(session.scalar(select(func.count(Dusun.id))))
    return tuple(parts)


@dataclass
class Existing:
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
class Plan:
    new_residents: list[tuple[ResidentRecord, str]] = field(
        default_factory=list
    )  # (record, family no_kk)
    updates: list[tuple[ResidentRecord, Existing, dict[str, Any]]] = field(default_factory=list)
    moves: dict[int, str] = field(default_factory=dict)  # resident id -> target no_kk (confirmed)
    life_changes: list[tuple[Existing, int, ResidentRecord]] = field(default_factory=list)
    new_families: dict[str, _NewFamily] = field(default_factory=dict)
    family_updates: dict[int, dict[str, Any]] = field(default_factory=dict)
    new_areas: dict[tuple[str, str, str], None] = field(default_factory=dict)
    memberships: list[tuple[ResidentRecord, MembershipInput]] = field(default_factory=list)
    # Residents kept with a NIK to fix whose valid NIK the file brings: id -> NIK.
    nik_fixes: dict[int, str] = field(default_factory=dict)
    # Existing residents a membership is seeded for: row number -> resident id.
    seeded_ids: dict[int, int] = field(default_factory=dict)
    unchanged: int = 0
    updated_rows: set[int] = field(default_factory=set)
    rejected: list[RowNote] = field(default_factory=list)
    warnings: list[RowNote] = field(default_factory=list)
    pending: list[PendingChange] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    # What changes for each updated row (Indonesian labels), for the preview's row table.
    row_changes: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    # Dusun the import would create that the register does not have, by name.
    new_dusun: list[str] = field(default_factory=list)
    village_has_dusun: bool = False
    confirmed: frozenset[str] = frozenset()  # the keys this plan was made with


@dataclass
class Register:
    """What the register holds, loaded once per plan."""

    residents: dict[str, Existing]
    families: dict[str, tuple[int, int, str]]  # no_kk -> (id, rt_id, address)
    family_kk: dict[int, str]
    rts: dict[int, tuple[int, str, str]]  # rt_id -> (dusun_id, rw, rt)
    rt_by_key: dict[tuple[int, str, str], int]
    dusun_name: dict[int, str]
    dusun_by_lower: dict[str, int]
    with_membership: set[int]
    # Residents kept with a NIK to fix (or fixed since): by the value first written,
    # name, birth date and No KK; `unfixed_by_person` by name, birth date and No KK.
    by_raw: dict[tuple[Any, ...], Existing] = field(default_factory=dict)
    unfixed_by_person: dict[tuple[Any, ...], list[Existing]] = field(default_factory=dict)
    members: dict[int, list[Existing]] | None = None

    def family_members(self, family_id: int) -> list[Existing]:
        if self.members is None:
            index: dict[int, list[Existing]] = defaultdict(list)
            seen: set[int] = set()
            for existing in (*self.residents.values(), *self.by_raw.values()):
                if existing.id not in seen:
                    seen.add(existing.id)
                    index[existing.family_id].append(existing)
            for unfixed in self.unfixed_by_person.values():
                for existing in unfixed:
                    if existing.id not in seen:
                        seen.add(existing.id)
                        index[existing.family_id].append(existing)
            self.members = index
        return self.members.get(family_id, [])

    def find(self, record: ResidentRecord) -> Existing | None:
        """The register's person for a row: by NIK, or for a NIK to fix by `record.key`."""
        if record.nik_problem is None:
            return self.residents.get(record.nik)
        key = record.key
        assert isinstance(key, tuple)
        return self.by_raw.get(key)

    def nik_fix_for(self, record: ResidentRecord) -> Existing | None:
        """A valid NIK the register does not have, for the one person kept with a NIK to
        fix who has the row's name, birth date and No KK: the file brings the fix."""
        if record.nik_problem is not None or not self.unfixed_by_person:
            return None
        found = self.unfixed_by_person.get(
            (record.name, record.value("birth_date"), record.no_kk), []
        )
        return found[0] if len(found) == 1 else None


def _fetch_people(session: Session, where: str) -> list[tuple[Any, ...]]:
    """(id, nik, family_id, life_status, nik_raw, nik_problem, *PERSON_COLUMNS) rows,
    birth dates as dates. Straight from the driver: 100,000 rows without per-value
    result processing (SQLite hands dates back as ISO text, booleans as 0/1)."""
    sql = (
        "SELECT id, nik, family_id, life_status, nik_raw, nik_problem, "
        f"{', '.join(PERSON_COLUMNS)} FROM resident WHERE {where}"
    )
    birth = _COLUMN_INDEX["birth_date"] + 6
    rows = bulk_sql.fetch_raw(session, sql)
    if rows and isinstance(rows[0][birth], str):
        dates: dict[str, date] = {}  # birth dates repeat: each text parsed once
        fixed = []
        for row in rows:
            born = row[birth]
            parsed = dates.get(born)
            if parsed is None:
                parsed = dates[born] = date.fromisoformat(born)
            fixed.append((*row[:birth], parsed, *row[birth + 1 :]))
        return fixed
    return rows


def load_register(session: Session) -> Register:
    families: dict[str, tuple[int, int, str]] = {}
    family_kk: dict[int, str] = {}
    for fid, kk, rt_id, address in session.execute(
        select(Family.id, Family.no_kk, Family.rt_id, Family.address)
    ):
        families[kk] = (fid, rt_id, address)
        family_kk[fid] = kk
    residents: dict[str, Existing] = {}
    by_raw: dict[tuple[Any, ...], Existing] = {}
    unfixed: dict[tuple[Any, ...], list[Existing]] = defaultdict(list)
    for row in _fetch_people(session, "nik_problem IS NULL"):
        residents[row[1]] = Existing(row[0], row[2], row[3], tuple(row[6:]))
    # The few kept with a NIK to fix, or fixed since (their first value still matches).
    for row in _fetch_people(session, "nik_raw IS NOT NULL"):
        existing = residents.get(row[1]) if row[5] is None else None
        if existing is None:
            existing = Existing(row[0], row[2], row[3], tuple(row[6:]))
        person = (existing.get("name"), existing.get("birth_date"), family_kk[row[2]])
        by_raw[(row[4], *person)] = existing
        if row[5] is not None:
            unfixed[person].append(existing)
    rts: dict[int, tuple[int, str, str]] = {}
    rt_by_key: dict[tuple[int, str, str], int] = {}
    for rid, dusun_id, rw, rt in session.execute(select(Rt.id, Rt.dusun_id, Rt.rw, Rt.rt)):
        rts[rid] = (dusun_id, rw, rt)
        rt_by_key[(dusun_id, rw, rt)] = rid
    dusun_name = {a: b for a, b in session.execute(select(Dusun.id, Dusun.name))}
    with_membership = set(session.scalars(select(Membership.resident_id)))
    return Register(
        residents,
        families,
        family_kk,
        rts,
        rt_by_key,
        dusun_name,
        {name.lower(): did for did, name in dusun_name.items()},
        with_membership,
        by_raw,
        dict(unfixed),
    )


def _area_text(reg: Register, area: tuple[Any, ...] | None) -> str:
    if area is None:
        return "-"
    if area[0] == "id":
        dusun_id, rw, rt = reg.rts[area[1]]
        name = reg.dusun_name[dusun_id]
    else:
        _, name, rw, rt = area
    rw_text = f"RW {rw} / " if rw != "-" else ""
    return f"{name} {rw_text}RT {rt}"


def _area_dusun(reg: Register, area: tuple[Any, ...]) -> str:
    if area[0] == "id":
        return reg.dusun_name[reg.rts[area[1]][0]].lower()
    return str(area[1]).lower()


def _resolve_area(
    reg: Register, record: ResidentRecord, current_rt: int | None, plan: Plan
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


def plan_residents(
    session: Session | None,
    records: list[ResidentRecord],
    confirmed: frozenset[str],
    should_cancel: ShouldCancel | None,
    reg: Register | None = None,
) -> Plan:
    if reg is None:
        assert session is not None
        reg = load_register(session)
    excluded: dict[int, str] = {}
    for _attempt in range(6):
        check_cancel(should_cancel)
        plan = _plan_once(reg, [r for r in records if r.row_number not in excluded], confirmed)
        bad = _check_heads(
            reg, plan, [r for r in records if r.row_number not in excluded], confirmed
        )
        if not bad:
            break
        excluded.update(bad)
    else:  # pragma: no cover - each round removes rows, so this is a safety net
        raise PesiarError("Susunan kepala keluarga di berkas tidak dapat diselesaikan.")
    plan.confirmed = confirmed
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


def _plan_once(reg: Register, records: list[ResidentRecord], confirmed: frozenset[str]) -> Plan:
    plan = Plan()
    family_done: set[str] = set()
    compare: dict[frozenset[str], Callable[[Any], Any]] = {}
    new_family_area: dict[tuple[str, str, str], Any] = {}
    for record in records:
        family = reg.families.get(record.no_kk)
        if family is None:
            _plan_new_family(reg, plan, record, new_family_area)
        elif record.no_kk not in family_done:
            family_done.add(record.no_kk)
            _plan_family_update(reg, plan, record, family, confirmed)
        existing = reg.find(record)
        if existing is None and (existing := reg.nik_fix_for(record)) is not None:
            plan.nik_fixes[existing.id] = record.nik
            plan.updated_rows.add(record.row_number)
            plan.row_changes[record.row_number].append("NIK diperbaiki")
        if existing is None:
            plan.new_residents.append((record, record.no_kk))
            seed = _membership_seed(record)
            if seed is not None:
                plan.memberships.append((record, seed))
        else:
            _plan_person(reg, plan, record, existing, confirmed, compare)
    _reject_new_families_without_area(plan)
    plan.village_has_dusun = bool(reg.dusun_name)
    plan.new_dusun = sorted(
        {name for name, _rw, _rt in plan.new_areas if name.lower() not in reg.dusun_by_lower}
    )
    plan.unchanged = len(records) - len(plan.new_residents) - len(plan.updated_rows)
    return plan


def _plan_family_update(
    reg: Register,
    plan: Plan,
    record: ResidentRecord,
    family: tuple[int, int, str],
    confirmed: frozenset[str],
) -> None:
    """An existing family's RT and address, from its first row in the file; a move to
    another dusun waits for confirmation."""
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
        labels = {"area": "RT/dusun keluarga", "address": "alamat keluarga"}
        plan.row_changes[record.row_number].extend(labels[key] for key in changes)


def _plan_new_family(
    reg: Register,
    plan: Plan,
    record: ResidentRecord,
    new_family_area: dict[tuple[str, str, str], Any],
) -> None:
    """A family the register does not have: created with the area of its head's row
    (else of its first row that names one)."""
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


def _plan_person(
    reg: Register,
    plan: Plan,
    record: ResidentRecord,
    existing: Existing,
    confirmed: frozenset[str],
    compare: dict[frozenset[str], Callable[[Any], Any]],
) -> None:
    """A resident the register has: a move to another family and a change of life
    status wait for confirmation; other changed columns are updated."""
    moving = _plan_move(reg, plan, record, existing, confirmed)
    changed = _changed_columns(record, existing, moving, compare)
    _plan_life_change(plan, record, existing, confirmed)
    if existing.id not in reg.with_membership:
        seed = _membership_seed(record)
        if seed is not None:
            plan.memberships.append((record, seed))
            plan.seeded_ids[record.row_number] = existing.id
            plan.updated_rows.add(record.row_number)
            plan.row_changes[record.row_number].append("kepesertaan BPJS")
    notes = plan.row_changes
    if existing.id in plan.moves:
        notes[record.row_number].append("pindah KK")
    if plan.life_changes and plan.life_changes[-1][0] is existing:
        notes[record.row_number].append("status dasar")
    if changed:
        plan.updates.append((record, existing, changed))
        plan.updated_rows.add(record.row_number)
        notes[record.row_number].extend(
            _COLUMN_LABELS.get(c, c) for c in changed if c != "name_sort"
        )
    elif existing.id in plan.moves or any(e is existing for e, _s, _r in plan.life_changes):
        plan.updated_rows.add(record.row_number)


def _plan_move(
    reg: Register,
    plan: Plan,
    record: ResidentRecord,
    existing: Existing,
    confirmed: frozenset[str],
) -> bool:
    """Whether the row puts the person in another family that is not (yet) confirmed."""
    current_kk = reg.family_kk[existing.family_id]
    if current_kk == record.no_kk:
        return False
    key = f"{_pending_id(record)}:{PENDING_FAMILY}"
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
        return False  # applied: the row's SHDK belongs to the new family
    return True


def _changed_columns(
    record: ResidentRecord,
    existing: Existing,
    moving: bool,
    compare: dict[frozenset[str], Callable[[Any], Any]],
) -> dict[str, Any]:
    """The person columns the row fills with another value than the register's (SHDK
    not while an unconfirmed move is pending)."""
    new_values = record.values
    getter = compare.get(record.given)
    if getter is None:
        getter = compare[record.given] = _getter(sorted(_COLUMN_INDEX[c] for c in record.given))
    # One tuple comparison settles the usual case (nothing changed).
    if getter(new_values) == getter(existing.row):
        return {}
    changed = {
        column: new_values[_COLUMN_INDEX[column]]
        for column in record.given
        if new_values[_COLUMN_INDEX[column]] != existing.row[_COLUMN_INDEX[column]]
        and not (column == "shdk" and moving)
    }
    if "name" in changed:
        changed["name_sort"] = record.value("name_sort")
    return changed


def _pending_id(record: ResidentRecord) -> str:
    """The person's part of a pending change's key: the NIK, or for a NIK to fix the
    value as written and the row (the key a person confirms must name one person)."""
    if record.nik_problem is None:
        return record.nik
    return f"{record.nik}@{record.row_number}"


def _plan_life_change(
    plan: Plan, record: ResidentRecord, existing: Existing, confirmed: frozenset[str]
) -> None:
    if record.life_status is None or record.life_status == existing.life_status:
        return
    key = f"{_pending_id(record)}:{PENDING_LIFE}"
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


def _reject_new_families_without_area(plan: Plan) -> None:
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


def _check_heads(
    reg: Register, plan: Plan, records: list[ResidentRecord], confirmed: frozenset[str]
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
    for no_kk, rows in _touched_families(reg, plan, records).items():
        living, living_heads = _living_after(
            reg, plan.moves, updates, life, no_kk, by_kk.get(no_kk, [])
        )
        if living == 0 or len(living_heads) == 1:
            continue
        reason = _heads_reason(plan, no_kk, living_heads, confirmed)
        for number in set(rows) | {r.row_number for r in by_kk.get(no_kk, [])}:
            bad.setdefault(number, reason)
    return bad


def _touched_families(
    reg: Register, plan: Plan, records: list[ResidentRecord]
) -> dict[str, list[int]]:
    """No KK -> the rows that change who lives in that family or who heads it."""
    touched: dict[str, list[int]] = defaultdict(list)
    for record, _kk in plan.new_residents:
        touched[record.no_kk].append(record.row_number)
    for record, _existing, changed in plan.updates:
        if "shdk" in changed:
            touched[record.no_kk].append(record.row_number)
    for existing, _status, record in plan.life_changes:
        touched[reg.family_kk[existing.family_id]].append(record.row_number)
    for record in records if plan.moves else ():
        mover = reg.find(record)
        if mover is not None and mover.id in plan.moves:
            touched[record.no_kk].append(record.row_number)
            touched[reg.family_kk[mover.family_id]].append(record.row_number)
    return touched


def _living_after(
    reg: Register,
    moves: dict[int, str],
    updates: dict[int, dict[str, Any]],
    life: dict[int, int],
    no_kk: str,
    file_rows: list[ResidentRecord],
) -> tuple[int, list[str]]:
    """(living members, names of the living heads) of a family once the plan is written:
    `moves`, `updates` and `life` are the plan's, by resident id."""
    living_heads: list[str] = []
    living = 0
    family = reg.families.get(no_kk)
    for member in reg.family_members(family[0]) if family is not None else ():
        if moves.get(member.id, no_kk) != no_kk:
            continue  # moves out
        if life.get(member.id, member.life_status) == codes.LIFE_ALIVE:
            living += 1
            if updates.get(member.id, {}).get("shdk", member.get("shdk")) == codes.SHDK_HEAD:
                living_heads.append(member.get("name"))
    for record in file_rows:
        known = reg.find(record)
        if known is None:
            status = record.life_status or codes.LIFE_ALIVE
        elif moves.get(known.id) == no_kk:  # moving in
            status = life.get(known.id, known.life_status)
        else:
            continue  # already counted as a member above (or stays in its own family)
        if status == codes.LIFE_ALIVE:
            living += 1
            if record.shdk == codes.SHDK_HEAD:
                living_heads.append(record.name)
    return living, living_heads


def _heads_reason(
    plan: Plan, no_kk: str, living_heads: list[str], confirmed: frozenset[str]
) -> str:
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
    if any(p.key not in confirmed and p.kind != PENDING_DUSUN for p in plan.pending):
        reason += "; perubahan yang belum dikonfirmasi tidak dihitung"
    return reason + (")." if not living_heads else ".")
