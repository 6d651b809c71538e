"""kill -9 at any moment loses no committed session and never corrupts the journal."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

WRITER = r"""
import datetime as dt, sys
from pathlib import Path
from sciatica_journal.paths import prepare_data_dir, restrict_new_files
from sciatica_journal.services.container import build_services
from tests.builders import new_session
restrict_new_files()
services = build_services(prepare_data_dir(Path(sys.argv[1])))
services.profiles.accept_disclaimer()
services.profiles.save(services.profiles.default_profile())
start = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)
for i in range(100000):
    saved = services.sessions.record(new_session(start + dt.timedelta(minutes=10 * i)))
    print(saved.uuid, flush=True)
"""

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("seed", range(4))
def test_kill_nine_while_saving(tmp_path: Path, seed: int):
    folder = tmp_path / "journal"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    committed: list[str] = []
    first = proc.stdout.readline().strip()  # wait until it is writing
    assert first
    committed.append(first)
    time.sleep(random.Random(seed).uniform(0.05, 0.8))
    proc.send_signal(signal.SIGKILL)
    rest, _ = proc.communicate(timeout=20)
    committed.extend(line for line in rest.split() if line)
    assert len(committed) > 1

    database = folder / "journal.sqlite3"
    conn = sqlite3.connect(database)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {  # UUIDs are kept as their 16 bytes (migration 0005)
            str(uuid.UUID(bytes=row[0]))
            for row in conn.execute("SELECT uuid FROM exercise_session")
        }
        missing = [u for u in committed if u not in stored]
        assert missing == []
        # Every stored session still has its maps: nothing half-saved.
        orphans = conn.execute(
            "SELECT count(*) FROM exercise_session WHERE map_before_id IS NULL"
            " OR map_after_id IS NULL"
        ).fetchone()[0]
        assert orphans == 0
    finally:
        conn.close()


CRASH_AFTER_SETUP = r"""
import os, sys
from pathlib import Path
from sciatica_journal.paths import prepare_data_dir, restrict_new_files
from sciatica_journal.services.container import build_services
restrict_new_files()
services = build_services(prepare_data_dir(Path(sys.argv[1])))
services.profiles.accept_disclaimer()
os._exit(9)  # no clean close: nothing checkpointed after this point
"""


def test_a_crash_right_after_the_journal_was_created_does_not_lock_the_user_out(tmp_path):
    folder = tmp_path / "journal"
    subprocess.run([sys.executable, "-c", CRASH_AFTER_SETUP, str(folder)], cwd=ROOT, check=False)
    from sciatica_journal.services.container import build_services

    services = build_services(folder)
    try:
        assert not services.profiles.needs_disclaimer()
    finally:
        services.close()


def test_the_journal_reopens_after_kill_nine(tmp_path: Path):
    folder = tmp_path / "journal"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    for _ in range(5):
        proc.stdout.readline()
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=20)
    from sciatica_journal.services.container import build_services

    services = build_services(folder)
    try:
        assert services.sessions.history()
    finally:
        services.close()
