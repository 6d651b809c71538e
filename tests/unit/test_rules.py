"""DESIGN §2.2 rules 3-7, table-driven: every outcome, every rule, and their edges."""

from __future__ import annotations

import datetime as dt

import pytest

from sciatica_journal.domain.advice import AdviceKind, SessionSummary, advise
from sciatica_journal.domain.body import SymptomKind
from sciatica_journal.domain.outcome import explain_outcome, session_outcome
from sciatica_journal.domain.sessions import Outcome, PainScores, PressUpRange
from sciatica_journal.services.program_loader import load_catalog, load_program
from tests.builders import symptom_map

PROGRAM = load_program()
CATALOG = load_catalog()

EMPTY = symptom_map()
BACK = symptom_map("low-back-right")
CALF = symptom_map("low-back-right", "calf-right")
CALF_MILD = symptom_map("low-back-right", "calf-right", intensity=1)
CALF_MORE = symptom_map("low-back-right", "calf-right", "shin-right")
FOOT = symptom_map("low-back-right", "calf-right", "sole-right")
BOTH_MIXED_BEFORE = symptom_map("calf-left", "thigh-back-right")
BOTH_MIXED_AFTER = symptom_map("thigh-back-left", "calf-right")

OUTCOME_TABLE = [
    # id, pain before, pain after, map before, map after, stopped, expected
    ("abolished", (5, 5), (5, 5), CALF, EMPTY, False, Outcome.ABOLISHED),
    ("abolished-even-with-more-pain", (3, 3), (6, 3), CALF, EMPTY, False, Outcome.ABOLISHED),
    ("stopped-is-never-abolished", (5, 5), None, CALF, EMPTY, True, Outcome.WORSE),
    ("peripheralized", (5, 5), (2, 2), CALF, FOOT, False, Outcome.PERIPHERALIZED),
    ("peripheralized-beats-worse", (3, 3), (7, 7), CALF, FOOT, False, Outcome.PERIPHERALIZED),
    ("new-symptoms-where-none", (2, 0), (2, 0), BACK, CALF, False, Outcome.PERIPHERALIZED),
    (
        "one-leg-up-one-down",
        (4, 4),
        (3, 3),
        BOTH_MIXED_BEFORE,
        BOTH_MIXED_AFTER,
        False,
        Outcome.PERIPHERALIZED,
    ),
    ("back-exactly-plus-two", (3, 3), (5, 3), CALF, CALF, False, Outcome.WORSE),
    ("leg-exactly-plus-two", (3, 3), (3, 5), CALF, CALF, False, Outcome.WORSE),
    ("plus-one-is-not-worse", (3, 3), (4, 3), CALF, CALF, False, Outcome.NO_CHANGE),
    ("centralized-but-back-pain-plus-two", (3, 5), (5, 2), FOOT, CALF, False, Outcome.WORSE),
    ("centralized-with-back-plus-one", (3, 5), (4, 2), FOOT, CALF, False, Outcome.CENTRALIZED),
    ("stopped-after-three-reps", (4, 4), (4, 3), FOOT, CALF, True, Outcome.WORSE),
    ("centralized", (5, 5), (5, 5), FOOT, CALF, False, Outcome.CENTRALIZED),
    ("centralized-to-the-back", (5, 5), (5, 5), CALF, BACK, False, Outcome.CENTRALIZED),
    ("better-by-exactly-one", (5, 5), (5, 4), CALF, CALF, False, Outcome.BETTER),
    ("better-back", (5, 5), (4, 5), CALF, CALF, False, Outcome.BETTER),
    ("better-milder-marks", (5, 5), (5, 5), CALF, CALF_MILD, False, Outcome.BETTER),
    ("more-marks-same-extent", (5, 5), (5, 5), CALF, CALF_MORE, False, Outcome.NO_CHANGE),
    ("no-change", (5, 5), (5, 5), CALF, CALF, False, Outcome.NO_CHANGE),
    (
        "central-back-pain-as-the-leg-clears",
        (4, 5),
        (4, 5),
        CALF,
        symptom_map("low-back-center", "knee-back-right"),
        False,
        Outcome.CENTRALIZED,
    ),
    (
        "milder-central-back-pain-is-better",
        (4, 5),
        (4, 5),
        symptom_map("low-back-center", intensity=3),
        symptom_map("low-back-center", intensity=1),
        False,
        Outcome.BETTER,
    ),
    (
        "saddle-mark-is-not-spreading-down-a-leg",
        (4, 5),
        (4, 5),
        CALF,
        symptom_map("saddle", "low-back-right", "calf-right"),
        False,
        Outcome.NO_CHANGE,
    ),
]


@pytest.mark.parametrize(
    ("before", "after", "map_before", "map_after", "stopped", "expected"),
    [row[1:] for row in OUTCOME_TABLE],
    ids=[row[0] for row in OUTCOME_TABLE],
)
def test_outcome(before, after, map_before, map_after, stopped, expected):
    kwargs = dict(
        pain_before=PainScores(*before),
        pain_after=None if after is None else PainScores(*after),
        map_before=map_before,
        map_after=map_after,
        stopped_for_pain=stopped,
        catalog=CATALOG,
    )
    outcome = session_outcome(thresholds=PROGRAM.thresholds, **kwargs)
    assert outcome is expected
    assert explain_outcome(outcome, **kwargs)  # every outcome can be explained


def test_explanations_say_why():
    def explain(before, after, mb, ma, stopped=False):
        kwargs = dict(
            pain_before=PainScores(*before),
            pain_after=PainScores(*after),
            map_before=mb,
            map_after=ma,
            stopped_for_pain=stopped,
            catalog=CATALOG,
        )
        return explain_outcome(session_outcome(thresholds=PROGRAM.thresholds, **kwargs), **kwargs)

    tingling_foot = symptom_map("sole-right", kind=SymptomKind.TINGLING)
    tingling_calf = symptom_map("calf-right", kind=SymptomKind.TINGLING)
    assert explain((4, 4), (4, 4), tingling_foot, tingling_calf) == (
        "In your right leg, the tingling has retreated from your foot to your lower leg. "
        "That is centralization, a good sign."
    )
    assert explain((4, 4), (4, 4), CALF, FOOT) == (
        "In your right leg, the pain has spread from your lower leg down to your foot. "
        "That is peripheralization, a sign to skip this exercise for now."
    )
    assert (
        explain((3, 3), (5, 3), CALF, CALF)
        == "Your back pain rose from 3 to 5: that counts as worse."
    )
    assert explain((5, 6), (5, 4), CALF, CALF) == "Your leg pain fell from 6 to 4: better."


DAY = dt.date(2026, 11, 24)


def s(
    rung,
    outcome,
    *,
    day=0,
    stopped=False,
    rng=None,
    pelvis=None,
    before=None,
    after=None,
    calm=True,
):
    return SessionSummary(
        rung=rung,
        local_date=DAY + dt.timedelta(days=day),
        outcome=Outcome(outcome),
        stopped_for_pain=stopped,
        range_reached=None if rng is None else PressUpRange(rng),
        pelvis_stayed_down=pelvis,
        extent_before=before or {},
        extent_after=after or {},
        no_more_pain=calm,
    )


BABY, FULL, OVER = "baby-press-up", "full-press-up", "press-up-overpressure"
LYING, PROP = "prone-lying", "prone-prop"

ADVICE_TABLE = [
    # id, history, expected rung, expected kind, contact clinician
    ("first-session", [], LYING, AdviceKind.START, False),
    ("rule4-keep-going", [s(LYING, "better")], LYING, AdviceKind.KEEP_GOING, False),
    ("rule4-no-change-keeps-going", [s(BABY, "no_change")], BABY, AdviceKind.KEEP_GOING, False),
    ("progress-from-lying", [s(LYING, "better")] * 3, PROP, AdviceKind.PROGRESS, False),
    (
        "rule6-baby-to-full",
        [s(BABY, "centralized", rng="half", pelvis=True)] * 3,
        FULL,
        AdviceKind.PROGRESS,
        False,
    ),
    (
        "rule6-needs-three-improving",
        [s(BABY, "better"), s(BABY, "no_change"), s(BABY, "better")],
        BABY,
        AdviceKind.KEEP_GOING,
        False,
    ),
    (
        "rule6-a-stop-resets",
        [
            s(BABY, "better"),
            s(BABY, "worse", stopped=True),
            s(PROP, "better"),
            s(BABY, "better"),
            s(BABY, "better"),
        ],
        BABY,
        AdviceKind.KEEP_GOING,
        False,
    ),
    ("rule5-worse-steps-down", [s(BABY, "worse")], PROP, AdviceKind.STEP_DOWN, False),
    (
        "rule5-stopped-after-three-reps",
        [s(FULL, "worse", stopped=True)],
        BABY,
        AdviceKind.STEP_DOWN,
        False,
    ),
    (
        "rule5-peripheralized-steps-down",
        [s(OVER, "peripheralized")],
        FULL,
        AdviceKind.STEP_DOWN,
        False,
    ),
    ("rule5-lowest-fails-once", [s(LYING, "worse")], LYING, AdviceKind.STEP_DOWN, False),
    (
        "rule5-lowest-fails-twice",
        [s(LYING, "worse"), s(LYING, "peripheralized")],
        LYING,
        AdviceKind.STEP_DOWN,
        True,
    ),
    (
        "rule5-lowest-twice-not-in-a-row",
        [s(LYING, "worse"), s(LYING, "better"), s(LYING, "worse")],
        LYING,
        AdviceKind.STEP_DOWN,
        False,
    ),
    (
        "rule5-peripheralization-persists",
        [
            s(BABY, "peripheralized", day=0, before={"right": 4}, after={"right": 6}),
            s(PROP, "no_change", day=1, before={"right": 6}, after={"right": 6}),
        ],
        PROP,
        AdviceKind.KEEP_GOING,
        True,
    ),
    (
        "rule5-peripheralization-resolved",
        [
            s(BABY, "peripheralized", day=0, before={"right": 4}, after={"right": 6}),
            s(PROP, "better", day=1, before={"right": 4}, after={"right": 4}),
        ],
        PROP,
        AdviceKind.KEEP_GOING,
        False,
    ),
    (
        "rule6-goal-met",
        [s(FULL, "better", rng="full", pelvis=True)],
        FULL,
        AdviceKind.GOAL_MET,
        False,
    ),
    (
        "goal-not-met-when-pain-rose",
        [s(FULL, "no_change", rng="full", pelvis=True, calm=False)],
        FULL,
        AdviceKind.KEEP_GOING,
        False,
    ),
    (
        "rule6-before-rule7-on-baby-press-ups",
        [
            s(BABY, o, rng="half", pelvis=True)
            for o in ("no_change", "no_change", "better", "better", "better")
        ],
        FULL,
        AdviceKind.PROGRESS,
        False,
    ),
    (
        "full-but-pelvis-lifted",
        [s(FULL, "better", rng="full", pelvis=False)],
        FULL,
        AdviceKind.KEEP_GOING,
        False,
    ),
    (
        "goal-not-met-when-worse",
        [s(FULL, "worse", rng="full", pelvis=True)],
        BABY,
        AdviceKind.STEP_DOWN,
        False,
    ),
    (
        "rule7-three-no-change",
        [s(BABY, "no_change", rng="half", pelvis=True)] * 3,
        OVER,
        AdviceKind.OVERPRESSURE,
        False,
    ),
    (
        "rule7-full-out-of-reach",
        [
            s(BABY, o, rng="half", pelvis=True)
            for o in ("better", "no_change", "better", "no_change", "better")
        ],
        OVER,
        AdviceKind.OVERPRESSURE,
        False,
    ),
    (
        "rule7-four-is-not-enough",
        [
            s(BABY, o, rng="half", pelvis=True)
            for o in ("better", "no_change", "better", "no_change")
        ],
        BABY,
        AdviceKind.KEEP_GOING,
        False,
    ),
    ("overpressure-keeps-going", [s(OVER, "better")] * 4, OVER, AdviceKind.KEEP_GOING, False),
]


@pytest.mark.parametrize(
    ("history", "rung", "kind", "contact"),
    [row[1:] for row in ADVICE_TABLE],
    ids=[row[0] for row in ADVICE_TABLE],
)
def test_advice(history, rung, kind, contact):
    advice = advise(history, PROGRAM, starting_rung=LYING)
    assert (advice.rung.slug, advice.kind, advice.contact_clinician) == (rung, kind, contact)
    assert advice.reason
    assert bool(advice.contact_reason) == contact


def test_the_thresholds_come_from_the_program():
    import dataclasses

    lenient = dataclasses.replace(
        PROGRAM, thresholds=dataclasses.replace(PROGRAM.thresholds, good_sessions_to_progress=2)
    )
    history = [s(BABY, "better")] * 2
    assert advise(history, PROGRAM, LYING).kind is AdviceKind.KEEP_GOING
    assert advise(history, lenient, LYING).rung.slug == FULL


def test_reasons_read_well():
    assert advise([s(BABY, "worse")], PROGRAM, LYING).reason == (
        "Last time baby press-ups made things worse (your pain went up): skip it for now and "
        "go one step down, to lying propped on elbows."
    )
    assert advise([], PROGRAM, BABY).reason == "Start with baby press-ups."
