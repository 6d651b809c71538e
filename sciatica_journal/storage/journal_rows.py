"""The Journal's list in plain SQL: which entries it shows, in which order (one statement
over the four kinds of entry, filtered and sorted by SQLite), and the few rows on screen
read whole. Ten years hold some 33,000 entries; the list never reads them all whole.

Written against the compact schema of migration 0005: instants are whole seconds (the
order by the instant is the order of the integers), UUIDs 16 bytes, zones, rungs and
results codes of the journal's ``code`` table (sorting by a name joins that table, so the
order is the names'), a map's marks packed 3 bytes a mark. Everything that names a table
or a column is in ``_PARTS`` (what each kind of entry lists) and in the ``_READ`` statements
(one entry read whole, decoded by the models' fields).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from peewee import AutoField, Field, ForeignKeyField

from sciatica_journal.domain.journal import EntryKind
from sciatica_journal.domain.red_flags import RecordedScreen, ScreenResult, Trigger
from sciatica_journal.domain.timekeeping import parse_utc
from sciatica_journal.storage import models
from sciatica_journal.storage.codecs import columns_sql, decoded, utc_seconds, utc_text, uuid_bytes
from sciatica_journal.storage.codes import (
    CHECK_IN_CODE,
    RESULT,
    RUNG,
    UNKNOWN,
    ZONE,
    Codes,
    codes_of,
)
from sciatica_journal.storage.journal_records import (
    MapRecord,
    MarkRecord,
    NoteRecord,
    SessionRecord,
    columns,
    record,
)
from sciatica_journal.storage.store import Store, bound

# At the same instant a session lists before its screening, that before a check-in, then
# a note (as the service always listed them); the ties after that: the last saved first.
TIE_ORDER = {EntryKind.SESSION: 3, EntryKind.SCREENING: 2, EntryKind.CHECK_IN: 1, EntryKind.NOTE: 0}
COLUMNS = ("at", "time", "title", "summary", "note")  # what the list can be sorted by
CHUNK = 500  # ids bound in one statement (under SQLite's limit on parameters)

Key = tuple[int, int]  # (TIE_ORDER of its kind, its row's id)
KINDS = {code: kind for kind, code in TIE_ORDER.items()}
Cursor = tuple[int, int, int]  # an entry's place in the order by the instant: at, tie, id
Offset = tuple[str, str, str, int]  # zone, from (UTC text, inclusive), to (exclusive), seconds
# The bounds of the first and the last offset ("" and "9999") as seconds.
_BOUNDS = {"": -(2**62), "9999": 2**62}


def _name_of(category: str, code: str) -> str:
    """An SQL expression: the name the code ``code`` (an SQL expression) stands for."""
    return f"(SELECT name FROM code WHERE category = '{category}' AND value = {code})"


@dataclass(frozen=True)
class _Part:
    """One kind of entry as rows of the list: its table, the column of its instant, and
    SQL expressions for its note, for sorting by its summary and for its name."""

    table: str
    at: str
    note: str  # an SQL expression: the entry's note
    summary: str  # an SQL expression that sorts as the summary should
    word: str = "''"  # what names the entry (a session: its rung's code)
    where: str = ""


_PARTS = {
    EntryKind.SESSION: _Part(
        table="exercise_session",
        at="started_at",
        note="note",
        # The summary begins "Back 5→4, leg 6→5": it sorts by the pain scores.
        summary="printf('0 %02d %02d %02d %02d', back_pain_before, ifnull(back_pain_after, 99),"
        " leg_pain_before, ifnull(leg_pain_after, 99))",
        word="rung",
    ),
    EntryKind.CHECK_IN: _Part(
        table="symptom_map",
        at="recorded_at",
        note="note",
        summary="printf('1 %04d', length(marks) / 3)",  # by how many marks (3 bytes a mark)
        where=f"context = {CHECK_IN_CODE}",  # as the partial indexes name it
    ),
    EntryKind.SCREENING: _Part(
        table="red_flag_screen",
        at="answered_at",
        note="''",
        summary=f"'2 ' || {_name_of(RESULT, 'red_flag_screen.result')}",  # by the result's name
    ),
    EntryKind.NOTE: _Part(table="journal_note", at="written_at", note="text", summary="'3'"),
}


@dataclass(frozen=True)
class Listing:
    """Which entries the list shows and its order (``column`` one of ``COLUMNS``)."""

    kinds: frozenset[EntryKind] = frozenset(EntryKind)
    column: str = "at"
    descending: bool = True
    # Sorting by "title": each rung's slug with its name folded, and each other kind's.
    rung_titles: Sequence[tuple[str, str]] = ()
    kind_titles: dict[EntryKind, str] = field(default_factory=dict)
    # Sorting by "time" (of day, where it was recorded): each zone's offsets from UTC.
    offsets: Sequence[Offset] = ()


def _values(name: str, columns: str, rows: Sequence[Sequence[Any]]) -> tuple[str, list[Any]]:
    """A common table expression of literal rows, and its parameters."""
    one = "(" + ", ".join("?" for _ in rows[0]) + ")"
    sql = f"{name}({columns}) AS (VALUES {', '.join(one for _ in rows)})"
    return sql, [value for row in rows for value in row]


def _seconds(text: str) -> int:
    return _BOUNDS[text] if text in _BOUNDS else utc_seconds(text)


def _tables(listing: Listing, codes: Codes) -> tuple[list[str], list[Any]]:
    """The common table expressions ``listing`` joins, as the journal stores their keys:
    the rungs' names by the rungs' codes, the zones' offsets by the zones' codes and
    seconds (a name the journal has no code for names no row: it is left out)."""
    if listing.column == "title":
        titles = [(codes.lookup(RUNG, slug), name) for slug, name in listing.rung_titles]
        rows: list[tuple[Any, ...]] = [row for row in titles if row[0] != UNKNOWN]
        if rows:
            sql, values = _values("titles", "rung, name", rows)
            return [sql], values
    elif listing.column == "time":
        rows = [
            (codes.lookup(ZONE, name), _seconds(start), _seconds(stop), seconds)
            for name, start, stop, seconds in listing.offsets
        ]
        rows = [row for row in rows if row[0] != UNKNOWN]
        if rows:
            sql, values = _values("offsets", "zone, start, stop, seconds", rows)
            return [sql], values
    return [], []


NOT_AFTER = {"<": ">=", "<=": ">", ">": "<=", ">=": "<"}


def _after(
    kind: EntryKind, after: Cursor, descending: bool, through: bool = False
) -> tuple[str, list[Any]]:
    """The condition on one kind's rows that they come after ``after`` in the order by
    the instant (at, tie, id), or (``through``) that they do not: written so that the
    index on the instant serves it."""
    moment, tie, row_id = after
    part = _PARTS[kind]
    at = f"{part.table}.{part.at}"
    before = "<" if descending else ">"
    if TIE_ORDER[kind] == tie:
        way = NOT_AFTER[before] if through else before
        return f"({at}, {part.table}.id) {way} (?, ?)", [moment, row_id]
    later_tie = TIE_ORDER[kind] > tie
    strict = later_tie if descending else not later_tie
    way = before + ("" if strict else "=")
    return f"{at} {NOT_AFTER[way] if through else way} ?", [moment]


def _part_sql(
    kind: EntryKind,
    listing: Listing,
    params: list[Any],
    tables: Sequence[str] = (),
    after: Cursor | None = None,
    through: bool = False,
) -> str:
    """One kind's rows of the list: tie, id, at and what it sorts by (its parameters go on
    ``params``; ``tables``: the common table expressions there are to join). Each kind is
    sorted apart and the sorted parts merged: by the instant, an index gives each part in
    order, so the first page costs a few rows, not 33,000."""
    part = _PARTS[kind]
    table, at, column = part.table, f"{part.table}.{part.at}", listing.column
    join = ""
    if column == "title" and kind is EntryKind.SESSION:
        # A rung the programme does not know (any longer) sorts by its slug, folded.
        sort = f"lower({_name_of(RUNG, f'{table}.{part.word}')})"
        if tables:
            sort = f"ifnull(t.name, {sort})"
            join = f" LEFT JOIN titles t ON t.rung = {table}.{part.word}"
    elif column == "title":
        sort = "?"
        params.append(listing.kind_titles.get(kind, kind.value))
    elif column == "time":
        seconds = "0"
        if tables:
            seconds = "ifnull(o.seconds, 0)"
            join = (
                f" LEFT JOIN offsets o ON o.zone = {table}.zone"
                f" AND {at} >= o.start AND {at} < o.stop"
            )
        sort = f"(({at} + {seconds}) % 86400 + 86400) % 86400"
    elif column == "note":
        sort = f"lower({part.note})"
    elif column == "summary":
        sort = part.summary
    else:
        sort = "NULL"
    wheres = [part.where] if part.where else []
    if after is not None:
        condition, values = _after(kind, after, listing.descending, through)
        wheres.append(condition)
        params += values
    where = f" WHERE {' AND '.join(wheres)}" if wheres else ""
    return (
        f"SELECT {TIE_ORDER[kind]} AS tie, {table}.id AS id, {at} AS at, {sort} AS sort"
        f" FROM {table}{join}{where}"
    )


def listing_sql(
    listing: Listing, codes: Codes, after: Cursor | None = None, through: bool = False
) -> tuple[str, list[Any]]:
    """The statement listing the keys (tie, id, at) of ``listing``'s entries in its order
    (after the entry ``after`` only, or ``through`` it: in the order by the instant alone),
    then what it sorts by (``codes``: the journal's, looked up, never given)."""
    if listing.column not in COLUMNS:
        raise ValueError(f"the journal cannot be sorted by {listing.column!r}")
    if after is not None and listing.column != "at":
        raise ValueError("only the order by the instant reads on from an entry")
    kinds = [kind for kind in _PARTS if kind in listing.kinds]
    if not kinds:
        return "SELECT 0, 0, 0 WHERE 0", []
    tables, params = _tables(listing, codes)
    union = " UNION ALL ".join(
        _part_sql(kind, listing, params, tables, after, through) for kind in kinds
    )
    way = "DESC" if listing.descending else "ASC"
    order = f"at {way}, tie {way}, id {way}"
    if listing.column != "at":
        order = f"sort {way}, {order}"
    head = f"WITH {', '.join(tables)} " if tables else ""
    return f"{head}{union} ORDER BY {order}", params


def _fields(model: type[models.BaseModel], names: Sequence[str]) -> tuple[Field, ...]:
    return tuple(getattr(model, name) for name in names)


# Each kind's columns read whole, in the order of its record's fields.
_FIELDS = {
    EntryKind.SESSION: _fields(models.ExerciseSession, columns(SessionRecord)),
    EntryKind.CHECK_IN: _fields(models.SymptomMap, [*columns(MapRecord), "marks"]),
    EntryKind.NOTE: _fields(models.JournalNote, columns(NoteRecord)),
    EntryKind.SCREENING: _fields(
        models.RedFlagScreen,
        ["id", "uuid", "answered_at", "zone", "local_date", "trigger", "result"],
    ),
}
# The fields decoded (None: kept as SQLite gives it; an id stays an id).
_DECODE: dict[EntryKind, tuple[Field | None, ...]] = {
    kind: tuple(None if isinstance(f, AutoField | ForeignKeyField) else f for f in fields)
    for kind, fields in _FIELDS.items()
}
_READ = {
    kind: f"SELECT {columns_sql(_FIELDS[kind])} FROM {_PARTS[kind].table}"
    + (f" WHERE {_PARTS[kind].where} AND" if _PARTS[kind].where else " WHERE")
    + " id IN ({ids})"
    for kind in _FIELDS
}
_A = models.RedFlagAnswer
_ANSWER_FIELDS = (None, _A.question, _A.answer)
_READ_ANSWERS = (
    "SELECT screen_id, question, answer FROM red_flag_answer WHERE screen_id IN ({ids}) ORDER BY id"
)
_ID_OF = {
    kind: f"SELECT id FROM {part.table} WHERE uuid = ?"
    + (f" AND {part.where}" if part.where else "")
    for kind, part in _PARTS.items()
}
_ZONES = " UNION ".join(f"SELECT zone FROM {part.table}" for part in _PARTS.values())
_FIRST = {
    way: [
        f"SELECT {part.at} FROM {part.table}"
        + (f" WHERE {part.where}" if part.where else "")
        + f" ORDER BY {part.at} {way} LIMIT 1"
        for part in _PARTS.values()
    ]
    for way in ("ASC", "DESC")
}

Record = SessionRecord | MapRecord | NoteRecord | RecordedScreen


def _check_in(row: tuple[Any, ...]) -> MapRecord:
    marks = tuple(MarkRecord(*mark) for mark in row[-1] or ())
    return record(MapRecord, dict(zip(columns(MapRecord), row, strict=False)), marks=marks)


def _screen(row: tuple[Any, ...], answers: dict[str, bool]) -> RecordedScreen:
    _id, uuid, answered_at, zone, local_date, trigger, result = row
    return RecordedScreen(
        uuid=uuid,
        answered_at=parse_utc(answered_at),
        local_date=dt.date.fromisoformat(local_date),
        trigger=Trigger(trigger),
        result=ScreenResult(result),
        answers=answers,
        zone=zone,
    )


class JournalRows(Store):
    """The Journal's list: the keys of its entries in order, and entries read whole."""

    def keys(self, listing: Listing, limit: int = -1, after: Cursor | None = None) -> list[Key]:
        """The keys of the entries ``listing`` shows, in its order (``limit`` of them, -1:
        all; ``after``: those after that entry, in the order by the instant alone)."""
        return [(tie, row_id) for _at, tie, row_id in self.places(listing, limit, after)]

    def places(
        self,
        listing: Listing,
        limit: int = -1,
        after: Cursor | None = None,
        through: bool = False,
    ) -> list[Cursor]:
        """As ``keys``, each key with its instant: (at, tie, id) as a ``Cursor``
        (``through``: those up to ``after`` and it, not those after it)."""
        sql, params = listing_sql(listing, codes_of(self._db), after, through)
        rows = self.sql(f"{sql} LIMIT ?", [*params, limit])
        return [(at, tie, row_id) for tie, row_id, at, *_sort in rows]

    def key_of(self, kind: EntryKind, uuid: str) -> Key | None:
        try:
            data = uuid_bytes(uuid)
        except ValueError:  # not a UUID: no entry has it
            return None
        row = self.sql(_ID_OF[kind], [data]).fetchone()
        return None if row is None else (TIE_ORDER[kind], row[0])

    def zones(self) -> list[str]:
        """Each zone entries were recorded in."""
        codes = codes_of(self._db)
        return sorted(codes.name(ZONE, zone) for (zone,) in self.sql(_ZONES))

    def span(self) -> tuple[str, str] | None:
        """The first and the last instant of an entry (UTC text), None in an empty journal."""
        first = [row[0] for sql in _FIRST["ASC"] for row in self.sql(sql)]
        last = [row[0] for sql in _FIRST["DESC"] for row in self.sql(sql)]
        return (utc_text(min(first)), utc_text(max(last))) if first else None

    @bound
    def read(self, keys: Sequence[Key]) -> dict[Key, Record]:
        """The entries of ``keys`` read whole (an entry no longer there is left out)."""
        wanted: dict[int, list[int]] = {}
        for code, row_id in keys:
            wanted.setdefault(code, []).append(row_id)
        found: dict[Key, Record] = {}
        for code, ids in wanted.items():
            kind = KINDS[code]
            rows = decoded(_DECODE[kind], self._rows(_READ[kind], ids))
            if kind is EntryKind.SESSION:
                records: list[Record] = [SessionRecord(*row) for row in rows]  # bools decoded
            elif kind is EntryKind.CHECK_IN:
                records = [_check_in(row) for row in rows]
            elif kind is EntryKind.NOTE:
                records = [NoteRecord(*row) for row in rows]
            else:
                records = self._screens(rows)
            found.update(
                ((code, row[0]), record) for row, record in zip(rows, records, strict=True)
            )
        return found

    def _screens(self, rows: list[tuple[Any, ...]]) -> list[Record]:
        answers: dict[int, dict[str, bool]] = {}
        raw = self._rows(_READ_ANSWERS, [row[0] for row in rows])
        for screen_id, question, yes in decoded(_ANSWER_FIELDS, raw):
            answers.setdefault(screen_id, {})[question] = bool(yes)
        return [_screen(row, answers.get(row[0], {})) for row in rows]

    def _rows(self, statement: str, ids: Sequence[int]) -> list[tuple[Any, ...]]:
        found: list[tuple[Any, ...]] = []
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            found += self.sql(statement.format(ids=", ".join("?" * len(chunk))), chunk)
        return found
