"""The sessions a summary is made of (``ReportStore.session_facts``) are what was recorded:
rung, scores, outcome, range, pelvis and completeness, each combination of them read back
from the integer SQLite packs them into; a code too large to be one is damage."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sciatica_journal.domain.doses import dose_minimums, is_complete
from sciatica_journal.domain.sessions import PressUpRange
from sciatica_journal.services.container import Services
from sciatica_journal.storage.codes import CodeError
from tests.builders import new_session

CASES = [
    # rung, range reached, pelvis stayed down, reps, hold, stopped for pain
    ("baby-press-up", None, None, 10, None, False),
    ("baby-press-up", PressUpRange.HALF, False, 3, None, False),  # short of the dose
    ("full-press-up", PressUpRange.FULL, True, 10, None, False),
    ("full-press-up", PressUpRange.QUARTER, True, 2, None, True),  # stopped: complete
    ("prone-lying", None, None, None, 20, False),  # held too briefly
    ("prone-prop", None, None, None, 180, False),
    ("press-up-overpressure", PressUpRange.THREE_QUARTERS, False, None, None, False),
]


def test_each_session_reads_back_as_recorded(set_up_services: Services, clock) -> None:
    services = set_up_services
    start = clock.now() - dt.timedelta(hours=len(CASES) + 1)
    for n, (rung, reached, pelvis, reps, hold, stopped) in enumerate(CASES):
        session = new_session(
            start + dt.timedelta(hours=n),
            rung=rung,
            before=(n % 11, (n * 3) % 11),
            reps=reps,
            hold=hold,
            stopped=stopped,
        )
        services.sessions.record(
            dataclasses.replace(session, range_reached=reached, pelvis_stayed_down=pelvis)
        )
    day = clock.now().date()
    reports = services.stores.reports
    facts = reports.session_facts(day - dt.timedelta(days=1), day, dose_minimums(services.program))
    by_day = reports.day_sessions(day - dt.timedelta(days=1), day)  # through the models
    assert len(facts) == len(CASES) == len(by_day)
    for n, (fact, case, row) in enumerate(zip(facts, CASES, by_day, strict=True)):
        rung, reached, pelvis, reps, hold, stopped = case
        assert (fact.rung, fact.range_reached, fact.pelvis_stayed_down) == (rung, reached, pelvis)
        assert (fact.back_before, fact.leg_before) == (n % 11, (n * 3) % 11)
        assert fact.complete == is_complete(services.program.rung(rung), reps, hold, stopped)
        assert (fact.local_date, fact.outcome) == (row.local_date, row.outcome)
    assert {f.complete for f in facts} == {True, False}


def test_a_code_too_large_is_damage(set_up_services: Services, clock) -> None:
    services = set_up_services
    services.sessions.record(new_session(clock.now() - dt.timedelta(hours=1)))
    services.stores.reports.sql("UPDATE exercise_session SET outcome = ?", [1 << 40])
    day = clock.now().date()
    with pytest.raises(CodeError):
        services.stores.reports.session_facts(day, day, dose_minimums(services.program))
