"""The rows a report needs for a period: sessions (oldest first), the first and latest maps,
red-flag screens, notes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import TypeVar

from sciatica_journal.domain.body import SymptomMap
from sciatica_journal.domain.day_marks import DaySession
from sciatica_journal.domain.doses import DoseMinimums, reached
from sciatica_journal.domain.red_flags import ScreenResult
from sciatica_journal.domain.session_tally import DayTally, KindTally, SessionFacts, SessionTally
from sciatica_journal.domain.sessions import Outcome, PressUpRange
from sciatica_journal.domain.summary import ScreenFacts
from sciatica_journal.domain.timekeeping import zone
from sciatica_journal.storage import models
from sciatica_journal.storage.codecs import day_number
from sciatica_journal.storage.codes import (
    OUTCOME,
    QUESTION,
    RANGE,
    RESULT,
    RUNG,
    ZONE,
    CodeError,
    Codes,
    codes_of,
)
from sciatica_journal.storage.dose_sql import complete_sql
from sciatica_journal.storage.sql import tuples
from sciatica_journal.storage.store import Store, bound
from sciatica_journal.storage.symptom_store import load_map

T = TypeVar("T")


class ReportStore(Store):
    """What a report or a summary of a period is made of."""

    def session_facts(
        self, start: dt.date, end: dt.date, minimums: DoseMinimums
    ) -> list[SessionFacts]:
        """Every session of the period, oldest first, each judged complete or not against
        ``minimums`` (rule 9). Plain SQL: ten years are 29,000 rows, and decoding them
        through the models' fields took ten times as long as reading them."""
        codes = codes_of(self._db)
        complete, params = complete_sql(minimums, "s", rung_code=partial(codes.lookup, RUNG))
        rows = self.sql(
            f"""SELECT s.local_date, s.back_pain_before, s.leg_pain_before, {_KIND.format(complete)}
                FROM exercise_session s
                WHERE s.local_date BETWEEN ? AND ?
                ORDER BY s.started_at, s.id""",
            [*params, day_number(start.isoformat()), day_number(end.isoformat())],
        )
        day = _Memo(dt.date.fromordinal)
        kinds = _Memo(partial(_unpack_kind, _Names(codes)))
        # Made as the tuples they are (``SessionFacts._make`` without its Python call: every
        # field is given, in its order).
        make = tuple.__new__
        return [
            make(SessionFacts, (day[local_day], rung, back, leg, outcome, rng, pelvis, done))
            for local_day, back, leg, kind in rows
            for rung, outcome, rng, pelvis, done in (kinds[kind],)
        ]

    def session_tally(self, start: dt.date, end: dt.date, minimums: DoseMinimums) -> SessionTally:
        """The sessions of the period counted (``domain.session_tally``): what
        ``tally_sessions(session_facts(...))`` makes, counted by SQLite (ten years: 3,650
        days and about 120 kinds instead of 29,000 rows). Its queries read one state of
        the journal (a window may save meanwhile): one transaction that only reads."""
        with self._db.atomic("DEFERRED"):
            return self._session_tally(start, end, minimums)

    def _session_tally(self, start: dt.date, end: dt.date, minimums: DoseMinimums) -> SessionTally:
        codes = codes_of(self._db)
        names = _Names(codes)
        complete, params = complete_sql(minimums, "s", rung_code=partial(codes.lookup, RUNG))
        period = [day_number(start.isoformat()), day_number(end.isoformat())]
        fromordinal = dt.date.fromordinal
        rows = self.sql(
            f"""SELECT s.local_date, count(*), sum({complete}), sum(s.back_pain_before),
                       sum(s.leg_pain_before), min(s.started_at), max(s.started_at)
                FROM exercise_session s WHERE s.local_date BETWEEN ? AND ?
                GROUP BY s.local_date""",
            [*params, *period],
        ).fetchall()
        days = tuple(
            DayTally(fromordinal(local_day), sessions, done, back, leg)
            for local_day, sessions, done, back, leg, *_times in rows
        )
        kinds = tuple(
            KindTally(*_unpack_kind(names, kind), sessions)
            for kind, sessions in self.sql(
                f"""SELECT {_KIND.format(complete)} AS kind, count(*)
                    FROM exercise_session s WHERE s.local_date BETWEEN ? AND ?
                    GROUP BY kind""",
                [*params, *period],
            )
        )
        # The first and the last session (of those begun in the same second: the first
        # and the last recorded), and the last that counts: found by when they began.
        first_day = last_day = last_rung = last_complete_rung = None
        if rows:
            first_at = min(row[5] for row in rows)
            last_at = max(row[6] for row in rows)
            at = "WHERE s.started_at = ? AND s.local_date BETWEEN ? AND ?"
            first_day = self.sql(
                f"SELECT s.local_date FROM exercise_session s {at} ORDER BY s.id LIMIT 1",
                [first_at, *period],
            ).fetchone()[0]
            last_day, last_rung = self.sql(
                f"SELECT s.local_date, s.rung FROM exercise_session s {at} "
                "ORDER BY s.id DESC LIMIT 1",
                [last_at, *period],
            ).fetchone()
            # Back from the last by the index of start times (``+``: not by the days'),
            # which is in the order wanted: the last that counts is usually the last.
            found = self.sql(
                f"""SELECT s.rung FROM exercise_session s
                    WHERE s.started_at BETWEEN ? AND ? AND +s.local_date BETWEEN ? AND ?
                    AND {complete} ORDER BY s.started_at DESC, s.id DESC LIMIT 1""",
                [first_at, last_at, *period, *params],
            ).fetchone()
            last_complete_rung = None if found is None else found[0]
        return SessionTally(
            days=days,
            kinds=kinds,
            first_day=None if first_day is None else fromordinal(first_day),
            last_day=None if last_day is None else fromordinal(last_day),
            last_rung=None if last_rung is None else names.of(RUNG, last_rung),
            last_complete_rung=None
            if last_complete_rung is None
            else names.of(RUNG, last_complete_rung),
        )

    @bound
    def short_sessions(
        self, start: dt.date, end: dt.date, minimums: DoseMinimums
    ) -> list[tuple[str, str, str, int | None, int | None, int | None]]:
        """The incomplete sessions of the period, oldest first: (UTC start, zone, rung,
        reps done, seconds held, planned) each."""
        s = models.ExerciseSession
        rows = tuples(
            s.select(
                s.started_at,
                s.zone,
                s.rung,
                s.reps_done,
                s.hold_seconds,
                s.planned,
                s.stopped_for_pain,
            )
            .where(s.local_date.between(start.isoformat(), end.isoformat()))
            .order_by(s.started_at)
        )
        return [
            (started, zone, rung, reps, hold, planned)
            for started, zone, rung, reps, hold, planned, stopped in rows
            if not reached(minimums.get(rung), reps, hold, bool(stopped))
        ]

    @bound
    def day_sessions(self, start: dt.date, end: dt.date) -> list[DaySession]:
        """Every session of the period, oldest first, as the table by day needs it."""
        s = models.ExerciseSession
        rows = tuples(
            s.select(s.local_date, s.rung, s.outcome, s.stopped_for_pain, s.against_advice)
            .where(s.local_date.between(start.isoformat(), end.isoformat()))
            .order_by(s.started_at)
        )
        return [
            DaySession(
                dt.date.fromisoformat(day), rung, Outcome(outcome), bool(stopped), bool(against)
            )
            for day, rung, outcome, stopped, against in rows
        ]

    @bound
    def against_advice_sessions(self, start: dt.date, end: dt.date) -> list[tuple[str, str, str]]:
        """The sessions of the period chosen against the advice, oldest first: (UTC start,
        zone, rung) each."""
        s = models.ExerciseSession
        return list(
            tuples(
                s.select(s.started_at, s.zone, s.rung)
                .where(
                    s.local_date.between(start.isoformat(), end.isoformat())
                    & (s.against_advice == True)  # noqa: E712 (peewee builds the SQL)
                )
                .order_by(s.started_at)
            )
        )

    @bound
    def edge_maps(
        self, start: dt.date, end: dt.date
    ) -> tuple[tuple[dt.datetime, SymptomMap] | None, tuple[dt.datetime, SymptomMap] | None]:
        """The earliest and the latest symptom map recorded in the period (the lowest id of
        those recorded at the same second first, the highest last), with their times. Two
        passes over the maps that keep no row (ten years hold 58,000 maps, without an index
        by time: sorting them, even for one, took twice as long)."""
        period = [day_number(start.isoformat()), day_number(end.isoformat())]
        first_at, latest_at = self.sql(
            "SELECT min(recorded_at), max(recorded_at) FROM symptom_map "
            "WHERE local_date BETWEEN ? AND ?",
            period,
        ).fetchone()
        if first_at is None:
            return None, None
        first_id, latest_id = self.sql(
            "SELECT min(CASE WHEN recorded_at = ? THEN id END), "
            "max(CASE WHEN recorded_at = ? THEN id END) FROM symptom_map "
            "WHERE local_date BETWEEN ? AND ?",
            [first_at, latest_at, *period],
        ).fetchone()

        def load(at: int, map_id: int) -> tuple[dt.datetime, SymptomMap]:
            return dt.datetime.fromtimestamp(at, dt.UTC), load_map(map_id)

        return load(first_at, first_id), load(latest_at, latest_id)

    def screen_facts(self, start: dt.date, end: dt.date) -> list[ScreenFacts]:
        """Every red-flag screening of the period, oldest first, with when it was answered
        (in the zone it was answered in) and the questions answered "yes". Plain SQL, as
        ``session_facts``: ten years hold a daily screening, 3,700 rows."""
        names = _Names(codes_of(self._db))
        period = [day_number(start.isoformat()), day_number(end.isoformat())]
        rows = self.sql(
            """SELECT id, local_date, result, answered_at, zone FROM red_flag_screen
               WHERE local_date BETWEEN ? AND ? ORDER BY answered_at, id""",
            period,
        ).fetchall()
        yes: dict[int, list[str]] = {}
        for screen_id, question in self.sql(
            """SELECT a.screen_id, a.question FROM red_flag_answer a
               WHERE a.answer = 1 AND a.screen_id IN
                   (SELECT id FROM red_flag_screen WHERE local_date BETWEEN ? AND ?)
               ORDER BY a.id""",
            period,
        ):
            yes.setdefault(screen_id, []).append(names.of(QUESTION, question))
        day = _Memo(dt.date.fromordinal)
        result_of = _Memo(lambda code: ScreenResult(names.of(RESULT, code)))
        # The time in the zone it was answered in (domain.timekeeping.local_time, in one
        # step: the zone converts the UTC instant itself).
        zone_of = _Memo(lambda code: zone(names.of(ZONE, code)))
        fromtimestamp, no = dt.datetime.fromtimestamp, ()
        make = tuple.__new__  # (``ScreenFacts._make`` without its Python call)
        return [
            make(
                ScreenFacts,
                (
                    day[local_day],
                    result_of[result],
                    fromtimestamp(answered_at, zone_of[zone_code]),
                    tuple(yes[screen_id]) if screen_id in yes else no,
                ),
            )
            for screen_id, local_day, result, answered_at, zone_code in rows
        ]

    @bound
    def notes(self, start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
        """Session notes and free notes in the period, oldest first."""
        s, n = models.ExerciseSession, models.JournalNote
        period = (start.isoformat(), end.isoformat())
        found = tuples(
            s.select(s.started_at, s.local_date, s.note).where(
                s.local_date.between(*period), s.note != ""
            )
        )
        found += tuples(
            n.select(n.written_at, n.local_date, n.text).where(n.local_date.between(*period))
        )
        found.sort()
        return [(dt.date.fromisoformat(day), text) for _, day, text in found]


# What a session is classed by (rung, outcome, range, pelvis down, complete) packed by
# SQLite into one integer: four values a row instead of eight (ten years, 29,000 rows,
# are read in two thirds of the time), each combination unpacked once (``_unpack_kind``;
# ten years hold about 120). A code has _CODE_BITS bits: codes are small numbers given one
# by one (codes.py), so a larger one is damage, and the row's kind is NULL (CodeError).
_CODE_BITS = 20
_CODE_MASK = (1 << _CODE_BITS) - 1
_KIND = (
    f"CASE WHEN s.rung BETWEEN 0 AND {_CODE_MASK} AND s.outcome BETWEEN 0 AND {_CODE_MASK} "
    f"AND coalesce(s.range_reached, 0) BETWEEN 0 AND {_CODE_MASK - 1} THEN "
    f"((((s.rung << {_CODE_BITS}) | s.outcome) << {_CODE_BITS} "
    f"| coalesce(s.range_reached + 1, 0)) << 2 "
    "| CASE WHEN s.pelvis_stayed_down IS NULL THEN 0 WHEN s.pelvis_stayed_down THEN 2 ELSE 1 END) "
    "<< 1 | CASE WHEN {0} THEN 1 ELSE 0 END END"
)
_PELVIS = (None, False, True)


def _unpack_kind(
    names: _Names, kind: int | None
) -> tuple[str, Outcome, PressUpRange | None, bool | None, bool]:
    """(rung, outcome, range reached, pelvis stayed down, complete) from a row's kind."""
    if kind is None:
        raise CodeError("the journal has a session with a code out of range")
    done = bool(kind & 1)
    pelvis = _PELVIS[(kind >> 1) & 3]
    kind >>= 3
    rng, outcome, rung = (
        kind & _CODE_MASK,
        (kind >> _CODE_BITS) & _CODE_MASK,
        kind >> 2 * _CODE_BITS,
    )
    return (
        names.of(RUNG, rung),
        Outcome(names.of(OUTCOME, outcome)),
        None if rng == 0 else PressUpRange(names.of(RANGE, rng - 1)),
        pelvis,
        done,
    )


class _Names:
    """The journal's codes of a query's rows turned back into names, each code looked up
    once."""

    def __init__(self, codes: Codes) -> None:
        self._codes = codes
        self._seen: dict[tuple[str, int], str] = {}

    def of(self, category: str, value: int) -> str:
        key = (category, value)
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = self._codes.name(category, value)
        return found


class _Memo(dict[int, T]):
    """A function of a code, each code computed once: ``memo[code]`` (a plain dict lookup
    once it is known)."""

    def __init__(self, compute: Callable[[int], T]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, code: int) -> T:
        found = self[code] = self._compute(code)
        return found
