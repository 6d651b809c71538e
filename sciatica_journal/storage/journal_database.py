"""The journal's peewee database: SQLite as peewee opens it, counting its rollbacks.

A code given inside a transaction (``codes.py``) is used again from memory for as long as
nothing it was given in can have been undone; peewee keeps no record of its savepoints, so
the database counts every rollback — of a savepoint or of a whole transaction — and a code
given before the count last changed is read from the table again.
"""

from __future__ import annotations

from typing import Any

import peewee
from peewee import SqliteDatabase


class JournalDatabase(SqliteDatabase):
    rollbacks = 0  # how many rollbacks this database has made (of every thread)

    def rollback(self) -> None:
        self.rollbacks += 1
        super().rollback()

    def savepoint(self, sid: Any = None) -> Any:
        return _CountedSavepoint(self, sid)


class _CountedSavepoint(peewee._savepoint):  # peewee's own savepoint
    def rollback(self, begin: bool = True) -> None:
        self.db.rollbacks += 1
        super().rollback(begin)
