"""The one-time update of a journal written by an older version to this version's format
(its migrations): whether one is due, and doing it on its own, so that the window can say
so while it runs (ten years of entries take several seconds) before the journal is opened
as usual. The update itself is ``storage.database.open_journal``'s: a verified backup
first, then every migration in one transaction."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from sciatica_journal.paths import DATABASE_FILE_NAME, backup_dir, migrations_dir
from sciatica_journal.services.measures_loader import load_measures
from sciatica_journal.services.program_loader import load_catalog, load_program
from sciatica_journal.storage.database import (
    APPLICATION_ID,
    JournalFileError,
    known_schema_version,
    open_journal,
    read_header,
)

log = logging.getLogger(__name__)


def upgrade_due(data_dir: Path) -> bool:
    """Whether the journal in ``data_dir`` is of an older format than this version's (a
    new, missing or unreadable journal is not: opening it says what is wrong)."""
    try:
        info = read_header(data_dir / DATABASE_FILE_NAME)
    except JournalFileError:
        return False
    ours = info.exists and info.application_id == APPLICATION_ID
    return ours and info.user_version < known_schema_version()


def upgrade(data_dir: Path, now: dt.datetime | None = None) -> tuple[str, ...]:
    """Bring the journal in ``data_dir`` to this version's format and close it again;
    returns the migrations applied. Raises ``JournalFileError`` as opening it would, and
    the app's own data is read first, as ``build_services`` does: broken app data
    (``ProgramError``…) never touches the journal."""
    load_program()
    load_catalog()
    load_measures()
    journal = open_journal(
        data_dir / DATABASE_FILE_NAME,
        backup_dir(data_dir),
        migrations_dir(),
        now or dt.datetime.now(dt.UTC),
    )
    try:
        return journal.migrated
    finally:
        try:
            journal.close()
        except Exception:  # the update is committed; opening it again finishes the rest
            log.warning("journal update: closing the journal afterwards failed")
