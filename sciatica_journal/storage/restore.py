"""Replacing the journal with a verified backup. The caller holds the folder's lock and
has closed its own connection. The current journal is backed up first (or, if damaged,
kept aside untouched); the backup is copied and verified before anything is replaced."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sciatica_journal.storage import backups
from sciatica_journal.storage.database import APPLICATION_ID, damage, read_header


class RestoreError(Exception):
    """The backup cannot be restored; nothing was changed. The message is one line."""


@dataclass(frozen=True)
class Restored:
    source: Path
    saved: Path | None  # the journal as it was, backed up
    aside: Path | None  # the damaged journal, kept as it was


def restore_journal(journal: Path, source: Path, backup_dir: Path, now: dt.datetime) -> Restored:
    if not source.is_file():
        raise RestoreError(f"cannot restore: {source} does not exist")
    header = read_header(source)  # raises JournalFileError for a foreign file
    if header.application_id != APPLICATION_ID or not backups.is_sound(source):
        raise RestoreError(f"cannot restore: {source} is not a sound Sciatica Journal backup")
    incoming = journal.with_name(journal.name + ".restoring")
    backups.backup_file(source, incoming)  # a verified copy first: nothing is touched yet
    saved = aside = None
    try:
        if journal.exists() and (journal.stat().st_size == 0 or damage(journal) is not None):
            # A damaged or emptied journal cannot be copied: it is kept aside, untouched.
            aside = journal.with_name(f"{journal.name}.damaged-{now:%Y%m%dT%H%M%SZ}")
            journal.replace(aside)
        if journal.exists():
            conn = sqlite3.connect(journal, timeout=0)
            try:
                conn.execute("BEGIN EXCLUSIVE")  # fails while anything has the journal open
                conn.execute("ROLLBACK")
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.OperationalError as exc:
                raise RestoreError(
                    "cannot restore while the journal is in use: close the app first"
                ) from exc
            finally:
                conn.close()
            saved = backups.timestamped_backup(journal, backup_dir, "before-restore", now)
    except BaseException:
        incoming.unlink(missing_ok=True)
        raise
    for suffix in ("-wal", "-shm"):
        journal.with_name(journal.name + suffix).unlink(missing_ok=True)
    incoming.replace(journal)
    return Restored(source=source, saved=saved, aside=aside)
