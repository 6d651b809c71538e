"""The demo journal tells a plausible story: symptoms retreat from the foot, pain falls."""

from __future__ import annotations

from collections import Counter

from sciatica_journal.domain.body import distal_extent
from sciatica_journal.domain.sessions import Outcome
from sciatica_journal.domain.timekeeping import local_time, parse_utc
from sciatica_journal.services.demo_journal import DEMO_DAYS, generate_demo
from sciatica_journal.storage import models


def test_the_demo_course(services):
    count = generate_demo(services)
    with services.journal.bound():
        sessions = list(models.ExerciseSession.select().order_by(models.ExerciseSession.started_at))
    assert count == len(sessions)
    days = {s.local_date for s in sessions}
    assert len(days) == DEMO_DAYS
    assert 4 <= count / DEMO_DAYS <= 7

    first_map = services.stores.symptoms.load_map(sessions[0].map_before_id)
    last_map = services.stores.symptoms.load_map(sessions[-1].map_after_id)
    catalog = services.catalog
    assert distal_extent(first_map, "right", catalog) >= 6  # foot or toes
    assert distal_extent(last_map, "right", catalog) <= 2  # buttock or thigh at most
    assert distal_extent(last_map, "left", catalog) in (None, 0, 1)

    first_week = [s.leg_pain_before for s in sessions[:30]]
    last_week = [s.leg_pain_before for s in sessions[-30:]]
    assert sum(first_week) / 30 - sum(last_week) / 30 >= 3

    outcomes = Counter(Outcome(s.outcome) for s in sessions)
    assert 1 <= outcomes[Outcome.WORSE] <= 5
    assert 1 <= outcomes[Outcome.PERIPHERALIZED] <= 5
    assert outcomes[Outcome.CENTRALIZED] > 20
    assert any(s.stopped_for_pain for s in sessions)
    rungs = [s.rung for s in sessions]
    assert rungs[0] == "prone-lying" and rungs[-1] == "full-press-up"
    assert rungs.count("press-up-overpressure") >= 40
    assert not services.profiles.needs_disclaimer()
    # Sessions happen in waking hours only (the demo never invents night sessions).
    hours = {local_time(parse_utc(s.started_at), s.zone).hour for s in sessions}
    assert min(hours) >= 7 and max(hours) <= 21
