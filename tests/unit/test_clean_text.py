"""Text that cannot be stored is refused per row with the field named — on SQLite (which
would store it) and PostgreSQL (which would raise) alike, so `--dry-run` predicts the
commit exactly."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from sqlalchemy import func, select

from pesiar_desktop.errors import ValidationError
from pesiar_desktop.models import Resident
from pesiar_desktop.rules.residents import ResidentInput, validate_resident
from pesiar_desktop.rules.text import text_problem
from pesiar_desktop.services import imports, residents
from tests.import_files import family, write_opensid


def _count(db) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Resident)) or 0)


def test_an_over_long_cell_is_a_per_row_rejection_on_both_backends(village_db, admin, tmp_path):
    rows = family(1) + family(2)
    rows[1]["nama"] = "SITI " + "A" * 300
    rows[4]["tempatlahir"] = "X" * 81
    path = write_opensid(tmp_path / "panjang.xlsx", rows)
    preview = imports.preview_residents(village_db, path)
    rejected = {note.row_number: note.message for note in preview.rejected}
    assert len(rejected) == 2
    assert any("NAMA" in m.upper() and "terlalu panjang" in m for m in rejected.values())
    assert any("paling banyak 80" in m for m in rejected.values())
    result = imports.commit_residents(village_db, admin, preview)
    assert result.counts["new"] == 4 == _count(village_db)


def test_control_characters_are_refused_with_the_column_named(village_db, admin, tmp_path):
    rows = family(3)
    rows[1]["nama"] = "SITI\x01AMINAH"  # (a NUL makes the whole CSV unreadable)
    rows[2]["tempatlahir"] = "MATARAM\x07"
    path = tmp_path / "kendali.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    preview = imports.preview_residents(village_db, path)
    messages = [n.message for n in preview.rejected]
    assert len(messages) == 2 and all("karakter kendali" in m for m in messages)
    assert any("Kolom nama" in m for m in messages), messages
    imports.commit_residents(village_db, admin, preview)
    assert _count(village_db) == 1


def test_the_form_refuses_them_too(village_db, admin):
    data = ResidentInput(
        nik="5201014403840001",
        name="A" * 121,
        sex=2,
        birth_date=date(1984, 3, 4),
        shdk=1,
        phone="0812\t3456",
    )
    errors, _warnings, _nik = validate_resident(data)
    assert "terlalu panjang" in errors["name"] and "Nama" in errors["name"]
    assert "karakter kendali" in errors["phone"]
    with pytest.raises(ValidationError):
        residents.add_resident(village_db, admin, data, family_id=None)


@pytest.mark.parametrize(
    "value, limit, ok",
    [("ＳＩＴＩ", 10, True), ("a" * 10, 10, True), ("a" * 11, 10, False), ("a\u0085b", 10, False)],
)
def test_text_problem(value, limit, ok):
    assert (text_problem(value, limit) is None) is ok
