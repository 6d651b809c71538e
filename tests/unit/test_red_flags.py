"""Red flags: results, when they are due, and blocking the day after an urgent answer."""

from __future__ import annotations

import datetime as dt

import pytest

from sciatica_journal.domain.red_flags import (
    DueBecause,
    DueScreening,
    Occasion,
    RedFlagError,
    ScreenResult,
    Trigger,
    due_screening,
    evaluate,
    triggers_for_map,
)
from sciatica_journal.services.program_loader import load_catalog, load_program
from tests.builders import symptom_map

PROGRAM = load_program()
QUESTIONS = PROGRAM.red_flags
CATALOG = load_catalog()
NO = {q.code: False for q in QUESTIONS}


def test_there_are_six_urgent_questions_and_one_for_the_doctor():
    assert [q.severity.value for q in QUESTIONS] == ["urgent"] * 6 + ["doctor"]


@pytest.mark.parametrize("code", [q.code for q in QUESTIONS[:6]])
def test_any_urgent_yes_is_urgent(code):
    assert evaluate({**NO, code: True}, QUESTIONS) is ScreenResult.URGENT


def test_the_seventh_asks_to_contact_the_doctor():
    assert evaluate({**NO, "general-illness": True}, QUESTIONS) is ScreenResult.CONTACT_DOCTOR
    assert evaluate(NO, QUESTIONS) is ScreenResult.CLEAR


def test_unanswered_or_unknown_questions_are_refused():
    partial = dict(NO)
    del partial["incontinence"]
    with pytest.raises(RedFlagError, match="incontinence"):
        evaluate(partial, QUESTIONS)
    with pytest.raises(RedFlagError, match="unknown"):
        evaluate({**NO, "headache": True}, QUESTIONS)


def test_triggers_for_a_new_map():
    one_leg = symptom_map("calf-right")
    both = symptom_map("calf-right", "thigh-back-left")
    assert triggers_for_map(one_leg, both, CATALOG) == [Trigger.BOTH_LEGS]
    assert triggers_for_map(both, both, CATALOG) == []  # not newly
    assert triggers_for_map(None, symptom_map("saddle"), CATALOG) == [Trigger.SADDLE]
    assert triggers_for_map(symptom_map("saddle"), symptom_map("saddle"), CATALOG) == []
    assert triggers_for_map(None, one_leg, CATALOG) == []


def test_the_service_keeps_screens_and_blocks_the_day(services, clock):
    flags = services.red_flags
    assert flags.due_today() and not flags.blocked_today()
    assert flags.record(NO, Trigger.DAILY) is ScreenResult.CLEAR
    assert not flags.due_today() and not flags.blocked_today()
    assert flags.record({**NO, "bladder-difficulty": True}, Trigger.SADDLE) is ScreenResult.URGENT
    assert flags.blocked_today()
    (_first, second) = flags.screens_today()
    assert second.answers["bladder-difficulty"] is True
    assert second.trigger is Trigger.SADDLE
    # The next day is a new day.
    clock.moment = clock.moment + dt.timedelta(days=1)
    assert flags.due_today() and not flags.blocked_today()


def test_the_saddle_marked_at_check_out_keeps_the_questions_due(set_up_services, clock):
    from tests.builders import new_session, symptom_map

    set_up_services.sessions.record(
        new_session(
            clock.moment - dt.timedelta(hours=1),
            map_before=symptom_map("calf-left"),
            map_after=symptom_map("calf-left", "saddle"),
        )
    )
    assert set_up_services.red_flags.pending() is Trigger.SADDLE


SESSION, CHECK_IN = Occasion.SESSION, Occasion.CHECK_IN
FIRST = DueBecause.FIRST_SESSION_TODAY
THIS, EARLIER = DueBecause.THIS_MAP, DueBecause.EARLIER_MAP
SADDLE, BOTH = Trigger.SADDLE, Trigger.BOTH_LEGS

DUE_TABLE = [
    # id, occasion, daily due, pending, this map's triggers, expected (trigger, because)
    ("nothing-due", SESSION, False, None, [], None),
    ("first-session-of-the-day", SESSION, True, None, [], (Trigger.DAILY, FIRST)),
    ("this-map-marks-the-saddle", SESSION, False, None, [SADDLE], (SADDLE, THIS)),
    ("the-first-of-this-maps-triggers", SESSION, False, None, [SADDLE, BOTH], (SADDLE, THIS)),
    ("put-off-earlier", SESSION, False, BOTH, [], (BOTH, EARLIER)),
    ("daily-before-this-map", SESSION, True, None, [SADDLE], (Trigger.DAILY, FIRST)),
    ("daily-before-put-off", SESSION, True, SADDLE, [], (Trigger.DAILY, FIRST)),
    ("daily-before-both", SESSION, True, BOTH, [SADDLE], (Trigger.DAILY, FIRST)),
    ("this-map-before-put-off", SESSION, False, BOTH, [SADDLE], (SADDLE, THIS)),
    # A check-in on its own is not a session: the daily questions wait for the first one.
    ("check-in-not-daily", CHECK_IN, True, None, [], None),
    ("check-in-nothing", CHECK_IN, False, None, [], None),
    ("check-in-this-map", CHECK_IN, True, None, [BOTH], (BOTH, THIS)),
    ("check-in-put-off", CHECK_IN, True, SADDLE, [], (SADDLE, EARLIER)),
    ("check-in-this-map-first", CHECK_IN, False, SADDLE, [BOTH], (BOTH, THIS)),
]


@pytest.mark.parametrize(
    ("occasion", "daily", "pending", "triggers", "expected"),
    [row[1:] for row in DUE_TABLE],
    ids=[row[0] for row in DUE_TABLE],
)
def test_when_the_questions_are_due_and_why(occasion, daily, pending, triggers, expected):
    due = due_screening(occasion, daily_due=daily, pending=pending, map_triggers=triggers)
    assert due == (None if expected is None else DueScreening(*expected))


def test_the_service_gathers_what_the_rule_needs(set_up_services, clock):
    flags = set_up_services.red_flags
    saddle = set_up_services.symptoms.red_flag_triggers(symptom_map("saddle"))
    assert flags.due_before_session(()) == DueScreening(Trigger.DAILY, FIRST)
    assert flags.due_after_check_in(()) is None
    assert flags.due_after_check_in(saddle) == DueScreening(SADDLE, THIS)
    # Put off ("Not now") after a check-in marking the saddle: due until answered.
    saved = set_up_services.symptoms.record_check_in(symptom_map("saddle"))
    assert flags.due_after_check_in(saved.red_flag_triggers) == DueScreening(SADDLE, THIS)
    assert flags.due_after_check_in(()) == DueScreening(SADDLE, EARLIER)
    assert flags.due_before_session(()) == DueScreening(Trigger.DAILY, FIRST)
    flags.record(NO, Trigger.DAILY)
    assert flags.due_before_session(()) is None
    assert flags.due_after_check_in(()) is None
