"""How often, in words: shared by Today and the Calendar."""

from __future__ import annotations

from sciatica_journal.domain.frequency import RecentAdherence


def days_on_target(recent: RecentAdherence) -> str:
    """E.g. "4 of 6 days on target"; "no full day yet" on the journal's first day."""
    if not recent.days:
        return "no full day yet"
    return f"{recent.met} of {recent.days} day{'s' if recent.days != 1 else ''} on target"
