"""Every store of one open journal, built together (the composition root hands them to
the services)."""

from __future__ import annotations

from dataclasses import dataclass

from sciatica_journal.storage.bulk_store import BulkStore
from sciatica_journal.storage.database import Journal
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


@dataclass(frozen=True)
class Stores:
    """The stores of ``journal``: each reads and writes that journal only."""

    journal: Journal
    profiles: ProfileStore
    preferences: PreferencesStore
    sessions: SessionStore
    symptoms: SymptomStore
    red_flags: RedFlagStore
    reminders: ReminderStore  # when the app last ran with reminders on
    entries: JournalStore  # the journal list: edits, deletes and their undo
    reports: ReportStore
    progress: ProgressStore
    transfer: TransferStore
    bulk: BulkStore  # many rows at once (generated journals)
    measures: MeasureStore  # the answers to the weekly measures

    @classmethod
    def of(cls, journal: Journal) -> Stores:
        return cls(
            journal=journal,
            profiles=ProfileStore(journal),
            preferences=PreferencesStore(journal),
            sessions=SessionStore(journal),
            symptoms=SymptomStore(journal),
            red_flags=RedFlagStore(journal),
            reminders=ReminderStore(journal),
            entries=JournalStore(journal),
            reports=ReportStore(journal),
            progress=ProgressStore(journal),
            transfer=TransferStore(journal),
            bulk=BulkStore(journal),
            measures=MeasureStore(journal),
        )
