"""The current time and the user's IANA time zone, replaceable in tests."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import tzlocal

# The zone when neither TZ nor the platform names one the zone database knows.
FALLBACK_ZONE = "UTC"


def system_zone_name() -> str:
    """The IANA name of the user's zone: TZ when it names a zone, else what the platform
    says (tzlocal: the Windows registry, macOS, /etc/timezone, /etc/localtime...), else UTC.

    The name is always one ``zoneinfo`` can load (the ``tzdata`` package supplies the
    database where the system has none, as on Windows)."""
    from_environment = os.environ.get("TZ", "").lstrip(":")
    if _is_zone(from_environment):
        return from_environment
    try:
        from_platform = tzlocal.get_localzone_name()
    except (LookupError, OSError, ValueError):  # ZoneInfoNotFoundError is a LookupError
        return FALLBACK_ZONE
    if from_platform and _is_zone(from_platform):
        return from_platform
    return FALLBACK_ZONE


def _is_zone(name: str) -> bool:
    if not name or name.startswith("/"):
        return False
    try:
        ZoneInfo(name)
    except (KeyError, ValueError, OSError):
        return False
    return True


class Clock:
    """Real time in the machine's zone."""

    def __init__(self, zone_name: str | None = None) -> None:
        self._zone = zone_name or system_zone_name()

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    @property
    def zone(self) -> str:
        return self._zone


@dataclass
class FixedClock(Clock):
    """A clock that stands still (tests, the demo generator)."""

    moment: dt.datetime
    zone_name: str = "UTC"

    def __post_init__(self) -> None:
        super().__init__(self.zone_name)

    def now(self) -> dt.datetime:
        return self.moment
