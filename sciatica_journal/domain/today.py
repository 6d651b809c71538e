"""How today is going against the daily target band."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sciatica_journal.domain.language import _


class BandState(StrEnum):
    BELOW = "below"
    IN = "in"
    ABOVE = "above"


@dataclass(frozen=True)
class DailyCount:
    """Today's sessions that count, against the daily target."""

    done: int
    target_min: int
    target_max: int

    @property
    def state(self) -> BandState:
        if self.done < self.target_min:
            return BandState.BELOW
        if self.done > self.target_max:
            return BandState.ABOVE
        return BandState.IN

    @property
    def headline(self) -> str:
        """E.g. "3 of 5–8 today"."""
        return _("{done} of {target_min}–{target_max} today").format(
            done=self.done, target_min=self.target_min, target_max=self.target_max
        )

    @property
    def remaining_to_min(self) -> int:
        return max(0, self.target_min - self.done)
