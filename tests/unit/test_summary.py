"""The report's numbers, exactly as DESIGN §4 defines them."""

from __future__ import annotations

import datetime as dt

from sciatica_journal.domain.red_flags import ScreenResult
from sciatica_journal.domain.sessions import Outcome, PressUpRange
from sciatica_journal.domain.summary import ScreenFacts, SessionFacts, summarize
from sciatica_journal.services.program_loader import load_catalog, load_program
from tests.builders import symptom_map

PROGRAM = load_program()
CATALOG = load_catalog()
D = dt.date


def facts(day, back, leg, outcome="better", rung="baby-press-up", rng=None, pelvis=None):
    return SessionFacts(
        day, rung, back, leg, Outcome(outcome), None if rng is None else PressUpRange(rng), pelvis
    )


NOV_1, NOV_30, TODAY = D(2026, 11, 1), D(2026, 11, 30), D(2026, 11, 24)


def run(sessions, start=NOV_1, end=NOV_30, today=TODAY, **kw):
    args = dict(
        first_map=None,
        latest_map=None,
        screens=[],
        target_min=5,
        target_max=8,
        thresholds=PROGRAM.thresholds,
        catalog=CATALOG,
    )
    return summarize(start=start, end=end, today=today, sessions=sessions, **{**args, **kw})


def test_days_adherence_and_means():
    sessions = [facts(D(2026, 11, 2), 5, 6)] * 5 + [facts(D(2026, 11, 3), 5, 6)] * 2
    s = run(sessions)
    assert s.days == 24  # 1-24 November: the end is capped at today
    assert (s.total, s.days_active, s.days_meeting_target) == (7, 2, 1)
    assert s.adherence_pct == 4.2  # 1 of 24 days
    assert s.mean_per_day == 0.29


def test_first_and_last_week_pain_and_clinical_importance():
    sessions = [
        facts(D(2026, 11, 1), 6, 8),  # first week: 1st-7th
        facts(D(2026, 11, 7), 4, 6),
        facts(D(2026, 11, 8), 9, 9),  # in neither week
        facts(D(2026, 11, 17), 3, 4),  # last week: 17th-23rd
        facts(D(2026, 11, 23), 3, 2),
    ]
    s = run(sessions)
    assert (s.back.first_week_mean, s.back.last_week_mean, s.back.change) == (5.0, 3.0, -2.0)
    assert s.back.clinically_important  # 2 points
    assert (s.leg.first_week_mean, s.leg.last_week_mean, s.leg.change) == (7.0, 3.0, -4.0)
    small = run([facts(D(2026, 11, 1), 5, 3), facts(D(2026, 11, 20), 4, 2)])
    assert small.back.change == -1.0 and not small.back.clinically_important  # 1 pt, 20 %
    assert small.leg.clinically_important  # 1 point but 33 %


def test_the_weeks_are_compared_only_when_the_sessions_span_two_weeks():
    """A 24-day period whose sessions are all on one day has no first and last week apart:
    they would be the same sessions. The weeks and the change are None (in ``summary
    --json`` too), the period mean is given; from a 14-day span they are compared."""
    one_day = run([facts(D(2026, 11, 10), 4, 6), facts(D(2026, 11, 10), 2, 6)])
    assert one_day.days == 24
    for pain, mean in ((one_day.back, 3.0), (one_day.leg, 6.0)):
        assert (pain.first_week_mean, pain.last_week_mean, pain.change) == (None, None, None)
        assert not pain.clinically_important
        assert (pain.period_mean, pain.span_days) == (mean, 1)
    shown = one_day.as_json()["pain"]["back"]
    assert shown == {
        "first_week_mean": None,
        "last_week_mean": None,
        "change": None,
        "clinically_important": False,
        "period_mean": 3.0,
    }
    thirteen = run([facts(D(2026, 11, 1), 6, 6), facts(D(2026, 11, 13), 2, 2)])
    assert thirteen.back.change is None and thirteen.back.span_days == 13
    fourteen = run([facts(D(2026, 11, 1), 6, 6), facts(D(2026, 11, 14), 2, 2)])
    assert (fourteen.back.first_week_mean, fourteen.back.last_week_mean) == (6.0, 2.0)
    assert fourteen.back.change == -4.0 and fourteen.back.span_days == 14


def test_extent_trend_radiation_outcomes_rung_range_and_flags():
    sessions = [
        facts(D(2026, 11, 2), 5, 6, "peripheralized", rng="half", pelvis=True),
        facts(D(2026, 11, 3), 5, 6, "centralized", rng="full", pelvis=False),
        facts(
            D(2026, 11, 4),
            5,
            6,
            "centralized",
            rung="full-press-up",
            rng="three-quarters",
            pelvis=True,
        ),
    ]
    s = run(
        sessions,
        first_map=symptom_map("sole-right", "calf-left"),
        latest_map=symptom_map("buttock-right", "calf-left", "sole-left"),
        screens=[
            ScreenFacts(D(2026, 11, 2), ScreenResult.CLEAR),
            ScreenFacts(D(2026, 11, 3), ScreenResult.URGENT),
        ],
    )
    assert (s.extent["right"].first, s.extent["right"].latest) == (6, 1)
    assert s.extent["right"].trend == "centralizing"
    assert s.extent["left"].trend == "peripheralizing"
    assert (s.radiation_first, s.radiation_latest) == (3, 3)
    assert s.outcomes["centralized"] == 2 and s.outcomes["worse"] == 0
    assert s.current_rung == "full-press-up"
    assert s.best_range is PressUpRange.THREE_QUARTERS  # "full" had the pelvis lifting
    assert [f.result for f in s.red_flags] == [ScreenResult.URGENT]
    out = s.as_json()
    assert out["distal_extent"]["right"] == {"first": 6, "latest": 1, "trend": "centralizing"}
    # summary --json lists each screening, "no" to everything included (the report lists
    # those with a "yes" and counts the others).
    assert out["red_flags"] == [
        {"date": "2026-11-02", "at": None, "result": "clear", "yes": []},
        {"date": "2026-11-03", "at": None, "result": "urgent", "yes": []},
    ]


def test_an_empty_period():
    s = run([])
    assert s.total == 0 and s.back.first_week_mean is None and s.current_rung is None
    assert s.extent["left"].trend == "stable"


def test_a_future_period_is_refused(services):
    import pytest

    from sciatica_journal.services.summary_service import PeriodError

    with pytest.raises(PeriodError, match="after today"):
        services.summaries.summary(D(2099, 1, 1), D(2099, 2, 1))
    _, end = services.summaries.period(D(2026, 11, 1), D(2099, 1, 1))
    assert end == D(2026, 11, 24)  # capped at today
