"""The one membership writer (`services.membership`): its one-row and bulk forms on
SQLite and PostgreSQL, and a scan of the package that holds every other module to it."""

from __future__ import annotations

import ast
import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from pesiar_desktop.models import AuditLog, Membership, MembershipHistory
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.nik import nik_for
from pesiar_desktop.services import residents, village
from pesiar_desktop.services.membership import (
    MembershipChange,
    set_membership,
    write_memberships_bulk,
)
from pesiar_desktop.services.residents import FamilyInput
from tests.conftest import person

PACKAGE = Path(__file__).resolve().parents[2] / "pesiar_desktop"
WRITER = PACKAGE / "services" / "membership.py"
DISTRICT = "520101"
CARD = "0001234567890"
FKTP = "P5201010"

# ---------------------------------------------------------------- the scan

MODELS = frozenset({"Membership", "MembershipHistory"})
TABLE_NAMES = r"membership(?:_history)?"
WRITE_SQL = re.compile(
    rf"\b(?:insert\s+(?:or\s+\w+\s+)?into|update|delete\s+from|replace\s+into)\s+[\"'`]?"
    rf"{TABLE_NAMES}\b",
    re.IGNORECASE,
)
# Functions that write whatever table or object they are handed.
WRITING_CALLS = frozenset(
    {
        "insert",
        "update",
        "delete",
        "model_table",
        "insert_many",
        "insert_rows",
        "update_many",
        "bulk_insert_mappings",
        "bulk_update_mappings",
        "bulk_save_objects",
    }
)
# Calls that store, remove or change an ORM object handed to them.
OBJECT_WRITES = frozenset({"add", "add_all", "delete", "merge", "setattr"})


def _call_name(node: ast.Call) -> str:
    func_ = node.func
    if isinstance(func_, ast.Attribute):
        return func_.attr
    if isinstance(func_, ast.Name):
        return func_.id
    return ""


def membership_writes(source: str) -> list[str]:
    """Where `source` writes to the membership tables: constructing a row object,
    a table handed to a write, an object read from them and then changed, or SQL text."""
    tree = ast.parse(source)
    models = set(MODELS)
    for node in ast.walk(tree):  # `from ... import Membership as M`
        if isinstance(node, ast.ImportFrom):
            models |= {a.asname for a in node.names if a.name in MODELS and a.asname}

    def is_model(node: ast.AST) -> bool:
        if isinstance(node, ast.Name):
            return node.id in models
        return isinstance(node, ast.Attribute) and node.attr in MODELS

    def mentions_model(node: ast.AST) -> bool:
        return any(is_model(inner) for inner in ast.walk(node))

    found: list[str] = []
    # Names bound to objects read from a membership table (per module; good enough).
    loaded: set[str] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and _call_name(node.value) in {"get", "scalar", "one"}
            and mentions_model(node.value)
        ):
            loaded |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Call):
            name = _call_name(node)
            if is_model(node.func):
                found.append(f"line {line}: creates a {ast.unparse(node.func)} row")
            if name in WRITING_CALLS and any(is_model(arg) for arg in node.args):
                found.append(f"line {line}: {ast.unparse(node)[:80]}")
            if name in OBJECT_WRITES and any(
                isinstance(arg, ast.Name) and arg.id in loaded for arg in node.args
            ):
                found.append(f"line {line}: {ast.unparse(node)[:80]}")
        elif isinstance(node, ast.Attribute) and node.attr == "__table__" and is_model(node.value):
            found.append(f"line {line}: uses {ast.unparse(node)}")
        elif isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found.extend(
                f"line {line}: sets {ast.unparse(target)}"
                for target in targets
                if isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id in loaded
            )
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and WRITE_SQL.search(node.value)
        ):
            found.append(f"line {line}: SQL {node.value[:60]!r}")
    return found


def test_only_the_writer_writes_memberships():
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == WRITER or "migrations" in path.relative_to(PACKAGE).parts:
            continue  # migrations create the tables; they write no rows
        found = membership_writes(path.read_text(encoding="utf-8"))
        if found:
            offenders[str(path.relative_to(PACKAGE.parent))] = found
    assert offenders == {}, "write memberships through services/membership.py"


@pytest.mark.parametrize(
    "source",
    [
        "from m import Membership\nsession.add(Membership(resident_id=1))",
        "from m import MembershipHistory as H\nrow = H(resident_id=1)",
        "from m import models\nt = models.Membership.__table__",
        "session.execute(update(Membership).values(status='ACTIVE'))",
        "bulk_sql.insert_many(session, bulk_sql.model_table(MembershipHistory), rows)",
        "current = session.get(Membership, 3)\ncurrent.status = 'ENDED'",
        "current = session.get(Membership, 3)\nsession.delete(current)",
        "current = session.get(Membership, 3)\nsetattr(current, 'status', 'ACTIVE')",
        "conn.exec_driver_sql('UPDATE membership SET status = ?', rows)",
        "sql = f'INSERT INTO membership_history (resident_id) SELECT id FROM resident'",
    ],
)
def test_the_scan_sees_each_kind_of_write(source):
    assert membership_writes(source)


@pytest.mark.parametrize(
    "source",
    [
        "q = select(Membership.status).outerjoin(Membership, Membership.resident_id == Resident.id)",
        "current = session.get(Membership, 3)\nstatus = current.status",
        "history = MembershipHistory\nq = select(history.as_of)",
        "text = 'update the membership list'",
    ],
)
def test_the_scan_lets_reads_pass(source):
    assert membership_writes(source) == []


# ---------------------------------------------------------------- the writer


def _family(db, actor, count: int) -> list[int]:
    """`count` residents of one family (the add form gives each a NOT_REGISTERED row)."""
    born = date(1980, 5, 17)
    head = residents.add_resident(
        db,
        actor,
        person(nik_for(DISTRICT, born, 1, 1), "Budi", 1, born, 1),
        new_family=FamilyInput(no_kk="5201011203150001", rt_id=village.list_areas(db)[0].rt_id),
    )
    ids = [head.resident_id]
    for serial in range(2, count + 1):
        child = date(2005, 1, serial)
        added = residents.add_resident(
            db,
            actor,
            person(nik_for(DISTRICT, child, 2, serial), f"Anak {serial}", 2, child, 4),
            family_id=head.family_id,
        )
        ids.append(added.resident_id)
    return ids


def _without_memberships(db) -> None:
    with db.transaction() as session:
        session.execute(delete(MembershipHistory))
        session.execute(delete(Membership))


def _counts(session) -> tuple[int, int]:
    return (
        session.scalar(select(func.count()).select_from(MembershipHistory)),
        session.scalar(select(func.count()).where(AuditLog.action == "membership.change")),
    )


def test_one_row_creates_then_changes_with_history_and_audit(village_db, admin):
    (rid,) = _family(village_db, admin, 1)
    _without_memberships(village_db)
    first = MembershipChange(
        status=codes.STATUS_ACTIVE,
        segment="PBPU",
        card_number=f" {CARD} ",
        jkn_class=3,
        fktp_code=FKTP.lower(),
        months_in_arrears=0,
    )
    with village_db.transaction() as session:
        history, audits = _counts(session)
        assert set_membership(session, admin, rid, first, source="manual", as_of=date(2026, 1, 5))
    with village_db.read() as session:
        row = session.get(Membership, rid)
        assert (row.card_number, row.fktp_code, row.segment, row.jkn_class) == (
            CARD,
            FKTP,
            "PBPU",
            3,
        )
        assert (row.as_of, row.source) == (date(2026, 1, 5), "manual")
        assert _counts(session) == (history + 1, audits + 1)
    # Arrears: only the fields named change; the rest are kept.
    with village_db.transaction() as session:
        assert set_membership(
            session,
            admin,
            rid,
            MembershipChange(status=codes.STATUS_ARREARS, months_in_arrears=4),
            source="bpjs",
            as_of=date(2026, 3, 1),
        )
    with village_db.read() as session:
        row = session.get(Membership, rid)
        assert (row.status, row.months_in_arrears, row.card_number, row.jkn_class) == (
            codes.STATUS_ARREARS,
            4,
            CARD,
            3,
        )
        last = session.scalars(
            select(MembershipHistory).order_by(MembershipHistory.id.desc())
        ).first()
        assert (last.status, last.months_in_arrears, last.source, last.recorded_by) == (
            codes.STATUS_ARREARS,
            4,
            "bpjs",
            "admin",
        )
        entry = session.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
        assert entry.action == "membership.change"
        assert json.loads(entry.before_json) == {
            "status": codes.STATUS_ACTIVE,
            "months_in_arrears": 0,
            "as_of": "2026-01-05",
            "source": "manual",
        }
    # Ended: class and months cleared by the storing rule, segment and card kept.
    with village_db.transaction() as session:
        set_membership(
            session,
            admin,
            rid,
            MembershipChange(status=codes.STATUS_ENDED),
            source="manual",
            as_of=date(2026, 4, 1),
        )
    with village_db.read() as session:
        row = session.get(Membership, rid)
        assert (row.status, row.segment, row.card_number, row.jkn_class, row.months_in_arrears) == (
            codes.STATUS_ENDED,
            "PBPU",
            CARD,
            None,
            0,
        )


def test_one_row_unchanged_writes_nothing_unless_asked(village_db, admin):
    (rid,) = _family(village_db, admin, 1)  # NOT_REGISTERED row from the form
    same = MembershipChange(status=codes.STATUS_NOT_REGISTERED)
    with village_db.transaction() as session:
        before = _counts(session)
        assert not set_membership(
            session, admin, rid, same, source="manual", as_of=date(2026, 2, 1)
        )
        assert _counts(session) == before
        assert set_membership(
            session,
            admin,
            rid,
            same,
            source="registrasi",
            as_of=date(2026, 2, 1),
            only_if_changed=False,
        )
        assert _counts(session) == (before[0] + 1, before[1] + 1)
        assert session.get(Membership, rid).source == "registrasi"


def test_bulk_inserts_and_replaces_with_snapshot_history(village_db, admin):
    ids = _family(village_db, admin, 4)
    _without_memberships(village_db)
    now = datetime(2026, 5, 6, 7, 8, 9, 123456)
    first = date(2026, 4, 1)
    with village_db.transaction() as session:
        audits = _counts(session)[1]
        write_memberships_bulk(
            session,
            admin,
            source="bpjs",
            new=[
                (rid, CARD[:-1] + str(i), "PBI_APBN", codes.STATUS_ACTIVE, None, FKTP, 0, first)
                for i, rid in enumerate(ids)
            ],
            now=now,
        )
    second = date(2026, 5, 1)
    with village_db.transaction() as session:
        write_memberships_bulk(
            session,
            admin,
            source="import",
            changed=[(ids[0], "", "PBPU", codes.STATUS_ARREARS, 3, "", 5, second)],
            new=[],
            now=now,
        )
    with village_db.read() as session:
        rows = {m.resident_id: m for m in session.scalars(select(Membership))}
        assert set(rows) == set(ids)
        assert (rows[ids[0]].status, rows[ids[0]].months_in_arrears, rows[ids[0]].source) == (
            codes.STATUS_ARREARS,
            5,
            "import",
        )
        assert rows[ids[0]].as_of == second
        assert rows[ids[1]].card_number == CARD[:-1] + "1"
        assert all(m.updated_at == now for m in rows.values())
        history = list(session.scalars(select(MembershipHistory)))
        assert len(history) == len(ids) + 1
        assert all(h.recorded_at == now and h.recorded_by == "admin" for h in history)
        latest = max((h for h in history if h.resident_id == ids[0]), key=lambda h: h.id)
        assert (latest.status, latest.jkn_class, latest.as_of, latest.source) == (
            codes.STATUS_ARREARS,
            3,
            second,
            "import",
        )
        assert _counts(session)[1] == audits  # the caller audits the batch


def test_bulk_writes_given_history_as_is(village_db, admin):
    ids = _family(village_db, admin, 2)
    _without_memberships(village_db)
    joined, lapsed = date(2025, 7, 1), date(2026, 1, 1)
    at = datetime(2025, 7, 1, 9, 0)
    with village_db.transaction() as session:
        write_memberships_bulk(
            session,
            admin,
            source="demo",
            new=[(rid, "", "PBPU", codes.STATUS_ARREARS, 3, "", 2, lapsed) for rid in ids],
            history=[
                (rid, "", "PBPU", status, 3, "", months, day, at)
                for rid in ids
                for status, months, day in (
                    (codes.STATUS_ACTIVE, 0, joined),
                    (codes.STATUS_ARREARS, 2, lapsed),
                )
            ],
        )
    with village_db.read() as session:
        history = list(session.scalars(select(MembershipHistory).order_by(MembershipHistory.id)))
        assert [(h.resident_id, h.status, h.as_of) for h in history] == [
            (rid, status, day)
            for rid in ids
            for status, day in ((codes.STATUS_ACTIVE, joined), (codes.STATUS_ARREARS, lapsed))
        ]
        assert {(h.source, h.recorded_at) for h in history} == {("demo", at)}
        assert {m.status for m in session.scalars(select(Membership))} == {codes.STATUS_ARREARS}
