"""The launch notice's count: reminder times that passed while the app was away, not
covered by the day's sessions; never at night, after the maximum or on a paused day."""

from __future__ import annotations

import datetime as dt

from sciatica_journal.domain.missed_sessions import DayPlan, missed_sessions, reminder_times

PLAN = DayPlan(target_min=5, target_max=8, waking_start=dt.time(7), waking_end=dt.time(22))
ZONE = "Europe/Berlin"
TUE = dt.date(2026, 11, 24)


def utc(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """``hour`` in Berlin (UTC+1 in November), as a UTC instant."""
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=dt.UTC) - dt.timedelta(
        hours=1
    )


def count(last_seen, now, done=None, paused=()):
    found = missed_sessions(
        last_seen=last_seen,
        now=now,
        zone_name=ZONE,
        plan=PLAN,
        done=done or {},
        paused_days=set(paused),
    )
    return (0, None) if found is None else (found.count, found.since)


def test_reminders_are_spread_over_the_waking_hours():
    times = [t.strftime("%H:%M") for t in reminder_times(TUE, PLAN, ZONE)]
    assert times == ["07:00", "10:00", "13:00", "16:00", "19:00"]


def test_a_day_away_counts_the_reminder_times_that_passed(clock):
    n, since = count(utc(TUE, 15), utc(TUE + dt.timedelta(days=1), 15))
    assert n == 5  # Tue 16:00, 19:00; Wed 07:00, 10:00, 13:00
    assert since.strftime("%a %H:%M") == "Tue 16:00"


def test_never_at_night():
    n, _ = count(utc(TUE, 20), utc(TUE + dt.timedelta(days=1), 6, 30))
    assert n == 0  # nothing due between 20:00 and 06:30


def test_sessions_done_cover_the_earliest_reminders():
    wed = TUE + dt.timedelta(days=1)
    n, since = count(utc(wed, 6), utc(wed, 14), done={wed: 2})
    assert n == 1  # 07:00 and 10:00 were done; 13:00 was missed
    assert since.strftime("%H:%M") == "13:00"


def test_not_after_the_days_maximum_nor_on_a_paused_day():
    wed = TUE + dt.timedelta(days=1)
    assert count(utc(wed, 6), utc(wed, 21), done={wed: 8}) == (0, None)
    assert count(utc(wed, 6), utc(wed, 21), paused={wed}) == (0, None)


def test_a_long_break_counts_the_last_seven_days_only():
    n, since = count(utc(TUE, 23), utc(TUE + dt.timedelta(days=60), 6))
    assert n == 7 * 5
    assert since.date() == TUE + dt.timedelta(days=53)


def test_the_app_just_ran():
    assert count(utc(TUE, 15), utc(TUE, 15)) == (0, None)
