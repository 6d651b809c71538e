"""The Journal service: every entry listed newest first, notes and pain edited, delete with undo."""

from __future__ import annotations

import datetime as dt

import pytest

from sciatica_journal.domain.body import SymptomKind
from sciatica_journal.domain.journal import EntryKind
from sciatica_journal.domain.red_flags import Trigger
from sciatica_journal.domain.sessions import Outcome, PainScores
from sciatica_journal.services.journal_service import JournalError, JournalService
from sciatica_journal.services.session_service import ScreenAnswers
from sciatica_journal.storage import models
from tests.builders import new_session, symptom_map
from tests.conftest import NOW

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def journal(set_up_services) -> JournalService:
    services = set_up_services
    return JournalService(
        services.program, services.catalog, services.clock, services.stores.entries
    )


def dump(services) -> dict[str, list[tuple]]:
    """Every row of every table, ids included."""
    with services.journal.bound():
        return {
            model._meta.table_name: list(
                model.select().order_by(*model._meta.sorted_fields).tuples()
            )
            for model in models.ALL_MODELS
        }


def no_answers(services) -> ScreenAnswers:
    return ScreenAnswers({q.code: False for q in services.red_flags.questions}, Trigger.DAILY)


@pytest.fixture
def filled(set_up_services, clock):
    """Sunday 22: a session; Monday 23: a check-in; Tuesday 24: a session with its red-flag
    screen. Berlin is UTC+1 in November."""
    s = set_up_services
    clock.moment = dt.datetime(2026, 11, 22, 7, 30, tzinfo=dt.UTC)
    s.sessions.record(new_session(clock.moment - HOUR, rung="prone-lying", reps=None))
    clock.moment = dt.datetime(2026, 11, 23, 18, 0, tzinfo=dt.UTC)
    s.symptoms.record_check_in(symptom_map("calf-left", "low-back-center"), note="stiff")
    clock.moment = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
    s.sessions.record(new_session(dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)), no_answers(s))
    clock.moment = NOW
    return s


def test_entries_are_listed_newest_first_with_local_date_and_time(filled, journal, clock):
    journal.add_note("Physio appointment on Friday")
    clock.moment = NOW + HOUR
    filled.symptoms.record_check_in(symptom_map("low-back-right"))
    entries = journal.entries()
    assert [(e.kind, e.local_date.isoformat(), f"{e.local_time:%H:%M}") for e in entries] == [
        (EntryKind.CHECK_IN, "2026-11-24", "16:00"),
        (EntryKind.NOTE, "2026-11-24", "15:00"),
        (EntryKind.SESSION, "2026-11-24", "09:00"),
        (EntryKind.CHECK_IN, "2026-11-23", "19:00"),
        (EntryKind.SESSION, "2026-11-22", "07:30"),
    ]
    assert [e.title for e in entries] == [
        "Symptom check-in",
        "Note",
        "Baby press-ups",
        "Symptom check-in",
        "Lying face down",
    ]
    check_in, note, session, older_check_in, first = entries
    assert check_in.summary == "Left: clear · right: low back only · 1 mark"
    assert older_check_in.summary == "Left: down to the lower leg · right: clear · 2 marks"
    assert older_check_in.note == "stiff"
    assert note.note == "Physio appointment on Friday" and note.summary == ""
    assert session.summary == "Back 5→4, leg 6→5 · Moved up (centralized) · 10 reps"
    assert session.pain_before == PainScores(5, 6) and session.pain_after == PainScores(4, 5)
    assert session.outcome is Outcome.CENTRALIZED
    assert first.at == dt.datetime(2026, 11, 22, 6, 30, tzinfo=dt.UTC)
    assert journal.entries(limit=2) == entries[:2]
    assert journal.entries(limit=0) == []


def test_session_maps_are_not_listed_as_check_ins(filled, journal, bound_models):
    kinds = [e.kind for e in journal.entries()]
    assert kinds.count(EntryKind.CHECK_IN) == 1
    assert models.SymptomMap.select().count() == 5  # 2 sessions x 2 maps + 1 check-in


def test_an_entry_is_shown_in_the_zone_it_was_written_in(set_up_services, journal):
    # Written in New York at 03:00 UTC: still the evening before there.
    at = dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC)
    set_up_services.stores.entries.insert_note("jet lag", at=at, zone="America/New_York")
    (entry,) = journal.entries()
    assert entry.local_date == dt.date(2026, 11, 23)
    assert f"{entry.local_time:%H:%M}" == "22:00"
    assert entry.zone == "America/New_York"


def test_a_stopped_hold_session_is_summarised(set_up_services, journal):
    session = new_session(
        NOW - HOUR, rung="prone-prop", after=None, reps=None, stopped=True, map_after=None
    )
    set_up_services.sessions.record(session)
    (entry,) = journal.entries()
    assert entry.summary == "Back 5, leg 6 · Worse · stopped for pain"
    assert entry.pain_after is None and entry.stopped_for_pain


@pytest.mark.parametrize("kind", ["session", "check-in", "note"])
def test_the_note_of_any_entry_can_be_edited(filled, journal, kind):
    journal.add_note("first text")
    target = next(e for e in journal.entries() if e.kind == kind)
    updated = journal.set_note(kind, target.uuid, "  after gardening \n")
    assert updated.note == "after gardening"
    assert journal.entry(kind, target.uuid).note == "after gardening"
    assert [e.note for e in journal.entries() if e.uuid == target.uuid] == ["after gardening"]


def test_editing_a_session_note_updates_its_time_of_change(filled, journal, clock, bound_models):
    session = next(e for e in journal.entries() if e.kind == "session")
    clock.moment = NOW + 2 * HOUR
    journal.set_note("session", session.uuid, "felt easier")
    row = models.ExerciseSession.get(models.ExerciseSession.uuid == session.uuid)
    assert row.note == "felt easier" and row.updated_at == "2026-11-24T16:00:00Z"


@pytest.mark.parametrize(
    ("kind", "uuid", "text", "message"),
    [
        ("note", None, "x" * 5001, "longer than 5000"),
        ("session", None, "x" * 5001, "longer than 5000"),
        ("note", None, "   ", "cannot be empty"),
        ("note", None, 42, "must be text"),
        ("diary", "any", "hi", "unknown kind of journal entry 'diary'"),
        ("session", "no-such-uuid", "hi", "no longer in the journal"),
        ("check-in", "no-such-uuid", "hi", "no longer in the journal"),
    ],
)
def test_a_bad_note_is_refused_and_nothing_changes(filled, journal, kind, uuid, text, message):
    journal.add_note("kept")
    if uuid is None:
        uuid = next(e.uuid for e in journal.entries() if e.kind == kind)
    before = dump(filled)
    with pytest.raises(JournalError, match=message):
        journal.set_note(kind, uuid, text)
    assert dump(filled) == before


def test_a_note_of_exactly_5000_characters_is_kept(journal):
    assert len(journal.add_note("x" * 5000).note) == 5000
    with pytest.raises(JournalError, match="longer than 5000"):
        journal.add_note("y" * 5001)
    assert len(journal.entries()) == 1


def test_editing_pain_judges_the_outcome_again(set_up_services, journal, clock, bound_models):
    same = symptom_map("low-back-right", "thigh-back-right")
    saved = set_up_services.sessions.record(
        new_session(NOW - 2 * HOUR, before=(5, 6), after=(5, 6), map_before=same, map_after=same)
    )
    assert saved.outcome is Outcome.NO_CHANGE
    clock.moment = NOW + HOUR
    better = journal.edit_session_pain(saved.uuid, 5, 6, 5, 4)
    assert better.outcome is Outcome.BETTER
    assert better.pain_after == PainScores(5, 4)
    assert better.summary.startswith("Back 5→5, leg 6→4 · Better")
    worse = journal.edit_session_pain(saved.uuid, 2, 6, 4, 6)
    assert worse.outcome is Outcome.WORSE
    row = models.ExerciseSession.get(models.ExerciseSession.uuid == saved.uuid)
    assert (row.back_pain_before, row.leg_pain_before, row.back_pain_after) == (2, 6, 4)
    assert row.outcome == "worse" and row.updated_at == "2026-11-24T15:00:00Z"
    # The rest of the journal sees the new outcome too.
    (today,) = set_up_services.sessions.today().sessions
    assert today.outcome is Outcome.WORSE


def test_the_stored_maps_take_part_in_the_new_judgement(set_up_services, journal):
    saved = set_up_services.sessions.record(
        new_session(
            NOW - HOUR,
            before=(5, 6),
            after=(5, 6),
            map_before=symptom_map("calf-right"),
            map_after=symptom_map("thigh-back-right"),
        )
    )
    assert saved.outcome is Outcome.CENTRALIZED
    # Pain up by 2 outranks centralization (worse is judged first) ...
    assert journal.edit_session_pain(saved.uuid, 5, 6, 5, 8).outcome is Outcome.WORSE
    # ... and back to the same pain the maps decide again.
    assert journal.edit_session_pain(saved.uuid, 5, 6, 5, 6).outcome is Outcome.CENTRALIZED
    abolished = set_up_services.sessions.record(
        new_session(
            NOW - HOUR,
            map_before=symptom_map("calf-left", kind=SymptomKind.TINGLING),
            map_after=symptom_map(),
        )
    )
    assert journal.edit_session_pain(abolished.uuid, 1, 1, 3, 3).outcome is Outcome.ABOLISHED


def test_a_stopped_session_may_keep_no_pain_after(set_up_services, journal):
    saved = set_up_services.sessions.record(
        new_session(NOW - HOUR, after=None, stopped=True, map_after=None)
    )
    entry = journal.edit_session_pain(saved.uuid, 3, 4, None, None)
    assert entry.pain_before == PainScores(3, 4) and entry.pain_after is None
    assert entry.outcome is Outcome.WORSE


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        ((11, 6, 4, 5), "back pain before must be a whole number 0-10"),
        ((5, -1, 4, 5), "leg pain before must be a whole number 0-10"),
        ((5, 6, True, 5), "back pain after must be a whole number 0-10"),
        ((5, 6, 4, "5"), "leg pain after must be a whole number 0-10"),
        ((5, 6, 4.5, 5), "back pain after must be a whole number 0-10"),
        ((5, 6, None, None), "pain after the session is missing"),
        ((5, 6, 4, None), "leg pain after must be a whole number 0-10"),
    ],
)
def test_bad_pain_is_refused_and_nothing_changes(filled, journal, scores, message):
    session = next(e for e in journal.entries() if e.kind == "session")
    before = dump(filled)
    with pytest.raises(JournalError, match=message) as caught:
        journal.edit_session_pain(session.uuid, *scores)
    assert isinstance(caught.value, ValueError)
    assert dump(filled) == before


def test_pain_of_an_unknown_session_is_refused(journal):
    with pytest.raises(JournalError, match="no longer in the journal"):
        journal.edit_session_pain("nope", 1, 1, 1, 1)


def test_deleting_a_session_removes_its_maps_marks_and_screen_and_undo_restores_it(
    filled, journal, bound_models
):
    journal.add_note("kept")
    before = dump(filled)
    session = next(e for e in journal.entries() if e.kind == "session")
    row = models.ExerciseSession.get(models.ExerciseSession.uuid == session.uuid)
    assert row.screens.count() == 1
    map_ids = [row.map_before_id, row.map_after_id]
    token = journal.delete("session", session.uuid)
    assert token.description == "Baby press-ups on Tue 24 Nov 2026 at 09:00"
    assert session.uuid not in {e.uuid for e in journal.entries()}
    assert len(journal.entries()) == 3
    assert models.SymptomMap.select().where(models.SymptomMap.id.in_(map_ids)).count() == 0
    assert models.RedFlagScreen.select().count() == 0
    assert models.RedFlagAnswer.select().count() == 0
    restored = journal.undo_delete(token)
    assert restored == session
    assert dump(filled) == before


@pytest.mark.parametrize("kind", ["check-in", "note"])
def test_deleting_a_check_in_or_note_and_undo_restores_it_exactly(filled, journal, kind):
    journal.add_note("a note")
    before = dump(filled)
    entries = journal.entries()
    target = next(e for e in entries if e.kind == kind)
    token = journal.delete(kind, target.uuid)
    assert [e for e in journal.entries()] == [e for e in entries if e is not target]
    assert dump(filled) != before
    assert journal.undo_delete(token) == target
    assert dump(filled) == before


def test_undo_gives_back_the_uuids_when_the_old_ids_were_taken(
    set_up_services, journal, clock, bound_models
):
    s = set_up_services
    s.sessions.record(new_session(NOW - 3 * HOUR), no_answers(s))
    session = journal.entries()[0]
    old = s.stores.entries.session(session.uuid)
    old_maps = [models.SymptomMap.get_by_id(i).uuid for i in (old.map_before, old.map_after)]
    token = journal.delete("session", session.uuid)
    # A new session now takes the freed ids (SQLite reuses the highest rowid).
    s.sessions.record(new_session(NOW - HOUR, map_before=symptom_map("sole-left")), no_answers(s))
    assert models.ExerciseSession.get_by_id(old.id).uuid != session.uuid
    assert journal.undo_delete(token) == session
    back = s.stores.entries.session(session.uuid)
    assert back.id != old.id
    assert {m[0] for m in models.SymptomMap.get_by_id(back.map_before).marks} == {
        "low-back-right",
        "calf-right",
    }
    assert [models.SymptomMap.get_by_id(i).uuid for i in (back.map_before, back.map_after)] == (
        old_maps
    )
    screen = models.RedFlagScreen.get(models.RedFlagScreen.session == back.id)
    assert screen.answers.count() == len(s.red_flags.questions)
    assert len(journal.entries()) == 2


def test_undo_only_once_and_only_with_a_token(filled, journal):
    note = journal.add_note("gone soon")
    token = journal.delete("note", note.uuid)
    journal.undo_delete(token)
    before = dump(filled)
    with pytest.raises(JournalError, match="already undone"):
        journal.undo_delete(token)
    with pytest.raises(JournalError, match="nothing to undo"):
        journal.undo_delete("token")  # type: ignore[arg-type]
    assert dump(filled) == before


def test_deleting_what_is_not_there_is_refused(journal):
    with pytest.raises(JournalError, match="no longer in the journal"):
        journal.delete("note", "missing")
    with pytest.raises(JournalError, match="unknown kind"):
        journal.delete("photo", "missing")


def test_a_bad_limit_is_refused(journal):
    for bad in (-1, True, "3"):
        with pytest.raises(JournalError):
            journal.entries(limit=bad)  # type: ignore[arg-type]


def test_a_free_note_is_dated_now_in_the_users_zone(journal):
    entry = journal.add_note("  Slept well  ")
    assert entry.kind is EntryKind.NOTE and entry.note == "Slept well"
    assert entry.at == NOW and entry.zone == "Europe/Berlin"
    assert f"{entry.local_date} {entry.local_time:%H:%M}" == "2026-11-24 15:00"
    assert journal.entries()[0] == entry
