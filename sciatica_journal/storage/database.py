"""Opening the journal file safely.

Before SQLite touches a file the header is read by hand: a file that is not
SQLite, another program's database, or a journal written by a newer version is
refused with a ``JournalFileError`` and left exactly as it was. Only then is
the file opened with the pragmas of DESIGN §7 and migrated (after a backup).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import stat
from contextlib import AbstractContextManager, closing
from dataclasses import dataclass
from pathlib import Path

from peewee import SqliteDatabase

from sciatica_journal.domain.language import _
from sciatica_journal.early_check import APPLICATION_ID as APPLICATION_ID  # the header's
from sciatica_journal.early_check import header_marks
from sciatica_journal.early_check import read_only_uri as read_only_uri
from sciatica_journal.paths import known_schema_version as known_schema_version
from sciatica_journal.paths import migration_names, schema_version
from sciatica_journal.storage import backups
from sciatica_journal.storage.journal_database import JournalDatabase
from sciatica_journal.storage.models import bound_to
from sciatica_journal.storage.sql import execute_sql
from sciatica_journal.storage.write_failures import os_problem

log = logging.getLogger(__name__)
# peewee logs every query with its values (names, pain scores) at DEBUG: never let it.
logging.getLogger("peewee").setLevel(logging.WARNING)


PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "full",
    "foreign_keys": 1,
    "busy_timeout": 5000,
}


MIGRATIONS = "schema_migration"  # the runner's history of the migrations applied
COMPACTING_MIGRATION = "0005_compact"  # after it, the file is compacted (VACUUM)


class JournalFileError(Exception):
    """The file at the journal's path cannot be used; it has not been changed. ``damaged``:
    its contents are lost or broken (a backup may replace it), as opposed to a file that is
    sound but not usable here (another program's, a newer version's, read-only)."""

    def __init__(self, message: str, *, damaged: bool = False) -> None:
        super().__init__(message)
        self.damaged = damaged


@dataclass(frozen=True)
class HeaderInfo:
    """What the journal file's header says, read without opening it."""

    exists: bool
    application_id: int = 0
    user_version: int = 0


def read_header(path: Path, backup_dir: Path | None = None) -> HeaderInfo:
    """Read the SQLite header without opening the file as a database.

    An empty file is a journal never written (a first start stopped at once) unless there
    are backups: then it is a journal that lost its contents, and it is refused."""
    try:
        if not path.exists():
            return HeaderInfo(exists=False)
        if path.stat().st_size == 0:
            if backup_dir is not None and backups.list_backups(backup_dir):
                raise JournalFileError(
                    _(
                        "{path} is empty (0 bytes): the journal's contents were lost; "
                        "it was left untouched"
                    ).format(path=path),
                    damaged=True,
                )
            return HeaderInfo(exists=False)
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise JournalFileError(
            _("{path} cannot be read: {problem}").format(path=path, problem=os_problem(exc))
        ) from exc
    marks = header_marks(header)
    if marks is None:
        raise JournalFileError(
            _(
                "{path} is not a Sciatica Journal database (it is not an SQLite file: "
                "damaged, or another program's file); it was left untouched"
            ).format(path=path),
            damaged=True,
        )
    user_version, application_id = marks
    return HeaderInfo(exists=True, application_id=application_id, user_version=user_version)


def _look_inside(path: Path) -> tuple[int, int]:
    """(application_id, number of schema objects) as SQLite sees them, write-ahead log included.

    The header on disk lags behind until a checkpoint: after a crash right after the
    journal was created, the id may still be only in the -wal file."""
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            (app_id,) = conn.execute("PRAGMA application_id").fetchone()
            (count,) = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise JournalFileError(
            _("{path} cannot be read as a database: {problem}").format(path=path, problem=exc)
        ) from exc
    return int(app_id), int(count)


def _disk_full(folder: Path) -> bool:
    try:
        stats = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return stats.f_bavail * stats.f_frsize < 256 * 1024


def damage(path: Path) -> str | None:
    """What is wrong inside a journal file (SQLite's quick check, every page read), in a
    few words, or None when it is sound. Read-only: the file is not changed. A full disk
    is not damage: SQLite needs a little room even to read (JournalFileError says so)."""
    try:
        return backups.check_problem(path, "quick_check")
    except sqlite3.OperationalError as exc:
        if _disk_full(path.parent):
            raise JournalFileError(
                _(
                    "the disk is full: {path} cannot be opened (free some space and try "
                    "again; nothing was changed)"
                ).format(path=path)
            ) from exc
        return backups.one_line(str(exc) or type(exc).__name__)
    except sqlite3.DatabaseError as exc:
        return backups.one_line(str(exc) or type(exc).__name__)


def is_writable(path: Path) -> bool:
    """The owner may write the file (its mode says so; root ignores modes, so look at them)."""
    return bool(stat.S_IMODE(path.stat().st_mode) & stat.S_IWUSR) and os.access(path, os.W_OK)


def integrity(path: Path) -> str | None:
    """SQLite's full integrity check (slower than ``damage``): None when sound."""
    try:
        return backups.check_problem(path, "integrity_check")
    except sqlite3.DatabaseError as exc:
        return backups.one_line(str(exc) or type(exc).__name__)


def check_file(
    path: Path, migrations: Path, backup_dir: Path | None = None, *, writable: bool = True
) -> HeaderInfo:
    """Refuse foreign, damaged, truncated, newer or (``writable``) read-only files before
    anything writes to them."""
    info = read_header(path, backup_dir)
    if not info.exists:
        return info
    app_id = info.application_id
    if app_id == 0:
        app_id, objects = _look_inside(path)
        if app_id == 0 and objects == 0:
            app_id = APPLICATION_ID  # an empty SQLite file: becomes a new journal
    if app_id != APPLICATION_ID:
        raise JournalFileError(
            _(
                "{path} belongs to another program (it is not a Sciatica Journal database); "
                "it was left untouched"
            ).format(path=path)
        )
    known = schema_version(migration_names(migrations))
    if info.user_version > known:
        raise JournalFileError(
            _(
                "{path} was written by a newer version of Sciatica Journal (schema "
                "{schema}, this version knows up to {known}); update the app"
            ).format(path=path, schema=info.user_version, known=known)
        )
    problem = damage(path)
    if problem is not None:
        raise JournalFileError(
            _("{path} is damaged ({problem}); it was left untouched").format(
                path=path, problem=problem
            ),
            damaged=True,
        )
    if writable and not is_writable(path):
        raise JournalFileError(
            _(
                "{path} is read-only (permissions {mode}); it was left as it is: make it "
                "writable again to use it"
            ).format(path=path, mode=f"{stat.S_IMODE(path.stat().st_mode):04o}")
        )
    return info


class Journal:
    """An open journal file and its own connection to it (peewee keeps one per thread).
    Close it to checkpoint the write-ahead log.

    Transactions begin IMMEDIATE: a writer takes the write lock at once (waiting up to the
    busy timeout), so two writers never fail on a stale snapshot ("database is locked")."""

    def __init__(
        self,
        path: Path,
        backup_dir: Path,
        *,
        migrated: tuple[str, ...] = (),
        pre_migration_backup: Path | None = None,
    ) -> None:
        self.path = path
        self.backup_dir = backup_dir
        self.migrated = migrated
        self.pre_migration_backup = pre_migration_backup
        self.database = JournalDatabase(str(path), pragmas=PRAGMAS, lock_type="IMMEDIATE")

    def __repr__(self) -> str:
        return f"Journal({str(self.path)!r})"

    def close(self) -> None:
        """Checkpoint and close this thread's connection (a closed journal stays closed
        until a query opens it again)."""
        database = self.database
        if database.is_closed():
            return
        try:
            execute_sql(database, "PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            database.close()
            log.info("journal closed")

    def atomic(self) -> AbstractContextManager[object]:
        """One transaction on this journal (nested blocks become savepoints)."""
        return self.database.atomic()

    def bound(self) -> AbstractContextManager[None]:
        """The models query this journal (in this thread) until the block ends."""
        return bound_to(self.database)


def _up_to_date(database: SqliteDatabase, migrations: Path) -> bool:
    """Every migration in ``migrations`` is recorded as applied in the journal's history
    (the runner's ``schema_migration`` table) and no other: nothing to do, nothing
    unknown. Otherwise the runner looks (it names the unknown ones, applies the pending)."""
    exists = execute_sql(
        database, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS]
    ).fetchone()
    if exists is None:
        return False
    recorded = {name for (name,) in execute_sql(database, f'SELECT name FROM "{MIGRATIONS}"')}
    return recorded == set(migration_names(migrations))


def open_journal(
    path: Path, backup_dir: Path, migrations: Path, now: dt.datetime | None = None
) -> Journal:
    """Open (creating or migrating as needed) the journal at ``path``."""
    info = check_file(path, migrations, backup_dir)
    backups.remove_leftovers(backup_dir, path)
    journal = Journal(path, backup_dir)
    database = journal.database
    try:
        database.connect()
    except Exception as exc:  # peewee wraps sqlite3 errors in its own classes
        raise JournalFileError(
            _("{path} cannot be opened: {problem}").format(path=path, problem=exc)
        ) from exc
    try:
        if info.application_id != APPLICATION_ID:
            execute_sql(database, f"PRAGMA application_id = {APPLICATION_ID}")
        backup = None
        applied: tuple[str, ...] = ()
        if not _up_to_date(database, migrations):  # else the runner is not even loaded
            from playhouse.migrations import Runner

            runner = Runner(database, directory=str(migrations))
            status = runner.status()
            unknown = [m.name for m in status if m.path is None]
            if unknown:
                raise JournalFileError(
                    _(
                        "{path} was written by a newer version of Sciatica Journal "
                        "(it has migration {migration}); update the app"
                    ).format(path=path, migration=unknown[0])
                )
            pending = [m.name for m in status if not m.applied]
            if pending and info.exists:
                backup = backups.timestamped_backup(
                    path, backup_dir, "before-migration", now or dt.datetime.now(dt.UTC)
                )
                log.info("backup taken before migrating")
            applied = tuple(runner.up()) if pending else ()
        if COMPACTING_MIGRATION in applied and info.exists:
            # The rows moved to smaller tables: give the freed pages back to the disk
            # (VACUUM runs outside the migration's transaction, and is atomic itself).
            execute_sql(database, "VACUUM")
        version = schema_version(migration_names(migrations))
        if applied or info.application_id != APPLICATION_ID or info.user_version != version:
            execute_sql(database, f"PRAGMA user_version = {version}")
            # Write the header to the main file now, not at the next checkpoint, so that
            # a crash cannot leave a journal that looks like someone else's.
            execute_sql(database, "PRAGMA wal_checkpoint(TRUNCATE)")
    except JournalFileError:
        database.close()
        raise
    except Exception as exc:
        database.close()
        raise JournalFileError(
            _("{path} could not be prepared: {problem}").format(path=path, problem=exc)
        ) from exc
    journal.migrated = applied
    journal.pre_migration_backup = backup
    return journal
