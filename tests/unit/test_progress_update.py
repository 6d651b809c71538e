"""The Progress figures after a change, read again only for the changed days' weeks
(``ProgressService.update``), are exactly those of a full reload (``load``): after saves,
edits and deletes, on the days either side of a week's boundary, when a day loses its
last session, after an undo of a deletion, and when the journal's first day moves."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

from sciatica_journal.domain.timekeeping import zone
from sciatica_journal.services.demo_journal import generate_demo
from sciatica_journal.services.progress_service import ProgressData
from tests.builders import new_session
from tests.conftest import NOW, ZONE

BERLIN = zone(ZONE)
TODAY = NOW.astimezone(BERLIN).date()  # a Tuesday


def at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), BERLIN)


def assert_same_data(found: ProgressData, expected: ProgressData) -> None:
    """Every series, field by field, exactly (NaN where NaN)."""
    for series in ("sessions", "days", "weeks"):
        a, b = getattr(found, series), getattr(expected, series)
        for field in dataclasses.fields(a):
            x, y = getattr(a, field.name), getattr(b, field.name)
            if isinstance(x, list):
                assert x == y, (series, field.name)
            else:
                assert x.dtype == y.dtype, (series, field.name)
                np.testing.assert_array_equal(x, y, err_msg=f"{series}.{field.name}")
    for name in ("target_min", "target_max", "now", "today", "session_days"):
        assert getattr(found, name) == getattr(expected, name), name


@pytest.fixture
def demo(set_up_services):
    generate_demo(set_up_services)
    return set_up_services


@pytest.mark.parametrize("session_days", [None, 7, 32])
def test_updates_after_changes_equal_full_reloads(demo, session_days, monkeypatch):
    ops, progress = demo.operations, demo.progress
    # A session long before the demo: the days between have none.
    ops.record_session(new_session(at(TODAY - dt.timedelta(days=500), 9)))
    data = progress.load(session_days)
    monday = TODAY - dt.timedelta(days=TODAY.weekday() + 14)
    sunday = monday - dt.timedelta(days=1)
    load = progress.load
    reloads: list[int | None] = []
    monkeypatch.setattr(
        progress,
        "load",
        lambda session_days=None: reloads.append(session_days) or load(session_days),
    )

    def check(changes, *, whole: bool = False) -> None:
        """``whole``: the change moved the journal's first day (a full reload)."""
        nonlocal data
        assert changes.days  # the change set names the days
        reloads.clear()
        data = progress.update(data, changes.days)
        assert reloads == ([session_days] if whole else [])
        assert_same_data(data, load(session_days))

    # Saves today, on a Sunday evening and on the next Monday morning (a week's boundary).
    today_saved = ops.record_session(new_session(at(TODAY, 7), before=(3, 4)))
    check(today_saved.changes)
    late = ops.record_session(new_session(at(sunday, 23), before=(9, 2), after=(1, 1)))
    check(late.changes)
    check(
        ops.record_session(
            new_session(at(monday, 0), before=(0, 10), after=None, stopped=True)
        ).changes
    )
    # An edit of a session within the short period, one long before.
    check(ops.edit_session_pain(today_saved.value.uuid, 7, 7, 2, 1).changes)
    check(ops.edit_session_pain(late.value.uuid, 1, 2, 3, 4).changes)
    # A day with sessions nobody had: its only session, then deleted (the day goes).
    lone_day = TODAY - dt.timedelta(days=400)  # a Thursday
    lone = ops.record_session(new_session(at(lone_day, 12), reps=3))
    check(lone.changes)
    deleted = ops.delete("session", lone.value.uuid)
    check(deleted.changes)
    assert lone_day not in data.days.dates
    # Undo of the deletion, and redo.
    check(ops.undo_stack.undo())
    assert lone_day in data.days.dates
    check(ops.undo_stack.redo())
    # The journal's first day moves: before it, then the first day's sessions deleted.
    first = data.days.dates[0]
    earlier = ops.record_session(new_session(at(first - dt.timedelta(days=3), 9)))
    check(earlier.changes, whole=True)
    check(ops.delete("session", earlier.value.uuid).changes, whole=True)
    check(ops.undo_stack.undo(), whole=True)  # back before the first day
    # A session of the short period deleted.
    check(ops.delete("session", today_saved.value.uuid).changes)


def test_an_update_keeps_what_did_not_change(demo):
    progress = demo.progress
    data = progress.load(7)
    done = demo.operations.record_session(new_session(at(TODAY - dt.timedelta(days=20), 9)))
    updated = progress.update(data, done.changes.days)
    assert updated.sessions is data.sessions  # outside the short period: not read again
    assert_same_data(updated, progress.load(7))


def test_an_emptied_journal_and_a_first_session_reload(set_up_services):
    ops, progress = set_up_services.operations, set_up_services.progress
    data = progress.load(7)
    assert data.empty
    done = ops.record_session(new_session(at(TODAY, 9)))
    data = progress.update(data, done.changes.days)
    assert_same_data(data, progress.load(7))
    data = progress.update(data, ops.delete("session", done.value.uuid).changes.days)
    assert data.empty
    assert_same_data(data, progress.load(7))
