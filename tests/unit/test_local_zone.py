"""The user's zone comes from the platform (tzlocal), TZ first, UTC when nothing is known;
"today" and the local time of an entry follow it."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfoNotFoundError

import pytest
import tzlocal

from sciatica_journal.domain.timekeeping import local_date, local_time
from sciatica_journal.services import clock as clock_module
from sciatica_journal.services.clock import Clock
from sciatica_journal.services.container import build_services

# 20:30 UTC on Sunday 1 March 2026: still the 1st in London, already the 2nd in Tokyo
# (05:30 on Monday), and 15:30 on the 1st in New York.
EVENING_UTC = dt.datetime(2026, 3, 1, 20, 30, tzinfo=dt.UTC)


class ClockAt(Clock):
    """The real clock's zone lookup with a chosen "now"."""

    def __init__(self, moment: dt.datetime) -> None:
        super().__init__()
        self._moment = moment

    def now(self) -> dt.datetime:
        return self._moment


@pytest.fixture
def no_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TZ", raising=False)


class FakeKey:
    def __init__(self, values: dict[str, object]) -> None:
        self.values = list(values.items())

    def Close(self) -> None:  # winreg spells it so
        pass


def fake_winreg(values: dict[str, object]) -> types.ModuleType:
    """Just enough of Windows' registry module for tzlocal's Windows code."""
    module = types.ModuleType("winreg")
    module.HKEY_LOCAL_MACHINE = object()  # type: ignore[attr-defined]
    module.ConnectRegistry = lambda _computer, _hive: object()  # type: ignore[attr-defined]
    module.OpenKey = lambda _handle, _name: FakeKey(values)  # type: ignore[attr-defined]
    module.QueryInfoKey = lambda key: (0, len(key.values), 0)  # type: ignore[attr-defined]
    module.EnumValue = lambda key, i: (*key.values[i], 1)  # type: ignore[attr-defined]
    return module


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch, no_tz: None) -> Iterator[types.ModuleType]:
    """tzlocal's own Windows lookup, loaded against a fake registry, stands in for the
    platform's; the Linux files (/etc/timezone, /etc/localtime) are never consulted."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "winreg", fake_winreg({}))
    spec = importlib.util.spec_from_file_location(
        "_tzlocal_win32_under_test", Path(tzlocal.__file__).with_name("win32.py")
    )
    assert spec is not None and spec.loader is not None
    win32 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(win32)

    def never(*_args: object) -> None:
        raise AssertionError("the Linux lookup was used on Windows")

    monkeypatch.setattr(tzlocal, "get_localzone_name", win32.get_localzone_name)
    monkeypatch.setattr("tzlocal.unix._get_localzone_name", never)
    yield win32


def set_windows_zone(win32: types.ModuleType, monkeypatch, **values: object) -> None:
    monkeypatch.setattr(win32, "winreg", fake_winreg(values))
    monkeypatch.setattr(win32, "_cache_tz_name", None)


def test_a_windows_zone_sets_the_zone_and_the_day(windows, monkeypatch, data_dir: Path):
    # Windows names the zone "Tokyo Standard Time" in its registry, not an IANA name.
    set_windows_zone(windows, monkeypatch, TimeZoneKeyName="Tokyo Standard Time\x00\x00")
    assert Clock().zone == "Asia/Tokyo"

    services = build_services(data_dir, ClockAt(EVENING_UTC))
    try:
        assert services.frequency.today() == dt.date(2026, 3, 2)
        assert services.frequency.now().strftime("%H:%M") == "05:30"
    finally:
        services.close()


def test_a_windows_zone_without_daylight_saving_is_a_fixed_offset(windows, monkeypatch):
    # "Adjust for daylight saving time automatically" turned off in New York.
    set_windows_zone(
        windows,
        monkeypatch,
        TimeZoneKeyName="Eastern Standard Time",
        DynamicDaylightTimeDisabled=1,
    )
    zone = Clock().zone
    assert zone == "Etc/GMT+5"
    summer = dt.datetime(2026, 7, 1, 12, 0, tzinfo=dt.UTC)
    assert local_time(summer, zone).hour == 7  # not 08:00 (EDT)


@pytest.mark.parametrize(
    "failure",
    [
        ZoneInfoNotFoundError("Some Unknown Standard Time"),
        LookupError("Can not find Windows timezone configuration"),
        OSError("the registry cannot be read"),
    ],
)
def test_a_failed_lookup_falls_back_to_utc(no_tz, monkeypatch, failure: Exception):
    def failing() -> str:
        raise failure

    monkeypatch.setattr(tzlocal, "get_localzone_name", failing)
    clock = Clock()
    assert clock.zone == "UTC"
    assert local_date(dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC), clock.zone) == dt.date(
        2026, 3, 1
    )


@pytest.mark.parametrize("answer", [None, "", "Not/AZone", "local"])
def test_no_usable_answer_falls_back_to_utc(no_tz, monkeypatch, answer: str | None):
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: answer)
    assert Clock().zone == "UTC"


def test_an_unknown_windows_zone_falls_back_to_utc(windows, monkeypatch):
    set_windows_zone(windows, monkeypatch, TimeZoneKeyName="Atlantis Standard Time")
    assert Clock().zone == "UTC"


def test_tz_is_honoured_before_the_platform(monkeypatch, data_dir: Path):
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Asia/Tokyo")
    monkeypatch.setenv("TZ", "America/New_York")
    assert Clock().zone == "America/New_York"
    services = build_services(data_dir, ClockAt(dt.datetime(2026, 3, 2, 3, 0, tzinfo=dt.UTC)))
    try:
        assert services.frequency.today() == dt.date(2026, 3, 1)  # 22:00 on the 1st
    finally:
        services.close()


def test_tz_with_a_leading_colon_or_a_file_path_names_the_zone(monkeypatch):
    monkeypatch.setenv("TZ", ":Europe/Lisbon")
    assert Clock().zone == "Europe/Lisbon"
    zone_file = Path("/usr/share/zoneinfo/Europe/Paris")
    if zone_file.is_file():
        monkeypatch.setattr(tzlocal.unix, "_cache_tz_name", None)
        monkeypatch.setenv("TZ", str(zone_file))
        assert Clock().zone == "Europe/Paris"


def test_a_tz_that_names_no_zone_gives_way_to_the_platform(monkeypatch):
    monkeypatch.setenv("TZ", "Nowhere/Special")
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Australia/Sydney")
    assert Clock().zone == "Australia/Sydney"


def test_an_explicit_zone_is_kept(monkeypatch):
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Asia/Tokyo")
    assert Clock("Europe/Berlin").zone == "Europe/Berlin"


def test_the_zone_database_is_available_for_every_name_the_lookup_returns():
    # What Windows needs tzdata for: each IANA name tzlocal maps a Windows zone to loads.
    from tzlocal.windows_tz import win_tz

    for name in set(win_tz.values()):
        assert clock_module._is_zone(name), name
