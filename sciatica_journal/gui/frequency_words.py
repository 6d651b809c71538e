"""How often, in words: shared by Today and the Calendar."""

from __future__ import annotations

from sciatica_journal.domain.frequency import RecentAdherence
from sciatica_journal.domain.language import _, n_


def days_on_target(recent: RecentAdherence) -> str:
    """E.g. "4 of 6 days on target"; "no full day yet" on the journal's first day."""
    if not recent.days:
        return _("no full day yet")
    return n_("{met} of {n} day on target", "{met} of {n} days on target", recent.days).format(
        met=recent.met, n=recent.days
    )
