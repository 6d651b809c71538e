"""Honest doses (DESIGN §2.2 rule 9): what a session did against what was planned.

A session is *complete* when it reached its dose's minimum (``min_reps`` of a press-up
rung, ``min_seconds`` of a hold, from ``resources/program.toml``) or was stopped for pain;
a session that recorded no count or time (old journals) is complete as well. Any other
session is *incomplete*: it is kept and shown, but it counts neither towards the day's
sessions, adherence and streaks nor as evidence for stepping up. A worse or
peripheralized incomplete session still counts as a warning sign (``advice``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sciatica_journal.domain.language import _, n_, p_
from sciatica_journal.domain.program import Program, Rung
from sciatica_journal.domain.timekeeping import duration_words

REPS = "reps"
HOLD = "hold"


@dataclass(frozen=True)
class DoseMinimum:
    """What a rung's session must reach to count: repetitions or seconds held."""

    kind: str  # "reps" or "hold"
    minimum: int


DoseMinimums = Mapping[str, DoseMinimum]  # rung slug → its minimum


def dose_minimums(program: Program) -> dict[str, DoseMinimum]:
    """Every rung's minimum, by slug (what storage needs to count complete sessions)."""
    return {r.slug: DoseMinimum(r.dose.kind, r.dose.minimum) for r in program.rungs}


def reached(
    minimum: DoseMinimum | None,
    reps_done: int | None,
    hold_seconds: int | None,
    stopped_for_pain: bool,
) -> bool:
    """The rule itself: stopped for pain, nothing recorded, no known minimum (a rung no
    longer in the programme) or at least the minimum done → complete."""
    if stopped_for_pain or minimum is None:
        return True
    done = reps_done if minimum.kind == REPS else hold_seconds
    return done is None or done >= minimum.minimum


def is_complete(
    rung: Rung, reps_done: int | None, hold_seconds: int | None, stopped_for_pain: bool
) -> bool:
    """Whether a session of ``rung`` counts (see the module's docstring)."""
    minimum = DoseMinimum(rung.dose.kind, rung.dose.minimum)
    return reached(minimum, reps_done, hold_seconds, stopped_for_pain)


def complete_in(
    program: Program,
    slug: str,
    reps_done: int | None,
    hold_seconds: int | None,
    stopped_for_pain: bool,
) -> bool:
    """``is_complete`` for a rung named by its slug (an unknown rung counts)."""
    if not program.has_rung(slug):
        return True
    return is_complete(program.rung(slug), reps_done, hold_seconds, stopped_for_pain)


def done_of(rung: Rung, reps_done: int | None, hold_seconds: int | None) -> int | None:
    """What was done of ``rung``'s dose: the repetitions of a press-up rung, the seconds
    of a hold (None: not recorded)."""
    return reps_done if rung.dose.kind == REPS else hold_seconds


def clock_duration(seconds: int) -> str:
    """A time held as a clock shows it: "0:03", "3:00", "12:30"."""
    minutes, secs = divmod(max(0, int(seconds)), 60)
    return f"{minutes}:{secs:02d}"


def hold_words(seconds: int) -> str:
    """E.g. "held 3 s", "held 2 min 30 s"."""
    return _("held {duration}").format(duration=duration_words(seconds))


def reps_words(reps: int) -> str:
    """E.g. "3 reps"."""
    return n_("{n} rep", "{n} reps", reps).format(n=reps)


def dose_words(
    rung: Rung | None, reps_done: int | None, hold_seconds: int | None, planned: int | None
) -> str:
    """What was done, against the plan when it is known: "3 of 10 reps", "0:03 of 3:00";
    without a plan "3 reps" or "held 3 s"; "" when nothing was recorded."""
    kind = rung.dose.kind if rung is not None else (REPS if reps_done is not None else HOLD)
    if kind == REPS and reps_done is not None:
        if planned is None:
            return reps_words(reps_done)
        return n_("{done} of {planned} rep", "{done} of {planned} reps", planned).format(
            done=reps_done, planned=planned
        )
    if kind == HOLD and hold_seconds is not None:
        if planned is None:
            return hold_words(hold_seconds)
        return p_("time held of the time planned", "{done} of {planned}").format(
            done=clock_duration(hold_seconds), planned=clock_duration(planned)
        )
    if reps_done is not None:  # a count kept for a hold, or the reverse: as recorded
        return reps_words(reps_done)
    if hold_seconds is not None:
        return hold_words(hold_seconds)
    return ""


def incomplete_words() -> str:
    """The mark of an incomplete session, after its dose: "3 of 10 reps, incomplete"."""
    return _("incomplete")


def marked_dose(
    rung: Rung | None,
    reps_done: int | None,
    hold_seconds: int | None,
    planned: int | None,
    complete: bool,
) -> str:
    """The dose's words, with ", incomplete" after them when the session does not count."""
    words = dose_words(rung, reps_done, hold_seconds, planned)
    if complete:
        return words
    if not words:
        return incomplete_words()
    return _("{dose}, incomplete").format(dose=words)


def planned_problem(rung: Rung, planned: object) -> str | None:
    """Why ``planned`` cannot be a plan for ``rung`` (outside its dose), or None."""
    dose = rung.dose
    if (
        isinstance(planned, int)
        and not isinstance(planned, bool)
        and dose.minimum <= planned <= dose.maximum
    ):
        return None
    if dose.kind == REPS:
        return _("the planned repetitions must be {low}-{high}").format(
            low=dose.minimum, high=dose.maximum
        )
    return _("the planned hold must be {low}-{high} seconds").format(
        low=dose.minimum, high=dose.maximum
    )


def incomplete_note(rung: Rung) -> str:
    """Why an incomplete session of ``rung`` does not count, for the patient."""
    dose = rung.dose
    if dose.kind == REPS:
        return n_(
            "This session ended before {n} repetition, the dose's minimum: it is saved, "
            "but it does not count towards today's sessions or towards stepping up.",
            "This session ended before {n} repetitions, the dose's minimum: it is saved, "
            "but it does not count towards today's sessions or towards stepping up.",
            dose.minimum,
        ).format(n=dose.minimum)
    return _(
        "This hold ended before {time}, the dose's minimum: it is saved, but it does not "
        "count towards today's sessions or towards stepping up."
    ).format(time=duration_words(dose.minimum))
