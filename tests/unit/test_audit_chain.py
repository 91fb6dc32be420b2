"""The audit log's hash chain, its verification, the CLI, and reading it (admins only)."""

from __future__ import annotations

import inspect
import json
import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import insert, select, text

from pesiar_desktop.audit_key import load_or_create
from pesiar_desktop.cli import main
from pesiar_desktop.clock import utcnow
from pesiar_desktop.db import Database
from pesiar_desktop.errors import PermissionDenied
from pesiar_desktop.models import AuditLog
from pesiar_desktop.services import audit, audit_query, settings, users
from pesiar_desktop.services.context import SYSTEM
from pesiar_desktop.services.settings import SETTINGS
from tests.conftest import make_user


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
    assert village_db.audit_key is not None
    secret = village_db.audit_key.secret
    for before, entry in zip(entries, entries[1:], strict=False):
        assert entry.prev_hash == before.entry_hash
        fields = (
            entry.at,
            entry.actor,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.before_json,
            entry.after_json,
            entry.prev_hash,
        )
        # Keyed: the plain SHA-256 anyone could recompute is not what is stored.
        assert entry.entry_hash == audit.entry_digest(*fields, secret)
        assert entry.entry_hash != audit.entry_digest(*fields)
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

    # Each writer acts as a user of its own (the chain is shared; actors are checked).
    actors = [make_user(village_db, "admin", f"pc{n}") for n in range(4)]

    def writer(n: int) -> None:
        actor = actors[n]
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


def test_legacy_entries_without_hash_are_reported_as_such(village_db, tmp_path):
    """Hashless entries pass only when they predate the key (a log from before 0003)."""
    with village_db.transaction() as s:
        s.execute(text("UPDATE audit_log SET prev_hash = NULL, entry_hash = NULL"))
    nulled = audit.verify_chain(village_db)
    assert not nulled.ok and {b.problem for b in nulled.breaks} >= {"missing", "trimmed"}

    # The same log as an old installation has it, given a key on its first start.
    village_db.audit_key = load_or_create(tmp_path / "baru.json", village_db.chain_head())
    report = audit.verify_chain(village_db)
    assert report.ok and report.legacy == report.entries
    with village_db.transaction() as s:
        audit.record(s, SYSTEM, "uji.baru", "village", 1)
    report = audit.verify_chain(village_db)
    assert report.ok and report.entries == report.legacy + 1, report.as_dict()
    # A hashless entry after the chain began is a break.
    with village_db.transaction() as s:
        s.execute(
            insert(AuditLog),
            [{"at": utcnow(), "actor": "x", "action": "x", "entity": "x", "entity_id": ""}],
        )
    assert [b.problem for b in audit.verify_chain(village_db).breaks] == ["missing"]


def _rehash_from(db: Database, first_id: int, key: bytes | None) -> None:
    """What a trimmer without the installation's key can do: recompute every hash."""
    with db.transaction() as s:
        prev = s.scalar(
            select(AuditLog.entry_hash).where(AuditLog.id < first_id).order_by(AuditLog.id.desc())
        )
        for entry in s.scalars(
            select(AuditLog).where(AuditLog.id >= first_id).order_by(AuditLog.id)
        ):
            entry.prev_hash = prev
            entry.entry_hash = audit.entry_digest(
                entry.at, entry.actor, entry.action, entry.entity, entry.entity_id,
                entry.before_json, entry.after_json, prev, key,
            )  # fmt: skip
            prev = entry.entry_hash


@pytest.mark.parametrize(
    "tamper", ["delete-newest", "empty", "null-hashes", "rehash-plain", "rehash-other-key"]
)
def test_trimming_or_rewriting_the_log_fails_verification(village_db, admin, tamper):
    for n in range(6):
        settings.put(village_db, admin, SETTINGS.backup_keep, n + 2)
    entries = _entries(village_db)
    assert audit.verify_chain(village_db).ok
    with village_db.transaction() as s:
        if tamper == "delete-newest":
            s.execute(text("DELETE FROM audit_log WHERE id >= :id"), {"id": entries[-2].id})
        elif tamper == "empty":
            s.execute(text("DELETE FROM audit_log"))
        elif tamper == "null-hashes":
            s.execute(text("UPDATE audit_log SET prev_hash = NULL, entry_hash = NULL"))
        else:
            s.execute(
                text("UPDATE audit_log SET after_json = :v WHERE id = :id"),
                {"v": '{"value": 99}', "id": entries[3].id},
            )
    if tamper.startswith("rehash"):
        _rehash_from(village_db, entries[3].id, None if tamper == "rehash-plain" else b"x" * 32)
    report = audit.verify_chain(village_db)
    assert not report.ok
    problems = {b.problem for b in report.breaks}
    if tamper in ("delete-newest", "empty"):
        assert problems == {"trimmed"}
        assert "entri terbaru hilang" in report.breaks[0].describe()
    elif tamper == "null-hashes":
        assert "missing" in problems
    else:
        assert report.breaks[0].entry_id == entries[3].id and report.breaks[0].problem == "hash"


def test_the_key_file_witnesses_the_head_and_lives_outside_the_database(village_db, admin):
    key = village_db.audit_key
    assert key is not None and key.path.is_file()
    settings.put(village_db, admin, SETTINGS.backup_keep, 7)
    on_file = json.loads(key.path.read_text(encoding="utf-8"))
    head = village_db.chain_head()
    assert on_file["head"] == {"count": head.count, "last_hash": head.last_hash}
    assert on_file["key"] not in json.dumps([e.entry_hash for e in _entries(village_db)])
    report = audit.verify_chain(village_db)
    assert report.keyed and report.head == head and report.witnessed == head


def test_cli_audit_verify_fails_after_the_newest_entries_are_deleted(tmp_path, capsys):
    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "demo", "--residents", "30"]) == 0
    assert (data / "kunci-audit.json").is_file()
    db = Database(f"sqlite:///{data / 'pesiar.sqlite3'}")
    with db.transaction() as s:
        newest = s.scalar(select(AuditLog.id).order_by(AuditLog.id.desc()))
        s.execute(text("DELETE FROM audit_log WHERE id > :id"), {"id": newest - 3})
    db.dispose()
    capsys.readouterr()
    assert main(["--data-dir", str(data), "audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "RUSAK" in out and "entri terbaru hilang" in out
