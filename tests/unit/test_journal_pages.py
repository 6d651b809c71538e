"""The Journal's list in plain SQL (storage/journal_rows, services/journal_pages): each
order and filter agrees with the entries themselves, pages read on from the last entry
without losing or repeating one (ties at the same instant too), and the time of day
follows each zone's clock across a change to summer time."""

from __future__ import annotations

import datetime as dt

import pytest

from sciatica_journal.domain.journal import EntryKind
from sciatica_journal.domain.red_flags import Trigger
from sciatica_journal.domain.timekeeping import local_time
from sciatica_journal.services.journal_pages import zone_offsets
from sciatica_journal.services.session_service import ScreenAnswers
from tests.builders import new_session, symptom_map
from tests.conftest import NOW

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def filled(set_up_services, clock):
    """Sessions, check-ins, a screening and notes over three days, and at one instant
    (NOW) a session, its screening, a check-in and three notes."""
    s = set_up_services
    answers = ScreenAnswers({q.code: False for q in s.red_flags.questions}, Trigger.DAILY)
    for day in range(3):
        clock.moment = NOW - dt.timedelta(days=3 - day)
        s.sessions.record(new_session(clock.moment - HOUR, rung="prone-lying", reps=None))
        s.symptoms.record_check_in(symptom_map("calf-left"), note=f"Zeh {day}")
        s.entries.add_note(f"note {day}")
    clock.moment = NOW
    s.sessions.record(new_session(NOW, before=(2, 3), after=(1, 2), minutes=0), answers)
    s.symptoms.record_check_in(symptom_map("calf-left", "low-back-center"), note="")
    for text in ("apple", "Banana", "cherry"):
        s.entries.add_note(text)
    return s


def keys(entries) -> list[tuple[str, str]]:
    return [entry.key for entry in entries]


def test_newest_first_as_before_with_ties_session_screening_check_in_note(filled):
    entries = filled.entries.entries()
    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)
    at_now = [e.kind for e in entries if e.at == NOW]
    assert (
        at_now
        == [EntryKind.SESSION, EntryKind.SCREENING, EntryKind.CHECK_IN] + [EntryKind.NOTE] * 3
    )
    assert [e.note for e in entries[3:6]] == ["cherry", "Banana", "apple"]  # last saved first


@pytest.mark.parametrize("column", ["at", "time", "title", "summary", "note"])
@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("count", [1, 2, 5])
def test_pages_read_on_without_losing_or_repeating_an_entry(filled, column, descending, count):
    whole = filled.entries.pages.open(None, column, descending).next(-1)
    pages = filled.entries.pages.open(None, column, descending)
    found = []
    while not pages.done:
        found += pages.next(count)
    assert [key for key, _entry in found] == [key for key, _entry in whole]
    assert len(found) == len(filled.entries.entries()) == 15


def test_each_order_is_that_of_the_column(filled):
    pages = filled.entries.pages

    def listed(column, descending=False):
        return [entry for _key, entry in pages.open(None, column, descending).next(-1)]

    notes = [e.note.casefold() for e in listed("note")]
    assert notes == sorted(notes)
    titles = [e.title.casefold() for e in listed("title", True)]
    assert titles == sorted(titles, reverse=True)
    times = [e.local_time for e in listed("time")]
    assert times == sorted(times)
    oldest = listed("at")
    assert [e.at for e in oldest] == sorted(e.at for e in oldest)
    summaries = listed("summary")  # sessions by their pain scores, before the check-ins
    kinds = [e.kind for e in summaries]
    assert kinds.index(EntryKind.CHECK_IN) > max(
        i for i, k in enumerate(kinds) if k is EntryKind.SESSION
    )
    assert summaries[0].pain_before is not None and summaries[0].pain_before.back == 2


@pytest.mark.parametrize("kind", list(EntryKind))
def test_the_filter_lists_one_kind(filled, kind):
    listed = [e for _k, e in filled.entries.pages.open({kind}).next(-1)]
    assert listed and {e.kind for e in listed} == {kind}
    assert keys(listed) == [e.key for e in filled.entries.entries() if e.kind is kind]
    assert filled.entries.pages.open(set()).next(-1) == []


def test_an_entry_added_is_placed_among_those_shown(filled):
    pages = filled.entries.pages.open(None, "note", True)  # "Zeh 2", "Zeh 1", ...
    shown = pages.next(5)
    added = filled.entries.add_note("Zz top")
    place = pages.place(added.kind, added.uuid, len(shown))
    assert place is not None and place[0] == 0
    late = filled.entries.add_note("aardvark")
    assert pages.place(late.kind, late.uuid, len(shown)) is None  # it comes with a later page
    rest = [entry.note for _k, entry in pages.next(-1)]
    assert "aardvark" in rest and "Zz top" not in rest


def test_zone_offsets_change_at_the_second_summer_time_begins():
    found = zone_offsets("Europe/Berlin", "2026-01-10T00:00:00Z", "2026-12-01T00:00:00Z")
    assert found == [
        ("Europe/Berlin", "", "2026-03-29T01:00:00Z", 3600),
        ("Europe/Berlin", "2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z", 7200),
        ("Europe/Berlin", "2026-10-25T01:00:00Z", "9999", 3600),
    ]
    assert zone_offsets("Etc/UTC", "2026-01-10T00:00:00Z", "2026-12-01T00:00:00Z") == [
        ("Etc/UTC", "", "9999", 0)
    ]


def test_time_of_day_sorts_by_each_zones_clock_across_summer_time(set_up_services, clock):
    s = set_up_services
    moments = [  # 00:30 in winter, 00:30 in summer (22:30 UTC the day before), 23:30 UTC
        dt.datetime(2026, 3, 20, 23, 30, tzinfo=dt.UTC),
        dt.datetime(2026, 6, 1, 22, 30, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 29, 0, 59, 59, tzinfo=dt.UTC),  # 01:59:59, then 03:00
        dt.datetime(2026, 3, 29, 1, 0, 0, tzinfo=dt.UTC),
        dt.datetime(2026, 11, 2, 12, 0, tzinfo=dt.UTC),
    ]
    for moment in moments:
        clock.moment = moment
        s.entries.add_note(f"at {moment.isoformat()}")
    listed = [e for _k, e in s.entries.pages.open(None, "time", False).next(-1)]
    local = [local_time(e.at, "Europe/Berlin").time() for e in listed]
    assert local == sorted(local)
    assert [t.isoformat() for t in local] == [
        "00:30:00",
        "00:30:00",
        "01:59:59",
        "03:00:00",
        "13:00:00",
    ]


@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("count", [2, 4, 7])
def test_read_again_through_the_same_entry_with_ties(filled, descending, count):
    before = filled.entries.pages.open(None, "at", descending)
    shown = before.next_keys(count)
    again = filled.entries.pages.open(None, "at", descending)
    assert again.through(before, len(shown)) == shown
    assert again.next_keys(100) == before.next_keys(100)  # and reads on from there
