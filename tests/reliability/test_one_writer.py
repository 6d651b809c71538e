"""One writer at a time: while the window holds the journal, restore and import refuse in
one line and change nothing (restore used to succeed and the window's later saves were
lost); reading verbs still work; a second window leaves the first one in charge; two
imports at once both succeed, one after the other; a killed window frees the journal."""

from __future__ import annotations

import datetime as dt
import json
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from sciatica_journal.paths import BACKUP_DIR_NAME, DATABASE_FILE_NAME, RAISE_FILE_NAME
from sciatica_journal.storage import backups
from tests.e2e.conftest import PROGRAM, app_env, run, start, wait_ready
from tests.reliability.test_bad_data import journal_dir  # noqa: F401  (a fixture)


def _sessions(folder: Path) -> int:
    conn = sqlite3.connect(folder / DATABASE_FILE_NAME)
    try:
        return conn.execute("SELECT count(*) FROM exercise_session").fetchone()[0]
    finally:
        conn.close()


def _export(folder: Path, target: Path) -> Path:
    assert run("export", "--format", "json", "--out", str(target), "--data-dir", str(folder))
    return target


def _refused_while_open(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "open in the Sciatica Journal window" in lines[0], lines
    assert "Traceback" not in result.stderr


def test_writing_verbs_refuse_while_the_window_is_open(journal_dir, tmp_path):  # noqa: F811
    folder = journal_dir
    backup = backups.timestamped_backup(
        folder / DATABASE_FILE_NAME,
        folder / BACKUP_DIR_NAME,
        "manual",
        dt.datetime.now(dt.UTC),
    )
    exported = _export(folder, tmp_path / "journal.json")
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["notes"] = [
        {
            "uuid": "0b7e6a52-7f0c-4b43-9d51-2f3c4a1d9e10",
            "written_at": "2026-11-24T10:00:00Z",
            "zone": "UTC",
            "local_date": "2026-11-24",
            "text": "a new note",
        }
    ]
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps(document), encoding="utf-8")
    window = start("--data-dir", str(folder))
    try:
        wait_ready(window)
        _refused_while_open(run("restore", str(backup), "--data-dir", str(folder)))
        _refused_while_open(run("import", str(extra), "--data-dir", str(folder)))
        for verb in (
            ("summary", "--json"),
            ("check",),
            ("backup",),
            ("export", "--format", "json", "--out", str(tmp_path / "again.json")),
        ):
            result = run(*verb, "--data-dir", str(folder))
            assert result.returncode == 0, (verb, result.stderr)
        assert _sessions(folder) == 2
        # A second window leaves the first in charge and asks it to come forward.
        second = run("--data-dir", str(folder), timeout=60)
        assert second.returncode == 0
        assert "already open" in second.stderr
        deadline = time.monotonic() + 10
        while (folder / RAISE_FILE_NAME).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not (folder / RAISE_FILE_NAME).exists(), "the first window did not answer"
    finally:
        window.terminate()
        assert window.wait(timeout=20) == 0
    # Closed: now both work.
    assert run("import", str(extra), "--data-dir", str(folder)).returncode == 0
    assert run("restore", str(backup), "--data-dir", str(folder)).returncode == 0


def test_a_killed_window_frees_the_journal(journal_dir, tmp_path):  # noqa: F811
    window = start("--data-dir", str(journal_dir))
    wait_ready(window)
    window.send_signal(signal.SIGKILL)
    window.wait(timeout=20)
    exported = _export(journal_dir, tmp_path / "journal.json")
    result = run("import", str(exported), "--data-dir", str(journal_dir))
    assert result.returncode == 0, result.stderr


def test_two_imports_at_once_both_succeed(journal_dir, tmp_path):  # noqa: F811
    exported = json.loads(_export(journal_dir, tmp_path / "j.json").read_text("utf-8"))
    files = []
    for n in range(2):
        document = dict(exported)
        document["notes"] = [
            {
                "uuid": f"0b7e6a52-7f0c-4b43-9d51-2f3c4a1d9e1{n}",
                "written_at": "2026-11-24T10:00:00Z",
                "zone": "UTC",
                "local_date": "2026-11-24",
                "text": f"note {n}",
            }
        ]
        path = tmp_path / f"import-{n}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        files.append(path)
    procs = [
        subprocess.Popen(
            [PROGRAM, "import", str(p), "--data-dir", str(journal_dir)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=app_env(),
        )
        for p in files
    ]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    conn = sqlite3.connect(journal_dir / DATABASE_FILE_NAME)
    assert conn.execute("SELECT count(*) FROM journal_note").fetchone()[0] == 2
    conn.close()
