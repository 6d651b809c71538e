"""SQLite's quick check of the journal (every page read: ~25 ms on ten years), begun as
the program starts, in a thread, while the rest of the program loads (SQLite works
without Python's lock, so on another processor). ``storage.database.damage`` takes its
answer where it asked the question before: nothing opens the journal earlier than it did.

It is begun only for a journal of this app whose format it knows, as read by hand from the
file's header (an empty, foreign or newer file is left for the opening to refuse before
SQLite touches it, as it always was), and only a sound answer is kept: an error of the
early check (e.g. the file busy) is checked again at opening.

The answer is only taken for the file as it was checked: the journal and its write-ahead
log as they were when the check began and when it ended, and as they are when it is
taken (their inode, size and times of change). Anything else (no early check, a file
changed since, e.g. the demo's copy or an update of an older journal) is checked again
when asked. Read-only: the check opens the file with ``mode=ro``. Taking the answer waits
for the thread to be gone, so a process that forks only with one thread
(``services.transfer.parallel_parts.may_fork``) still does.

Here, not in ``storage``, so that the command line can begin it before loading the
database's modules (peewee and the models)."""

from __future__ import annotations

import sqlite3
import struct
import threading
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sciatica_journal.paths import DATABASE_FILE_NAME, known_schema_version

QUICK_CHECK = "quick_check"
APPLICATION_ID = 0x53434A4E  # "SCJN": a journal of this app (SQLite's application_id)
SQLITE_MAGIC = b"SQLite format 3\x00"
Stamp = tuple[tuple[int, int, int, int] | None, ...]


def read_only_uri(path: Path) -> str:
    """A read-only SQLite URI; the path is percent-encoded (a '#' or '?' stays in the name)."""
    return path.resolve().as_uri() + "?mode=ro"


def header_marks(header: bytes) -> tuple[int, int] | None:
    """(user_version, application_id) of a file's first 100 bytes, read by hand; None
    when they are not an SQLite file's header."""
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return None
    user_version, application_id = struct.unpack(">I4xI", header[60:72])
    return int(user_version), int(application_id)


def pragma_rows(path: Path, pragma: str) -> list[tuple[object, ...]]:
    """The first two rows of SQLite's ``PRAGMA pragma`` (a check) on the file, read-only;
    SQLite's own errors are raised."""
    with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
        return list(conn.execute(f"PRAGMA {pragma}").fetchmany(2))


@dataclass
class _Early:
    """A quick check begun early: the file as it was, and the answer once there."""

    before: Stamp
    thread: threading.Thread | None = None
    after: Stamp | None = None
    rows: list[tuple[object, ...]] | None = None  # None: no sound answer (checked again)


_pending: dict[Path, _Early] = {}
_lock = threading.Lock()


def begin(folder: Path) -> None:
    """Begin the quick check of the journal in ``folder`` (nothing when there is none, or
    when its header is not that of a journal this version reads)."""
    try:
        where = (folder.expanduser() / DATABASE_FILE_NAME).resolve()
        with where.open("rb") as file:
            marks = header_marks(file.read(100))
        known = known_schema_version()
    except (OSError, RuntimeError, ValueError):
        return
    if marks is None or marks[1] != APPLICATION_ID or marks[0] > known:
        return
    early = _Early(_stamp(where))
    early.thread = threading.Thread(target=_check, args=(where, early), daemon=True)
    try:
        early.thread.start()
    except RuntimeError:  # no thread to be had: checked at opening
        return
    with _lock:
        _pending[where] = early  # an earlier one not taken (its opening failed) is dropped


def quick_check_rows(path: Path) -> list[tuple[object, ...]]:
    """``pragma_rows(path, "quick_check")``: the early check's, when it checked the file as
    it is now, else checked now."""
    try:
        where = path.resolve()
    except (OSError, RuntimeError):
        return pragma_rows(path, QUICK_CHECK)
    with _lock:
        early = _pending.pop(where, None)
    if early is not None:
        assert early.thread is not None
        early.thread.join()
        _wait_until_gone(early.thread)
        if early.rows is not None and early.before == early.after == _stamp(where):
            return early.rows
    return pragma_rows(path, QUICK_CHECK)


def _check(where: Path, early: _Early) -> None:
    try:
        rows = pragma_rows(where, QUICK_CHECK)
    except Exception:
        rows = None
    early.after = _stamp(where)
    early.rows = rows


def _stamp(path: Path) -> Stamp:
    """The journal's and its write-ahead log's inode, size and times of change (None: no
    such file, or an empty log)."""
    found: list[tuple[int, int, int, int] | None] = []
    for each in (path, path.with_name(path.name + "-wal")):
        try:
            info = each.stat()
        except OSError:
            found.append(None)
        else:  # an empty log holds nothing (a read-only check may leave one)
            empty = each is not path and info.st_size == 0
            mark = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
            found.append(None if empty else mark)
    return tuple(found)


def _wait_until_gone(thread: threading.Thread, patience: float = 0.05) -> None:
    """Until the ended thread is gone from the system's list of this process's threads
    too (it leaves it just after Python sees it end), at most ``patience`` seconds."""
    task = Path(f"/proc/self/task/{thread.native_id}")
    deadline = time.monotonic() + patience
    while task.exists() and time.monotonic() < deadline:
        time.sleep(0.0002)
