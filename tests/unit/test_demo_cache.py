"""The --demo journal comes from a private cache only when it is what a fresh generation
would make now; anything else is made again, and the user's own journal is never touched."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import stat
from pathlib import Path

import pytest

from sciatica_journal import cli
from sciatica_journal.paths import DATABASE_FILE_NAME, prepare_data_dir
from sciatica_journal.services import demo_cache
from sciatica_journal.services.clock import FixedClock
from sciatica_journal.services.container import build_services
from sciatica_journal.services.demo_cache import demo_key, prepare_demo
from sciatica_journal.services.demo_journal import demo_extent, generate_demo
from sciatica_journal.storage.codecs import utc_text
from tests.conftest import NOW, ZONE

ROWS = (
    "SELECT started_at, ended_at, rung, outcome, back_pain_before, leg_pain_before, "
    "back_pain_after, leg_pain_after FROM exercise_session ORDER BY started_at"
)


def _rows(folder: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(folder / DATABASE_FILE_NAME)
    try:
        return conn.execute(ROWS).fetchall()
    finally:
        conn.close()


def _folder(tmp_path: Path, name: str) -> Path:
    return prepare_data_dir(tmp_path / name)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "sciatica-journal" / "demo"


def test_made_once_then_copied_and_the_same_as_a_fresh_demo(tmp_path, cache, clock):
    first, second = _folder(tmp_path, "first"), _folder(tmp_path, "second")
    assert prepare_demo(first, clock, cache) == "generated"
    assert prepare_demo(second, clock, cache) == "cached"
    fresh = _folder(tmp_path, "fresh")
    services = build_services(fresh, clock)
    generate_demo(services)
    services.close()
    assert _rows(second) == _rows(first) == _rows(fresh)
    assert len(_rows(second)) > 250
    reopened = build_services(second, clock)  # the copy is a journal the app opens as it is
    try:
        assert not reopened.profiles.needs_disclaimer()
        assert not reopened.journal.migrated
    finally:
        reopened.close()


def test_the_cache_is_private(tmp_path, cache, clock):
    cache.parent.mkdir(parents=True, mode=0o755)
    cache.parent.chmod(0o755)  # e.g. made by hand, open to others
    prepare_demo(_folder(tmp_path, "demo"), clock, cache)
    assert _mode(cache.parent) == 0o700 and _mode(cache) == 0o700
    files = list(cache.iterdir())
    assert len(files) == 1 and _mode(files[0]) == 0o600
    assert _mode(_folder(tmp_path, "demo") / DATABASE_FILE_NAME) == 0o600


def test_a_demo_of_yesterday_is_not_used_and_is_removed(tmp_path, cache):
    yesterday = FixedClock(NOW - dt.timedelta(days=1), ZONE)
    today = FixedClock(NOW, ZONE)
    assert prepare_demo(_folder(tmp_path, "old"), yesterday, cache) == "generated"
    assert demo_key(yesterday) != demo_key(today)
    demo = _folder(tmp_path, "demo")
    assert prepare_demo(demo, today, cache) == "generated"
    assert len(list(cache.glob("demo-*"))) == 1  # yesterday's is gone
    last_start = utc_text(max(row[0] for row in _rows(demo)))  # whole seconds (0005)
    assert last_start.startswith(NOW.date().isoformat())


def test_a_demo_of_another_version_is_not_used(tmp_path, cache, clock, monkeypatch):
    prepare_demo(_folder(tmp_path, "old"), clock, cache)
    monkeypatch.setattr(demo_cache, "__version__", "99.0.0")
    assert prepare_demo(_folder(tmp_path, "demo"), clock, cache) == "generated"


def test_a_session_later_today_makes_a_new_demo(tmp_path, cache):
    """Made at 15:00, the demo of 22:00 holds the sessions of the evening too."""
    afternoon = FixedClock(NOW, ZONE)
    night = FixedClock(NOW + dt.timedelta(hours=7), ZONE)
    _, before, _ = demo_extent(afternoon.now(), ZONE)
    _, after, evening = demo_extent(night.now(), ZONE)
    assert after > before and evening
    assert demo_key(afternoon) == demo_key(FixedClock(NOW + dt.timedelta(seconds=1), ZONE))
    prepare_demo(_folder(tmp_path, "afternoon"), afternoon, cache)
    demo = _folder(tmp_path, "night")
    assert prepare_demo(demo, night, cache) == "generated"
    assert len(_rows(demo)) == len(_rows(_folder(tmp_path, "afternoon"))) + after - before


def test_a_damaged_cache_file_is_made_again(tmp_path, cache, clock):
    prepare_demo(_folder(tmp_path, "first"), clock, cache)
    (cached,) = cache.glob("demo-*")
    data = bytearray(cached.read_bytes())
    data[len(data) // 2] ^= 0xFF
    cached.write_bytes(bytes(data))
    demo = _folder(tmp_path, "demo")
    assert prepare_demo(demo, clock, cache) == "generated"
    assert _rows(demo) == _rows(_folder(tmp_path, "first"))
    (remade,) = cache.glob("demo-*")
    assert remade.read_bytes() != bytes(data)


def test_an_unusable_cache_still_gives_the_demo(tmp_path, clock):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    demo = _folder(tmp_path, "demo")
    assert prepare_demo(demo, clock, blocked / "demo") == "uncached"
    assert len(_rows(demo)) > 250


def test_the_demo_never_touches_the_users_journal(tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    for _run in range(2):  # generated, then from the cache
        assert cli.main(["--demo", "summary", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["sessions"]["total"] > 250
    assert not (home / "data").exists()
    (cached,) = [p for p in (home / "cache").rglob("*") if p.is_file()]
    assert cached.name.startswith("demo-")  # the cache holds the demo's journal, no other
