"""Distal extent, radiation class and the comparison of two maps (DESIGN §2.4), with properties."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from sciatica_journal.domain.body import (
    SIDES,
    Mark,
    SymptomKind,
    SymptomMap,
    distal_extent,
    radiation_class,
)
from sciatica_journal.domain.map_comparison import (
    ExtentChange,
    compare_maps,
    describe_change,
    describe_reach,
    legs_marked,
    when_phrase,
)
from sciatica_journal.services.program_loader import load_catalog
from tests.builders import symptom_map

CATALOG = load_catalog()
CODES = sorted(r.code for r in CATALOG.regions)

marks = st.builds(
    Mark,
    region=st.sampled_from(CODES),
    kind=st.sampled_from(list(SymptomKind)),
    intensity=st.integers(1, 3),
)
maps = st.lists(marks, max_size=12, unique_by=lambda m: (m.region, m.kind)).map(
    lambda ms: SymptomMap(tuple(ms))
)


@given(maps, marks)
def test_adding_a_mark_never_lowers_the_extent(symptoms, mark):
    bigger = SymptomMap((*symptoms.marks, mark))
    for side in SIDES:
        before = distal_extent(symptoms, side, CATALOG)
        after = distal_extent(bigger, side, CATALOG)
        assert after is not None if before is not None else True
        if before is not None:
            assert after >= before


@given(maps, maps)
def test_comparison_is_antisymmetric(a, b):
    forward = compare_maps(a, b, CATALOG)
    backward = compare_maps(b, a, CATALOG)
    for side in SIDES:
        assert backward[side].change is forward[side].change.opposite


@given(maps)
def test_a_map_compared_with_itself_is_the_same(a):
    assert {c.change for c in compare_maps(a, a, CATALOG).values()} == {ExtentChange.SAME}


def test_an_empty_map_has_no_extent_and_no_class():
    empty = SymptomMap()
    assert all(distal_extent(empty, side, CATALOG) is None for side in SIDES)
    assert radiation_class(empty, CATALOG) is None


@given(maps)
def test_radiation_class_follows_the_deepest_mark(symptoms):
    deepest = max((CATALOG.get(m.region).level for m in symptoms.marks), default=None)
    expected = None if deepest is None else 1 if deepest <= 1 else 2 if deepest <= 3 else 3
    assert radiation_class(symptoms, CATALOG) == expected


def test_per_side_changes():
    foot = symptom_map("low-back-right", "calf-right", "sole-right")
    calf = symptom_map("low-back-right", "calf-right")
    result = compare_maps(foot, calf, CATALOG)
    assert result["right"].change is ExtentChange.CENTRALIZED
    assert (result["right"].before, result["right"].after) == (6, 4)
    assert result["left"].change is ExtentChange.SAME  # nothing marked on the left
    milder = symptom_map("low-back-right", "calf-right", intensity=1)
    assert compare_maps(calf, milder, CATALOG)["right"].change is ExtentChange.SMALLER
    stronger = symptom_map("low-back-right", "calf-right", "shin-right")
    assert compare_maps(calf, stronger, CATALOG)["right"].change is ExtentChange.LARGER
    assert compare_maps(calf, foot, CATALOG)["right"].change is ExtentChange.PERIPHERALIZED


def test_reach_in_words():
    lines = describe_reach(symptom_map("low-back-left", "calf-left", "buttock-right"), CATALOG)
    assert lines == [
        "Left leg: down to the lower leg — below the knee",
        "Right leg: down to the buttock — back and buttock only",
    ]
    assert describe_reach(symptom_map("knee-back-left"), CATALOG)[0] == (
        "Left leg: down to the knee — not below the knee"
    )


def test_change_in_words():
    foot = symptom_map("sole-left", kind=SymptomKind.TINGLING)
    calf = symptom_map("calf-left", kind=SymptomKind.TINGLING)
    change = compare_maps(foot, calf, CATALOG)["left"]
    assert describe_change(change, foot, calf, CATALOG, "this morning") == (
        "Left leg: since this morning, the tingling has retreated from your foot to your "
        "lower leg — a good sign"
    )
    worse = compare_maps(calf, foot, CATALOG)["left"]
    assert describe_change(worse, calf, foot, CATALOG, "yesterday") == (
        "Left leg: since yesterday, the tingling has spread from your lower leg down to your foot"
    )


def test_when_phrases():
    now = dt.datetime(2026, 11, 24, 16, 0)
    assert when_phrase(dt.datetime(2026, 11, 24, 8, 0), now) == "this morning"
    assert when_phrase(dt.datetime(2026, 11, 24, 13, 0), now) == "this afternoon"
    assert when_phrase(dt.datetime(2026, 11, 23, 21, 0), now) == "yesterday"
    assert when_phrase(dt.datetime(2026, 11, 20, 9, 0), now) == "on Friday"
    assert when_phrase(dt.datetime(2026, 11, 2, 9, 0), now) == "on 2 November"


def test_central_back_pain_with_the_leg_clearing_is_centralization():
    before = symptom_map("calf-right")
    after = symptom_map("low-back-center", "knee-back-right")
    result = compare_maps(before, after, CATALOG)
    assert result["right"].change is ExtentChange.CENTRALIZED
    assert result["left"].change is ExtentChange.SAME
    assert describe_reach(symptom_map("saddle"), CATALOG)[-1] == (
        "Middle: Saddle area (between the legs)"
    )


def test_legs_marked_ignores_the_low_back():
    assert legs_marked(symptom_map("low-back-left", "low-back-right"), CATALOG) == set()
    assert legs_marked(symptom_map("calf-left", "heel-right"), CATALOG) == {"left", "right"}
