"""The whole journal read as plain records for an export, and the look-ups an import
makes before it writes (which entries the journal already holds)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from peewee import chunked

from sciatica_journal.domain.measure_results import Answer
from sciatica_journal.storage import models
from sciatica_journal.storage.codecs import (
    columns_sql,
    decoded,
    encode,
    readers,
    uuid_bytes,
    uuid_text,
)
from sciatica_journal.storage.codes import CHECK_IN_CODE
from sciatica_journal.storage.export_sessions import ExportSessions
from sciatica_journal.storage.profile_store import ProfileStore
from sciatica_journal.storage.sql import dicts, execute_sql, tuples
from sciatica_journal.storage.store import Store, bound
from sciatica_journal.storage.transfer_records import (
    JournalContents,
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


_M = models.SymptomMap
_MAP_FIELDS = (
    _M.id,
    _M.uuid,
    _M.recorded_at,
    _M.zone,
    _M.local_date,
    _M.context,
    _M.note,
    _M.marks,
)
_MAPS = f'SELECT {columns_sql(_MAP_FIELDS)} FROM "{_MAP_TABLE}" ORDER BY recorded_at, id'
_E = models.ExerciseSession
_SESSION_FIELDS = (  # in SessionRecord's order, its two maps (ids here) last but two
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
_SESSIONS = f'SELECT {columns_sql(_SESSION_FIELDS)} FROM "{_SESSION_TABLE}" ORDER BY started_at, id'
_N = models.JournalNote
_NOTE_FIELDS = (_N.uuid, _N.written_at, _N.zone, _N.local_date, _N.text)
_NOTES = f'SELECT {columns_sql(_NOTE_FIELDS)} FROM "{_N._meta.table_name}" ORDER BY written_at, id'


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
        contents, sessions = self.read_for_export()
        return dataclasses.replace(contents, sessions=tuple(sessions.records()))

    @bound
    def read_for_export(self) -> tuple[JournalContents, ExportSessions]:
        """The whole journal in one snapshot, each kind oldest first: the sessions as rows
        still to be turned into records (``ExportSessions``), the rest as records."""
        profiles = ProfileStore(self.journal)
        with self._db.atomic("DEFERRED"):  # one consistent snapshot; no write lock
            maps = {row[0]: row for row in self.sql(_MAPS)}
            rows = self.sql(_SESSIONS).fetchall()
            sessions = ExportSessions(rows, maps, readers(_SESSION_FIELDS), readers(_MAP_FIELDS))
            in_sessions = sessions.map_ids()
            check_ins = tuple(sessions.maps([i for i in maps if i not in in_sessions]))
            stored = {row[-1]: row[0] for row in rows}  # a session's UUID by its id
            screens = self._screens(lambda i: None if i not in stored else uuid_text(stored[i]))
            notes = tuple(NoteRecord(*row) for row in decoded(_NOTE_FIELDS, self.sql(_NOTES)))
            measures = self._measures()
            profile = profiles.load_profile() if profiles.profile_saved() else None
        contents = JournalContents(
            profile=profile, check_ins=check_ins, screens=screens, notes=notes, measures=measures
        )
        return contents, sessions

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
