"""The journal as a list, and editing or deleting its entries (with undo).

There is no soft delete in the schema: deleting removes the rows in one transaction and
returns a snapshot (plain dataclasses holding every column) that ``restore`` puts back,
with the same ids where they are still free and always the same UUIDs, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields
from typing import Any

from sciatica_journal.domain.body import Mark, SymptomKind, SymptomMap
from sciatica_journal.domain.timekeeping import format_utc, local_date
from sciatica_journal.storage import models
from sciatica_journal.storage.database import transaction
from sciatica_journal.storage.symptom_store import load_map, new_uuid

CHECK_IN = "check-in"


class RestoreError(ValueError):
    """A snapshot cannot be put back (e.g. it already was)."""


# ---- rows as plain data ---------------------------------------------------------------


@dataclass(frozen=True)
class MarkRecord:
    id: int
    symptom_map: int
    region: str
    kind: str
    intensity: int


@dataclass(frozen=True)
class MapRecord:
    id: int
    uuid: str
    recorded_at: str
    zone: str
    local_date: str
    context: str
    note: str
    marks: tuple[MarkRecord, ...] = ()

    def symptoms(self) -> SymptomMap:
        return SymptomMap(
            tuple(Mark(m.region, SymptomKind(m.kind), m.intensity) for m in self.marks)
        )


@dataclass(frozen=True)
class AnswerRecord:
    id: int
    screen: int
    question: str
    answer: bool


@dataclass(frozen=True)
class ScreenRecord:
    id: int
    uuid: str
    answered_at: str
    zone: str
    local_date: str
    trigger: str
    result: str
    session: int | None
    answers: tuple[AnswerRecord, ...] = ()


@dataclass(frozen=True)
class SessionRecord:
    id: int
    uuid: str
    rung: str
    started_at: str
    ended_at: str
    zone: str
    local_date: str
    back_pain_before: int
    leg_pain_before: int
    back_pain_after: int | None
    leg_pain_after: int | None
    outcome: str
    reps_done: int | None
    hold_seconds: int | None
    range_reached: str | None
    pelvis_stayed_down: bool | None
    stopped_for_pain: bool
    map_before: int | None
    map_after: int | None
    note: str
    updated_at: str


@dataclass(frozen=True)
class NoteRecord:
    id: int
    uuid: str
    written_at: str
    zone: str
    local_date: str
    text: str


@dataclass(frozen=True)
class SessionSnapshot:
    session: SessionRecord
    maps: tuple[MapRecord, ...]
    screens: tuple[ScreenRecord, ...]


@dataclass(frozen=True)
class CheckInSnapshot:
    map: MapRecord


@dataclass(frozen=True)
class NoteSnapshot:
    note: NoteRecord


Snapshot = SessionSnapshot | CheckInSnapshot | NoteSnapshot


def _columns(record_type: type) -> list[str]:
    """The dataclass fields that are columns (nested rows are not)."""
    return [f.name for f in fields(record_type) if f.name not in ("marks", "answers")]


def _record(record_type: type, row: dict[str, Any], **nested: Any) -> Any:
    return record_type(**{name: row[name] for name in _columns(record_type)}, **nested)


def _values(record: Any) -> dict[str, Any]:
    data = asdict(record)
    return {name: data[name] for name in _columns(type(record))}


# ---- listing --------------------------------------------------------------------------


def recent_sessions(limit: int | None = None) -> list[SessionRecord]:
    """Sessions, newest first."""
    query = models.ExerciseSession.select().order_by(
        models.ExerciseSession.started_at.desc(), models.ExerciseSession.id.desc()
    )
    if limit is not None:
        query = query.limit(limit)
    return [_record(SessionRecord, row) for row in query.dicts()]


def _marks_of(map_ids: list[int]) -> dict[int, tuple[MarkRecord, ...]]:
    found: dict[int, list[MarkRecord]] = {}
    # Chunks keep the query under SQLite's limit on bound parameters.
    for start in range(0, len(map_ids), 500):
        chunk = map_ids[start : start + 500]
        query = (
            models.SymptomMark.select()
            .where(models.SymptomMark.symptom_map.in_(chunk))
            .order_by(models.SymptomMark.id)
        )
        for row in query.dicts():
            found.setdefault(row["symptom_map"], []).append(_record(MarkRecord, row))
    return {map_id: tuple(marks) for map_id, marks in found.items()}


def _maps(query: Any) -> list[MapRecord]:
    rows = list(query.dicts())
    marks = _marks_of([row["id"] for row in rows])
    return [_record(MapRecord, row, marks=marks.get(row["id"], ())) for row in rows]


def recent_check_ins(limit: int | None = None) -> list[MapRecord]:
    """Symptom maps saved on their own (not a session's before/after), newest first."""
    query = (
        models.SymptomMap.select()
        .where(models.SymptomMap.context == CHECK_IN)
        .order_by(models.SymptomMap.recorded_at.desc(), models.SymptomMap.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    return _maps(query)


def recent_notes(limit: int | None = None) -> list[NoteRecord]:
    query = models.JournalNote.select().order_by(
        models.JournalNote.written_at.desc(), models.JournalNote.id.desc()
    )
    if limit is not None:
        query = query.limit(limit)
    return [_record(NoteRecord, row) for row in query.dicts()]


def session(uuid: str) -> SessionRecord | None:
    row = models.ExerciseSession.select().where(models.ExerciseSession.uuid == uuid).dicts().first()
    return None if row is None else _record(SessionRecord, row)


def check_in(uuid: str) -> MapRecord | None:
    found = _maps(
        models.SymptomMap.select().where(
            models.SymptomMap.uuid == uuid, models.SymptomMap.context == CHECK_IN
        )
    )
    return found[0] if found else None


def note(uuid: str) -> NoteRecord | None:
    row = models.JournalNote.select().where(models.JournalNote.uuid == uuid).dicts().first()
    return None if row is None else _record(NoteRecord, row)


def session_maps(record: SessionRecord) -> tuple[SymptomMap, SymptomMap | None]:
    """The before map (empty if missing) and the after map (None if none was kept)."""
    before = SymptomMap() if record.map_before is None else load_map(record.map_before)
    after = None if record.map_after is None else load_map(record.map_after)
    return before, after


# ---- edits ----------------------------------------------------------------------------


def set_session_note(uuid: str, text: str, now: dt.datetime) -> bool:
    changed = (
        models.ExerciseSession.update(note=text, updated_at=format_utc(now))
        .where(models.ExerciseSession.uuid == uuid)
        .execute()
    )
    return bool(changed)


def set_check_in_note(uuid: str, text: str) -> bool:
    changed = (
        models.SymptomMap.update(note=text)
        .where(models.SymptomMap.uuid == uuid, models.SymptomMap.context == CHECK_IN)
        .execute()
    )
    return bool(changed)


def set_note_text(uuid: str, text: str) -> bool:
    changed = models.JournalNote.update(text=text).where(models.JournalNote.uuid == uuid).execute()
    return bool(changed)


def update_session_pain(
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


def insert_note(text: str, *, at: dt.datetime, zone: str) -> str:
    note_uuid = new_uuid()
    models.JournalNote.create(
        uuid=note_uuid,
        written_at=format_utc(at),
        zone=zone,
        local_date=local_date(at, zone).isoformat(),
        text=text,
    )
    return note_uuid


# ---- delete and restore ---------------------------------------------------------------


def _screens_of(session_id: int) -> tuple[ScreenRecord, ...]:
    rows = list(
        models.RedFlagScreen.select()
        .where(models.RedFlagScreen.session == session_id)
        .order_by(models.RedFlagScreen.id)
        .dicts()
    )
    screens = []
    for row in rows:
        answers = (
            models.RedFlagAnswer.select()
            .where(models.RedFlagAnswer.screen == row["id"])
            .order_by(models.RedFlagAnswer.id)
            .dicts()
        )
        screens.append(
            _record(ScreenRecord, row, answers=tuple(_record(AnswerRecord, a) for a in answers))
        )
    return tuple(screens)


def _delete_maps(map_ids: list[int]) -> None:
    if map_ids:
        models.SymptomMark.delete().where(models.SymptomMark.symptom_map.in_(map_ids)).execute()
        models.SymptomMap.delete().where(models.SymptomMap.id.in_(map_ids)).execute()


def delete_session(uuid: str) -> SessionSnapshot | None:
    """Remove a session, its maps and marks and its red-flag screens; None if not found."""
    with transaction():
        record = session(uuid)
        if record is None:
            return None
        map_ids = [i for i in (record.map_before, record.map_after) if i is not None]
        maps = _maps(models.SymptomMap.select().where(models.SymptomMap.id.in_(map_ids)))
        maps.sort(key=lambda m: map_ids.index(m.id))
        screens = _screens_of(record.id)
        screen_ids = [s.id for s in screens]
        if screen_ids:
            models.RedFlagAnswer.delete().where(
                models.RedFlagAnswer.screen.in_(screen_ids)
            ).execute()
            models.RedFlagScreen.delete().where(models.RedFlagScreen.id.in_(screen_ids)).execute()
        models.ExerciseSession.delete().where(models.ExerciseSession.id == record.id).execute()
        _delete_maps(map_ids)
    return SessionSnapshot(session=record, maps=tuple(maps), screens=screens)


def delete_check_in(uuid: str) -> CheckInSnapshot | None:
    with transaction():
        record = check_in(uuid)
        if record is None:
            return None
        _delete_maps([record.id])
    return CheckInSnapshot(map=record)


def delete_note(uuid: str) -> NoteSnapshot | None:
    with transaction():
        record = note(uuid)
        if record is None:
            return None
        models.JournalNote.delete().where(models.JournalNote.id == record.id).execute()
    return NoteSnapshot(note=record)


def _insert(model: type[models.BaseModel], values: dict[str, Any]) -> int:
    """Insert with the old id if it is still free, else with a new one; returns the id."""
    if model.select().where(model._meta.primary_key == values["id"]).exists():
        values = {k: v for k, v in values.items() if k != "id"}
    return int(model.insert(**values).execute())


def _check_free(model: type[models.BaseModel], uuid: str) -> None:
    if model.select().where(model.uuid == uuid).exists():  # type: ignore[attr-defined]
        raise RestoreError("this entry is already in the journal")


def _restore_map(record: MapRecord) -> int:
    _check_free(models.SymptomMap, record.uuid)
    map_id = _insert(models.SymptomMap, _values(record))
    for mark in record.marks:
        _insert(models.SymptomMark, {**_values(mark), "symptom_map": map_id})
    return map_id


def restore(snapshot: Snapshot) -> None:
    """Put deleted rows back, all or nothing."""
    with transaction():
        if isinstance(snapshot, NoteSnapshot):
            _check_free(models.JournalNote, snapshot.note.uuid)
            _insert(models.JournalNote, _values(snapshot.note))
        elif isinstance(snapshot, CheckInSnapshot):
            _restore_map(snapshot.map)
        else:
            _check_free(models.ExerciseSession, snapshot.session.uuid)
            new_ids = {m.id: _restore_map(m) for m in snapshot.maps}
            values = _values(snapshot.session)
            for column in ("map_before", "map_after"):
                if values[column] is not None:
                    values[column] = new_ids.get(values[column])
            session_id = _insert(models.ExerciseSession, values)
            for screen in snapshot.screens:
                _check_free(models.RedFlagScreen, screen.uuid)
                screen_id = _insert(
                    models.RedFlagScreen, {**_values(screen), "session": session_id}
                )
                for answer in screen.answers:
                    _insert(models.RedFlagAnswer, {**_values(answer), "screen": screen_id})
