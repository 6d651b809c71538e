"""The preferences of this journal (``domain.preferences``), kept as text in AppState under
keys beginning ``preference.``."""

from __future__ import annotations

from collections.abc import Mapping

from sciatica_journal.storage import models
from sciatica_journal.storage.store import Store, bound

PREFIX = "preference."


class PreferencesStore(Store):
    @bound
    def values(self) -> dict[str, str]:
        rows = models.AppState.select().where(models.AppState.key.startswith(PREFIX))
        return {row.key.removeprefix(PREFIX): row.value for row in rows}

    @bound
    def save(self, values: Mapping[str, str]) -> None:
        with self._db.atomic():
            for name, value in values.items():
                models.AppState.insert(
                    key=PREFIX + name, value=value
                ).on_conflict_replace().execute()
