"""Instants are kept in UTC with the IANA zone they happened in; days are the user's local days."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def zone(name: str) -> dt.tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def to_utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("a naive time cannot be stored")
    return moment.astimezone(dt.UTC)


def local_date(moment: dt.datetime, zone_name: str) -> dt.date:
    return to_utc(moment).astimezone(zone(zone_name)).date()


def local_time(moment: dt.datetime, zone_name: str) -> dt.datetime:
    return to_utc(moment).astimezone(zone(zone_name))


def format_utc(moment: dt.datetime) -> str:
    """ISO 8601 in UTC with a Z, to the second: sorts as text."""
    return to_utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_utc(text: str) -> dt.datetime:
    if len(text) != 20 or not text.endswith("Z"):
        raise ValueError(f"not a UTC time: {text!r}")
    return dt.datetime.fromisoformat(text[:-1]).replace(tzinfo=dt.UTC)


def duration_words(seconds: int) -> str:
    """A duration as people say it: "3 s", "2 min", "2 min 30 s", "1 h 5 min"."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    if minutes:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    return f"{secs} s"
