"""Rules 4-7 of DESIGN §2.2: what to do next, why, and when to contact the clinician.

The input is the journal's recent history, oldest first, as ``SessionSummary``
rows; every threshold comes from ``resources/program.toml``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sciatica_journal.domain.body import SIDES
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

    @property
    def good(self) -> bool:
        """Same or better (rule 4) and not stopped."""
        return self.outcome not in BAD and not self.stopped_for_pain

    @property
    def improving(self) -> bool:
        """A good session for progression (rule 6): it helped, and there was no stop."""
        return self.outcome in IMPROVING and not self.stopped_for_pain

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
    rung: Rung
    kind: AdviceKind
    reason: str
    contact_clinician: bool = False
    contact_reason: str = ""

    @property
    def goal_met(self) -> bool:
        return self.kind is AdviceKind.GOAL_MET


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


def advise(history: Sequence[SessionSummary], program: Program, starting_rung: str) -> Advice:
    t = program.thresholds
    if not history:
        rung = program.find(starting_rung)
        return Advice(rung, AdviceKind.START, f"Start with {rung.name.lower()}.")
    last = history[-1]
    current = program.find(last.rung)

    contact, contact_reason = False, ""
    lowest = program.lowest.slug
    failures = _trailing(history, lambda s: s.rung == lowest and not s.good)
    if failures >= t.lowest_rung_failures_to_contact:
        contact = True
        contact_reason = (
            f"Even {program.lowest.name.lower()} made things worse "
            f"{failures} times in a row. Please contact your clinician before going on."
        )
    elif _persisting_peripheralization(history):
        contact = True
        contact_reason = (
            "Your symptoms spread further down the leg after an exercise and were still there "
            "the next day. Please contact your clinician."
        )

    if not last.good:
        lower = program.step(current.slug, -1)
        why = (
            "you stopped because it hurt"
            if last.stopped_for_pain
            else (
                "your symptoms spread further down the leg"
                if last.outcome is Outcome.PERIPHERALIZED
                else "your pain went up"
            )
        )
        if lower.slug == current.slug:
            reason = (
                f"Last time {current.name.lower()} made things worse ({why}). Rest, and try it "
                "again gently later."
            )
        else:
            reason = (
                f"Last time {current.name.lower()} made things worse ({why}): skip it for now "
                f"and go one step down, to {lower.name.lower()}."
            )
        return Advice(lower, AdviceKind.STEP_DOWN, reason, contact, contact_reason)

    same_rung = _trailing(history, lambda s: s.rung == current.slug)
    good_in_a_row = _trailing(history, lambda s: s.rung == current.slug and s.improving)

    goal = program.goal
    if current.slug == goal.slug and last.full_with_pelvis_down and last.no_more_pain:
        return Advice(
            current,
            AdviceKind.GOAL_MET,
            f"Goal reached: {goal.name.lower()} with your pelvis down, without more pain. "
            f"Keep doing them {program.target_min}–{program.target_max} times a day while "
            "they stay pain-free.",
            contact,
            contact_reason,
        )

    nxt = program.step(current.slug, +1)
    progressable = program.progressable(current)
    if progressable and good_in_a_row >= t.good_sessions_to_progress:
        return Advice(
            nxt,
            AdviceKind.PROGRESS,
            f"{good_in_a_row} good sessions in a row of {current.name.lower()} without a stop: "
            f"you are ready to try {nxt.name.lower()}.",
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
                f"Press-ups have not made things worse, but not better either, "
                f"{no_change} times in a row. Try them with overpressure: a rolled sheet or "
                f"belt across your pelvis, {overpressure.dose.describe()}, "
                f"{program.target_min}–{program.target_max} times a day if pain-free.",
                contact,
                contact_reason,
            )
        if press_ups >= t.press_up_sessions_before_overpressure and not reached_full:
            return Advice(
                overpressure,
                AdviceKind.OVERPRESSURE,
                f"After {press_ups} press-up sessions a full press-up with your pelvis down is "
                "still out of reach. Overpressure (a rolled sheet or belt across your pelvis) "
                "can help the movement.",
                contact,
                contact_reason,
            )

    result = {
        Outcome.ABOLISHED: "your symptoms went away",
        Outcome.CENTRALIZED: "your symptoms moved up towards your back",
        Outcome.BETTER: "you felt better afterwards",
        Outcome.NO_CHANGE: "it did not make things worse",
    }[last.outcome]
    left = max(0, t.good_sessions_to_progress - good_in_a_row) if progressable else 0
    more = (
        f" After {left} more good session{'s' if left != 1 else ''} you can step up."
        if (left and same_rung)
        else ""
    )
    return Advice(
        current,
        AdviceKind.KEEP_GOING,
        f"Keep going with {current.name.lower()}: last time {result}. Repeat it through the "
        f"day and again tomorrow.{more}",
        contact,
        contact_reason,
    )
