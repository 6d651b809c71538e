"""How often the exercises are done (DESIGN §3 Today/Progress, §4): sessions per local day,
days meeting the target, streaks, adherence, and when the next session is due.

Days are the user's local calendar days (each session keeps the local date it was done
on, so DST changes and travel count correctly)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sciatica_journal.domain import rounding
from sciatica_journal.domain.language import _, clock_time, n_


def sessions_per_day(local_dates: Iterable[dt.date]) -> dict[dt.date, int]:
    return dict(Counter(local_dates))


def period_days(start: dt.date, end: dt.date, today: dt.date) -> list[dt.date]:
    """Calendar days from ``start`` to ``end`` inclusive, ``end`` capped at today."""
    end = min(end, today)
    if end < start:
        return []
    return list(map(dt.date.fromordinal, range(start.toordinal(), end.toordinal() + 1)))


def adherence_pct(
    counts: Mapping[dt.date, int], start: dt.date, end: dt.date, target_min: int, today: dt.date
) -> float | None:
    """Days with at least ``target_min`` sessions ÷ days in the period × 100, to 1 decimal.
    None for an empty period."""
    days = period_days(start, end, today)
    if not days:
        return None
    met = sum(1 for day in days if counts.get(day, 0) >= target_min)
    return rounding.percent(met / len(days) * 100)


@dataclass(frozen=True)
class RecentAdherence:
    """Of the days counted, how many met the daily minimum."""

    met: int
    days: int

    @property
    def percent(self) -> float | None:
        return None if not self.days else rounding.percent(self.met / self.days * 100)


def recent_adherence(
    counts: Mapping[dt.date, int],
    today: dt.date,
    window: int,
    target_min: int,
    began: dt.date | None = None,
) -> RecentAdherence:
    """The last ``window`` days as far as the journal goes back (to the day it was set up,
    ``began``, or its first session if earlier): every whole day before today, and today
    once its minimum is met (until then the day is not over). A journal begun today has
    no full day yet (``days`` 0)."""
    first = min((day for day, n in counts.items() if n > 0), default=None)
    if began is not None:
        first = began if first is None else min(first, began)
    if first is None:
        return RecentAdherence(0, 0)
    start = max(first, today - dt.timedelta(days=window - 1))
    met = days = 0
    day = start
    while day < today:
        days += 1
        met += counts.get(day, 0) >= target_min
        day += dt.timedelta(days=1)
    if counts.get(today, 0) >= target_min:
        days += 1
        met += 1
    return RecentAdherence(met, days)


@dataclass(frozen=True)
class Streaks:
    """The current and the longest run of days meeting the daily minimum."""

    current: int
    longest: int


def streaks(counts: Mapping[dt.date, int], target_min: int, today: dt.date) -> Streaks:
    """Runs of consecutive days meeting the minimum. Today counts once it is met; until then
    the current streak is the one that ended yesterday (the day is not over)."""
    met = sorted(day.toordinal() for day, n in counts.items() if n >= target_min and day <= today)
    longest = run = 0
    previous = None
    for day in met:  # whole numbers: fast over ten years of days
        run = run + 1 if previous is not None and day - previous == 1 else 1
        longest = max(longest, run)
        previous = day
    current = 0
    day = today.toordinal() if counts.get(today, 0) >= target_min else today.toordinal() - 1
    met_set = set(met)
    while day in met_set:
        current += 1
        day -= 1
    return Streaks(current=current, longest=longest)


@dataclass(frozen=True)
class NextDue:
    """When the next session is due today, and how to say it."""

    at: dt.datetime | None  # aware, the user's zone; None: nothing more today
    text: str


def next_due(
    *,
    now: dt.datetime,
    done_today: int,
    target_min: int,
    target_max: int,
    waking_start: dt.time,
    waking_end: dt.time,
    last_session: dt.datetime | None,
) -> NextDue:
    """When the next session is due: the sessions still to do today (up to the minimum, then
    up to the maximum) spread evenly over what is left of the waking hours.

    ``now`` and ``last_session`` are aware datetimes in the user's zone."""
    tz = now.tzinfo
    assert tz is not None
    today = now.date()
    wake = dt.datetime.combine(today, waking_start, tz)
    sleep = dt.datetime.combine(today, waking_end, tz)
    tomorrow = dt.datetime.combine(today + dt.timedelta(days=1), waking_start, tz)
    if done_today >= target_max:
        done = n_(
            "Done for today: the {n} planned are complete.",
            "Done for today: the {n} planned are complete.",
            target_max,
        )
        return NextDue(None, done.format(n=target_max))
    if now >= sleep:
        return NextDue(tomorrow, _("Tomorrow from {time}.").format(time=clock_time(waking_start)))
    if now < wake:
        return NextDue(wake, _("At {time}.").format(time=clock_time(waking_start)))
    goal = target_min if done_today < target_min else target_max
    remaining = goal - done_today
    if last_session is None or last_session < wake:
        due = max(now, wake)  # nothing yet today: now
    else:
        # Spread what is left evenly between the last session and bedtime, leaving as much
        # time after the last one: the answer stays put as the clock moves on.
        due = last_session + (sleep - last_session) / (remaining + 1)
    due = min(due, sleep)
    if due <= now:
        return NextDue(now, _("Now."))
    return NextDue(due, _("At {time}.").format(time=clock_time(due)))


def should_remind(
    *,
    enabled: bool,
    now: dt.datetime,
    due: NextDue,
    snoozed_until: dt.datetime | None,
    last_reminded: dt.datetime | None,
    repeat_after: dt.timedelta = dt.timedelta(hours=1),
    paused: bool = False,
) -> bool:
    """A reminder when one is wanted, a session is due by now (so never after the day's
    maximum nor outside the waking hours), and it is not snoozed; without a snooze, not
    again within ``repeat_after`` of the last one."""
    if not enabled or paused or due.at is None or due.at > now:
        return False
    if snoozed_until is not None:
        return now >= snoozed_until  # a snooze ends with a reminder
    return last_reminded is None or now - last_reminded >= repeat_after
