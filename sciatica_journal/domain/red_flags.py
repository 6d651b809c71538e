"""Red flags (DESIGN §2.3): which answers are urgent, and when the questions are due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sciatica_journal.domain.body import RegionCatalog, SymptomMap, marks_on
from sciatica_journal.domain.language import _
from sciatica_journal.domain.map_comparison import legs_marked


class Severity(StrEnum):
    URGENT = "urgent"  # seek emergency care now; no exercises today
    DOCTOR = "doctor"  # contact your doctor promptly


class ScreenResult(StrEnum):
    CLEAR = "clear"
    CONTACT_DOCTOR = "contact-doctor"
    URGENT = "urgent"


class Trigger(StrEnum):
    DAILY = "daily"  # the first session of the day
    SADDLE = "saddle"  # the saddle area was newly marked
    BOTH_LEGS = "both-legs"  # both legs newly marked


class Occasion(StrEnum):
    """When the app considers asking the questions."""

    SESSION = "session"  # before an exercise session (the wizard's check-in)
    CHECK_IN = "check-in"  # a symptom map saved on its own, without exercising


class DueBecause(StrEnum):
    """Where the reason for asking comes from."""

    FIRST_SESSION_TODAY = "first-session-today"  # no screening answered yet today
    THIS_MAP = "this-map"  # the map being saved newly marks the saddle or both legs
    EARLIER_MAP = "earlier-map"  # an earlier map asked for them and they were put off


@dataclass(frozen=True)
class DueScreening:
    """The red-flag questions are due (all of them are asked), and why."""

    trigger: Trigger  # what the screening is recorded as, and what its introduction says
    because: DueBecause


@dataclass(frozen=True)
class RedFlagQuestion:
    """One question of the red-flag screening."""

    code: str
    question: str
    severity: Severity
    short: str = ""  # the question as a few words, for the Journal and the report

    @property
    def words(self) -> str:
        """What a "yes" to it was about, in a few words (the question if there are none)."""
        return self.short or self.question


@dataclass(frozen=True)
class RecordedScreen:
    """A red-flag screening as the journal keeps it."""

    uuid: str
    answered_at: dt.datetime  # UTC
    local_date: dt.date
    trigger: Trigger
    result: ScreenResult
    answers: dict[str, bool]
    zone: str = ""  # the IANA zone it was answered in

    @property
    def yes(self) -> list[str]:
        """The codes of the questions answered "yes", in the order they were asked."""
        return [code for code, answer in self.answers.items() if answer]


class RedFlagError(ValueError):
    pass


def evaluate(answers: Mapping[str, bool], questions: tuple[RedFlagQuestion, ...]) -> ScreenResult:
    """Any "yes" to an urgent question → URGENT; else any "yes" → CONTACT_DOCTOR; else CLEAR.

    Every question must be answered, and only known questions."""
    known = {q.code for q in questions}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise RedFlagError(_("unknown red-flag question {code}").format(code=repr(unknown[0])))
    missing = [q.code for q in questions if q.code not in answers]
    if missing:
        raise RedFlagError(
            _("the red-flag question {code} is not answered").format(code=repr(missing[0]))
        )
    if any(answers[q.code] for q in questions if q.severity is Severity.URGENT):
        return ScreenResult.URGENT
    if any(answers[q.code] for q in questions):
        return ScreenResult.CONTACT_DOCTOR
    return ScreenResult.CLEAR


def _marks_saddle(symptoms: SymptomMap, catalog: RegionCatalog) -> bool:
    return any(region.red_flag for _mark, region in marks_on(symptoms, "center", catalog))


def triggers_for_map(
    previous: SymptomMap | None, new: SymptomMap, catalog: RegionCatalog
) -> list[Trigger]:
    """The reasons a newly saved map calls for the red-flag questions."""
    before = previous if previous is not None else SymptomMap()
    found = []
    if _marks_saddle(new, catalog) and not _marks_saddle(before, catalog):
        found.append(Trigger.SADDLE)
    if legs_marked(new, catalog) == {"left", "right"} and legs_marked(before, catalog) != {
        "left",
        "right",
    }:
        found.append(Trigger.BOTH_LEGS)
    return found


def due_screening(
    occasion: Occasion,
    *,
    daily_due: bool,
    pending: Trigger | None,
    map_triggers: Sequence[Trigger],
) -> DueScreening | None:
    """Whether the red-flag questions are due now, and why (DESIGN §2.3); None: not due.

    ``daily_due``: no screening has been answered today. ``pending``: an earlier map asked
    for the questions and they were put off ("Not now"). ``map_triggers``: what the map
    being saved calls for (``triggers_for_map``), most important first.

    The first session of the day comes first: its questions are asked whatever the map
    shows, and a check-in on its own does not count as a session. Then what this map
    shows, then what an earlier map asked for."""
    if occasion is Occasion.SESSION and daily_due:
        return DueScreening(Trigger.DAILY, DueBecause.FIRST_SESSION_TODAY)
    if map_triggers:
        return DueScreening(map_triggers[0], DueBecause.THIS_MAP)
    if pending is not None:
        return DueScreening(pending, DueBecause.EARLIER_MAP)
    return None
