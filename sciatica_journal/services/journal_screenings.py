"""Red-flag screenings as rows of the Journal: when, the result, why they were asked and
every question answered "yes", in words. They are shown there, not edited: a screening
inside a session goes with the session, one on its own is taken back with Undo."""

from __future__ import annotations

from collections.abc import Sequence

from sciatica_journal.domain.journal import EntryKind, JournalEntry
from sciatica_journal.domain.red_flags import RecordedScreen, RedFlagQuestion
from sciatica_journal.domain.screening_words import journal_summary
from sciatica_journal.domain.timekeeping import local_time


def screening_entry(screen: RecordedScreen, questions: Sequence[RedFlagQuestion]) -> JournalEntry:
    """A screening as a Journal row, in the zone it was answered in."""
    local = local_time(screen.answered_at, screen.zone or "UTC")
    return JournalEntry(
        kind=EntryKind.SCREENING,
        uuid=screen.uuid,
        at=screen.answered_at,
        zone=screen.zone,
        local_date=local.date(),
        local_time=local.time(),
        title=EntryKind.SCREENING.label,
        summary=journal_summary(screen, questions),
        note="",
    )
