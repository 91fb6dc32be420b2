"""A believable demo village: Desa Suka Makmur (Kec. Gerung, Kab. Lombok Barat, NTB).

`generate` fills the register with families, residents and JKN memberships so the
program can be tried, shown and benchmarked without real personal data. The same
seed (on the same day) gives the same village. Families are built as households,
not as independent rows: one kepala keluarga, a spouse a few years apart,
children born while the mother was 18-42, sometimes a parent, a married child
with a menantu and cucu. Membership follows the family (a PBPU family pays for
the whole KK), with a year of history so monthly trends can be drawn.

Speed matters (the benchmarks use 100,000 residents): rows are built as plain
dicts and written with SQLAlchemy Core executemany in one transaction, with one
audit entry for the whole run; the per-resident services are not used.
"""

from __future__ import annotations

import bisect
import gc
import importlib
import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from operator import itemgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.clock import utcnow
from pesiar_desktop.db import Database
from pesiar_desktop.demo import names as words
from pesiar_desktop.models import (
    Dusun,
    Family,
    Membership,
    Resident,
    Rt,
    Village,
)
from pesiar_desktop.reportdata.village import VillageProfile
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.membership import stored_values
from pesiar_desktop.rules.nik import nik_for
from pesiar_desktop.services import audit, bulk_sql, events, users, village
from pesiar_desktop.services.context import (
    ROLE_ADMIN,
    ROLE_KEPALA_DESA,
    ROLE_OPERATOR,
    ROLE_VIEWER,
    Actor,
    require,
)
from pesiar_desktop.services.membership import (
    STATE_COLUMNS,
    HistoryRow,
    MembershipRow,
    write_memberships_bulk,
)

DEMO_REGION_CODE = "52.01.01.2005"  # Desa Suka Makmur, Kec. Gerung, Kab. Lombok Barat
KEPALA_DESA = "H. LALU MUHAMMAD SUKRI, S.Sos."
SEKRETARIS_DESA = "BAIQ NURUL HIDAYATI, S.E."
BENDAHARA_DESA = "LALU AHMAD FAUZAN, A.Md."
# Demo accounts (printed by the CLI and listed in the README): username, password, role, name.
DEMO_USERS: tuple[tuple[str, str, str, str], ...] = (
    ("admin", "admin12345", ROLE_ADMIN, "Administrator Desa"),
    ("operator", "operator123", ROLE_OPERATOR, "Baiq Nurul Hidayati"),
    ("kades", "kades12345", ROLE_KEPALA_DESA, "H. Lalu Muhammad Sukri"),
    ("bpd", "bpd123456", ROLE_VIEWER, "Ketua BPD Suka Makmur"),
)
DEMO_PROFILE = {
    "address": "Jl. Raya Suka Makmur No. 1, Gerung",
    "postal_code": "83363",
    "phone": "(0370) 681234",
    "email": "pemdes.sukamakmur@example.com",
    "sekretaris_desa_name": SEKRETARIS_DESA,
    "bendahara_name": BENDAHARA_DESA,
}
SOURCE = "demo"
# Feature modules that add their part of the demo after the register is filled, in order.
# Each has `extend(db, actor, *, seed: int, today: date) -> str` returning an Indonesian
# sentence for the summary ("" when it had nothing to add, e.g. already present).
DEMO_EXTENSIONS: tuple[str, ...] = (
    "pesiar_desktop.demo.agents",
    "pesiar_desktop.demo.fieldwork",
    "pesiar_desktop.demo.keaktifan",
    "pesiar_desktop.demo.population",  # a year of births, deaths, moves; after the field work
    "pesiar_desktop.demo.nik_to_fix",  # a few NIKs to fix (Penduduk > Perbaiki NIK)
    "pesiar_desktop.demo.reminders",  # last: reminds who still owes after the rest
)

SEGMENT_NONE = "NONE"  # family not registered at all (a PESIAR target family)

# ---------------------------------------------------------------- weighted picks


class _Pick:
    """A weighted choice with precomputed cumulative weights (called ~10^6 times)."""

    __slots__ = ("_cum", "_items", "_total")

    def __init__(self, pairs: Sequence[tuple[Any, float]]):
        self._items = [item for item, _ in pairs]
        self._cum: list[float] = []
        total = 0.0
        for _, weight in pairs:
            total += weight
            self._cum.append(total)
        self._total = total

    def __call__(self, rng: random.Random) -> Any:
        return self._items[bisect.bisect_right(self._cum, rng.random() * self._total)]


HOUSEHOLD_KIND = _Pick(
    [
        ("nuclear", 46),
        ("couple", 13),
        ("single_parent", 11),
        ("single", 12),
        ("with_parent", 10),
        ("three_gen", 8),
    ]
)
CHILDREN_WANTED = _Pick([(1, 22), (2, 36), (3, 24), (4, 11), (5, 4), (6, 3)])
GRANDCHILDREN = _Pick([(0, 10), (1, 38), (2, 34), (3, 14), (4, 4)])

SEGMENT = _Pick(
    [
        ("PBI_APBN", 45),
        ("PBI_APBD", 15),
        ("PBPU", 18),
        ("PPU_BU", 10),
        ("PPU_PN", 6),
        ("BP", 2),
        (SEGMENT_NONE, 3),
    ]
)
DECILE = {
    "PBI_APBN": _Pick([(1, 24), (2, 26), (3, 22), (4, 14), (5, 7), (6, 4), (7, 2), (8, 1)]),
    "PBI_APBD": _Pick([(2, 10), (3, 18), (4, 22), (5, 22), (6, 16), (7, 8), (8, 4)]),
    "PBPU": _Pick([(3, 4), (4, 10), (5, 18), (6, 22), (7, 20), (8, 14), (9, 8), (10, 4)]),
    "PPU_BU": _Pick([(4, 5), (5, 15), (6, 25), (7, 25), (8, 18), (9, 9), (10, 3)]),
    "PPU_PN": _Pick([(6, 10), (7, 20), (8, 30), (9, 25), (10, 15)]),
    "BP": _Pick([(5, 10), (6, 15), (7, 25), (8, 25), (9, 15), (10, 10)]),
    SEGMENT_NONE: _Pick(
        [(1, 15), (2, 15), (3, 14), (4, 12), (5, 12), (6, 10), (7, 9), (8, 7), (9, 4), (10, 2)]
    ),
}
# Share of registered families that are active now (PBPU pays itself and lapses most).
ACTIVE_SHARE = {
    "PBI_APBN": 0.86,
    "PBI_APBD": 0.80,
    "PBPU": 0.48,
    "PPU_BU": 0.86,
    "PPU_PN": 0.97,
    "BP": 0.70,
}
INACTIVE_KIND = {
    "PBI_APBN": _Pick([(codes.STATUS_PBI_REMOVED, 85), (codes.STATUS_INACTIVE_OTHER, 15)]),
    "PBI_APBD": _Pick([(codes.STATUS_PBI_REMOVED, 60), (codes.STATUS_INACTIVE_OTHER, 40)]),
    "PBPU": _Pick([(codes.STATUS_ARREARS, 92), (codes.STATUS_INACTIVE_OTHER, 8)]),
    "PPU_BU": _Pick([(codes.STATUS_INACTIVE_OTHER, 1)]),
    "PPU_PN": _Pick([(codes.STATUS_INACTIVE_OTHER, 1)]),
    "BP": _Pick([(codes.STATUS_ARREARS, 90), (codes.STATUS_INACTIVE_OTHER, 10)]),
}
# Families registered during the last 12 months (PESIAR at work: PBPU families most).
NEW_IN_WINDOW = {
    "PBI_APBN": 0.05,
    "PBI_APBD": 0.12,
    "PBPU": 0.18,
    "PPU_BU": 0.08,
    "PPU_PN": 0.02,
    "BP": 0.10,
}
JKN_CLASS = {
    "PBI_APBN": _Pick([(3, 1)]),
    "PBI_APBD": _Pick([(3, 1)]),
    "PBPU": _Pick([(3, 80), (2, 15), (1, 5)]),
    "PPU_BU": _Pick([(2, 70), (1, 30)]),
    "PPU_PN": _Pick([(1, 60), (2, 40)]),
    "BP": _Pick([(3, 50), (2, 30), (1, 20)]),
}
# Months in arrears as BPJS lists them (1–30; only 24 are ever counted towards the debt).
ARREARS_MONTHS = _Pick([((1, 3), 25), ((4, 12), 30), ((13, 24), 35), ((25, 30), 10)])

EDUCATION_BY_COHORT = (
    (1960, _Pick([(1, 30), (2, 25), (3, 33), (4, 6), (5, 5), (8, 1)])),
    (1980, _Pick([(1, 8), (2, 14), (3, 36), (4, 18), (5, 20), (7, 1), (8, 3)])),
    (9999, _Pick([(2, 3), (3, 18), (4, 24), (5, 42), (6, 2), (7, 3), (8, 8)])),
)
EDUCATION_STUDENT = _Pick([(5, 70), (4, 15), (3, 8), (6, 3), (7, 4)])
EDUCATION_PN = _Pick([(8, 70), (7, 10), (5, 20)])
EDUCATION_BU = _Pick([(5, 65), (4, 10), (8, 20), (7, 5)])

# Occupation codes (rules.codes.OCCUPATION) for people not in a formal job.
OCC_MAN = _Pick(
    [
        (9, 24), (20, 14), (19, 12), (88, 12), (84, 6), (26, 5), (27, 3), (81, 3), (14, 2),
        (11, 2), (13, 2), (35, 2), (45, 1), (41, 1), (10, 2), (1, 4), (8, 2), (89, 2),
    ]
)  # fmt: skip
OCC_MAN_POOR = _Pick([(20, 30), (19, 24), (9, 18), (26, 6), (11, 3), (1, 8), (88, 6), (84, 5)])
OCC_WOMAN = _Pick(
    [
        (2, 48), (9, 9), (84, 11), (88, 8), (20, 8), (30, 3), (65, 3), (19, 3), (15, 2),
        (73, 1), (74, 1), (1, 3),
    ]
)  # fmt: skip
OCC_WOMAN_POOR = _Pick([(2, 45), (20, 20), (19, 10), (9, 8), (84, 9), (30, 3), (1, 5)])
OCC_ELDER_MAN = _Pick([(1, 45), (9, 38), (20, 7), (84, 5), (4, 5)])
OCC_ELDER_WOMAN = _Pick([(2, 45), (1, 35), (9, 12), (84, 8)])
OCC_PN = _Pick([(5, 45), (65, 20), (85, 15), (6, 8), (7, 7), (73, 3), (74, 2)])
OCC_BU = _Pick([(15, 72), (16, 8), (17, 5), (12, 8), (13, 7)])
EMPLOYER_PN = {
    5: ("Pemerintah Kabupaten Lombok Barat", "Kementerian Agama Kab. Lombok Barat"),
    65: ("Dinas Pendidikan Kab. Lombok Barat", "Kementerian Agama Kab. Lombok Barat"),
    85: ("Pemerintah Desa {desa}",),
    6: ("TNI AD Kodim 1606/Mataram",),
    7: ("Polres Lombok Barat",),
    73: ("Dinas Kesehatan Kab. Lombok Barat",),
    74: ("RSUD Patut Patuh Patju",),
    4: ("PT Taspen (pensiunan)",),
}
OLD_GEN, MID_GEN = 1972, 1996


# ---------------------------------------------------------------- people and households


@dataclass(slots=True)
class _Person:
    sex: int
    age: float  # years, as of `today`
    shdk: int
    marital: int
    birth_order: int = 0  # 0-based among siblings (Balinese birth-order names)
    name: str = ""
    father: str = ""
    mother: str = ""
    birth: date = date.min
    education: int | None = None
    occupation: int | None = None
    phone: str = ""
    pregnant: bool = False
    disability: bool = False
    stunting: bool = False
    laid_off: bool = False
    formal: bool = False
    employer: str = ""
    life_status: int = codes.LIFE_ALIVE
    life_date: date | None = None
    nik: str = ""
    birth_place: str = ""
    # membership: (status, segment or None) and the history events
    status: str = codes.STATUS_NOT_REGISTERED
    segment: str | None = None
    events: list[tuple[date, dict[str, Any]]] = field(default_factory=list)
    parent_of: list[_Person] = field(default_factory=list)  # children linked for names


@dataclass(slots=True)
class _Household:
    people: list[_Person]
    hindu: bool
    noble: bool
    segment: str = SEGMENT_NONE
    decile: int | None = None
    rt_index: int = 0
    address: str = ""
    no_kk: str = ""
    fktp: str = ""
    jkn_class: int | None = None
    status: str = codes.STATUS_NOT_REGISTERED
    arrears: int = 0


@dataclass(frozen=True)
class DemoCounts:
    residents: int
    living: int
    dead: int
    moved: int
    families: int
    dusun: int
    rt: int
    registered: int
    active: int
    history_rows: int

    @property
    def coverage_pct(self) -> float:
        return 100.0 * self.registered / self.living if self.living else 0.0

    @property
    def active_pct(self) -> float:
        return 100.0 * self.active / self.registered if self.registered else 0.0


def _clamp(value: float, low: float, high: float) -> float:
    return low if value < low else high if value > high else value


def _month_start(day: date, back: int = 0) -> date:
    """First day of the month `back` months before `day`'s month."""
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


class _Builder:
    """Draws households and people; holds the random stream and the number counters."""

    def __init__(self, rng: random.Random, today: date, district: str, desa: str):
        self.rng = rng
        self.today = today
        self.district = district
        self.desa = desa
        self.nik_serial: dict[str, int] = {}
        self.kk_serial: dict[str, int] = {}
        self.taken_nik: set[str] = set()
        self.taken_kk: set[str] = set()
        self.taken_card: set[str] = set()
        self.card = 1_200_000_000 + rng.randrange(50_000_000)
        self.window_start = _month_start(today, 12)
        self.list_date = _month_start(today)

    # ------------------------------------------------------------ households

    def household(self) -> _Household:
        rng = self.rng
        kind = HOUSEHOLD_KIND(rng)
        roll = rng.random()
        hindu = roll < 0.04
        noble = not hindu and rng.random() < 0.06
        people = getattr(self, f"_{kind}")()
        if kind not in ("single",) and rng.random() < 0.02:
            people.append(_Person(rng.choice((1, 2)), rng.uniform(8, 25), 9, 1))
        return _Household(people, hindu, noble)

    def _spouse_ages(self, husband: float) -> float:
        gap = _clamp(self.rng.gauss(4.0, 3.5), -2.0, 14.0)
        return max(18.0 + self.rng.random(), husband - gap)

    def _children(self, mother_age: float, married_at: float, wanted: int) -> list[_Person]:
        """Children still living at home, born while the mother was 18-42."""
        rng = self.rng
        kids: list[_Person] = []
        at = max(18.0 + rng.random(), married_at + rng.uniform(0.8, 2.5))
        order = 0
        while order < wanted and at <= min(42.0, mother_age - 0.02):
            age = mother_age - at
            sex = 1 if rng.random() < 0.51 else 2
            order += 1
            at += rng.uniform(1.8, 5.0)
            # Grown children marry and leave: daughters earlier than sons.
            leave = (age - 18.0) * 0.09 if sex == 2 else (age - 20.0) * 0.08
            if age >= 19 and rng.random() < min(0.95, leave):
                continue
            marital = 1 if age < 19 or rng.random() < 0.95 else 3
            kids.append(_Person(sex, age, 4, marital, birth_order=order - 1))
        return kids

    def _couple_with_kids(self, husband: float, kids: bool = True) -> list[_Person]:
        rng = self.rng
        wife = self._spouse_ages(husband)
        head = _Person(1, husband, 1, 2)
        spouse = _Person(2, wife, 3, 2)
        people = [head, spouse]
        if kids:
            married_at = rng.uniform(17.5, max(17.6, min(28.0, wife)))
            children = self._children(wife, married_at, CHILDREN_WANTED(rng))
            head.parent_of = spouse.parent_of = children
            people += children
        return people

    def _nuclear(self) -> list[_Person]:
        return self._couple_with_kids(self.rng.triangular(21, 68, 36))

    def _couple(self) -> list[_Person]:
        rng = self.rng
        if rng.random() < 0.4:
            return self._couple_with_kids(rng.uniform(20, 30), kids=False)
        return self._couple_with_kids(rng.uniform(58, 82))  # grown children have left

    def _single_parent(self) -> list[_Person]:
        rng = self.rng
        if rng.random() < 0.8:
            age = rng.triangular(25, 72, 42)
            head = _Person(2, age, 1, 3 if rng.random() < 0.45 else 4)
            mother_age = age
        else:
            age = rng.triangular(28, 70, 45)
            head = _Person(1, age, 1, 4 if rng.random() < 0.6 else 3)
            mother_age = age - rng.uniform(1, 7)
        married_at = rng.uniform(17.5, max(17.6, min(26.0, mother_age)))
        kids = self._children(mother_age, married_at, CHILDREN_WANTED(rng))
        head.parent_of = kids
        return [head, *kids]

    def _single(self) -> list[_Person]:
        rng = self.rng
        if rng.random() < 0.7:
            sex = 2 if rng.random() < 0.7 else 1
            return [_Person(sex, rng.uniform(60, 88), 1, 4 if rng.random() < 0.85 else 3)]
        sex = 1 if rng.random() < 0.65 else 2
        return [_Person(sex, rng.uniform(21, 40), 1, 1 if rng.random() < 0.75 else 3)]

    def _with_parent(self) -> list[_Person]:
        rng = self.rng
        people = self._couple_with_kids(rng.triangular(24, 55, 34))
        head, wife = people[0], people[1]
        of_wife = rng.random() < 0.35
        base = wife.age if of_wife else head.age
        shdk = 8 if of_wife else 7
        if rng.random() < 0.12:  # both parents
            father_age = min(95.0, base + rng.uniform(22, 38))
            people.append(_Person(1, father_age, shdk, 2))
            people.append(_Person(2, max(base + 18.5, father_age - rng.uniform(1, 8)), shdk, 2))
        else:
            sex = 2 if rng.random() < 0.75 else 1
            people.append(_Person(sex, min(95.0, base + rng.uniform(20, 36)), shdk, 4))
        return people

    def _three_gen(self) -> list[_Person]:
        rng = self.rng
        if rng.random() < 0.8:
            husband = rng.triangular(48, 80, 60)
            head = _Person(1, husband, 1, 2)
            grandma = _Person(2, self._spouse_ages(husband), 3, 2)
            people = [head, grandma]
            mother_age = grandma.age
        else:
            grandma = head = _Person(2, rng.triangular(50, 85, 63), 1, 4)
            people = [head]
            mother_age = head.age
        oldest = min(40.0, mother_age - 18.5)
        if oldest < 19.5:
            return people + self._children(mother_age, 18.0, CHILDREN_WANTED(rng))
        child_age = rng.uniform(19.0, oldest)
        son = rng.random() < 0.6
        child = _Person(1 if son else 2, child_age, 4, 2)
        if son:
            in_law = _Person(2, max(18.2, child_age - _clamp(rng.gauss(3, 3), -2, 10)), 5, 2)
            cucu_mother = in_law
        else:
            in_law = _Person(1, child_age + _clamp(rng.gauss(4, 3), -2, 12), 5, 2)
            cucu_mother = child
        married_at = rng.uniform(17.5, max(17.6, min(26.0, cucu_mother.age)))
        cucu = self._children(cucu_mother.age, married_at, GRANDCHILDREN(rng))
        for kid in cucu:
            kid.shdk, kid.marital = 6, 1
        child.parent_of = in_law.parent_of = cucu
        head.parent_of = [child]
        if head is not grandma:
            grandma.parent_of = head.parent_of
        people += [child, in_law, *cucu]
        if rng.random() < 0.4 and child_age > 14:
            young = rng.uniform(12, child_age - 2)
            if mother_age - young >= 18.5:
                sibling = _Person(rng.choice((1, 2)), young, 4, 1, birth_order=1)
                head.parent_of = [child, sibling]
                if head is not grandma:
                    grandma.parent_of = head.parent_of
                people.append(sibling)
        return people

    # ------------------------------------------------------------ names

    def name(self, sex: int, birth_year: int, hindu: bool, noble: bool, order: int) -> str:
        rng = self.rng
        if hindu:
            order_name = rng.choice(words.BALI_ORDER[order % 4])
            if sex == 1:
                return f"I {order_name} {rng.choice(words.BALI_MALE)}"
            prefix = "NI LUH" if order % 4 == 0 and rng.random() < 0.4 else f"NI {order_name}"
            return f"{prefix} {rng.choice(words.BALI_FEMALE)}"
        if birth_year < OLD_GEN:
            pool = words.MALE_OLD if sex == 1 else words.FEMALE_OLD
            second = 0.15
        elif birth_year < MID_GEN:
            pool = words.MALE_MID if sex == 1 else words.FEMALE_MID
            second = 0.35
        else:
            pool = words.MALE_YOUNG if sex == 1 else words.FEMALE_YOUNG
            second = 0.55
        name = rng.choice(pool)
        if " " not in name and rng.random() < second:
            extra = rng.choice(words.MALE_SECOND if sex == 1 else words.FEMALE_SECOND)
            if extra != name:
                name = f"{name} {extra}"
        if noble:
            name = f"{words.NOBLE_MALE if sex == 1 else words.NOBLE_FEMALE} {name}"
        return name

    def elder_name(self, sex: int, birth_year: int) -> str:
        """A parent's name for someone whose parents are not in the household."""
        return self.name(sex, birth_year - 27, False, False, 0)

    # ------------------------------------------------------------ numbers

    def birth_date(self, age: float) -> date:
        days = max(1, int(age * 365.2425))
        return self.today - timedelta(days=days)

    def nik(self, birth: date, sex: int) -> str:
        key = nik_for(self.district, birth, sex, 0)[:12]
        serial = self.nik_serial.get(key, 0)
        while True:
            serial += 1
            value = f"{key}{serial:04d}"
            if value not in self.taken_nik:
                break
        self.nik_serial[key] = serial
        return value

    def no_kk(self, issued: date) -> str:
        key = f"{self.district}{issued:%d%m%y}"
        serial = self.kk_serial.get(key, 0)
        while True:
            serial += 1
            value = f"{key}{serial:04d}"
            if value not in self.taken_kk:
                break
        self.kk_serial[key] = serial
        return value

    def card_number(self) -> str:
        while True:
            self.card += self.rng.randint(1, 400)
            value = f"{self.card:013d}"
            if value not in self.taken_card:
                return value

    def phone(self) -> str:
        rng = self.rng
        digits = rng.choice((7, 8, 8))
        return rng.choice(words.PHONE_PREFIXES) + "".join(
            str(rng.randrange(10)) for _ in range(digits)
        )


# ---------------------------------------------------------------- filling in details


def _education(b: _Builder, person: _Person) -> int:
    age = person.age
    if age < 7:
        return 1
    if age < 13:
        return 2
    if age < 16:
        return 3
    if age < 19:
        return 4
    if age < 23 and person.shdk in (4, 6, 9):
        return int(EDUCATION_STUDENT(b.rng))
    year = person.birth.year
    for upto, pick in EDUCATION_BY_COHORT:
        if year < upto:
            return int(pick(b.rng))
    return 5


def _occupation(b: _Builder, person: _Person, poor: bool) -> int:
    rng = b.rng
    age = person.age
    if age < 5:
        return 1
    if age < 19:
        return 3 if rng.random() < 0.93 else 1
    if age < 23 and person.shdk in (4, 6, 9) and rng.random() < 0.3:
        return 3
    if age >= 65:
        return int((OCC_ELDER_MAN if person.sex == 1 else OCC_ELDER_WOMAN)(rng))
    if person.sex == 1:
        return int((OCC_MAN_POOR if poor else OCC_MAN)(rng))
    return int((OCC_WOMAN_POOR if poor else OCC_WOMAN)(rng))


def _segment_for(b: _Builder, house: _Household) -> str:
    """The family's JKN segment, kept plausible for who heads it."""
    segment = str(SEGMENT(b.rng))
    head = house.people[0]
    if segment == "PPU_BU" and head.age > 56:
        segment = "BP" if b.rng.random() < 0.4 else "PBPU"
    if segment == "BP" and head.age < 45 and b.rng.random() < 0.7:
        segment = "PBPU"
    return segment


def _dress(b: _Builder, house: _Household) -> None:
    """Names, dates, education, work and priority flags for every member."""
    rng = b.rng
    head = house.people[0]
    house.segment = _segment_for(b, house)
    house.decile = int(DECILE[house.segment](rng))
    if house.decile >= 7 and rng.random() < 0.1:
        house.decile = None  # not (yet) in the welfare data
    poor = house.decile is not None and house.decile <= codes.POOR_DECILE_MAX
    for person in house.people:
        person.birth = b.birth_date(person.age)
    # Names: children take their birth order; nobility passes through the father.
    noble_line = house.noble and head.sex == 1
    for person in house.people:
        noble = False
        if house.noble:
            if person is head:
                noble = head.sex == 1 or rng.random() < 0.5
            elif person.shdk in (4, 6):
                noble = noble_line
            elif person.shdk in (3, 5):
                noble = rng.random() < 0.3
            elif person.shdk == 7:
                noble = person.sex == 1 and head.sex == 1 and noble_line
        person.name = b.name(
            person.sex, person.birth.year, house.hindu, noble, person.birth_order or 0
        )
        if person is head or person.shdk in (3, 5, 8, 9):
            person.birth_order = rng.randrange(4)
    for person in house.people:
        for kid in person.parent_of:
            if person.sex == 1:
                kid.father = person.name
            else:
                kid.mother = person.name
    parents = [p for p in house.people if p.shdk == 7]
    for person in house.people:
        if not person.father:
            found = next((p for p in parents if p.sex == 1 and person is head), None)
            person.father = found.name if found else b.elder_name(1, person.birth.year)
        if not person.mother:
            found = next((p for p in parents if p.sex == 2 and person is head), None)
            person.mother = found.name if found else b.elder_name(2, person.birth.year)
    # Work and schooling.
    for person in house.people:
        person.education = _education(b, person)
        person.occupation = _occupation(b, person, poor)
    worker = head
    if house.segment in ("PPU_PN", "PPU_BU"):
        if house.segment == "PPU_PN":
            worker.occupation = 4 if worker.age >= 58 else int(OCC_PN(rng))
            worker.education = int(EDUCATION_PN(rng)) if worker.occupation != 6 else 5
            if worker.occupation in (6, 7):
                worker.education = 5
            employer = rng.choice(EMPLOYER_PN[worker.occupation])
        else:
            worker.occupation = int(OCC_BU(rng))
            worker.education = int(EDUCATION_BU(rng))
            employer = rng.choice(words.EMPLOYERS)
        worker.formal = worker.occupation != 4
        worker.employer = employer.format(desa=b.desa)
    elif house.segment == "BP":
        worker.occupation = 4 if worker.age >= 55 else 88
    elif worker.age < 56 and rng.random() < (0.2 if house.segment == SEGMENT_NONE else 0.04):
        # A formal-sector worker whose employer has not registered them (a target).
        worker.occupation, worker.formal = 15, True
        worker.employer = rng.choice(words.EMPLOYERS)
    for person in house.people:
        if (
            person is not worker
            and person.shdk in (4, 5, 9)
            and 19 <= person.age < 36
            and person.occupation not in (3,)
            and house.segment not in ("PPU_PN", "PPU_BU")
            and rng.random() < 0.08
        ):
            person.occupation, person.formal = 15, True
            person.employer = rng.choice(words.EMPLOYERS)
    # Other details.
    youngest = min((p.age for p in house.people if p.shdk == 4), default=99.0)
    for person in house.people:
        age = person.age
        if age >= 18 and rng.random() < (0.6 if age < 60 else 0.2):
            person.phone = b.phone()
        if (
            person.sex == 2
            and person.marital == 2
            and 18 <= age <= 42
            and person.shdk in (1, 3, 5)
            and rng.random() < (0.01 if youngest < 0.75 else 0.12)
        ):
            person.pregnant = True
        if age < 5:
            decile = house.decile or 5
            chance = 0.24 if decile <= 3 else 0.18 if decile <= 6 else 0.10
            person.stunting = rng.random() < chance
        chance = 0.008 if age < 18 else 0.015 if age < 60 else 0.06
        person.disability = rng.random() < chance


BIRTH_PLACE = _Pick(words.BIRTH_PLACES)
BALI_BIRTH_PLACE = _Pick(words.BALI_BIRTH_PLACES)


def _end_some_lives(b: _Builder, house: _Household) -> None:
    """About 1 % died or moved away in the last year (records kept, as the register does)."""
    rng = b.rng
    people = house.people
    head = people[0]
    spouse = next((p for p in people if p.shdk == 3), None)
    for person in list(people):
        age = person.age
        if person.life_status != codes.LIFE_ALIVE:
            continue
        if age < 1:
            p_die = 0.015
        elif age < 60:
            p_die = 0.0015
        elif age < 70:
            p_die = 0.015
        elif age < 80:
            p_die = 0.04
        else:
            p_die = 0.10
        if person is head and spouse is None:
            continue  # a lone head stays: the family keeps its living head
        if rng.random() < p_die:
            person.life_status = codes.LIFE_DEAD
        elif person.shdk in (4, 9) and 19 <= age < 36 and rng.random() < 0.04:
            person.life_status = codes.LIFE_MOVED
        else:
            continue
        earliest = max(b.window_start, person.birth + timedelta(days=1))
        span = max(0, (b.today - timedelta(days=1) - earliest).days)
        person.life_date = earliest + timedelta(days=rng.randint(0, span))
        person.pregnant = False
        if person.life_status == codes.LIFE_DEAD:
            if person is head and spouse is not None:
                # The widow takes over the KK; the dead head keeps SHDK 1 as a record.
                spouse.shdk, spouse.marital = 1, 4
                head, spouse = spouse, None
            elif person is spouse:
                head.marital = 4
                spouse = None


# ---------------------------------------------------------------- membership


def _draw_family_membership(b: _Builder, house: _Household, fktp_main: str) -> None:
    rng = b.rng
    seg = house.segment
    if seg == SEGMENT_NONE:
        return
    house.jkn_class = int(JKN_CLASS[seg](rng))
    roll = rng.random()
    house.fktp = (
        fktp_main
        if roll < 0.75
        else rng.choice(words.PUSKESMAS)
        if roll < 0.85
        else rng.choice(words.CLINICS)
    )
    if rng.random() < ACTIVE_SHARE[seg]:
        house.status = codes.STATUS_ACTIVE
    else:
        house.status = str(INACTIVE_KIND[seg](rng))
        if house.status == codes.STATUS_ARREARS:
            low, high = ARREARS_MONTHS(rng)
            house.arrears = rng.randint(low, high)
        if seg == "PPU_BU" and house.people[0].formal and rng.random() < 0.75:
            head = house.people[0]
            head.laid_off, head.formal = True, False
            head.occupation = 1 if rng.random() < 0.5 else 19
    if seg in ("PBPU", SEGMENT_NONE) and rng.random() < 0.05:
        head = house.people[0]
        if 20 <= head.age < 56 and not head.formal:
            head.laid_off = True


_NOT_REGISTERED = stored_values(codes.STATUS_NOT_REGISTERED, None, "", None, "", 0)


def _member_timeline(b: _Builder, house: _Household, new_month: int | None) -> None:
    """Each member's membership now and over the last 12 months (history events)."""
    rng = b.rng
    start, listed = b.window_start, b.list_date
    ppu = house.segment in ("PPU_PN", "PPU_BU")
    covered_children = 0
    reactivated = (
        house.status == codes.STATUS_ACTIVE
        and new_month is None
        and rng.random() < (0.15 if house.segment in ("PBPU", "BP") else 0.08)
    )
    change_month = rng.randint(1, 12)
    for person in sorted(house.people, key=lambda p: (p.shdk, -p.age)):
        born_in_window = person.birth > start
        first = max(start, person.birth)
        seg, status, months = house.segment, house.status, house.arrears
        jkn_class, fktp = house.jkn_class, house.fktp
        own_draw = False
        if seg == SEGMENT_NONE:
            person.events = [(first, _NOT_REGISTERED)]
            continue
        if ppu and person.shdk not in (1, 2, 3):
            if person.shdk == 4 and covered_children < 3:
                covered_children += 1
            else:
                # PPU covers the worker, spouse and three children; others pay themselves.
                seg = "PBPU" if rng.random() < 0.6 else "PBI_APBD"
                own_draw = True
        if rng.random() < 0.04:
            own_draw = True
        if own_draw:
            jkn_class = int(JKN_CLASS[seg](rng))
            if rng.random() < ACTIVE_SHARE[seg]:
                status, months = codes.STATUS_ACTIVE, 0
            else:
                status = str(INACTIVE_KIND[seg](rng))
                months = rng.randint(*ARREARS_MONTHS(rng)) if status == codes.STATUS_ARREARS else 0
        if born_in_window and (status != codes.STATUS_ACTIVE or rng.random() < 0.45):
            person.events = [(first, _NOT_REGISTERED)]  # newborn not registered yet
            continue
        if rng.random() < 0.008:  # a member left out of the family's registration
            person.events = [(first, _NOT_REGISTERED)]
            continue
        card = b.card_number()
        now = stored_values(status, seg, card, jkn_class, fktp, months)
        events: list[tuple[date, dict[str, Any]]]
        if born_in_window:
            registered_on = min(b.today, _month_start(person.birth, -1))
            events = [(registered_on, now)]
        elif status == codes.STATUS_ACTIVE:
            if new_month is not None and not own_draw:
                events = [(_month_start(b.today, 12 - new_month), now)]
            elif reactivated and not own_draw:
                if seg.startswith("PBI"):
                    before = stored_values(codes.STATUS_PBI_REMOVED, seg, card, jkn_class, fktp, 0)
                else:
                    lapsed = rng.randint(2, 10)
                    before = stored_values(codes.STATUS_ARREARS, seg, card, jkn_class, fktp, lapsed)
                events = [(start, before), (_month_start(b.today, 12 - change_month), now)]
            else:
                events = [(start, now)]
        elif status == codes.STATUS_ARREARS:
            lapse = _month_start(listed, months)
            if lapse <= start:
                gone = max(1, months - 12)
                events = [(start, stored_values(status, seg, card, jkn_class, fktp, gone))]
            else:
                active = stored_values(codes.STATUS_ACTIVE, seg, card, jkn_class, fktp, 0)
                events = [
                    (start, active),
                    (lapse, stored_values(status, seg, card, jkn_class, fktp, 1)),
                ]
            if events[-1][1] != now:
                events.append((listed, now))
        else:
            if rng.random() < 0.7:
                events = [(start, now)]
            else:
                active = stored_values(codes.STATUS_ACTIVE, seg, card, jkn_class, fktp, 0)
                events = [(start, active), (_month_start(b.today, 12 - change_month), now)]
        if person.life_status != codes.LIFE_ALIVE and person.life_date is not None:
            events = [e for e in events if e[0] < person.life_date]
            ended = stored_values(codes.STATUS_ENDED, seg, card, None, fktp, 0)
            if events:
                events.append((person.life_date, ended))
        person.events = events or [(first, _NOT_REGISTERED)]
    for person in house.people:
        person.status = person.events[-1][1]["status"]
        person.segment = person.events[-1][1]["segment"]


# ---------------------------------------------------------------- areas


def _demo_areas(session: Session, rng: random.Random, families: int) -> list[tuple[int, str, int]]:
    """Dusun, RW and RT for a new demo village: (rt id, dusun name, families wanted)."""
    n_dusun = int(_clamp(round(families / 180), 4, 6))
    names = sorted(rng.sample(words.DUSUN[1:], n_dusun - 1))
    names.insert(0, words.DUSUN[0])
    weights = [rng.uniform(0.7, 1.3) for _ in names]
    total = sum(weights)
    wanted: list[tuple[tuple[str, str, str], int]] = []  # ((dusun, RW, RT), families)
    rw_number, rt_number = 0, 0
    for name, weight in zip(names, weights, strict=True):
        kk = max(1, round(families * weight / total))
        n_rt = max(2, round(kk / rng.uniform(35, 55)))
        n_rw = max(1, round(n_rt / 4.5))
        per_rt = kk / n_rt
        for index in range(n_rt):
            if index % -(-n_rt // n_rw) == 0:
                rw_number += 1
            rt_number += 1
            area = (name, str(rw_number), str(rt_number))
            wanted.append((area, max(1, round(per_rt * rng.uniform(0.75, 1.25)))))
    rt_ids = village.ensure_areas_in(session, [area for area, _kk in wanted])
    return [(rt_ids[area], area[0], kk) for area, kk in wanted]


def _existing_areas(session: Session) -> list[tuple[int, str, int]]:
    rows = session.execute(
        select(Rt.id, Dusun.name).join(Dusun, Rt.dusun_id == Dusun.id).order_by(Rt.id)
    ).all()
    return [(int(rt_id), str(name), 1) for rt_id, name in rows]


# ---------------------------------------------------------------- writing


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Hundreds of thousands of small dicts: the cyclic GC would rescan them for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _bootstrap_village(db: Database) -> None:
    """On an empty database: what the first-run wizard would do, with demo accounts."""
    admin_name, admin_password, _role, admin_full = DEMO_USERS[0]
    village.setup(
        db,
        DEMO_REGION_CODE,
        admin_name,
        admin_password,
        admin_full,
        kepala_desa_name=KEPALA_DESA,
    )
    # The administrator just created records the rest of the setup: an actor given a role
    # its user does not hold would be refused (`services/standing.py`).
    setup_actor = users.get_actor(db, admin_name)
    for username, password, role, full_name in DEMO_USERS[1:]:
        users.create_user(db, setup_actor, username, password, role, full_name)
    village.update_profile(db, setup_actor, None, **DEMO_PROFILE)


def _fmt_int(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _fmt_pct(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def generate(
    db: Database,
    actor: Actor,
    residents: int = 3000,
    seed: int = 2026,
    *,
    today: date | None = None,
) -> str:
    """Adds `residents` demo residents (setting up Desa Suka Makmur on an empty database)
    and returns a one-line Indonesian summary for the CLI."""
    require(actor, "residents.write")
    if residents < 1:
        raise ValueError("residents must be at least 1")
    created = not village.is_set_up(db)
    if created:
        _bootstrap_village(db)
    profile = village.get_profile(db)
    assert profile is not None
    with _gc_paused():
        counts = _generate(db, actor, residents, seed, today or clock.today(), profile)
    db.refresh_statistics()
    events.notify(events.Topic.AREAS)
    events.notify(events.Topic.RESIDENTS)
    extra = [
        importlib.import_module(name).extend(db, actor, seed=seed, today=today or clock.today())
        for name in DEMO_EXTENSIONS
    ]
    title = profile.title
    text = (
        f"{_fmt_int(counts.residents)} penduduk contoh ({_fmt_int(counts.living)} hidup, "
        f"{counts.dead} meninggal, {counts.moved} pindah) dalam {_fmt_int(counts.families)} KK "
        f"di {counts.dusun} dusun / {counts.rt} RT; terdaftar JKN "
        f"{_fmt_pct(counts.coverage_pct)} %, aktif {_fmt_pct(counts.active_pct)} % dari peserta"
    )
    text = " ".join([text + ".", *(part for part in extra if part)]).rstrip(".")
    if created:
        logins = ", ".join(f"{u}/{p}" for u, p, _r, _n in DEMO_USERS)
        return f"{title} disiapkan: {text}. Akun contoh: {logins}."
    return f"Ditambahkan ke {title}: {text}."


def _generate(
    db: Database,
    actor: Actor,
    total: int,
    seed: int,
    today: date,
    profile: VillageProfile,
) -> DemoCounts:
    rng = random.Random(seed)
    b = _Builder(rng, today, profile.district_code, profile.desa_name)
    now = utcnow()
    with db.transaction() as session:
        b.taken_nik = set(session.scalars(select(Resident.nik)))
        b.taken_kk = set(session.scalars(select(Family.no_kk)))
        b.taken_card = {c for c in session.scalars(select(Membership.card_number)) if c}
        village_id = session.scalar(select(Village.id).order_by(Village.id))

        # 1. Households until the wanted number of people is reached.
        houses: list[_Household] = []
        count = 0
        while count < total:
            house = b.household()
            room = total - count
            if len(house.people) > room:
                house.people = house.people[:room]  # the head is always first
            houses.append(house)
            count += len(house.people)

        # 2. Areas: the village's own RTs if it has any, else the demo's dusun and RTs.
        areas = _existing_areas(session)
        made_areas = not areas
        if made_areas:
            areas = _demo_areas(session, rng, len(houses))
        wanted = [max(1, want) for _rt, _d, want in areas]
        scale = len(houses) / sum(wanted)
        slots: list[int] = []
        for index, want in enumerate(wanted):
            slots += [index] * max(1, round(want * scale))
        while len(slots) < len(houses):
            slots.append(rng.randrange(len(areas)))
        fktp_by_dusun: dict[str, str] = {}
        streets_by_dusun: dict[str, list[str]] = {}
        house_numbers: dict[int, int] = {}
        for house, slot in zip(houses, slots, strict=False):
            rt_id, dusun, _want = areas[slot]
            house.rt_index = slot
            if dusun not in fktp_by_dusun:
                fktp_by_dusun[dusun] = words.PUSKESMAS[len(fktp_by_dusun) % 2]
                streets_by_dusun[dusun] = [
                    s.format(desa=profile.desa_name) for s in rng.sample(words.STREETS, 3)
                ]
            number = house_numbers[rt_id] = house_numbers.get(rt_id, 0) + rng.randint(1, 3)
            if rng.random() < 0.3:
                house.address = f"Dusun {dusun}"
            else:
                house.address = f"{rng.choice(streets_by_dusun[dusun])} No. {number}"

        # 3. People: details, numbers, membership.
        earliest_kk = date(2008, 1, 1)
        for house in houses:
            _dress(b, house)
            _end_some_lives(b, house)
            _rt_id, dusun, _want = areas[house.rt_index]
            _draw_family_membership(b, house, fktp_by_dusun[dusun])
            new_month = None
            if house.status == codes.STATUS_ACTIVE and rng.random() < NEW_IN_WINDOW.get(
                house.segment, 0.0
            ):
                new_month = rng.randint(1, 12)
            _member_timeline(b, house, new_month)
            head = house.people[0]
            first_kk = max(earliest_kk, head.birth + timedelta(days=int(17 * 365.25)))
            span = max(0, (today - timedelta(days=30) - first_kk).days)
            house.no_kk = b.no_kk(first_kk + timedelta(days=rng.randint(0, span)))
            b.taken_kk.add(house.no_kk)
            place = BALI_BIRTH_PLACE if house.hindu else BIRTH_PLACE
            for person in house.people:
                person.nik = b.nik(person.birth, person.sex)
                b.taken_nik.add(person.nik)
                person.birth_place = str(place(rng))

        # 4. Write: families, residents, memberships, history; ids read back by key.
        bulk_sql.insert_many(
            session,
            bulk_sql.model_table(Family),
            [
                {
                    "no_kk": house.no_kk,
                    "rt_id": areas[house.rt_index][0],
                    "address": house.address,
                    "welfare_decile": house.decile,
                    "created_at": now,
                    "updated_at": now,
                }
                for house in houses
            ],
        )
        family_ids = {kk: fid for kk, fid in session.execute(select(Family.no_kk, Family.id))}
        resident_rows: list[dict[str, Any]] = []
        for house in houses:
            family_id = family_ids[house.no_kk]
            for person in house.people:
                resident_rows.append(
                    {
                        "nik": person.nik,
                        "name": person.name,
                        "name_sort": person.name.lower(),
                        "sex": person.sex,
                        "birth_place": person.birth_place,
                        "birth_date": person.birth,
                        "family_id": family_id,
                        "shdk": person.shdk,
                        "marital_status": person.marital,
                        "religion": 4 if house.hindu else 1,
                        "education": person.education,
                        "occupation": person.occupation,
                        "phone": person.phone,
                        "father_name": person.father,
                        "mother_name": person.mother,
                        "life_status": person.life_status,
                        "life_status_date": person.life_date,
                        "is_pregnant": person.pregnant,
                        "has_disability": person.disability,
                        "is_stunting_child": person.stunting,
                        "is_laid_off": person.laid_off,
                        "is_formal_worker": person.formal,
                        "employer_name": person.employer,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
        bulk_sql.insert_many(session, bulk_sql.model_table(Resident), resident_rows)
        del resident_rows
        resident_ids = {nik: rid for nik, rid in session.execute(select(Resident.nik, Resident.id))}
        member_rows: list[MembershipRow] = []
        history_rows: list[HistoryRow] = []
        state_of = itemgetter(*STATE_COLUMNS)
        counts = {"living": 0, "dead": 0, "moved": 0, "registered": 0, "active": 0}
        for house in houses:
            for person in house.people:
                rid = resident_ids[person.nik]
                for as_of, state in person.events:
                    recorded_at = datetime.combine(as_of, time(9, 0))
                    history_rows.append((rid, *state_of(state), as_of, recorded_at))
                as_of, state = person.events[-1]
                member_rows.append((rid, *state_of(state), as_of))
                if person.life_status == codes.LIFE_DEAD:
                    counts["dead"] += 1
                elif person.life_status == codes.LIFE_MOVED:
                    counts["moved"] += 1
                else:
                    counts["living"] += 1
                    if person.status in codes.REGISTERED_STATUSES:
                        counts["registered"] += 1
                        counts["active"] += person.status == codes.STATUS_ACTIVE
        write_memberships_bulk(
            session, actor, source=SOURCE, new=member_rows, history=history_rows, now=now
        )

        result = DemoCounts(
            residents=total,
            living=counts["living"],
            dead=counts["dead"],
            moved=counts["moved"],
            families=len(houses),
            dusun=len({name for _rt, name, _w in areas}),
            rt=len(areas),
            registered=counts["registered"],
            active=counts["active"],
            history_rows=len(history_rows),
        )
        audit.record(
            session,
            actor,
            "demo.generate",
            "village",
            village_id or "",
            None,
            {
                "seed": seed,
                "residents": result.residents,
                "living": result.living,
                "dead": result.dead,
                "moved": result.moved,
                "families": result.families,
                "registered": result.registered,
                "active": result.active,
                "history_rows": result.history_rows,
                "areas_created": made_areas,
            },
        )
    return result
