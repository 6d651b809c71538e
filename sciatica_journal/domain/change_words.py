"""What changed at the farthest point of one side, in words that name the kinds marked there.

A map change is judged by how far down the symptoms reach (map_comparison.py); these words
say *which* symptom reached that far before and after: "the tingling in your foot has gone;
pain remains in your thigh", never "your tingling retreated to the thigh" when the thigh
holds pain. Each clause follows an opener ("In your right leg", "Right leg: since this
morning") and is a translatable text of its own, so that a language can put its verb
second after the opener (German: "Im rechten Bein ist Ihr Kribbeln … verschwunden")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sciatica_journal.domain.body import (
    KIND_WORDS,
    RegionCatalog,
    SymptomKind,
    SymptomMap,
    marks_on,
)
from sciatica_journal.domain.language import N_, _, n_

# The kinds in the order they are named: "pain, numbness and tingling".
KIND_ORDER = (SymptomKind.PAIN, SymptomKind.NUMBNESS, SymptomKind.TINGLING)
# A side as the opener of a sentence, before a change clause: "In your right leg, ...".
# A side whose change touches the low back itself (not a leg) is "On your right side".
IN_YOUR_LEG = {"left": N_("In your left leg"), "right": N_("In your right leg")}
ON_YOUR_SIDE = {"left": N_("On your left side"), "right": N_("On your right side")}


@dataclass(frozen=True)
class Farthest:
    """The farthest point marked on one side: its level and the kinds marked at that level."""

    level: int | None
    kinds: tuple[SymptomKind, ...] = ()


def farthest(symptoms: SymptomMap, side: str, catalog: RegionCatalog) -> Farthest:
    """The farthest level marked on ``side`` and every kind marked at that level."""
    marks = list(marks_on(symptoms, side, catalog))
    if not marks:
        return Farthest(None)
    level = max(region.level for _mark, region in marks)
    found = {mark.kind for mark, region in marks if region.level == level}
    return Farthest(level, tuple(k for k in KIND_ORDER if k in found))


def kinds_in(symptoms: SymptomMap) -> tuple[SymptomKind, ...]:
    """Every kind marked anywhere on the map, in naming order."""
    found = {mark.kind for mark in symptoms.marks}
    return tuple(k for k in KIND_ORDER if k in found)


def kinds_words(kinds: Iterable[SymptomKind]) -> str:
    """ "tingling", "pain and tingling", "pain, numbness and tingling" (translated)."""
    words = [_(KIND_WORDS[k]) for k in kinds]
    if not words:
        return _("symptoms")
    if len(words) == 1:
        return words[0]
    return _("{kinds} and {last}").format(kinds=", ".join(words[:-1]), last=words[-1])


def place(level: int | None, catalog: RegionCatalog) -> str:
    """A level's name to follow "your": "foot", "lower leg", "low back"."""
    return catalog.level_name(level)


def opener(side: str, before: Farthest, after: Farthest, catalog: RegionCatalog) -> str:
    """ "In your right leg", or "On your right side" when the low back itself is involved."""
    levels = [lv for lv in (before.level, after.level) if lv is not None]
    in_leg = all(catalog.in_leg(lv) for lv in levels)
    return _((IN_YOUR_LEG if in_leg else ON_YOUR_SIDE)[side])


def _count(kinds: tuple[SymptomKind, ...]) -> int:
    return max(len(kinds), 1)


def _retreated(before: Farthest, after: Farthest, catalog: RegionCatalog) -> str:
    text = n_(
        "the {kinds} has retreated from your {was} to your {now}",
        "the {kinds} have retreated from your {was} to your {now}",
        _count(before.kinds),
    )
    return text.format(
        kinds=kinds_words(before.kinds),
        was=place(before.level, catalog),
        now=place(after.level, catalog),
    )


def _gone_here(before: Farthest, catalog: RegionCatalog) -> str:
    return n_(
        "the {kinds} in your {was} has gone",
        "the {kinds} in your {was} have gone",
        _count(before.kinds),
    ).format(kinds=kinds_words(before.kinds), was=place(before.level, catalog))


def _remains(after: Farthest, catalog: RegionCatalog) -> str:
    return n_(
        "{kinds} remains in your {now}",
        "{kinds} remain in your {now}",
        _count(after.kinds),
    ).format(kinds=kinds_words(after.kinds), now=place(after.level, catalog))


def _cleared(before: Farthest, catalog: RegionCatalog) -> str:
    return n_(
        "the {kinds} in your {was} has gone, and nothing else is marked on that side",
        "the {kinds} in your {was} have gone, and nothing else is marked on that side",
        _count(before.kinds),
    ).format(kinds=kinds_words(before.kinds), was=place(before.level, catalog))


def _now_reaches(after: Farthest, catalog: RegionCatalog) -> str:
    return n_(
        "{kinds} now reaches your {now}",
        "{kinds} now reach your {now}",
        _count(after.kinds),
    ).format(kinds=kinds_words(after.kinds), now=place(after.level, catalog))


def _reached_before(before: Farthest, catalog: RegionCatalog) -> str:
    return n_(
        "before, {kinds} reached only your {was}",
        "before, {kinds} reached only your {was}",
        _count(before.kinds),
    ).format(kinds=kinds_words(before.kinds), was=place(before.level, catalog))


def _spread(before: Farthest, after: Farthest, catalog: RegionCatalog) -> str:
    text = n_(
        "the {kinds} has spread from your {was} down to your {now}",
        "the {kinds} have spread from your {was} down to your {now}",
        _count(before.kinds),
    )
    return text.format(
        kinds=kinds_words(before.kinds),
        was=place(before.level, catalog),
        now=place(after.level, catalog),
    )


def _other_kind(before: Farthest, after: Farthest, catalog: RegionCatalog) -> str:
    return _("there is now {kinds} in your {now} (before: {was_kinds})").format(
        kinds=kinds_words(after.kinds),
        now=place(after.level, catalog),
        was_kinds=kinds_words(before.kinds),
    )


def change_clause(before: Farthest, after: Farthest, catalog: RegionCatalog) -> str | None:
    """What happened at the farthest point of one side, as a clause that follows an opener;
    None when it reaches as far as before with the same kinds there (or nothing either time).

    - moved up, the same kinds: "the tingling has retreated from your foot to your calf"
    - moved up, other kinds: "the tingling in your foot has gone; pain remains in your thigh"
    - moved up and off the side: "the pain in your foot has gone, and nothing else is marked
      on that side"
    - spread down, the same kinds: "the pain has spread from your thigh down to your foot"
    - spread down, other kinds: "tingling now reaches your foot; before, pain reached only
      your thigh"; where nothing was: "pain now reaches your calf; nothing was marked there
      before"
    - as far as before, other kinds: "there is now pain in your foot (before: tingling)"
    """
    was, now = before.level, after.level
    if was is None and now is None:
        return None
    if now is None:
        return _cleared(before, catalog)
    if was is None:
        return _("{now_reaches}; nothing was marked there before").format(
            now_reaches=_now_reaches(after, catalog)
        )
    same_kinds = before.kinds == after.kinds
    if now < was:
        if same_kinds:
            return _retreated(before, after, catalog)
        return _("{gone}; {remains}").format(
            gone=_gone_here(before, catalog), remains=_remains(after, catalog)
        )
    if now > was:
        if same_kinds:
            return _spread(before, after, catalog)
        return _("{now_reaches}; {reached_before}").format(
            now_reaches=_now_reaches(after, catalog),
            reached_before=_reached_before(before, catalog),
        )
    return None if same_kinds else _other_kind(before, after, catalog)
