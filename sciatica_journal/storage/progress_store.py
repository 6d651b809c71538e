"""The rows behind the Progress charts, aggregated in SQL: one row per session (with the
distal extent per leg of its after-map, as stored with the map when it was saved) and the
number of sessions per local day."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from sciatica_journal.domain.body import Region
from sciatica_journal.domain.doses import DoseMinimums
from sciatica_journal.storage.codecs import day_number, day_text
from sciatica_journal.storage.codes import OUTCOME, RANGE, RUNG, codes_of
from sciatica_journal.storage.dose_sql import complete_sql
from sciatica_journal.storage.store import Store

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

    def session_rows(
        self, regions: Sequence[Region], press_up_rungs: Sequence[str], minimums: DoseMinimums
    ) -> list[tuple[Any, ...]]:
        """(epoch seconds, local date, back before, leg before, back after, leg after,
        range fraction or None, left extent or None, right extent or None, is press-up,
        complete) per session, oldest first. The range of an incomplete session (rule 9) is
        None: it is no evidence of progress. The extents are those the after-map was saved
        with (``regions`` is no longer needed for them: kept for the callers)."""
        del regions
        codes = codes_of(self._db)
        marks = ", ".join("?" for _ in press_up_rungs) or "''"
        rungs = codes.values(RUNG, tuple(press_up_rungs))
        complete, complete_params = complete_sql(
            minimums, "s", rung_code=partial(codes.lookup, RUNG)
        )
        fraction, fraction_params = self._range_fraction()
        sql = f"""
            SELECT s.started_at, s.local_date,
                   s.back_pain_before, s.leg_pain_before, s.back_pain_after, s.leg_pain_after,
                   CASE WHEN {complete} THEN {fraction} END, m.left_extent, m.right_extent,
                   s.rung IN ({marks}), {complete}
            FROM exercise_session s LEFT JOIN symptom_map m ON m.id = s.map_after_id
            ORDER BY s.started_at
        """
        ordered = [*complete_params, *fraction_params, *rungs, *complete_params]
        return [(row[0], day_text(row[1]), *row[2:]) for row in self.sql(sql, ordered).fetchall()]

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
