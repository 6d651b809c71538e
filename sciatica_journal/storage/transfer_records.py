"""The whole journal as plain records, as an export holds it and an import writes it.

Records carry the stored values as they are (times as UTC text, enums as their text), so
that an export and a re-import keep every entry exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from sciatica_journal.domain.measure_results import Answer
from sciatica_journal.domain.profile import Profile

PROFILE = "profile"
SESSIONS = "sessions"
CHECK_INS = "check_ins"
RED_FLAG_SCREENS = "red_flag_screens"
NOTES = "notes"
MEASURES = "measures"
KINDS = (PROFILE, SESSIONS, CHECK_INS, RED_FLAG_SCREENS, NOTES, MEASURES)


class MarkRecord(NamedTuple):
    """A mark of a map (a tuple: maps' marks are compared and hashed by the hundred thousand
    in an import and an export)."""

    region: str
    kind: str
    intensity: int


class MapRecord(NamedTuple):
    """A symptom map (the records are tuples: an export builds some 60,000 maps and
    30,000 sessions, and a tuple is made several times faster than a frozen dataclass)."""

    uuid: str
    recorded_at: str  # "YYYY-MM-DDTHH:MM:SSZ"
    zone: str
    local_date: str  # "YYYY-MM-DD"
    context: str  # "check-in", "before" or "after"
    note: str
    marks: tuple[MarkRecord, ...]


class SessionRecord(NamedTuple):
    uuid: str
    rung: str
    started_at: str
    ended_at: str
    zone: str
    local_date: str
    back_pain_before: int
    leg_pain_before: int
    back_pain_after: int | None
    leg_pain_after: int | None
    outcome: str
    reps_done: int | None
    hold_seconds: int | None
    range_reached: str | None
    pelvis_stayed_down: bool | None
    stopped_for_pain: bool
    note: str
    map_before: MapRecord | None
    map_after: MapRecord | None
    planned: int | None = None  # reps or seconds planned; None: not known
    against_advice: bool = False  # chosen against the advice after a warning


class ScreenRecord(NamedTuple):
    uuid: str
    answered_at: str
    zone: str
    local_date: str
    trigger: str
    result: str
    answers: tuple[tuple[str, bool], ...]  # (question code, yes?) in the order asked
    session_uuid: str | None


class NoteRecord(NamedTuple):
    uuid: str
    written_at: str
    zone: str
    local_date: str
    text: str


class MeasureRecord(NamedTuple):
    """One weekly measure answered once (``domain.measure_results.MeasureResponse``)."""

    uuid: str
    measure: str  # the measure's code: "sbi", "psfs", "pgic"
    answered_at: str
    zone: str
    local_date: str
    answers: tuple[Answer, ...]  # in the order asked


@dataclass(frozen=True)
class JournalContents:
    """Everything an export holds; ``check_ins`` are the maps that belong to no session."""

    profile: Profile | None = None
    sessions: tuple[SessionRecord, ...] = ()
    check_ins: tuple[MapRecord, ...] = ()
    screens: tuple[ScreenRecord, ...] = ()
    notes: tuple[NoteRecord, ...] = ()
    measures: tuple[MeasureRecord, ...] = ()  # the weekly measures' responses


class ImportWriteError(Exception):
    """The database refused the import; the transaction was rolled back, nothing was kept."""


@dataclass
class ImportCounts:
    """Added and skipped entries per kind (``KINDS``)."""

    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    skipped: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    # The UUIDs written, per table (to take an import back out: ``remove_written``).
    written: dict[str, list[str]] = field(default_factory=dict)
