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
    leg_name,
    marks_on,
)
from sciatica_journal.domain.change_words import change_clause, farthest, kinds_words, place
from sciatica_journal.domain.language import _, month, weekday


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
    """How far down one leg the symptoms reached before and after."""

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


def reach_phrase(level: int | None, catalog: RegionCatalog) -> str:
    """E.g. "down to the lower leg — below the knee" (the words of its radiation class)."""
    if level is None:
        return _("no symptoms marked")
    where = catalog.level_name(level)
    if not catalog.in_leg(level):
        return _("the {where} only").format(where=where)
    words = catalog.radiation_words.get(catalog.radiation_of(level))
    if not words:
        return _("down to the {where}").format(where=where)
    return _("down to the {where} — {words}").format(where=where, words=words)


def describe_reach(symptoms: SymptomMap, catalog: RegionCatalog) -> list[str]:
    """One line per leg, e.g. "Left leg: down to the foot — below the knee", and one for
    the middle of the back and the saddle when they are marked."""
    lines = [
        _("{leg}: {reach}").format(
            leg=leg_name(side), reach=reach_phrase(distal_extent(symptoms, side, catalog), catalog)
        )
        for side in SIDES
    ]
    middle = sorted({region.name for _r, region in marks_on(symptoms, "center", catalog)})
    if middle:
        lines.append(_("Middle: {regions}").format(regions=", ".join(middle)))
    return lines


def when_phrase(earlier: dt.datetime, now: dt.datetime) -> str:
    """ "this morning", "yesterday", "on 12 November" — both times in the user's zone.

    It reads after "since" and after "less than" (``describe_change``)."""
    days = (now.date() - earlier.date()).days
    if days == 0:
        if earlier.hour < 12:
            return _("this morning")
        if earlier.hour < 18:
            return _("this afternoon")
        return _("this evening")
    if days == 1:
        return _("yesterday")
    if days < 7:
        return _("on {weekday}").format(weekday=weekday(earlier))
    return _("on {day} {month}").format(day=earlier.day, month=month(earlier))


def describe_change(
    comparison: SideComparison,
    before: SymptomMap,
    after: SymptomMap,
    catalog: RegionCatalog,
    since: str,
) -> str:
    """E.g. "Left leg: since this morning, the tingling in your foot has gone; pain remains
    in your thigh — a good sign"; ``comparison`` compares ``before`` with ``after`` on one
    side, ``since`` is a ``when_phrase``. It names the kinds marked at the farthest point."""
    side = comparison.side
    was, now = farthest(before, side, catalog), farthest(after, side, catalog)
    words = {
        "leg": leg_name(side),
        "since": since,
        "kinds": kinds_words(now.kinds),
        "now": place(now.level, catalog),
    }
    change = comparison.change
    clause = change_clause(was, now, catalog)
    if change is ExtentChange.CENTRALIZED:
        text = _("{leg}: since {since}, {change} — a good sign")
    elif clause is not None:
        text = _("{leg}: since {since}, {change}")
    elif comparison.before is None:
        text = _("{leg}: still nothing marked")
    elif change is ExtentChange.SMALLER:
        text = _("{leg}: still {kinds} down to your {now}, but less than {since}")
    elif change is ExtentChange.LARGER:
        text = _("{leg}: still {kinds} down to your {now}, but more than {since}")
    else:
        text = _("{leg}: unchanged since {since} ({kinds} down to your {now})")
    return text.format(change=clause, **words)
