"""Comparing two symptom maps side by side (DESIGN §2.2 rule 2, §2.4), and saying it in words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sciatica_journal.domain.body import (
    SIDES,
    RegionCatalog,
    SymptomMap,
    burden,
    distal_extent,
    marks_on,
)


class ExtentChange(StrEnum):
    CENTRALIZED = "centralized"  # the farthest point moved up towards the back
    PERIPHERALIZED = "peripheralized"  # the farthest point moved further down
    SMALLER = "smaller"  # same extent, fewer or milder marks
    LARGER = "larger"  # same extent, more or stronger marks
    SAME = "same"

    @property
    def opposite(self) -> ExtentChange:
        return _OPPOSITE[self]


_OPPOSITE = {
    ExtentChange.CENTRALIZED: ExtentChange.PERIPHERALIZED,
    ExtentChange.PERIPHERALIZED: ExtentChange.CENTRALIZED,
    ExtentChange.SMALLER: ExtentChange.LARGER,
    ExtentChange.LARGER: ExtentChange.SMALLER,
    ExtentChange.SAME: ExtentChange.SAME,
}


@dataclass(frozen=True)
class SideComparison:
    side: str
    before: int | None
    after: int | None
    change: ExtentChange


def compare_side(
    before: SymptomMap, after: SymptomMap, side: str, catalog: RegionCatalog
) -> SideComparison:
    was = distal_extent(before, side, catalog)
    now = distal_extent(after, side, catalog)
    was_n = -1 if was is None else was
    now_n = -1 if now is None else now
    if now_n < was_n:
        change = ExtentChange.CENTRALIZED
    elif now_n > was_n:
        change = ExtentChange.PERIPHERALIZED
    else:
        load_before, load_after = burden(before, side, catalog), burden(after, side, catalog)
        if load_after < load_before:
            change = ExtentChange.SMALLER
        elif load_after > load_before:
            change = ExtentChange.LARGER
        else:
            change = ExtentChange.SAME
    return SideComparison(side=side, before=was, after=now, change=change)


def compare_maps(
    before: SymptomMap, after: SymptomMap, catalog: RegionCatalog
) -> dict[str, SideComparison]:
    """Per side ("left", "right"): how the symptoms changed from ``before`` to ``after``."""
    return {side: compare_side(before, after, side, catalog) for side in SIDES}


def legs_marked(symptoms: SymptomMap, catalog: RegionCatalog) -> set[str]:
    """The legs ("left"/"right") with a mark in the leg (below the back itself)."""
    legs = set()
    for mark in symptoms.marks:
        region = catalog.get(mark.region)
        if region is not None and region.side in SIDES and catalog.in_leg(region.level):
            legs.add(region.side)
    return legs


# ---- words -----------------------------------------------------------------


def _place(level: int | None, catalog: RegionCatalog) -> str:
    return "nothing marked" if level is None else catalog.level_name(level)


def reach_phrase(level: int | None, catalog: RegionCatalog) -> str:
    """E.g. "down to the lower leg — below the knee" (the words of its radiation class)."""
    if level is None:
        return "no symptoms marked"
    where = catalog.level_name(level)
    if not catalog.in_leg(level):
        return f"the {where} only"
    words = catalog.radiation_words.get(catalog.radiation_of(level))
    return f"down to the {where}" + (f" — {words}" if words else "")


def describe_reach(symptoms: SymptomMap, catalog: RegionCatalog) -> list[str]:
    """One line per leg, e.g. "Left leg: down to the foot — below the knee", and one for
    the middle of the back and the saddle when they are marked."""
    lines = [
        f"{side.capitalize()} leg: {reach_phrase(distal_extent(symptoms, side, catalog), catalog)}"
        for side in SIDES
    ]
    middle = sorted({region.name for _, region in marks_on(symptoms, "center", catalog)})
    if middle:
        lines.append("Middle: " + ", ".join(middle))
    return lines


def when_phrase(earlier: dt.datetime, now: dt.datetime) -> str:
    """ "this morning", "yesterday", "on 12 November" — both times in the user's zone."""
    days = (now.date() - earlier.date()).days
    if days == 0:
        if earlier.hour < 12:
            return "this morning"
        if earlier.hour < 18:
            return "this afternoon"
        return "this evening"
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"on {earlier.strftime('%A')}"
    return f"on {earlier.day} {earlier.strftime('%B')}"


def describe_change(comparison: SideComparison, catalog: RegionCatalog, since: str) -> str:
    """E.g. "Left leg: retreated from the foot to the calf since this morning"."""
    side = f"{comparison.side.capitalize()} leg"
    was, now = _place(comparison.before, catalog), _place(comparison.after, catalog)
    change = comparison.change
    if change is ExtentChange.CENTRALIZED:
        if comparison.after is None:
            return f"{side}: symptoms gone (they reached the {was}) since {since}"
        return f"{side}: retreated from the {was} to the {now} since {since} — a good sign"
    if change is ExtentChange.PERIPHERALIZED:
        if comparison.before is None:
            return f"{side}: new symptoms down to the {now} since {since}"
        return f"{side}: spread further down, from the {was} to the {now}, since {since}"
    if comparison.before is None:
        return f"{side}: still nothing marked"
    if change is ExtentChange.SMALLER:
        return f"{side}: still reaching the {now}, but less than {since}"
    if change is ExtentChange.LARGER:
        return f"{side}: still reaching the {now}, but more than {since}"
    return f"{side}: unchanged since {since} (the {now})"
