"""Reminders (DESIGN §3): whether one is due now, whether the app keeps running in the
background for them, and the launch notice "You missed N sessions since …"."""

from __future__ import annotations

import datetime as dt

from sciatica_journal.domain.frequency import should_remind
from sciatica_journal.domain.language import _
from sciatica_journal.domain.missed_sessions import (
    LOOKBACK_DAYS,
    DayPlan,
    MissedSessions,
    missed_sessions,
)
from sciatica_journal.domain.red_flags import ScreenResult
from sciatica_journal.services.clock import Clock
from sciatica_journal.services.frequency_service import FrequencyService
from sciatica_journal.services.preferences_service import PreferencesService
from sciatica_journal.services.profile_service import ProfileService
from sciatica_journal.services.red_flag_service import RedFlagService
from sciatica_journal.storage.red_flag_store import RedFlagStore
from sciatica_journal.storage.reminder_store import ReminderStore
from sciatica_journal.storage.session_store import SessionStore


class ReminderService:
    def __init__(
        self,
        profiles: ProfileService,
        preferences: PreferencesService,
        frequency: FrequencyService,
        red_flags: RedFlagService,
        clock: Clock,
        store: ReminderStore,
        sessions: SessionStore,
        screens: RedFlagStore,
    ) -> None:
        self._profiles = profiles
        self._preferences = preferences
        self._frequency = frequency
        self._red_flags = red_flags
        self._clock = clock
        self._store = store
        self._sessions = sessions
        self._screens = screens

    def enabled(self) -> bool:
        return self._profiles.profile().reminders_enabled

    def keeps_running(self) -> bool:
        """Closing the window leaves the app running (and it starts at login): the
        Settings choice, when reminders are on (without them there is nothing to do)."""
        return self._preferences.preferences().run_in_background and self.enabled()

    def now(self) -> dt.datetime:
        return self._frequency.now()

    def due_now(self, snoozed_until: dt.datetime | None, last_reminded: dt.datetime | None) -> bool:
        """A reminder now? Never outside the waking hours, after the day's maximum, or on
        a day paused by an urgent safety answer (``domain.frequency.should_remind``)."""
        return should_remind(
            enabled=self.enabled(),
            now=self.now(),
            due=self._frequency.summary().next_due,
            snoozed_until=snoozed_until,
            last_reminded=last_reminded,
            paused=self._red_flags.blocked_today(),
        )

    @staticmethod
    def reminder_text() -> str:
        return _("Time for your exercises: a session is due now.")

    def seen_now(self) -> None:
        """The app is running: with reminders on nothing is missed until now (called at
        start and while it runs); with them off nothing is remembered."""
        if self.enabled():
            self._store.set_last_seen(self._clock.now())
        else:
            self._store.forget_last_seen()

    def missed_since_last_run(self) -> MissedSessions | None:
        """The sessions missed since the app last ran with reminders on (none when they
        were off then, or are off now); then the app counts as seen."""
        last = self._store.last_seen()
        found = None
        if last is not None and self.enabled():
            now = self._clock.now()
            profile = self._profiles.profile()
            start_day = self._frequency.today() - dt.timedelta(days=LOOKBACK_DAYS + 1)
            paused = {
                day
                for day in _days(start_day, self._frequency.today())
                if any(s.result is ScreenResult.URGENT for s in self._screens.screens_on(day))
            }
            found = missed_sessions(
                last_seen=last,
                now=now,
                zone_name=self._clock.zone,
                plan=DayPlan(
                    profile.target_min,
                    profile.target_max,
                    profile.waking_start,
                    profile.waking_end,
                ),
                done=self._frequency.counts_between(start_day, self._frequency.today()),
                paused_days=paused,
            )
        self.seen_now()
        return found

    def launch_notice(self) -> str | None:
        """ "You missed N sessions since …", or None."""
        missed = self.missed_since_last_run()
        return None if missed is None else missed.text(self._frequency.today())


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
