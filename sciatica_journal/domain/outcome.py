"""Rule 3 of DESIGN §2.2: what one session did to the symptoms."""

from __future__ import annotations

from sciatica_journal.domain.body import SIDES, RegionCatalog, SymptomMap, burden, distal_extent
from sciatica_journal.domain.program import Thresholds
from sciatica_journal.domain.sessions import Outcome, PainScores


def _extent(symptoms: SymptomMap, side: str, catalog: RegionCatalog) -> int:
    level = distal_extent(symptoms, side, catalog)
    return -1 if level is None else level


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
    before_ext = {s: _extent(map_before, s, catalog) for s in SIDES}
    after_ext = {s: _extent(after_map, s, catalog) for s in SIDES}
    if any(after_ext[s] > before_ext[s] for s in SIDES):
        return Outcome.PERIPHERALIZED
    rise = thresholds.worse_pain_increase
    if (
        stopped_for_pain
        or after_pain.back - pain_before.back >= rise
        or after_pain.leg - pain_before.leg >= rise
    ):
        return Outcome.WORSE
    if any(after_ext[s] < before_ext[s] for s in SIDES):
        return Outcome.CENTRALIZED
    fall = thresholds.better_pain_decrease
    pain_down = (
        pain_before.back - after_pain.back >= fall or pain_before.leg - after_pain.leg >= fall
    )
    lighter = any(
        burden(after_map, s, catalog) < burden(map_before, s, catalog) for s in SIDES
    ) and all(burden(after_map, s, catalog) <= burden(map_before, s, catalog) for s in SIDES)
    if pain_down or lighter:
        return Outcome.BETTER
    return Outcome.NO_CHANGE
