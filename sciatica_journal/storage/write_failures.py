"""What went wrong when the journal (or a copy of it) could not be written, in plain words.

SQLite reports a full disk as "database or disk is full" (and peewee may then add
"cannot rollback - no transaction is active", hiding the cause); the file system as
ENOSPC. The user is told "the disk is full", never the engine's wording, in the app's
language (``plain_failure``); ``failure_kind`` gives the English constant to compare."""

from __future__ import annotations

import errno
import os
import sqlite3

from sciatica_journal.domain.language import N_, _

DISK_FULL = N_("the disk is full")
READ_ONLY = N_("the journal cannot be written (it or its folder is read-only)")
IO_ERROR = N_("the disk could not be written (an input/output error)")

# The file system's usual refusals in the app's language (the system's own wording,
# ``strerror``, follows the system's language, not the app's).
_OS_PROBLEMS = {
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("the operation is not permitted"),
    errno.EROFS: N_("the disk is read-only"),
    errno.ENOENT: N_("no such file or folder"),
    errno.ENOTDIR: N_("not a folder"),
    errno.EISDIR: N_("it is a folder"),
    errno.EEXIST: N_("it exists already"),
    errno.EIO: N_("an input/output error"),
    errno.ENAMETOOLONG: N_("the name is too long"),
}


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen and len(seen) < 10:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def failure_kind(exc: BaseException) -> str | None:
    """``DISK_FULL``, ``READ_ONLY`` or ``IO_ERROR`` (in English) when that is why ``exc``
    happened; None for anything else."""
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


def plain_failure(exc: BaseException) -> str | None:
    """ "the disk is full" (or read-only, or an I/O error) when that is why ``exc`` happened,
    in the app's language; None for anything else."""
    kind = failure_kind(exc)
    return None if kind is None else _(kind)


def os_problem(exc: OSError) -> str:
    """What the file system refused, in a few words in the app's language ("permission
    denied"); a message the app gave the error itself, or a refusal not listed, as it is."""
    own = exc.errno is not None and exc.strerror == os.strerror(exc.errno)
    known = _OS_PROBLEMS.get(exc.errno) if own and exc.errno is not None else None
    if known is not None:
        return _(known)
    return str(exc.strerror or exc)
