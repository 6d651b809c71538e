"""The profile, the settings and the first-run disclaimer."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sciatica_journal.domain.profile import Profile, validate_profile
from sciatica_journal.domain.program import Program
from sciatica_journal.domain.timekeeping import local_date, parse_utc
from sciatica_journal.services.clock import Clock
from sciatica_journal.storage.profile_store import ProfileStore


class ProfileService:
    def __init__(self, program: Program, clock: Clock, store: ProfileStore) -> None:
        self._program = program
        self._clock = clock
        self._store = store
        self._cached: Profile | None = None

    def needs_disclaimer(self) -> bool:
        return self._store.disclaimer_accepted_at() is None

    def disclaimer_accepted_on(self) -> dt.date | None:
        """The user's local date on which the disclaimer was accepted."""
        stamp = self._store.disclaimer_accepted_at()
        return None if stamp is None else local_date(parse_utc(stamp), self._clock.zone)

    def accept_disclaimer(self) -> None:
        self._store.record_disclaimer_accepted(self._clock.zone, self._clock.now())

    def needs_setup(self) -> bool:
        return not self._store.profile_saved()

    def default_profile(self) -> Profile:
        return Profile(
            target_min=self._program.target_min,
            target_max=self._program.target_max,
            starting_rung=self._program.lowest.slug,
        )

    def profile(self) -> Profile:
        if self._cached is None and not self.needs_setup():
            self._cached = self._store.load_profile()
        return self._cached if self._cached is not None else self.default_profile()

    def save(self, profile: Profile) -> None:
        """Validate and store; raises ``ProfileError`` naming the field. A profile without a
        starting rung starts on the programme's lowest."""
        if not profile.starting_rung:
            profile = dataclasses.replace(profile, starting_rung=self._program.lowest.slug)
        now = self._clock.now()
        validate_profile(
            profile,
            tuple(r.slug for r in self._program.rungs),
            local_date(now, self._clock.zone),
        )
        self._store.save_profile(profile, self._clock.zone, now)
        self._cached = profile
