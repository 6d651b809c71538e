"""The current time and the user's IANA time zone, replaceable in tests."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo


def system_zone_name() -> str:
    """The IANA name of the machine's zone (TZ, /etc/timezone, /etc/localtime), else UTC."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    timezone_file = Path("/etc/timezone")
    if timezone_file.is_file():
        candidates.append(timezone_file.read_text(encoding="utf-8").strip())
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    for name in candidates:
        if name and _is_zone(name):
            return name
    return "UTC"


def _is_zone(name: str) -> bool:
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
