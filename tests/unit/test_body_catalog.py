"""The region catalog holds every region of DESIGN §2.4 with its level; extents follow from it."""

from __future__ import annotations

import pytest

from sciatica_journal.domain.body import (
    Mark,
    SymptomKind,
    SymptomMap,
    distal_extent,
    radiation_class,
)
from sciatica_journal.services.program_loader import load_catalog

CATALOG = load_catalog()

DESIGN_LEVELS = {
    0: ["low-back"],
    1: ["buttock", "groin"],
    2: ["thigh-back", "thigh-front", "thigh-outer"],
    3: ["knee-back", "knee-front"],
    4: ["calf", "shin", "lower-leg-outer"],
    5: ["ankle", "heel"],
    6: ["foot-top", "sole", "foot-outer"],
    7: ["big-toe", "small-toes"],
}


@pytest.mark.parametrize("level", sorted(DESIGN_LEVELS))
def test_every_design_region_is_in_the_catalog_on_both_sides(level):
    for stem in DESIGN_LEVELS[level]:
        for side in ("left", "right"):
            region = CATALOG.get(f"{stem}-{side}")
            assert region is not None, f"{stem}-{side}"
            assert region.level == level
            assert region.side == side


def test_the_saddle_is_a_central_red_flag_region():
    saddle = CATALOG.get("saddle")
    assert saddle is not None and saddle.red_flag and saddle.side == "center"
    assert CATALOG.get("low-back-center") is not None


def test_extent_and_radiation_class():
    def m(*codes: str) -> SymptomMap:
        return SymptomMap(tuple(Mark(c, SymptomKind.PAIN, 2) for c in codes))

    assert distal_extent(m(), "left", CATALOG) is None
    assert radiation_class(m(), CATALOG) is None
    assert distal_extent(m("low-back-right", "sole-right"), "right", CATALOG) == 6
    assert distal_extent(m("low-back-right", "sole-right"), "left", CATALOG) is None
    assert radiation_class(m("buttock-left"), CATALOG) == 1
    assert radiation_class(m("knee-back-left"), CATALOG) == 2
    assert radiation_class(m("calf-right"), CATALOG) == 3
    # A central mark belongs to neither leg, but it counts for the radiation class.
    assert distal_extent(m("low-back-center"), "left", CATALOG) is None
    assert distal_extent(m("saddle"), "right", CATALOG) is None
    assert radiation_class(m("saddle"), CATALOG) == 1
