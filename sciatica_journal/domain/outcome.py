"""Rule 3 of DESIGN §2.2: what one session did to the symptoms."""

from __future__ import annotations

from sciatica_journal.domain.body import SIDES, RegionCatalog, SymptomMap, burden
from sciatica_journal.domain.change_words import (
    Farthest,
    change_clause,
    farthest,
    kinds_in,
    kinds_words,
    opener,
    place,
)
from sciatica_journal.domain.language import _, n_
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
    if outcome is Outcome.ABOLISHED:
        gone = kinds_in(map_before)
        return n_(
            "Nothing is marked after the exercise: the {kinds} you marked before has gone. "
            "An excellent response.",
            "Nothing is marked after the exercise: the {kinds} you marked before have gone. "
            "An excellent response.",
            max(len(gone), 1),
        ).format(kinds=kinds_words(gone))
    if outcome is Outcome.PERIPHERALIZED:
        return _side_changes(
            map_before,
            after_map,
            ExtentChange.PERIPHERALIZED,
            _("That is peripheralization, a sign to skip this exercise for now."),
            catalog,
        )
    if outcome is Outcome.WORSE:
        if stopped_for_pain:
            return _("You stopped because it hurt. That counts as worse; it was right to stop.")
        assert pain_after is not None
        return _worse_pain(pain_before, pain_after)
    if outcome is Outcome.CENTRALIZED:
        return _side_changes(
            map_before,
            after_map,
            ExtentChange.CENTRALIZED,
            _("That is centralization, a good sign."),
            catalog,
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
        return _joined(
            [*_still_reaching(map_before, after_map, catalog)],
            _("Your symptoms reach as far as before but are fewer or milder: better."),
        )
    return _joined(
        _kinds_changed(map_before, after_map, catalog),
        _("No change: it did not make things worse. That is fine; keep going."),
    )


def _joined(sentences: list[str], verdict: str) -> str:
    return " ".join([*sentences, verdict])


def _side_sentence(
    side: str, clause: str, before: Farthest, after: Farthest, catalog: RegionCatalog
) -> str:
    """ "In your right leg, the tingling in your foot has gone; pain remains in your thigh." """
    return _("{opener}, {change}.").format(
        opener=opener(side, before, after, catalog), change=clause
    )


def _side_changes(
    map_before: SymptomMap,
    map_after: SymptomMap,
    change: ExtentChange,
    verdict: str,
    catalog: RegionCatalog,
) -> str:
    """A sentence for each leg whose farthest point moved that way (both legs can), then
    the verdict."""
    sentences = []
    for side, comparison in compare_maps(map_before, map_after, catalog).items():
        if comparison.change is not change:
            continue
        before, after = farthest(map_before, side, catalog), farthest(map_after, side, catalog)
        clause = change_clause(before, after, catalog)
        if clause is not None:
            sentences.append(_side_sentence(side, clause, before, after, catalog))
    return _joined(sentences, verdict)


def _kinds_changed(
    map_before: SymptomMap, map_after: SymptomMap, catalog: RegionCatalog
) -> list[str]:
    """A sentence for each side where other kinds are marked at the same farthest point."""
    sentences = []
    for side in SIDES:
        before, after = farthest(map_before, side, catalog), farthest(map_after, side, catalog)
        if before.level == after.level and before.level is not None:
            clause = change_clause(before, after, catalog)
            if clause is not None:
                sentences.append(_side_sentence(side, clause, before, after, catalog))
    return sentences


def _still_reaching(
    map_before: SymptomMap, map_after: SymptomMap, catalog: RegionCatalog
) -> list[str]:
    """How far each side still reaches, and with what: "In your right leg, tingling still
    reaches your foot." (or the kinds that changed there)."""
    sentences = []
    for side in SIDES:
        before, after = farthest(map_before, side, catalog), farthest(map_after, side, catalog)
        if after.level is None:
            continue
        clause = change_clause(before, after, catalog) if before.level == after.level else None
        if clause is None:
            clause = n_(
                "{kinds} still reaches your {now}",
                "{kinds} still reach your {now}",
                max(len(after.kinds), 1),
            ).format(kinds=kinds_words(after.kinds), now=place(after.level, catalog))
        sentences.append(_side_sentence(side, clause, before, after, catalog))
    return sentences
