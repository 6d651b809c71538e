"""Shared fixtures. Qt runs offscreen in every test."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests speak English whatever the machine's language (the app follows the system);
# the tests of other languages set it themselves. Programs the tests start inherit it.
os.environ["LANGUAGE"] = "en"
os.umask(0o077)
# Never the user's own desktop: no autostart entry in their ~/.config, no notification on
# their screen (programs the tests start inherit both).
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="sciatica-journal-tests-config-")
# Nor their cache (the --demo journal is kept there): each test run has its own.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="sciatica-journal-tests-cache-")
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent/sciatica-journal-tests"

from sciatica_journal.paths import prepare_data_dir  # noqa: E402
from sciatica_journal.services.clock import FixedClock  # noqa: E402
from sciatica_journal.services.container import Services, build_services  # noqa: E402

# A fixed "now": Tuesday 24 November 2026, 15:00 in Berlin (14:00 UTC).
NOW = dt.datetime(2026, 11, 24, 14, 0, tzinfo=dt.UTC)
ZONE = "Europe/Berlin"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW, ZONE)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return prepare_data_dir(tmp_path / "journal")


@pytest.fixture
def services(data_dir: Path, clock: FixedClock) -> Iterator[Services]:
    built = build_services(data_dir, clock)
    yield built
    built.close()


@pytest.fixture
def bound_models(services: Services) -> Iterator[None]:
    """The peewee models query the test's journal for the whole test (for tests that look
    at the rows themselves); used with no journal bound, a model fails (NoJournalError)."""
    with services.journal.bound():
        yield


@pytest.fixture
def set_up_services(services: Services) -> Services:
    """A journal whose first-run disclaimer and profile are done."""
    services.profiles.accept_disclaimer()
    services.profiles.save(services.profiles.default_profile())
    return services
