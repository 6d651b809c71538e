"""The rows behind the Progress charts, aggregated in SQL: one row per session (with the
distal extent per leg of its after-map) and the number of sessions per local day."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sciatica_journal.domain.body import Region
from sciatica_journal.domain.doses import DoseMinimums
from sciatica_journal.storage.dose_sql import complete_sql
from sciatica_journal.storage.store import Store

RANGE_FRACTION = (
    "CASE WHEN s.pelvis_stayed_down = 1 THEN CASE s.range_reached WHEN 'quarter' THEN 0.25 "
    "WHEN 'half' THEN 0.5 WHEN 'three-quarters' THEN 0.75 WHEN 'full' THEN 1.0 END END"
)


class ProgressStore(Store):
    """The rows behind the Progress charts (raw SQL: no model is bound)."""

    def session_rows(
        self, regions: Sequence[Region], press_up_rungs: Sequence[str], minimums: DoseMinimums
    ) -> list[tuple[Any, ...]]:
        """(epoch seconds, local date, back before, leg before, back after, leg after,
        range fraction or None, left extent or None, right extent or None, is press-up,
        complete) per session, oldest first. The range of an incomplete session (rule 9) is
        None: it is no evidence of progress."""
        params: list[object] = []
        extents = []  # the furthest level per leg of the after-map, through its marks' index
        for side in ("left", "right"):
            codes = [r for r in regions if r.side == side]
            cases = " ".join("WHEN ? THEN ?" for _ in codes)
            extents.append(
                f"(SELECT max(CASE k.region {cases} END) FROM symptom_mark k"
                " WHERE k.symptom_map_id = s.map_after_id)"
            )
            for region in codes:
                params += [region.code, region.level]
        marks = ", ".join("?" for _ in press_up_rungs) or "''"
        complete, complete_params = complete_sql(minimums, "s")
        left, right = extents
        sql = f"""
            SELECT CAST(strftime('%s', s.started_at) AS INTEGER), s.local_date,
                   s.back_pain_before, s.leg_pain_before, s.back_pain_after, s.leg_pain_after,
                   CASE WHEN {complete} THEN {RANGE_FRACTION} END, {left}, {right},
                   s.rung IN ({marks}), {complete}
            FROM exercise_session s
            ORDER BY s.started_at
        """
        ordered = [*complete_params, *params, *press_up_rungs, *complete_params]
        return list(self.sql(sql, ordered).fetchall())

    def response_counts(
        self, start: str | None, end: str, minimums: DoseMinimums
    ) -> list[tuple[str, str, bool, int]]:
        """(rung, outcome, complete, sessions) of the sessions whose local date is from
        ``start`` (None: the first) to ``end`` (ISO dates): what each exercise did."""
        complete, params = complete_sql(minimums, "s")
        sql = f"""
            SELECT s.rung, s.outcome, {complete}, count(*) FROM exercise_session s
            WHERE s.local_date <= ? AND (? IS NULL OR s.local_date >= ?)
            GROUP BY 1, 2, 3
        """
        rows = self.sql(sql, [*params, end, start, start]).fetchall()
        return [(rung, outcome, bool(whole), n) for rung, outcome, whole, n in rows]
