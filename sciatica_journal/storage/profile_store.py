"""Reading and writing the single profile row."""

from __future__ import annotations

import datetime as dt

from sciatica_journal.domain.profile import AffectedSide, Profile
from sciatica_journal.domain.timekeeping import format_utc
from sciatica_journal.storage import models
from sciatica_journal.storage.store import Store, bound

PROFILE_ID = 1


def _row() -> models.Profile | None:
    return models.Profile.get_or_none(models.Profile.id == PROFILE_ID)


class ProfileStore(Store):
    """The profile, the disclaimer's acceptance and whether the set-up was completed."""

    @bound
    def load_profile(self) -> Profile | None:
        row = _row()
        if row is None:
            return None
        return Profile(
            name=row.name,
            birth_date=row.birth_date,
            affected_side=AffectedSide(row.affected_side),
            target_min=row.target_min,
            target_max=row.target_max,
            waking_start=dt.time.fromisoformat(row.waking_start),
            waking_end=dt.time.fromisoformat(row.waking_end),
            reminders_enabled=row.reminders_enabled,
            starting_rung=row.starting_rung,
        )

    @bound
    def disclaimer_accepted_at(self) -> str | None:
        row = _row()
        return None if row is None else row.disclaimer_accepted_at

    @bound
    def save_profile(self, profile: Profile, zone: str, now: dt.datetime) -> None:
        values = {
            "name": profile.name,
            "birth_date": profile.birth_date,
            "affected_side": profile.affected_side.value,
            "target_min": profile.target_min,
            "target_max": profile.target_max,
            "waking_start": profile.waking_start.strftime("%H:%M"),
            "waking_end": profile.waking_end.strftime("%H:%M"),
            "reminders_enabled": profile.reminders_enabled,
            "starting_rung": profile.starting_rung,
            "zone": zone,
            "updated_at": format_utc(now),
        }
        with self._db.atomic():
            if _row() is None:
                models.Profile.create(id=PROFILE_ID, **values)
            else:
                models.Profile.update(**values).where(models.Profile.id == PROFILE_ID).execute()
            self.mark_profile_completed()

    @bound
    def record_disclaimer_accepted(self, zone: str, now: dt.datetime) -> None:
        stamp = format_utc(now)
        with self._db.atomic():
            if _row() is None:
                models.Profile.create(
                    id=PROFILE_ID, disclaimer_accepted_at=stamp, zone=zone, updated_at=stamp
                )
            else:
                models.Profile.update(disclaimer_accepted_at=stamp).where(
                    models.Profile.id == PROFILE_ID
                ).execute()

    @bound
    def profile_saved(self) -> bool:
        """True once the user has completed the profile set-up (not only accepted the
        disclaimer)."""
        key = models.AppState.key == models.PROFILE_COMPLETED
        return models.AppState.get_or_none(key) is not None

    @bound
    def mark_profile_completed(self) -> None:
        models.AppState.insert(
            key=models.PROFILE_COMPLETED, value="1"
        ).on_conflict_replace().execute()
