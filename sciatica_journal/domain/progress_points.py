"""What a point of the Progress charts stands for, when it stands for a day or a week of
sessions (issue 16 point 2): the definitions the storage's SQL aggregates follow (a test
checks that both agree on the same sessions).

- a **day** (the user's local date of the sessions): its complete sessions (rule 9); the
  mean of each pain score over the day's sessions that have it; the best press-up range of
  its complete sessions; the distal extent per leg of its last session's after-map
- a **week** (Monday to Sunday): the mean over its days with sessions of each daily mean
  pain score; its best range; the extent of its last session; and its sessions per day —
  the complete sessions ÷ the week's days in the journal (from the first session's day to
  today; a day without sessions counts as 0)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SessionPoint:
    """What the charts take of one session."""

    day: dt.date  # its local date
    started: float  # epoch seconds: orders the day's sessions
    back_before: float | None
    leg_before: float | None
    back_after: float | None
    leg_after: float | None
    range_fraction: float | None  # None unless a complete press-up with the pelvis down
    left_extent: int | None  # of its after-map; None: nothing on that leg, or no map
    right_extent: int | None
    complete: bool


@dataclass(frozen=True)
class DayPoint:
    day: dt.date
    sessions: int  # complete sessions
    back_before: float | None  # means; None: no session of the day has the score
    leg_before: float | None
    back_after: float | None
    leg_after: float | None
    best_range: float | None
    left_extent: int | None  # of the day's last session
    right_extent: int | None


@dataclass(frozen=True)
class WeekPoint:
    monday: dt.date
    first: dt.date  # the week's first and last day in the journal (first session to today)
    last: dt.date
    sessions_per_day: float
    back_before: float | None  # the mean of the daily means
    leg_before: float | None
    back_after: float | None
    leg_after: float | None
    best_range: float | None
    left_extent: int | None  # of the week's last session
    right_extent: int | None


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week."""
    return day - dt.timedelta(days=day.weekday())


def _mean(values: Iterable[float | None]) -> float | None:
    found = [v for v in values if v is not None]
    return sum(found) / len(found) if found else None


def _best(values: Iterable[float | None]) -> float | None:
    return max((v for v in values if v is not None), default=None)


def day_points(sessions: Iterable[SessionPoint]) -> list[DayPoint]:
    """One point per local day that has sessions, oldest first."""
    by_day: dict[dt.date, list[SessionPoint]] = {}
    for session in sorted(sessions, key=lambda s: (s.day, s.started)):
        by_day.setdefault(session.day, []).append(session)
    return [
        DayPoint(
            day=day,
            sessions=sum(s.complete for s in found),
            back_before=_mean(s.back_before for s in found),
            leg_before=_mean(s.leg_before for s in found),
            back_after=_mean(s.back_after for s in found),
            leg_after=_mean(s.leg_after for s in found),
            best_range=_best(s.range_fraction for s in found),
            left_extent=found[-1].left_extent,
            right_extent=found[-1].right_extent,
        )
        for day, found in by_day.items()
    ]


def week_points(days: Sequence[DayPoint], today: dt.date) -> list[WeekPoint]:
    """One point per week that has sessions, oldest first, from the day points (oldest
    first) up to ``today``."""
    if not days:
        return []
    start = days[0].day
    by_week: dict[dt.date, list[DayPoint]] = {}
    for point in days:
        by_week.setdefault(week_start(point.day), []).append(point)
    weeks = []
    for monday, found in by_week.items():
        first = max(monday, start)
        last = max(min(monday + dt.timedelta(days=6), today), found[-1].day)
        weeks.append(
            WeekPoint(
                monday=monday,
                first=first,
                last=last,
                sessions_per_day=sum(p.sessions for p in found) / ((last - first).days + 1),
                back_before=_mean(p.back_before for p in found),
                leg_before=_mean(p.leg_before for p in found),
                back_after=_mean(p.back_after for p in found),
                leg_after=_mean(p.leg_after for p in found),
                best_range=_best(p.best_range for p in found),
                left_extent=found[-1].left_extent,
                right_extent=found[-1].right_extent,
            )
        )
    return weeks
