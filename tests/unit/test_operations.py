"""Operations with undo and redo (issue 11): every kind of change to the journal is done
through ``services.operations``, then undone and redone, and each time the journal is
checked as the user would see it (the Journal list, today's sessions and advice, the
safety answers, the settings, the backup folder) and, where undo promises it, row by row.

Times: the clock stands at Tuesday 24 November 2026, 14:00 UTC; Berlin is UTC+1 in
November, so the labels name local times one hour later than the UTC times written here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from pathlib import Path

import pytest

from sciatica_journal.domain.advice import AdviceKind
from sciatica_journal.domain.journal import EntryKind, JournalEntry
from sciatica_journal.domain.red_flags import RedFlagError, ScreenResult, Trigger
from sciatica_journal.domain.sessions import Outcome, PainScores
from sciatica_journal.services.container import Services
from sciatica_journal.services.journal_service import JournalError
from sciatica_journal.services.operations import (
    NOTHING,
    ChangeSet,
    Kind,
    NothingToUndo,
    Step,
    UndoStack,
)
from sciatica_journal.services.profile_service import ProfileService
from sciatica_journal.services.session_service import ScreenAnswers
from sciatica_journal.storage import models
from tests.builders import new_session, symptom_map
from tests.conftest import NOW

# Some tests look at the rows themselves (every table, ids included).
pytestmark = pytest.mark.usefixtures("bound_models")

HOUR = dt.timedelta(hours=1)
SUNDAY, MONDAY, TODAY = dt.date(2026, 11, 22), dt.date(2026, 11, 23), dt.date(2026, 11, 24)


# ---- how the journal looks --------------------------------------------------------------


def journal_view(s: Services) -> dict[str, object]:
    """What the user sees of the journal. Screening UUIDs are left out: a redone screening
    is saved again under a new one (the tests that care compare them on their own)."""
    return {
        "entries": [
            dataclasses.replace(e, uuid="") if e.kind is EntryKind.SCREENING else e
            for e in s.entries.entries()
        ],
        "today": s.sessions.today(),
        "advice": s.sessions.advice(),
        "screens today": [dataclasses.replace(x, uuid="") for x in s.red_flags.screens_today()],
        "pending questions": s.red_flags.pending(),
        "blocked today": s.red_flags.blocked_today(),
        "profile": s.profiles.profile(),
        "backup folder": s.backups.folder,
    }


def rows() -> dict[str, list[tuple]]:
    """Every row of every table, ids included: for undos that promise to be exact."""
    return {
        model._meta.table_name: list(model.select().order_by(*model._meta.sorted_fields).tuples())
        for model in models.ALL_MODELS
    }


def undo_and_redo(s: Services, before: object, after: object, changes: ChangeSet) -> None:
    """Undo → the journal as before; redo → as after; and once more, so that an undo after
    a redo is shown to work too. Each step reports the operation's change set."""
    stack = s.operations.undo_stack
    label = stack.undo_label
    for _ in range(2):
        assert stack.undo() == changes
        assert journal_view(s) == before
        assert (stack.undo_label, stack.redo_label) == (None, label)
        assert stack.redo() == changes
        assert journal_view(s) == after
        assert (stack.undo_label, stack.redo_label) == (label, None)


def no_answers(s: Services) -> ScreenAnswers:
    return ScreenAnswers({q.code: False for q in s.red_flags.questions}, Trigger.DAILY)


def only(entries: list[JournalEntry], kind: EntryKind) -> JournalEntry:
    (found,) = [e for e in entries if e.kind is kind]
    return found


@pytest.fixture
def journal(set_up_services, clock) -> Services:
    """Sunday 07:30: a session lying face down. Monday 19:00: a check-in noted "stiff".
    Today 09:00: baby press-ups with the daily safety answers (centralized); 13:00: a note.
    Nothing of it is on the undo stack."""
    s = set_up_services
    clock.moment = dt.datetime(2026, 11, 22, 7, 30, tzinfo=dt.UTC)
    s.sessions.record(new_session(clock.moment - HOUR, rung="prone-lying", reps=None))
    clock.moment = dt.datetime(2026, 11, 23, 18, 0, tzinfo=dt.UTC)
    s.symptoms.record_check_in(symptom_map("calf-left", "low-back-center"), note="stiff")
    clock.moment = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
    s.sessions.record(new_session(dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)), no_answers(s))
    clock.moment = NOW - 2 * HOUR
    s.entries.add_note("Physio on Friday")
    clock.moment = NOW
    assert len(s.operations.undo_stack) == 0
    return s


# ---- new entries ------------------------------------------------------------------------


def test_a_recorded_session_is_taken_back_with_its_maps_and_answers_and_comes_back_the_same(
    journal,
):
    s = journal
    before, before_rows = journal_view(s), rows()
    done = s.operations.record_session(new_session(NOW - 3 * HOUR), no_answers(s))

    assert done.label == "save exercise session of 24 Nov 12:00"
    assert s.operations.undo_stack.undo_label == done.label
    assert done.changes == ChangeSet.of(Kind.SESSIONS, Kind.SCREENINGS, days=[TODAY])
    assert done.value.outcome is Outcome.CENTRALIZED
    assert [x.uuid for x in s.sessions.today().sessions][-1] == done.value.uuid
    assert len(s.red_flags.screens_today()) == 2
    screen_uuids = [x.uuid for x in s.red_flags.screens_today()]
    after, after_rows = journal_view(s), rows()

    assert s.operations.undo_stack.undo() == done.changes
    assert journal_view(s) == before
    assert done.value.uuid not in {e.uuid for e in s.entries.entries()}
    assert rows() == before_rows  # its two maps, their marks, its screening and answers
    assert s.operations.undo_stack.redo() == done.changes
    assert journal_view(s) == after
    assert [x.uuid for x in s.red_flags.screens_today()] == screen_uuids
    assert rows() == after_rows  # the same UUIDs and ids back
    undo_and_redo(s, before, after, done.changes)


def test_a_recorded_check_in_is_undone_and_redone(journal):
    s = journal
    before, before_rows = journal_view(s), rows()
    done = s.operations.record_check_in(symptom_map("low-back-right"), note="after the walk")

    assert done.label == "save symptom check-in of 24 Nov 15:00"
    assert done.changes == ChangeSet.of(Kind.CHECK_INS, days=[TODAY])
    newest = s.entries.entries()[0]
    assert (newest.kind, newest.uuid, newest.note) == (
        EntryKind.CHECK_IN,
        done.value.uuid,
        "after the walk",
    )
    after = journal_view(s)

    s.operations.undo_stack.undo()
    assert rows() == before_rows
    s.operations.undo_stack.redo()
    assert s.entries.entries()[0] == newest
    undo_and_redo(s, before, after, done.changes)


def test_an_added_note_is_undone_and_redone(journal):
    s = journal
    before, before_rows = journal_view(s), rows()
    done = s.operations.add_note("Slept well")

    assert done.label == "add note of 24 Nov 15:00"
    assert done.changes == ChangeSet.of(Kind.NOTES, days=[TODAY])
    assert s.entries.entries()[0] == done.value and done.value.note == "Slept well"
    after = journal_view(s)

    s.operations.undo_stack.undo()
    assert rows() == before_rows
    s.operations.undo_stack.redo()
    assert s.entries.entries()[0] == done.value  # the same UUID
    undo_and_redo(s, before, after, done.changes)


# ---- edits ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "day", "label", "old", "changed"),
    [
        (EntryKind.SESSION, SUNDAY, "edit note of 22 Nov 07:30", "", Kind.SESSIONS),
        (EntryKind.CHECK_IN, MONDAY, "edit note of 23 Nov 19:00", "stiff", Kind.CHECK_INS),
        (EntryKind.NOTE, TODAY, "edit note of 24 Nov 13:00", "Physio on Friday", Kind.NOTES),
    ],
)
def test_a_changed_note_is_undone_and_redone(journal, kind, day, label, old, changed):
    s = journal
    target = next(e for e in s.entries.entries() if e.kind is kind and e.local_date == day)
    assert target.note == old
    before = journal_view(s)
    done = s.operations.set_note(kind, target.uuid, "  after gardening\n")

    assert done.label == label
    assert done.changes == ChangeSet.of(changed, days=[day])
    assert s.entries.entry(kind, target.uuid).note == "after gardening"
    assert done.value == dataclasses.replace(target, note="after gardening")
    after = journal_view(s)

    s.operations.undo_stack.undo()
    assert s.entries.entry(kind, target.uuid) == target
    s.operations.undo_stack.redo()
    undo_and_redo(s, before, after, done.changes)


def test_a_pain_edit_judges_again_and_undo_gives_back_the_old_outcome_and_advice(journal):
    s = journal
    session = only(s.entries.entries(limit=2), EntryKind.SESSION)  # today 09:00
    assert session.outcome is Outcome.CENTRALIZED
    assert s.sessions.advice().kind is AdviceKind.KEEP_GOING
    before = journal_view(s)

    # Leg pain up from 6 to 8: worse, which outranks the centralized maps.
    done = s.operations.edit_session_pain(session.uuid, 5, 6, 5, 8)
    assert done.label == "edit pain of 24 Nov 09:00"
    assert s.operations.undo_stack.undo_label == "edit pain of 24 Nov 09:00"
    assert done.changes == ChangeSet.of(Kind.SESSIONS, days=[TODAY])
    assert done.value.outcome is Outcome.WORSE
    assert done.value.pain_after == PainScores(5, 8)
    assert s.sessions.today().sessions[0].outcome is Outcome.WORSE
    advice = s.sessions.advice()
    assert advice.kind is AdviceKind.STEP_DOWN and "your pain went up" in advice.reason
    after = journal_view(s)

    s.operations.undo_stack.undo()
    back = s.entries.entry(EntryKind.SESSION, session.uuid)
    assert back == session
    assert (back.pain_before, back.pain_after) == (PainScores(5, 6), PainScores(4, 5))
    assert s.sessions.advice().kind is AdviceKind.KEEP_GOING
    s.operations.undo_stack.redo()
    undo_and_redo(s, before, after, done.changes)


# ---- deleting ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "day", "label", "changes"),
    [
        (
            EntryKind.SESSION,
            TODAY,
            "delete exercise session of 24 Nov 09:00",
            ChangeSet.of(Kind.SESSIONS, Kind.SCREENINGS, days=[TODAY]),
        ),
        (
            EntryKind.CHECK_IN,
            MONDAY,
            "delete symptom check-in of 23 Nov 19:00",
            ChangeSet.of(Kind.CHECK_INS, days=[MONDAY]),
        ),
        (
            EntryKind.NOTE,
            TODAY,
            "delete note of 24 Nov 13:00",
            ChangeSet.of(Kind.NOTES, days=[TODAY]),
        ),
    ],
)
def test_a_delete_is_undone_exactly_and_redone(journal, kind, day, label, changes):
    s = journal
    entries = s.entries.entries()
    target = next(e for e in entries if e.kind is kind and e.local_date == day)
    before, before_rows = journal_view(s), rows()
    gone_with = set()
    if kind is EntryKind.SESSION:  # the session's safety answers are listed apart, and go with it
        gone_with = {x.uuid for x in s.red_flags.screens_today()}
        assert gone_with
    done = s.operations.delete(kind, target.uuid)

    assert done.label == label
    assert done.changes == changes
    assert s.entries.entries() == [
        e for e in entries if e is not target and e.uuid not in gone_with
    ]
    if kind is EntryKind.SESSION:
        assert s.red_flags.screens_today() == []  # its answers went with it
        assert s.sessions.today().sessions == ()
    after, after_rows = journal_view(s), rows()

    s.operations.undo_stack.undo()
    assert s.entries.entry(kind, target.uuid) == target  # same UUID, note and outcome
    assert s.entries.entries() == entries
    assert rows() == before_rows
    s.operations.undo_stack.redo()
    assert rows() == after_rows
    undo_and_redo(s, before, after, done.changes)


# ---- safety answers ---------------------------------------------------------------------


def test_an_urgent_screening_blocks_the_day_and_undo_asks_the_pending_questions_again(journal):
    s = journal
    # The saddle newly marked: the questions are due until answered.
    s.symptoms.record_check_in(symptom_map("saddle"))
    assert s.red_flags.pending() is Trigger.SADDLE
    (daily,) = s.red_flags.screens_today()
    before = journal_view(s)

    answers = {q.code: q.code == "saddle-numbness" for q in s.red_flags.questions}
    done = s.operations.record_screening(answers, Trigger.SADDLE)
    assert done.value is ScreenResult.URGENT
    assert done.label == "safety answers of 24 Nov"
    assert done.changes == ChangeSet.of(Kind.SCREENINGS, days=[TODAY])
    assert s.red_flags.blocked_today()
    assert s.red_flags.pending() is None
    _, urgent = s.red_flags.screens_today()
    assert (urgent.trigger, urgent.result, urgent.answers) == (
        Trigger.SADDLE,
        ScreenResult.URGENT,
        answers,
    )
    after = journal_view(s)

    s.operations.undo_stack.undo()
    assert not s.red_flags.blocked_today()
    assert s.red_flags.pending() is Trigger.SADDLE
    assert s.red_flags.screens_today() == [daily]
    s.operations.undo_stack.redo()
    assert s.red_flags.blocked_today() and s.red_flags.pending() is None
    undo_and_redo(s, before, after, done.changes)


def test_undoing_a_screening_with_nothing_pending_leaves_nothing_pending(journal):
    s = journal
    before = journal_view(s)
    done = s.operations.record_screening(
        {q.code: False for q in s.red_flags.questions}, Trigger.DAILY
    )
    assert done.value is ScreenResult.CLEAR
    after = journal_view(s)
    undo_and_redo(s, before, after, done.changes)
    assert s.red_flags.pending() is None


# ---- import -----------------------------------------------------------------------------


@pytest.fixture
def journal_file(journal, tmp_path) -> Path:
    """The journal exported, with a note only the file has ("from the other computer")."""
    path = tmp_path / "journal.json"
    journal.transfer.export_json(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    extra = dict(document["notes"][0], uuid=str(uuid.uuid4()), text="from the other computer")
    document["notes"].append(extra)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_undoing_an_import_takes_out_exactly_what_it_added(journal, journal_file):
    s = journal
    # Since the export the check-in was deleted and a note written here.
    check_in = only(s.entries.entries(), EntryKind.CHECK_IN)
    s.entries.delete(EntryKind.CHECK_IN, check_in.uuid)
    s.entries.add_note("written after the export")
    before, before_rows = journal_view(s), rows()

    done = s.operations.import_json(journal_file)
    assert done.value.added == {
        "profile": 0,
        "sessions": 0,
        "check_ins": 1,
        "red_flag_screens": 0,
        "notes": 1,
        "measures": 0,
    }
    assert done.value.skipped == {
        "profile": 1,
        "sessions": 2,
        "check_ins": 0,
        "red_flag_screens": 1,
        "notes": 1,
        "measures": 0,
    }
    assert done.label == "import of journal.json"
    assert done.changes == ChangeSet.everything()
    entries = s.entries.entries()
    assert only(entries, EntryKind.CHECK_IN) == check_in
    assert [e.note for e in entries if e.kind is EntryKind.NOTE] == [
        "written after the export",
        "from the other computer",  # written at the time of the note it was copied from
        "Physio on Friday",
    ]
    after, after_rows = journal_view(s), rows()

    s.operations.undo_stack.undo()
    assert rows() == before_rows  # the skipped and the newer entries stay, untouched
    s.operations.undo_stack.redo()
    assert s.entries.entries() == entries
    assert rows().keys() == after_rows.keys()
    undo_and_redo(s, before, after, done.changes)


def test_an_import_that_adds_nothing_puts_no_step_on_the_stack(journal, journal_file):
    s = journal
    s.operations.import_json(journal_file)
    stack = s.operations.undo_stack
    assert (len(stack), stack.undo_label) == (1, "import of journal.json")
    before = rows()

    done = s.operations.import_json(journal_file)
    assert done.value.total_added == 0
    assert done.changes == NOTHING and not done.changes
    assert (len(stack), stack.undo_label) == (1, "import of journal.json")
    assert rows() == before


# ---- settings ---------------------------------------------------------------------------


def test_a_settings_change_is_undone_and_redone(journal):
    s = journal
    old = s.profiles.profile()
    before = journal_view(s)
    changed = dataclasses.replace(old, target_max=old.target_max + 2)
    done = s.operations.save_profile(changed)

    assert done.label == "change of the settings"
    assert done.changes == ChangeSet.of(Kind.PROFILE) and done.changes.days == frozenset()
    assert s.sessions.today().count.target_max == old.target_max + 2
    after = journal_view(s)

    s.operations.undo_stack.undo()
    assert (
        ProfileService(s.program, s.clock, s.stores.profiles).profile() == old
    )  # as stored, not only cached
    assert s.sessions.today().count.target_max == old.target_max
    s.operations.undo_stack.redo()
    assert ProfileService(s.program, s.clock, s.stores.profiles).profile() == changed
    undo_and_redo(s, before, after, done.changes)


def test_a_new_backup_folder_is_undone_and_redone(journal, tmp_path):
    s = journal
    old = s.backups.folder
    elsewhere = tmp_path / "synced" / "backups"
    before = journal_view(s)
    done = s.operations.set_backup_folder(elsewhere)

    assert done.label == "change of the backup folder"
    assert done.changes == ChangeSet.of(Kind.BACKUPS)
    assert s.backups.folder == elsewhere != old
    assert any(elsewhere.iterdir())  # a backup was made there at once
    after = journal_view(s)

    s.operations.undo_stack.undo()
    assert s.backups.folder == old
    s.operations.undo_stack.redo()
    undo_and_redo(s, before, after, done.changes)


# ---- the undo stack ---------------------------------------------------------------------


def test_a_new_operation_clears_what_could_be_redone(journal):
    s = journal
    stack = s.operations.undo_stack
    s.operations.add_note("first")
    s.operations.add_note("second")
    stack.undo()
    assert stack.redo_label == "add note of 24 Nov 15:00"
    s.operations.add_note("third")
    assert stack.redo_label is None
    with pytest.raises(NothingToUndo, match="nothing to redo"):
        stack.redo()
    assert [e.note for e in s.entries.entries(limit=2)] == ["third", "first"]
    assert len(stack) == 2


def test_undo_and_redo_with_nothing_there_say_so(journal):
    stack = journal.operations.undo_stack
    assert (stack.undo_label, stack.redo_label) == (None, None)
    assert stack.next_undo() is None and stack.next_redo() is None
    with pytest.raises(NothingToUndo, match="nothing to undo"):
        stack.undo()
    with pytest.raises(NothingToUndo, match="nothing to redo"):
        stack.redo()


def test_the_limit_drops_the_oldest_steps():
    done: list[str] = []

    def step(name: str) -> Step:
        return Step(
            name,
            ChangeSet.of(Kind.NOTES),
            undo=lambda: done.append(f"undo {name}") or NOTHING,
            redo=lambda: done.append(f"redo {name}") or NOTHING,
        )

    stack = UndoStack(limit=3)
    for name in "abcde":
        stack.push(step(name))
    assert len(stack) == 3 and stack.undo_label == "e"
    for _ in range(3):
        stack.undo()
    assert done == ["undo e", "undo d", "undo c"]
    assert stack.undo_label is None and stack.redo_label == "c"
    with pytest.raises(NothingToUndo):
        stack.undo()
    stack.redo()
    assert done[-1] == "redo c" and stack.undo_label == "c"


def test_an_undo_that_fails_raises_and_leaves_its_step_where_it_was(journal):
    s = journal
    stack = s.operations.undo_stack
    done = s.operations.add_note("soon gone behind the stack's back")
    s.entries.delete(EntryKind.NOTE, done.value.uuid)
    view = journal_view(s)
    for _ in range(2):  # and again: the step is still there, still failing
        with pytest.raises(JournalError, match="no longer in the journal"):
            stack.undo()
        assert (len(stack), stack.undo_label, stack.redo_label) == (1, done.label, None)
        assert journal_view(s) == view


@pytest.mark.parametrize("operation", ["set note", "edit pain"])
def test_an_edit_undo_of_a_session_gone_behind_the_stack_raises_the_service_error(
    journal, operation
):
    s = journal
    session = only(s.entries.entries(limit=2), EntryKind.SESSION)
    if operation == "set note":
        done = s.operations.set_note(EntryKind.SESSION, session.uuid, "easier")
    else:
        done = s.operations.edit_session_pain(session.uuid, 5, 6, 3, 3)
    s.entries.delete(EntryKind.SESSION, session.uuid)
    view = journal_view(s)
    with pytest.raises(JournalError, match="no longer in the journal"):
        s.operations.undo_stack.undo()
    assert s.operations.undo_stack.undo_label == done.label
    assert journal_view(s) == view


def test_a_screening_undo_that_fails_leaves_its_step(journal):
    s = journal
    done = s.operations.record_screening(
        {q.code: False for q in s.red_flags.questions}, Trigger.DAILY
    )
    _, mine = s.red_flags.screens_today()
    models.RedFlagScreen.delete().where(models.RedFlagScreen.uuid == mine.uuid).execute()
    with pytest.raises(RedFlagError, match="no longer in the journal"):
        s.operations.undo_stack.undo()
    assert s.operations.undo_stack.undo_label == done.label


@pytest.mark.parametrize("side", ["undo of a delete", "redo of a new note"])
def test_a_failed_restore_can_be_tried_again(journal, tmp_path, side):
    s = journal
    stack = s.operations.undo_stack
    if side == "undo of a delete":
        note = only(s.entries.entries(), EntryKind.NOTE)
        s.operations.delete(EntryKind.NOTE, note.uuid)
        again = stack.undo
    else:
        note = s.operations.add_note("written twice").value
        stack.undo()
        again = stack.redo
    # The note comes back behind the stack's back (an import of a file that holds it) ...
    path = tmp_path / "journal.json"
    s.transfer.export_json(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["notes"].append(
        {
            "uuid": note.uuid,
            "written_at": f"{note.at:%Y-%m-%dT%H:%M:%SZ}",
            "zone": note.zone,
            "local_date": note.local_date.isoformat(),
            "text": note.note,
        }
    )
    path.write_text(json.dumps(document), encoding="utf-8")
    assert s.transfer.import_json(path).added["notes"] == 1
    with pytest.raises(JournalError, match="already in the journal"):
        again()
    # ... and goes again; now the step works.
    s.entries.delete(EntryKind.NOTE, note.uuid)
    again()
    assert s.entries.entry(EntryKind.NOTE, note.uuid) == note


def test_undoing_a_session_asks_again_the_questions_its_answers_cleared(journal):
    s = journal
    s.symptoms.record_check_in(symptom_map("saddle"))
    assert s.red_flags.pending() is Trigger.SADDLE
    answers = ScreenAnswers({q.code: False for q in s.red_flags.questions}, Trigger.SADDLE)
    s.operations.record_session(new_session(NOW - 3 * HOUR), answers)
    assert s.red_flags.pending() is None
    s.operations.undo_stack.undo()
    assert s.red_flags.pending() is Trigger.SADDLE


def test_a_failed_screening_undo_changes_nothing(journal):
    s = journal
    s.symptoms.record_check_in(symptom_map("saddle"))
    s.operations.record_screening({q.code: False for q in s.red_flags.questions}, Trigger.SADDLE)
    _, mine = s.red_flags.screens_today()
    models.RedFlagScreen.delete().where(models.RedFlagScreen.uuid == mine.uuid).execute()
    with pytest.raises(RedFlagError):
        s.operations.undo_stack.undo()
    assert s.red_flags.pending() is None


# ---- change sets ------------------------------------------------------------------------


def test_a_change_set_says_which_views_it_touches():
    notes_today = ChangeSet.of(Kind.NOTES, days=[TODAY])
    assert notes_today.touches([Kind.NOTES, Kind.SESSIONS])
    assert not notes_today.touches([Kind.SESSIONS, Kind.CHECK_INS])
    assert not notes_today.touches([])
    assert not NOTHING.touches(Kind)
    assert not NOTHING and notes_today


def test_everything_touches_every_view_without_naming_days():
    everything = ChangeSet.everything()
    assert everything.kinds == frozenset(Kind) and everything.days == frozenset()
    assert all(everything.touches([kind]) for kind in Kind)


def test_change_sets_combine_kinds_and_days():
    combined = ChangeSet.of(Kind.NOTES, days=[TODAY]) | ChangeSet.of(
        Kind.SESSIONS, Kind.NOTES, days=[SUNDAY]
    )
    assert combined == ChangeSet.of(Kind.NOTES, Kind.SESSIONS, days=[TODAY, SUNDAY])
    assert NOTHING | combined == combined
    assert ChangeSet.of(Kind.PROFILE) | NOTHING == ChangeSet.of(Kind.PROFILE)


def test_changes_kept_for_a_hidden_page_add_up_and_unknown_days_stay_unknown():
    one = ChangeSet.of(Kind.SESSIONS, days=[dt.date(2026, 11, 1)])
    two = ChangeSet.of(Kind.SESSIONS, days=[dt.date(2026, 11, 3)])
    both = one | two
    assert both.kinds == {Kind.SESSIONS}
    assert both.days == {dt.date(2026, 11, 1), dt.date(2026, 11, 3)}
    assert NOTHING | one == one
    # A change whose days are not known leaves them not known: everything is read again.
    unknown = one | ChangeSet.everything()
    assert unknown.days == frozenset() and Kind.SESSIONS in unknown.kinds
