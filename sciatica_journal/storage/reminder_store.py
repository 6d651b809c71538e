"""When the app last ran with reminders on (for the launch notice "You missed N sessions
since …"), kept in AppState."""

from __future__ import annotations

import datetime as dt

from sciatica_journal.domain.timekeeping import format_utc, parse_utc
from sciatica_journal.storage import models
from sciatica_journal.storage.store import Store, bound

LAST_SEEN = "reminders.last_seen"  # value: a UTC instant, or absent while reminders are off


class ReminderStore(Store):
    @bound
    def last_seen(self) -> dt.datetime | None:
        row = models.AppState.get_or_none(models.AppState.key == LAST_SEEN)
        if row is None:
            return None
        try:
            return parse_utc(row.value)
        except ValueError:  # written by hand or by another version: as if never seen
            return None

    @bound
    def set_last_seen(self, moment: dt.datetime) -> None:
        models.AppState.insert(
            key=LAST_SEEN, value=format_utc(moment)
        ).on_conflict_replace().execute()

    @bound
    def forget_last_seen(self) -> None:
        models.AppState.delete().where(models.AppState.key == LAST_SEEN).execute()
