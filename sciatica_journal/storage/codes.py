"""The journal's own table of codes (migration 0005): each short name the journal stores
often — a zone, an exercise, an outcome, a body region, a red-flag question — is kept as a
small integer, and the ``code`` table in the journal says which name each number stands
for, per category (``zone``, ``rung``, ``region``…). A code is given once and never
changes: a name seen for the first time gets the next number of its category; nothing is
ever renumbered, so the numbers never depend on the order of ``program.toml``.

The codes of one journal are looked up through ``codes_of(database)`` and kept in memory
once read. A code given inside a transaction is "pending": it may be rolled back, so it is
kept only with that transaction, and only until anything is rolled back (an import uses
its new codes hundreds of thousands of times); after that it is read from the table again,
and kept for good once read with no transaction open, i.e. committed. Every other code
read inside a transaction is committed
already (codes are never renumbered, and this is the only writer), so it is kept: an export
reads its hundreds of thousands of rows in one transaction.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from peewee import SqliteDatabase

from sciatica_journal.storage.sql import execute_sql

ZONE = "zone"
RUNG = "rung"
OUTCOME = "outcome"
RANGE = "range"
CONTEXT = "context"
REGION = "region"
KIND = "kind"
TRIGGER = "trigger"
RESULT = "result"
QUESTION = "question"
MEASURE = "measure"
ITEM = "item"

# A map's context: the check-in code is fixed (the partial indexes of symptom_map name it).
CHECK_IN_CODE = 1
CONTEXTS = ("check-in", "before", "after")

UNKNOWN = -1  # the code looked up for a name the journal has not got and cannot add


class CodeError(ValueError):
    """A number the code table does not know (a damaged journal)."""


@dataclass
class _Given:
    """The codes a thread gave in its open ``transaction`` (which may yet roll them back):
    by name and by number, what each stands for and the database's rollback count then."""

    transaction: object | None
    codes: dict[tuple[str, str | int], tuple[str | int, int | None]] = field(default_factory=dict)


class Codes:
    """The codes of one journal's database."""

    def __init__(self, database: SqliteDatabase) -> None:
        self._db = database
        self._values: dict[tuple[str, str], int] = {}
        self._names: dict[tuple[str, int], str] = {}
        self._loaded = False
        # What each thread's open transaction gave (each thread has its own connection,
        # and so its own transaction).
        self._open: dict[int, _Given] = {}

    def _settled(self) -> bool:
        """No transaction is open: what the table holds now is committed."""
        connection = self._db.connection()  # type: ignore[no-untyped-call]
        return not bool(connection.in_transaction)

    def _outermost(self) -> object | None:
        """This thread's outermost open peewee transaction (None: none)."""
        stack = self._db._state.transactions  # type: ignore[attr-defined]
        return stack[0] if stack else None

    def _given_here(self) -> _Given:
        """What this thread gave in its open transaction; forgotten once that transaction
        is over (its codes were then committed or rolled back, and the table says which)."""
        current = self._outermost()
        ident = threading.get_ident()
        found = self._open.get(ident)
        if found is None or found.transaction is not current or self._settled():
            found = self._open[ident] = _Given(current)
        return found

    def _keep(self, category: str, name: str, value: int, *, given: bool = False) -> None:
        """Remember a code read from the table now (``given``: given now). One that may yet
        be rolled back is remembered with its transaction only, until anything is rolled
        back (``journal_database.py``) or the transaction ends."""
        here = self._given_here()
        if given and self._settled():
            given = False  # given outside a transaction: committed already
        if not given and (category, name) not in here.codes and (category, value) not in here.codes:
            self._remember(category, name, value)
            return
        rollbacks = getattr(self._db, "rollbacks", None)  # None: read again at each use
        here.codes[(category, name)] = (value, rollbacks)
        here.codes[(category, value)] = (name, rollbacks)

    def _recall(self, category: str, key: str | int) -> str | int | None:
        """A pending code's number (``key`` a name) or name (``key`` a number), while its
        transaction is open and nothing has been rolled back since it was given; else None."""
        here = self._open.get(threading.get_ident())
        found = None if here is None else here.codes.get((category, key))
        if found is None or found[1] is None or found[1] != getattr(self._db, "rollbacks", None):
            return None
        if here is None or here.transaction is not self._outermost():  # that one is over
            return None
        return found[0]

    def _remember(self, category: str, name: str, value: int) -> None:
        self._values[(category, name)] = value
        self._names[(category, value)] = name

    def load(self) -> None:
        """Read every code of the journal now (a reader of many rows, or one that reads
        them in another process forked later, looks each up in memory only)."""
        self._load()

    def _load(self) -> None:
        if self._loaded:
            return
        for category, name, value in execute_sql(
            self._db, "SELECT category, name, value FROM code"
        ):
            self._keep(category, name, int(value))
        self._loaded = True

    def value(self, category: str, name: str, *, add: bool = True) -> int:
        """The code of ``name``, given now when the journal has none yet (``add``) or else
        ``UNKNOWN``, which matches no row."""
        found = self._values.get((category, name))
        if found is not None:
            return found
        self._load()
        found = self._values.get((category, name))
        if found is not None:
            return found
        recalled = self._recall(category, name)
        if recalled is not None:
            return int(recalled)
        row = execute_sql(
            self._db, "SELECT value FROM code WHERE category = ? AND name = ?", [category, name]
        ).fetchone()
        if row is None:
            if not add:
                return UNKNOWN
            try:
                execute_sql(
                    self._db,
                    "INSERT INTO code (category, name, value) SELECT ?, ?, "
                    "coalesce(max(value), 0) + 1 FROM code WHERE category = ?",
                    [category, name, category],
                )
            except sqlite3.OperationalError:  # a journal opened read-only: nothing matches
                return UNKNOWN
            row = execute_sql(
                self._db,
                "SELECT value FROM code WHERE category = ? AND name = ?",
                [category, name],
            ).fetchone()
            self._keep(category, name, int(row[0]), given=True)
            return int(row[0])
        value = int(row[0])
        self._keep(category, name, value)
        return value

    def name(self, category: str, value: int) -> str:
        """The name that ``value`` stands for."""
        found = self._names.get((category, value))
        if found is not None:
            return found
        self._load()
        found = self._names.get((category, value))
        if found is not None:
            return found
        recalled = self._recall(category, value)
        if recalled is not None:
            return str(recalled)
        row = execute_sql(
            self._db,
            "SELECT name FROM code WHERE category = ? AND value = ?",
            [category, value],
        ).fetchone()
        if row is None:
            raise CodeError(f"the journal has no {category} code {value}")
        name = str(row[0])
        self._keep(category, name, value)
        return name

    def lookup(self, category: str, name: str) -> int:
        """The code of ``name`` for a query that only reads (``UNKNOWN`` when the journal
        has none: a read never writes a code)."""
        return self.value(category, name, add=False)

    def values(self, category: str, names: list[str] | tuple[str, ...]) -> list[int]:
        """The codes of ``names`` for a query that only reads."""
        return [self.lookup(category, n) for n in names]


_CODES: WeakKeyDictionary[SqliteDatabase, Codes] = WeakKeyDictionary()


def codes_of(database: SqliteDatabase) -> Codes:
    """The codes of the journal open on ``database``."""
    found = _CODES.get(database)
    if found is None:
        found = _CODES[database] = Codes(database)
    return found
