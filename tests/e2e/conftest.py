"""Running the real ``sciatica-journal`` program as a subprocess."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from sciatica_journal.paths import prepare_data_dir
from sciatica_journal.services.container import build_services
from tests.builders import new_session

PROGRAM = str(Path(sys.executable).with_name("sciatica-journal"))
READY = "sciatica-journal: ready"


def app_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("SCIATICA_JOURNAL_EXIT_AFTER_PAINT", None)
    env.update(extra)
    return env


def start(*args: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [PROGRAM, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=app_env(**env),
    )


def wait_for(proc: subprocess.Popen[str], marker: str, timeout: float = 30.0) -> list[str]:
    """Read stderr (in a thread) until a line contains ``marker``; returns the lines read."""
    assert proc.stderr is not None
    lines: queue.Queue[str | None] = queue.Queue()
    every_line: list[str] = []
    proc.stderr_lines = every_line  # type: ignore[attr-defined]  # keeps growing after return

    def pump() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            every_line.append(line.rstrip("\n"))
            lines.put(line.rstrip("\n"))
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        if line is None:
            break
        seen.append(line)
        if marker in line:
            return seen
    proc.kill()
    raise AssertionError(f"the app did not reach {marker!r}: {seen}")


def wait_ready(proc: subprocess.Popen[str], timeout: float = 30.0) -> list[str]:
    return wait_for(proc, READY, timeout)


def run(*args: str, timeout: float = 60, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PROGRAM, *args], capture_output=True, text=True, env=app_env(**env), timeout=timeout
    )


@pytest.fixture
def journal_dir(tmp_path: Path, clock) -> Path:
    """A data folder with a set-up journal and two sessions, closed again."""
    import datetime as dt

    folder = prepare_data_dir(tmp_path / "journal")
    services = build_services(folder, clock)
    services.profiles.accept_disclaimer()
    services.profiles.save(services.profiles.default_profile())
    for hours in (3, 1):
        services.sessions.record(new_session(clock.now() - dt.timedelta(hours=hours)))
    services.close()
    return folder
