"""The bulk importer's column-wise person checks equal the add-resident form's.

`importers.import_records.build_records` checks whole columns and only sends the
rows it doubts through `validate_resident`; here every row is also checked the
form's way, one by one, and the two must agree on the stored values, the
rejections and the warnings, message for message.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from pesiar_desktop.importers.import_records import PERSON_COLUMNS, build_records
from pesiar_desktop.importers.residents import PERSON_FIELD_OF, ParsedResidents, RowNote
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.nik import check_no_kk, nik_for
from pesiar_desktop.rules.residents import ResidentInput, check_resident
from pesiar_desktop.services.residents import resident_values

HEADER_OF = {
    "nik": "NIK",
    "no_kk": "NO_KK",
    "name": "NAMA",
    "sex": "SEX",
    "birth_date": "TGL_LAHIR",
    "shdk": "SHDK",
    "birth_place": "TEMPAT",
    "marital_status": "KAWIN",
    "religion": "AGAMA",
    "education": "PENDIDIKAN",
    "occupation": "PEKERJAAN",
    "phone": "HP",
    "father_name": "AYAH",
    "mother_name": "IBU",
    "pregnant": "HAMIL",
    "disability": "CACAT",
    "life_status": "STATUS_DASAR",
    "dusun": "DUSUN",
    "rw": "RW",
    "rt": "RT",
    "address": "ALAMAT",
}
FIELDS = list(HEADER_OF)


def _good_row(rng: random.Random, serial: int) -> dict[str, object]:
    sex = rng.choice((1, 2))
    born = date(1950, 1, 1) + timedelta(days=rng.randrange(25000))
    return {
        "nik": nik_for("520101", born, sex, serial),
        "no_kk": f"5201010101{serial // 3:06d}",
        "name": rng.choice(["  siti   aminah ", "Budi Santoso", "i wayan  SUDARMA"]),
        "sex": sex,
        "birth_date": born,
        "shdk": rng.choice((1, 3, 4)),
        "birth_place": rng.choice(["gerung", " Mataram ", None]),
        "marital_status": rng.choice((1, 2, None)),
        "religion": rng.choice((1, 2, None)),
        "education": rng.choice((1, 5, None)),
        "occupation": rng.choice((1, 89, None)),
        "phone": rng.choice(["0812 3456 789", " +62-812 ", None]),
        "father_name": rng.choice(["ahmad", None]),
        "mother_name": rng.choice([" nur  aini", None]),
        "pregnant": (sex == 2 and rng.random() < 0.1) or None,
        "disability": rng.choice((codes.DISABILITY_NONE, 1, None)),
        "life_status": rng.choice((codes.LIFE_ALIVE, None)),
        "dusun": rng.choice(["Krajan", None]),
        "rw": "001",
        "rt": rng.choice(["002", None]),
        "address": rng.choice(["JL. MELATI", None]),
    }


def _rows() -> list[dict[str, object]]:
    rng = random.Random(7)
    rows = [_good_row(rng, serial) for serial in range(1, 400)]
    born = date(1990, 5, 17)
    doubtful = [
        {"sex": 2},  # the NIK says male
        {"birth_date": born.replace(day=18)},  # the NIK's date differs
        {"nik": nik_for("529999", born, 1, 1)},  # unknown district: warning
        {"nik": "52010117059O0001"},  # a letter O: kept, NIK to fix
        {"nik": "520101170590001"},  # 15 digits: kept, NIK to fix
        {"nik": "5201013102900001"},  # 31 February: kept, NIK to fix
        {"birth_date": date.today() + timedelta(days=3)},
        {"birth_date": date(1899, 12, 31)},
        {"phone": "08x12"},
        {"pregnant": True, "sex": 1},
        {"no_kk": "52010101"},
        {"no_kk": "5.2E+15"},
        {"name": "   "},
        {"sex": 2, "no_kk": "123", "phone": "abc"},  # several problems at once
        {"nik": nik_for("520101", born, 1, 0)},  # ends in 0000: kept, NIK to fix
        {"nik": nik_for("999999", born, 1, 2)},  # no province 99: kept, NIK to fix
        {"nik": "5201011705", "phone": "abc"},  # a NIK to fix and a rejected row
    ]
    for number, change in enumerate(doubtful, start=900):
        row = _good_row(rng, number)
        row.update({"nik": nik_for("520101", born, 1, number), "birth_date": born, "sex": 1})
        row.update(change)
        rows.append(row)
    return rows


def _parsed(rows: list[dict[str, object]]) -> ParsedResidents:
    parsed = ParsedResidents(
        "test.xlsx", "Penduduk", "mapping:test", 1, list(HEADER_OF.values()), [], len(rows)
    )
    parsed.row_numbers = list(range(2, len(rows) + 2))
    parsed.columns = {name: [row[name] for row in rows] for name in FIELDS}
    parsed.header_of = dict(HEADER_OF)
    parsed.cells = {
        number: [row[name] for name in FIELDS]
        for number, row in zip(parsed.row_numbers, rows, strict=True)
    }
    return parsed


def _one_by_one(
    rows: list[dict[str, object]], numbers: list[int]
) -> tuple[dict[int, tuple[object, ...]], list[RowNote], list[RowNote]]:
    """The form's rules applied to each row on its own (the reference)."""
    values: dict[int, tuple[object, ...]] = {}
    rejected: list[RowNote] = []
    warnings: list[RowNote] = []
    for number, row in zip(numbers, rows, strict=True):

        def given(name: str, default: object, row: dict[str, object] = row) -> object:
            value = row.get(name)
            return default if value is None else value

        disability = row.get("disability")
        person = ResidentInput(
            nik=str(row["nik"]),
            name=str(row["name"]),
            sex=int(row["sex"]),
            birth_date=row["birth_date"],
            shdk=int(row["shdk"]),
            birth_place=str(given("birth_place", "")),
            marital_status=int(given("marital_status", 1)),
            religion=int(given("religion", 1)),
            education=row.get("education"),
            occupation=row.get("occupation"),
            phone=str(given("phone", "")),
            father_name=str(given("father_name", "")),
            mother_name=str(given("mother_name", "")),
            is_pregnant=bool(given("pregnant", False)),
            has_disability=disability is not None and disability != codes.DISABILITY_NONE,
            nik_to_fix=True,  # an invalid NIK keeps the person, flagged
        )
        problems = []
        kk = check_no_kk(str(row["no_kk"]))
        if kk.error:
            problems.append(f"Kolom NO_KK: {kk.error}")
        found = check_resident(person)
        row_warnings, nik = found.warnings, found.nik
        for name, message in found.errors.items():
            column = HEADER_OF.get({"is_pregnant": "pregnant"}.get(name, name))
            problems.append(f"Kolom {column}: {message}" if column else message)
        if problems and found.nik_problem:
            problems.append(f"Kolom {HEADER_OF['nik']}: {found.nik_problem}")
        if problems:
            rejected.append(RowNote(number, nik, "; ".join(problems)))
            continue
        stored = resident_values(person, nik)
        values[number] = tuple(stored[column] for column in PERSON_COLUMNS)
        warnings.extend(RowNote(number, nik, w) for w in row_warnings)
    return values, rejected, warnings


def test_column_wise_checks_equal_the_form_row_by_row() -> None:
    rows = _rows()
    parsed = _parsed(rows)
    records, rejected, warnings = build_records(parsed)
    expected_values, expected_rejected, expected_warnings = _one_by_one(rows, parsed.row_numbers)

    assert {r.row_number: r.values for r in records} == expected_values
    assert rejected == expected_rejected
    assert warnings == expected_warnings
    # The doubtful rows really took both outcomes.
    assert len(rejected) >= 9 and len(warnings) >= 3
    to_fix = {r.row_number: r.nik_problem for r in records if r.nik_problem}
    assert len(to_fix) == 5  # letter O, 15 digits, 31 February, serial 0000, province 99
    by_row = {note.row_number: note.message for note in rejected + warnings}
    first_doubtful = parsed.row_numbers[-17]
    assert by_row[first_doubtful + 3].startswith("NIK perlu diperbaiki: NIK hanya boleh")
    assert "Kolom NIK: NIK harus 16 digit (terisi 10)" in by_row[first_doubtful + 16]
    assert "tidak sesuai jenis kelamin" in by_row[first_doubtful]
    assert "Kolom HAMIL: Penanda hamil hanya untuk perempuan." in by_row[first_doubtful + 9]


def test_given_columns_follow_the_blank_cells() -> None:
    rows = _rows()[:50]
    records, _rejected, _warnings = build_records(_parsed(rows))
    for record, row in zip(records, rows, strict=True):
        filled = {PERSON_FIELD_OF[f] for f in PERSON_FIELD_OF if row.get(f) is not None}
        assert record.given == frozenset(filled)
        assert record.rt == (row["rt"] or "-") and record.dusun == (row["dusun"] or "")


def test_clean_names_fast_path_equals_clean_name() -> None:
    from pesiar_desktop.importers.import_records import _clean_names
    from pesiar_desktop.rules.residents import clean_name

    for texts in (
        ["Budi Santoso", "i wayan sudarma", "Ni Made"],  # the fast path
        ["Budi\u00a0Santoso", "Siti"],  # a no-break space
        ["Budi\tSantoso", " Siti "],
        ["Budi  Santoso"],
        [""],
    ):
        assert _clean_names(texts) == [clean_name(text) for text in texts]
