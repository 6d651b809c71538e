"""The one current exercise (DESIGN §2.2 rule 10): the advice's rung is "the exercise to do
now" in every view, and a step-down says where it stepped down from, when and why.

Today, the ladder, the wizard's default, the report and ``summary --json`` all take the
exercise from here, so they cannot disagree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sciatica_journal.domain import language
from sciatica_journal.domain.advice import Advice, SessionSummary
from sciatica_journal.domain.body import SIDES, RegionCatalog
from sciatica_journal.domain.language import N_, _
from sciatica_journal.domain.program import Program, Rung
from sciatica_journal.domain.sessions import Outcome

# Why a session made things worse, as the advice says it (advice._WHY_WORSE).
STOPPED, SPREAD, PAIN = "stopped", "spread", "pain"

# After "↓ Stepped down from baby press-ups on 1 Dec: ", for the patient.
PATIENT_WHY = {
    STOPPED: N_("you stopped because it hurt"),
    SPREAD: N_("your symptoms spread further down the leg"),
    PAIN: N_("your pain went up"),
}
# After "stepped down from baby press-ups on 1 Dec after ", for the clinician.
_CLINICIAN_WHY = {
    STOPPED: N_("a stop for pain"),
    SPREAD: N_("symptoms spread further down the leg"),
    PAIN: N_("a rise in pain"),
}


@dataclass(frozen=True)
class StepDown:
    """The session that sent the advice down the ladder: its rung, day and why."""

    from_rung: Rung
    on: dt.date
    why: str  # STOPPED, SPREAD or PAIN (a stable word, as in ``summary --json``)
    reached: int | None = None  # after a spread: the farthest level the symptoms reached


@dataclass(frozen=True)
class CurrentExercise:
    """The exercise to do now: the advice, and the step-down that led to it, if any."""

    advice: Advice
    step_down: StepDown | None = None

    @property
    def rung(self) -> Rung:
        return self.advice.rung


def why_worse(session: SessionSummary) -> str:
    """STOPPED, SPREAD or PAIN: why a session that was not good counts as worse."""
    if session.stopped_for_pain:
        return STOPPED
    return SPREAD if session.outcome is Outcome.PERIPHERALIZED else PAIN


def _reached(session: SessionSummary) -> int | None:
    """The farthest level after the session on a side where the symptoms spread down."""
    levels = []
    for side in SIDES:
        after, before = session.extent_after.get(side), session.extent_before.get(side)
        if after is not None and (before is None or after > before):
            levels.append(after)
    return max(levels, default=None)


def current_exercise(
    advice: Advice, history: Sequence[SessionSummary], program: Program
) -> CurrentExercise:
    """The exercise to do now from ``advice`` (worked out from ``history``, oldest first),
    with the step-down when the advice is below the rung of the latest session that made
    things worse (the sessions the rules weigh: ``SessionSummary.counts``)."""
    weighed = [s for s in history if s.counts]
    bad = next((s for s in reversed(weighed) if not s.good), None)
    if bad is None or not program.has_rung(bad.rung):
        return CurrentExercise(advice)
    from_rung = program.rung(bad.rung)
    if advice.rung.number >= from_rung.number:
        return CurrentExercise(advice)
    why = why_worse(bad)
    reached = _reached(bad) if why == SPREAD else None
    return CurrentExercise(advice, StepDown(from_rung, bad.local_date, why, reached))


def _in_sentence(name: str) -> str:
    """A rung's name inside a sentence: lowered in English, as written in German."""
    return name if language.code() != language.ENGLISH else name[:1].lower() + name[1:]


def patient_note(step_down: StepDown, catalog: RegionCatalog) -> str:
    """E.g. "↓ Stepped down from baby press-ups on 1 Dec: your symptoms spread down to the
    foot" (the ladder and Today; the name inside the sentence as ``_in_sentence`` writes
    it)."""
    if step_down.why == SPREAD and step_down.reached is not None:
        why = _("your symptoms spread down to the {where}").format(
            where=catalog.level_name(step_down.reached)
        )
    else:
        why = _(PATIENT_WHY[step_down.why])
    return _("↓ Stepped down from {rung} on {date}: {why}").format(
        rung=_in_sentence(step_down.from_rung.name),
        date=language.day_and_month(step_down.on),
        why=why,
    )


def clinician_words(current: CurrentExercise, catalog: RegionCatalog) -> str:
    """The current exercise for the report, e.g. "Lying propped (prone lying on elbows) —
    stepped down from baby press-ups (partial prone press-up) on 1 Dec after symptoms
    spread to the foot"."""
    name = current.rung.clinical_name
    step_down = current.step_down
    if step_down is None:
        return name
    if step_down.why == SPREAD and step_down.reached is not None:
        why = _("symptoms spread to the {where}").format(
            where=catalog.level_name(step_down.reached)
        )
    else:
        why = _(_CLINICIAN_WHY[step_down.why])
    return _("{exercise} — stepped down from {rung} on {date} after {why}").format(
        exercise=name,
        rung=_in_sentence(step_down.from_rung.clinical_name),
        date=language.day_and_month(step_down.on),
        why=why,
    )


def advice_json(current: CurrentExercise) -> dict[str, Any]:
    """``advice`` in ``summary --json``: machine words for the rung and kind, the
    sentences in the language spoken, and the step-down (or null)."""
    advice, step_down = current.advice, current.step_down
    return {
        "rung": advice.rung.slug,
        "kind": advice.kind.value,
        "reason": advice.reason,
        "contact_clinician": advice.contact_clinician,
        "contact_reason": advice.contact_reason if advice.contact_clinician else None,
        "stepped_down_from": None
        if step_down is None
        else {
            "rung": step_down.from_rung.slug,
            "on": step_down.on.isoformat(),
            "why": step_down.why,
            "reached_level": step_down.reached,
        },
    }
