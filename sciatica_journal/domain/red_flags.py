"""Red flags (DESIGN §2.3): which answers are urgent, and when the questions are due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from sciatica_journal.domain.body import RegionCatalog, SymptomMap, marks_on
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


@dataclass(frozen=True)
class RedFlagQuestion:
    code: str
    question: str
    severity: Severity


@dataclass(frozen=True)
class RecordedScreen:
    """A red-flag screening as the journal keeps it."""

    uuid: str
    answered_at: dt.datetime  # UTC
    local_date: dt.date
    trigger: Trigger
    result: ScreenResult
    answers: dict[str, bool]


class RedFlagError(ValueError):
    pass


def evaluate(answers: Mapping[str, bool], questions: tuple[RedFlagQuestion, ...]) -> ScreenResult:
    """Any "yes" to an urgent question → URGENT; else any "yes" → CONTACT_DOCTOR; else CLEAR.

    Every question must be answered, and only known questions."""
    known = {q.code for q in questions}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise RedFlagError(f"unknown red-flag question {unknown[0]!r}")
    missing = [q.code for q in questions if q.code not in answers]
    if missing:
        raise RedFlagError(f"the red-flag question {missing[0]!r} is not answered")
    if any(answers[q.code] for q in questions if q.severity is Severity.URGENT):
        return ScreenResult.URGENT
    if any(answers[q.code] for q in questions):
        return ScreenResult.CONTACT_DOCTOR
    return ScreenResult.CLEAR


def _marks_saddle(symptoms: SymptomMap, catalog: RegionCatalog) -> bool:
    return any(region.red_flag for _, region in marks_on(symptoms, "center", catalog))


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
