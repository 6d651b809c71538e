"""Giving back memory a large read used only for a moment: SQLite's page cache of the
connection (``PRAGMA shrink_memory``) and the C heap's free pages (glibc's
``malloc_trim``, where the C library is glibc; elsewhere nothing)."""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache

from peewee import SqliteDatabase

from sciatica_journal.storage.sql import execute_sql


@cache
def _malloc_trim() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim  # glibc only (musl has no such function)
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release_memory(database: SqliteDatabase) -> None:
    """Free the connection's cached pages and return the heap's free pages to the system."""
    execute_sql(database, "PRAGMA shrink_memory")
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
