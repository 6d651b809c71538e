"""The whole journal as plain records: read for an export, written by an import.

Records carry the stored values as they are (times as UTC text, enums as their
text), so that an export and a re-import keep every entry exactly. An import is
written in one transaction; entries whose UUID the journal already holds are
skipped (a skipped session is skipped with its maps).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from peewee import DatabaseError, chunked

from sciatica_journal.domain.profile import Profile
from sciatica_journal.domain.timekeeping import format_utc
from sciatica_journal.storage import models, profile_store
from sciatica_journal.storage.write_failures import plain_failure

PROFILE = "profile"
SESSIONS = "sessions"
CHECK_INS = "check_ins"
RED_FLAG_SCREENS = "red_flag_screens"
NOTES = "notes"
KINDS = (PROFILE, SESSIONS, CHECK_INS, RED_FLAG_SCREENS, NOTES)


@dataclass(frozen=True)
class MarkRecord:
    region: str
    kind: str
    intensity: int


@dataclass(frozen=True)
class MapRecord:
    uuid: str
    recorded_at: str  # "YYYY-MM-DDTHH:MM:SSZ"
    zone: str
    local_date: str  # "YYYY-MM-DD"
    context: str  # "check-in", "before" or "after"
    note: str
    marks: tuple[MarkRecord, ...]


@dataclass(frozen=True)
class SessionRecord:
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
    note: str
    map_before: MapRecord | None
    map_after: MapRecord | None


@dataclass(frozen=True)
class ScreenRecord:
    uuid: str
    answered_at: str
    zone: str
    local_date: str
    trigger: str
    result: str
    answers: tuple[tuple[str, bool], ...]  # (question code, yes?) in the order asked
    session_uuid: str | None


@dataclass(frozen=True)
class NoteRecord:
    uuid: str
    written_at: str
    zone: str
    local_date: str
    text: str


@dataclass(frozen=True)
class JournalContents:
    """Everything an export holds; ``check_ins`` are the maps that belong to no session."""

    profile: Profile | None = None
    sessions: tuple[SessionRecord, ...] = ()
    check_ins: tuple[MapRecord, ...] = ()
    screens: tuple[ScreenRecord, ...] = ()
    notes: tuple[NoteRecord, ...] = ()


class ImportWriteError(Exception):
    """The database refused the import; the transaction was rolled back, nothing was kept."""


@dataclass
class ImportCounts:
    """Added and skipped entries per kind (``KINDS``)."""

    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    skipped: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    # The UUIDs written, per table (to take an import back out: ``import_undo``).
    written: dict[str, list[str]] = field(default_factory=dict)


# --- reading -------------------------------------------------------------------------------


def _marks_by_map() -> dict[int, list[MarkRecord]]:
    marks: dict[int, list[MarkRecord]] = {}
    table = models.SymptomMark._meta.table_name
    # Plain SQL: ten years hold some 150,000 marks, and peewee's rows cost 10x as much.
    cursor = models.database.execute_sql(
        f'SELECT symptom_map_id, region, kind, intensity FROM "{table}" ORDER BY id'
    )
    for map_id, region, kind, intensity in cursor:
        marks.setdefault(map_id, []).append(MarkRecord(region, kind, intensity))
    return marks


def _maps_by_id() -> dict[int, MapRecord]:
    marks = _marks_by_map()
    rows = (
        models.SymptomMap.select()
        .order_by(models.SymptomMap.recorded_at, models.SymptomMap.id)
        .dicts()
    )
    return {
        row["id"]: MapRecord(
            uuid=row["uuid"],
            recorded_at=row["recorded_at"],
            zone=row["zone"],
            local_date=row["local_date"],
            context=row["context"],
            note=row["note"],
            marks=tuple(marks.get(row["id"], ())),
        )
        for row in rows
    }


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
    )


def _screens(session_uuids: dict[int, str]) -> tuple[ScreenRecord, ...]:
    answers: dict[int, list[tuple[str, bool]]] = {}
    query = models.RedFlagAnswer.select(
        models.RedFlagAnswer.screen, models.RedFlagAnswer.question, models.RedFlagAnswer.answer
    ).order_by(models.RedFlagAnswer.id)
    for screen_id, question, answer in query.tuples():
        answers.setdefault(screen_id, []).append((question, bool(answer)))
    rows = (
        models.RedFlagScreen.select()
        .order_by(models.RedFlagScreen.answered_at, models.RedFlagScreen.id)
        .dicts()
    )
    return tuple(
        ScreenRecord(
            uuid=row["uuid"],
            answered_at=row["answered_at"],
            zone=row["zone"],
            local_date=row["local_date"],
            trigger=row["trigger"],
            result=row["result"],
            answers=tuple(answers.get(row["id"], ())),
            session_uuid=None if row["session"] is None else session_uuids.get(row["session"]),
        )
        for row in rows
    )


def read_all() -> JournalContents:
    """The whole journal, each kind oldest first (a handful of queries, no N+1)."""
    with models.database.atomic("DEFERRED"):  # one consistent snapshot; no write lock
        maps = _maps_by_id()
        session_rows = list(
            models.ExerciseSession.select()
            .order_by(models.ExerciseSession.started_at, models.ExerciseSession.id)
            .dicts()
        )
        sessions = tuple(_session_record(row, maps) for row in session_rows)
        in_sessions = {r["map_before"] for r in session_rows} | {
            r["map_after"] for r in session_rows
        }
        check_ins = tuple(m for map_id, m in maps.items() if map_id not in in_sessions)
        screens = _screens({row["id"]: row["uuid"] for row in session_rows})
        notes = tuple(
            NoteRecord(
                uuid=row["uuid"],
                written_at=row["written_at"],
                zone=row["zone"],
                local_date=row["local_date"],
                text=row["text"],
            )
            for row in models.JournalNote.select()
            .order_by(models.JournalNote.written_at, models.JournalNote.id)
            .dicts()
        )
        profile = profile_store.load_profile() if profile_store.profile_saved() else None
    return JournalContents(
        profile=profile, sessions=sessions, check_ins=check_ins, screens=screens, notes=notes
    )


def row_counts() -> dict[str, int]:
    """Rows per table (to show that a refused import changed nothing)."""
    return {model._meta.table_name: model.select().count() for model in models.ALL_MODELS}


# --- writing -------------------------------------------------------------------------------


def _existing(model: Any, uuids: Iterable[str]) -> dict[str, int]:
    """uuid -> id of the rows of ``model`` among ``uuids``."""
    found: dict[str, int] = {}
    for batch in chunked(list(uuids), 500):
        query = model.select(model.uuid, model.id).where(model.uuid.in_(batch)).tuples()
        found.update({uuid: row_id for uuid, row_id in query})
    return found


def _insert_rows(model: Any, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT the rows (dicts keyed by field name) with one prepared statement."""
    if not rows:
        return
    names = list(rows[0])
    columns = ", ".join(f'"{model._meta.fields[n].column_name}"' for n in names)
    sql = (
        f'INSERT INTO "{model._meta.table_name}" ({columns}) '
        f"VALUES ({', '.join('?' for _ in names)})"
    )
    cursor = models.database.cursor()
    cursor.executemany(sql, ([row[n] for n in names] for row in rows))


def _insert_maps(maps: Sequence[MapRecord]) -> dict[str, int]:
    """Insert maps and their marks; returns uuid -> new id."""
    _insert_rows(
        models.SymptomMap,
        [
            {
                "uuid": m.uuid,
                "recorded_at": m.recorded_at,
                "zone": m.zone,
                "local_date": m.local_date,
                "context": m.context,
                "note": m.note,
            }
            for m in maps
        ],
    )
    ids = _existing(models.SymptomMap, (m.uuid for m in maps))
    _insert_rows(
        models.SymptomMark,
        [
            {
                "symptom_map": ids[m.uuid],
                "region": mark.region,
                "kind": mark.kind,
                "intensity": mark.intensity,
            }
            for m in maps
            for mark in m.marks
        ],
    )
    return ids


def _session_row(s: SessionRecord, map_ids: dict[str, int], updated_at: str) -> dict[str, Any]:
    return {
        "uuid": s.uuid,
        "rung": s.rung,
        "started_at": s.started_at,
        "ended_at": s.ended_at,
        "zone": s.zone,
        "local_date": s.local_date,
        "back_pain_before": s.back_pain_before,
        "leg_pain_before": s.leg_pain_before,
        "back_pain_after": s.back_pain_after,
        "leg_pain_after": s.leg_pain_after,
        "outcome": s.outcome,
        "reps_done": s.reps_done,
        "hold_seconds": s.hold_seconds,
        "range_reached": s.range_reached,
        "pelvis_stayed_down": s.pelvis_stayed_down,
        "stopped_for_pain": s.stopped_for_pain,
        "map_before": None if s.map_before is None else map_ids[s.map_before.uuid],
        "map_after": None if s.map_after is None else map_ids[s.map_after.uuid],
        "note": s.note,
        "updated_at": updated_at,
    }


def import_contents(contents: JournalContents, *, zone: str, now: dt.datetime) -> ImportCounts:
    """Write what the journal lacks, all in one transaction; returns what was added/skipped.

    ``contents`` must already be validated. A session whose UUID exists is skipped with
    its maps; a session map whose UUID exists (but not its session) is linked, not copied.
    The profile is taken only when the user has not set one up yet.
    """
    try:
        return _import(contents, zone=zone, now=now)
    except (DatabaseError, sqlite3.DatabaseError) as exc:  # after the rollback of it all
        plain = plain_failure(exc)
        raise ImportWriteError(
            plain or (str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        ) from exc


def _import(contents: JournalContents, *, zone: str, now: dt.datetime) -> ImportCounts:
    counts = ImportCounts()
    stamp = format_utc(now)
    with models.database.atomic():
        if contents.profile is not None:
            if profile_store.profile_saved():
                counts.skipped[PROFILE] = 1
            else:
                profile_store.save_profile(contents.profile, zone, now)
                counts.added[PROFILE] = 1

        known_sessions = _existing(models.ExerciseSession, (s.uuid for s in contents.sessions))
        new_sessions = [s for s in contents.sessions if s.uuid not in known_sessions]
        counts.skipped[SESSIONS] = len(contents.sessions) - len(new_sessions)
        counts.added[SESSIONS] = len(new_sessions)

        session_maps = [m for s in new_sessions for m in (s.map_before, s.map_after) if m]
        known_maps = _existing(
            models.SymptomMap, [m.uuid for m in session_maps] + [m.uuid for m in contents.check_ins]
        )
        new_check_ins = [m for m in contents.check_ins if m.uuid not in known_maps]
        counts.skipped[CHECK_INS] = len(contents.check_ins) - len(new_check_ins)
        counts.added[CHECK_INS] = len(new_check_ins)
        map_ids = dict(known_maps)
        new_maps = [m for m in session_maps if m.uuid not in known_maps] + new_check_ins
        map_ids.update(_insert_maps(new_maps))
        counts.written["sessions"] = [s.uuid for s in new_sessions]
        counts.written["maps"] = [m.uuid for m in new_maps]

        _insert_rows(
            models.ExerciseSession, [_session_row(s, map_ids, stamp) for s in new_sessions]
        )
        session_ids = _existing(
            models.ExerciseSession,
            {s.session_uuid for s in contents.screens if s.session_uuid is not None},
        )

        known_screens = _existing(models.RedFlagScreen, (s.uuid for s in contents.screens))
        new_screens = [s for s in contents.screens if s.uuid not in known_screens]
        counts.skipped[RED_FLAG_SCREENS] = len(contents.screens) - len(new_screens)
        counts.added[RED_FLAG_SCREENS] = len(new_screens)
        counts.written["screens"] = [s.uuid for s in new_screens]
        _insert_rows(
            models.RedFlagScreen,
            [
                {
                    "uuid": s.uuid,
                    "answered_at": s.answered_at,
                    "zone": s.zone,
                    "local_date": s.local_date,
                    "trigger": s.trigger,
                    "result": s.result,
                    "session": None if s.session_uuid is None else session_ids[s.session_uuid],
                }
                for s in new_screens
            ],
        )
        screen_ids = _existing(models.RedFlagScreen, (s.uuid for s in new_screens))
        _insert_rows(
            models.RedFlagAnswer,
            [
                {"screen": screen_ids[s.uuid], "question": code, "answer": yes}
                for s in new_screens
                for code, yes in s.answers
            ],
        )

        known_notes = _existing(models.JournalNote, (n.uuid for n in contents.notes))
        new_notes = [n for n in contents.notes if n.uuid not in known_notes]
        counts.skipped[NOTES] = len(contents.notes) - len(new_notes)
        counts.added[NOTES] = len(new_notes)
        counts.written["notes"] = [n.uuid for n in new_notes]
        _insert_rows(
            models.JournalNote,
            [
                {
                    "uuid": n.uuid,
                    "written_at": n.written_at,
                    "zone": n.zone,
                    "local_date": n.local_date,
                    "text": n.text,
                }
                for n in new_notes
            ],
        )
    return counts


def existing_session_uuids(uuids: Iterable[str]) -> set[str]:
    """Which of these session UUIDs the journal holds (to check a screen's session link)."""
    return set(_existing(models.ExerciseSession, uuids))


def map_uuids_in_use(uuids: Iterable[str]) -> set[str]:
    """Which of these symptom-map UUIDs belong to an entry of the journal: a check-in, or
    the map of a session. (A map left without its session may be linked again.)"""
    found = _existing(models.SymptomMap, uuids)
    if not found:
        return set()
    ids = list(found.values())
    used: set[int] = set()
    session = models.ExerciseSession
    for batch in chunked(ids, 400):
        for before, after in (
            session.select(session.map_before, session.map_after)
            .where(session.map_before.in_(batch) | session.map_after.in_(batch))
            .tuples()
        ):
            used.update(i for i in (before, after) if i is not None)
        check_ins = models.SymptomMap.select(models.SymptomMap.id).where(
            models.SymptomMap.id.in_(batch) & (models.SymptomMap.context == "check-in")
        )
        used.update(row_id for (row_id,) in check_ins.tuples())
    return {uuid for uuid, row_id in found.items() if row_id in used}
