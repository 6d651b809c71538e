"""The journal's peewee database: SQLite as peewee opens it, counting its rollbacks.

A code given inside a transaction (``codes.py``) is used again from memory for as long as
nothing it was given in can have been undone; peewee keeps no record of its savepoints, so
the database counts every rollback — of a savepoint or of a whole transaction — and a code
given before the count last changed is read from the table again. (The count is a fresh
number at each rollback, so that it never returns to a value seen before.)
"""

from __future__ import annotations

import itertools
from typing import Any

import peewee
from peewee import SqliteDatabase

_NUMBERS = itertools.count(1)  # next() is atomic in CPython


class JournalDatabase(SqliteDatabase):
    # Changes at every rollback (of any thread): a new number each time, never one it had
    # before, so two threads rolling back at once cannot bring back an older count.
    rollbacks = 0

    def counted(self) -> None:
        self.rollbacks = next(_NUMBERS)

    def rollback(self) -> None:
        self.counted()
        super().rollback()

    def savepoint(self, sid: Any = None) -> Any:
        return _CountedSavepoint(self, sid)


class _CountedSavepoint(peewee._savepoint):  # peewee's own savepoint
    def rollback(self, begin: bool = True) -> None:
        self.db.counted()
        super().rollback(begin)
