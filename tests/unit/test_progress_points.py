"""The Progress charts' day and week points: the SQL aggregates of the storage equal what
``domain.progress_points`` computes from the same sessions, and both give the figures
worked out by hand (days across local midnight, Monday weeks, days without sessions, a
session without after-scores, an incomplete session, the day's last map)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

import numpy as np
import pytest

from sciatica_journal.domain.doses import dose_minimums
from sciatica_journal.domain.progress_points import (
    DayPoint,
    SessionPoint,
    WeekPoint,
    day_points,
    week_points,
    week_start,
)
from sciatica_journal.domain.sessions import PressUpRange
from sciatica_journal.domain.timekeeping import zone
from sciatica_journal.services.progress_service import noon_times
from tests.builders import new_session, symptom_map

BERLIN = zone("Europe/Berlin")
TODAY = dt.date(2026, 11, 24)  # the tests' "now" (tests.conftest.NOW): a Tuesday


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """A local time in Berlin (the tests' zone), as the aware instant it is."""
    return dt.datetime.combine(day, dt.time(hour, minute), BERLIN)


def record_worked_example(services) -> None:
    """Sessions of 9 to 24 November 2026 in Berlin (Mondays: 9th, 16th, 23rd)."""
    record = services.sessions.record
    # Sunday 15th: two sessions; the last one's map reaches the calf (level 4).
    record(new_session(at(dt.date(2026, 11, 15), 9), before=(6, 8), after=(5, 7)))
    record(
        new_session(
            at(dt.date(2026, 11, 15), 23, 30),  # 22:30 UTC: still the 15th in Berlin
            before=(4, 6),
            after=None,  # stopped for pain, no after-scores: not in the after means
            stopped=True,
            map_after=symptom_map("calf-right"),
        )
    )
    # Monday 16th at 00:30 local (23:30 UTC on the 15th): the next local day, a new week.
    record(
        new_session(
            at(dt.date(2026, 11, 16), 0, 30),
            rung="full-press-up",
            before=(3, 3),
            after=(2, 2),
            map_after=symptom_map("thigh-back-left"),
        )
    )
    # Wednesday 18th: a press-up with the range reached; and an incomplete one (3 reps).
    services.sessions.record(
        dataclasses.replace(
            new_session(at(dt.date(2026, 11, 18), 10), before=(5, 5), after=(4, 4)),
            range_reached=PressUpRange.HALF,
            pelvis_stayed_down=True,
        )
    )
    services.sessions.record(
        dataclasses.replace(
            new_session(at(dt.date(2026, 11, 18), 18), before=(7, 7), after=(7, 7), reps=3),
            range_reached=PressUpRange.FULL,
            pelvis_stayed_down=True,
        )
    )
    # Tuesday 24th (today): one session without a map's marks.
    record(new_session(at(TODAY, 8), before=(2, 1), after=(1, 0), map_after=symptom_map()))


def store_and_minimums(services):
    program = services.progress._program
    return services.progress._store, program, dose_minimums(program)


def session_points(services) -> list[SessionPoint]:
    """The sessions as the storage gives them one by one, as the domain takes them."""
    store, program, minimums = store_and_minimums(services)
    rows = store.session_rows([r.slug for r in program.rungs if r.is_press_up], minimums)
    return [
        SessionPoint(
            day=dt.date.fromisoformat(row[1]),
            started=row[0],
            back_before=row[2],
            leg_before=row[3],
            back_after=row[4],
            leg_after=row[5],
            range_fraction=row[6],
            left_extent=row[7],
            right_extent=row[8],
            complete=bool(row[10]),
        )
        for row in rows
    ]


def sql_points(services, today: dt.date = TODAY) -> tuple[list[DayPoint], list[WeekPoint]]:
    """The storage's SQL day and week aggregates, as domain points."""
    store, _, minimums = store_and_minimums(services)
    days, weeks = store.day_and_week_rows(minimums, today.isoformat())
    ordinal = dt.date.fromordinal
    return (
        [DayPoint(ordinal(r[0]), *r[1:]) for r in days],
        [WeekPoint(ordinal(r[0]), ordinal(r[1]), ordinal(r[2]), *r[3:]) for r in weeks],
    )


def assert_same(found, expected) -> None:
    assert len(found) == len(expected)
    for a, b in zip(found, expected, strict=True):
        for field in dataclasses.fields(a):
            x, y = getattr(a, field.name), getattr(b, field.name)
            if isinstance(x, float) or isinstance(y, float):
                assert x == pytest.approx(y), field.name
            else:
                assert x == y, field.name


def test_the_days_worked_out_by_hand(set_up_services):
    record_worked_example(set_up_services)
    days, _ = sql_points(set_up_services)
    assert [d.day.day for d in days] == [15, 16, 18, 24]  # no point for days without any
    sunday, monday, wednesday, today = days
    assert sunday.sessions == 2
    assert (sunday.back_before, sunday.leg_before) == (5.0, 7.0)  # (6 + 4) / 2, (8 + 6) / 2
    assert (sunday.back_after, sunday.leg_after) == (5.0, 7.0)  # the one with after-scores
    assert (sunday.left_extent, sunday.right_extent) == (None, 4)  # the last map: the calf
    assert monday.sessions == 1 and monday.back_before == 3.0  # 00:30 local: the 16th
    assert (monday.left_extent, monday.right_extent) == (2, None)
    assert monday.best_range is None  # a press-up without a range recorded
    # The incomplete session (3 reps) counts in the means but not as a session nor range.
    assert wednesday.sessions == 1
    assert wednesday.back_before == 6.0 and wednesday.best_range == 0.5
    assert (today.left_extent, today.right_extent) == (None, None)


def test_the_weeks_worked_out_by_hand(set_up_services):
    record_worked_example(set_up_services)
    _, weeks = sql_points(set_up_services)
    assert [w.monday for w in weeks] == [dt.date(2026, 11, d) for d in (9, 16, 23)]
    first, middle, current = weeks
    # The journal starts on Sunday 15th: its week has one day in the journal.
    assert (first.first, first.last) == (dt.date(2026, 11, 15), dt.date(2026, 11, 15))
    assert first.sessions_per_day == 2.0
    # Monday 16th to Sunday 22nd: 2 complete sessions in 7 days (the days off count as 0).
    assert (middle.first, middle.last) == (dt.date(2026, 11, 16), dt.date(2026, 11, 22))
    assert middle.sessions_per_day == pytest.approx(2 / 7)
    assert middle.back_before == pytest.approx((3.0 + 6.0) / 2)  # the mean of daily means
    assert middle.best_range == 0.5
    assert (middle.left_extent, middle.right_extent) == (None, 2)  # Wednesday 18:00: a thigh
    # This week: Monday 23rd to today, Tuesday 24th.
    assert (current.first, current.last) == (dt.date(2026, 11, 23), TODAY)
    assert current.sessions_per_day == 0.5


def test_sql_and_the_domain_agree_on_the_worked_example(set_up_services):
    record_worked_example(set_up_services)
    days, weeks = sql_points(set_up_services)
    expected_days = day_points(session_points(set_up_services))
    assert_same(days, expected_days)
    assert_same(weeks, week_points(expected_days, TODAY))


def test_sql_and_the_domain_agree_on_the_demo_journal(set_up_services):
    from sciatica_journal.services.demo_journal import generate_demo

    generate_demo(set_up_services)
    today = set_up_services.sessions.now().astimezone(BERLIN).date()
    days, weeks = sql_points(set_up_services, today)
    expected_days = day_points(session_points(set_up_services))
    assert len(days) > 40
    assert_same(days, expected_days)
    assert_same(weeks, week_points(expected_days, today))


def test_an_empty_journal_has_no_points(set_up_services):
    assert sql_points(set_up_services) == ([], [])
    assert week_points([], TODAY) == []
    data = set_up_services.progress.load(7)
    assert data.empty and len(data.weeks.t) == 0 and len(data.sessions.t) == 0


def test_the_service_gives_the_charts_the_same_points(set_up_services):
    record_worked_example(set_up_services)
    data = set_up_services.progress.load(session_days=7)
    # Each session of the last 7 local days (18th to 24th), the days and weeks of all.
    assert len(data.sessions.t) == 3
    assert data.days.dates == [dt.date(2026, 11, d) for d in (15, 16, 18, 24)]
    assert list(data.days.sessions) == [2.0, 1.0, 1.0, 1.0]
    assert math.isnan(data.days.left_extent[0]) and data.days.right_extent[0] == 4.0
    assert list(data.weeks.days) == [1.0, 7.0, 2.0]
    noon_15 = at(dt.date(2026, 11, 15), 12).timestamp()
    assert data.weeks.t[0] == noon_15  # a week of one day: that day's noon
    middle_noon = at(dt.date(2026, 11, 19), 12).timestamp()  # Thursday: 16th to 22nd
    assert data.weeks.t[1] == middle_noon
    assert list(data.days.t) == [at(d, 12).timestamp() for d in data.days.dates]


def test_noon_times_across_the_changes_of_summer_time():
    days = [dt.date(2026, 3, 28) + dt.timedelta(days=k) for k in range(220)]  # 29 Mar, 25 Oct
    found = noon_times(np.array([d.toordinal() for d in days]), BERLIN)
    assert list(found) == [at(d, 12).timestamp() for d in days]
    assert len(noon_times(np.array([], dtype=int), BERLIN)) == 0


def test_a_week_runs_monday_to_sunday():
    assert week_start(dt.date(2026, 11, 22)) == dt.date(2026, 11, 16)  # Sunday
    assert week_start(dt.date(2026, 11, 23)) == dt.date(2026, 11, 23)  # Monday


def test_a_period_reads_only_its_days_and_they_are_the_whole_journals(set_up_services):
    """A report of a period asks for its days alone (it must not read ten years): they are
    exactly the whole journal's days of that period."""
    from sciatica_journal.services.demo_journal import generate_demo

    generate_demo(set_up_services)
    store, _, minimums = store_and_minimums(set_up_services)
    every, _ = store.day_and_week_rows(minimums, TODAY.isoformat())
    low, high = TODAY - dt.timedelta(days=20), TODAY - dt.timedelta(days=6)
    some, _ = store.day_and_week_rows(
        minimums, TODAY.isoformat(), (low.isoformat(), high.isoformat())
    )
    expected = [r for r in every if low.toordinal() <= r[0] <= high.toordinal()]
    assert some == expected
    assert len(some) == 15
