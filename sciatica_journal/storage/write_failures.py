"""What went wrong when the journal (or a copy of it) could not be written, in plain words.

SQLite reports a full disk as "database or disk is full" (and peewee may then add
"cannot rollback - no transaction is active", hiding the cause); the file system as
ENOSPC. The user is told "the disk is full", never the engine's wording."""

from __future__ import annotations

import errno
import sqlite3

DISK_FULL = "the disk is full"
READ_ONLY = "the journal cannot be written (it or its folder is read-only)"
IO_ERROR = "the disk could not be written (an input/output error)"


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen and len(seen) < 10:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def plain_failure(exc: BaseException) -> str | None:
    """ "the disk is full" (or read-only, or an I/O error) when that is why ``exc`` happened;
    None for anything else."""
    for item in _chain(exc):
        if isinstance(item, OSError) and item.errno in (errno.ENOSPC, errno.EDQUOT):
            return DISK_FULL
        if isinstance(item, OSError) and item.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return READ_ONLY
        text = str(item).lower()
        if isinstance(item, sqlite3.Error) or type(item).__module__ == "peewee":
            if "disk is full" in text or "database or disk is full" in text:
                return DISK_FULL
            if "readonly" in text or "read-only" in text:
                return READ_ONLY
            if "disk i/o error" in text:
                return IO_ERROR
    return None
