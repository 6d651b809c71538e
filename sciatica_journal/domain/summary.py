"""The report's numbers (DESIGN §4), computed in one place for the window, the PDF and
``summary --json``. Definitions, exactly:

- days in period: calendar days from start to end, inclusive (end capped at today)
- adherence %: days with ≥ target-minimum sessions ÷ days in period × 100, 1 decimal
- pain first/last week: mean of the *before* scores of the sessions in the first 7
  calendar days from the first session in the period, and in the last 7 days up to the
  last session — only when those are two weeks apart: the sessions span at least 14
  calendar days (``WEEKS_COMPARED_FROM_DAYS``; so never in a shorter period), else the
  weeks and their change are ``None``; period mean: of every *before* score in the
  period (what the report gives instead of the weeks)
- rounding: ``domain.rounding`` (means 2 decimals, percentages 1)
- change: last week − first week; clinically important when |change| ≥ the points
  threshold or ≥ the percent threshold of the first-week mean (program.toml)
- distal extent first/latest: from the earliest and latest symptom maps in the period
- trend per leg: latest < first → centralizing, > → peripheralizing, else stable
- what each exercise did (``by_exercise``): ``domain.response_profile``
- sessions, active days, mean per day, adherence, outcome counts and the best range count
  complete sessions only (DESIGN §2.2 rule 9, ``domain.doses``); incomplete ones are
  counted apart (``incomplete``). The pain means take every session's *before* scores:
  a score given before the exercise does not depend on how much of it was done.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sciatica_journal.domain import rounding
from sciatica_journal.domain.body import SIDES, RegionCatalog, SymptomMap, distal_extent
from sciatica_journal.domain.body import radiation_class as _radiation_class
from sciatica_journal.domain.current_exercise import CurrentExercise, advice_json
from sciatica_journal.domain.frequency import adherence_pct, period_days
from sciatica_journal.domain.language import N_, _
from sciatica_journal.domain.program import Thresholds
from sciatica_journal.domain.red_flags import ScreenResult
from sciatica_journal.domain.response_profile import (
    ExerciseResponses,
    profile_json,
    response_profile,
)
from sciatica_journal.domain.session_tally import SessionFacts, SessionTally, tally_sessions
from sciatica_journal.domain.sessions import Outcome, PressUpRange

__all__ = [
    "ExtentChange",
    "PainChange",
    "ScreenFacts",
    "SessionFacts",
    "SessionTally",
    "Summary",
    "pain_change",
    "summarize",
]


class ScreenFacts(NamedTuple):
    """One red-flag screening as the summary sees it (a tuple, as ``SessionFacts``: ten
    years hold 3,700 of them, made four times faster than as dataclasses)."""

    local_date: dt.date
    result: ScreenResult
    at: dt.datetime | None = None  # when it was answered, in the zone it was answered in
    yes: tuple[str, ...] = ()  # the codes of the questions answered "yes", in their order

    def as_json(self) -> dict[str, Any]:
        """One item of ``red_flags`` in ``summary --json``."""
        return {
            "date": self.local_date.isoformat(),
            "at": None if self.at is None else self.at.isoformat(timespec="seconds"),
            "result": self.result.value,
            "yes": list(self.yes),
        }


@dataclass(frozen=True)
class PainChange:
    """The before scores of one pain: the first and last week, their change, the period's mean."""

    first_week_mean: float | None
    last_week_mean: float | None
    change: float | None
    clinically_important: bool
    # The mean of every before score in the period: what the report gives instead of the
    # weeks when the sessions span less than ``WEEKS_COMPARED_FROM_DAYS`` days.
    period_mean: float | None = None
    # Calendar days from the first session to the last, both counted (None: no session).
    span_days: int | None = None


@dataclass(frozen=True)
class ExtentChange:
    """How far down one leg the symptoms reached: in the first and the latest map."""

    first: int | None
    latest: int | None
    trend: str  # "centralizing", "peripheralizing" or "stable" (as ``summary --json`` says it)

    @property
    def trend_words(self) -> str:
        """The trend for the reader, in the active language."""
        return _(TREND_WORDS.get(self.trend, self.trend))


TREND_WORDS = {
    "centralizing": N_("centralizing"),
    "peripheralizing": N_("peripheralizing"),
    "stable": N_("stable"),
}


@dataclass(frozen=True)
class Summary:
    """The numbers of a period (DESIGN §4)."""

    start: dt.date
    end: dt.date
    days: int
    total: int
    days_active: int
    mean_per_day: float
    days_meeting_target: int
    adherence_pct: float | None
    target_min: int
    target_max: int
    back: PainChange
    leg: PainChange
    extent: dict[str, ExtentChange]
    radiation_first: int | None
    radiation_latest: int | None
    outcomes: dict[str, int]
    current_rung: str | None
    best_range: PressUpRange | None
    red_flags: list[ScreenFacts]  # the screenings with a "yes" (the report lists these)
    incomplete: int = 0  # sessions ended short of the dose: shown, not counted
    by_exercise: tuple[ExerciseResponses, ...] = ()  # what each exercise did, ladder order
    # The exercise to do now (the advice at the end of the period) and any step-down.
    current: CurrentExercise | None = None
    # Every screening of the period, "no" to all included (``summary --json`` lists them).
    screenings: list[ScreenFacts] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The object printed by ``summary --json``."""

        def pain(p: PainChange) -> dict[str, Any]:
            return {
                "first_week_mean": p.first_week_mean,
                "last_week_mean": p.last_week_mean,
                "change": p.change,
                "clinically_important": p.clinically_important,
                "period_mean": p.period_mean,
            }

        return {
            "period": {
                "from": self.start.isoformat(),
                "to": self.end.isoformat(),
                "days": self.days,
            },
            "target": {"min": self.target_min, "max": self.target_max},
            "sessions": {
                "total": self.total,
                "days_active": self.days_active,
                "mean_per_day": self.mean_per_day,
                "days_meeting_target": self.days_meeting_target,
                "adherence_pct": self.adherence_pct,
                "incomplete_sessions": self.incomplete,
            },
            "pain": {"back": pain(self.back), "leg": pain(self.leg)},
            "distal_extent": {
                side: {"first": e.first, "latest": e.latest, "trend": e.trend}
                for side, e in self.extent.items()
            },
            "radiation_class": {"first": self.radiation_first, "latest": self.radiation_latest},
            "outcomes": self.outcomes,
            "current_rung": self.current_rung,
            "advice": None if self.current is None else advice_json(self.current),
            "best_range": None if self.best_range is None else self.best_range.value,
            "red_flags": [s.as_json() for s in self.screenings],
            "by_exercise": profile_json(self.by_exercise),
        }


# Sessions spanning fewer days (so any shorter period) give the mean over the period: a
# first and a last week that share days, or are the same sessions, are no comparison.
WEEKS_COMPARED_FROM_DAYS = 14


def pain_change(
    sessions: Sequence[SessionFacts] | SessionTally, attribute: str, thresholds: Thresholds
) -> PainChange:
    """The change in the before score ``attribute`` ("back_before" or "leg_before")."""
    tally = sessions if isinstance(sessions, SessionTally) else tally_sessions(sessions)
    if tally.first_day is None or tally.last_day is None:
        return PainChange(None, None, None, False)
    overall = _rounded(tally.score_mean(attribute))
    first_day, last_day = tally.first_day, tally.last_day
    span = (last_day - first_day).days + 1
    if span < WEEKS_COMPARED_FROM_DAYS:
        return PainChange(None, None, None, False, overall, span)
    week = dt.timedelta(days=6)
    first = _rounded(tally.score_mean(attribute, last=first_day + week))
    last = _rounded(tally.score_mean(attribute, first=last_day - week))
    assert first is not None and last is not None
    change = rounding.mean(last - first)
    important = abs(change) >= thresholds.clinically_important_points or (
        first > 0 and abs(change) / first * 100 >= thresholds.clinically_important_percent
    )
    return PainChange(first, last, change, important, overall, span)


def _rounded(mean: float | None) -> float | None:
    return None if mean is None else rounding.mean(mean)


def _trend(first: int | None, latest: int | None) -> str:
    a = -1 if first is None else first
    b = -1 if latest is None else latest
    return "centralizing" if b < a else "peripheralizing" if b > a else "stable"


def summarize(
    *,
    start: dt.date,
    end: dt.date,
    today: dt.date,
    # The period's sessions (complete or not): one by one, oldest first, or counted.
    sessions: Sequence[SessionFacts] | SessionTally,
    first_map: SymptomMap | None,  # the earliest and latest maps in the period
    latest_map: SymptomMap | None,
    screens: Sequence[ScreenFacts],
    target_min: int,
    target_max: int,
    thresholds: Thresholds,
    catalog: RegionCatalog,
    ladder: Sequence[str] = (),  # the programme's rung slugs, lowest first
    current: CurrentExercise | None = None,
) -> Summary:
    days = period_days(start, end, today)
    counted = sessions if isinstance(sessions, SessionTally) else tally_sessions(sessions)
    counts = counted.complete_per_day()
    total = counted.complete
    tallied = counted.outcome_tally()
    outcome_counts: Counter[Outcome] = Counter()
    for (_rung, outcome, complete), n in tallied.items():
        if complete:
            outcome_counts[outcome] += n
    extent = {}
    for side in SIDES:
        first = None if first_map is None else distal_extent(first_map, side, catalog)
        latest = None if latest_map is None else distal_extent(latest_map, side, catalog)
        extent[side] = ExtentChange(first, latest, _trend(first, latest))
    ranges = counted.ranges_with_pelvis_down()
    order = list(PressUpRange)
    return Summary(
        start=start,
        end=min(end, today),
        days=len(days),
        total=total,
        days_active=len(counts),
        mean_per_day=rounding.mean(total / len(days)) if days else 0.0,
        days_meeting_target=sum(1 for day in days if counts.get(day, 0) >= target_min),
        adherence_pct=adherence_pct(counts, start, end, target_min, today),
        target_min=target_min,
        target_max=target_max,
        back=pain_change(counted, "back_before", thresholds),
        leg=pain_change(counted, "leg_before", thresholds),
        extent=extent,
        radiation_first=None if first_map is None else _radiation_class(first_map, catalog),
        radiation_latest=None if latest_map is None else _radiation_class(latest_map, catalog),
        outcomes={o.value: outcome_counts.get(o, 0) for o in Outcome},
        # The exercise to do now: the advice's rung (rule 10); without the advice, the
        # exercise of the last session that counts (of the last one if none does).
        current_rung=current.rung.slug
        if current is not None
        else (
            counted.last_complete_rung
            if counted.last_complete_rung is not None
            else counted.last_rung
        ),
        best_range=max(ranges, key=order.index) if ranges else None,
        red_flags=[s for s in screens if s.result is not ScreenResult.CLEAR],
        screenings=list(screens),
        incomplete=counted.sessions - total,
        by_exercise=tuple(
            response_profile(
                tallied,
                ladder,
                thresholds.mostly_centralizing_percent,
            )
        ),
        current=current,
    )
