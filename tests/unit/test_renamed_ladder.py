"""The ladder is wholly data: with every rung's slug renamed in program.toml, the rules
give the same advice, for the same reasons, and no slug is written in the app's code."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sciatica_journal
from sciatica_journal.domain.advice import SessionSummary, advise
from sciatica_journal.domain.program import parse_program_text
from sciatica_journal.domain.sessions import Outcome, PressUpRange, validate_new_session
from sciatica_journal.services.program_loader import load_program
from tests.builders import new_session, renamed_program_text
from tests.unit.test_rules import ADVICE_TABLE, LYING

PREFIX = "x-"
PROGRAM = load_program()
RENAMED = parse_program_text(renamed_program_text(PREFIX))
SLUGS = [r.slug for r in PROGRAM.rungs]


def rename(history: list[SessionSummary]) -> list[SessionSummary]:
    return [dataclasses.replace(s, rung=PREFIX + s.rung) for s in history]


def test_every_slug_and_role_is_renamed_and_the_pictures_stay():
    text = renamed_program_text(PREFIX)
    for slug in SLUGS:
        assert f'"{slug}"' not in text
    assert [r.slug for r in RENAMED.rungs] == [PREFIX + s for s in SLUGS]
    for role in ("goal", "overpressure", "progress_limit"):
        assert getattr(RENAMED, role).slug == PREFIX + getattr(PROGRAM, role).slug
    assert RENAMED.roles.stalling == tuple(PREFIX + s for s in PROGRAM.roles.stalling)
    for old, new in zip(PROGRAM.rungs, RENAMED.rungs, strict=True):
        assert new.pictures == old.pictures
        assert (new.name, new.dose, new.is_press_up) == (old.name, old.dose, old.is_press_up)


@pytest.mark.parametrize(
    "history", [row[1] for row in ADVICE_TABLE], ids=[row[0] for row in ADVICE_TABLE]
)
def test_the_rules_give_the_same_advice_with_renamed_slugs(history):
    real = advise(history, PROGRAM, LYING)
    renamed = advise(rename(history), RENAMED, PREFIX + LYING)
    assert renamed.rung.slug == PREFIX + real.rung.slug
    assert (renamed.kind, renamed.reason) == (real.kind, real.reason)
    assert (renamed.contact_clinician, renamed.contact_reason) == (
        real.contact_clinician,
        real.contact_reason,
    )


summaries = st.builds(
    SessionSummary,
    rung=st.sampled_from(SLUGS),
    local_date=st.dates(dt.date(2026, 11, 1), dt.date(2026, 11, 6)),
    outcome=st.sampled_from([*Outcome, Outcome.BETTER, Outcome.NO_CHANGE, Outcome.NO_CHANGE]),
    stopped_for_pain=st.booleans(),
    range_reached=st.none() | st.sampled_from(list(PressUpRange)),
    pelvis_stayed_down=st.none() | st.booleans(),
    extent_before=st.fixed_dictionaries({"right": st.none() | st.integers(0, 7)}),
    extent_after=st.fixed_dictionaries({"right": st.none() | st.integers(0, 7)}),
    no_more_pain=st.booleans(),
)


# Runs of like sessions, so that streaks (progress, overpressure) come up as often as breaks.
runs = st.lists(st.tuples(summaries, st.integers(1, 6)), max_size=5).map(
    lambda runs: [s for s, times in runs for _ in range(times)]
)
histories = (st.lists(summaries, max_size=12) | runs).map(
    lambda history: sorted(history, key=lambda s: s.local_date)
)


@settings(max_examples=400, deadline=None)
@given(histories, st.sampled_from(SLUGS))
def test_any_history_gets_the_same_advice_with_renamed_slugs(history, start):
    real = advise(history, PROGRAM, start)
    renamed = advise(rename(history), RENAMED, PREFIX + start)
    assert renamed.rung.slug == PREFIX + real.rung.slug
    assert (renamed.kind, renamed.reason, renamed.contact_reason) == (
        real.kind,
        real.reason,
        real.contact_reason,
    )


def test_a_session_on_a_renamed_rung_is_valid():
    now = dt.datetime(2026, 11, 24, 14, 0, tzinfo=dt.UTC)
    session = new_session(now - dt.timedelta(hours=1), rung=PREFIX + "baby-press-up")
    session = dataclasses.replace(session, range_reached=PressUpRange.HALF)
    validate_new_session(session, RENAMED, now)


def test_no_rung_slug_is_written_in_the_apps_code():
    root = Path(sciatica_journal.__file__).parent
    quoted = re.compile("|".join(re.escape(f'"{slug}"') for slug in SLUGS))
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if quoted.search(line)
    ]
    assert found == []
