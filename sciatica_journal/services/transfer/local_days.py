"""The local date of an imported entry's UTC time in its zone, from the zone's UTC offset
worked out once per hour of UTC time instead of once per time (ten years: 91,000 times,
three per session).

An hour's offset is kept only when both its ends, its first instant and its last, have
the same UTC offset: the zone's clock then runs straight through that hour (no zone
changes its offset twice within an hour), so every instant in it has that offset and
its local date is the UTC date of the instant moved by it. An hour in which the offset
changes is worked out time by time, as ``timekeeping.local_date`` does it."""

from __future__ import annotations

import datetime as dt

from sciatica_journal.domain.timekeeping import local_date, zone

WINDOW_SECONDS = 3600
DAY_SECONDS = 86_400
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_EPOCH_DAY = _EPOCH.date()
_LAST = dt.timedelta(seconds=WINDOW_SECONDS, microseconds=-1)  # a window's last instant
_UNSEEN = object()


class LocalDays:
    """``local_date(moment, zone).isoformat()``, from offsets memoized by hour (see the
    module)."""

    def __init__(self) -> None:
        self._offsets: dict[tuple[str, int], object] = {}  # (zone, hour) -> seconds or None
        self._texts: dict[int, str] = {}  # days since 1970 -> "YYYY-MM-DD"

    def of(self, moment: dt.datetime, zone_name: str) -> str:
        """The local date of the aware ``moment`` in ``zone_name``, as ``YYYY-MM-DD``."""
        seconds = moment.timestamp()
        key = (zone_name, int(seconds // WINDOW_SECONDS))
        offset = self._offsets.get(key, _UNSEEN)
        if offset is _UNSEEN:
            offset = self._offsets[key] = _window_offset(zone_name, key[1])
        if not isinstance(offset, float):
            return local_date(moment, zone_name).isoformat()
        day = int((seconds + offset) // DAY_SECONDS)
        text = self._texts.get(day)
        if text is None:
            text = self._texts[day] = (_EPOCH_DAY + dt.timedelta(days=day)).isoformat()
        return text


def _window_offset(zone_name: str, index: int) -> float | None:
    """The UTC offset (seconds) of every instant of hour ``index``, or None when it
    changes within the hour."""
    try:
        first = _EPOCH + dt.timedelta(seconds=index * WINDOW_SECONDS)
        where = zone(zone_name)
        start = first.astimezone(where).utcoffset()
        end = (first + _LAST).astimezone(where).utcoffset()
    except (OverflowError, ValueError):  # near the ends of datetime's range
        return None
    if start is None or start != end:
        return None
    return start.total_seconds()
