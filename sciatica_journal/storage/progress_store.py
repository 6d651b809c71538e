"""The rows behind the Progress charts, aggregated in SQL: one row per session of a short
period (with the distal extent per leg of its after-map, as stored with the map when it
was saved), and one per local day and per week of the whole journal, as
``domain.progress_points`` defines them."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from sciatica_journal.domain.doses import DoseMinimums
from sciatica_journal.storage.codecs import day_number, day_text
from sciatica_journal.storage.codes import OUTCOME, RANGE, RUNG, codes_of
from sciatica_journal.storage.dose_sql import complete_sql
from sciatica_journal.storage.memory import release_memory
from sciatica_journal.storage.store import Store

MAP_ID_ROOM = 2**28
RANGE_FRACTIONS = (("quarter", 0.25), ("half", 0.5), ("three-quarters", 0.75), ("full", 1.0))


class ProgressStore(Store):
    """The rows behind the Progress charts (raw SQL: no model is bound)."""

    def _range_fraction(self) -> tuple[str, list[object]]:
        codes = codes_of(self._db)
        cases = " ".join("WHEN ? THEN ?" for _ in RANGE_FRACTIONS)
        params: list[object] = []
        for name, fraction in RANGE_FRACTIONS:
            params += [codes.lookup(RANGE, name), fraction]
        sql = f"CASE WHEN s.pelvis_stayed_down = 1 THEN CASE s.range_reached {cases} END END"
        return sql, params

    def _sessions_sql(
        self, press_up_rungs: Sequence[str], minimums: DoseMinimums
    ) -> tuple[str, list[object]]:
        """A SELECT of one row per session (local day ``day``, ``at``, the four pain scores,
        ``fr``: the range fraction of a complete press-up or NULL, ``whole``: complete,
        ``press``: a press-up, ``le``/``re``: its after-map's extents) whose local day is
        on or after the day number given as its last parameter."""
        codes = codes_of(self._db)
        marks = ", ".join("?" for _ in press_up_rungs) or "''"
        rungs = codes.values(RUNG, tuple(press_up_rungs))
        complete, complete_params = complete_sql(
            minimums, "s", rung_code=partial(codes.lookup, RUNG)
        )
        fraction, fraction_params = self._range_fraction()
        sql = f"""
            SELECT s.local_date AS day, s.started_at AS at,
                   s.back_pain_before AS bb, s.leg_pain_before AS lb,
                   s.back_pain_after AS ba, s.leg_pain_after AS la,
                   CASE WHEN {complete} THEN {fraction} END AS fr, {complete} AS whole,
                   s.rung IN ({marks}) AS press, m.left_extent AS le, m.right_extent AS re
            FROM exercise_session s LEFT JOIN symptom_map m ON m.id = s.map_after_id
            WHERE s.local_date >= ?
        """
        return sql, [*complete_params, *fraction_params, *complete_params, *rungs]

    def session_rows(
        self,
        press_up_rungs: Sequence[str],
        minimums: DoseMinimums,
        since: str | None = None,
        days: Sequence[str] | None = None,
    ) -> list[tuple[Any, ...]]:
        """(epoch seconds, local date, back before, leg before, back after, leg after,
        range fraction or None, left extent or None, right extent or None, is press-up,
        complete) per session whose local date is ``since`` (an ISO date; None: the first)
        or later, oldest first. The range of an incomplete session (rule 9) is None: it is
        no evidence of progress. The extents are those the after-map was saved with.
        ``days`` (ISO dates): only the sessions of those days (after a change to them)."""
        sessions, params = self._sessions_sql(press_up_rungs, minimums)
        low = 0 if since is None else day_number(since)
        only = ""
        if days is not None:
            only = f"AND s.local_date IN ({', '.join('?' for _ in days) or 'NULL'})"
            params = [*params, low, *map(day_number, days)]
        else:
            params = [*params, low]
        sql = f"""
            SELECT at, day, bb, lb, ba, la, fr, le, re, press, whole FROM ({sessions} {only})
            ORDER BY at
        """
        return [(row[0], day_text(row[1]), *row[2:]) for row in self.sql(sql, params)]

    def release_memory(self) -> None:
        """After reading the whole journal: its cached pages and the freed rows go back."""
        release_memory(self._db)

    def first_day(self) -> int | None:
        """The day number of the journal's first session (None: there is none)."""
        row = self.sql("SELECT min(local_date) FROM exercise_session").fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def day_and_week_rows(
        self,
        minimums: DoseMinimums,
        today: str,
        period: tuple[str, str] | None = None,
        only_weeks: Sequence[int] = (),
        first_day: int | None = None,
    ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        """The whole journal by local day and by week (Monday to Sunday), in one statement,
        as ``domain.progress_points`` defines them, oldest first:

        - per day with sessions: (day number, complete sessions, mean back before, leg
          before, back after, leg after (None: no session has it), best range or None,
          left extent, right extent of the day's last session)
        - per week with sessions: (Monday's day number, the week's first and last day
          number in the journal (from the first session's day to ``today``), complete
          sessions per day, the means of the daily means of the four scores, the best
          range, the left and right extent of the week's last session).

        ``period`` (first, last day: ISO dates) reads only the sessions of those days (a report of
        a year does not read ten); the weeks are then those of that period alone.

        ``only_weeks`` (week numbers: (day number - 1) // 7) reads only the sessions of
        those weeks, with ``first_day`` the day number of the journal's first session: their
        days and weeks are then exactly the whole journal's (after a change to them)."""
        codes = codes_of(self._db)
        complete, complete_params = complete_sql(
            minimums, "s", rung_code=partial(codes.lookup, RUNG)
        )
        fraction, fraction_params = self._range_fraction()
        if only_weeks:
            where = " OR ".join("s.local_date BETWEEN ? AND ?" for _ in only_weeks)
            ranges = [n for week in only_weeks for n in (week * 7 + 1, week * 7 + 7)]
        else:
            where = "s.local_date BETWEEN ? AND ?"
            ranges = [0, 1 << 40] if period is None else list(map(day_number, period))
        # The day's last session's after-map in the same pass: the largest started_at,
        # with the map's id packed below it (ids below 2**28, times below the year 3000).
        sql = f"""
            WITH days AS MATERIALIZED (
                SELECT s.local_date AS day, (s.local_date - 1) / 7 AS week,
                       sum({complete}) AS n,
                       avg(s.back_pain_before) AS bb, avg(s.leg_pain_before) AS lb,
                       avg(s.back_pain_after) AS ba, avg(s.leg_pain_after) AS la,
                       max(CASE WHEN {complete} THEN {fraction} END) AS fr,
                       max(s.started_at * {MAP_ID_ROOM} + coalesce(s.map_after_id, 0))
                           % {MAP_ID_ROOM} AS map_id
                FROM exercise_session s WHERE {where}
                GROUP BY s.local_date
            ),
            weeks AS (
                SELECT week, max(week * 7 + 1, coalesce(?, (SELECT min(day) FROM days)))
                           AS first_day,
                       max(min(week * 7 + 7, ?), max(day)) AS last_day, sum(n) AS n,
                       avg(bb) AS bb, avg(lb) AS lb, avg(ba) AS ba, avg(la) AS la,
                       max(fr) AS fr, max(day * {MAP_ID_ROOM} + map_id) % {MAP_ID_ROOM} AS map_id
                FROM days GROUP BY week
            )
            SELECT 0, d.day, d.n, d.bb, d.lb, d.ba, d.la, d.fr,
                   m.left_extent, m.right_extent, NULL, NULL
            FROM days d LEFT JOIN symptom_map m ON m.id = d.map_id
            UNION ALL
            SELECT 1, w.week * 7 + 1, w.n * 1.0 / (w.last_day - w.first_day + 1),
                   w.bb, w.lb, w.ba, w.la, w.fr, m.left_extent, m.right_extent,
                   w.first_day, w.last_day
            FROM weeks w LEFT JOIN symptom_map m ON m.id = w.map_id
            ORDER BY 1, 2
        """
        params = [
            *complete_params,
            *complete_params,
            *fraction_params,
            *ranges,
            first_day if only_weeks else None,
            day_number(today),
        ]
        days: list[tuple[Any, ...]] = []
        weeks: list[tuple[Any, ...]] = []
        for row in self.sql(sql, params):
            if row[0] == 0:
                days.append(row[1:10])
            else:  # (Monday, first day, last day, sessions per day, ...)
                weeks.append((row[1], row[10], row[11], *row[2:10]))
        return days, weeks

    def response_counts(
        self, start: str | None, end: str, minimums: DoseMinimums
    ) -> list[tuple[str, str, bool, int]]:
        """(rung, outcome, complete, sessions) of the sessions whose local date is from
        ``start`` (None: the first) to ``end`` (ISO dates): what each exercise did."""
        codes = codes_of(self._db)
        complete, params = complete_sql(minimums, "s", rung_code=partial(codes.lookup, RUNG))
        sql = f"""
            SELECT s.rung, s.outcome, {complete}, count(*) FROM exercise_session s
            WHERE s.local_date <= ? AND (? IS NULL OR s.local_date >= ?)
            GROUP BY 1, 2, 3
        """
        low = None if start is None else day_number(start)
        rows = self.sql(sql, [*params, day_number(end), low, low]).fetchall()
        return [
            (codes.name(RUNG, rung), codes.name(OUTCOME, outcome), bool(whole), n)
            for rung, outcome, whole, n in rows
        ]
