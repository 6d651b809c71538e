"""How often: today's count and next due time, streaks, adherence, the month calendar."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from sciatica_journal.domain.doses import DoseMinimums, dose_minimums
from sciatica_journal.domain.frequency import (
    NextDue,
    RecentAdherence,
    Streaks,
    next_due,
    recent_adherence,
    streaks,
)
from sciatica_journal.domain.program import Program
from sciatica_journal.domain.sessions import SessionEntry
from sciatica_journal.domain.timekeeping import local_time
from sciatica_journal.services.clock import Clock
from sciatica_journal.services.profile_service import ProfileService
from sciatica_journal.storage.session_store import SessionStore


@dataclass(frozen=True)
class FrequencySummary:
    next_due: NextDue
    streaks: Streaks
    last_7_days: RecentAdherence
    last_30_days: RecentAdherence

    @property
    def adherence_7d(self) -> float | None:
        return self.last_7_days.percent

    @property
    def adherence_30d(self) -> float | None:
        return self.last_30_days.percent


@dataclass(frozen=True)
class CalendarDay:
    day: dt.date
    sessions: int  # complete sessions (rule 9: an incomplete one does not count)
    met: bool  # at least the daily minimum
    future: bool


class FrequencyService:
    """Every count here is of complete sessions (DESIGN §2.2 rule 9, ``domain.doses``)."""

    def __init__(
        self, program: Program, profiles: ProfileService, clock: Clock, sessions: SessionStore
    ) -> None:
        self._program = program
        self._minimums: DoseMinimums = dose_minimums(program)
        self._profiles = profiles
        self._clock = clock
        self._sessions = sessions
        self._cache: tuple[object, dict[dt.date, int], Streaks] | None = None

    def _counts_and_streaks(
        self, today: dt.date, target_min: int
    ) -> tuple[dict[dt.date, int], Streaks]:
        """All days' counts and the streaks, recomputed only when sessions were added or
        deleted, the day changed or the target changed (Today and the Calendar both ask)."""
        key = (self._sessions.fingerprint(), today, target_min)
        if self._cache is None or self._cache[0] != key:
            counts = self._sessions.counts_by_day(minimums=self._minimums)
            self._cache = (key, counts, streaks(counts, target_min, today))
        return self._cache[1], self._cache[2]

    def now(self) -> dt.datetime:
        """Now, in the user's zone."""
        return local_time(self._clock.now(), self._clock.zone)

    def today(self) -> dt.date:
        return local_time(self._clock.now(), self._clock.zone).date()

    def summary(self) -> FrequencySummary:
        profile = self._profiles.profile()
        today = self.today()
        counts, streak = self._counts_and_streaks(today, profile.target_min)
        began = self._profiles.disclaimer_accepted_on()  # the day the journal was set up
        todays = [s for s in self._sessions.sessions_on(today) if s.is_complete(self._program)]
        now = local_time(self._clock.now(), self._clock.zone)
        last = None if not todays else local_time(todays[-1].ended_at, self._clock.zone)
        due = next_due(
            now=now,
            done_today=len(todays),
            target_min=profile.target_min,
            target_max=profile.target_max,
            waking_start=profile.waking_start,
            waking_end=profile.waking_end,
            last_session=last,
        )
        return FrequencySummary(
            next_due=due,
            streaks=streak,
            last_7_days=recent_adherence(counts, today, 7, profile.target_min, began),
            last_30_days=recent_adherence(counts, today, 30, profile.target_min, began),
        )

    def month_on_target(self, year: int, month: int) -> RecentAdherence:
        """A month's days on target, counted as for the last 7 days: from the day the
        journal began, whole days, and today once its minimum is met."""
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        today = self.today()
        end = min(last, today)
        first = dt.date(year, month, 1)
        if end < first:
            return RecentAdherence(0, 0)
        counts = self._sessions.counts_by_day(first, end, minimums=self._minimums)
        # A past month is whole: count it as if "today" were the day after it.
        after = today if end == today else end + dt.timedelta(days=1)
        window = (after - first).days + 1
        target = self._profiles.profile().target_min
        return recent_adherence(
            counts, after, window, target, self._profiles.disclaimer_accepted_on()
        )

    def month(self, year: int, month: int) -> list[CalendarDay]:
        """Every day of a month with its count and whether the band's minimum was met."""
        days_in_month = calendar.monthrange(year, month)[1]
        first, last = dt.date(year, month, 1), dt.date(year, month, days_in_month)
        counts = self._sessions.counts_by_day(first, last, minimums=self._minimums)
        minimum = self._profiles.profile().target_min
        today = self.today()
        return [
            CalendarDay(
                day=day,
                sessions=counts.get(day, 0),
                met=counts.get(day, 0) >= minimum,
                future=day > today,
            )
            for day in (first + dt.timedelta(days=i) for i in range(days_in_month))
        ]

    def counts_between(self, start: dt.date, end: dt.date) -> dict[dt.date, int]:
        """Complete sessions per local day from ``start`` to ``end`` (days without one are
        left out)."""
        return self._sessions.counts_by_day(start, end, minimums=self._minimums)

    def sessions_on(self, day: dt.date) -> list[SessionEntry]:
        return self._sessions.sessions_on(day)
