"""The session wizard's steps, in order, their names and the trail shown above them
("Check-in › Exercise › …  (step 2 of 6)"), and which step holds each field of a session."""

from __future__ import annotations

from sciatica_journal.domain.language import N_, _
from sciatica_journal.domain.program import Rung

CHECK_IN, EXERCISE, REPS, RANGE, CHECK_OUT, RESULT = range(6)
# The steps' names, in the order of CHECK_IN ... RESULT (the set step's for press-ups; a
# timed hold's is HOLD_NAME).
STEP_NAMES = (
    N_("Check-in"),
    N_("Exercise"),
    N_("Repetitions"),
    N_("Range"),
    N_("Check-out"),
    N_("Result"),
)
HOLD_NAME = N_("Hold")
FIELD_STEP = {
    "back_pain_before": CHECK_IN,
    "leg_pain_before": CHECK_IN,
    "map": CHECK_IN,
    "reps_done": REPS,
    "hold_seconds": REPS,
    "range_reached": RANGE,
    "back_pain_after": CHECK_OUT,
    "leg_pain_after": CHECK_OUT,
    "start": CHECK_OUT,
    "end": CHECK_OUT,
    "rung": EXERCISE,
    "red_flags": CHECK_IN,
}


def step_trail(step: int, rung: Rung) -> str:
    """The steps of a session of ``rung`` with ``step`` in bold, and its number: a timed
    hold's set step is "Hold", and a hold has no range step (5 steps; press-ups 6)."""
    names = [_(name) for name in STEP_NAMES]
    if rung.dose.kind == "hold":
        names[REPS] = _(HOLD_NAME)
    shown = [index for index in range(len(names)) if index != RANGE or rung.is_press_up]
    return (
        "  ›  ".join(f"<b>{names[i]}</b>" if i == step else names[i] for i in shown)
        + "   "
        + _("(step {number} of {count})").format(number=shown.index(step) + 1, count=len(shown))
    )
