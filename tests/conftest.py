"""Shared fixtures: a fresh, migrated database per test on SQLite and, when
PESIAR_TEST_PG_URL is set (tools/run-tests.sh starts a server), on PostgreSQL."""

from __future__ import annotations

import contextlib
import os
import tempfile
import uuid
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, create_engine, text

from pesiar_desktop.db import Database, backup_sqlite_file, open_database
from pesiar_desktop.demo import DEMO_USERS
from pesiar_desktop.rules.residents import ResidentInput
from pesiar_desktop.services import users, village
from pesiar_desktop.services.context import Actor

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_URL = os.environ.get("PESIAR_TEST_PG_URL")
# tools/run-tests.sh (and so CI) always tests both backends: a lost server URL must fail the
# run, not quietly collect the SQLite half only.
if os.environ.get("PESIAR_TEST_REQUIRE_PG") and not PG_URL:
    raise pytest.UsageError(
        "PESIAR_TEST_REQUIRE_PG is set but PESIAR_TEST_PG_URL is not: the PostgreSQL cases "
        "would be skipped"
    )
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


@pytest.fixture
def fv(village_db, admin, freeze_clock):
    """The field village of tests/unit/test_visits_helpers.py, on the program's clock at its TODAY."""
    from tests.unit.test_visits_helpers import TODAY, build  # it imports this module

    freeze_clock(TODAY)
    return build(village_db, admin)


def _backends() -> list[str]:
    return ["sqlite", "postgres"] if PG_URL else ["sqlite"]


@pytest.fixture(scope="session", autouse=True)
def _quick_password_hashing() -> Iterator[None]:
    """Argon2 with the smallest cost: the same library and format, ~1 ms a hash instead of
    ~0.1-1 s (every set-up village hashes an admin password, many tests add users).
    `test_users_service` checks the program's own hasher keeps its production cost."""
    users._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    yield
    users._hasher = PRODUCTION_HASHER


PRODUCTION_HASHER = users._hasher

DEMO_PASSWORDS = {name: password for name, password, _role, _full in DEMO_USERS}
_PASSWORD_FILES = tempfile.TemporaryDirectory(prefix="pesiar-test-sandi-")


@pytest.fixture(autouse=True)
def _cli_login(monkeypatch) -> None:
    """CLI commands that write or put personal data out run as a logged-in user
    (cli/auth.py). The tests run them as the demo administrator, through the environment
    as a script would, unless a call names another user (`as_user`)."""
    monkeypatch.setenv("PESIAR_USER", "admin")
    monkeypatch.setenv("PESIAR_PASSWORD", DEMO_PASSWORDS["admin"])


def as_user(username: str, password: str | None = None) -> list[str]:
    """`--user NAME --password-file FILE` for a CLI call as another user (with the demo
    village's password for that user unless `password` is given)."""
    secret = DEMO_PASSWORDS[username] if password is None else password
    path = Path(_PASSWORD_FILES.name) / f"{username}-{uuid.uuid4().hex[:8]}.txt"
    path.write_text(secret + "\n", encoding="utf-8")
    return ["--user", username, "--password-file", str(path)]


def _worker() -> str:
    """The pytest-xdist worker name ('gw0', ...), or 'main' without xdist."""
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """An empty SQLite file path (nothing created yet)."""
    return f"sqlite:///{tmp_path / 'pesiar.sqlite3'}"


def _pg_admin_engine() -> Engine:
    assert PG_URL, "PESIAR_TEST_PG_URL is not set"
    return create_engine(
        PG_URL.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT"
    )


@contextlib.contextmanager
def _pg_database(template: str | None = None) -> Iterator[str]:
    """A new PostgreSQL database (a copy of `template` if given), dropped afterwards."""
    assert PG_URL
    name = f"pesiar_test_{_worker()}_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin_engine()
    clause = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
    try:
        yield f"{PG_URL.rsplit('/', 1)[0]}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database, dropped afterwards."""
    with _pg_database() as url:
        yield url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """The migrated empty schema, built once per test process and copied for each test."""
    path = tmp_path_factory.mktemp("template") / "schema.sqlite3"
    open_database(f"sqlite:///{path}").dispose()
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A migrated empty PostgreSQL database that each test's database is created from
    (CREATE DATABASE ... TEMPLATE); one per xdist worker, no connection left open on it."""
    with _pg_database() as url:
        open_database(url).dispose()
        yield url.rsplit("/", 1)[1]


@pytest.fixture
def migrated_sqlite_url(tmp_path, sqlite_template) -> str:
    target = tmp_path / "pesiar.sqlite3"
    backup_sqlite_file(sqlite_template, target)
    return f"sqlite:///{target}"


@pytest.fixture
def migrated_pg_url(pg_template) -> Iterator[str]:
    with _pg_database(template=pg_template) as url:
        yield url


@pytest.fixture(params=_backends())
def db_url(request) -> str:
    """A database at the current schema, on each backend."""
    if request.param == "postgres":
        return str(request.getfixturevalue("migrated_pg_url"))
    return str(request.getfixturevalue("migrated_sqlite_url"))


@pytest.fixture(params=_backends())
def empty_db_url(request) -> str:
    """An empty database (no schema yet), on each backend."""
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_url"))
    return str(request.getfixturevalue("sqlite_url"))


@pytest.fixture
def db(db_url, tmp_path) -> Iterator[Database]:
    database = open_database(
        db_url, backup_dir=tmp_path / "backups", key_file=tmp_path / "kunci-audit.json"
    )
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(migrated_sqlite_url, tmp_path) -> Iterator[Database]:
    database = open_database(
        migrated_sqlite_url, backup_dir=tmp_path / "backups", key_file=tmp_path / "kunci-audit.json"
    )
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
