"""Typed doors into peewee where its stubs leave a call untyped: raw SQL on a journal's
database, and a query's rows as tuples or dicts (peewee types every row as a model)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any, cast

from peewee import BaseQuery, Query, SqliteDatabase


def execute_sql(
    database: SqliteDatabase, sql: str, params: Sequence[object] = ()
) -> sqlite3.Cursor:
    """Run one statement on ``database`` (its connection in this thread)."""
    # peewee-stubs declare execute_sql without annotations: the one untyped call, here.
    cursor = database.execute_sql(sql, list(params))  # type: ignore[no-untyped-call]
    return cast(sqlite3.Cursor, cursor)


def cursor(database: SqliteDatabase) -> sqlite3.Cursor:
    """A cursor on ``database`` (for ``executemany``)."""
    found = database.cursor()  # type: ignore[no-untyped-call]  # untyped in peewee-stubs
    return cast(sqlite3.Cursor, found)


def tuples(query: BaseQuery) -> list[tuple[Any, ...]]:
    """The rows of ``query`` as tuples, in the order it selects the columns."""
    return cast(list[tuple[Any, ...]], list(query.tuples()))


def dicts(query: BaseQuery) -> list[dict[str, Any]]:
    """The rows of ``query`` as dicts keyed by field name."""
    return cast(list[dict[str, Any]], list(query.dicts()))


def first_dict(query: Query) -> dict[str, Any] | None:
    """The first row of ``query`` as a dict, or None when it finds nothing."""
    rows = dicts(query.limit(1))
    return rows[0] if rows else None
