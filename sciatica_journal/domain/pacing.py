"""A guided set as a timeline of cues (issue 13): what to say and show, and when.

``guide_timeline(rung, amount, speed, plan)`` turns an exercise's dose (repetitions for a
press-up rung, seconds for a hold) and a speed into a ``Timeline``; ``PacingError`` says
in one sentence why the amount does not fit the dose. The session's floor view plays the
cues as its clock reaches them, and ``audio-guide`` renders the same timeline to a WAV file.

A press-up set (times at normal speed from ``[pacing]`` of ``program.toml``):
"Get ready… start" at 0; each repetition after the lead-in: "Up", "Hold" at the top,
"Down", its number as it is lowered (the count goes up then), the rest; after the last
rest, "Set complete". A hold: "Get ready… start" at 0; "Relax" as the hold begins after the
lead-in; each whole minute left ("2 minutes left"); the last seconds counted down ("Ten",
…, "One"); at its end "Done. Roll to your side and get up slowly.". ``stopped_cue`` is the
"Stopped" said whenever a set is stopped.

Words are translated when the timeline is made (the active language): a cue carries what
to say (``words``) and the short instruction to show in large letters (``shown``).
Pure Python: no Qt, no database, no audio."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sciatica_journal.domain.language import N_, _, n_
from sciatica_journal.domain.pacing_plan import PacingPlan, Speed
from sciatica_journal.domain.program import Rung


class PacingError(ValueError):
    """The amount asked for does not fit the exercise's dose (one translated sentence)."""


class CueKind(StrEnum):
    START = "start"  # "Get ready… start"
    UP = "up"
    TOP = "top"  # the brief hold at the top: "Hold"
    DOWN = "down"
    COUNT = "count"  # a repetition is done: its number
    SET_END = "set-end"  # "Set complete"
    RELAX = "relax"  # a hold begins
    MINUTES_LEFT = "minutes-left"
    COUNTDOWN = "countdown"  # one of the last seconds of a hold
    HOLD_END = "hold-end"  # "Done. Roll to your side and get up slowly."
    STOPPED = "stopped"


# The numbers as they are said alone (a count, a countdown); above these, the digits.
NUMBER_WORDS = (
    N_("One"),
    N_("Two"),
    N_("Three"),
    N_("Four"),
    N_("Five"),
    N_("Six"),
    N_("Seven"),
    N_("Eight"),
    N_("Nine"),
    N_("Ten"),
    N_("Eleven"),
    N_("Twelve"),
    N_("Thirteen"),
    N_("Fourteen"),
    N_("Fifteen"),
    N_("Sixteen"),
    N_("Seventeen"),
    N_("Eighteen"),
    N_("Nineteen"),
    N_("Twenty"),
)


def number_words(n: int) -> str:
    """``n`` as it is said alone: "Three" / "Drei"; digits above twenty."""
    return _(NUMBER_WORDS[n - 1]) if 1 <= n <= len(NUMBER_WORDS) else str(n)


@dataclass(frozen=True)
class Cue:
    at_ms: int  # from the start of the guide
    kind: CueKind
    words: str  # what the voice says
    shown: str  # the instruction shown in large letters until the next cue
    rep: int | None = None  # the repetition it belongs to (press-ups), else None

    @property
    def at(self) -> float:
        """Seconds from the start of the guide."""
        return self.at_ms / 1000


@dataclass(frozen=True)
class Timeline:
    kind: str  # "reps" or "hold", as the dose
    planned: int  # repetitions, or seconds held
    speed: Speed
    begins_ms: int  # the first repetition or the hold begins (after the lead-in)
    ends_ms: int  # the last repetition's rest is over, or the hold has ended
    duration_ms: int  # the whole guide, with time for the last words
    cues: tuple[Cue, ...]

    @property
    def duration(self) -> float:
        return self.duration_ms / 1000

    def reps_done(self, at_ms: int) -> int:
        """Repetitions counted by ``at_ms`` (a set stopped then did these)."""
        return sum(1 for c in self.cues if c.kind is CueKind.COUNT and c.at_ms <= at_ms)

    def seconds_held(self, at_ms: int) -> int:
        """Whole seconds of the hold done by ``at_ms`` (0 for a press-up set)."""
        if self.kind != "hold":
            return 0
        return max(0, min(self.planned * 1000, at_ms - self.begins_ms)) // 1000

    def due(self, after_ms: int, until_ms: int) -> tuple[Cue, ...]:
        """The cues with ``after_ms < at_ms <= until_ms`` (what a clock tick reached)."""
        return tuple(c for c in self.cues if after_ms < c.at_ms <= until_ms)


def stopped_cue(at_ms: int = 0) -> Cue:
    """What is said when the user stops a set."""
    return Cue(at_ms, CueKind.STOPPED, _("Stopped"), _("Stopped"))


def _start() -> Cue:
    return Cue(0, CueKind.START, _("Get ready… start"), _("Get ready"))


def press_up_timeline(reps: int, speed: Speed, plan: PacingPlan) -> Timeline:
    """The cues of ``reps`` press-ups at ``speed`` (the amount is not checked here)."""
    timing = plan.timing(speed)
    cues = [_start()]
    at = plan.lead_in_ms
    for rep in range(1, reps + 1):
        cues.append(Cue(at, CueKind.UP, _("Up"), _("Up"), rep))
        top = at + timing.up_ms
        if timing.top_ms:
            cues.append(Cue(top, CueKind.TOP, _("Hold"), _("Hold"), rep))
        down = top + timing.top_ms
        cues.append(Cue(down, CueKind.DOWN, _("Down"), _("Down"), rep))
        counted = down + timing.down_ms
        cues.append(Cue(counted, CueKind.COUNT, number_words(rep), _("Relax"), rep))
        at = counted + timing.rest_ms
    cues.append(Cue(at, CueKind.SET_END, _("Set complete"), _("Set complete"), reps))
    return Timeline(
        kind="reps",
        planned=reps,
        speed=speed,
        begins_ms=plan.lead_in_ms,
        ends_ms=at,
        duration_ms=at + plan.closing_ms,
        cues=tuple(cues),
    )


def hold_timeline(seconds: int, plan: PacingPlan) -> Timeline:
    """The cues of a hold of ``seconds`` (the amount is not checked here)."""
    begins = plan.lead_in_ms
    ends = begins + seconds * 1000
    cues = [_start(), Cue(begins, CueKind.RELAX, _("Relax"), _("Relax"))]
    countdown = min(plan.hold.countdown, seconds - 1)
    if plan.hold.minutes_left:
        for minutes in range((seconds - 1) // 60, 0, -1):
            at = ends - minutes * 60_000
            if at - begins >= plan.hold.minutes_after_ms and minutes * 60 > countdown:
                words = n_("{n} minute left", "{n} minutes left", minutes).format(n=minutes)
                cues.append(Cue(at, CueKind.MINUTES_LEFT, words, _("Relax")))
    for left in range(countdown, 0, -1):
        at = ends - left * 1000
        cues.append(Cue(at, CueKind.COUNTDOWN, number_words(left), _("Relax")))
    cues.append(
        Cue(ends, CueKind.HOLD_END, _("Done. Roll to your side and get up slowly."), _("Done"))
    )
    return Timeline(
        kind="hold",
        planned=seconds,
        speed=Speed.NORMAL,
        begins_ms=begins,
        ends_ms=ends,
        duration_ms=ends + plan.closing_ms,
        cues=tuple(cues),
    )


def check_amount(rung: Rung, reps: int | None, seconds: int | None) -> int:
    """The repetitions or seconds for ``rung``: the one given, or the dose's default.
    Raises ``PacingError`` for the wrong kind of amount or one outside the dose."""
    dose = rung.dose
    if dose.kind == "hold":
        if reps is not None:
            raise PacingError(
                _("{exercise} is held for a time, not counted in repetitions").format(
                    exercise=rung.name
                )
            )
        amount = dose.default if seconds is None else seconds
        if not dose.minimum <= amount <= dose.maximum:
            raise PacingError(
                _(
                    "a hold of {seconds} seconds is outside the dose of {exercise} "
                    "({shortest}–{longest} seconds)"
                ).format(
                    seconds=amount,
                    exercise=rung.name,
                    shortest=dose.minimum,
                    longest=dose.maximum,
                )
            )
        return amount
    if seconds is not None:
        raise PacingError(
            _("{exercise} is counted in repetitions, not held for a time").format(
                exercise=rung.name
            )
        )
    amount = dose.default if reps is None else reps
    if not dose.minimum <= amount <= dose.maximum:
        raise PacingError(
            n_(
                "{n} repetition is outside the dose of {exercise} ({fewest}–{most})",
                "{n} repetitions is outside the dose of {exercise} ({fewest}–{most})",
                amount,
            ).format(n=amount, exercise=rung.name, fewest=dose.minimum, most=dose.maximum)
        )
    return amount


def guide_timeline(
    rung: Rung,
    plan: PacingPlan,
    *,
    reps: int | None = None,
    seconds: int | None = None,
    speed: Speed = Speed.NORMAL,
) -> Timeline:
    """The guided set of ``rung``: ``reps`` press-ups or a hold of ``seconds`` (the dose's
    default when not given), checked against its dose (``PacingError``)."""
    amount = check_amount(rung, reps, seconds)
    if rung.dose.kind == "hold":
        return hold_timeline(amount, plan)
    return press_up_timeline(amount, speed, plan)
