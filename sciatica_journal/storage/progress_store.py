"""The rows behind the Progress charts, aggregated in SQL: one row per session (with the
distal extent per leg of its after-map) and the number of sessions per local day."""

from __future__ import annotations

from collections.abc import Sequence

from sciatica_journal.domain.body import Region
from sciatica_journal.storage import models

RANGE_FRACTION = (
    "CASE WHEN s.pelvis_stayed_down = 1 THEN CASE s.range_reached WHEN 'quarter' THEN 0.25 "
    "WHEN 'half' THEN 0.5 WHEN 'three-quarters' THEN 0.75 WHEN 'full' THEN 1.0 END END"
)


def session_rows(regions: Sequence[Region], press_up_rungs: Sequence[str]) -> list[tuple]:
    """(epoch seconds, local date, back before, leg before, back after, leg after,
    range fraction or None, left extent or None, right extent or None, is press-up) per
    session, oldest first."""
    params: list[object] = []
    extent_columns = []
    for side in ("left", "right"):
        codes = [r for r in regions if r.side == side]
        cases = " ".join("WHEN ? THEN ?" for _ in codes)
        extent_columns.append(f"max(CASE k.region {cases} END)")
        for region in codes:
            params += [region.code, region.level]
    marks = ", ".join("?" for _ in press_up_rungs) or "''"
    sql = f"""
        WITH ext AS (
            SELECT k.symptom_map_id AS map_id, {extent_columns[0]} AS l, {extent_columns[1]} AS r
            FROM symptom_mark k GROUP BY k.symptom_map_id
        )
        SELECT CAST(strftime('%s', s.started_at) AS INTEGER), s.local_date,
               s.back_pain_before, s.leg_pain_before, s.back_pain_after, s.leg_pain_after,
               {RANGE_FRACTION}, e.l, e.r, s.rung IN ({marks})
        FROM exercise_session s LEFT JOIN ext e ON e.map_id = s.map_after_id
        ORDER BY s.started_at
    """
    return list(models.database.execute_sql(sql, [*params, *press_up_rungs]).fetchall())
