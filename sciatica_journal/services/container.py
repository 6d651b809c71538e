"""The composition root: opens the journal and builds every service, once.

The window and the command line receive a ``Services`` and never reach for the
database themselves. Each call opens its own journal: the stores of that journal are
handed to the services here, so two ``Services`` in one process never share a
connection.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sciatica_journal.domain.body import RegionCatalog
from sciatica_journal.domain.language import ENGLISH
from sciatica_journal.domain.measures import MeasureSet
from sciatica_journal.domain.program import Program
from sciatica_journal.paths import DATABASE_FILE_NAME, backup_dir, migrations_dir
from sciatica_journal.services.clock import Clock
from sciatica_journal.services.languages import choose, use_language
from sciatica_journal.services.measure_service import MeasureService
from sciatica_journal.services.measures_loader import load_measures
from sciatica_journal.services.preferences_service import PreferencesService
from sciatica_journal.services.profile_service import ProfileService
from sciatica_journal.services.program_loader import load_catalog, load_program
from sciatica_journal.services.session_service import SessionService
from sciatica_journal.storage.database import Journal, open_journal
from sciatica_journal.storage.stores import Stores

if TYPE_CHECKING:
    from sciatica_journal.services.backup_service import BackupService
    from sciatica_journal.services.fhir import FhirExportService
    from sciatica_journal.services.frequency_service import FrequencyService
    from sciatica_journal.services.journal_service import JournalService
    from sciatica_journal.services.operations import Operations
    from sciatica_journal.services.progress_service import ProgressService
    from sciatica_journal.services.red_flag_service import RedFlagService
    from sciatica_journal.services.reminder_service import ReminderService
    from sciatica_journal.services.report_service import ReportService
    from sciatica_journal.services.summary_service import SummaryService
    from sciatica_journal.services.symptom_service import SymptomService
    from sciatica_journal.services.transfer import TransferService

log = logging.getLogger(__name__)


@dataclass
class Services:
    """The open journal and every service made on it."""

    data_dir: Path
    journal: Journal
    stores: Stores  # the journal's stores (for fixtures such as the generated journals)
    program: Program
    catalog: RegionCatalog
    measures: MeasureSet  # the weekly measures (resources/measures.toml)
    clock: Clock
    profiles: ProfileService
    preferences: PreferencesService
    sessions: SessionService
    weekly: MeasureService  # the weekly check: due measures, answers, baseline vs latest
    _closed: bool = field(default=False, repr=False)

    # The other services are built when first asked for, each once: a verb such as
    # ``summary --json`` loads only the modules it uses (issue 16.4).

    @functools.cached_property
    def symptoms(self) -> SymptomService:
        from sciatica_journal.services.symptom_service import SymptomService

        return SymptomService(self.catalog, self.clock, self.stores.symptoms)

    @functools.cached_property
    def red_flags(self) -> RedFlagService:
        from sciatica_journal.services.red_flag_service import RedFlagService

        return RedFlagService(self.program, self.clock, self.stores.red_flags)

    @functools.cached_property
    def frequency(self) -> FrequencyService:
        from sciatica_journal.services.frequency_service import FrequencyService

        return FrequencyService(self.program, self.profiles, self.clock, self.stores.sessions)

    @functools.cached_property
    def progress(self) -> ProgressService:
        from sciatica_journal.services.progress_service import ProgressService

        return ProgressService(
            self.program, self.catalog, self.profiles, self.clock, self.stores.progress
        )

    @functools.cached_property
    def entries(self) -> JournalService:
        """The journal list: edit, delete, undo, notes."""
        from sciatica_journal.services.journal_service import JournalService

        return JournalService(
            self.program, self.catalog, self.clock, self.stores.entries, self.stores.red_flags
        )

    @functools.cached_property
    def transfer(self) -> TransferService:
        """Export (CSV, JSON) and import (JSON)."""
        from sciatica_journal.services.transfer import TransferService

        backups = self.backups
        return TransferService(
            self.program,
            self.catalog,
            self.clock,
            self.stores.transfer,
            before_import=lambda: backups.make("before-import"),
            measures=self.measures,
        )

    @functools.cached_property
    def backups(self) -> BackupService:
        """Daily verified backups, before import and restore."""
        from sciatica_journal.services.backup_service import BackupService

        return BackupService(self.data_dir, self.clock, self.program.backups)

    @functools.cached_property
    def operations(self) -> Operations:
        """Every change to the journal, with undo and redo."""
        from sciatica_journal.services.operations import Operations

        return Operations(
            sessions=self.sessions,
            symptoms=self.symptoms,
            red_flags=self.red_flags,
            entries=self.entries,
            profiles=self.profiles,
            preferences=self.preferences,
            transfer=lambda: self.transfer,  # the export and import code: when first used
            backups=self.backups,
            today=self.sessions.today_date,
        )

    @functools.cached_property
    def reminders(self) -> ReminderService:
        """When to remind, running in the background, missed sessions."""
        from sciatica_journal.services.reminder_service import ReminderService

        return ReminderService(
            self.profiles,
            self.preferences,
            self.frequency,
            self.red_flags,
            self.clock,
            self.stores.reminders,
            self.stores.sessions,
            self.stores.red_flags,
        )

    @functools.cached_property
    def fhir(self) -> FhirExportService:
        """The FHIR R4 export for the clinic's record, loaded when first asked for: nothing
        of it is needed to launch (its modules took ~65 ms of a launch)."""
        from sciatica_journal.services.fhir import FhirExportService

        return FhirExportService(
            self.program, self.catalog, self.clock, self.stores.transfer, measures=self.measures
        )

    @functools.cached_property
    def summaries(self) -> SummaryService:
        """The summary numbers (report, ``summary --json``), built when first asked for."""
        from sciatica_journal.services.summary_service import SummaryService

        return SummaryService(
            self.program,
            self.catalog,
            self.profiles,
            self.clock,
            self.stores.reports,
            self.stores.sessions,
            current=self.sessions.current_exercise,
        )

    @functools.cached_property
    def reports(self) -> ReportService:
        """The report's data, built when first asked for (nothing of it is shown at launch)."""
        from sciatica_journal.services.report_service import ReportService

        return ReportService(
            self.program,
            self.catalog,
            self.profiles,
            self.summaries,
            self.progress,
            self.clock,
            self.stores.reports,
            self.weekly,
        )

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self.journal.close()


def build_services(data_dir: Path, clock: Clock | None = None) -> Services:
    """Open the journal in ``data_dir`` (already prepared) and wire the services.

    The programme, the body regions and the measures are read (in English) before the
    journal is touched, so broken app data (ProgramError, CatalogError, MeasuresError)
    never creates or opens one.
    Their texts follow the language, which is known once the journal's preferences are
    read: in another language they are loaded again with its texts; should that fail,
    the journal is closed before the error is raised."""
    program = load_program()
    catalog = load_catalog()
    measures = load_measures()
    clock = clock or Clock()
    journal = open_journal(
        data_dir / DATABASE_FILE_NAME, backup_dir(data_dir), migrations_dir(), clock.now()
    )
    try:
        stores = Stores.of(journal)
        preferences = PreferencesService(stores.preferences)
        spoken = choose(preferences.preferences().language)
        use_language(spoken)
        if spoken != ENGLISH:
            program = load_program(language=spoken)
            catalog = load_catalog(language=spoken)
            measures = load_measures(language=spoken)
    except BaseException:
        journal.close()
        raise
    profiles = ProfileService(program, clock, stores.profiles)
    sessions = SessionService(program, catalog, clock, profiles, stores.sessions, stores.red_flags)
    log.info("journal opened")
    return Services(
        data_dir=data_dir,
        journal=journal,
        stores=stores,
        program=program,
        catalog=catalog,
        measures=measures,
        clock=clock,
        profiles=profiles,
        preferences=preferences,
        sessions=sessions,
        weekly=MeasureService(measures, clock, stores.measures),
    )
