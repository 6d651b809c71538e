"""How today is going against the daily target band."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class BandState(StrEnum):
    BELOW = "below"
    IN = "in"
    ABOVE = "above"


@dataclass(frozen=True)
class DailyCount:
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
        return f"{self.done} of {self.target_min}–{self.target_max} today"

    @property
    def remaining_to_min(self) -> int:
        return max(0, self.target_min - self.done)
