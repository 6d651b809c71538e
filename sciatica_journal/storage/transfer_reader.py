"""The whole journal read as plain records for an export, and the look-ups an import
makes before it writes (which entries the journal already holds)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from peewee import chunked

from sciatica_journal.domain.measure_results import Answer
from sciatica_journal.storage import models
from sciatica_journal.storage.codecs import columns_sql, decoded, uuid_bytes, uuid_text
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
    for batch in chunked(list(uuids), 500):
        query = model.select(model.uuid, model.id).where(model.uuid.in_(batch))
        found.update({uuid: row_id for uuid, row_id in tuples(query)})
    return found


def _flag(value: object) -> bool | None:
    return None if value is None else bool(value)


def _session_record(row: dict[str, Any], maps: dict[int, MapRecord]) -> SessionRecord:
    before, after = row["map_before"], row["map_after"]
    return SessionRecord(
        uuid=row["uuid"],
        rung=row["rung"],
        started_at=row["started_at"],
        ended_at=row["ended_at"],
        zone=row["zone"],
        local_date=row["local_date"],
        back_pain_before=row["back_pain_before"],
        leg_pain_before=row["leg_pain_before"],
        back_pain_after=row["back_pain_after"],
        leg_pain_after=row["leg_pain_after"],
        outcome=row["outcome"],
        reps_done=row["reps_done"],
        hold_seconds=row["hold_seconds"],
        range_reached=row["range_reached"],
        pelvis_stayed_down=_flag(row["pelvis_stayed_down"]),
        stopped_for_pain=bool(row["stopped_for_pain"]),
        note=row["note"],
        map_before=None if before is None else maps.get(before),
        map_after=None if after is None else maps.get(after),
        planned=row["planned"],
        against_advice=bool(row["against_advice"]),  # NULL (older sessions): not against
    )


class TransferReader(Store):
    """Reads the whole journal (an export) and what an import must not add twice."""

    def _maps_by_id(self) -> dict[int, MapRecord]:
        rows = dicts(
            models.SymptomMap.select().order_by(models.SymptomMap.recorded_at, models.SymptomMap.id)
        )
        return {
            row["id"]: MapRecord(
                uuid=row["uuid"],
                recorded_at=row["recorded_at"],
                zone=row["zone"],
                local_date=row["local_date"],
                context=row["context"],
                note=row["note"],
                marks=tuple(MarkRecord(*mark) for mark in row["marks"]),
            )
            for row in rows
        }

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
            session_rows = dicts(
                models.ExerciseSession.select().order_by(
                    models.ExerciseSession.started_at, models.ExerciseSession.id
                )
            )
            sessions = tuple(_session_record(row, maps) for row in session_rows)
            in_sessions = {r["map_before"] for r in session_rows} | {
                r["map_after"] for r in session_rows
            }
            check_ins = tuple(m for map_id, m in maps.items() if map_id not in in_sessions)
            screens = self._screens({row["id"]: row["uuid"] for row in session_rows})
            notes = tuple(
                NoteRecord(
                    uuid=row["uuid"],
                    written_at=row["written_at"],
                    zone=row["zone"],
                    local_date=row["local_date"],
                    text=row["text"],
                )
                for row in dicts(
                    models.JournalNote.select().order_by(
                        models.JournalNote.written_at, models.JournalNote.id
                    )
                )
            )
            measures = self._measures()
            profile = profiles.load_profile() if profiles.profile_saved() else None
        return JournalContents(
            profile=profile,
            sessions=sessions,
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
