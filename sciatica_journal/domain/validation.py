"""Checks every entry point applies before anything reaches the journal: times within a
sensible range, and text that is real Unicode (a lone surrogate cannot be stored)."""

from __future__ import annotations

import datetime as dt

from sciatica_journal.domain.language import _

EARLIEST = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
LATEST_AHEAD = dt.timedelta(days=1)  # a clock a little ahead is tolerated, not a later date


def instant_problem(moment: dt.datetime, now: dt.datetime) -> str | None:
    """Why ``moment`` (aware) cannot be a time in the journal, or None: the end of an English
    sentence ("is in the future"), kept in English for the callers that check or compose it
    (a message for the user is a whole translated sentence, as in ``note_problem``)."""
    if moment.tzinfo is None:
        return "has no time zone"
    if moment < EARLIEST:
        return f"is before {EARLIEST:%Y}"
    if moment > now + LATEST_AHEAD:
        return "is in the future"
    return None


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be stored, or None: the end of an English sentence ("is not valid
    Unicode text"); ``note_problem`` says it to the user about a note."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "is not valid Unicode text"
    return None


def note_problem(note: str) -> str | None:
    """Why a note cannot be stored, as a sentence for the user (translated), or None."""
    if text_problem(note) is None:
        return None
    return _("the note is not valid Unicode text")
