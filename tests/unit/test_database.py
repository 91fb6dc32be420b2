"""Database opening: pragmas, migrations, backups, refusing newer schemas, config."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from pesiar_desktop import config
from pesiar_desktop.db import Database, current_revision, head_revision, open_database
from pesiar_desktop.errors import DatabaseError


def test_sqlite_has_wal_and_foreign_keys(sqlite_db):
    with sqlite_db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_fresh_database_is_at_head(db):
    assert current_revision(db) == head_revision()


def test_newer_database_is_refused_untouched(sqlite_url, tmp_path):
    open_database(sqlite_url).dispose()
    path = sqlite_url.split("///", 1)[1]
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="versi PESIAR Desktop yang lebih baru"):
        open_database(sqlite_url, backup_dir=tmp_path / "bk")
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "9999_future"
    con.close()
    assert not (tmp_path / "bk").exists()


def test_upgrade_backs_up_sqlite_first(sqlite_url, tmp_path):
    """Simulate an older schema by stepping back one revision, then reopen."""
    from alembic import command

    from pesiar_desktop.db import _alembic_config

    db = open_database(sqlite_url)
    revisions = head_revision()
    cfg = _alembic_config()
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE marker (v TEXT)"))
        conn.execute(text("INSERT INTO marker VALUES ('data kept')"))
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "-1")
    older = current_revision(db)
    db.dispose()
    assert older != revisions
    backups = tmp_path / "backups"
    db = open_database(sqlite_url, backup_dir=backups)
    assert current_revision(db) == head_revision()
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT v FROM marker")).scalar() == "data kept"
    db.dispose()
    if older is None:
        return  # only one revision so far: a fresh schema has nothing to back up
    copies = list(backups.glob("sebelum-upgrade-*.sqlite3"))
    assert len(copies) == 1
    con = sqlite3.connect(copies[0])
    assert con.execute("SELECT v FROM marker").fetchone()[0] == "data kept"
    con.close()


def test_transaction_rolls_back_on_error(sqlite_db):
    from pesiar_desktop.models import Dusun

    with pytest.raises(RuntimeError), sqlite_db.transaction() as s:
        s.add(Dusun(name="Dusun Hilang"))
        s.flush()
        raise RuntimeError("boom")
    with sqlite_db.read() as s:
        assert s.query(Dusun).count() == 0


def test_paths_from_options_and_environment(tmp_path, monkeypatch):
    monkeypatch.delenv(config.ENV_DATA_DIR, raising=False)
    monkeypatch.delenv(config.ENV_DATABASE_URL, raising=False)
    default = config.resolve_paths()
    assert default.is_sqlite and "pesiar-desktop" in str(default.data_dir)
    monkeypatch.setenv(config.ENV_DATA_DIR, str(tmp_path / "env"))
    from_env = config.resolve_paths()
    assert from_env.data_dir == tmp_path / "env"
    assert from_env.sqlite_file == tmp_path / "env" / "pesiar.sqlite3"
    from_option = config.resolve_paths(data_dir=str(tmp_path / "opt"))
    assert from_option.data_dir == tmp_path / "opt"
    monkeypatch.setenv(config.ENV_DATABASE_URL, "postgresql://u@h/db")
    pg = config.resolve_paths()
    assert not pg.is_sqlite and pg.sqlite_file is None
    assert config.resolve_paths(database_url="sqlite:///x.db").database_url == "sqlite:///x.db"


def test_database_class_detects_backend(sqlite_url):
    assert Database(sqlite_url).is_sqlite


def test_start_up_head_check_agrees_with_alembic():
    """The fast head check (no Alembic import at a normal start) reads the same chain."""
    from pesiar_desktop.db import _scanned_head

    assert _scanned_head() == head_revision()


def test_statistics_are_refreshed_at_open(tmp_path):
    """The planner needs statistics to use the NIK index for a NIK-prefix search."""
    url = f"sqlite:///{tmp_path / 'stats.sqlite3'}"
    open_database(url).dispose()
    db = open_database(url)
    try:
        with db.engine.connect() as conn:
            tables = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert "sqlite_stat1" in tables
        assert not db.statistics_stale()
    finally:
        db.dispose()
