"""What each exercise did (issue 14 point 5): the response profile's counts, worked by hand."""

from __future__ import annotations

import copy
import datetime as dt
import tomllib

import pytest

from sciatica_journal.domain.program import ProgramError, parse_program
from sciatica_journal.domain.response_profile import (
    is_mostly_centralizing,
    profile_json,
    response_profile,
    tally,
)
from sciatica_journal.domain.sessions import Outcome
from sciatica_journal.domain.summary import SessionFacts, summarize
from sciatica_journal.paths import resource_path
from sciatica_journal.services.program_loader import load_catalog, load_program

PROGRAM = load_program()
LADDER = [r.slug for r in PROGRAM.rungs]
C, A, B, N, W, P = (
    Outcome.CENTRALIZED,
    Outcome.ABOLISHED,
    Outcome.BETTER,
    Outcome.NO_CHANGE,
    Outcome.WORSE,
    Outcome.PERIPHERALIZED,
)

# A mixed fortnight, by hand:
# - baby press-ups: 3 centralized, 1 abolished, 2 better, 1 worse, 1 peripheralized counted
#   (8 sessions, 4 centralizing: exactly half, so NOT more than half), and 2 incomplete
#   ones (a centralized and a no change) left out of every count
# - lying propped: 2 centralized, 1 no change (3 sessions, 2 centralizing: 67 % > 50 %)
# - full press-ups: only 1 incomplete session (used, 0 sessions that count)
# - lying face down and overpressure: not used, left out
SESSIONS = (
    [("baby-press-up", C, True)] * 3
    + [("baby-press-up", A, True)]
    + [("baby-press-up", B, True)] * 2
    + [("baby-press-up", W, True), ("baby-press-up", P, True)]
    + [("baby-press-up", C, False), ("baby-press-up", N, False)]
    + [("prone-prop", C, True)] * 2
    + [("prone-prop", N, True)]
    + [("full-press-up", B, False)]
)


def test_mixed_rungs_and_outcomes_counted_by_hand():
    profile = response_profile(tally(SESSIONS), LADDER, 50)
    assert [line.rung for line in profile] == ["prone-prop", "baby-press-up", "full-press-up"]
    prop, baby, full = profile
    assert baby.sessions == 8 and baby.incomplete == 2
    assert dict(baby.outcomes) == {C: 3, A: 1, B: 2, N: 0, W: 1, P: 1}
    assert baby.centralizing == 4
    assert not baby.mostly_centralizing  # 4 of 8 is half, not more than half
    assert (prop.sessions, prop.incomplete, prop.centralizing) == (3, 0, 2)
    assert prop.mostly_centralizing  # 2 of 3
    assert (full.sessions, full.incomplete) == (0, 1)
    assert not full.mostly_centralizing  # no session that counts
    assert sum(full.outcomes.values()) == 0


def test_the_json_entries_keyed_by_slug():
    entries = profile_json(response_profile(tally(SESSIONS), LADDER, 50))
    assert list(entries) == ["prone-prop", "baby-press-up", "full-press-up"]
    assert entries["baby-press-up"] == {
        "sessions": 8,
        "centralized": 3,
        "abolished": 1,
        "better": 2,
        "no_change": 0,
        "worse": 1,
        "peripheralized": 1,
        "incomplete": 2,
        "mostly_centralizing": False,
    }
    assert entries["prone-prop"]["mostly_centralizing"] is True
    assert entries["full-press-up"]["sessions"] == 0
    assert entries["full-press-up"]["incomplete"] == 1


def test_the_threshold_is_more_than_the_percent():
    assert not is_mostly_centralizing(1, 2, 50)
    assert is_mostly_centralizing(2, 3, 50)
    assert not is_mostly_centralizing(2, 3, 67)  # 66.7 % is not more than 67 %
    assert is_mostly_centralizing(1, 4, 24)
    assert not is_mostly_centralizing(0, 0, 1)
    # A lower threshold turns baby press-ups (4 of 8) mostly centralizing.
    baby = response_profile(tally(SESSIONS), LADDER, 49)[1]
    assert baby.rung == "baby-press-up" and baby.mostly_centralizing


def test_rungs_no_longer_in_the_programme_come_last_by_slug():
    counts = tally(
        [("zz-old", B, True), ("prone-lying", W, True), ("aa-old", C, True), ("aa-old", A, True)]
    )
    profile = response_profile(counts, LADDER, 50)
    assert [line.rung for line in profile] == ["prone-lying", "aa-old", "zz-old"]
    assert profile[1].mostly_centralizing and not profile[0].mostly_centralizing
    assert response_profile(tally([]), LADDER, 50) == []
    assert response_profile({("prone-lying", C, True): 0}, LADDER, 50) == []


def test_the_summary_carries_the_profile_in_its_json():
    day = dt.date(2026, 11, 2)
    facts = [
        SessionFacts(day, rung, 5, 6, outcome, None, None, complete)
        for rung, outcome, complete in SESSIONS
    ]
    s = summarize(
        start=day,
        end=day,
        today=day,
        sessions=facts,
        first_map=None,
        latest_map=None,
        screens=[],
        target_min=5,
        target_max=8,
        thresholds=PROGRAM.thresholds,
        catalog=load_catalog(),
        ladder=LADDER,
    )
    j = s.as_json()
    assert j["by_exercise"] == profile_json(response_profile(tally(SESSIONS), LADDER, 50))
    # The profile agrees with the summary's own counts.
    assert sum(e["sessions"] for e in j["by_exercise"].values()) == j["sessions"]["total"] == 11
    incomplete = sum(e["incomplete"] for e in j["by_exercise"].values())
    assert incomplete == j["sessions"]["incomplete_sessions"] == 3
    assert sum(e["centralized"] for e in j["by_exercise"].values()) == j["outcomes"]["centralized"]


def test_the_threshold_is_in_the_programme_and_checked_at_load():
    assert PROGRAM.thresholds.mostly_centralizing_percent == 50
    bundled = tomllib.loads(resource_path("program.toml").read_text(encoding="utf-8"))
    for bad in (0, 100, "half"):
        data = copy.deepcopy(bundled)
        data["thresholds"]["mostly_centralizing_percent"] = bad
        with pytest.raises(ProgramError, match=r"thresholds\.mostly_centralizing_percent"):
            parse_program(data)
