"""Everything a report for the physician shows, gathered for a period (no Qt here; the
PDF is painted by ``reports.pdf_report``)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from sciatica_journal.domain.body import RegionCatalog, SymptomMap
from sciatica_journal.domain.day_marks import DayMark, DaySession, day_exercises, day_marks
from sciatica_journal.domain.doses import dose_minimums, marked_dose
from sciatica_journal.domain.language import _, clock_time
from sciatica_journal.domain.measure_results import MeasureChange
from sciatica_journal.domain.measures import MeasureSet
from sciatica_journal.domain.program import Program, Thresholds
from sciatica_journal.domain.red_flags import RedFlagQuestion, ScreenResult
from sciatica_journal.domain.summary import Summary
from sciatica_journal.domain.timekeeping import local_time, parse_utc
from sciatica_journal.services.clock import Clock
from sciatica_journal.services.measure_service import MeasureService
from sciatica_journal.services.profile_service import ProfileService
from sciatica_journal.services.progress_service import ProgressService
from sciatica_journal.services.summary_service import SummaryService
from sciatica_journal.storage.report_store import ReportStore


@dataclass(frozen=True)
class DayRow:
    day: dt.date
    t: float  # epoch seconds of the day's noon (charts)
    sessions: int
    met: bool
    back_before: float | None
    back_after: float | None
    leg_before: float | None
    leg_after: float | None
    left_extent: int | None
    right_extent: int | None
    best_range: float | None
    # The day's incomplete sessions (rule 9: not in ``sessions``), each in words, e.g.
    # "09:12 Baby press-ups (partial prone press-up): 3 of 10 reps, incomplete".
    incomplete: tuple[str, ...] = ()
    # The exercises done that day (rung slugs, ladder order) and the day's marks
    # (``domain.day_marks``: worse, spread, stopped, red flag).
    exercises: tuple[str, ...] = ()
    marks: tuple[DayMark, ...] = ()
    # The day's sessions chosen against the advice, e.g. "09:12 Baby press-ups (partial
    # prone press-up): chosen against the advice".
    against_advice: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportOptions:
    start: dt.date | None = None
    end: dt.date | None = None
    include_identity: bool = False
    include_notes: bool = False
    include_charts: bool = True
    include_table: bool = True
    page_size: str = "A4"  # or "Letter"


@dataclass(frozen=True)
class ReportData:
    summary: Summary
    options: ReportOptions
    generated: dt.date
    name: str
    birth_date: dt.date | None
    first_map: tuple[dt.datetime, SymptomMap] | None
    latest_map: tuple[dt.datetime, SymptomMap] | None
    days: list[DayRow]
    notes: list[tuple[dt.date, str]]
    level_names: dict[int, str]
    rung_names: dict[str, str]
    disclaimer: str
    important_points: int
    important_percent: int
    mostly_centralizing_percent: int  # what each exercise did (``domain.response_profile``)
    catalog: RegionCatalog = field(repr=False)
    red_flag_questions: tuple[RedFlagQuestion, ...] = ()  # their words for the red flags
    rung_numbers: dict[str, int] = field(default_factory=dict)  # slug → place on the ladder
    thresholds: Thresholds | None = None  # the programme's (the report's definitions)
    # The weekly measures (issue 15): baseline vs latest of each within the period, the
    # same as ``summary --json``'s ``measures`` (``MeasureService.changes``).
    measures: tuple[MeasureChange, ...] = ()
    measure_set: MeasureSet | None = None


def _value(x: float) -> float | None:
    return None if math.isnan(x) else float(x)


class ReportService:
    def __init__(
        self,
        program: Program,
        catalog: RegionCatalog,
        profiles: ProfileService,
        summaries: SummaryService,
        progress: ProgressService,
        clock: Clock,
        store: ReportStore,
        weekly: MeasureService | None = None,
    ) -> None:
        self._program = program
        self._catalog = catalog
        self._profiles = profiles
        self._summaries = summaries
        self._progress = progress
        self._clock = clock
        self._store = store
        self._weekly = weekly

    def gather(self, options: ReportOptions) -> ReportData:
        summary = self._summaries.summary(options.start, options.end)
        start, end = summary.start, summary.end
        first, latest = self._store.edge_maps(start, end)
        zone = self._clock.zone
        profile = self._profiles.profile()
        d = self._progress.daily(start, end)  # the period's days alone
        short = self._short_sessions(start, end)
        exercises, marks = self._day_details(start, end)
        against = self._against_advice(start, end)
        rows = [
            DayRow(
                day=day,
                t=float(d.t[i]),
                sessions=int(d.sessions[i]),
                met=int(d.sessions[i]) >= summary.target_min,
                back_before=_value(d.back_before[i]),
                back_after=_value(d.back_after[i]),
                leg_before=_value(d.leg_before[i]),
                leg_after=_value(d.leg_after[i]),
                left_extent=None if math.isnan(d.left_extent[i]) else int(d.left_extent[i]),
                right_extent=None if math.isnan(d.right_extent[i]) else int(d.right_extent[i]),
                best_range=_value(d.best_range[i]),
                incomplete=tuple(short.get(day, ())),
                exercises=exercises.get(day, ()),
                marks=marks.get(day, ()),
                against_advice=tuple(against.get(day, ())),
            )
            for i, day in enumerate(d.dates)
            if start <= day <= end
        ]
        return ReportData(
            summary=summary,
            options=options,
            generated=self._summaries.today(),
            name=profile.name if options.include_identity else "",
            birth_date=profile.birth_date if options.include_identity else None,
            first_map=None if first is None else (local_time(first[0], zone), first[1]),
            latest_map=None if latest is None else (local_time(latest[0], zone), latest[1]),
            days=rows,
            notes=self._store.notes(start, end) if options.include_notes else [],
            level_names=dict(self._catalog.level_names),
            rung_names={r.slug: r.clinical_name for r in self._program.rungs},
            disclaimer=self._program.disclaimer_text,
            important_points=self._program.thresholds.clinically_important_points,
            important_percent=self._program.thresholds.clinically_important_percent,
            mostly_centralizing_percent=self._program.thresholds.mostly_centralizing_percent,
            catalog=self._catalog,
            red_flag_questions=self._program.red_flags,
            rung_numbers={r.slug: r.number for r in self._program.rungs},
            thresholds=self._program.thresholds,
            # With no start asked for, the period starts at the first session; the baseline
            # check may come before it (it is due at first use) and belongs to the report.
            measures=()
            if self._weekly is None
            else self._weekly.changes(options.start and start, end),
            measure_set=None if self._weekly is None else self._weekly.measures,
        )

    def _day_details(
        self, start: dt.date, end: dt.date
    ) -> tuple[dict[dt.date, tuple[str, ...]], dict[dt.date, tuple[DayMark, ...]]]:
        """Each day's exercises and marks (``domain.day_marks``)."""
        by_day: dict[dt.date, list[DaySession]] = {}
        for session in self._store.day_sessions(start, end):
            by_day.setdefault(session.local_date, []).append(session)
        screens: dict[dt.date, list[ScreenResult]] = {}
        for screen in self._store.screen_facts(start, end):
            screens.setdefault(screen.local_date, []).append(screen.result)
        ladder = [r.slug for r in self._program.rungs]
        exercises = {day: day_exercises(found, ladder) for day, found in by_day.items()}
        marks = {
            day: day_marks(by_day.get(day, ()), screens.get(day, ()))
            for day in by_day.keys() | screens.keys()
        }
        return exercises, marks

    def _short_sessions(self, start: dt.date, end: dt.date) -> dict[dt.date, list[str]]:
        """The incomplete sessions of the period in words, by their local day."""
        found: dict[dt.date, list[str]] = {}
        minimums = dose_minimums(self._program)
        for started, zone, slug, reps, hold, planned in self._store.short_sessions(
            start, end, minimums
        ):
            rung = self._program.rung(slug) if self._program.has_rung(slug) else None
            when = local_time(parse_utc(started), zone)
            words = _("{time} {exercise}: {dose}").format(
                time=clock_time(when),
                exercise=rung.clinical_name if rung is not None else slug,
                dose=marked_dose(rung, reps, hold, planned, complete=False),
            )
            found.setdefault(when.date(), []).append(words)
        return found

    def _against_advice(self, start: dt.date, end: dt.date) -> dict[dt.date, list[str]]:
        """The sessions of the period chosen against the advice in words, by local day."""
        found: dict[dt.date, list[str]] = {}
        for started, zone, slug in self._store.against_advice_sessions(start, end):
            rung = self._program.rung(slug) if self._program.has_rung(slug) else None
            when = local_time(parse_utc(started), zone)
            words = _("{time} {exercise}: chosen against the advice").format(
                time=clock_time(when), exercise=rung.clinical_name if rung is not None else slug
            )
            found.setdefault(when.date(), []).append(words)
        return found
