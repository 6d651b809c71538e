"""The Journal's list in plain SQL: which entries it shows, in which order (one statement
over the four kinds of entry, filtered and sorted by SQLite), and the few rows on screen
read whole. Ten years hold some 33,000 entries; the list never reads them all whole.

Written against the schema of migrations 0001-0004. Everything that names a table or a
column is in ``_PARTS`` (what each kind of entry lists) and in the ``_READ_*`` statements
(one entry read whole): adapting to another schema means changing those alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sciatica_journal.domain.journal import EntryKind
from sciatica_journal.domain.red_flags import RecordedScreen, ScreenResult, Trigger
from sciatica_journal.domain.timekeeping import parse_utc
from sciatica_journal.storage.journal_records import (
    MapRecord,
    MarkRecord,
    NoteRecord,
    SessionRecord,
)
from sciatica_journal.storage.store import Store

# At the same instant a session lists before its screening, that before a check-in, then
# a note (as the service always listed them); the ties after that: the last saved first.
TIE_ORDER = {EntryKind.SESSION: 3, EntryKind.SCREENING: 2, EntryKind.CHECK_IN: 1, EntryKind.NOTE: 0}
COLUMNS = ("at", "time", "title", "summary", "note")  # what the list can be sorted by
CHUNK = 500  # ids bound in one statement (under SQLite's limit on parameters)

Key = tuple[int, int]  # (TIE_ORDER of its kind, its row's id)
KINDS = {code: kind for kind, code in TIE_ORDER.items()}
Cursor = tuple[str, int, int]  # an entry's place in the order by the instant: at, tie, id
Offset = tuple[str, str, str, int]  # zone, from (UTC text, inclusive), to (exclusive), seconds


@dataclass(frozen=True)
class _Part:
    """One kind of entry as rows of the list: its table, the column of its instant, and
    SQL expressions for its note, for sorting by its summary and for its name."""

    table: str
    at: str
    note: str  # an SQL expression: the entry's note
    summary: str  # an SQL expression that sorts as the summary should
    word: str = "''"  # what names the entry (a session: its rung's slug)
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
        summary="printf('1 %04d', (SELECT count(*) FROM symptom_mark"
        " WHERE symptom_mark.symptom_map_id = symptom_map.id))",  # by how many marks
        where="context = 'check-in'",
    ),
    EntryKind.SCREENING: _Part(
        table="red_flag_screen", at="answered_at", note="''", summary="'2 ' || result"
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
    after: Cursor | None = None,
    through: bool = False,
) -> str:
    """One kind's rows of the list: tie, id, at and what it sorts by (its parameters go on
    ``params``). Each kind is sorted apart and the sorted parts merged: by the instant, an
    index gives each part in order, so the first page costs a few rows, not 33,000."""
    part = _PARTS[kind]
    table, at, column = part.table, f"{part.table}.{part.at}", listing.column
    join = ""
    if column == "title" and kind is EntryKind.SESSION:
        if listing.rung_titles:
            sort = f"ifnull(t.name, lower({table}.{part.word}))"
            join = f" LEFT JOIN titles t ON t.slug = {table}.{part.word}"
        else:
            sort = f"lower({table}.{part.word})"
    elif column == "title":
        sort = "?"
        params.append(listing.kind_titles.get(kind, kind.value))
    elif column == "time":
        seconds = "0"
        if listing.offsets:
            seconds = "ifnull(o.seconds, 0)"
            join = (
                f" LEFT JOIN offsets o ON o.zone = {table}.zone"
                f" AND {at} >= o.start AND {at} < o.stop"
            )
        sort = f"(CAST(strftime('%s', {at}) AS INTEGER) + {seconds} + 86400) % 86400"
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
    listing: Listing, after: Cursor | None = None, through: bool = False
) -> tuple[str, list[Any]]:
    """The statement listing the keys (tie, id, at) of ``listing``'s entries in its order
    (after the entry ``after`` only, or ``through`` it: in the order by the instant alone),
    then what it sorts by."""
    if listing.column not in COLUMNS:
        raise ValueError(f"the journal cannot be sorted by {listing.column!r}")
    if after is not None and listing.column != "at":
        raise ValueError("only the order by the instant reads on from an entry")
    kinds = [kind for kind in _PARTS if kind in listing.kinds]
    if not kinds:
        return "SELECT 0, 0, '' WHERE 0", []
    tables: list[str] = []
    params: list[Any] = []
    if listing.column == "title" and listing.rung_titles:
        sql, values = _values("titles", "slug, name", listing.rung_titles)
        tables.append(sql)
        params += values
    elif listing.column == "time" and listing.offsets:
        sql, values = _values("offsets", "zone, start, stop, seconds", listing.offsets)
        tables.append(sql)
        params += values
    union = " UNION ALL ".join(_part_sql(kind, listing, params, after, through) for kind in kinds)
    way = "DESC" if listing.descending else "ASC"
    order = f"at {way}, tie {way}, id {way}"
    if listing.column != "at":
        order = f"sort {way}, {order}"
    head = f"WITH {', '.join(tables)} " if tables else ""
    return f"{head}{union} ORDER BY {order}", params


_SESSION_COLUMNS = (
    "id, uuid, rung, started_at, ended_at, zone, local_date, back_pain_before, leg_pain_before,"
    " back_pain_after, leg_pain_after, outcome, reps_done, hold_seconds, range_reached,"
    " pelvis_stayed_down, stopped_for_pain, map_before_id, map_after_id, note, updated_at,"
    " planned, against_advice"
)
_READ = {
    EntryKind.SESSION: f"SELECT {_SESSION_COLUMNS} FROM exercise_session WHERE id IN ({{ids}})",
    EntryKind.CHECK_IN: "SELECT id, uuid, recorded_at, zone, local_date, context, note"
    " FROM symptom_map WHERE context = 'check-in' AND id IN ({ids})",
    EntryKind.NOTE: "SELECT id, uuid, written_at, zone, local_date, text FROM journal_note"
    " WHERE id IN ({ids})",
    EntryKind.SCREENING: "SELECT id, uuid, answered_at, zone, local_date, trigger, result"
    " FROM red_flag_screen WHERE id IN ({ids})",
}
_READ_MARKS = (
    "SELECT id, symptom_map_id, region, kind, intensity FROM symptom_mark"
    " WHERE symptom_map_id IN ({ids}) ORDER BY id"
)
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
        f"SELECT {part.at} FROM {part.table} ORDER BY {part.at} {way} LIMIT 1"
        for part in _PARTS.values()
    ]
    for way in ("ASC", "DESC")
}

Record = SessionRecord | MapRecord | NoteRecord | RecordedScreen


def _session(row: tuple[Any, ...]) -> SessionRecord:
    values = list(row)  # in the order of SessionRecord's fields; SQLite's 0/1 as bools
    pelvis, stopped, against = row[15], row[16], row[22]
    values[15] = None if pelvis is None else bool(pelvis)
    values[16] = bool(stopped)
    values[22] = None if against is None else bool(against)
    return SessionRecord(*values)


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
        sql, params = listing_sql(listing, after, through)
        rows = self.sql(f"{sql} LIMIT ?", [*params, limit])
        return [(at, tie, row_id) for tie, row_id, at, *_sort in rows]

    def key_of(self, kind: EntryKind, uuid: str) -> Key | None:
        row = self.sql(_ID_OF[kind], [uuid]).fetchone()
        return None if row is None else (TIE_ORDER[kind], row[0])

    def zones(self) -> list[str]:
        """Each zone entries were recorded in."""
        return sorted(zone for (zone,) in self.sql(_ZONES))

    def span(self) -> tuple[str, str] | None:
        """The first and the last instant of an entry (UTC text), None in an empty journal."""
        first = [row[0] for sql in _FIRST["ASC"] for row in self.sql(sql)]
        last = [row[0] for sql in _FIRST["DESC"] for row in self.sql(sql)]
        return (min(first), max(last)) if first else None

    def read(self, keys: Sequence[Key]) -> dict[Key, Record]:
        """The entries of ``keys`` read whole (an entry no longer there is left out)."""
        wanted: dict[int, list[int]] = {}
        for code, row_id in keys:
            wanted.setdefault(code, []).append(row_id)
        found: dict[Key, Record] = {}
        for code, ids in wanted.items():
            kind = KINDS[code]
            rows = self._rows(_READ[kind], ids)
            if kind is EntryKind.SESSION:
                records: list[Record] = [_session(row) for row in rows]
            elif kind is EntryKind.CHECK_IN:
                records = self._check_ins(rows)
            elif kind is EntryKind.NOTE:
                records = [NoteRecord(*row) for row in rows]
            else:
                records = self._screens(rows)
            found.update(
                ((code, row[0]), record) for row, record in zip(rows, records, strict=True)
            )
        return found

    def _check_ins(self, rows: list[tuple[Any, ...]]) -> list[Record]:
        marks = self._children(_READ_MARKS, [row[0] for row in rows], 1)
        return [
            MapRecord(*(*row, tuple(MarkRecord(*mark) for mark in marks.get(row[0], ()))))
            for row in rows
        ]

    def _screens(self, rows: list[tuple[Any, ...]]) -> list[Record]:
        answers = self._children(_READ_ANSWERS, [row[0] for row in rows], 0)
        return [
            _screen(row, {question: bool(yes) for _s, question, yes in answers.get(row[0], ())})
            for row in rows
        ]

    def _rows(self, statement: str, ids: Sequence[int]) -> list[tuple[Any, ...]]:
        found: list[tuple[Any, ...]] = []
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            found += self.sql(statement.format(ids=", ".join("?" * len(chunk))), chunk)
        return found

    def _children(
        self, statement: str, ids: Sequence[int], column: int
    ) -> dict[int, list[tuple[Any, ...]]]:
        """Rows of ``statement`` by their parent's id (in ``column``)."""
        by_parent: dict[int, list[tuple[Any, ...]]] = {}
        for row in self._rows(statement, ids):
            by_parent.setdefault(row[column], []).append(row)
        return by_parent
