"""How the symptoms run down one leg for the two usual nerve roots, and the maps drawn
from them."""

from __future__ import annotations

import functools

from sciatica_journal.domain.body import Mark, RegionCatalog, SymptomKind, SymptomMap, validate_map

# How symptoms run down one leg, by level, for the two usual nerve roots: (level, region
# without its side, kind). "{s}" is the side.
_S1 = (
    (0, "low-back-{s}", SymptomKind.PAIN),
    (1, "buttock-{s}", SymptomKind.PAIN),
    (2, "thigh-back-{s}", SymptomKind.PAIN),
    (3, "knee-back-{s}", SymptomKind.PAIN),
    (4, "calf-{s}", SymptomKind.PAIN),
    (5, "heel-{s}", SymptomKind.TINGLING),
    (6, "sole-{s}", SymptomKind.TINGLING),
    (6, "foot-outer-{s}", SymptomKind.NUMBNESS),
    (7, "small-toes-{s}", SymptomKind.TINGLING),
)
_L5 = (
    (0, "low-back-{s}", SymptomKind.PAIN),
    (1, "buttock-{s}", SymptomKind.PAIN),
    (2, "thigh-outer-{s}", SymptomKind.PAIN),
    (3, "knee-back-{s}", SymptomKind.PAIN),
    (4, "lower-leg-outer-{s}", SymptomKind.PAIN),
    (4, "shin-{s}", SymptomKind.TINGLING),
    (5, "ankle-{s}", SymptomKind.TINGLING),
    (6, "foot-top-{s}", SymptomKind.NUMBNESS),
    (7, "big-toe-{s}", SymptomKind.NUMBNESS),
)
PATTERNS = {"S1": _S1, "L5": _L5}
OTHER_LEG_LEVEL = 2  # how far down the other leg goes in the flare that reaches it


@functools.lru_cache(maxsize=4096)
def leg_map(
    pattern: str, side: str, level: int, strength: int, center: bool, other_leg: bool, lighter: bool
) -> SymptomMap:
    """The map of symptoms from the low back down to ``level`` on ``side`` (-1: none)."""
    if level < 0:
        return SymptomMap()
    marks = []
    if center:
        marks.append(Mark("low-back-center", SymptomKind.PAIN, strength))
    eased = lighter
    for region_level, region, kind in PATTERNS[pattern]:
        if region_level > level:
            break
        intensity = max(1, min(3, strength - (1 if region_level < level - 2 else 0)))
        if eased and intensity > 1 and region_level >= 1:  # fewer/less intense: one mark milder
            intensity -= 1
            eased = False
        marks.append(Mark(region.format(s=side), kind, intensity))
    if other_leg:
        other = "left" if side == "right" else "right"
        for region_level, region, kind in PATTERNS[pattern]:
            if region_level <= min(level, OTHER_LEG_LEVEL):
                marks.append(Mark(region.format(s=other), kind, 1))
    return SymptomMap(marks=tuple(marks))


def mark_strength(leg: int, back: int, level: int) -> int:
    pain = leg if level >= 1 else back
    return 3 if pain >= 6 else 2 if pain >= 3 else 1


def validate_patterns(catalog: RegionCatalog) -> None:
    for pattern in PATTERNS:
        for side in ("left", "right"):
            validate_map(leg_map(pattern, side, 7, 2, True, True, False), catalog)
