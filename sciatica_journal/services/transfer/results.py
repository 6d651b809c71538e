"""What an export or an import gives back, and the one error both raise."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from sciatica_journal.storage import transfer_records
from sciatica_journal.storage.transfer_records import KINDS


class TransferError(Exception):
    """An export or import that cannot be done; the message is one line naming the problem."""


@dataclass(frozen=True)
class ImportReport:
    """What an import added and what it skipped (already in the journal), per kind of entry."""

    added: Mapping[str, int]
    skipped: Mapping[str, int]
    # What the import wrote, per table, to take it back out (``remove_imported``).
    added_entries: Mapping[str, Sequence[str]] = field(default_factory=dict, compare=False)

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    @property
    def total_skipped(self) -> int:
        return sum(self.skipped.values())

    def describe(self) -> str:
        """One line, e.g. 'added 3 sessions and 1 note; skipped 2 sessions already in the
        journal'."""
        added = _listing(self.added) or "nothing"
        text = f"added {added}"
        if self.total_skipped:
            text += f"; skipped {_listing(self.skipped)} already in the journal"
        return text


@dataclass(frozen=True)
class ExportResult:
    """The files written and how many entries of each kind they hold."""

    paths: tuple[Path, ...]
    counts: Mapping[str, int]


_NOUNS = {
    transfer_records.PROFILE: ("profile", "profiles"),
    transfer_records.SESSIONS: ("session", "sessions"),
    transfer_records.CHECK_INS: ("check-in", "check-ins"),
    transfer_records.RED_FLAG_SCREENS: ("red-flag screening", "red-flag screenings"),
    transfer_records.NOTES: ("note", "notes"),
}


def _listing(counts: Mapping[str, int]) -> str:
    parts = [f"{n} {_NOUNS[k][n != 1]}" for k in KINDS if (n := counts.get(k, 0))]
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + " and " + parts[-1]
    return "".join(parts)


def fail(place: str, message: str) -> NoReturn:
    """Stop the import: the problem at ``place`` (e.g. ``sessions[3].rung``)."""
    raise TransferError(f"{place}: {message}")
