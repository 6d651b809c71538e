"""What an operation changed: which kinds of entry, on which days. Pages look at a change
set to decide whether what they show is out of date (Anki's idea of returning the changes
with each operation; written here for this journal)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """The kinds of thing an operation can change."""

    SESSIONS = "sessions"
    CHECK_INS = "check-ins"
    NOTES = "notes"
    SCREENINGS = "screenings"  # red-flag answers
    PROFILE = "profile"  # the settings: targets, waking hours, side, reminders, preferences
    BACKUPS = "backups"  # where backups are kept
    MEASURES = "measures"  # the weekly check's answers


EVERY_KIND = frozenset(Kind)


@dataclass(frozen=True)
class ChangeSet:
    """Which kinds of entry changed and on which local days (empty ``days``: the days are
    not known or do not matter, e.g. a changed setting or a replaced journal)."""

    kinds: frozenset[Kind] = frozenset()
    days: frozenset[dt.date] = frozenset()

    @classmethod
    def of(cls, *kinds: Kind, days: Iterable[dt.date] = ()) -> ChangeSet:
        return cls(frozenset(kinds), frozenset(days))

    @classmethod
    def everything(cls) -> ChangeSet:
        """The whole journal may have changed (an import, a restore)."""
        return cls(EVERY_KIND)

    def touches(self, shown: Iterable[Kind]) -> bool:
        """Whether a view showing ``shown`` is out of date after this change."""
        return not self.kinds.isdisjoint(shown)

    def __or__(self, other: ChangeSet) -> ChangeSet:
        """What changed over both: their kinds, and their days when both name them (a
        change of days not known leaves the days of both not known)."""
        if not self.kinds or not other.kinds:  # nothing changed on one side
            return other if not self.kinds else self
        days = self.days | other.days if self.days and other.days else frozenset()
        return ChangeSet(self.kinds | other.kinds, days)

    def __bool__(self) -> bool:
        return bool(self.kinds)


NOTHING = ChangeSet()
