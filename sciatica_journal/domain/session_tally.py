"""The sessions of a period counted as the summary needs them (``domain.summary``).

The summary's session numbers are all counts, or means of whole scores: sessions per day,
the tally of (rung, outcome, complete), the before scores of the first and last week and
of the whole period, the best range. So a period's sessions are given either one by one
(``SessionFacts``, oldest first) or already counted (``SessionTally``): by day and by kind,
with the first and last session's day and rung. A tally made by the database holds the
same integers as ``tally_sessions`` makes from the sessions one by one, and the means
made from its sums are the same floats (a sum of whole numbers is exact), so both give
the same summary; a test checks it on generated journals.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple

from sciatica_journal.domain.sessions import Outcome, PressUpRange


class SessionFacts(NamedTuple):
    """One session as the summary sees it (a tuple: ten years are 29,000 of them, made
    several times faster than as dataclasses)."""

    local_date: dt.date
    rung: str
    back_before: int
    leg_before: int
    outcome: Outcome
    range_reached: PressUpRange | None
    pelvis_stayed_down: bool | None
    complete: bool = True  # reached the dose's minimum or stopped for pain


class DayTally(NamedTuple):
    """The sessions of one local day."""

    local_date: dt.date
    sessions: int  # every session of the day, complete or not
    complete: int  # those that count (rule 9)
    back_before: int  # the sum of every session's back pain before it
    leg_before: int  # and of the leg pain before it


class KindTally(NamedTuple):
    """The sessions of the period alike in all the summary classes them by."""

    rung: str
    outcome: Outcome
    range_reached: PressUpRange | None
    pelvis_stayed_down: bool | None
    complete: bool
    sessions: int


@dataclass(frozen=True)
class SessionTally:
    """A period's sessions, counted."""

    days: tuple[DayTally, ...]  # one for each day with a session, in any order
    kinds: tuple[KindTally, ...]  # one for each kind of session, in any order
    first_day: dt.date | None  # the local day of the first session (by when it started)
    last_day: dt.date | None  # the local day of the last session
    last_rung: str | None  # the exercise of the last session
    last_complete_rung: str | None  # the exercise of the last session that counts

    @property
    def sessions(self) -> int:
        """Every session, complete or not."""
        return sum(day.sessions for day in self.days)

    @property
    def complete(self) -> int:
        """The sessions that count (rule 9)."""
        return sum(day.complete for day in self.days)

    def complete_per_day(self) -> dict[dt.date, int]:
        """The days with a session that counts, and how many."""
        return {day.local_date: day.complete for day in self.days if day.complete}

    def outcome_tally(self) -> Counter[tuple[str, Outcome, bool]]:
        """(rung, outcome, complete) → sessions (``domain.response_profile.Tally``)."""
        counts: Counter[tuple[str, Outcome, bool]] = Counter()
        for kind in self.kinds:
            counts[kind.rung, kind.outcome, kind.complete] += kind.sessions
        return counts

    def ranges_with_pelvis_down(self) -> set[PressUpRange]:
        """The ranges reached in sessions that count with the pelvis kept down."""
        return {
            kind.range_reached
            for kind in self.kinds
            if kind.complete and kind.pelvis_stayed_down and kind.range_reached is not None
        }

    def score_mean(
        self, attribute: str, first: dt.date | None = None, last: dt.date | None = None
    ) -> float | None:
        """The unrounded mean of every session's before score ``attribute`` ("back_before"
        or "leg_before") on the days from ``first`` to ``last`` (both included, None: no
        bound); None when no session is on them."""
        total = count = 0
        score = attrgetter(attribute)
        for day in self.days:
            if (first is None or day.local_date >= first) and (
                last is None or day.local_date <= last
            ):
                total += score(day)
                count += day.sessions
        return total / count if count else None


def tally_sessions(sessions: Sequence[SessionFacts]) -> SessionTally:
    """The tally of a period's sessions given one by one, oldest first."""
    by_day: dict[dt.date, list[int]] = {}
    for s in sessions:
        day = by_day.get(s.local_date)
        if day is None:
            day = by_day[s.local_date] = [0, 0, 0, 0]
        day[0] += 1
        day[1] += bool(s.complete)
        day[2] += s.back_before
        day[3] += s.leg_before
    kinds = Counter(
        (s.rung, s.outcome, s.range_reached, s.pelvis_stayed_down, bool(s.complete))
        for s in sessions
    )
    return SessionTally(
        days=tuple(DayTally(day, *counts) for day, counts in by_day.items()),
        kinds=tuple(KindTally(*kind, n) for kind, n in kinds.items()),
        first_day=sessions[0].local_date if sessions else None,
        last_day=sessions[-1].local_date if sessions else None,
        last_rung=sessions[-1].rung if sessions else None,
        last_complete_rung=next((s.rung for s in reversed(sessions) if s.complete), None),
    )
