"""Shared fixtures: a fresh, migrated database per test on SQLite and, when
PESIAR_TEST_PG_URL is set (tools/run-tests.sh starts a server), on PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date, datetime, time

import pytest
from sqlalchemy import create_engine, text

from pesiar_desktop.db import Database, open_database
from pesiar_desktop.rules.residents import ResidentInput
from pesiar_desktop.services import users, village
from pesiar_desktop.services.context import Actor

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_URL = os.environ.get("PESIAR_TEST_PG_URL")
VILLAGE_CODE = "52.01.01.2005"  # Suka Makmur, Gerung, Lombok Barat
ADMIN_PASSWORD = "rahasia-admin-1"
USER_PASSWORD = "rahasia-user-1"


@pytest.fixture
def freeze_clock(time_machine):
    """Sets the program's clock (pesiar_desktop.clock) to 10:00 on a given day, still ticking.

    A test that fixes a date (a TODAY constant, data dated relative to it) calls this before it
    writes anything, so that the services' "today" and the test's agree on any machine date.
    """

    def freeze(day: date) -> None:
        time_machine.move_to(datetime.combine(day, time(10, 0)), tick=True)

    return freeze


def _backends() -> list[str]:
    return ["sqlite", "postgres"] if PG_URL else ["sqlite"]


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'pesiar.sqlite3'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database, dropped afterwards."""
    assert PG_URL, "PESIAR_TEST_PG_URL is not set"
    name = f"pesiar_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(
        PG_URL.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base = PG_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=_backends())
def db_url(request) -> str:
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_url"))
    return str(request.getfixturevalue("sqlite_url"))


@pytest.fixture
def db(db_url, tmp_path) -> Iterator[Database]:
    database = open_database(db_url, backup_dir=tmp_path / "backups")
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(sqlite_url, tmp_path) -> Iterator[Database]:
    database = open_database(sqlite_url, backup_dir=tmp_path / "backups")
    yield database
    database.dispose()


def _set_up(database: Database) -> Database:
    village.setup(
        database,
        VILLAGE_CODE,
        "admin",
        ADMIN_PASSWORD,
        "Admin Desa",
        kepala_desa_name="H. Lalu Ahmad",
    )
    return database


@pytest.fixture
def village_db(db) -> Database:
    """A set-up village (profile + admin) with two dusun and three RT."""
    _set_up(db)
    admin = admin_actor(db)
    village.add_area(db, admin, "Dusun Krajan", "1", "1")
    village.add_area(db, admin, "Dusun Krajan", "1", "2")
    village.add_area(db, admin, "Dusun Timur", "2", "3")
    return db


def admin_actor(db: Database) -> Actor:
    return users.get_actor(db, "admin")


@pytest.fixture
def admin(village_db) -> Actor:
    return admin_actor(village_db)


def make_user(db: Database, role: str, username: str | None = None) -> Actor:
    users.create_user(db, admin_actor(db), username or role.replace("_", ""), USER_PASSWORD, role)
    return users.get_actor(db, username or role.replace("_", ""))


@pytest.fixture
def operator(village_db) -> Actor:
    return make_user(village_db, "operator")


@pytest.fixture
def viewer(village_db) -> Actor:
    return make_user(village_db, "viewer")


def person(nik: str, name: str, sex: int, born: date, shdk: int, **extra) -> ResidentInput:
    return ResidentInput(nik=nik, name=name, sex=sex, birth_date=born, shdk=shdk, **extra)
