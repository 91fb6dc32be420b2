"""Read side of the resident register, built for a lazy table over 100,000 rows.

`resident_ids` returns the ordered ids that match a filter (filtering and
sorting happen in SQL); `fetch_rows` loads plain tuples for a chunk of ids.
Only the tables a filter or sort needs are joined, so a name search stays a
scan of one indexed table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.models import Dusun, Family, Membership, Resident, Rt
from pesiar_desktop.rules import codes, formatting
from pesiar_desktop.services.arrears import FamilyArrears, family_arrears_in

COLUMNS: tuple[tuple[str, str], ...] = (
    ("nik", "NIK"),
    ("name", "Nama"),
    ("sex", "JK"),
    ("birth_date", "Tgl Lahir"),
    ("age", "Umur"),
    ("no_kk", "No KK"),
    ("shdk", "Hubungan"),
    ("dusun", "Dusun"),
    ("rt", "RW/RT"),
    ("jkn_status", "Status JKN"),
    ("segment", "Segmen"),
    ("life_status", "Status"),
)
COLUMN_KEYS = tuple(key for key, _ in COLUMNS)


@dataclass
class RegisterFilter:
    search: str = ""
    dusun_id: int | None = None
    rt_id: int | None = None
    jkn_status: str | None = None  # a membership status code
    segment: str | None = None
    flags: set[str] = field(default_factory=set)  # keys of codes.PRIORITY_FLAGS
    life_status: int | None = codes.LIFE_ALIVE  # None: everyone
    family_id: int | None = None


@dataclass(frozen=True)
class RegisterRow:
    id: int
    nik: str
    name: str
    sex: int
    birth_date: date
    no_kk: str
    shdk: int
    dusun: str
    rw: str
    rt: str
    jkn_status: str
    segment: str | None
    life_status: int
    family_id: int

    def age(self, today: date | None = None) -> int:
        ref = today or clock.today()
        born = self.birth_date
        return ref.year - born.year - ((ref.month, ref.day) < (born.month, born.day))


def _search_condition(text: str) -> Any:
    needle = " ".join(text.split()).lower()
    digits = needle.replace(" ", "")
    if digits.isdigit():
        # Prefix of NIK or No KK as an index range (works alike on SQLite and PostgreSQL).
        upper = digits + "\uffff"
        return or_(
            and_(Resident.nik >= digits, Resident.nik < upper),
            Resident.family_id.in_(
                select(Family.id).where(Family.no_kk >= digits, Family.no_kk < upper)
            ),
        )
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return Resident.name_sort.like(f"%{escaped}%", escape="\\")


def _needs(filt: RegisterFilter, sort_key: str) -> tuple[bool, bool, bool]:
    """Which joins are needed: (family, rt+dusun, membership)."""
    area = filt.dusun_id is not None or sort_key in ("dusun", "rt")
    family = area or filt.rt_id is not None or "poor" in filt.flags or sort_key == "no_kk"
    member = (
        filt.jkn_status is not None
        or filt.segment is not None
        or sort_key in ("jkn_status", "segment")
    )
    return family, area, member


def _sort_columns(sort_key: str) -> list[Any]:
    mapping: dict[str, list[Any]] = {
        "nik": [Resident.nik],
        "name": [Resident.name_sort],
        "sex": [Resident.sex, Resident.name_sort],
        "birth_date": [Resident.birth_date],
        "age": [Resident.birth_date],
        "no_kk": [Family.no_kk, Resident.shdk],
        "shdk": [Resident.shdk, Resident.name_sort],
        "dusun": [Dusun.name, Rt.rw, Rt.rt, Resident.family_id, Resident.shdk],
        "rt": [Rt.rw, Rt.rt, Resident.family_id, Resident.shdk],
        "jkn_status": [Membership.status, Resident.name_sort],
        "segment": [Membership.segment, Resident.name_sort],
        "life_status": [Resident.life_status, Resident.name_sort],
    }
    return mapping.get(sort_key, [Resident.name_sort])


def build_query(
    filt: RegisterFilter, sort_key: str = "name", descending: bool = False
) -> Select[Any]:
    need_family, need_area, need_member = _needs(filt, sort_key)
    query = select(Resident.id)
    if need_family:
        query = query.join(Family, Resident.family_id == Family.id)
    if need_area:
        query = query.join(Rt, Family.rt_id == Rt.id).join(Dusun, Rt.dusun_id == Dusun.id)
    if need_member:
        query = query.outerjoin(Membership, Membership.resident_id == Resident.id)
    if filt.search.strip():
        query = query.where(_search_condition(filt.search))
    if filt.life_status is not None:
        query = query.where(Resident.life_status == filt.life_status)
    if filt.family_id is not None:
        query = query.where(Resident.family_id == filt.family_id)
    if filt.dusun_id is not None:
        query = query.where(Rt.dusun_id == filt.dusun_id)
    if filt.rt_id is not None:
        query = query.where(Family.rt_id == filt.rt_id)
    if filt.jkn_status is not None:
        if filt.jkn_status == codes.STATUS_NOT_REGISTERED:
            query = query.where(
                or_(Membership.status.is_(None), Membership.status == codes.STATUS_NOT_REGISTERED)
            )
        else:
            query = query.where(Membership.status == filt.jkn_status)
    if filt.segment is not None:
        query = query.where(Membership.segment == filt.segment)
    for flag in filt.flags:
        if flag == "poor":
            query = query.where(Family.welfare_decile <= codes.POOR_DECILE_MAX)
        elif flag == "elderly":
            query = query.where(Resident.birth_date <= codes.elderly_born_by(clock.today()))
        else:
            query = query.where(getattr(Resident, flag).is_(True))
    # Age ascending means birth date descending.
    reverse = descending != (sort_key == "age")
    order = [col.desc() for col in _sort_columns(sort_key)] if reverse else _sort_columns(sort_key)
    return query.order_by(*order, Resident.id.desc() if reverse else Resident.id)


def resident_ids(
    session: Session, filt: RegisterFilter, sort_key: str = "name", descending: bool = False
) -> list[int]:
    return list(session.scalars(build_query(filt, sort_key, descending)))


def count_residents(session: Session, filt: RegisterFilter) -> int:
    inner = build_query(filt).order_by(None).subquery()
    return int(session.scalar(select(func.count()).select_from(inner)) or 0)


def fetch_rows(session: Session, ids: list[int]) -> dict[int, RegisterRow]:
    """Plain rows for a chunk of ids (at most a few hundred at a time)."""
    if not ids:
        return {}
    result = session.execute(
        select(
            Resident.id,
            Resident.nik,
            Resident.name,
            Resident.sex,
            Resident.birth_date,
            Family.no_kk,
            Resident.shdk,
            Dusun.name,
            Rt.rw,
            Rt.rt,
            func.coalesce(Membership.status, codes.STATUS_NOT_REGISTERED),
            Membership.segment,
            Resident.life_status,
            Resident.family_id,
        )
        .join(Family, Resident.family_id == Family.id)
        .join(Rt, Family.rt_id == Rt.id)
        .join(Dusun, Rt.dusun_id == Dusun.id)
        .outerjoin(Membership, Membership.resident_id == Resident.id)
        .where(Resident.id.in_(ids))
    )
    return {row[0]: RegisterRow(*tuple(row)) for row in result}


@dataclass(frozen=True)
class FamilyView:
    id: int
    no_kk: str
    address: str
    area_label: str
    rt_id: int
    welfare_decile: int | None
    members: list[RegisterRow]
    arrears: FamilyArrears | None = None  # PBPU/BP members in arrears and what they owe

    @property
    def head_name(self) -> str:
        for member in self.members:
            if member.shdk == codes.SHDK_HEAD and member.life_status == codes.LIFE_ALIVE:
                return member.name
        return ""


def family_view(session: Session, family_id: int) -> FamilyView | None:
    """A KK with all its members (living first, then by SHDK and age)."""
    family = session.get(Family, family_id)
    if family is None:
        return None
    ids = list(session.scalars(select(Resident.id).where(Resident.family_id == family_id)))
    rows = sorted(
        fetch_rows(session, ids).values(),
        key=lambda r: (r.life_status != codes.LIFE_ALIVE, r.shdk, r.birth_date),
    )
    rw = f"RW {family.rt.rw} / " if family.rt.rw != "-" else ""
    label = formatting.area(f"Dusun {family.rt.dusun.name}, {rw}RT {family.rt.rt}")
    return FamilyView(
        family.id,
        family.no_kk,
        family.address,
        label,
        family.rt_id,
        family.welfare_decile,
        rows,
        family_arrears_in(session, family.id, clock.today()),
    )


def find_families(session: Session, text: str, limit: int = 30) -> list[tuple[int, str, str]]:
    """(family id, No KK, head name) for a No KK prefix or a head's name, for pickers."""
    needle = " ".join(text.split()).lower()
    if not needle:
        return []
    head = (
        select(Resident.family_id, Resident.name)
        .where(Resident.shdk == codes.SHDK_HEAD, Resident.life_status == codes.LIFE_ALIVE)
        .subquery()
    )
    query = select(Family.id, Family.no_kk, func.coalesce(head.c.name, "")).outerjoin(
        head, head.c.family_id == Family.id
    )
    if needle.isdigit():
        query = query.where(Family.no_kk >= needle, Family.no_kk < needle + "\uffff")
    else:
        query = query.where(func.lower(head.c.name).like(f"%{needle}%"))
    return [
        (i, kk, name) for i, kk, name in session.execute(query.order_by(Family.no_kk).limit(limit))
    ]
