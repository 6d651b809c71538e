"""Saving sessions with their symptom maps, and reading them back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import partial
from typing import Any

from peewee import fn

from sciatica_journal.domain.body import SymptomMap
from sciatica_journal.domain.doses import DoseMinimums
from sciatica_journal.domain.sessions import (
    NewSession,
    Outcome,
    PainScores,
    PressUpRange,
    SessionEntry,
)
from sciatica_journal.domain.timekeeping import format_utc, local_date, parse_utc
from sciatica_journal.storage import models
from sciatica_journal.storage.codecs import columns_sql, decoded
from sciatica_journal.storage.codes import RANGE, RUNG, codes_of
from sciatica_journal.storage.dose_sql import complete_sql
from sciatica_journal.storage.store import Store, bound
from sciatica_journal.storage.symptom_store import insert_map, new_uuid, symptoms_of

_E = models.ExerciseSession
_ENTRY_FIELDS = (
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
    _E.planned,
    _E.against_advice,
)
_ENTRY_COLUMNS = columns_sql(_ENTRY_FIELDS)


def _entries(rows: Iterable[Sequence[Any]]) -> list[SessionEntry]:
    """Raw rows of ``_ENTRY_COLUMNS`` as entries (the caller is a bound store method)."""
    return [_entry_from_tuple(row) for row in decoded(_ENTRY_FIELDS, rows)]


def _entry_from_tuple(row: tuple[Any, ...]) -> SessionEntry:
    (
        uuid,
        rung,
        started,
        ended,
        zone,
        day,
        back_b,
        leg_b,
        back_a,
        leg_a,
        outcome,
        reps,
        hold,
        rng,
        pelvis,
        stopped,
        note,
        planned,
        against,
    ) = row
    return SessionEntry(
        uuid=uuid,
        rung=rung,
        started_at=parse_utc(started),
        ended_at=parse_utc(ended),
        zone=zone,
        local_date=dt.date.fromisoformat(day),
        pain_before=PainScores(back=back_b, leg=leg_b),
        pain_after=None if back_a is None or leg_a is None else PainScores(back_a, leg_a),
        outcome=Outcome(outcome),
        reps_done=reps,
        hold_seconds=hold,
        range_reached=None if rng is None else PressUpRange(rng),
        pelvis_stayed_down=None if pelvis is None else bool(pelvis),
        stopped_for_pain=bool(stopped),
        note=note,
        planned=planned,
        against_advice=bool(against),
    )


class SessionStore(Store):
    """Sessions with their symptom maps: saved whole, read back as domain entries."""

    @bound
    def insert_session(
        self, session: NewSession, outcome: Outcome, zone: str, now: dt.datetime
    ) -> str:
        """Save a session and both of its maps in one transaction; returns its UUID."""
        with self._db.atomic():
            before = insert_map(
                session.map_before, at=session.started_at, zone=zone, context="before"
            )
            after = None
            if session.map_after is not None:
                after = insert_map(
                    session.map_after, at=session.ended_at, zone=zone, context="after"
                )
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
                range_reached=None
                if session.range_reached is None
                else session.range_reached.value,
                pelvis_stayed_down=session.pelvis_stayed_down,
                stopped_for_pain=session.stopped_for_pain,
                planned=session.planned,
                against_advice=bool(session.against_advice),
                map_before=before.id,
                map_after=None if after is None else after.id,
                note=session.note,
                updated_at=format_utc(now),
            )
        return entry_uuid

    @bound
    def sessions_on(self, day: dt.date) -> list[SessionEntry]:
        rows = self.sql(
            f"SELECT {_ENTRY_COLUMNS} FROM exercise_session WHERE local_date = ? "
            "ORDER BY started_at, id",
            [day.toordinal()],
        )
        return _entries(rows)

    @bound
    def latest_session(self) -> SessionEntry | None:
        rows = self.sql(
            f"SELECT {_ENTRY_COLUMNS} FROM exercise_session "
            "ORDER BY started_at DESC, id DESC LIMIT 1"
        ).fetchall()
        return _entries(rows)[0] if rows else None

    @bound
    def count_sessions(self) -> int:
        count = models.ExerciseSession.select(fn.COUNT(models.ExerciseSession.id)).scalar()
        return int(count or 0)

    @bound
    def recent_with_maps(
        self, limit: int, until: dt.date | None = None
    ) -> list[tuple[SessionEntry, SymptomMap, SymptomMap | None]]:
        """The newest ``limit`` sessions (on local days up to ``until``, if given) with their
        before/after maps, oldest first (two plain queries: the advice is worked out from
        these on every refresh of Today)."""
        where, params = ("WHERE local_date <= ? ", [until.toordinal()]) if until else ("", [])
        rows = self.sql(
            f"SELECT {_ENTRY_COLUMNS}, map_before_id, map_after_id FROM exercise_session "
            f"{where}ORDER BY started_at DESC, id DESC LIMIT ?",
            [*params, limit],
        ).fetchall()
        map_ids = sorted(
            {r[-2] for r in rows if r[-2] is not None} | {r[-1] for r in rows if r[-1] is not None}
        )
        maps: dict[int, SymptomMap] = {}
        if map_ids:
            placeholders = ", ".join("?" for _ in map_ids)
            for map_id, marks in decoded(
                (None, models.SymptomMap.marks),
                self.sql(
                    f"SELECT id, marks FROM symptom_map WHERE id IN ({placeholders})", map_ids
                ),
            ):
                maps[map_id] = symptoms_of(marks)
        out = []
        for row in reversed(rows):
            before_id, after_id = row[-2], row[-1]
            before = maps.get(before_id, SymptomMap())
            after = None if after_id is None else maps.get(after_id, SymptomMap())
            out.append((_entries([row[:-2]])[0], before, after))
        return out

    @bound
    def best_press_up_range(
        self, slugs: tuple[str, ...], minimums: DoseMinimums
    ) -> PressUpRange | None:
        """The furthest range reached with the pelvis down on any press-up rung in a
        complete session (the best candidate is tried first and found early: no full scan
        when it exists)."""
        marks = ", ".join("?" for _ in slugs) or "''"
        codes = codes_of(self._db)
        complete, params = complete_sql(minimums, rung_code=partial(codes.lookup, RUNG))
        rungs = codes.values(RUNG, slugs)
        for candidate in reversed(list(PressUpRange)):
            row = self.sql(
                "SELECT 1 FROM exercise_session WHERE range_reached = ? "
                f"AND pelvis_stayed_down = 1 AND rung IN ({marks}) AND {complete} LIMIT 1",
                [codes.lookup(RANGE, candidate.value), *rungs, *params],
            ).fetchone()
            if row is not None:
                return candidate
        return None

    @bound
    def link_screen(self, screen_uuid: str, session_uuid: str) -> None:
        session = models.ExerciseSession.get(models.ExerciseSession.uuid == session_uuid)
        models.RedFlagScreen.update(session=session.id).where(
            models.RedFlagScreen.uuid == screen_uuid
        ).execute()

    @bound
    def counts_by_day(
        self,
        start: dt.date | None = None,
        end: dt.date | None = None,
        *,
        minimums: DoseMinimums,
    ) -> dict[dt.date, int]:
        """Complete sessions per local day (rule 9: an incomplete one does not count),
        counted in SQL (indexed on local_date; raw rows, since this runs on every refresh
        of Today and the Calendar). A day with only incomplete sessions is left out."""
        codes = codes_of(self._db)
        complete, params = complete_sql(minimums, rung_code=partial(codes.lookup, RUNG))
        sql = f"SELECT local_date, count(*) FROM exercise_session WHERE {complete}"
        if start is not None or end is not None:
            sql += " AND local_date BETWEEN ? AND ?"
            params += [(start or dt.date.min).toordinal(), (end or dt.date.max).toordinal()]
        rows = self.sql(sql + " GROUP BY local_date", params).fetchall()
        return {dt.date.fromordinal(day): int(count) for day, count in rows}

    @bound
    def first_session_date(self) -> dt.date | None:
        (value,) = self.sql("SELECT min(local_date) FROM exercise_session").fetchone()
        return None if value is None else dt.date.fromordinal(value)

    def fingerprint(self) -> tuple[int, int]:
        """(count, highest id) of the sessions: changes whenever one is added or deleted."""
        row = self.sql("SELECT count(*), max(id) FROM exercise_session").fetchone()
        return int(row[0]), int(row[1] or 0)
