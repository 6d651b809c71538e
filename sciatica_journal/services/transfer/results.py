"""What an export or an import gives back, and the one error both raise."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from sciatica_journal.domain.language import _, n_
from sciatica_journal.storage import transfer_records
from sciatica_journal.storage.transfer_records import KINDS


class TransferError(Exception):
    """An export or import that cannot be done; the message is one line naming the problem."""


def check_target(path: Path) -> None:
    """An export's file can be written at ``path``: not a folder, in a folder that exists."""
    if path.is_dir():
        raise TransferError(_("cannot write {path}: it is a folder").format(path=path))
    if not path.parent.is_dir():
        raise TransferError(
            _("cannot write {path}: the folder {folder} does not exist").format(
                path=path, folder=path.parent
            )
        )


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
        added = _listing(self.added) or _("nothing")
        if self.total_skipped:
            return _("added {added}; skipped {skipped} already in the journal").format(
                added=added, skipped=_listing(self.skipped)
            )
        return _("added {added}").format(added=added)


@dataclass(frozen=True)
class ExportResult:
    """The files written and how many entries of each kind they hold."""

    paths: tuple[Path, ...]
    counts: Mapping[str, int]


def _count(kind: str, n: int) -> str:
    """ "3 sessions": a count of one kind of entry."""
    if kind == transfer_records.PROFILE:
        text = n_("{n} profile", "{n} profiles", n)
    elif kind == transfer_records.SESSIONS:
        text = n_("{n} session", "{n} sessions", n)
    elif kind == transfer_records.CHECK_INS:
        text = n_("{n} check-in", "{n} check-ins", n)
    elif kind == transfer_records.RED_FLAG_SCREENS:
        text = n_("{n} red-flag screening", "{n} red-flag screenings", n)
    elif kind == transfer_records.MEASURES:
        text = n_("{n} measure response", "{n} measure responses", n)
    else:
        text = n_("{n} note", "{n} notes", n)
    return text.format(n=n)


def _listing(counts: Mapping[str, int]) -> str:
    parts = [_count(k, n) for k in KINDS if (n := counts.get(k, 0))]
    if len(parts) > 1:
        return _("{items} and {last}").format(items=", ".join(parts[:-1]), last=parts[-1])
    return "".join(parts)


def fail(place: str, message: str) -> NoReturn:
    """Stop the import: the problem at ``place`` (e.g. ``sessions[3].rung``)."""
    raise TransferError(f"{place}: {message}")
