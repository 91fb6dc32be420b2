"""The audit log's hash chain, its verification, the CLI, and reading it (admins only)."""

from __future__ import annotations

import inspect
import json
import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import insert, select, text

from pesiar_desktop.cli import main
from pesiar_desktop.clock import utcnow
from pesiar_desktop.db import Database
from pesiar_desktop.errors import PermissionDenied
from pesiar_desktop.models import AuditLog
from pesiar_desktop.services import audit, audit_query, settings, users
from pesiar_desktop.services.context import SYSTEM, Actor
from pesiar_desktop.services.settings import SETTINGS


def _entries(db: Database) -> list[AuditLog]:
    with db.read() as s:
        return list(s.scalars(select(AuditLog).order_by(AuditLog.id)))


def test_record_signature_is_unchanged():
    params = list(inspect.signature(audit.record).parameters)
    assert params == ["session", "actor", "action", "entity", "entity_id", "before", "after"]


def test_every_entry_carries_the_hash_of_the_one_before(village_db, admin):
    settings.put(village_db, admin, SETTINGS.backup_keep, 4)
    users.create_user(village_db, admin, "petugas", "sandi-petugas-1", "operator")
    entries = _entries(village_db)
    assert len(entries) >= 5
    assert entries[0].prev_hash is None
    for before, entry in zip(entries, entries[1:], strict=False):
        assert entry.prev_hash == before.entry_hash
        assert entry.entry_hash == audit.entry_digest(
            entry.at,
            entry.actor,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.before_json,
            entry.after_json,
            entry.prev_hash,
        )
    report = audit.verify_chain(village_db)
    assert report.ok and report.entries == len(entries) and report.legacy == 0


def test_verify_finds_an_edited_and_a_deleted_entry(village_db, admin):
    for n in range(6):
        settings.put(village_db, admin, SETTINGS.backup_keep, n + 2)
    entries = _entries(village_db)
    edited, deleted = entries[3], entries[6]
    with village_db.transaction() as s:
        s.execute(
            text("UPDATE audit_log SET after_json = :v WHERE id = :id"),
            {"v": '{"value": 99}', "id": edited.id},
        )
        s.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": deleted.id})
    report = audit.verify_chain(village_db, batch=4)  # small batches: crossing pages works
    assert not report.ok
    assert [(b.entry_id, b.problem) for b in report.breaks] == [
        (edited.id, "hash"),
        (entries[7].id, "link"),
    ]
    assert report.as_dict()["first_break_id"] == edited.id
    assert "diubah" in report.breaks[0].describe()


def test_bulk_rows_continue_the_chain(village_db, admin):
    rows = [
        {"actor": "system", "action": "uji.massal", "entity": "resident", "entity_id": str(n)}
        for n in range(50)
    ]
    with village_db.transaction() as s:
        audit.record(s, admin, "uji.satu", "village", 1)
        s.execute(insert(AuditLog), audit.chain_rows(s, rows))
        audit.record(s, admin, "uji.dua", "village", 1)
    assert audit.verify_chain(village_db).ok


def test_rolled_back_entries_do_not_break_the_chain(village_db, admin):
    with pytest.raises(RuntimeError), village_db.transaction() as s:
        audit.record(s, admin, "uji.batal", "village", 1)
        raise RuntimeError("batal")
    with village_db.transaction() as s:
        audit.record(s, admin, "uji.a", "village", 1)
        nested = s.begin_nested()
        audit.record(s, admin, "uji.savepoint", "village", 1)
        nested.rollback()
        audit.record(s, admin, "uji.b", "village", 1)
    assert audit.verify_chain(village_db).ok
    assert "uji.savepoint" not in [e.action for e in _entries(village_db)]


def test_concurrent_writers_keep_one_chain(village_db):
    """Several connections (two PCs on PostgreSQL; threads on SQLite) write at once."""
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def writer(n: int) -> None:
        actor = Actor(username=f"pc{n}", role="admin")
        try:
            start.wait()
            for i in range(15):
                with village_db.transaction() as s:
                    audit.record(s, actor, "uji.bersamaan", "village", i)
                    audit.record(s, actor, "uji.bersamaan2", "village", i)
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    report = audit.verify_chain(village_db)
    assert report.ok, report.as_dict()["breaks"][:3]
    assert sum(1 for e in _entries(village_db) if e.action.startswith("uji.")) == 120


def test_cli_audit_verify(tmp_path, capsys):
    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "demo", "--residents", "30"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data), "audit", "verify"]) == 0
    assert "utuh" in capsys.readouterr().out
    db = Database(f"sqlite:///{data / 'pesiar.sqlite3'}")
    with db.transaction() as s:
        first = s.scalar(select(AuditLog.id).order_by(AuditLog.id))
        s.execute(text("UPDATE audit_log SET actor = 'penyusup' WHERE id = :id"), {"id": first})
    db.dispose()
    assert main(["--data-dir", str(data), "audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "RUSAK" in out and f"entri #{first}" in out
    assert main(["--data-dir", str(data), "audit", "verify", "--json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert found["ok"] is False and found["first_break_id"] == first


def test_audit_query_is_for_admins_with_filters_and_pages(village_db, admin, operator, viewer):
    for who in (operator, viewer):
        with pytest.raises(PermissionDenied):
            audit_query.query(village_db, who)
        with pytest.raises(PermissionDenied):
            audit_query.distinct_values(village_db, who)
    settings.put(village_db, admin, SETTINGS.backup_keep, 5)
    actors, entities = audit_query.distinct_values(village_db, admin)
    assert "admin" in actors and "setting" in entities and "user" in entities

    page = audit_query.query(village_db, admin, page_size=2)
    assert len(page.entries) == 2 and page.total >= 5 and page.pages >= 3
    assert page.entries[0].id > page.entries[1].id  # newest first
    second = audit_query.query(village_db, admin, page=1, page_size=2)
    assert second.entries[0].id < page.entries[1].id

    only = audit_query.query(village_db, admin, audit_query.AuditFilter(entity="setting"))
    assert [e.action for e in only.entries] == ["setting.change"]
    change = only.entries[0]
    assert change.before == {"value": 10} and change.after == {"value": 5}
    assert "value: 10 → 5" in audit_query.diff_text(change)
    assert audit_query.diff_lines(change) == [("value", "10", "5")]

    by_user = audit_query.query(village_db, admin, audit_query.AuditFilter(actor="operator"))
    assert by_user.total == 0
    today = utcnow().date()
    assert (
        audit_query.query(
            village_db, admin, audit_query.AuditFilter(date_from=today, date_to=today)
        ).total
        == page.total
    )
    assert (
        audit_query.query(
            village_db, admin, audit_query.AuditFilter(date_to=today - timedelta(days=1))
        ).total
        == 0
    )
    assert audit_query.query(
        village_db, admin, audit_query.AuditFilter(date_from=date(2000, 1, 1), action_contains="user")
    ).total >= 1  # fmt: skip


def test_legacy_entries_without_hash_are_reported_as_such(village_db):
    with village_db.transaction() as s:
        s.execute(text("UPDATE audit_log SET prev_hash = NULL, entry_hash = NULL"))
    report = audit.verify_chain(village_db)
    assert report.ok and report.legacy == report.entries
    with village_db.transaction() as s:
        audit.record(s, SYSTEM, "uji.baru", "village", 1)
    report = audit.verify_chain(village_db)
    assert report.ok and report.entries == report.legacy + 1
    # A hashless entry after the chain began is a break.
    with village_db.transaction() as s:
        s.execute(
            insert(AuditLog),
            [{"at": utcnow(), "actor": "x", "action": "x", "entity": "x", "entity_id": ""}],
        )
    assert [b.problem for b in audit.verify_chain(village_db).breaks] == ["missing"]
