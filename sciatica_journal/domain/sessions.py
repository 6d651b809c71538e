"""An exercise session as the journal keeps it, and the checks a new one must pass."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sciatica_journal.domain.body import SymptomMap
from sciatica_journal.domain.program import Program
from sciatica_journal.domain.validation import instant_problem, text_problem


class Outcome(StrEnum):
    ABOLISHED = "abolished"
    PERIPHERALIZED = "peripheralized"
    WORSE = "worse"
    CENTRALIZED = "centralized"
    BETTER = "better"
    NO_CHANGE = "no_change"

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self]


OUTCOME_LABELS = {
    Outcome.ABOLISHED: "Symptoms gone",
    Outcome.PERIPHERALIZED: "Spread further down",
    Outcome.WORSE: "Worse",
    Outcome.CENTRALIZED: "Moved up (centralized)",
    Outcome.BETTER: "Better",
    Outcome.NO_CHANGE: "No change",
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
        return RANGE_WORDS[self]

    @property
    def short(self) -> str:
        """The range in a chart axis or table cell, e.g. "½"."""
        return RANGE_SHORT[self]

    @property
    def fraction(self) -> float:
        """How much of a full press-up: 0.25, 0.5, 0.75 or 1.0."""
        return RANGE_FRACTION[self]


RANGE_WORDS = {
    PressUpRange.QUARTER: "a quarter of the way up",
    PressUpRange.HALF: "half way up",
    PressUpRange.THREE_QUARTERS: "three quarters of the way up",
    PressUpRange.FULL: "all the way up (straight arms)",
}
RANGE_SHORT = {
    PressUpRange.QUARTER: "¼",
    PressUpRange.HALF: "½",
    PressUpRange.THREE_QUARTERS: "¾",
    PressUpRange.FULL: "full",
}
RANGE_FRACTION = {
    PressUpRange.QUARTER: 0.25,
    PressUpRange.HALF: 0.5,
    PressUpRange.THREE_QUARTERS: 0.75,
    PressUpRange.FULL: 1.0,
}


class SessionError(ValueError):
    """A session that cannot be saved; the message says which field and why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class PainScores:
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


def validate_pain(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise SessionError(field, f"{field.replace('_', ' ')} must be a whole number 0-10")
    return value


def validate_new_session(session: NewSession, program: Program, now: dt.datetime) -> None:
    """Raise ``SessionError`` for anything that must not be saved."""
    if not program.has_rung(session.rung):
        raise SessionError("rung", f"unknown exercise {session.rung!r}")
    rung = program.rung(session.rung)
    for stamp, name in ((session.started_at, "start"), (session.ended_at, "end")):
        if stamp.tzinfo is None:
            raise SessionError(name, f"the {name} time has no time zone")
        problem = instant_problem(stamp, now)
        if problem is not None and problem != "is in the future":
            raise SessionError(name, f"the {name} time {problem}")
    if session.ended_at < session.started_at:
        raise SessionError("end", "the session ends before it starts")
    if session.ended_at > now + dt.timedelta(minutes=1):
        raise SessionError("end", "the session ends in the future")
    validate_pain(session.pain_before.back, "back_pain_before")
    validate_pain(session.pain_before.leg, "leg_pain_before")
    if session.pain_after is not None:
        validate_pain(session.pain_after.back, "back_pain_after")
        validate_pain(session.pain_after.leg, "leg_pain_after")
    elif not session.stopped_for_pain:
        raise SessionError("pain_after", "pain after the session is missing")
    if session.reps_done is not None:
        top = rung.dose.maximum if rung.dose.kind == "reps" else 100
        if isinstance(session.reps_done, bool) or not 0 <= session.reps_done <= top:
            raise SessionError("reps_done", f"repetitions must be 0-{top}")
    if session.hold_seconds is not None and not 0 <= session.hold_seconds <= 3600:
        raise SessionError("hold_seconds", "the hold must be 0-3600 seconds")
    problem = text_problem(session.note)
    if problem is not None:
        raise SessionError("note", f"the note {problem}")
    if session.range_reached is not None and not rung.is_press_up:
        raise SessionError("range_reached", "a range is only recorded for press-ups")
