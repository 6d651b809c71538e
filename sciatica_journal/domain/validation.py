"""Checks every entry point applies before anything reaches the journal: times within a
sensible range, and text that is real Unicode (a lone surrogate cannot be stored)."""

from __future__ import annotations

import datetime as dt

EARLIEST = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
LATEST_AHEAD = dt.timedelta(days=1)  # a clock a little ahead is tolerated, not a later date


def instant_problem(moment: dt.datetime, now: dt.datetime) -> str | None:
    """Why ``moment`` (aware) cannot be a time in the journal, or None."""
    if moment.tzinfo is None:
        return "has no time zone"
    if moment < EARLIEST:
        return f"is before {EARLIEST:%Y}"
    if moment > now + LATEST_AHEAD:
        return "is in the future"
    return None


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be stored, or None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "is not valid Unicode text"
    return None
