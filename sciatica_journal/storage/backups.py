"""Copies of the journal file, taken with SQLite's online backup and verified."""

from __future__ import annotations

import datetime as dt
import errno
import sqlite3
import time
from contextlib import closing
from pathlib import Path

from sciatica_journal import early_check
from sciatica_journal.domain.language import _
from sciatica_journal.storage.atomic_files import StagedFile
from sciatica_journal.storage.write_failures import (
    DISK_FULL,
    failure_kind,
    os_problem,
    plain_failure,
)

BACKUP_SUFFIX = ".sqlite3"


def backup_file(source: Path, destination: Path) -> Path:
    """Copy a journal (consistently, even while it is open) to ``destination``, atomically
    and durably (``atomic_files``): a verified copy or nothing."""
    destination.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        # The partial copy keeps its known name: a stopped process's leftover is found.
        staged = StagedFile(destination, name=destination.name + ".partial")
    except OSError as exc:  # said as when SQLite could not create it
        if failure_kind(exc) == DISK_FULL:
            raise _not_made(_(DISK_FULL), disk_full=True) from exc
        raise _not_made(_("the copy failed ({problem})").format(problem=os_problem(exc))) from exc
    try:
        with staged:
            partial = staged.temp
            src = sqlite3.connect(early_check.read_only_uri(source), uri=True, isolation_level=None)
            try:
                src.execute("BEGIN")  # one snapshot: what is counted is what is copied
                expected = _counts(src)
                dst = sqlite3.connect(partial)
                try:
                    src.backup(dst)
                    dst.execute("PRAGMA journal_mode=DELETE")
                finally:
                    dst.close()
                src.execute("COMMIT")
            finally:
                src.close()
            if not is_sound(partial):
                raise OSError(
                    _("the backup copy {name} did not verify").format(name=destination.name)
                )
            if entry_counts(partial) != expected:
                raise OSError(
                    _("the backup copy {name} does not hold every entry").format(
                        name=destination.name
                    )
                )
    except sqlite3.Error as exc:
        plain = plain_failure(exc) or _("the copy failed ({problem})").format(problem=exc)
        raise _not_made(plain, disk_full=failure_kind(exc) == DISK_FULL) from exc
    return destination


def _not_made(plain: str, *, disk_full: bool = False) -> OSError:
    return OSError(
        errno.ENOSPC if disk_full else errno.EIO,
        _("{problem}: no backup was made").format(problem=plain),
    )


def one_line(text: str) -> str:
    """SQLite's report in one short line (its integrity check spans several)."""
    flat = " ".join(text.replace("*** in database main ***", "").split())
    return flat if len(flat) <= 120 else flat[:117] + "..."


def check_problem(path: Path, pragma: str = "integrity_check") -> str | None:
    """What SQLite's ``integrity_check`` (or ``quick_check``) finds in the file, in one
    line, or None when it is sound. Read-only; SQLite's own errors are raised."""
    if pragma == early_check.QUICK_CHECK:  # perhaps begun as the program started
        rows = early_check.quick_check_rows(path)
    else:
        rows = early_check.pragma_rows(path, pragma)
    if rows and rows[0][0] == "ok":
        return None
    return one_line(str(rows[0][0])) if rows else _("no answer from the check")


def is_sound(path: Path) -> bool:
    """True when SQLite's integrity check passes on the file."""
    try:
        return check_problem(path) is None
    except sqlite3.DatabaseError:
        return False


def timestamped_backup(source: Path, backup_dir: Path, reason: str, now: dt.datetime) -> Path:
    """A backup named by time and reason; never overwrites an earlier one."""
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"journal-{stamp}-{reason}{BACKUP_SUFFIX}"
    counter = 1
    while target.exists():
        counter += 1
        target = backup_dir / f"journal-{stamp}-{reason}-{counter}{BACKUP_SUFFIX}"
    return backup_file(source, target)


LEFTOVER_AGE = 120  # seconds: a partial copy older than this was left by a stopped process


def remove_leftovers(backup_dir: Path, journal: Path, now: float | None = None) -> list[Path]:
    """Delete the partial copies a stopped backup or restore left behind (each a full copy
    of the journal's health data); returns what was removed."""
    moment = time.time() if now is None else now
    candidates = [
        journal.with_name(journal.name + ".restoring"),
        journal.with_name(journal.name + ".restoring.partial"),
    ]
    if backup_dir.is_dir():  # only the app's own partial copies (the folder may be shared)
        candidates += list(backup_dir.glob(f"journal-*{BACKUP_SUFFIX}.partial"))
    removed = []
    for path in candidates:
        try:
            if path.is_file() and moment - path.stat().st_mtime > LEFTOVER_AGE:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


def list_backups(backup_dir: Path) -> list[Path]:
    """Backups, newest first."""
    if not backup_dir.is_dir():
        return []
    return sorted(backup_dir.glob(f"journal-*{BACKUP_SUFFIX}"), reverse=True)


def newest_sound_backup(backup_dir: Path) -> Path | None:
    for path in list_backups(backup_dir):
        if is_sound(path):
            return path
    return None


COUNTED = ("exercise_session", "symptom_map", "red_flag_screen", "journal_note")


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    return {
        table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        for table in COUNTED
        if table in tables
    }


def entry_counts(path: Path) -> dict[str, int]:
    """How many entries of each kind a journal file holds (read-only)."""
    with closing(sqlite3.connect(early_check.read_only_uri(path), uri=True)) as conn:
        return _counts(conn)


def _stamp(path: Path) -> dt.datetime | None:
    """The time in a backup's name (journal-20261124T140000Z-daily.sqlite3)."""
    try:
        text = path.name.split("-", 2)[1]
        return dt.datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
    except (IndexError, ValueError):
        return None


def backup_time(path: Path) -> dt.datetime | None:
    return _stamp(path)


def rotate(
    backup_dir: Path,
    reason: str,
    *,
    daily: int = 7,
    weekly: int = 4,
    monthly: int = 12,
    zone: dt.tzinfo = dt.UTC,
) -> list[Path]:
    """Keep the newest backup of each of the last ``daily`` days, ``weekly`` weeks and
    ``monthly`` months (of those made for ``reason``), and delete the others - but only
    once the newest one verifies. Returns what was deleted."""
    scheduled = [p for p in list_backups(backup_dir) if p.stem.endswith(f"-{reason}")]
    # Days, weeks and months are the user's (``zone``), as for "one backup a day".
    dated = [(stamp.astimezone(zone), p) for p in scheduled if (stamp := _stamp(p)) is not None]
    dated.sort(reverse=True)  # newest first
    if not dated or not is_sound(dated[0][1]):
        return []
    keep: set[Path] = set()
    for width, key in (
        (daily, lambda t: t.date()),
        (weekly, lambda t: t.isocalendar()[:2]),
        (monthly, lambda t: (t.year, t.month)),
    ):
        seen: list[object] = []
        for stamp, path in dated:
            period = key(stamp)
            if period not in seen:
                seen.append(period)
                if len(seen) <= width:
                    keep.add(path)
    removed = []
    for _when, path in dated:
        if path not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed
