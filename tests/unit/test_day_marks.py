"""The table by day's marks and exercises (``domain.day_marks``), the report's rounding
(``domain.rounding``) and the remembered name-and-birth-date choice (``Preferences``)."""

from __future__ import annotations

import datetime as dt

from sciatica_journal.domain import rounding
from sciatica_journal.domain.day_marks import DayMark, DaySession, day_exercises, day_marks
from sciatica_journal.domain.preferences import Preferences
from sciatica_journal.domain.red_flags import ScreenResult
from sciatica_journal.domain.sessions import Outcome

DAY = dt.date(2026, 11, 24)
LADDER = ["prone-lying", "prone-prop", "baby-press-up", "full-press-up"]


def _session(outcome: Outcome, *, stopped: bool = False, rung: str = "baby-press-up"):
    return DaySession(DAY, rung, outcome, stopped)


def test_each_bad_session_marks_its_day_in_a_fixed_order():
    sessions = [
        _session(Outcome.BETTER),
        _session(Outcome.PERIPHERALIZED),
        _session(Outcome.WORSE, stopped=True),
        _session(Outcome.WORSE),
    ]
    assert day_marks(sessions, []) == (DayMark.WORSE, DayMark.SPREAD, DayMark.STOPPED)
    # A stopped session counts as worse; its own mark says more than "worse".
    assert day_marks([_session(Outcome.WORSE, stopped=True)], []) == (DayMark.STOPPED,)
    assert day_marks([_session(Outcome.CENTRALIZED), _session(Outcome.NO_CHANGE)], []) == ()


def test_a_session_chosen_against_the_advice_marks_its_day_whatever_its_outcome():
    chosen = DaySession(DAY, "full-press-up", Outcome.CENTRALIZED, False, True)
    assert day_marks([chosen], []) == (DayMark.AGAINST_ADVICE,)
    assert day_marks([chosen, _session(Outcome.WORSE)], [ScreenResult.URGENT]) == (
        DayMark.WORSE,
        DayMark.RED_FLAG,
        DayMark.AGAINST_ADVICE,
    )


def test_a_red_flag_marks_the_day_even_without_sessions():
    assert day_marks([], [ScreenResult.CLEAR]) == ()
    assert day_marks([], [ScreenResult.CLEAR, ScreenResult.CONTACT_DOCTOR]) == (DayMark.RED_FLAG,)
    assert day_marks([_session(Outcome.WORSE)], [ScreenResult.URGENT]) == (
        DayMark.WORSE,
        DayMark.RED_FLAG,
    )


def test_the_exercises_of_a_day_follow_the_ladder():
    sessions = [
        _session(Outcome.BETTER, rung="full-press-up"),
        _session(Outcome.BETTER, rung="old-rung"),
        _session(Outcome.BETTER, rung="prone-prop"),
        _session(Outcome.BETTER, rung="full-press-up"),
    ]
    assert day_exercises(sessions, LADDER) == ("prone-prop", "full-press-up", "old-rung")


def test_one_rounding_rule():
    assert rounding.mean(5.357) == 5.36 and rounding.MEAN_PLACES == 2
    assert rounding.percent(76.7857) == 76.8 and rounding.PERCENT_PLACES == 1


def test_the_name_and_birth_date_choice_is_kept():
    assert Preferences().report_identity is False  # printed only when the user opts in
    chosen = Preferences(report_identity=True)
    assert chosen.to_values()["report_identity"] == "1"
    assert Preferences.from_values(chosen.to_values()).report_identity is True
    assert Preferences.from_values({}).report_identity is False
    assert Preferences.from_values({"report_identity": "x"}).report_identity is False
