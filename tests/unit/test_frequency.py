"""Frequency: local days across DST and midnight, the band, streaks, adherence, next due."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciatica_journal.domain.frequency import (
    RecentAdherence,
    adherence_pct,
    next_due,
    period_days,
    sessions_per_day,
    streaks,
)
from sciatica_journal.domain.timekeeping import local_date
from tests.builders import new_session
from tests.conftest import NOW

BERLIN = "Europe/Berlin"
D = dt.date


@pytest.mark.parametrize(
    ("utc", "expected"),
    [
        # DST forward, 29 March 2026: 01:59 UTC is 03:59 CEST, still the 29th.
        (dt.datetime(2026, 3, 28, 22, 59, tzinfo=dt.UTC), D(2026, 3, 28)),  # 23:59 CET
        (dt.datetime(2026, 3, 28, 23, 0, tzinfo=dt.UTC), D(2026, 3, 29)),  # 00:00 CET
        (dt.datetime(2026, 3, 29, 21, 59, tzinfo=dt.UTC), D(2026, 3, 29)),  # 23:59 CEST
        (dt.datetime(2026, 3, 29, 22, 0, tzinfo=dt.UTC), D(2026, 3, 30)),  # 00:00 CEST
        # DST back, 25 October 2026: the day has 25 hours.
        (dt.datetime(2026, 10, 24, 22, 0, tzinfo=dt.UTC), D(2026, 10, 25)),  # 00:00 CEST
        (dt.datetime(2026, 10, 25, 22, 59, tzinfo=dt.UTC), D(2026, 10, 25)),  # 23:59 CET
        (dt.datetime(2026, 10, 25, 23, 0, tzinfo=dt.UTC), D(2026, 10, 26)),
    ],
)
def test_the_local_day_across_dst_and_midnight(utc, expected):
    assert local_date(utc, BERLIN) == expected


def test_sessions_near_midnight_on_a_dst_day_count_on_the_right_day(set_up_services, clock):
    clock.moment = dt.datetime(2026, 10, 26, 12, 0, tzinfo=dt.UTC)
    for utc in (
        dt.datetime(2026, 10, 24, 21, 50, tzinfo=dt.UTC),  # 23:50 CEST on the 24th
        dt.datetime(2026, 10, 24, 22, 10, tzinfo=dt.UTC),  # 00:10 CEST on the 25th
        dt.datetime(2026, 10, 25, 22, 40, tzinfo=dt.UTC),  # 23:40 CET on the 25th
    ):
        set_up_services.sessions.record(new_session(utc, minutes=5))
    month = {d.day: d.sessions for d in set_up_services.frequency.month(2026, 10)}
    assert (month[D(2026, 10, 24)], month[D(2026, 10, 25)], month[D(2026, 10, 26)]) == (1, 2, 0)


@given(st.lists(st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 1, 1)), max_size=200))
def test_per_day_counts_sum_to_the_total(days):
    counts = sessions_per_day(days)
    assert sum(counts.values()) == len(days)
    assert all(n >= 1 for n in counts.values())


@given(
    st.dictionaries(st.dates(min_value=D(2026, 1, 1), max_value=D(2026, 3, 31)), st.integers(0, 9))
)
def test_adherence_is_a_percentage_and_streaks_fit_in_the_days(counts):
    today = D(2026, 3, 31)
    pct = adherence_pct(counts, D(2026, 1, 1), today, 5, today)
    assert pct is not None and 0 <= pct <= 100
    s = streaks(counts, 5, today)
    assert 0 <= s.current <= s.longest <= 90


def test_period_days_are_inclusive_and_capped_at_today():
    assert len(period_days(D(2026, 11, 1), D(2026, 11, 30), D(2026, 11, 24))) == 24
    assert period_days(D(2026, 11, 25), D(2026, 11, 30), D(2026, 11, 24)) == []


def test_adherence_counts_days_meeting_the_minimum():
    counts = {D(2026, 11, 20): 5, D(2026, 11, 21): 4, D(2026, 11, 22): 8, D(2026, 11, 23): 9}
    # 3 of 7 days met the minimum of 5.
    assert adherence_pct(counts, D(2026, 11, 18), D(2026, 11, 24), 5, D(2026, 11, 24)) == 42.9


def test_streaks_wait_for_today_to_be_over():
    counts = {D(2026, 11, d): 5 for d in (10, 11, 12, 20, 21, 22, 23)}
    today = D(2026, 11, 24)
    assert streaks(counts, 5, today).current == 4  # today not met yet: 20-23 still counts
    assert streaks({**counts, today: 6}, 5, today).current == 5
    assert streaks(counts, 5, today).longest == 4
    assert streaks({**counts, D(2026, 11, 22): 2}, 5, today).current == 1


TUESDAY = D(2026, 11, 24)


def _due(hour, minute, done, last=None, day=TUESDAY):
    tz = ZoneInfo(BERLIN)
    now = dt.datetime.combine(day, dt.time(hour, minute), tz)
    last_dt = None if last is None else dt.datetime.combine(day, dt.time(*last), tz)
    return next_due(
        now=now,
        done_today=done,
        target_min=5,
        target_max=8,
        waking_start=dt.time(7, 0),
        waking_end=dt.time(22, 0),
        last_session=last_dt,
    )


def test_next_due_spreads_the_rest_of_the_day():
    assert _due(6, 0, 0).text == "At 07:00."
    assert _due(9, 0, 0).text == "Now."
    # 2 done, the last at 11:00: 3 left between 11:00 and 22:00 → the next at 13:45,
    # and the answer does not drift as the clock moves on.
    assert _due(12, 0, 2, last=(11, 0)).text == "At 13:45."
    assert _due(13, 0, 2, last=(11, 0)).text == "At 13:45."
    assert _due(14, 0, 2, last=(11, 0)).text == "Now."
    assert _due(23, 0, 3).text == "Tomorrow from 07:00."
    assert _due(15, 0, 8).at is None
    # Past the minimum, extra sessions are spaced more loosely.
    assert _due(12, 0, 5, last=(11, 30)).text == "At 14:07."


def test_next_due_on_the_dst_forward_day():
    # 29 March: waking 07:00-22:00 local still; at 12:00 with 4 done, one left.
    assert _due(12, 0, 4, last=(11, 30), day=D(2026, 3, 29)).text == "At 16:45."


def test_the_service_summary(set_up_services, clock):
    for hours in (30, 29, 28, 27, 26, 5, 1):  # five yesterday, two today
        set_up_services.sessions.record(new_session(NOW - dt.timedelta(hours=hours)))
    summary = set_up_services.frequency.summary()
    assert summary.streaks.current == 1
    # The journal began yesterday: one whole day (on target); today is not over and not
    # yet on target, so it does not count against the user.
    assert summary.last_7_days == RecentAdherence(met=1, days=1)
    assert summary.adherence_7d == 100.0
    assert summary.next_due.text == "At 16:06."  # 3 left between 14:08 (the last) and 22:00


def test_should_remind():
    from sciatica_journal.domain.frequency import NextDue, should_remind

    tz = ZoneInfo(BERLIN)
    now = dt.datetime(2026, 11, 24, 15, 0, tzinfo=tz)
    due = NextDue(now, "Now.")

    def ask(**kw):
        args = dict(enabled=True, now=now, due=due, snoozed_until=None, last_reminded=None)
        return should_remind(**{**args, **kw})

    assert ask()
    assert not ask(enabled=False)
    assert not ask(due=NextDue(None, "Done for today"))
    assert not ask(due=NextDue(now + dt.timedelta(minutes=5), "At 15:05."))
    assert not ask(last_reminded=now - dt.timedelta(minutes=30))
    assert ask(last_reminded=now - dt.timedelta(minutes=61))
    assert not ask(snoozed_until=now + dt.timedelta(minutes=1), last_reminded=now)
    assert ask(snoozed_until=now, last_reminded=now - dt.timedelta(minutes=30))


def test_recent_adherence_counts_whole_days_since_the_journal_began():
    from sciatica_journal.domain.frequency import recent_adherence

    today = D(2026, 11, 24)
    # Day one, nothing done yet, or some but not the minimum: no full day yet.
    assert recent_adherence({}, today, 7, 5) == RecentAdherence(0, 0)
    assert recent_adherence({today: 2}, today, 7, 5) == RecentAdherence(0, 0)
    assert RecentAdherence(0, 0).percent is None
    # Day one on target: it counts.
    assert recent_adherence({today: 5}, today, 7, 5) == RecentAdherence(1, 1)
    # Three days ago began; the day before yesterday missed: 1 of 3 whole days.
    counts = {today - dt.timedelta(days=3): 5, today - dt.timedelta(days=1): 1, today: 3}
    assert recent_adherence(counts, today, 7, 5) == RecentAdherence(1, 3)
    assert RecentAdherence(1, 3).percent == 33.3
    # A long journal: only the window counts (6 whole days + today once met).
    long = {today - dt.timedelta(days=n): 6 for n in range(40)}
    assert recent_adherence(long, today, 7, 5) == RecentAdherence(7, 7)
    del long[today]
    assert recent_adherence(long, today, 7, 5) == RecentAdherence(6, 6)
    # Set up three days ago, nothing done since: 0 of 3 whole days, not "no full day yet".
    began = today - dt.timedelta(days=3)
    assert recent_adherence({}, today, 7, 5, began) == RecentAdherence(0, 3)


def test_durations_read_as_people_say_them():
    from sciatica_journal.domain.journal import describe_hold
    from sciatica_journal.domain.timekeeping import duration_words

    assert describe_hold(3) == "held 3 s"
    assert describe_hold(150) == "held 2 min 30 s"
    assert describe_hold(180) == "held 3 min"
    assert duration_words(0) == "0 s"
    assert duration_words(3900) == "1 h 5 min"
