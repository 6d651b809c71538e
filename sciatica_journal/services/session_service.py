"""Recording exercise sessions and describing today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sciatica_journal.domain.body import RegionCatalog, validate_mark
from sciatica_journal.domain.outcome import session_outcome
from sciatica_journal.domain.program import Program, Rung
from sciatica_journal.domain.sessions import (
    NewSession,
    Outcome,
    SessionEntry,
    SessionError,
    validate_new_session,
)
from sciatica_journal.domain.timekeeping import local_date
from sciatica_journal.domain.today import DailyCount
from sciatica_journal.services.clock import Clock
from sciatica_journal.services.profile_service import ProfileService
from sciatica_journal.storage import session_store


@dataclass(frozen=True)
class TodayOverview:
    day: dt.date
    count: DailyCount
    sessions: tuple[SessionEntry, ...]
    current_rung: Rung


@dataclass(frozen=True)
class SavedSession:
    uuid: str
    outcome: Outcome


class SessionService:
    def __init__(
        self, program: Program, catalog: RegionCatalog, clock: Clock, profiles: ProfileService
    ) -> None:
        self._program = program
        self._catalog = catalog
        self._clock = clock
        self._profiles = profiles

    @property
    def program(self) -> Program:
        return self._program

    def record(self, session: NewSession) -> SavedSession:
        """Validate, judge the outcome (DESIGN §2.2 rule 3) and save in one transaction."""
        validate_new_session(session, self._program, self._clock.now())
        for symptoms in (session.map_before, session.map_after):
            for mark in symptoms.marks if symptoms is not None else ():
                try:
                    validate_mark(mark, self._catalog)
                except ValueError as exc:
                    raise SessionError("map", str(exc)) from exc
        outcome = session_outcome(
            pain_before=session.pain_before,
            pain_after=session.pain_after,
            map_before=session.map_before,
            map_after=session.map_after,
            stopped_for_pain=session.stopped_for_pain,
            catalog=self._catalog,
            thresholds=self._program.thresholds,
        )
        entry_uuid = session_store.insert_session(
            session, outcome, self._clock.zone, self._clock.now()
        )
        return SavedSession(uuid=entry_uuid, outcome=outcome)

    def today_date(self) -> dt.date:
        return local_date(self._clock.now(), self._clock.zone)

    def current_rung(self) -> Rung:
        latest = session_store.latest_session()
        slug = latest.rung if latest is not None else self._profiles.profile().starting_rung
        return self._program.rung(slug) if self._program.has_rung(slug) else self._program.lowest

    def today(self) -> TodayOverview:
        day = self.today_date()
        sessions = tuple(session_store.sessions_on(day))
        profile = self._profiles.profile()
        return TodayOverview(
            day=day,
            count=DailyCount(len(sessions), profile.target_min, profile.target_max),
            sessions=sessions,
            current_rung=self.current_rung(),
        )
