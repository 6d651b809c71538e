"""The whole journal read as plain records for an export, and the look-ups an import
makes before it writes (which entries the journal already holds)."""

from __future__ import annotations

from collections.abc import Iterable

from peewee import chunked

from sciatica_journal.domain.measure_results import Answer
from sciatica_journal.storage import models
from sciatica_journal.storage.codecs import columns_sql, decoded, encode, uuid_bytes, uuid_text
from sciatica_journal.storage.codes import CHECK_IN_CODE
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
    SessionRecord,
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
_SESSION_FIELDS = (
    _E.id,
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
)
_SESSIONS = f'SELECT {columns_sql(_SESSION_FIELDS)} FROM "{_SESSION_TABLE}" ORDER BY started_at, id'
_N = models.JournalNote
_NOTE_FIELDS = (_N.uuid, _N.written_at, _N.zone, _N.local_date, _N.text)
_NOTES = f'SELECT {columns_sql(_NOTE_FIELDS)} FROM "{_N._meta.table_name}" ORDER BY written_at, id'


class TransferReader(Store):
    """Reads the whole journal (an export) and what an import must not add twice."""

    def _maps_by_id(self) -> dict[int, MapRecord]:
        """Every map by id, oldest first (plain SQL: ten years hold some 58,000 maps)."""
        marks: dict[tuple[tuple[str, str, int], ...], tuple[MarkRecord, ...]] = {}
        found = {}
        for map_id, uuid, recorded_at, zone, day, context, note, packed in decoded(
            _MAP_FIELDS, self.sql(_MAPS)
        ):
            records = marks.get(packed)
            if records is None:
                records = marks[packed] = tuple(MarkRecord(*mark) for mark in packed)
            found[map_id] = MapRecord(uuid, recorded_at, zone, day, context, note, records)
        return found

    def _screens(self, session_uuids: dict[int, str]) -> tuple[ScreenRecord, ...]:
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
                session_uuid=None if session is None else session_uuids.get(session),
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

    @bound
    def read_all(self) -> JournalContents:
        """The whole journal, each kind oldest first (a handful of queries, no N+1)."""
        profiles = ProfileStore(self.journal)
        with self._db.atomic("DEFERRED"):  # one consistent snapshot; no write lock
            maps = self._maps_by_id()
            sessions = []
            session_uuids: dict[int, str] = {}
            in_sessions: set[int | None] = set()
            for row in decoded(_SESSION_FIELDS, self.sql(_SESSIONS)):
                (row_id, uuid, rung, started, ended, zone, day, back_before, leg_before) = row[:9]
                (back_after, leg_after, outcome, reps, hold, reached, pelvis, stopped) = row[9:17]
                note, before, after, planned, against = row[17:]
                session_uuids[row_id] = uuid
                in_sessions.update((before, after))
                sessions.append(
                    SessionRecord(
                        uuid=uuid,
                        rung=rung,
                        started_at=started,
                        ended_at=ended,
                        zone=zone,
                        local_date=day,
                        back_pain_before=back_before,
                        leg_pain_before=leg_before,
                        back_pain_after=back_after,
                        leg_pain_after=leg_after,
                        outcome=outcome,
                        reps_done=reps,
                        hold_seconds=hold,
                        range_reached=reached,
                        pelvis_stayed_down=pelvis,
                        stopped_for_pain=stopped,
                        note=note,
                        map_before=None if before is None else maps.get(before),
                        map_after=None if after is None else maps.get(after),
                        planned=planned,
                        against_advice=bool(against),  # NULL (older sessions): not against
                    )
                )
            check_ins = tuple(m for map_id, m in maps.items() if map_id not in in_sessions)
            screens = self._screens(session_uuids)
            notes = tuple(NoteRecord(*row) for row in decoded(_NOTE_FIELDS, self.sql(_NOTES)))
            measures = self._measures()
            profile = profiles.load_profile() if profiles.profile_saved() else None
        return JournalContents(
            profile=profile,
            sessions=tuple(sessions),
            check_ins=check_ins,
            screens=screens,
            notes=notes,
            measures=measures,
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
