"""What every store is: an object built on one open journal. Its methods that use the
models run with them bound to that journal's database (``bound``), in the calling thread
only; raw SQL goes straight to the same database (``Store.sql``). A store keeps no other
state."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Concatenate, ParamSpec, TypeVar

from sciatica_journal.storage import models
from sciatica_journal.storage.database import Journal
from sciatica_journal.storage.sql import execute_sql

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S", bound="Store")


class Store:
    """The base of the stores: the journal they read and write."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal
        self._db = journal.database

    @property
    def journal(self) -> Journal:
        return self._journal

    def atomic(self) -> AbstractContextManager[object]:
        """One transaction on this store's journal (a savepoint inside another): for a
        caller that reads, checks and writes through several calls."""
        return self._db.atomic()

    def sql(self, sql: str, params: Sequence[object] = ()) -> sqlite3.Cursor:
        """Run one statement of raw SQL on this store's journal."""
        return execute_sql(self._db, sql, params)


def bound(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """Run ``method`` with the models bound to its store's journal (a call from inside
    another bound method of the same journal binds nothing again)."""

    @functools.wraps(method)
    def run(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        if models.Profile._meta.database is self._db:
            return method(self, *args, **kwargs)
        with models.bound_to(self._db):
            return method(self, *args, **kwargs)

    return run
