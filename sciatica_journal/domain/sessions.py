"""An exercise session as the journal keeps it, and the checks a new one must pass."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sciatica_journal.domain.body import SymptomMap
from sciatica_journal.domain.doses import complete_in, planned_problem
from sciatica_journal.domain.language import N_, _
from sciatica_journal.domain.program import Program
from sciatica_journal.domain.validation import EARLIEST, note_problem


class Outcome(StrEnum):
    ABOLISHED = "abolished"
    PERIPHERALIZED = "peripheralized"
    WORSE = "worse"
    CENTRALIZED = "centralized"
    BETTER = "better"
    NO_CHANGE = "no_change"

    @property
    def label(self) -> str:
        """The outcome's name in the active language, e.g. "Better"."""
        return _(OUTCOME_LABELS[self])


OUTCOME_LABELS = {  # in English: show them through Outcome.label (or _())
    Outcome.ABOLISHED: N_("Symptoms gone"),
    Outcome.PERIPHERALIZED: N_("Spread further down"),
    Outcome.WORSE: N_("Worse"),
    Outcome.CENTRALIZED: N_("Moved up (centralized)"),
    Outcome.BETTER: N_("Better"),
    Outcome.NO_CHANGE: N_("No change"),
}


class PressUpRange(StrEnum):
    """How far up a press-up went before the pelvis began to rise (lowest first)."""

    QUARTER = "quarter"
    HALF = "half"
    THREE_QUARTERS = "three-quarters"
    FULL = "full"

    @property
    def words(self) -> str:
        """The one wording of the range, e.g. "half way up" (capitalise it to start a line)."""
        return _(RANGE_WORDS[self])

    @property
    def short(self) -> str:
        """The range in a chart axis or table cell, e.g. "½"."""
        return _(RANGE_SHORT[self])

    @property
    def fraction(self) -> float:
        """How much of a full press-up: 0.25, 0.5, 0.75 or 1.0."""
        return RANGE_FRACTION[self]


RANGE_WORDS = {  # in English: show them through PressUpRange.words
    PressUpRange.QUARTER: N_("a quarter of the way up"),
    PressUpRange.HALF: N_("half way up"),
    PressUpRange.THREE_QUARTERS: N_("three quarters of the way up"),
    PressUpRange.FULL: N_("all the way up (straight arms)"),
}
RANGE_SHORT = {
    PressUpRange.QUARTER: "¼",  # the same in every language: _("¼") is "¼"
    PressUpRange.HALF: "½",
    PressUpRange.THREE_QUARTERS: "¾",
    PressUpRange.FULL: N_("full"),
}
RANGE_FRACTION = {
    PressUpRange.QUARTER: 0.25,
    PressUpRange.HALF: 0.5,
    PressUpRange.THREE_QUARTERS: 0.75,
    PressUpRange.FULL: 1.0,
}


MAX_REPS = 100  # the most repetitions a session can record


class SessionError(ValueError):
    """A session that cannot be saved; the message says which field and why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class PainScores:
    """Back and leg pain, each 0-10."""

    back: int
    leg: int


@dataclass(frozen=True)
class NewSession:
    """What the user did and felt in one session, before it is saved."""

    rung: str
    started_at: dt.datetime  # aware
    ended_at: dt.datetime  # aware
    pain_before: PainScores
    pain_after: PainScores | None
    map_before: SymptomMap
    map_after: SymptomMap | None
    reps_done: int | None = None
    hold_seconds: int | None = None
    range_reached: PressUpRange | None = None
    pelvis_stayed_down: bool | None = None
    stopped_for_pain: bool = False
    note: str = ""
    # The dose planned: repetitions of a press-up rung, seconds of a hold (None: not known).
    planned: int | None = None
    # Chosen against the advice after a warning (``domain.guarded_choice``).
    against_advice: bool = False


@dataclass(frozen=True)
class SessionEntry:
    """A saved session."""

    uuid: str
    rung: str
    started_at: dt.datetime  # aware, UTC
    ended_at: dt.datetime
    zone: str
    local_date: dt.date
    pain_before: PainScores
    pain_after: PainScores | None
    outcome: Outcome
    reps_done: int | None
    hold_seconds: int | None
    range_reached: PressUpRange | None
    pelvis_stayed_down: bool | None
    stopped_for_pain: bool
    note: str
    planned: int | None = None  # repetitions or seconds planned; None: not known
    against_advice: bool = False  # chosen against the advice after a warning

    def is_complete(self, program: Program) -> bool:
        """Whether the session counts (``domain.doses``, DESIGN §2.2 rule 9)."""
        return complete_in(
            program, self.rung, self.reps_done, self.hold_seconds, self.stopped_for_pain
        )


_PAIN_PROBLEMS = {
    "back_pain_before": N_("back pain before must be a whole number 0-10"),
    "leg_pain_before": N_("leg pain before must be a whole number 0-10"),
    "back_pain_after": N_("back pain after must be a whole number 0-10"),
    "leg_pain_after": N_("leg pain after must be a whole number 0-10"),
}
# Per time of a session: it has no time zone; it is before the journal's earliest year.
_TIME_PROBLEMS = {
    "start": (N_("the start time has no time zone"), N_("the start time is before {year}")),
    "end": (N_("the end time has no time zone"), N_("the end time is before {year}")),
}


def validate_pain(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        known = _PAIN_PROBLEMS.get(field)
        message = (
            _(known)
            if known is not None
            else _("{field} must be a whole number 0-10").format(field=field.replace("_", " "))
        )
        raise SessionError(field, message)
    return value


def validate_new_session(session: NewSession, program: Program, now: dt.datetime) -> None:
    """Raise ``SessionError`` for anything that must not be saved."""
    if not program.has_rung(session.rung):
        raise SessionError("rung", _("unknown exercise {name}").format(name=repr(session.rung)))
    rung = program.rung(session.rung)
    for stamp, name in ((session.started_at, "start"), (session.ended_at, "end")):
        no_zone, too_early = _TIME_PROBLEMS[name]
        if stamp.tzinfo is None:
            raise SessionError(name, _(no_zone))
        if stamp < EARLIEST:  # a time in the future is the end's check, below
            raise SessionError(name, _(too_early).format(year=EARLIEST.year))
    if session.ended_at < session.started_at:
        raise SessionError("end", _("the session ends before it starts"))
    if session.ended_at > now + dt.timedelta(minutes=1):
        raise SessionError("end", _("the session ends in the future"))
    validate_pain(session.pain_before.back, "back_pain_before")
    validate_pain(session.pain_before.leg, "leg_pain_before")
    if session.pain_after is not None:
        validate_pain(session.pain_after.back, "back_pain_after")
        validate_pain(session.pain_after.leg, "leg_pain_after")
    elif not session.stopped_for_pain:
        raise SessionError("pain_after", _("pain after the session is missing"))
    if session.reps_done is not None:
        # The user may count past the dose's maximum (a note says so); 100 is absurd.
        top = MAX_REPS
        if isinstance(session.reps_done, bool) or not 0 <= session.reps_done <= top:
            raise SessionError("reps_done", _("repetitions must be 0-{top}").format(top=top))
    if session.planned is not None:
        problem = planned_problem(rung, session.planned)
        if problem is not None:
            raise SessionError("planned", problem)
    if session.hold_seconds is not None and not 0 <= session.hold_seconds <= 3600:
        raise SessionError("hold_seconds", _("the hold must be 0-3600 seconds"))
    problem = note_problem(session.note)
    if problem is not None:
        raise SessionError("note", problem)
    if session.range_reached is not None and not rung.is_press_up:
        raise SessionError("range_reached", _("a range is only recorded for press-ups"))
