"""Rules 4-7 of DESIGN §2.2: what to do next, why, and when to contact the clinician.

The input is the journal's recent history, oldest first, as ``SessionSummary``
rows; every threshold comes from ``resources/program.toml``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sciatica_journal.domain import language
from sciatica_journal.domain.body import SIDES
from sciatica_journal.domain.language import N_, _, n_
from sciatica_journal.domain.program import Program, Rung
from sciatica_journal.domain.sessions import Outcome, PressUpRange

BAD = (Outcome.WORSE, Outcome.PERIPHERALIZED)
IMPROVING = (Outcome.ABOLISHED, Outcome.CENTRALIZED, Outcome.BETTER)


@dataclass(frozen=True)
class SessionSummary:
    """What the rules need to know about one past session."""

    rung: str
    local_date: dt.date
    outcome: Outcome
    stopped_for_pain: bool = False
    range_reached: PressUpRange | None = None
    pelvis_stayed_down: bool | None = None
    extent_before: dict[str, int | None] = field(default_factory=dict)  # side → level
    extent_after: dict[str, int | None] = field(default_factory=dict)
    no_more_pain: bool = True  # neither back nor leg pain was higher after than before
    complete: bool = True  # reached the dose's minimum or stopped for pain (rule 9)

    @property
    def good(self) -> bool:
        """Same or better (rule 4) and not stopped."""
        return self.outcome not in BAD and not self.stopped_for_pain

    @property
    def improving(self) -> bool:
        """A good session for progression (rule 6): it helped, and there was no stop."""
        return self.outcome in IMPROVING and not self.stopped_for_pain

    @property
    def counts(self) -> bool:
        """Whether the rules weigh this session: a complete one always; an incomplete one
        only as a warning sign (worse or peripheralized), never as evidence for going on."""
        return self.complete or not self.good

    @property
    def full_with_pelvis_down(self) -> bool:
        return self.range_reached is PressUpRange.FULL and self.pelvis_stayed_down is True


class AdviceKind(StrEnum):
    START = "start"
    KEEP_GOING = "keep-going"
    STEP_DOWN = "step-down"
    PROGRESS = "progress"
    OVERPRESSURE = "overpressure"
    GOAL_MET = "goal-met"


@dataclass(frozen=True)
class Advice:
    """The exercise to do next, why, and whether to contact a clinician."""

    rung: Rung
    kind: AdviceKind
    reason: str
    contact_clinician: bool = False
    contact_reason: str = ""

    @property
    def goal_met(self) -> bool:
        return self.kind is AdviceKind.GOAL_MET


# Languages whose nouns keep their capital inside a sentence (a rung's name is not lowered).
_CAPITALISED_NOUNS = frozenset({"de"})
# Why the last session counts as worse, inside "made things worse (...)".
_WHY_WORSE = {
    "stopped": N_("you stopped because it hurt"),
    "spread": N_("your symptoms spread further down the leg"),
    "pain": N_("your pain went up"),
}
# Keep going, by how the last session went.
_KEEP_GOING = {
    Outcome.ABOLISHED: N_(
        "Keep going with {rung}: last time your symptoms went away. Repeat it through the day "
        "and again tomorrow."
    ),
    Outcome.CENTRALIZED: N_(
        "Keep going with {rung}: last time your symptoms moved up towards your back. Repeat it "
        "through the day and again tomorrow."
    ),
    Outcome.BETTER: N_(
        "Keep going with {rung}: last time you felt better afterwards. Repeat it through the "
        "day and again tomorrow."
    ),
    Outcome.NO_CHANGE: N_(
        "Keep going with {rung}: last time it did not make things worse. Repeat it through the "
        "day and again tomorrow."
    ),
}


def _named(rung: Rung) -> str:
    """A rung's name inside a sentence: "press-ups" in English, as written in German."""
    return rung.name if language.code() in _CAPITALISED_NOUNS else rung.name.lower()


def named(rung: Rung) -> str:
    """A rung's name inside a sentence, as the advice writes it (for other rules' words)."""
    return _named(rung)


def _trailing(history: Sequence[SessionSummary], test: Callable[[SessionSummary], bool]) -> int:
    """How many of the newest sessions in a row pass ``test``."""
    count = 0
    for summary in reversed(history):
        if not test(summary):
            break
        count += 1
    return count


def _persisting_peripheralization(history: Sequence[SessionSummary]) -> bool:
    """The latest session that spread the symptoms down, and on the next calendar day they
    still reach that far (at the first session of that day)."""
    latest = next(
        (
            i
            for i in range(len(history) - 1, -1, -1)
            if history[i].outcome is Outcome.PERIPHERALIZED
        ),
        None,
    )
    if latest is None:
        return False
    spread = history[latest]
    next_day = spread.local_date + dt.timedelta(days=1)
    first_next = next((s for s in history[latest + 1 :] if s.local_date == next_day), None)
    if first_next is None:
        return False
    for side in SIDES:
        reached = spread.extent_after.get(side)
        was = spread.extent_before.get(side)
        still = first_next.extent_before.get(side)
        spread_here = reached is not None and (was is None or reached > was)
        if spread_here and still is not None and reached is not None and still >= reached:
            return True
    return False


def advise(sessions: Sequence[SessionSummary], program: Program, starting_rung: str) -> Advice:
    """The advice from ``sessions`` (oldest first). Incomplete sessions (rule 9) are left
    out unless they went badly: a warning sign is never lost, progress never comes from a
    short session. Whether a spread persisted is judged from every session's map."""
    t = program.thresholds
    history = [s for s in sessions if s.counts]
    if not history:
        rung = program.find(starting_rung)
        return Advice(rung, AdviceKind.START, _("Start with {rung}.").format(rung=_named(rung)))
    last = history[-1]
    current = program.find(last.rung)

    contact, contact_reason = False, ""
    lowest = program.lowest.slug
    failures = _trailing(history, lambda s: s.rung == lowest and not s.good)
    if failures >= t.lowest_rung_failures_to_contact:
        contact = True
        contact_reason = _(
            "Even {rung} made things worse {n} times in a row. Please contact your clinician "
            "before going on."
        ).format(rung=_named(program.lowest), n=failures)
    elif _persisting_peripheralization(sessions):
        contact = True
        contact_reason = _(
            "Your symptoms spread further down the leg after an exercise and were still there "
            "the next day. Please contact your clinician."
        )

    if not last.good:
        lower = program.step(current.slug, -1)
        why = _WHY_WORSE[
            "stopped"
            if last.stopped_for_pain
            else ("spread" if last.outcome is Outcome.PERIPHERALIZED else "pain")
        ]
        if lower.slug == current.slug:
            reason = _(
                "Last time {rung} made things worse ({why}). Rest, and try it again gently later."
            ).format(rung=_named(current), why=_(why))
        else:
            reason = _(
                "Last time {rung} made things worse ({why}): skip it for now and go one step "
                "down, to {lower}."
            ).format(rung=_named(current), why=_(why), lower=_named(lower))
        return Advice(lower, AdviceKind.STEP_DOWN, reason, contact, contact_reason)

    same_rung = _trailing(history, lambda s: s.rung == current.slug)
    good_in_a_row = _trailing(history, lambda s: s.rung == current.slug and s.improving)

    goal = program.goal
    if current.slug == goal.slug and last.full_with_pelvis_down and last.no_more_pain:
        return Advice(
            current,
            AdviceKind.GOAL_MET,
            _(
                "Goal reached: {rung} with your pelvis down, without more pain. Keep doing them "
                "{target_min}–{target_max} times a day while they stay pain-free."
            ).format(
                rung=_named(goal), target_min=program.target_min, target_max=program.target_max
            ),
            contact,
            contact_reason,
        )

    nxt = program.step(current.slug, +1)
    progressable = program.progressable(current)
    if progressable and good_in_a_row >= t.good_sessions_to_progress:
        return Advice(
            nxt,
            AdviceKind.PROGRESS,
            _(
                "{n} good sessions in a row of {rung} without a stop: you are ready to try {next}."
            ).format(n=good_in_a_row, rung=_named(current), next=_named(nxt)),
            contact,
            contact_reason,
        )

    if program.counts_as_stall(current.slug):
        press_ups = _trailing(history, lambda s: program.counts_as_stall(s.rung))
        recent = list(history[-press_ups:]) if press_ups else []
        no_change = _trailing(
            recent, lambda s: s.outcome is Outcome.NO_CHANGE and not s.stopped_for_pain
        )
        reached_full = any(s.full_with_pelvis_down for s in recent)
        overpressure = program.overpressure
        if no_change >= t.no_change_sessions_for_overpressure:
            return Advice(
                overpressure,
                AdviceKind.OVERPRESSURE,
                _(
                    "Press-ups have not made things worse, but not better either, {n} times in a "
                    "row. Try them with overpressure: a rolled sheet or belt across your pelvis, "
                    "{dose}, {target_min}–{target_max} times a day if pain-free."
                ).format(
                    n=no_change,
                    dose=overpressure.dose.describe(),
                    target_min=program.target_min,
                    target_max=program.target_max,
                ),
                contact,
                contact_reason,
            )
        if press_ups >= t.press_up_sessions_before_overpressure and not reached_full:
            return Advice(
                overpressure,
                AdviceKind.OVERPRESSURE,
                _(
                    "After {n} press-up sessions a full press-up with your pelvis down is still "
                    "out of reach. Overpressure (a rolled sheet or belt across your pelvis) can "
                    "help the movement."
                ).format(n=press_ups),
                contact,
                contact_reason,
            )

    reason = _(_KEEP_GOING[last.outcome]).format(rung=_named(current))
    left = max(0, t.good_sessions_to_progress - good_in_a_row) if progressable else 0
    if left and same_rung:
        more = n_(
            "After {n} more good session you can step up.",
            "After {n} more good sessions you can step up.",
            left,
        )
        reason = f"{reason} {more.format(n=left)}"
    return Advice(current, AdviceKind.KEEP_GOING, reason, contact, contact_reason)
