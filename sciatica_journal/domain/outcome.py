"""Rule 3 of DESIGN §2.2: what one session did to the symptoms."""

from __future__ import annotations

from sciatica_journal.domain.body import (
    KIND_WORDS,
    SIDES,
    RegionCatalog,
    SymptomMap,
    burden,
    marks_on,
    on_the_leg,
)
from sciatica_journal.domain.language import _
from sciatica_journal.domain.map_comparison import ExtentChange, compare_maps
from sciatica_journal.domain.program import Thresholds
from sciatica_journal.domain.sessions import Outcome, PainScores


def session_outcome(
    *,
    pain_before: PainScores,
    pain_after: PainScores | None,
    map_before: SymptomMap,
    map_after: SymptomMap | None,
    stopped_for_pain: bool,
    catalog: RegionCatalog,
    thresholds: Thresholds,
) -> Outcome:
    """Evaluate in the order abolished, peripheralized, worse, centralized, better, no change."""
    after_map = map_after if map_after is not None else map_before
    after_pain = pain_after if pain_after is not None else pain_before
    if not map_before.is_empty and after_map.is_empty and not stopped_for_pain:
        return Outcome.ABOLISHED
    changes = {s: c.change for s, c in compare_maps(map_before, after_map, catalog).items()}
    if ExtentChange.PERIPHERALIZED in changes.values():
        return Outcome.PERIPHERALIZED
    rise = thresholds.worse_pain_increase
    if (
        stopped_for_pain
        or after_pain.back - pain_before.back >= rise
        or after_pain.leg - pain_before.leg >= rise
    ):
        return Outcome.WORSE
    if ExtentChange.CENTRALIZED in changes.values():
        return Outcome.CENTRALIZED
    fall = thresholds.better_pain_decrease
    pain_down = (
        pain_before.back - after_pain.back >= fall or pain_before.leg - after_pain.leg >= fall
    )
    middle_before = burden(map_before, "center", catalog)
    middle_after = burden(after_map, "center", catalog)
    lighter = (ExtentChange.SMALLER in changes.values() or middle_after < middle_before) and (
        all(changes[s] in (ExtentChange.SMALLER, ExtentChange.SAME) for s in SIDES)
        and middle_after <= middle_before
    )
    if pain_down or lighter:
        return Outcome.BETTER
    return Outcome.NO_CHANGE


def _deepest_kind(symptoms: SymptomMap, side: str, catalog: RegionCatalog) -> str:
    """The kind of symptom at the farthest point of one leg, e.g. "tingling" (translated)."""
    marks = sorted(marks_on(symptoms, side, catalog), key=lambda pair: pair[1].level)
    return _(KIND_WORDS[marks[-1][0].kind]) if marks else _("symptoms")


def _worse_pain(before: PainScores, after: PainScores) -> str:
    """Which pain rose, and from what to what: "that counts as worse"."""
    back_up, leg_up = after.back > before.back, after.leg > before.leg
    scores = {
        "back_before": before.back,
        "back_after": after.back,
        "leg_before": before.leg,
        "leg_after": after.leg,
    }
    if back_up and leg_up:
        text = _(
            "Your back pain rose from {back_before} to {back_after} and leg pain rose from "
            "{leg_before} to {leg_after}: that counts as worse."
        )
    elif back_up:
        text = _("Your back pain rose from {back_before} to {back_after}: that counts as worse.")
    else:
        text = _("Your leg pain rose from {leg_before} to {leg_after}: that counts as worse.")
    return text.format(**scores)


def explain_outcome(
    outcome: Outcome,
    *,
    pain_before: PainScores,
    pain_after: PainScores | None,
    map_before: SymptomMap,
    map_after: SymptomMap | None,
    stopped_for_pain: bool,
    catalog: RegionCatalog,
) -> str:
    """Why the session got its outcome, in plain words."""
    after_map = map_after if map_after is not None else map_before
    comparisons = compare_maps(map_before, after_map, catalog)
    if outcome is Outcome.ABOLISHED:
        return _("Your symptoms were gone after the exercise: an excellent response.")
    if outcome is Outcome.PERIPHERALIZED:
        side, c = next(
            (s, c) for s, c in comparisons.items() if c.change is ExtentChange.PERIPHERALIZED
        )
        kind = _deepest_kind(after_map, side, catalog)
        now = catalog.level_name(c.after)
        if c.before is None:
            text = _(
                "Your {kind} {on_leg} spread further down, from nothing to the {now}: that is "
                "peripheralization, a sign to skip this exercise for now."
            )
        else:
            text = _(
                "Your {kind} {on_leg} spread further down, from the {was} to the {now}: that is "
                "peripheralization, a sign to skip this exercise for now."
            )
        was = "" if c.before is None else catalog.level_name(c.before)
        return text.format(kind=kind, on_leg=on_the_leg(side), was=was, now=now)
    if outcome is Outcome.WORSE:
        if stopped_for_pain:
            return _("You stopped because it hurt. That counts as worse; it was right to stop.")
        assert pain_after is not None
        return _worse_pain(pain_before, pain_after)
    if outcome is Outcome.CENTRALIZED:
        side, c = next(
            (s, c) for s, c in comparisons.items() if c.change is ExtentChange.CENTRALIZED
        )
        kind = _deepest_kind(map_before, side, catalog)
        if c.after is None:
            text = _(
                "Your {kind} {on_leg} went away from the {was}: that is centralization, "
                "a good sign."
            )
        else:
            text = _(
                "Your {kind} {on_leg} retreated from the {was} to the {now}: that is "
                "centralization, a good sign."
            )
        return text.format(
            kind=kind,
            on_leg=on_the_leg(side),
            was=catalog.level_name(c.before),
            now=catalog.level_name(c.after),
        )
    if outcome is Outcome.BETTER:
        after = pain_after or pain_before
        if after.leg < pain_before.leg:
            return _("Your leg pain fell from {before} to {after}: better.").format(
                before=pain_before.leg, after=after.leg
            )
        if after.back < pain_before.back:
            return _("Your back pain fell from {before} to {after}: better.").format(
                before=pain_before.back, after=after.back
            )
        return _("Your symptoms reach as far as before but are fewer or milder: better.")
    return _("No change: it did not make things worse. That is fine; keep going.")
