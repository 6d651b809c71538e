"""The counts made in SQL (the day's sessions, Progress, the best range) judge a session
complete exactly as ``domain.doses`` does."""

from __future__ import annotations

import sqlite3

from hypothesis import given
from hypothesis import strategies as st

from sciatica_journal.domain.doses import dose_minimums, reached
from sciatica_journal.services.program_loader import load_program
from sciatica_journal.storage.dose_sql import complete_sql

PROGRAM = load_program()
MINIMUMS = dose_minimums(PROGRAM)
DB = sqlite3.connect(":memory:")
EXPRESSION, PARAMS = complete_sql(MINIMUMS, "s")
SQL = (
    f"SELECT {EXPRESSION} FROM "
    "(SELECT ? AS rung, ? AS reps_done, ? AS hold_seconds, ? AS stopped_for_pain) s"
)


def _complete_in_sql(rung: str, reps: int | None, hold: int | None, stopped: bool) -> bool:
    # The expression's parameters come first in the text, then the row's values.
    (value,) = DB.execute(SQL, [*PARAMS, rung, reps, hold, int(stopped)]).fetchone()
    return bool(value)


@given(
    rung=st.sampled_from([*MINIMUMS, "a-rung-no-longer-there"]),
    reps=st.none() | st.integers(0, 100),
    hold=st.none() | st.integers(0, 3600),
    stopped=st.booleans(),
)
def test_sql_and_the_domain_agree(rung, reps, hold, stopped):
    expected = reached(MINIMUMS.get(rung), reps, hold, stopped)
    assert _complete_in_sql(rung, reps, hold, stopped) == expected


def test_the_edges_of_the_minimum():
    assert not _complete_in_sql("baby-press-up", 4, None, False)
    assert _complete_in_sql("baby-press-up", 5, None, False)
    assert _complete_in_sql("baby-press-up", 2, None, True)
    assert not _complete_in_sql("prone-lying", None, 29, False)
    assert _complete_in_sql("prone-lying", None, 30, False)
    assert _complete_in_sql("prone-lying", None, None, False)
