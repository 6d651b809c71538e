"""The report's table by day (DESIGN §4, issue 14 point 6): the exercises done each day and
the marks of a day that went badly, for the clinician to find at a glance.

A day is marked when one of its sessions (complete or not) was worse, spread further down
the leg (peripheralized), stopped for pain or chosen against the advice, and when a safety
screening that day was answered "urgent" or "contact the doctor". docs/report.md defines
each mark; the report prints them as symbols (``reports.day_table``), readable in
greyscale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sciatica_journal.domain.red_flags import ScreenResult
from sciatica_journal.domain.sessions import Outcome


class DayMark(StrEnum):
    """In the order the table prints them."""

    WORSE = "worse"  # a session's outcome was worse (pain up, not stopped)
    SPREAD = "spread"  # a session's outcome was peripheralized
    STOPPED = "stopped"  # a session was stopped for pain (its outcome is worse)
    RED_FLAG = "red-flag"  # a screening answered urgent or contact-doctor
    AGAINST_ADVICE = "against-advice"  # a session's exercise was chosen against the advice


@dataclass(frozen=True)
class DaySession:
    """What the table by day needs of one session."""

    local_date: dt.date
    rung: str
    outcome: Outcome
    stopped: bool
    against_advice: bool = False


def session_marks(sessions: Iterable[DaySession]) -> set[DayMark]:
    """The marks a day's sessions give it."""
    marks: set[DayMark] = set()
    for session in sessions:
        if session.stopped:
            marks.add(DayMark.STOPPED)  # counted as worse: the stop says more
        elif session.outcome is Outcome.WORSE:
            marks.add(DayMark.WORSE)
        if session.outcome is Outcome.PERIPHERALIZED:
            marks.add(DayMark.SPREAD)
        if session.against_advice:
            marks.add(DayMark.AGAINST_ADVICE)
    return marks


def day_marks(
    sessions: Iterable[DaySession], screens: Iterable[ScreenResult]
) -> tuple[DayMark, ...]:
    """A day's marks, in the table's order: its sessions' and a red flag's."""
    marks = session_marks(sessions)
    if any(result is not ScreenResult.CLEAR for result in screens):
        marks.add(DayMark.RED_FLAG)
    return tuple(mark for mark in DayMark if mark in marks)


def day_exercises(sessions: Iterable[DaySession], ladder: Sequence[str]) -> tuple[str, ...]:
    """The rungs a day's sessions used, in the ladder's order (rungs no longer in the
    programme after them, by slug)."""
    used = {s.rung for s in sessions}
    known = [slug for slug in ladder if slug in used]
    return (*known, *sorted(used - set(known)))
