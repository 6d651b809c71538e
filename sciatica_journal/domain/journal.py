"""The journal as a list: one row per session, symptom check-in or free note (DESIGN §3).

Pure Python: the rows and the short summaries shown in the Journal page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sciatica_journal.domain.body import SIDES, RegionCatalog, SymptomMap, distal_extent
from sciatica_journal.domain.doses import hold_words, marked_dose
from sciatica_journal.domain.language import N_, _, n_
from sciatica_journal.domain.program import Rung
from sciatica_journal.domain.sessions import Outcome, PainScores, PressUpRange

NOTE_MAX_LENGTH = 5000


class EntryKind(StrEnum):
    SESSION = "session"
    CHECK_IN = "check-in"
    NOTE = "note"
    SCREENING = "screening"  # red-flag answers: shown, not edited here

    @property
    def label(self) -> str:
        return _(KIND_LABELS[self])


KIND_LABELS = {  # in English: show them through EntryKind.label
    EntryKind.SESSION: N_("Exercise session"),
    EntryKind.CHECK_IN: N_("Symptom check-in"),
    EntryKind.NOTE: N_("Note"),
    EntryKind.SCREENING: N_("Safety questions"),
}
# The side that begins a check-in's summary, and the one after it ("Left: ... · right: ...").
_SIDE_FIRST = {"left": N_("Left"), "right": N_("Right")}
_SIDE_LATER = {"left": N_("left"), "right": N_("right")}


@dataclass(frozen=True)
class JournalEntry:
    """One row of the journal, in the zone it was recorded in."""

    kind: EntryKind
    uuid: str
    at: dt.datetime  # the instant, UTC
    zone: str
    local_date: dt.date
    local_time: dt.time
    title: str
    summary: str
    note: str
    # Sessions only:
    pain_before: PainScores | None = None
    pain_after: PainScores | None = None
    outcome: Outcome | None = None
    stopped_for_pain: bool = False
    complete: bool = True  # an incomplete session is shown but not counted (rule 9)

    @property
    def key(self) -> tuple[str, str]:
        """(kind, uuid): what identifies the entry across edits."""
        return (self.kind.value, self.uuid)


def pain_change(before: int, after: int | None) -> str:
    return f"{before}" if after is None else f"{before}→{after}"


def describe_hold(seconds: int) -> str:
    """E.g. "held 3 s", "held 2 min 30 s"."""
    return hold_words(seconds)


def session_summary(
    *,
    pain_before: PainScores,
    pain_after: PainScores | None,
    outcome: Outcome,
    reps_done: int | None,
    hold_seconds: int | None,
    range_reached: PressUpRange | None,
    pelvis_stayed_down: bool | None,
    stopped_for_pain: bool,
    rung: Rung | None = None,
    planned: int | None = None,
    complete: bool = True,
    against_advice: bool = False,
) -> str:
    """E.g. "Back 5→4, leg 6→5 · Better · 10 reps · half way up"; with the plan known
    "3 of 10 reps, incomplete" for a session that does not count."""
    after_back = None if pain_after is None else pain_after.back
    after_leg = None if pain_after is None else pain_after.leg
    parts = [
        _("Back {back}, leg {leg}").format(
            back=pain_change(pain_before.back, after_back),
            leg=pain_change(pain_before.leg, after_leg),
        ),
        outcome.label,
    ]
    dose = marked_dose(rung, reps_done, hold_seconds, planned, complete)
    if dose:
        parts.append(dose)
    if range_reached is not None:
        parts.append(range_reached.words)
    if pelvis_stayed_down is False:
        parts.append(_("pelvis lifted"))
    if stopped_for_pain:
        parts.append(_("stopped for pain"))
    if against_advice:
        parts.append(_("chosen against the advice"))
    return " · ".join(parts)


def check_in_summary(symptoms: SymptomMap, catalog: RegionCatalog) -> str:
    """E.g. "Left: down to the lower leg · right: clear · 3 marks"."""
    if symptoms.is_empty:
        return _("No symptoms marked")
    parts: list[str] = []
    for side in SIDES:
        extent = distal_extent(symptoms, side, catalog)
        if extent is None:
            reach = _("clear")
        elif not catalog.in_leg(extent):
            reach = _("{level} only").format(level=catalog.level_name(extent))
        else:
            reach = _("down to the {level}").format(level=catalog.level_name(extent))
        words = _SIDE_LATER if parts else _SIDE_FIRST
        parts.append(_("{side}: {reach}").format(side=_(words[side]), reach=reach))
    count = len(symptoms.marks)
    parts.append(n_("{n} mark", "{n} marks", count).format(n=count))
    return " · ".join(parts)
