"""Sessions missed while the app was not running (DESIGN §3, reminders): what the launch
notice "You missed N sessions since …" counts.

Each day's reminders fall at the day's minimum number of sessions spread evenly over the
waking hours, the first when the waking hours begin (as ``frequency.next_due`` spreads
them). A reminder time that passed while the app was not running, and that the sessions
done that day do not cover, is a missed session. Never counted: a time outside the
waking hours (there is none), a day whose maximum was done, a day paused by an urgent
safety answer. Only the last ``LOOKBACK_DAYS`` days are looked at: after a long break
the notice says what is recent, not a discouraging total."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from sciatica_journal.domain.language import clock_time, n_, weekday_day_month
from sciatica_journal.domain.timekeeping import zone

LOOKBACK_DAYS = 7


@dataclass(frozen=True)
class DayPlan:
    """What one day asks for: the band and the waking hours (the profile's)."""

    target_min: int
    target_max: int
    waking_start: dt.time
    waking_end: dt.time


@dataclass(frozen=True)
class MissedSessions:
    count: int
    since: dt.datetime  # the first missed reminder time, in the user's zone

    def text(self, today: dt.date) -> str:
        """The launch notice, in the language spoken."""
        when = clock_time(self.since)
        if self.since.date() == today:
            said = n_(
                "You missed {n} session since {time} today.",
                "You missed {n} sessions since {time} today.",
                self.count,
            )
            return said.format(n=self.count, time=when)
        said = n_(
            "You missed {n} session since {day}, {time}.",
            "You missed {n} sessions since {day}, {time}.",
            self.count,
        )
        return said.format(n=self.count, day=weekday_day_month(self.since.date()), time=when)


def reminder_times(day: dt.date, plan: DayPlan, zone_name: str) -> list[dt.datetime]:
    """The day's reminder times (aware, the user's zone): the minimum number of sessions
    spread evenly over the waking hours, the first when they begin."""
    tz = zone(zone_name)
    wake = dt.datetime.combine(day, plan.waking_start, tz)
    sleep = dt.datetime.combine(day, plan.waking_end, tz)
    count = max(plan.target_min, 0)
    if sleep <= wake or count == 0:
        return []
    step = (sleep - wake) / count
    return [wake + step * i for i in range(count)]


def missed_sessions(
    *,
    last_seen: dt.datetime,
    now: dt.datetime,
    zone_name: str,
    plan: DayPlan,
    done: Mapping[dt.date, int],
    paused_days: Collection[dt.date],
) -> MissedSessions | None:
    """The sessions missed between ``last_seen`` (when the app last ran with reminders on)
    and ``now`` (UTC instants), and the first missed reminder time; None when none was.

    ``done``: sessions per local day; ``paused_days``: days with an urgent safety answer."""
    tz = zone(zone_name)
    start = max(last_seen, now - dt.timedelta(days=LOOKBACK_DAYS))
    if now <= start:
        return None
    first_day = start.astimezone(tz).date()
    last_day = now.astimezone(tz).date()
    count = 0
    since: dt.datetime | None = None
    day = first_day
    while day <= last_day:
        done_today = done.get(day, 0)
        if day not in paused_days and done_today < plan.target_max:
            times = [t.astimezone(dt.UTC) for t in reminder_times(day, plan, zone_name)]
            due_by_now = sum(1 for t in times if t <= now)
            first_in_gap = sum(1 for t in times if t <= start)
            # The day's sessions cover its earliest reminders; the rest up to now are missed
            # if they fell while the app was away.
            first_missed = max(first_in_gap, done_today)
            if due_by_now > first_missed:
                count += due_by_now - first_missed
                if since is None:
                    since = times[first_missed].astimezone(tz)
        day += dt.timedelta(days=1)
    if count == 0 or since is None:
        return None
    return MissedSessions(count, since)
