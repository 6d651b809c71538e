"""Rule 3 of DESIGN §2.2, in its order (the full table comes with the session wizard)."""

from __future__ import annotations

from sciatica_journal.domain.outcome import session_outcome
from sciatica_journal.domain.sessions import Outcome, PainScores
from sciatica_journal.services.program_loader import load_catalog, load_program
from tests.builders import symptom_map

CATALOG = load_catalog()
THRESHOLDS = load_program().thresholds


def judge(before, after, map_before, map_after, stopped=False):
    return session_outcome(
        pain_before=PainScores(*before),
        pain_after=None if after is None else PainScores(*after),
        map_before=map_before,
        map_after=map_after,
        stopped_for_pain=stopped,
        catalog=CATALOG,
        thresholds=THRESHOLDS,
    )


FOOT = symptom_map("low-back-right", "calf-right", "sole-right")
CALF = symptom_map("low-back-right", "calf-right")


def test_abolished_comes_first():
    assert judge((5, 5), (5, 5), CALF, symptom_map()) is Outcome.ABOLISHED


def test_spreading_down_beats_everything_else():
    assert judge((5, 5), (1, 1), CALF, FOOT) is Outcome.PERIPHERALIZED


def test_two_points_more_pain_is_worse_even_if_centralized():
    assert judge((4, 4), (6, 3), FOOT, CALF) is Outcome.WORSE


def test_one_point_more_is_not_worse():
    assert judge((4, 4), (5, 4), FOOT, CALF) is Outcome.CENTRALIZED


def test_a_stop_for_pain_is_worse():
    assert judge((4, 4), None, CALF, None, stopped=True) is Outcome.WORSE


def test_better_and_no_change():
    assert judge((5, 5), (5, 4), CALF, CALF) is Outcome.BETTER
    assert judge((5, 5), (5, 5), CALF, CALF) is Outcome.NO_CHANGE
