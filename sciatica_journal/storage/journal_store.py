"""The journal as a list, and editing or deleting its entries (with undo).

There is no soft delete in the schema: deleting removes the rows in one transaction and
returns a snapshot (``journal_records``: plain dataclasses holding every column) that
``restore`` puts back, with the same ids where they are still free and always the same
UUIDs, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import SQL, ModelSelect

from sciatica_journal.domain.body import SymptomMap
from sciatica_journal.domain.language import _
from sciatica_journal.domain.timekeeping import format_utc, local_date
from sciatica_journal.storage import models
from sciatica_journal.storage.codecs import Marks
from sciatica_journal.storage.codes import CHECK_IN_CODE
from sciatica_journal.storage.journal_records import (
    AnswerRecord,
    CheckInSnapshot,
    MapRecord,
    MarkRecord,
    NoteRecord,
    NoteSnapshot,
    ScreenRecord,
    SessionRecord,
    SessionSnapshot,
    Snapshot,
    record,
    values,
)
from sciatica_journal.storage.sql import dicts, first_dict
from sciatica_journal.storage.store import Store, bound
from sciatica_journal.storage.symptom_store import load_map, new_uuid

CHECK_IN = "check-in"
# The check-ins' partial indexes (migration 0005) serve a query that names their code as is.
_IS_CHECK_IN = SQL(f'"context" = {CHECK_IN_CODE}')


class RestoreError(ValueError):
    """A snapshot cannot be put back (e.g. it already was)."""


# ---- reading rows (the callers are bound store methods) ------------------------------


def _maps(query: ModelSelect[models.SymptomMap]) -> list[MapRecord]:
    return [
        record(MapRecord, row, marks=tuple(MarkRecord(*mark) for mark in row["marks"]))
        for row in dicts(query)
    ]


def _session(uuid: str) -> SessionRecord | None:
    row = first_dict(models.ExerciseSession.select().where(models.ExerciseSession.uuid == uuid))
    return None if row is None else record(SessionRecord, row)


def _check_in(uuid: str) -> MapRecord | None:
    found = _maps(models.SymptomMap.select().where(models.SymptomMap.uuid == uuid, _IS_CHECK_IN))
    return found[0] if found else None


def _note(uuid: str) -> NoteRecord | None:
    row = first_dict(models.JournalNote.select().where(models.JournalNote.uuid == uuid))
    return None if row is None else record(NoteRecord, row)


def _screens_of(session_id: int) -> tuple[ScreenRecord, ...]:
    rows = dicts(
        models.RedFlagScreen.select()
        .where(models.RedFlagScreen.session == session_id)
        .order_by(models.RedFlagScreen.id)
    )
    screens = []
    for row in rows:
        answers = dicts(
            models.RedFlagAnswer.select()
            .where(models.RedFlagAnswer.screen == row["id"])
            .order_by(models.RedFlagAnswer.id)
        )
        screens.append(
            record(ScreenRecord, row, answers=tuple(record(AnswerRecord, a) for a in answers))
        )
    return tuple(screens)


# ---- writing rows (the callers are bound store methods holding the transaction) -------


def _delete_maps(map_ids: list[int]) -> None:
    if map_ids:
        models.SymptomMap.delete().where(models.SymptomMap.id.in_(map_ids)).execute()


def _insert(model: type[models.BaseModel], row: dict[str, Any]) -> int:
    """Insert with the old id if it is still free, else with a new one; returns the id."""
    primary_key = model._meta.primary_key
    assert primary_key is not False  # every model has an id
    if model.select().where(primary_key == row["id"]).exists():
        row = {k: v for k, v in row.items() if k != "id"}
    return int(model.insert(**row).execute())


_WithUuid = models.SymptomMap | models.ExerciseSession | models.RedFlagScreen | models.JournalNote


def _check_free(model: type[_WithUuid], uuid: str) -> None:
    if model.select().where(model.uuid == uuid).exists():
        raise RestoreError(_("this entry is already in the journal"))


def _restore_map(snapshot: MapRecord) -> int:
    _check_free(models.SymptomMap, snapshot.uuid)
    return _insert(models.SymptomMap, {**values(snapshot), "marks": Marks(snapshot.packed_marks())})


class JournalStore(Store):
    """Every entry of the journal as a record: listed, edited, deleted and put back."""

    # ---- listing ----------------------------------------------------------------------

    @bound
    def recent_sessions(self, limit: int | None = None) -> list[SessionRecord]:
        """Sessions, newest first."""
        query = models.ExerciseSession.select().order_by(
            models.ExerciseSession.started_at.desc(), models.ExerciseSession.id.desc()
        )
        if limit is not None:
            query = query.limit(limit)
        return [record(SessionRecord, row) for row in dicts(query)]

    @bound
    def recent_check_ins(self, limit: int | None = None) -> list[MapRecord]:
        """Symptom maps saved on their own (not a session's before/after), newest first."""
        query = (
            models.SymptomMap.select()
            .where(_IS_CHECK_IN)
            .order_by(models.SymptomMap.recorded_at.desc(), models.SymptomMap.id.desc())
        )
        if limit is not None:
            query = query.limit(limit)
        return _maps(query)

    @bound
    def recent_notes(self, limit: int | None = None) -> list[NoteRecord]:
        query = models.JournalNote.select().order_by(
            models.JournalNote.written_at.desc(), models.JournalNote.id.desc()
        )
        if limit is not None:
            query = query.limit(limit)
        return [record(NoteRecord, row) for row in dicts(query)]

    @bound
    def session(self, uuid: str) -> SessionRecord | None:
        return _session(uuid)

    @bound
    def check_in(self, uuid: str) -> MapRecord | None:
        return _check_in(uuid)

    @bound
    def note(self, uuid: str) -> NoteRecord | None:
        return _note(uuid)

    @bound
    def session_maps(self, entry: SessionRecord) -> tuple[SymptomMap, SymptomMap | None]:
        """The before map (empty if missing) and the after map (None if none was kept)."""
        before = SymptomMap() if entry.map_before is None else load_map(entry.map_before)
        after = None if entry.map_after is None else load_map(entry.map_after)
        return before, after

    # ---- edits ------------------------------------------------------------------------

    @bound
    def set_session_note(self, uuid: str, text: str, now: dt.datetime) -> bool:
        changed = (
            models.ExerciseSession.update(note=text, updated_at=format_utc(now))
            .where(models.ExerciseSession.uuid == uuid)
            .execute()
        )
        return bool(changed)

    @bound
    def set_check_in_note(self, uuid: str, text: str) -> bool:
        changed = (
            models.SymptomMap.update(note=text)
            .where(models.SymptomMap.uuid == uuid, _IS_CHECK_IN)
            .execute()
        )
        return bool(changed)

    @bound
    def set_note_text(self, uuid: str, text: str) -> bool:
        changed = (
            models.JournalNote.update(text=text).where(models.JournalNote.uuid == uuid).execute()
        )
        return bool(changed)

    @bound
    def update_session_pain(
        self,
        uuid: str,
        *,
        back_before: int,
        leg_before: int,
        back_after: int | None,
        leg_after: int | None,
        outcome: str,
        now: dt.datetime,
    ) -> bool:
        changed = (
            models.ExerciseSession.update(
                back_pain_before=back_before,
                leg_pain_before=leg_before,
                back_pain_after=back_after,
                leg_pain_after=leg_after,
                outcome=outcome,
                updated_at=format_utc(now),
            )
            .where(models.ExerciseSession.uuid == uuid)
            .execute()
        )
        return bool(changed)

    @bound
    def insert_note(self, text: str, *, at: dt.datetime, zone: str) -> str:
        note_uuid = new_uuid()
        models.JournalNote.create(
            uuid=note_uuid,
            written_at=format_utc(at),
            zone=zone,
            local_date=local_date(at, zone).isoformat(),
            text=text,
        )
        return note_uuid

    # ---- delete and restore -----------------------------------------------------------

    @bound
    def delete_session(self, uuid: str) -> SessionSnapshot | None:
        """Remove a session, its maps and marks and its red-flag screens; None if not
        found."""
        with self._db.atomic():
            found = _session(uuid)
            if found is None:
                return None
            map_ids = [i for i in (found.map_before, found.map_after) if i is not None]
            maps = _maps(models.SymptomMap.select().where(models.SymptomMap.id.in_(map_ids)))
            maps.sort(key=lambda m: map_ids.index(m.id))
            screens = _screens_of(found.id)
            screen_ids = [s.id for s in screens]
            if screen_ids:
                models.RedFlagAnswer.delete().where(
                    models.RedFlagAnswer.screen.in_(screen_ids)
                ).execute()
                models.RedFlagScreen.delete().where(
                    models.RedFlagScreen.id.in_(screen_ids)
                ).execute()
            models.ExerciseSession.delete().where(models.ExerciseSession.id == found.id).execute()
            _delete_maps(map_ids)
        return SessionSnapshot(session=found, maps=tuple(maps), screens=screens)

    @bound
    def delete_check_in(self, uuid: str) -> CheckInSnapshot | None:
        with self._db.atomic():
            found = _check_in(uuid)
            if found is None:
                return None
            _delete_maps([found.id])
        return CheckInSnapshot(map=found)

    @bound
    def delete_note(self, uuid: str) -> NoteSnapshot | None:
        with self._db.atomic():
            found = _note(uuid)
            if found is None:
                return None
            models.JournalNote.delete().where(models.JournalNote.id == found.id).execute()
        return NoteSnapshot(note=found)

    @bound
    def restore(self, snapshot: Snapshot) -> None:
        """Put deleted rows back, all or nothing."""
        with self._db.atomic():
            if isinstance(snapshot, NoteSnapshot):
                _check_free(models.JournalNote, snapshot.note.uuid)
                _insert(models.JournalNote, values(snapshot.note))
            elif isinstance(snapshot, CheckInSnapshot):
                _restore_map(snapshot.map)
            else:
                _check_free(models.ExerciseSession, snapshot.session.uuid)
                new_ids = {m.id: _restore_map(m) for m in snapshot.maps}
                row = values(snapshot.session)
                for column in ("map_before", "map_after"):
                    if row[column] is not None:
                        row[column] = new_ids.get(row[column])
                session_id = _insert(models.ExerciseSession, row)
                for screen in snapshot.screens:
                    _check_free(models.RedFlagScreen, screen.uuid)
                    screen_id = _insert(
                        models.RedFlagScreen, {**values(screen), "session": session_id}
                    )
                    for answer in screen.answers:
                        _insert(models.RedFlagAnswer, {**values(answer), "screen": screen_id})
