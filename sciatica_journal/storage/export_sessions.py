"""The sessions of an export, read and turned into records a part at a time, each with
its two symptom maps, all in the export's one snapshot of the journal.

Ten years hold some 30,000 sessions and 60,000 maps; reading them and turning their stored
values into records (UUIDs, times, codes) is most of an export's work. A part can be read
by a process forked from the export's (``services.transfer.parallel_parts``), through a
connection of its own opened in that process: while the export holds the journal's write
lock (``TransferReader.export_snapshot``), no one can commit, so every part sees the very
state the export's own transaction sees. Every code is read before (``Codes.load``): such
a process never uses the export's connection."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from peewee import Field, SqliteDatabase

from sciatica_journal.storage import models
from sciatica_journal.storage.codecs import columns_sql, decoded_by, readers
from sciatica_journal.storage.sql import execute_sql
from sciatica_journal.storage.transfer_records import MapRecord, MarkRecord, SessionRecord

_E = models.ExerciseSession
SESSION_FIELDS: tuple[Field, ...] = (  # in SessionRecord's order, then the row's own id
    _E.uuid,
    _E.rung,
    _E.started_at,
    _E.ended_at,
    _E.zone,
    _E.local_date,
    _E.back_pain_before,
    _E.leg_pain_before,
    _E.back_pain_after,
    _E.leg_pain_after,
    _E.outcome,
    _E.reps_done,
    _E.hold_seconds,
    _E.range_reached,
    _E.pelvis_stayed_down,
    _E.stopped_for_pain,
    _E.note,
    _E.map_before,
    _E.map_after,
    _E.planned,
    _E.against_advice,
    _E.id,
)
_M = models.SymptomMap
MAP_FIELDS: tuple[Field, ...] = (  # the map's id, then MapRecord's order
    _M.id,
    _M.uuid,
    _M.recorded_at,
    _M.zone,
    _M.local_date,
    _M.context,
    _M.note,
    _M.marks,
)
# The names of a row's columns: the session's, then each of its maps' in turn.
SESSION_COLUMNS: tuple[str, ...] = tuple(f.name for f in SESSION_FIELDS)
MAP_COLUMNS: tuple[str, ...] = tuple(f.name for f in MAP_FIELDS)
_SESSION_TABLE = _E._meta.table_name
_MAP_TABLE = _M._meta.table_name


def _columns(alias: str, fields: Sequence[Field]) -> str:
    return ", ".join(f"{alias}.{f.column_name}" for f in fields)


# A part: the sessions ORDER'th from OFFSET on, each with its maps' columns after its own.
_PART = (
    f"SELECT {_columns('s', SESSION_FIELDS)}, {_columns('b', MAP_FIELDS)}, "
    f"{_columns('a', MAP_FIELDS)} FROM (SELECT {columns_sql(SESSION_FIELDS)} "
    f'FROM "{_SESSION_TABLE}" ORDER BY started_at, id LIMIT ? OFFSET ?) AS s '
    f'LEFT JOIN "{_MAP_TABLE}" AS b ON b.id = s.map_before_id '
    f'LEFT JOIN "{_MAP_TABLE}" AS a ON a.id = s.map_after_id ORDER BY s.started_at, s.id'
)
_SESSION_COLUMNS = len(SESSION_FIELDS)
_MAP_COLUMNS = len(MAP_FIELDS)


class ExportSessions:
    """The sessions of an export, oldest first, read a part at a time (``records``)."""

    def __init__(self, database: SqliteDatabase, path: Path, count: int) -> None:
        """Made by a bound store method inside the export's transaction, which must stay
        open while parts are read; ``path``: the journal's file, for a part read by
        another process."""
        self._db = database
        self._path = path
        self._count = count
        self._owner = os.getpid()
        self._readers = tuple(readers((*SESSION_FIELDS, *MAP_FIELDS, *MAP_FIELDS)))
        self._marks: dict[tuple[tuple[str, str, int], ...], tuple[MarkRecord, ...]] = {}

    def __len__(self) -> int:
        return self._count

    @property
    def readers(self) -> tuple[Any, ...]:
        """How each column of ``rows`` is read (``codecs.readers``; None: as stored)."""
        return self._readers

    def rows(self, start: int = 0, stop: int | None = None) -> list[Any]:
        """Sessions ``start`` to ``stop`` (as a slice) as stored: each session's columns
        (``SESSION_COLUMNS``), then its map before's and its map after's (``MAP_COLUMNS``
        each, all NULL for no map)."""
        stop = self._count if stop is None else min(stop, self._count)
        if stop <= start:
            return []
        return self._rows(stop - start, start)

    def records(self, start: int = 0, stop: int | None = None) -> list[SessionRecord]:
        """Sessions ``start`` to ``stop`` (as a slice) as records, with their maps."""
        found = []
        for row in decoded_by(self._readers, self.rows(start, stop)):
            *values, _before, _after, planned, against, _id = row[:_SESSION_COLUMNS]
            found.append(
                SessionRecord._make(
                    (
                        *values,
                        self._map(row, _SESSION_COLUMNS),
                        self._map(row, _SESSION_COLUMNS + _MAP_COLUMNS),
                        planned,
                        bool(against),  # NULL (older sessions): not against the advice
                    )
                )
            )
        return found

    def _rows(self, limit: int, offset: int) -> list[Any]:
        if os.getpid() == self._owner:
            return list(execute_sql(self._db, _PART, (limit, offset)))
        # Another process (forked while the export holds the write lock): a connection of
        # its own, read-only; the export's must never be used here.
        connection = sqlite3.connect(f"{self._path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return connection.execute(_PART, (limit, offset)).fetchall()
        finally:
            connection.close()

    def _map(self, row: Sequence[Any], at: int) -> MapRecord | None:
        map_id, uuid, recorded_at, zone, day, context, note, packed = row[at : at + _MAP_COLUMNS]
        if map_id is None:
            return None
        marks = self._marks.get(packed)
        if marks is None:
            marks = self._marks[packed] = tuple(MarkRecord(*mark) for mark in packed)
        return MapRecord(uuid, recorded_at, zone, day, context, note, marks)
