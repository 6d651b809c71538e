"""Every store of one open journal (the composition root hands them to the services).
Each is made when first asked for, once: a store keeps no state but its journal, and a
verb such as ``summary --json`` then imports only the stores it reads (issue 16.4)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from sciatica_journal.storage.database import Journal

if TYPE_CHECKING:
    from sciatica_journal.storage.bulk_store import BulkStore
    from sciatica_journal.storage.journal_store import JournalStore
    from sciatica_journal.storage.measure_store import MeasureStore
    from sciatica_journal.storage.preferences_store import PreferencesStore
    from sciatica_journal.storage.profile_store import ProfileStore
    from sciatica_journal.storage.progress_store import ProgressStore
    from sciatica_journal.storage.red_flag_store import RedFlagStore
    from sciatica_journal.storage.reminder_store import ReminderStore
    from sciatica_journal.storage.report_store import ReportStore
    from sciatica_journal.storage.session_store import SessionStore
    from sciatica_journal.storage.symptom_store import SymptomStore
    from sciatica_journal.storage.transfer_store import TransferStore


class Stores:
    """The stores of ``journal``: each reads and writes that journal only."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    @classmethod
    def of(cls, journal: Journal) -> Stores:
        return cls(journal)

    @functools.cached_property
    def profiles(self) -> ProfileStore:
        from sciatica_journal.storage.profile_store import ProfileStore

        return ProfileStore(self.journal)

    @functools.cached_property
    def preferences(self) -> PreferencesStore:
        from sciatica_journal.storage.preferences_store import PreferencesStore

        return PreferencesStore(self.journal)

    @functools.cached_property
    def sessions(self) -> SessionStore:
        from sciatica_journal.storage.session_store import SessionStore

        return SessionStore(self.journal)

    @functools.cached_property
    def symptoms(self) -> SymptomStore:
        from sciatica_journal.storage.symptom_store import SymptomStore

        return SymptomStore(self.journal)

    @functools.cached_property
    def red_flags(self) -> RedFlagStore:
        from sciatica_journal.storage.red_flag_store import RedFlagStore

        return RedFlagStore(self.journal)

    @functools.cached_property
    def reminders(self) -> ReminderStore:
        """When the app last ran with reminders on."""
        from sciatica_journal.storage.reminder_store import ReminderStore

        return ReminderStore(self.journal)

    @functools.cached_property
    def entries(self) -> JournalStore:
        """The journal list: edits, deletes and their undo."""
        from sciatica_journal.storage.journal_store import JournalStore

        return JournalStore(self.journal)

    @functools.cached_property
    def reports(self) -> ReportStore:
        from sciatica_journal.storage.report_store import ReportStore

        return ReportStore(self.journal)

    @functools.cached_property
    def progress(self) -> ProgressStore:
        from sciatica_journal.storage.progress_store import ProgressStore

        return ProgressStore(self.journal)

    @functools.cached_property
    def transfer(self) -> TransferStore:
        from sciatica_journal.storage.transfer_store import TransferStore

        return TransferStore(self.journal)

    @functools.cached_property
    def bulk(self) -> BulkStore:
        """Many rows at once (generated journals)."""
        from sciatica_journal.storage.bulk_store import BulkStore

        return BulkStore(self.journal)

    @functools.cached_property
    def measures(self) -> MeasureStore:
        """The answers to the weekly measures."""
        from sciatica_journal.storage.measure_store import MeasureStore

        return MeasureStore(self.journal)
