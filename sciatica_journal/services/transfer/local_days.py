"""The local date of an imported entry's UTC time in its zone, worked out once per
15-minute window of UTC time and zone instead of once per time (ten years: 91,000 times,
three per session).

A window's local date is kept only when both its ends, its first instant and its last,
fall on the same local date with the same UTC offset: the zone's clock then runs
straight through the window (no zone changes its offset twice within 15 minutes), so
every instant in it has that date. A window that holds a midnight or an offset change is
worked out time by time, as ``timekeeping.local_date`` does it."""

from __future__ import annotations

import datetime as dt

from sciatica_journal.domain.timekeeping import local_date, zone

WINDOW_SECONDS = 900
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_LAST = dt.timedelta(seconds=WINDOW_SECONDS, microseconds=-1)  # a window's last instant
_UNSEEN = ""  # no window's date is empty


class LocalDays:
    """``local_date(moment, zone).isoformat()``, memoized by window (see the module)."""

    def __init__(self) -> None:
        self._windows: dict[tuple[str, int], str | None] = {}

    def of(self, moment: dt.datetime, zone_name: str) -> str:
        """The local date of the aware ``moment`` in ``zone_name``, as ``YYYY-MM-DD``."""
        key = (zone_name, int(moment.timestamp() // WINDOW_SECONDS))
        found = self._windows.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = self._windows[key] = _window_date(zone_name, key[1])
        return local_date(moment, zone_name).isoformat() if found is None else found


def _window_date(zone_name: str, index: int) -> str | None:
    """The local date of every instant of window ``index``, or None when they differ."""
    try:
        first = _EPOCH + dt.timedelta(seconds=index * WINDOW_SECONDS)
        where = zone(zone_name)
        start, end = first.astimezone(where), (first + _LAST).astimezone(where)
    except (OverflowError, ValueError):  # near the ends of datetime's range
        return None
    if start.utcoffset() != end.utcoffset() or start.date() != end.date():
        return None
    return start.date().isoformat()
