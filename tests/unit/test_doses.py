"""Honest doses (DESIGN §2.2 rule 9, issue 13.7): a session ended short of its dose's
minimum is kept and shown as incomplete, and counts neither towards the day's sessions,
adherence and streaks nor towards progression, while a bad incomplete session still
makes the advice more cautious."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

import pytest

from sciatica_journal.domain.advice import AdviceKind, SessionSummary, advise
from sciatica_journal.domain.doses import dose_words, is_complete, marked_dose
from sciatica_journal.domain.sessions import Outcome, PressUpRange, SessionError
from sciatica_journal.services import languages
from sciatica_journal.services.program_loader import load_program
from tests.builders import new_session, symptom_map

PROGRAM = load_program()
BABY = PROGRAM.rung("baby-press-up")  # 5-10 repetitions, 10 by default
LYING = PROGRAM.rung("prone-lying")  # a hold of 30-600 s, 180 by default
D = dt.date(2026, 11, 20)
YESTERDAY = dt.datetime(2026, 11, 23, 7, 0, tzinfo=dt.UTC)  # 08:00 in Berlin
TODAY = dt.datetime(2026, 11, 24, 7, 0, tzinfo=dt.UTC)  # now is 15:00 in Berlin


@pytest.fixture
def german() -> Iterator[None]:
    languages.use_language("de")
    yield
    languages.use_language("en")


def _hours(start: dt.datetime, n: int) -> list[dt.datetime]:
    return [start + dt.timedelta(hours=i) for i in range(n)]


# ---- the rule ------------------------------------------------------------------------


def test_the_dose_minimum_from_the_programme_decides():
    assert (BABY.dose.minimum, LYING.dose.minimum) == (5, 30)
    assert not is_complete(BABY, 4, None, stopped_for_pain=False)
    assert is_complete(BABY, 5, None, stopped_for_pain=False)
    assert is_complete(BABY, 14, None, stopped_for_pain=False)  # counted past the dose
    assert not is_complete(LYING, None, 29, stopped_for_pain=False)
    assert is_complete(LYING, None, 30, stopped_for_pain=False)


def test_a_session_stopped_for_pain_at_two_reps_is_complete():
    assert is_complete(BABY, 2, None, stopped_for_pain=True)


def test_a_session_without_a_count_is_complete_as_in_old_journals():
    assert is_complete(BABY, None, None, stopped_for_pain=False)
    assert is_complete(LYING, None, None, stopped_for_pain=False)


def test_a_three_second_hold_of_a_three_minute_exercise_is_incomplete():
    assert not is_complete(LYING, None, 3, stopped_for_pain=False)


# ---- the words -----------------------------------------------------------------------


def test_the_dose_in_words_against_the_plan():
    assert dose_words(BABY, 3, None, 10) == "3 of 10 reps"
    assert dose_words(LYING, None, 3, 180) == "0:03 of 3:00"
    assert dose_words(LYING, None, 750, 600) == "12:30 of 10:00"
    assert marked_dose(BABY, 3, None, 10, complete=False) == "3 of 10 reps, incomplete"
    assert marked_dose(BABY, 10, None, 10, complete=True) == "10 of 10 reps"


def test_without_a_plan_the_dose_reads_as_before():
    assert dose_words(BABY, 3, None, None) == "3 reps"
    assert dose_words(LYING, None, 3, None) == "held 3 s"
    assert dose_words(None, 1, None, None) == "1 rep"  # a rung no longer in the programme
    assert dose_words(BABY, None, None, 10) == ""


def test_the_dose_in_words_in_german(german):
    assert dose_words(BABY, 3, None, 10) == "3 von 10 Wiederholungen"
    assert dose_words(LYING, None, 3, 180) == "0:03 von 3:00"
    assert (
        marked_dose(BABY, 3, None, 10, complete=False) == "3 von 10 Wiederholungen, unvollständig"
    )


# ---- validation ----------------------------------------------------------------------


def test_the_count_may_pass_the_dose_and_the_plan_must_fit_it(set_up_services):
    sessions = set_up_services.sessions
    saved = sessions.record(new_session(TODAY, reps=14, planned=10))
    assert saved.complete
    for planned in (4, 11):
        with pytest.raises(SessionError, match="planned repetitions must be 5-10") as error:
            sessions.record(new_session(TODAY, reps=3, planned=planned))
        assert error.value.field == "planned"
    with pytest.raises(SessionError, match="planned hold must be 30-600 seconds"):
        sessions.record(new_session(TODAY, rung="prone-lying", reps=None, hold=3, planned=20))
    with pytest.raises(SessionError) as error:
        sessions.record(new_session(TODAY, reps=101))
    assert error.value.field == "reps_done"


# ---- counting: the day, adherence, streaks -------------------------------------------


def test_incomplete_sessions_count_neither_today_nor_in_adherence_or_streaks(set_up_services):
    s = set_up_services
    for at in _hours(YESTERDAY, 5):  # yesterday: the minimum of 5, met
        s.sessions.record(new_session(at, planned=10))
    for at in _hours(TODAY, 4):  # today: 4 whole sessions and 2 ended after 3 reps
        s.sessions.record(new_session(at, planned=10))
    for at in _hours(TODAY + dt.timedelta(hours=4, minutes=30), 2):
        s.sessions.record(new_session(at, reps=3, planned=10))

    today = s.sessions.today()
    assert len(today.sessions) == 6  # all shown
    assert len(today.incomplete) == 2
    assert today.count.done == 4
    assert today.count.headline == "4 of 5–8 today"  # 6 if the short ones counted

    frequency = s.frequency.summary()
    # Today is not met (4 < 5), so the streak is yesterday's alone; counting the two
    # short sessions would have made today met and the streak 2.
    assert (frequency.streaks.current, frequency.streaks.longest) == (1, 1)
    november = {d.day.day: d for d in s.frequency.month(2026, 11)}
    assert (november[23].sessions, november[23].met) == (5, True)
    assert (november[24].sessions, november[24].met) == (4, False)

    summary = s.summaries.summary()
    assert (summary.start, summary.end, summary.days) == (
        dt.date(2026, 11, 23),
        dt.date(2026, 11, 24),
        2,
    )
    assert (summary.total, summary.incomplete, summary.days_meeting_target) == (9, 2, 1)
    assert summary.adherence_pct == 50.0  # 1 of 2 days; 100.0 if the short ones counted
    assert summary.mean_per_day == 4.5  # 9 sessions over 2 days
    assert sum(summary.outcomes.values()) == 9
    as_json = summary.as_json()["sessions"]
    assert (as_json["total"], as_json["incomplete_sessions"]) == (9, 2)
    assert as_json["adherence_pct"] == 50.0


def test_a_stopped_session_at_two_reps_counts_for_the_day_and_steps_down(set_up_services):
    s = set_up_services
    saved = s.sessions.record(new_session(TODAY, reps=2, planned=10, stopped=True))
    assert saved.complete and saved.outcome is Outcome.WORSE
    assert s.sessions.today().count.done == 1
    advice = s.sessions.advice()
    assert (advice.kind, advice.rung.slug) == (AdviceKind.STEP_DOWN, "prone-prop")


def test_the_progress_chart_counts_complete_sessions_per_day(set_up_services):
    s = set_up_services
    s.sessions.record(new_session(TODAY, planned=10))
    s.sessions.record(new_session(TODAY + dt.timedelta(hours=1), reps=2, planned=10))
    days = s.progress.load().days
    assert list(days.sessions) == [1.0]


# ---- counting: progression -----------------------------------------------------------


def _summary(outcome: Outcome, *, rung: str = "baby-press-up", complete: bool = True):
    return SessionSummary(rung=rung, local_date=D, outcome=outcome, complete=complete)


def test_an_incomplete_good_session_is_no_step_towards_progression():
    three_good = [_summary(Outcome.BETTER)] * 3
    assert advise(three_good, PROGRAM, "prone-lying").kind is AdviceKind.PROGRESS
    two_and_short = [_summary(Outcome.BETTER)] * 2 + [_summary(Outcome.BETTER, complete=False)]
    advice = advise(two_and_short, PROGRAM, "prone-lying")
    assert (advice.kind, advice.rung.slug) == (AdviceKind.KEEP_GOING, "baby-press-up")
    assert "After 1 more good session you can step up." in advice.reason


def test_three_second_holds_do_not_progress(set_up_services):
    s = set_up_services
    for at in _hours(TODAY, 3):  # better each time, but 3 s of a 3-minute hold
        s.sessions.record(
            new_session(at, rung="prone-lying", reps=None, hold=3, planned=180, minutes=1)
        )
    assert s.sessions.today().count.done == 0
    assert s.sessions.advice().kind is not AdviceKind.PROGRESS
    for at in _hours(TODAY + dt.timedelta(hours=3), 3):  # the same, held the 3 minutes
        s.sessions.record(new_session(at, rung="prone-lying", reps=None, hold=180, planned=180))
    advice = s.sessions.advice()
    assert (advice.kind, advice.rung.slug) == (AdviceKind.PROGRESS, "prone-prop")


def test_a_bad_incomplete_session_still_steps_down():
    """Safety: losing a warning sign is worse than counting it."""
    history = [_summary(Outcome.BETTER)] * 2 + [_summary(Outcome.PERIPHERALIZED, complete=False)]
    advice = advise(history, PROGRAM, "prone-lying")
    assert (advice.kind, advice.rung.slug) == (AdviceKind.STEP_DOWN, "prone-prop")


def test_bad_incomplete_sessions_on_the_lowest_rung_still_lead_to_the_clinician():
    history = [
        _summary(Outcome.WORSE, rung="prone-lying", complete=False),
        _summary(Outcome.BETTER, rung="prone-lying", complete=False),  # short: not weighed
        _summary(Outcome.WORSE, rung="prone-lying", complete=False),
    ]
    assert advise(history, PROGRAM, "prone-lying").contact_clinician


def test_an_incomplete_session_does_not_give_the_best_range(set_up_services):
    s = set_up_services
    short = new_session(TODAY, reps=3, planned=10)
    s.sessions.record(replace(short, range_reached=PressUpRange.FULL, pelvis_stayed_down=True))
    assert s.sessions.best_range() is None
    whole = new_session(TODAY + dt.timedelta(hours=1), planned=10)
    s.sessions.record(replace(whole, range_reached=PressUpRange.HALF, pelvis_stayed_down=True))
    assert s.sessions.best_range() is PressUpRange.HALF


# ---- shown: the Journal ---------------------------------------------------------------


def test_the_journal_shows_an_incomplete_session_as_such(set_up_services):
    s = set_up_services
    s.sessions.record(new_session(TODAY, reps=3, planned=10))
    s.sessions.record(
        new_session(
            TODAY + dt.timedelta(hours=1),
            rung="prone-lying",
            reps=None,
            hold=3,
            planned=180,
            map_before=symptom_map("low-back-right"),
            map_after=symptom_map("low-back-right"),
        )
    )
    hold, reps = s.entries.entries()
    assert "3 of 10 reps, incomplete" in reps.summary and not reps.complete
    assert "0:03 of 3:00, incomplete" in hold.summary and not hold.complete
