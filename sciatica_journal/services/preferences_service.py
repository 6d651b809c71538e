"""The preferences (colour scheme, running in the background): read and saved."""

from __future__ import annotations

from sciatica_journal.domain.preferences import Preferences
from sciatica_journal.storage.preferences_store import PreferencesStore


class PreferencesService:
    def __init__(self, store: PreferencesStore) -> None:
        self._store = store
        self._cached: Preferences | None = None

    def preferences(self) -> Preferences:
        if self._cached is None:
            self._cached = Preferences.from_values(self._store.values())
        return self._cached

    def save(self, preferences: Preferences) -> None:
        self._store.save(preferences.to_values())
        self._cached = preferences
