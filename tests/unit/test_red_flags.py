"""Red flags: results, when they are due, and blocking the day after an urgent answer."""

from __future__ import annotations

import datetime as dt

import pytest

from sciatica_journal.domain.red_flags import (
    RedFlagError,
    ScreenResult,
    Trigger,
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
