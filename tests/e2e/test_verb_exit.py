"""A verb's process leaves as soon as its work is out (``cli.run``): everything it wrote
is there, in a pipe or in a file (where the output is held back until flushed), its exit
status is the verb's, and the journal was closed as always (checkpointed, no log left)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.e2e.conftest import PROGRAM, app_env, run


def test_what_a_verb_prints_is_all_there_in_a_file_and_in_a_pipe(journal_dir: Path, tmp_path):
    piped = run("--data-dir", str(journal_dir), "summary", "--json")
    assert piped.returncode == 0, piped.stderr
    saved = tmp_path / "summary.json"
    with saved.open("w", encoding="utf-8") as out:  # a file: the output is buffered
        status = subprocess.run(
            [PROGRAM, "--data-dir", str(journal_dir), "summary", "--json"],
            stdout=out,
            env=app_env(),
            timeout=60,
            check=False,
        ).returncode
    assert status == 0
    assert saved.read_text(encoding="utf-8") == piped.stdout
    assert json.loads(piped.stdout)["sessions"]["total"] == 2
    assert not (journal_dir / "journal.sqlite3-wal").exists()  # closed: checkpointed


def test_a_failing_verb_leaves_with_its_status_and_its_message(journal_dir: Path):
    result = run("--data-dir", str(journal_dir), "summary", "--json", "--from", "2999-01-01")
    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.startswith("sciatica-journal: ")
    assert result.stderr.endswith("\n")


def test_an_export_is_complete_when_the_process_has_left(journal_dir: Path, tmp_path):
    out = tmp_path / "journal.json"
    result = run("--data-dir", str(journal_dir), "export", "--format", "json", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["sessions"]) == 2
