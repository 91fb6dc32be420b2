"""Set-based writes for the bulk paths (imports, the membership writer, the demo builder).

Rows go to the database driver as they are (`exec_driver_sql` with the driver's
`executemany`), not through SQLAlchemy's per-row parameter processing: for 100,000 rows
that processing costs more than the insert. The one dialect difference the callers
must know is here too: how a whole list of integers is handed to the database in one
parameter for an `INSERT ... SELECT` (SQLite `json_each`, PostgreSQL `unnest`).

Everything runs on the session's connection, inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from operator import itemgetter
from typing import Any

from sqlalchemy import Date, DateTime, Table
from sqlalchemy.orm import Session

CHUNK = 5000

# Called before each chunk (e.g. to raise when the user cancelled); and after it,
# with the number of rows the chunk wrote (progress).
BeforeChunk = Callable[[], None]
OnChunk = Callable[[int], None]


def chunks(items: Sequence[Any], size: int | None = None) -> Iterator[Sequence[Any]]:
    size = size or CHUNK
    for start in range(0, len(items), size):
        yield items[start : start + size]


def is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def param_mark(session: Session) -> str:
    """The driver's placeholder: `?` (sqlite3) or `%s` (psycopg)."""
    return "?" if session.get_bind().dialect.paramstyle == "qmark" else "%s"


def to_driver(session: Session) -> tuple[Callable[[date | None], Any], Callable[[Any], Any]]:
    """(date, timestamp) converters to the driver's form: SQLite gets the text
    SQLAlchemy itself stores (dates repeat, so each is formatted once); psycopg
    takes Python values as they are."""
    if not is_sqlite(session):
        return (lambda value: value), (lambda value: value)
    memo: dict[date, str] = {}

    def day(value: date | None) -> str | None:
        if value is None:
            return None
        text = memo.get(value)
        if text is None:
            text = memo[value] = value.isoformat()
        return text

    def stamp(value: Any) -> Any:
        return None if value is None else value.strftime("%Y-%m-%d %H:%M:%S.%f")

    return day, stamp


def _adapters(session: Session, table: Table, names: Sequence[str]) -> list[Any]:
    """Per column: how to hand a value to the driver without SQLAlchemy's per-row
    processing (the converters of `to_driver`, or None where none is needed)."""
    if not is_sqlite(session):
        return [None] * len(names)
    day, stamp = to_driver(session)
    found: list[Any] = []
    for name in names:
        kind = table.c[name].type
        if isinstance(kind, DateTime):
            found.append(stamp)
        elif isinstance(kind, Date):
            found.append(day)
        else:
            found.append(None)
    return found


def _driver_rows(
    rows: Sequence[dict[str, Any]], names: Sequence[str], adapters: list[Any]
) -> list[tuple[Any, ...]]:
    getter = itemgetter(*names)
    if len(names) == 1:
        return [(getter(row),) for row in rows]
    plain = [getter(row) for row in rows]
    if not any(adapters):
        return plain
    # Adapt column-wise (dates repeat: each distinct value is converted once).
    columns = list(zip(*plain, strict=True))
    for i, adapt in enumerate(adapters):
        if adapt is None:
            continue
        memo: dict[Any, Any] = {}
        converted = []
        for value in columns[i]:
            text = memo.get(value)
            if text is None:
                text = memo[value] = adapt(value)
            converted.append(text)
        columns[i] = tuple(converted)
    return list(zip(*columns, strict=True))


def fetch_raw(session: Session, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    """Rows straight from the driver's cursor, inside the session's transaction: for
    100,000 rows SQLAlchemy's per-row result processing costs more than the query."""
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(sql, params)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def insert_many(
    session: Session,
    table: Table,
    rows: Sequence[dict[str, Any]],
    before_chunk: BeforeChunk | None = None,
    on_chunk: OnChunk | None = None,
) -> None:
    """Bulk INSERT of dict rows (Python values; every row with the same keys)."""
    if not rows:
        return
    names = list(rows[0])
    adapters = _adapters(session, table, names)
    driver_rows = _driver_rows(rows, names, adapters)
    insert_rows(session, table, names, driver_rows, before_chunk, on_chunk)


def insert_rows(
    session: Session,
    table: Table,
    names: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    before_chunk: BeforeChunk | None = None,
    on_chunk: OnChunk | None = None,
) -> None:
    """Bulk INSERT of rows already in driver form (see `to_driver`), in chunks."""
    if not rows:
        return
    mark = param_mark(session)
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join(mark for _ in names)})"
    connection = session.connection()
    for chunk in chunks(rows):
        if before_chunk is not None:
            before_chunk()
        connection.exec_driver_sql(sql, list(chunk))
        if on_chunk is not None:
            on_chunk(len(chunk))


def update_many(
    session: Session,
    table: Table,
    key: str,
    rows: Sequence[dict[str, Any]],
    before_chunk: BeforeChunk | None = None,
    on_chunk: OnChunk | None = None,
) -> None:
    """Bulk UPDATE ... WHERE key = ? of dict rows (Python values), in chunks."""
    if not rows:
        return
    names = [n for n in rows[0] if n != key]
    mark = param_mark(session)
    sql = (
        f"UPDATE {table.name} SET {', '.join(f'{n} = {mark}' for n in names)} WHERE {key} = {mark}"
    )
    adapters = _adapters(session, table, [*names, key])
    connection = session.connection()
    for chunk in chunks(rows):
        if before_chunk is not None:
            before_chunk()
        connection.exec_driver_sql(sql, _driver_rows(chunk, [*names, key], adapters))
        if on_chunk is not None:
            on_chunk(len(chunk))


def integer_rows(session: Session, integers: Sequence[int]) -> tuple[str, Any]:
    """A table expression with one row per integer (column `value`) and its parameter:
    a whole list handed to the database in one parameter, for `INSERT ... SELECT`."""
    if is_sqlite(session):
        return "json_each(?)", json.dumps(integers)
    return "unnest(%s::bigint[]) AS u(value)", list(integers)


def model_table(model: Any) -> Table:
    """An ORM class's Core table (typed)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table
