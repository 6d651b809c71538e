"""The region catalog holds every region of DESIGN §2.4 with its level; extents follow from it."""

from __future__ import annotations

import pytest

from sciatica_journal.domain.body import (
    CatalogError,
    Mark,
    SymptomKind,
    SymptomMap,
    distal_extent,
    parse_catalog_text,
    radiation_class,
)
from sciatica_journal.domain.map_comparison import reach_phrase
from sciatica_journal.paths import resource_path
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


def test_the_levels_and_their_classes_are_data():
    assert CATALOG.level_names == {
        0: "low back",
        1: "buttock",
        2: "thigh",
        3: "knee",
        4: "lower leg",
        5: "ankle",
        6: "foot",
        7: "toes",
    }
    assert [lv.number for lv in CATALOG.levels if not lv.in_leg] == [0]
    assert [lv.radiation for lv in CATALOG.levels] == [1, 1, 2, 2, 3, 3, 3, 3]
    assert CATALOG.radiation_words[2] == "not below the knee"


BUNDLED_TEXT = resource_path("body_regions.toml").read_text(encoding="utf-8")
KNEE = 'level = 3\nname = "knee"\nin_leg = true\nradiation = 2'


def test_the_knee_counts_where_the_catalog_says():
    assert KNEE in BUNDLED_TEXT
    strict = parse_catalog_text(BUNDLED_TEXT.replace(KNEE, KNEE.replace("= 2", "= 3")))
    knee = SymptomMap((Mark("knee-back-left", SymptomKind.PAIN, 2),))
    assert radiation_class(knee, CATALOG) == 2
    assert radiation_class(knee, strict) == 3
    assert reach_phrase(3, CATALOG) == "down to the knee — not below the knee"
    assert reach_phrase(3, strict) == "down to the knee — below the knee"
    assert reach_phrase(0, CATALOG) == "the low back only"
    assert reach_phrase(1, CATALOG) == "down to the buttock — back and buttock only"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.replace("level = 7\n", "level = 9\n", 1), "is not one of the"),
        (lambda t: t.replace(KNEE, KNEE.replace("= 2", "= 1")), "must not fall"),
        (lambda t: t.replace(KNEE, KNEE.replace("= 2", "= 4")), "is not a class of"),
        (lambda t: t.replace(KNEE, KNEE.replace("in_leg = true", "in_leg = 1")), "in_leg"),
        (lambda t: t.replace(KNEE, KNEE.replace('name = "knee"\n', "")), "lacks 'name'"),
        (lambda t: t.replace("level = 3\n", "level = 1\n", 1), "top to bottom"),
        (lambda t: t.replace("[radiation]", "[radiation_words]"), r"\[radiation\]"),
    ],
)
def test_a_broken_catalog_says_what_is_wrong(edit, message):
    with pytest.raises(CatalogError, match=message):
        parse_catalog_text(edit(BUNDLED_TEXT))
