"""The summary of a period (DESIGN §4): the one source of the numbers for the window, the
PDF report and ``summary --json``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sciatica_journal.domain.body import RegionCatalog
from sciatica_journal.domain.current_exercise import CurrentExercise
from sciatica_journal.domain.doses import dose_minimums
from sciatica_journal.domain.language import _
from sciatica_journal.domain.program import Program
from sciatica_journal.domain.summary import Summary, summarize
from sciatica_journal.domain.timekeeping import local_date
from sciatica_journal.services.clock import Clock
from sciatica_journal.services.profile_service import ProfileService
from sciatica_journal.storage.report_store import ReportStore
from sciatica_journal.storage.session_store import SessionStore


class PeriodError(ValueError):
    """A period that cannot be reported (e.g. it starts after it ends)."""


class SummaryService:
    def __init__(
        self,
        program: Program,
        catalog: RegionCatalog,
        profiles: ProfileService,
        clock: Clock,
        reports: ReportStore,
        sessions: SessionStore,
        *,
        current: Callable[[dt.date], CurrentExercise] | None = None,
    ) -> None:
        self._program = program
        self._catalog = catalog
        self._profiles = profiles
        self._clock = clock
        self._reports = reports
        self._sessions = sessions
        # The exercise to do now as of a day (SessionService.current_exercise).
        self._current = current

    def today(self) -> dt.date:
        return local_date(self._clock.now(), self._clock.zone)

    def period(self, start: dt.date | None, end: dt.date | None) -> tuple[dt.date, dt.date]:
        """The period asked for; by default from the first session to today."""
        today = self.today()
        end = today if end is None else min(end, today)
        if start is not None and start > today:
            raise PeriodError(
                _("the period starts ({start}) after today ({today})").format(
                    start=start, today=today
                )
            )
        if start is None:
            start = min(self._sessions.first_session_date() or today, end)
        if start > end:
            raise PeriodError(
                _("the period starts ({start}) after it ends ({end})").format(start=start, end=end)
            )
        return start, end

    def summary(self, start: dt.date | None = None, end: dt.date | None = None) -> Summary:
        start, end = self.period(start, end)
        profile = self._profiles.profile()
        first, latest = self._reports.edge_maps(start, end)
        return summarize(
            start=start,
            end=end,
            today=self.today(),
            sessions=self._reports.session_tally(start, end, dose_minimums(self._program)),
            first_map=None if first is None else first[1],
            latest_map=None if latest is None else latest[1],
            screens=self._reports.screen_facts(start, end),
            target_min=profile.target_min,
            target_max=profile.target_max,
            thresholds=self._program.thresholds,
            catalog=self._catalog,
            ladder=[r.slug for r in self._program.rungs],
            current=None if self._current is None else self._current(end),
        )
