"""Replacing the journal with a verified backup. The caller holds the folder's lock and
has closed its own connection. The current journal is backed up first (or, if damaged,
kept aside untouched); the backup is copied and verified before anything is replaced."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sciatica_journal.domain.language import _
from sciatica_journal.storage import backups
from sciatica_journal.storage.database import (
    APPLICATION_ID,
    damage,
    known_schema_version,
    read_header,
)


class RestoreError(Exception):
    """The backup cannot be restored; nothing was changed. The message is one line."""


@dataclass(frozen=True)
class Restored:
    source: Path
    saved: Path | None  # the journal as it was, backed up
    aside: Path | None  # the damaged journal, kept as it was


def _in_use(journal: Path) -> bool:
    """Whether any other connection has the journal open. In WAL mode BEGIN EXCLUSIVE
    does not tell (readers go on); leaving WAL mode needs the file to itself."""
    try:
        conn = sqlite3.connect(journal, timeout=0)
    except sqlite3.Error:
        return True
    with closing(conn):
        try:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except sqlite3.OperationalError:  # locked by another connection
            return True
    return str(mode).lower() != "delete"


def _move_with_its_log(journal: Path, aside: Path) -> None:
    """Move the journal and its write-ahead log (which may hold its latest entries)."""
    for suffix in ("-wal", "-shm"):
        log_file = journal.with_name(journal.name + suffix)
        if log_file.exists():
            log_file.replace(aside.with_name(aside.name + suffix))
    journal.replace(aside)


def restore_journal(
    journal: Path,
    source: Path,
    backup_dir: Path,
    now: dt.datetime,
) -> Restored:
    if not source.is_file():
        raise RestoreError(_("cannot restore: {path} does not exist").format(path=source))
    header = read_header(source)  # raises JournalFileError for a foreign file
    if header.application_id != APPLICATION_ID or not backups.is_sound(source):
        raise RestoreError(
            _("cannot restore: {path} is not a sound Sciatica Journal backup").format(path=source)
        )
    if header.user_version > known_schema_version():
        raise RestoreError(
            _("cannot restore: {path} was written by a newer version of Sciatica Journal").format(
                path=source
            )
        )
    incoming = journal.with_name(journal.name + ".restoring")
    backups.backup_file(source, incoming)  # a verified copy first: nothing is touched yet
    saved = aside = None
    try:
        if journal.exists() and (journal.stat().st_size == 0 or damage(journal) is not None):
            # A damaged or emptied journal cannot be copied: it is kept aside, untouched.
            aside = journal.with_name(f"{journal.name}.damaged-{now:%Y%m%dT%H%M%SZ}")
            _move_with_its_log(journal, aside)
        if journal.exists():
            if _in_use(journal):
                raise RestoreError(
                    _(
                        "cannot restore while the journal is in use (a window or a command "
                        "has it open): close it first"
                    )
                )
            saved = backups.timestamped_backup(journal, backup_dir, "before-restore", now)
    except BaseException:
        incoming.unlink(missing_ok=True)
        raise
    for suffix in ("-wal", "-shm"):
        journal.with_name(journal.name + suffix).unlink(missing_ok=True)
    incoming.replace(journal)
    return Restored(source=source, saved=saved, aside=aside)
