"""The whole journal read as plain records for an export, and the look-ups an import
makes before it writes (which entries the journal already holds)."""

from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
from collections.abc import Callable, Iterable, Iterator

import peewee
from peewee import chunked

from sciatica_journal.domain.measure_results import Answer
from sciatica_journal.storage import models
from sciatica_journal.storage.codecs import (
    columns_sql,
    decoded,
    encode,
    uuid_bytes,
    uuid_text,
)
from sciatica_journal.storage.codes import CHECK_IN_CODE, codes_of
from sciatica_journal.storage.export_sessions import MAP_FIELDS, ExportSessions
from sciatica_journal.storage.profile_store import ProfileStore
from sciatica_journal.storage.sql import dicts, execute_sql, tuples
from sciatica_journal.storage.store import Store, bound
from sciatica_journal.storage.transfer_records import (
    JournalContents,
    MapRecord,
    MarkRecord,
    MeasureRecord,
    NoteRecord,
    ScreenRecord,
)

WithUuid = (
    models.SymptomMap
    | models.ExerciseSession
    | models.RedFlagScreen
    | models.JournalNote
    | models.MeasureResponse
)


_MAP_TABLE = models.SymptomMap._meta.table_name
_SESSION_TABLE = models.ExerciseSession._meta.table_name
_S = models.RedFlagScreen
_SCREEN_FIELDS = (
    _S.id,
    _S.uuid,
    _S.answered_at,
    _S.zone,
    _S.local_date,
    _S.trigger,
    _S.result,
    None,
)


def existing(model: type[WithUuid], uuids: Iterable[str]) -> dict[str, int]:
    """uuid -> id of the rows of ``model`` among ``uuids`` (the caller is bound)."""
    found: dict[str, int] = {}
    if model is models.SymptomMap:  # a session's maps have no index on their UUID: one pass
        wanted = {uuid_bytes(u): u for u in uuids}
        if wanted:
            rows = execute_sql(model._meta.database, f'SELECT id, uuid FROM "{_MAP_TABLE}"')
            for row_id, blob in rows:
                if bytes(blob) in wanted:
                    found[wanted[bytes(blob)]] = row_id
        return found
    table = model._meta.table_name
    stored = [encode(model.uuid, u) for u in uuids]  # (a text that is no UUID matches none)
    for batch in chunked(stored, 500):
        marks = ", ".join("?" * len(batch))
        rows = execute_sql(
            model._meta.database, f'SELECT uuid, id FROM "{table}" WHERE uuid IN ({marks})', batch
        )
        found.update({uuid_text(blob): row_id for blob, row_id in rows})
    return found


_CHECK_INS = (  # the maps of no session (a map left without its session counts too)
    f'SELECT {columns_sql(MAP_FIELDS)} FROM "{_MAP_TABLE}" WHERE id NOT IN '
    f'(SELECT map_before_id FROM "{_SESSION_TABLE}" WHERE map_before_id IS NOT NULL) '
    f'AND id NOT IN (SELECT map_after_id FROM "{_SESSION_TABLE}" WHERE map_after_id IS NOT NULL) '
    "ORDER BY recorded_at, id"
)
_SCREENED = (  # the UUIDs of the sessions that have a screening, by id
    f'SELECT id, uuid FROM "{_SESSION_TABLE}" WHERE id IN '
    f'(SELECT session_id FROM "{models.RedFlagScreen._meta.table_name}")'
)
_N = models.JournalNote
_NOTE_FIELDS = (_N.uuid, _N.written_at, _N.zone, _N.local_date, _N.text)
_NOTES = f'SELECT {columns_sql(_NOTE_FIELDS)} FROM "{_N._meta.table_name}" ORDER BY written_at, id'


def _marks(marks: tuple[tuple[str, str, int], ...]) -> tuple[MarkRecord, ...]:
    return tuple(MarkRecord(*mark) for mark in marks)


class TransferReader(Store):
    """Reads the whole journal (an export) and what an import must not add twice."""

    def _screens(self, session_uuid: Callable[[int], str | None]) -> tuple[ScreenRecord, ...]:
        """The screenings, each linked to its session by that session's UUID (by id)."""
        answers: dict[int, list[tuple[str, bool]]] = {}
        # Plain SQL, as the marks: ten years hold some 25,000 answers.
        question = models.RedFlagAnswer.question
        for screen_id, code, answer in decoded(
            (None, question, None),
            self.sql(
                f'SELECT screen_id, question, answer FROM "{models.RedFlagAnswer._meta.table_name}"'
                " ORDER BY id"
            ),
        ):
            answers.setdefault(screen_id, []).append((code, bool(answer)))
        rows = decoded(
            _SCREEN_FIELDS,
            self.sql(
                f"SELECT {columns_sql(_SCREEN_FIELDS[:-1])}, session_id"
                f' FROM "{models.RedFlagScreen._meta.table_name}" ORDER BY answered_at, id'
            ),
        )
        return tuple(
            ScreenRecord(
                uuid=uuid,
                answered_at=answered_at,
                zone=zone,
                local_date=local_date,
                trigger=trigger,
                result=result,
                answers=tuple(answers.get(screen_id, ())),
                session_uuid=None if session is None else session_uuid(session),
            )
            for screen_id, uuid, answered_at, zone, local_date, trigger, result, session in rows
        )

    def _measures(self) -> tuple[MeasureRecord, ...]:
        answers: dict[int, list[Answer]] = {}
        a = models.MeasureAnswer
        query = a.select(a.response, a.item, a.value, a.activity).order_by(a.id)
        for response_id, item, value, activity in tuples(query):
            answers.setdefault(response_id, []).append(Answer(item, int(value), activity))
        r = models.MeasureResponse
        return tuple(
            MeasureRecord(
                uuid=row["uuid"],
                measure=row["measure"],
                answered_at=row["answered_at"],
                zone=row["zone"],
                local_date=row["local_date"],
                answers=tuple(answers.get(row["id"], ())),
            )
            for row in dicts(r.select().order_by(r.answered_at, r.id))
        )

    def read_all(self) -> JournalContents:
        """The whole journal, each kind oldest first (a handful of queries, no N+1)."""
        with self.export_snapshot() as (contents, sessions, _shared):
            return dataclasses.replace(contents(), sessions=tuple(sessions.records()))

    @contextlib.contextmanager
    def export_snapshot(
        self, *, shared: bool = False
    ) -> Iterator[tuple[Callable[[], JournalContents], ExportSessions, bool]]:
        """The whole journal in one snapshot, open inside: the sessions to be read a part
        at a time (``ExportSessions``), and everything else as records, read when asked
        for (each kind oldest first). ``shared``: parts will be read by other processes
        too: the journal's write lock is held inside, so no one commits meanwhile (third
        value True), when it can be taken at once; else (a writer busy, a read-only file)
        the snapshot is this connection's alone (False)."""
        with contextlib.ExitStack() as inside:
            held = shared and self._write_lock_taken(inside)
            if not held:
                inside.enter_context(self._db.atomic("DEFERRED"))  # no write lock
            yield self._contents, self._sessions(), held

    def _write_lock_taken(self, inside: contextlib.ExitStack) -> bool:
        if self._db.in_transaction():  # (a savepoint would take no lock)
            return False
        (waited,) = self.sql("PRAGMA busy_timeout").fetchone()
        self.sql("PRAGMA busy_timeout = 0")  # a writer at work: no waiting for it
        try:
            inside.enter_context(self._db.atomic("IMMEDIATE"))
        except (sqlite3.OperationalError, peewee.OperationalError):
            return False
        finally:
            self.sql(f"PRAGMA busy_timeout = {int(waited)}")
        return True

    @bound
    def _sessions(self) -> ExportSessions:
        """The sessions to be read (their readers made here, bound, and every code read
        before any part is, by anyone)."""
        codes_of(self._db).load()
        (count,) = self.sql(f'SELECT count(*) FROM "{_SESSION_TABLE}"').fetchone()
        return ExportSessions(self._db, self.journal.path, int(count))

    @bound
    def _contents(self) -> JournalContents:
        """Everything but the sessions."""
        profiles = ProfileStore(self.journal)
        check_ins = decoded(MAP_FIELDS, self.sql(_CHECK_INS))
        stored = dict(self.sql(_SCREENED).fetchall())  # a session's UUID by its id
        return JournalContents(
            profile=profiles.load_profile() if profiles.profile_saved() else None,
            check_ins=tuple(MapRecord._make((*row[1:-1], _marks(row[-1]))) for row in check_ins),
            screens=self._screens(lambda i: None if i not in stored else uuid_text(stored[i])),
            notes=tuple(NoteRecord(*row) for row in decoded(_NOTE_FIELDS, self.sql(_NOTES))),
            measures=self._measures(),
        )

    @bound
    def row_counts(self) -> dict[str, int]:
        """Rows per table (to show that a refused import changed nothing)."""
        return {model._meta.table_name: model.select().count() for model in models.ALL_MODELS}

    @bound
    def existing_session_uuids(self, uuids: Iterable[str]) -> set[str]:
        """Which of these session UUIDs the journal holds (to check a screen's session
        link)."""
        return set(existing(models.ExerciseSession, uuids))

    @bound
    def map_uuids_in_use(self, uuids: Iterable[str]) -> set[str]:
        """Which of these symptom-map UUIDs belong to an entry of the journal: a check-in,
        or the map of a session. (A map left without its session may be linked again.)"""
        wanted = {uuid_bytes(u) for u in uuids}
        if not wanted:
            return set()
        # One pass over the maps and the sessions' links: a session's maps have no index.
        found = {
            row_id: blob
            for row_id, blob in self.sql(f'SELECT id, uuid FROM "{_MAP_TABLE}"')
            if bytes(blob) in wanted
        }
        if not found:
            return set()
        used = {
            row_id
            for (row_id,) in self.sql(
                f'SELECT id FROM "{_MAP_TABLE}" WHERE context = {CHECK_IN_CODE}'
            )
            if row_id in found
        }
        for before, after in self.sql(
            f'SELECT map_before_id, map_after_id FROM "{_SESSION_TABLE}"'
        ):
            used.update(i for i in (before, after) if i in found)
        return {uuid_text(found[row_id]) for row_id in used}
