"""Saving sessions with their symptom maps, and reading them back."""

from __future__ import annotations

import datetime as dt

from peewee import fn

from sciatica_journal.domain.body import Mark, SymptomKind, SymptomMap
from sciatica_journal.domain.sessions import (
    NewSession,
    Outcome,
    PainScores,
    PressUpRange,
    SessionEntry,
)
from sciatica_journal.domain.timekeeping import format_utc, local_date, parse_utc
from sciatica_journal.storage import models
from sciatica_journal.storage.symptom_store import insert_map, new_uuid


def insert_session(session: NewSession, outcome: Outcome, zone: str, now: dt.datetime) -> str:
    """Save a session and both of its maps in one transaction; returns its UUID."""
    with models.database.atomic():
        before = insert_map(session.map_before, at=session.started_at, zone=zone, context="before")
        after = None
        if session.map_after is not None:
            after = insert_map(session.map_after, at=session.ended_at, zone=zone, context="after")
        entry_uuid = new_uuid()
        models.ExerciseSession.create(
            uuid=entry_uuid,
            rung=session.rung,
            started_at=format_utc(session.started_at),
            ended_at=format_utc(session.ended_at),
            zone=zone,
            local_date=local_date(session.started_at, zone).isoformat(),
            back_pain_before=session.pain_before.back,
            leg_pain_before=session.pain_before.leg,
            back_pain_after=None if session.pain_after is None else session.pain_after.back,
            leg_pain_after=None if session.pain_after is None else session.pain_after.leg,
            outcome=outcome.value,
            reps_done=session.reps_done,
            hold_seconds=session.hold_seconds,
            range_reached=None if session.range_reached is None else session.range_reached.value,
            pelvis_stayed_down=session.pelvis_stayed_down,
            stopped_for_pain=session.stopped_for_pain,
            map_before=before.id,
            map_after=None if after is None else after.id,
            note=session.note,
            updated_at=format_utc(now),
        )
    return entry_uuid


def _entry(row: models.ExerciseSession) -> SessionEntry:
    after = None
    if row.back_pain_after is not None and row.leg_pain_after is not None:
        after = PainScores(back=row.back_pain_after, leg=row.leg_pain_after)
    return SessionEntry(
        uuid=row.uuid,
        rung=row.rung,
        started_at=parse_utc(row.started_at),
        ended_at=parse_utc(row.ended_at),
        zone=row.zone,
        local_date=dt.date.fromisoformat(row.local_date),
        pain_before=PainScores(back=row.back_pain_before, leg=row.leg_pain_before),
        pain_after=after,
        outcome=Outcome(row.outcome),
        reps_done=row.reps_done,
        hold_seconds=row.hold_seconds,
        range_reached=None if row.range_reached is None else PressUpRange(row.range_reached),
        pelvis_stayed_down=row.pelvis_stayed_down,
        stopped_for_pain=row.stopped_for_pain,
        note=row.note,
    )


def sessions_on(day: dt.date) -> list[SessionEntry]:
    query = (
        models.ExerciseSession.select()
        .where(models.ExerciseSession.local_date == day.isoformat())
        .order_by(models.ExerciseSession.started_at)
    )
    return [_entry(row) for row in query]


def latest_session() -> SessionEntry | None:
    row = models.ExerciseSession.select().order_by(models.ExerciseSession.started_at.desc()).first()
    return None if row is None else _entry(row)


def count_sessions() -> int:
    return int(models.ExerciseSession.select(fn.COUNT(models.ExerciseSession.id)).scalar() or 0)


def recent_with_maps(limit: int) -> list[tuple[SessionEntry, SymptomMap, SymptomMap | None]]:
    """The newest ``limit`` sessions with their before/after maps, oldest first (two queries)."""
    rows = list(
        models.ExerciseSession.select()
        .order_by(models.ExerciseSession.started_at.desc(), models.ExerciseSession.id.desc())
        .limit(limit)
    )
    map_ids = {r.map_before_id for r in rows} | {r.map_after_id for r in rows}
    map_ids.discard(None)
    marks: dict[int, list[Mark]] = {}
    if map_ids:
        query = (
            models.SymptomMark.select()
            .where(models.SymptomMark.symptom_map.in_(list(map_ids)))
            .order_by(models.SymptomMark.id)
        )
        for mark in query:
            marks.setdefault(mark.symptom_map_id, []).append(
                Mark(region=mark.region, kind=SymptomKind(mark.kind), intensity=mark.intensity)
            )
    out = []
    for row in reversed(rows):
        before = SymptomMap(tuple(marks.get(row.map_before_id, ())))
        after = (
            None if row.map_after_id is None else SymptomMap(tuple(marks.get(row.map_after_id, ())))
        )
        out.append((_entry(row), before, after))
    return out


def best_press_up_range(slugs: tuple[str, ...]) -> PressUpRange | None:
    """The furthest range reached with the pelvis down on any press-up rung."""
    reached = {
        row.range_reached
        for row in models.ExerciseSession.select(models.ExerciseSession.range_reached)
        .where(
            models.ExerciseSession.rung.in_(list(slugs)),
            models.ExerciseSession.pelvis_stayed_down == True,  # noqa: E712 - SQL comparison
            models.ExerciseSession.range_reached.is_null(False),
        )
        .distinct()
    }
    for candidate in reversed(list(PressUpRange)):
        if candidate.value in reached:
            return candidate
    return None


def link_screen(screen_uuid: str, session_uuid: str) -> None:
    session = models.ExerciseSession.get(models.ExerciseSession.uuid == session_uuid)
    models.RedFlagScreen.update(session=session.id).where(
        models.RedFlagScreen.uuid == screen_uuid
    ).execute()


def counts_by_day(start: dt.date | None = None, end: dt.date | None = None) -> dict[dt.date, int]:
    """Sessions per local day, counted in SQL (indexed on local_date)."""
    query = models.ExerciseSession.select(
        models.ExerciseSession.local_date, fn.COUNT(models.ExerciseSession.id)
    )
    if start is not None:
        query = query.where(models.ExerciseSession.local_date >= start.isoformat())
    if end is not None:
        query = query.where(models.ExerciseSession.local_date <= end.isoformat())
    rows = query.group_by(models.ExerciseSession.local_date).tuples()
    return {dt.date.fromisoformat(day): int(count) for day, count in rows}


def first_session_date() -> dt.date | None:
    value = models.ExerciseSession.select(fn.MIN(models.ExerciseSession.local_date)).scalar()
    return None if value is None else dt.date.fromisoformat(value)
