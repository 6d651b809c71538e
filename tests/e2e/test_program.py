"""The real program: starts, closes cleanly on SIGTERM/SIGINT, and refuses bad input in one line."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import time
from pathlib import Path

import pytest

from sciatica_journal import __version__
from tests.e2e.conftest import PROGRAM, app_env, run, start, wait_for, wait_ready


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_closes_the_app_like_the_close_button(journal_dir: Path, signum):
    proc = start("--data-dir", str(journal_dir), SCIATICA_JOURNAL_LOG="info")
    wait_ready(proc)
    proc.send_signal(signum)
    proc.wait(timeout=20)
    assert proc.returncode == 0
    time.sleep(0.2)  # let the reader thread collect the last lines
    assert any("journal closed" in line for line in proc.stderr_lines)
    database = journal_dir / "journal.sqlite3"
    assert _integrity(database) == "ok"
    wal = database.with_name("journal.sqlite3-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # checkpointed on the way out
    conn = sqlite3.connect(database)
    assert conn.execute("SELECT count(*) FROM exercise_session").fetchone() == (2,)
    conn.close()


def test_the_demo_opens_and_closes(tmp_path: Path):
    proc = start("--demo")
    wait_ready(proc)
    proc.terminate()
    assert proc.wait(timeout=20) == 0


def test_files_are_private_whatever_the_umask(tmp_path: Path):
    folder = tmp_path / "fresh"
    proc = subprocess.Popen(
        [PROGRAM, "--data-dir", str(folder)],
        stderr=subprocess.PIPE,
        text=True,
        env=app_env(SCIATICA_JOURNAL_LOG="info"),
        preexec_fn=lambda: os.umask(0o022),
    )
    wait_for(proc, "showing the disclaimer")  # a fresh journal waits at the disclaimer
    proc.terminate()
    assert proc.wait(timeout=20) == 0
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files), files


def test_version_and_module_entry_point():
    assert run("--version").stdout.strip() == f"sciatica-journal {__version__}"
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "sciatica_journal", "--version"], capture_output=True, text=True
    )
    assert result.stdout.strip() == f"sciatica-journal {__version__}"
    help_text = run("--help").stdout
    for option in ("--data-dir", "--demo", "--version"):
        assert option in help_text


def _one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("sciatica-journal: ")
    for word in words:
        assert word in lines[0]


def test_unknown_option(tmp_path: Path):
    _one_line_error(run("--bogus"), "unrecognized arguments: --bogus")


def test_data_dir_that_is_a_file(tmp_path: Path):
    file = tmp_path / "notes.txt"
    file.write_text("hello")
    _one_line_error(run("--data-dir", str(file)), "is a file")
    assert file.read_text() == "hello"


def test_data_dir_that_cannot_be_created(tmp_path: Path):
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    _one_line_error(run("--data-dir", str(blocker / "inside")), "cannot create")


def test_demo_and_data_dir_together(tmp_path: Path):
    _one_line_error(run("--demo", "--data-dir", str(tmp_path)), "cannot be used together")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"garbage" * 100, ("not a Sciatica Journal database",)),
        ("sqlite-other", ("another program",)),
        ("newer", ("newer version",)),
    ],
)
def test_a_journal_file_that_is_not_ours_is_refused_untouched(tmp_path: Path, content, words):
    folder = tmp_path / "journal"
    folder.mkdir()
    database = folder / "journal.sqlite3"
    if content == "sqlite-other":
        conn = sqlite3.connect(database)
        conn.execute("CREATE TABLE photos (id INTEGER)")
        conn.commit()
        conn.close()
    elif content == "newer":
        conn = sqlite3.connect(database)
        conn.execute("PRAGMA application_id = 1396918862")  # ours
        conn.execute("PRAGMA user_version = 42")
        conn.execute("CREATE TABLE something_new (id INTEGER)")
        conn.commit()
        conn.close()
    else:
        database.write_bytes(content)
    before = database.read_bytes()
    result = run("--data-dir", str(folder))
    _one_line_error(result, *words)
    assert database.read_bytes() == before
    # Nothing but the journal (and the window's lock on its folder, a file of its own).
    assert sorted(p.name for p in folder.iterdir() if p.name != ".lock") == ["journal.sqlite3"]


def test_a_damaged_journal_points_to_the_newest_verified_backup(journal_dir: Path):
    from sciatica_journal.storage.backups import timestamped_backup
    from tests.conftest import NOW

    database = journal_dir / "journal.sqlite3"
    backup = timestamped_backup(database, journal_dir / "backups", "scheduled", NOW)
    database.write_bytes(b"\x00" * 4096)  # the disk ate it
    result = run("--data-dir", str(journal_dir))
    _one_line_error(
        result, "not a Sciatica Journal database", f"newest verified backup is {backup}"
    )
    assert database.read_bytes() == b"\x00" * 4096
