"""The domain rules for the profile of an import (``profile``): real dates and times of
day, and what ``validate_profile`` asks of a profile the app saves."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sciatica_journal.domain.language import _
from sciatica_journal.domain.profile import AffectedSide, Profile, ProfileError, validate_profile
from sciatica_journal.domain.program import Program
from sciatica_journal.services.transfer.results import fail
from sciatica_journal.services.transfer.schema_messages import show


def profile_record(doc: dict[str, Any], program: Program, today: dt.date) -> Profile:
    """The profile of an import (``profile``), checked as the app checks a profile saved."""
    birth: dt.date | None = None
    if "birth_date" in doc:
        try:
            birth = dt.date.fromisoformat(doc["birth_date"])
        except ValueError:
            fail(
                "profile.birth_date",
                _("{value} is not a real date").format(value=show(doc["birth_date"])),
            )
    waking = {}
    for key in ("waking_start", "waking_end"):
        try:
            waking[key] = dt.time.fromisoformat(doc[key])
        except ValueError:
            fail(f"profile.{key}", _("{value} is not a time of day").format(value=show(doc[key])))
    profile = Profile(
        name=doc.get("name", ""),
        birth_date=birth,
        affected_side=AffectedSide(doc["affected_side"]),
        target_min=doc["target_min"],
        target_max=doc["target_max"],
        waking_start=waking["waking_start"],
        waking_end=waking["waking_end"],
        reminders_enabled=doc["reminders_enabled"],
        starting_rung=doc["starting_rung"],
    )
    try:
        validate_profile(profile, tuple(r.slug for r in program.rungs), today)
    except ProfileError as exc:
        fail(f"profile.{exc.field}", str(exc))
    return profile
