"""Rule 3 of DESIGN §2.2: what one session did to the symptoms."""

from __future__ import annotations

from sciatica_journal.domain.body import SIDES, RegionCatalog, SymptomMap
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
    lighter = ExtentChange.SMALLER in changes.values() and all(
        changes[s] in (ExtentChange.SMALLER, ExtentChange.SAME) for s in SIDES
    )
    if pain_down or lighter:
        return Outcome.BETTER
    return Outcome.NO_CHANGE
