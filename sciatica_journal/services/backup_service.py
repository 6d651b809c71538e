"""Verified backups: one a day (the window makes it after its first paint, off the GUI
thread), one before every import and restore, rotated as ``program.toml`` says; and the
list of verified backups with their dates and entry counts, for Restore."""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sciatica_journal.domain.language import _
from sciatica_journal.domain.program import BackupRetention
from sciatica_journal.domain.timekeeping import local_date, zone
from sciatica_journal.paths import DATABASE_FILE_NAME, backup_dir, set_backup_dir
from sciatica_journal.services.clock import Clock
from sciatica_journal.storage import backups
from sciatica_journal.storage.database import JournalFileError
from sciatica_journal.storage.restore import Restored, RestoreError, restore_journal

__all__ = [
    "DAILY",
    "BackupInfo",
    "BackupService",
    "JournalFileError",
    "RestoreError",
    "Restored",
]

log = logging.getLogger(__name__)

DAILY = "daily"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: dt.datetime  # UTC
    entries: dict[str, int]  # sessions, maps, screenings, notes


class BackupService:
    def __init__(self, data_dir: Path, clock: Clock, retention: BackupRetention) -> None:
        self._data_dir = data_dir
        self._clock = clock
        self._retention = retention
        self.journal = data_dir / DATABASE_FILE_NAME

    @property
    def folder(self) -> Path:
        return backup_dir(self._data_dir)

    def set_folder(self, folder: Path) -> None:
        """Keep the backups in ``folder`` from now on (e.g. a synced or external folder);
        a verified backup is made there at once, so the choice is proven to work."""
        folder = folder.expanduser()
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise OSError(
                exc.errno,
                _("cannot use {folder}: {problem}").format(
                    folder=folder, problem=exc.strerror or exc
                ),
            ) from exc
        if not os.access(folder, os.W_OK | os.X_OK):
            raise OSError(errno.EACCES, _("cannot write into {folder}").format(folder=folder))
        backups.timestamped_backup(self.journal, folder, "manual", self._clock.now())
        set_backup_dir(self._data_dir, folder)

    def daily_due(self) -> bool:
        """No scheduled backup has been made yet on the user's today."""
        now = self._clock.now()
        today = local_date(now, self._clock.zone)
        for path in backups.list_backups(self.folder):
            if path.stem.endswith(f"-{DAILY}"):
                made = backups.backup_time(path)
                if made is None or made > now + dt.timedelta(days=1):
                    continue  # made while the clock was wrong: it does not count for today
                if local_date(made, self._clock.zone) >= today:
                    return False
        return True

    def make_daily(self) -> Path:
        """Make today's verified backup, then remove the scheduled ones no longer kept.
        Safe to run off the GUI thread (its own SQLite connections)."""
        made = backups.timestamped_backup(self.journal, self.folder, DAILY, self._clock.now())
        kept = self._retention
        removed = backups.rotate(
            self.folder,
            DAILY,
            daily=kept.daily,
            weekly=kept.weekly,
            monthly=kept.monthly,
            zone=zone(self._clock.zone),
        )
        log.info("daily backup made; %d old ones removed", len(removed))
        return made

    def make(self, reason: str) -> Path:
        """A verified backup before something that replaces or adds much (import, restore)."""
        return backups.timestamped_backup(self.journal, self.folder, reason, self._clock.now())

    def last_good(self) -> BackupInfo | None:
        found = backups.newest_sound_backup(self.folder)
        return None if found is None else self._info(found)

    def verified(self) -> list[BackupInfo]:
        """Every backup that passes SQLite's integrity check, newest first."""
        return [self._info(p) for p in backups.list_backups(self.folder) if backups.is_sound(p)]

    def restore(self, source: Path) -> Restored:
        """Replace the journal with ``source`` (the journal must be closed: the window
        closes its services first); the journal as it was is backed up first. Raises
        ``RestoreError``, ``JournalFileError`` or ``OSError`` (SQLite's own errors too)."""
        try:
            return restore_journal(self.journal, source, self.folder, self._clock.now())
        except sqlite3.Error as exc:  # not foreseen by storage: still one line, not a crash
            raise OSError(str(exc)) from exc

    def _info(self, path: Path) -> BackupInfo:
        made = backups.backup_time(path) or dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
        return BackupInfo(path=path, made_at=made, entries=backups.entry_counts(path))
