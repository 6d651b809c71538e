"""Rule 3 of DESIGN §2.2: what one session did to the symptoms."""

from __future__ import annotations

from sciatica_journal.domain.body import SIDES, RegionCatalog, SymptomMap, burden, marks_on
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
    """The kind of symptom at the farthest point of one leg, e.g. "tingling"."""
    marks = sorted(marks_on(symptoms, side, catalog), key=lambda pair: pair[1].level)
    return marks[-1][0].kind.value if marks else "symptoms"


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
        return "Your symptoms were gone after the exercise: an excellent response."
    if outcome is Outcome.PERIPHERALIZED:
        side, c = next(
            (s, c) for s, c in comparisons.items() if c.change is ExtentChange.PERIPHERALIZED
        )
        kind = _deepest_kind(after_map, side, catalog)
        was = "nothing" if c.before is None else f"the {catalog.level_name(c.before)}"
        return (
            f"Your {kind} on the {side} leg spread further down, from {was} to the "
            f"{catalog.level_name(c.after)}: that is peripheralization, a sign to skip this "
            "exercise for now."
        )
    if outcome is Outcome.WORSE:
        if stopped_for_pain:
            return "You stopped because it hurt. That counts as worse; it was right to stop."
        assert pain_after is not None
        parts = []
        if pain_after.back > pain_before.back:
            parts.append(f"back pain rose from {pain_before.back} to {pain_after.back}")
        if pain_after.leg > pain_before.leg:
            parts.append(f"leg pain rose from {pain_before.leg} to {pain_after.leg}")
        return f"Your {' and '.join(parts)}: that counts as worse."
    if outcome is Outcome.CENTRALIZED:
        side, c = next(
            (s, c) for s, c in comparisons.items() if c.change is ExtentChange.CENTRALIZED
        )
        kind = _deepest_kind(map_before, side, catalog)
        was = catalog.level_name(c.before)
        where = (
            f"went away from the {was}"
            if c.after is None
            else f"retreated from the {was} to the {catalog.level_name(c.after)}"
        )
        return f"Your {kind} on the {side} leg {where}: that is centralization, a good sign."
    if outcome is Outcome.BETTER:
        after = pain_after or pain_before
        if after.leg < pain_before.leg:
            return f"Your leg pain fell from {pain_before.leg} to {after.leg}: better."
        if after.back < pain_before.back:
            return f"Your back pain fell from {pain_before.back} to {after.back}: better."
        return "Your symptoms reach as far as before but are fewer or milder: better."
    return "No change: it did not make things worse. That is fine; keep going."
