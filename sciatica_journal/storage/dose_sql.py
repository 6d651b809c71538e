"""Rule 9 (``domain.doses``) in SQL, for the counts made in the database (sessions per day,
the Progress rows, the best range): the same test as ``domain.doses.reached``, built from
the programme's minimums on every call (a store keeps no state). A test checks that both
agree on every case."""

from __future__ import annotations

from collections.abc import Callable

from sciatica_journal.domain.doses import REPS, DoseMinimums


def _as_is(slug: str) -> object:
    return slug


def complete_sql(
    minimums: DoseMinimums, table: str = "", rung_code: Callable[[str], object] = _as_is
) -> tuple[str, list[object]]:
    """A boolean SQL expression, true for a complete session of ``exercise_session``
    (``table`` is its alias, e.g. "s"), and the parameters it takes. ``rung_code``: how the
    table keeps a rung (the journal's code of it, ``codes.py``)."""
    prefix = f"{table}." if table else ""
    if not minimums:
        return "1", []
    cases = []
    params: list[object] = []
    for slug, minimum in minimums.items():
        column = "reps_done" if minimum.kind == REPS else "hold_seconds"
        # A count or time not recorded (NULL) is complete, as in journals before rule 9.
        cases.append(f"WHEN ? THEN coalesce({prefix}{column} >= ?, 1)")
        params += [rung_code(slug), minimum.minimum]
    expression = f"({prefix}stopped_for_pain = 1 OR CASE {prefix}rung {' '.join(cases)} ELSE 1 END)"
    return expression, params
