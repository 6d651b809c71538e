"""The user's profile and settings, and what makes them valid."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sciatica_journal.domain.language import _
from sciatica_journal.domain.validation import text_problem


class AffectedSide(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


class ProfileError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Profile:
    """The user's profile: who, the affected side, the daily target, the waking hours."""

    name: str = ""
    birth_date: dt.date | None = None
    affected_side: AffectedSide = AffectedSide.RIGHT
    target_min: int = 5
    target_max: int = 8
    waking_start: dt.time = dt.time(7, 0)
    waking_end: dt.time = dt.time(22, 0)
    reminders_enabled: bool = False
    starting_rung: str = ""  # a rung's slug; "" until chosen: the programme's lowest


def validate_profile(profile: Profile, rung_slugs: tuple[str, ...], today: dt.date) -> None:
    if len(profile.name) > 200:
        raise ProfileError("name", _("the name is longer than 200 characters"))
    if text_problem(profile.name) is not None:
        raise ProfileError("name", _("the name is not valid Unicode text"))
    if profile.birth_date is not None:
        if profile.birth_date > today:
            raise ProfileError("birth_date", _("the birth date is in the future"))
        if profile.birth_date.year < 1900:
            raise ProfileError("birth_date", _("the birth date is before 1900"))
    if not 1 <= profile.target_min <= 20:
        raise ProfileError("target_min", _("the daily minimum must be 1-20 sessions"))
    if not profile.target_min <= profile.target_max <= 20:
        raise ProfileError("target_max", _("the daily maximum must be between the minimum and 20"))
    if profile.waking_end <= profile.waking_start:
        raise ProfileError("waking_end", _("waking hours must end after they start"))
    if profile.starting_rung not in rung_slugs:
        raise ProfileError(
            "starting_rung", _("unknown exercise {name}").format(name=repr(profile.starting_rung))
        )
    if profile.affected_side not in set(AffectedSide):
        raise ProfileError("affected_side", _("the affected side must be left, right or both"))
