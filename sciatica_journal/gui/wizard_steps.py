"""The session wizard's steps, in order, their names and the trail shown above them
("Check-in › Exercise › …  (step 2 of 6)"), and which step holds each field of a session."""

from __future__ import annotations

from sciatica_journal.domain.language import N_, _

CHECK_IN, EXERCISE, REPS, RANGE, CHECK_OUT, RESULT = range(6)
# The steps' names, in the order of CHECK_IN ... RESULT.
STEP_NAMES = (
    N_("Check-in"),
    N_("Exercise"),
    N_("Repetitions"),
    N_("Range"),
    N_("Check-out"),
    N_("Result"),
)
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


def step_trail(step: int, press_up: bool) -> str:
    """The steps' names with ``step`` in bold (no range step for a hold), and its number."""
    every = [_(name) for name in STEP_NAMES]
    names = list(every)
    if not press_up:
        names.remove(every[RANGE])
    label = every[step]
    return (
        "  ›  ".join(f"<b>{n}</b>" if n == label else n for n in names)
        + "   "
        + _("(step {number} of {count})").format(number=names.index(label) + 1, count=len(names))
    )
