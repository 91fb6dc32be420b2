"""Parsed resident rows -> records ready to compare with the register (bulk import).

The person rules are the add-resident form's (`rules.residents.validate_resident`),
applied to whole columns: values repeat (dates, codes, places), so each distinct
value is checked and cleaned once, and a row is one tuple built by `zip`, not a
form object. A row that every column-wise check passes has no error and no
warning; any row a check doubts goes through `validate_resident` itself, so the
messages and warnings are exactly the form's. `tests/unit/test_import_records.py`
keeps the two paths equal.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import compress, repeat
from operator import itemgetter, ne
from typing import Any, NamedTuple, TypeVar

from pesiar_desktop import clock
from pesiar_desktop.importers.residents import PERSON_FIELD_OF, ParsedResidents, RowNote
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.import_values import Cell, cell_text
from pesiar_desktop.rules.nik import (
    NIK_TO_FIX,
    IdCheck,
    all_plain_digits,
    check_no_kk,
    is_plain_digits,
)
from pesiar_desktop.rules.regions import district_exists
from pesiar_desktop.rules.residents import (
    ResidentInput,
    check_resident,
    clean_name,
    clean_phone,
)
from pesiar_desktop.rules.text import RESIDENT_TEXT_LIMITS, column_problems

# A resident's person columns as stored, in the order records and register rows use.
PERSON_COLUMNS = (
    "name",
    "name_sort",
    "sex",
    "birth_place",
    "birth_date",
    "shdk",
    "marital_status",
    "religion",
    "education",
    "occupation",
    "phone",
    "father_name",
    "mother_name",
    "is_pregnant",
    "has_disability",
    "is_stunting_child",
    "is_laid_off",
    "is_formal_worker",
    "employer_name",
)
COLUMN_INDEX = {column: i for i, column in enumerate(PERSON_COLUMNS)}
_NAME = COLUMN_INDEX["name"]
_BIRTH = COLUMN_INDEX["birth_date"]
# validate_resident's field names -> the import field whose column header names it.
_FIELD_OF_ERROR = {"is_pregnant": "pregnant"}

V = TypeVar("V")
K = TypeVar("K", bound=Hashable)


class ResidentRecord(NamedTuple):
    """One row that passed every per-row check (a tuple: 100,000 are built at once)."""

    row_number: int
    nik: str
    no_kk: str
    values: tuple[Any, ...]  # PERSON_COLUMNS, cleaned as stored
    given: frozenset[str]  # person columns the row fills (a blank keeps the register's)
    life_status: int | None
    dusun: str
    rw: str
    rt: str
    address: str | None
    insurance: int | None
    insurance_number: str
    shdk: int  # also in `values`; read on its own when families are checked
    # Why the NIK needs fixing (the person is kept, flagged); None for a valid NIK,
    # which is then the person's key. For a NIK to fix, `nik` is the value as written.
    nik_problem: str | None

    @property
    def name(self) -> str:
        return str(self.values[_NAME])

    @property
    def key(self) -> Hashable:
        """Who the row is: the NIK, or for a NIK to fix the value as written plus name,
        birth date and No KK (how a re-import finds the person again)."""
        if self.nik_problem is None:
            return self.nik
        return (self.nik, self.name, self.values[_BIRTH], self.no_kk)

    def value(self, column: str) -> Any:
        return self.values[COLUMN_INDEX[column]]


def _each_distinct(values: Sequence[K], convert: Callable[[K], V]) -> list[V]:
    """`convert` applied to each distinct value once, then mapped over the column."""
    converted = {value: convert(value) for value in set(values)}
    return list(map(converted.__getitem__, values))


def _filled(values: Sequence[Any] | None, default: Any, count: int) -> list[Any]:
    """A column with blanks (None) replaced by the form's default; absent: all default."""
    if values is None:
        return [default] * count
    if None not in values:
        return list(values)
    return [default if value is None else value for value in values]


def _bad_indexes(values: Sequence[K], is_bad: Callable[[K], bool]) -> set[int]:
    bad = {value for value in set(values) if is_bad(value)}
    if not bad:
        return set()
    return {i for i, value in enumerate(values) if value in bad}


_DATE_DIGITS = itemgetter(slice(6, 12))
_DISTRICT_DIGITS = itemgetter(slice(0, 6))
_LAST_FOUR_DIGITS = itemgetter(slice(-4, None))


def _nik_stamp(birth: date | None, sex: int) -> str | None:
    """Digits 7-12 of a NIK that agrees with this birth date and sex."""
    if birth is None or sex not in (1, 2):
        return None
    day = birth.day + (40 if sex == 2 else 0)
    return f"{day:02d}{birth.month:02d}{birth.year % 100:02d}"


def _birth_date_wrong(birth: date | None, today: date) -> bool:
    return birth is None or birth > today or birth.year < 1900


def _phone_wrong(phone: str) -> bool:
    phone = phone.strip()
    return bool(phone) and not phone.replace("+", "").replace("-", "").replace(" ", "").isdigit()


def build_records(
    parsed: ParsedResidents,
) -> tuple[list[ResidentRecord], list[RowNote], list[RowNote]]:
    """Person rules (as in the add-resident form) and duplicate NIKs within the file.

    Returns the records, every rejected row (the parser's too) and the warnings.
    """
    today = clock.today()
    person = _person_columns(parsed)
    doubted = _doubted_rows(person, today)
    refused, warnings, dropped = _check_doubted_rows(parsed, person, doubted)
    records, duplicates = _drop_duplicates(_records(parsed, person, dropped), parsed.cells)
    if duplicates:
        gone = {note.row_number for note in duplicates}
        warnings = [w for w in warnings if w.row_number not in gone]
    rejected = [*parsed.rejected, *refused, *duplicates]
    rejected.sort(key=lambda note: note.row_number)
    warnings.sort(key=lambda note: note.row_number)
    return records, rejected, warnings


@dataclass(slots=True)
class _PersonColumns:
    """The accepted rows' person fields, column by column, as the form takes them:
    blanks given the form's defaults, codes as ints (`names`: already cleaned)."""

    count: int
    niks: list[str]  # a doubted row's NIK becomes the one the form cleans
    nik_problems: list[str | None]  # the parser's reason, then the form's (kept to fix)
    raw_names: list[str]
    names: list[str]
    births: list[date | None]
    raw_kks: list[str]
    kk_checks: dict[str, IdCheck]
    sexes: list[int]
    shdks: list[int]
    maritals: list[int]
    religions: list[int]
    educations: list[Any]
    occupations: list[Any]
    raw_phones: list[str]
    raw_places: list[str]
    raw_fathers: list[str]
    raw_mothers: list[str]
    pregnant: list[bool]
    disabled: list[bool]

    def form_input(self, i: int) -> ResidentInput:
        """Row `i` as the add-resident form's input (a person kept if the NIK is wrong)."""
        return ResidentInput(
            nik_to_fix=True,
            nik=self.niks[i],
            name=self.raw_names[i],
            sex=self.sexes[i],
            birth_date=self.births[i],
            shdk=self.shdks[i],
            birth_place=self.raw_places[i],
            marital_status=self.maritals[i],
            religion=self.religions[i],
            education=self.educations[i],
            occupation=self.occupations[i],
            phone=self.raw_phones[i],
            father_name=self.raw_fathers[i],
            mother_name=self.raw_mothers[i],
            is_pregnant=self.pregnant[i],
            has_disability=self.disabled[i],
        )


def _person_columns(parsed: ParsedResidents) -> _PersonColumns:
    columns = parsed.columns
    count = len(parsed.row_numbers)
    raw_names: list[str] = columns.get("name", [])
    raw_kks: list[str] = columns.get("no_kk", [])
    no_disability = codes.DISABILITY_NONE
    return _PersonColumns(
        count=count,
        niks=list(columns.get("nik", ())),
        nik_problems=list(columns.get("nik_problem", [None] * count)),
        raw_names=raw_names,
        names=_clean_names(raw_names),
        births=columns.get("birth_date", [None] * count),
        raw_kks=raw_kks,
        kk_checks={kk: check_no_kk(kk) for kk in set(raw_kks)},
        sexes=_each_distinct(columns.get("sex", [0] * count), int),
        shdks=_each_distinct(columns.get("shdk", [0] * count), int),
        maritals=_each_distinct(_filled(columns.get("marital_status"), 1, count), int),
        religions=_each_distinct(_filled(columns.get("religion"), 1, count), int),
        educations=_filled(columns.get("education"), None, count),
        occupations=_filled(columns.get("occupation"), None, count),
        raw_phones=_filled(columns.get("phone"), "", count),
        raw_places=_filled(columns.get("birth_place"), "", count),
        raw_fathers=_filled(columns.get("father_name"), "", count),
        raw_mothers=_filled(columns.get("mother_name"), "", count),
        pregnant=_each_distinct(_filled(columns.get("pregnant"), False, count), bool),
        disabled=_each_distinct(
            _filled(columns.get("disability"), None, count),
            lambda d: d is not None and d != no_disability,
        ),
    )


def _doubted_rows(person: _PersonColumns, today: date) -> set[int]:
    """Rows any column-wise check doubts: they take the form's own validation."""
    doubted = _doubted_values(person, today)
    if "" in person.names:
        doubted.update(i for i, name in enumerate(person.names) if not name)
    if True in person.pregnant:
        pairs = zip(person.pregnant, person.sexes, strict=True)
        doubted |= {i for i, (p, s) in enumerate(pairs) if p and s == 1}
    doubted |= _doubted_niks(person)
    for values, field, stored in (
        (person.raw_names, "name", clean_name),
        (person.raw_places, "birth_place", clean_name),
        (person.raw_fathers, "father_name", clean_name),
        (person.raw_mothers, "mother_name", clean_name),
        (person.raw_phones, "phone", clean_phone),
    ):  # too long (as stored) or control characters: refused per row (rules/text.py)
        doubted.update(column_problems(values, RESIDENT_TEXT_LIMITS[field], stored))
    return doubted


def _doubted_values(person: _PersonColumns, today: date) -> set[int]:
    """Rows with a No KK, date, code or phone the form would refuse."""
    kk_checks = person.kk_checks
    doubted: set[int] = set()
    doubted |= _bad_indexes(person.raw_kks, lambda kk: kk_checks[kk].error is not None)
    doubted |= _bad_indexes(person.births, lambda birth: _birth_date_wrong(birth, today))
    doubted |= _bad_indexes(person.sexes, lambda sex: sex not in codes.SEX)
    doubted |= _bad_indexes(person.shdks, lambda shdk: shdk not in codes.SHDK)
    doubted |= _bad_indexes(person.maritals, lambda status: status not in codes.MARITAL_STATUS)
    doubted |= _bad_indexes(person.religions, lambda religion: religion not in codes.RELIGION)
    doubted |= _bad_indexes(person.educations, _education_wrong)
    doubted |= _bad_indexes(person.raw_phones, _phone_wrong)
    return doubted


def _education_wrong(education: int | None) -> bool:
    return education is not None and education not in codes.EDUCATION


def _doubted_niks(person: _PersonColumns) -> set[int]:
    """Rows whose NIK check_nik has something to say about.

    The NIK: 16 plain digits from a known district, whose date/sex digits agree
    with the row. Checked in C over the column.
    """
    niks, births, sexes = person.niks, person.births, person.sexes
    doubted: set[int] = set()
    if person.nik_problems.count(None) != person.count:  # kept to fix: the form decides
        doubted.update(i for i, problem in enumerate(person.nik_problems) if problem)
    if not all_plain_digits(niks):
        doubted.update(i for i, nik in enumerate(niks) if not is_plain_digits(nik))
    stamps = {key: _nik_stamp(*key) for key in set(zip(births, sexes, strict=True))}
    expected = map(stamps.__getitem__, zip(births, sexes, strict=True))
    disagree = list(map(ne, map(_DATE_DIGITS, niks), expected))
    if True in disagree:
        doubted.update(compress(range(person.count), disagree))
    districts = list(map(_DISTRICT_DIGITS, niks))
    unknown = {code for code in set(districts) if not district_exists(code)}
    if unknown:
        doubted.update(i for i, code in enumerate(districts) if code in unknown)
    # The parser flags a NIK ending in 0000 (an impossible serial) already.
    last_four = list(map(_LAST_FOUR_DIGITS, niks))
    if "0000" in last_four:
        doubted.update(i for i, digits in enumerate(last_four) if digits == "0000")
    return doubted


def _check_doubted_rows(
    parsed: ParsedResidents, person: _PersonColumns, doubted: set[int]
) -> tuple[list[RowNote], list[RowNote], set[int]]:
    """The form's validation of each doubted row, in row order.

    Returns the rows it refuses, the warnings of those it takes and the indexes of
    the refused ones; a taken row's NIK becomes the form's (in `person.niks`).
    """
    numbers = parsed.row_numbers
    refused: list[RowNote] = []
    warnings: list[RowNote] = []
    dropped: set[int] = set()
    for i in sorted(doubted):
        problems, row_warnings, nik = _form_check(parsed.header_of, person, i)
        if problems:
            refused.append(RowNote(numbers[i], nik, "; ".join(problems)))
            dropped.add(i)
            continue
        person.niks[i] = nik
        if person.nik_problems[i] is not None:
            row_warnings.insert(0, f"{NIK_TO_FIX}: {person.nik_problems[i]}")
        warnings.extend(RowNote(numbers[i], nik, warning) for warning in row_warnings)
    return refused, warnings, dropped


def _form_check(
    header_of: dict[str, str], person: _PersonColumns, i: int
) -> tuple[list[str], list[str], str]:
    """Row `i` through the form's validation: its problems (each naming its column),
    its warnings and its NIK as the form cleans it.

    An invalid NIK is not a problem: the person is kept, the reason goes to
    `person.nik_problems` (the parser's, when it had one: it saw the cell itself).
    """
    problems: list[str] = []
    kk_error = person.kk_checks[person.raw_kks[i]].error
    if kk_error:
        problems.append(f"Kolom {header_of['no_kk']}: {kk_error}")
    found = check_resident(person.form_input(i))
    for name, message in found.errors.items():
        column = header_of.get(_FIELD_OF_ERROR.get(name, name))
        problems.append(f"Kolom {column}: {message}" if column else message)
    parser_problem = person.nik_problems[i]
    if parser_problem is not None:
        person.nik_problems[i] = parser_problem
        if problems:
            problems.append(f"Kolom {header_of['nik']}: {parser_problem}")
        return problems, [], person.niks[i]
    if found.nik_problem is not None:
        person.nik_problems[i] = found.nik_problem
        if problems:
            problems.append(f"Kolom {header_of['nik']}: {found.nik_problem}")
        return problems, [], found.nik
    return problems, found.warnings, found.nik


def _records(
    parsed: ParsedResidents, person: _PersonColumns, dropped: set[int]
) -> list[ResidentRecord]:
    """The records of the rows not dropped, in row order."""
    columns = parsed.columns
    count = person.count
    kk_checks = person.kk_checks
    rows = zip(
        parsed.row_numbers,
        person.niks,
        [kk_checks[kk].value for kk in person.raw_kks],
        _stored_values(person),
        _given(columns, count),
        _filled(columns.get("life_status"), None, count),
        _filled(columns.get("dusun"), "", count),
        _filled(columns.get("rw"), "-", count),
        _filled(columns.get("rt"), "-", count),
        _filled(columns.get("address"), None, count),
        _filled(columns.get("insurance"), None, count),
        _filled(columns.get("insurance_number"), "", count),
        person.shdks,
        person.nik_problems,
        strict=True,
    )
    kept: Iterable[tuple[Any, ...]] = rows
    if dropped:
        kept = (row for i, row in enumerate(rows) if i not in dropped)
    return list(map(ResidentRecord._make, kept))


def _stored_values(person: _PersonColumns) -> Iterator[tuple[Any, ...]]:
    """Each row's PERSON_COLUMNS, cleaned as stored."""
    names = person.names
    return zip(
        names,
        list(map(str.lower, names)),
        person.sexes,
        _each_distinct(person.raw_places, lambda place: " ".join(place.split()).upper()),
        person.births,
        person.shdks,
        person.maritals,
        person.religions,
        person.educations,
        person.occupations,
        _each_distinct(person.raw_phones, str.strip),
        _each_distinct(person.raw_fathers, clean_name),
        _each_distinct(person.raw_mothers, clean_name),
        person.pregnant,
        person.disabled,
        repeat(False),
        repeat(False),
        repeat(False),
        repeat(""),
        strict=False,  # repeat() is endless
    )


def _clean_names(texts: list[str]) -> list[str]:
    """`clean_name` of each text; in C when no text has whitespace but single spaces."""
    joined = " ".join(texts)
    if "  " in joined or not joined.replace(" ", "").isprintable():
        return list(map(clean_name, texts))  # isprintable: False for tabs, NBSP, line breaks
    return [text.strip().upper() for text in texts]


def _given(columns: dict[str, list[Any]], count: int) -> list[frozenset[str]]:
    """Per row: the person columns its non-blank cells set."""
    person_fields = [name for name in columns if name in PERSON_FIELD_OF]
    always = frozenset(PERSON_FIELD_OF[f] for f in person_fields if None not in columns[f])
    sometimes = [f for f in person_fields if PERSON_FIELD_OF[f] not in always]
    if not sometimes:
        return [always] * count
    sets: dict[tuple[bool, ...], frozenset[str]] = {}
    given: list[frozenset[str]] = []
    for present in zip(*([v is not None for v in columns[f]] for f in sometimes), strict=True):
        found = sets.get(present)
        if found is None:
            found = sets[present] = always | {
                PERSON_FIELD_OF[f] for f, here in zip(sometimes, present, strict=True) if here
            }
        given.append(found)
    return given


def _drop_duplicates(
    records: list[ResidentRecord], cells: Mapping[int, list[Cell]]
) -> tuple[list[ResidentRecord], list[RowNote]]:
    """The same person twice (`ResidentRecord.key`: the NIK, for a NIK to fix the value as
    written plus name, birth date and No KK): an identical repeat is dropped, differing
    rows are all rejected."""
    keys = [r.nik if r.nik_problem is None else r.key for r in records]
    if len(set(keys)) == len(keys):
        return records, []
    repeated = {key for key, n in Counter(keys).items() if n > 1}
    groups: dict[Hashable, list[ResidentRecord]] = defaultdict(list)
    for record, key in zip(records, keys, strict=True):
        if key in repeated:
            groups[key].append(record)
    rejected: list[RowNote] = []
    drop: set[int] = set()
    for group in groups.values():
        nik = group[0].nik
        first_text = [cell_text(c) for c in cells[group[0].row_number]]
        same = all([cell_text(c) for c in cells[r.row_number]] == first_text for r in group[1:])
        if same:
            for record in group[1:]:
                drop.add(record.row_number)
                rejected.append(
                    RowNote(
                        record.row_number,
                        nik,
                        f"Baris ganda: sama persis dengan baris {group[0].row_number}; "
                        "hanya baris pertama yang dipakai.",
                    )
                )
            continue
        listed = ", ".join(str(r.row_number) for r in group)
        for record in group:
            drop.add(record.row_number)
            rejected.append(
                RowNote(
                    record.row_number,
                    nik,
                    f"NIK {nik} muncul lebih dari sekali di berkas (baris {listed}) dengan isi "
                    "berbeda: periksa mana yang benar.",
                )
            )
    return [r for r in records if r.row_number not in drop], rejected
