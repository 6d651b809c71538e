"""An import written into the journal: what the journal lacks, in one transaction.
Entries whose UUID the journal already holds are skipped (a skipped session is skipped
with its maps)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain, islice
from operator import attrgetter
from typing import Any

from peewee import DatabaseError, chunked

from sciatica_journal.domain.body import Mark, SymptomKind, SymptomMap
from sciatica_journal.domain.timekeeping import format_utc
from sciatica_journal.storage import models
from sciatica_journal.storage.codecs import (
    UtcField,
    UuidField,
    encode,
    encoders,
    utc_seconds,
    uuid_bytes,
)
from sciatica_journal.storage.extents import map_columns
from sciatica_journal.storage.profile_store import ProfileStore
from sciatica_journal.storage.sql import cursor
from sciatica_journal.storage.store import Store, bound
from sciatica_journal.storage.transfer_records import (
    CHECK_INS,
    MEASURES,
    NOTES,
    PROFILE,
    RED_FLAG_SCREENS,
    SESSIONS,
    ImportCounts,
    ImportWriteError,
    JournalContents,
    MapRecord,
    MarkRecord,
)
from sciatica_journal.storage.write_failures import plain_failure

UNDO_ORDER: tuple[tuple[str, Any], ...] = (
    ("screens", models.RedFlagScreen),
    ("sessions", models.ExerciseSession),
    ("maps", models.SymptomMap),
    ("notes", models.JournalNote),
    ("measures", models.MeasureResponse),
)


class TransferWriter(Store):
    """Writes an import (already validated) into the journal."""

    @bound
    def import_contents(
        self, contents: JournalContents, *, zone: str, now: dt.datetime
    ) -> ImportCounts:
        """Write what the journal lacks, all in one transaction; returns what was added/skipped.

        ``contents`` must already be validated. A session whose UUID exists is skipped with
        its maps; a session map whose UUID exists (but not its session) is linked, not copied.
        The profile is taken only when the user has not set one up yet.
        """
        try:
            return self._import(contents, zone=zone, now=now)
        except (DatabaseError, sqlite3.DatabaseError) as exc:  # after the rollback of it all
            plain = plain_failure(exc)
            raise ImportWriteError(
                plain or (str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            ) from exc

    def _import(self, contents: JournalContents, *, zone: str, now: dt.datetime) -> ImportCounts:
        counts = ImportCounts()
        stamp = utc_seconds(format_utc(now))
        profiles = ProfileStore(self.journal)
        blobs = _Blobs()
        with self._db.atomic():
            if contents.profile is not None:
                if profiles.profile_saved():
                    counts.skipped[PROFILE] = 1
                else:
                    profiles.save_profile(contents.profile, zone, now)
                    counts.added[PROFILE] = 1

            session_table = models.ExerciseSession
            known_sessions = self._existing(
                session_table, [s.uuid for s in contents.sessions], blobs
            )
            new_sessions = [s for s in contents.sessions if s.uuid not in known_sessions]
            counts.skipped[SESSIONS] = len(contents.sessions) - len(new_sessions)
            counts.added[SESSIONS] = len(new_sessions)

            session_maps = [m for s in new_sessions for m in (s.map_before, s.map_after) if m]
            known_maps = self._existing(
                models.SymptomMap,
                [m.uuid for m in session_maps] + [m.uuid for m in contents.check_ins],
                blobs,
            )
            new_check_ins = [m for m in contents.check_ins if m.uuid not in known_maps]
            counts.skipped[CHECK_INS] = len(contents.check_ins) - len(new_check_ins)
            counts.added[CHECK_INS] = len(new_check_ins)
            map_ids = dict(known_maps)
            new_maps = [m for m in session_maps if m.uuid not in known_maps] + new_check_ins
            map_ids.update(self._insert_maps(new_maps, blobs))
            counts.written["sessions"] = [s.uuid for s in new_sessions]
            counts.written["maps"] = [m.uuid for m in new_maps]

            session_ids = self._ids(session_table, new_sessions)
            self._insert_rows(
                session_table,
                {
                    "id": session_ids.values(),
                    "uuid": [blobs[s.uuid] for s in new_sessions],
                    **_attributes(new_sessions, _SESSION_COLUMNS),
                    "started_at": [utc_seconds(s.started_at) for s in new_sessions],
                    "ended_at": [utc_seconds(s.ended_at) for s in new_sessions],
                    "map_before": [
                        None if s.map_before is None else map_ids[s.map_before.uuid]
                        for s in new_sessions
                    ],
                    "map_after": [
                        None if s.map_after is None else map_ids[s.map_after.uuid]
                        for s in new_sessions
                    ],
                    "updated_at": [stamp] * len(new_sessions),
                },
            )
            linked = {s.session_uuid for s in contents.screens if s.session_uuid is not None}
            session_ids.update(known_sessions)
            session_ids.update(self._existing(session_table, linked - session_ids.keys(), blobs))
            self._import_screens(contents, counts, session_ids, blobs)

            known_notes = self._existing(
                models.JournalNote, [n.uuid for n in contents.notes], blobs
            )
            new_notes = [n for n in contents.notes if n.uuid not in known_notes]
            counts.skipped[NOTES] = len(contents.notes) - len(new_notes)
            counts.added[NOTES] = len(new_notes)
            counts.written["notes"] = [n.uuid for n in new_notes]
            self._insert_rows(
                models.JournalNote,
                {
                    "uuid": [blobs[n.uuid] for n in new_notes],
                    "written_at": [utc_seconds(n.written_at) for n in new_notes],
                    **_attributes(new_notes, ("zone", "local_date", "text")),
                },
            )
            self._import_measures(contents, counts, blobs)
        return counts

    def _import_screens(
        self,
        contents: JournalContents,
        counts: ImportCounts,
        session_ids: Mapping[str, int],
        blobs: _Blobs,
    ) -> None:
        """The red-flag screenings the journal lacks (by UUID), with their answers."""
        known = self._existing(models.RedFlagScreen, [s.uuid for s in contents.screens], blobs)
        new = [s for s in contents.screens if s.uuid not in known]
        counts.skipped[RED_FLAG_SCREENS] = len(contents.screens) - len(new)
        counts.added[RED_FLAG_SCREENS] = len(new)
        counts.written["screens"] = [s.uuid for s in new]
        ids = self._ids(models.RedFlagScreen, new)
        self._insert_rows(
            models.RedFlagScreen,
            {
                "id": ids.values(),
                "uuid": [blobs[s.uuid] for s in new],
                "answered_at": [utc_seconds(s.answered_at) for s in new],
                **_attributes(new, ("zone", "local_date", "trigger", "result")),
                "session": [
                    None if s.session_uuid is None else session_ids[s.session_uuid] for s in new
                ],
            },
        )
        answers = [(ids[s.uuid], code, yes) for s in new for code, yes in s.answers]
        self._insert_rows(
            models.RedFlagAnswer,
            {
                "screen": [a[0] for a in answers],
                "question": [a[1] for a in answers],
                "answer": [a[2] for a in answers],
            },
        )

    def _import_measures(
        self, contents: JournalContents, counts: ImportCounts, blobs: _Blobs
    ) -> None:
        """The weekly measures' responses the journal lacks (by UUID), with their answers."""
        known = self._existing(models.MeasureResponse, [m.uuid for m in contents.measures], blobs)
        new = [m for m in contents.measures if m.uuid not in known]
        counts.skipped[MEASURES] = len(contents.measures) - len(new)
        counts.added[MEASURES] = len(new)
        counts.written["measures"] = [m.uuid for m in new]
        ids = self._ids(models.MeasureResponse, new)
        self._insert_rows(
            models.MeasureResponse,
            {
                "id": ids.values(),
                "uuid": [blobs[m.uuid] for m in new],
                "measure": [m.measure for m in new],
                "answered_at": [utc_seconds(m.answered_at) for m in new],
                **_attributes(new, ("zone", "local_date")),
            },
        )
        answers = [(ids[m.uuid], a) for m in new for a in m.answers]
        self._insert_rows(
            models.MeasureAnswer,
            {
                "response": [i for i, _a in answers],
                "item": [a.item for _i, a in answers],
                "value": [a.value for _i, a in answers],
                "activity": [a.activity for _i, a in answers],
            },
        )

    def holds_sessions_or_maps(self) -> bool:
        """Whether the journal holds any session or symptom map (a new journal does not:
        then no UUID of a file can be one of its entries')."""
        return any(
            self.sql(f'SELECT EXISTS (SELECT 1 FROM "{m._meta.table_name}")').fetchone()[0]
            for m in (models.ExerciseSession, models.SymptomMap)
        )

    @bound
    def remove_written(self, written: Mapping[str, Sequence[str]]) -> int:
        """Take an import back out: delete the rows it wrote (their marks and answers go
        with them), in one transaction; returns how many were removed. Rows already gone
        are passed over. Screens point at sessions and sessions at their maps: that order."""
        removed = 0
        with self._db.atomic():
            for key, model in UNDO_ORDER:
                uuids = list(written.get(key, ()))
                if model is models.SymptomMap and uuids:
                    removed += self._remove_maps(uuids)
                    continue
                for batch in chunked(uuids, 400):
                    removed += model.delete().where(model.uuid.in_(batch)).execute()
        return removed

    def _remove_maps(self, uuids: Sequence[str]) -> int:
        """Delete maps by UUID: found in one pass (a session's maps have no index on it)."""
        wanted = {uuid_bytes(u) for u in uuids}
        table = models.SymptomMap._meta.table_name
        ids = [
            i for i, blob in self.sql(f'SELECT id, uuid FROM "{table}"') if bytes(blob) in wanted
        ]
        removed = 0
        for batch in chunked(ids, 400):
            removed += models.SymptomMap.delete().where(models.SymptomMap.id.in_(batch)).execute()
        return removed

    def _insert_maps(self, maps: Sequence[MapRecord], blobs: _Blobs) -> dict[str, int]:
        """Insert maps with their marks and extents; returns uuid -> new id (given here, after
        the highest id: a session's maps have no index on their UUID)."""
        ids = self._ids(models.SymptomMap, maps)
        columns: dict[tuple[MarkRecord, ...], tuple[object, object, object]] = {}  # repeat
        packed = models.SymptomMap.marks
        for m in maps:
            if m.marks not in columns:
                found = map_columns(
                    SymptomMap(
                        tuple(Mark(k.region, SymptomKind(k.kind), k.intensity) for k in m.marks)
                    )
                )
                columns[m.marks] = (
                    encode(packed, found["marks"]),  # packed once, here
                    found["left_extent"],
                    found["right_extent"],
                )
        marks = [columns[m.marks] for m in maps]
        self._insert_rows(
            models.SymptomMap,
            {
                "id": ids.values(),
                "uuid": [blobs[m.uuid] for m in maps],
                "recorded_at": [utc_seconds(m.recorded_at) for m in maps],
                **_attributes(maps, ("zone", "local_date", "context", "note")),
                "marks": [c[0] for c in marks],
                "left_extent": [c[1] for c in marks],
                "right_extent": [c[2] for c in marks],
            },
        )
        return ids

    def _ids(self, model: type[models.BaseModel], entries: Sequence[Any]) -> dict[str, int]:
        """uuid -> the id each of ``entries`` is inserted with: the next ones after the
        highest id of ``model``'s table, in their order (what SQLite would give them)."""
        (top,) = self.sql(f'SELECT max(id) FROM "{model._meta.table_name}"').fetchone()
        first = int(top or 0) + 1
        return {e.uuid: first + n for n, e in enumerate(entries)}

    def _existing(
        self, model: type[models.BaseModel], uuids: Iterable[str], blobs: _Blobs
    ) -> dict[str, int]:
        """uuid -> id of the rows of ``model`` among ``uuids`` (``transfer_reader.existing``
        with each UUID's bytes worked out once per import, and nothing looked up in a table
        that is empty, as it is when a journal is first filled from a file)."""
        wanted = {blobs[u]: u for u in uuids}
        table = model._meta.table_name
        found: dict[str, int] = {}
        if not wanted or self.sql(f'SELECT EXISTS (SELECT 1 FROM "{table}")').fetchone()[0] == 0:
            return found
        if model is models.SymptomMap:  # a session's maps have no index on their UUID: one pass
            for row_id, blob in self.sql(f'SELECT id, uuid FROM "{table}"'):
                uuid = wanted.get(bytes(blob))
                if uuid is not None:
                    found[uuid] = row_id
            return found
        for batch in chunked(list(wanted), 500):
            marks = ", ".join("?" * len(batch))
            rows = self.sql(f'SELECT uuid, id FROM "{table}" WHERE uuid IN ({marks})', batch)
            found.update({wanted[bytes(blob)]: row_id for blob, row_id in rows})
        return found

    def _insert_rows(
        self,
        model: type[models.BaseModel],
        columns: Mapping[str, Iterable[Any]],
    ) -> None:
        """INSERT rows given column by column (keyed by field name, in the same order; a
        UUID column as its bytes, a UTC one as its seconds, every other value encoded by
        its field: ``encoders``, a coded column looked up once per name). Several rows go
        in one statement (fewer steps of SQLite's virtual machine), through one prepared
        statement run with ``executemany``."""
        names = list(columns)
        fields = [model._meta.fields[n] for n in names]
        values: list[Iterable[Any]] = []
        for name, field, put in zip(names, fields, encoders(fields), strict=True):
            stored = put is None or isinstance(field, (UuidField, UtcField))  # bytes, seconds
            values.append(columns[name] if stored else map(put, columns[name]))
        rows = list(zip(*values, strict=True))
        if not rows:
            return
        quoted = ", ".join(f'"{f.column_name}"' for f in fields)
        one = f"({', '.join('?' for _ in names)})"
        per = max(1, _MAX_VARIABLES // len(names))
        whole = len(rows) // per * per
        run = cursor(self._db).executemany
        if whole:
            sql = f'INSERT INTO "{model._meta.table_name}" ({quoted}) VALUES ' + ", ".join(
                [one] * per
            )
            flat = chain.from_iterable(rows[:whole])
            run(sql, iter(lambda: tuple(islice(flat, per * len(names))), ()))
        if whole < len(rows):
            run(f'INSERT INTO "{model._meta.table_name}" ({quoted}) VALUES {one}', rows[whole:])


_MAX_VARIABLES = 999  # per statement: SQLite's limit before 3.32
# The columns of a session stored from its record's attribute of the same name.
_SESSION_COLUMNS = (
    "rung",
    "zone",
    "local_date",
    "back_pain_before",
    "leg_pain_before",
    "back_pain_after",
    "leg_pain_after",
    "outcome",
    "reps_done",
    "hold_seconds",
    "range_reached",
    "pelvis_stayed_down",
    "stopped_for_pain",
    "note",
    "planned",
    "against_advice",
)


def _attributes(entries: Sequence[Any], names: Sequence[str]) -> dict[str, list[Any]]:
    """name -> that attribute of every entry (a column of the rows to insert)."""
    return {name: list(map(attrgetter(name), entries)) for name in names}


class _Blobs(dict[str, bytes | str]):
    """Each UUID's stored form (its 16 bytes), worked out once per import: every UUID is
    looked up and written, some twice. A text that is no UUID stays text (it matches no
    row), as ``UuidField`` has it."""

    def __missing__(self, text: str) -> bytes | str:
        try:
            found: bytes | str = uuid_bytes(text)
        except ValueError:
            found = text
        self[text] = found
        return found
