"""The command line without a window: summary, report, backup, check, restore, bad input."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.e2e.conftest import PROGRAM, run


def one_line(result, *words):
    assert result.returncode != 0, result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("sciatica-journal: ")
    for word in words:
        assert word in lines[0], lines[0]


def test_summary_json_on_the_demo_journal_is_sensible():
    result = run("--demo", "summary", "--json")
    assert result.returncode == 0, result.stderr
    s = json.loads(result.stdout)
    assert s["period"]["days"] == 56
    assert 250 < s["sessions"]["total"] < 450
    assert 4 <= s["sessions"]["mean_per_day"] <= 7
    assert 0 <= s["sessions"]["adherence_pct"] <= 100
    for side in ("back", "leg"):
        pain = s["pain"][side]
        assert pain["last_week_mean"] < pain["first_week_mean"]
        assert pain["clinically_important"] is True
    assert s["distal_extent"]["right"]["trend"] == "centralizing"
    assert s["distal_extent"]["right"]["first"] >= 6
    assert s["radiation_class"]["first"] == 3
    assert s["current_rung"] == "full-press-up" and s["best_range"] == "full"
    assert sum(s["outcomes"].values()) == s["sessions"]["total"]
    assert s["red_flags"] == []
    # A weekly check every week from the first day: every measure improves past its
    # published important change, and the PGIC is asked from the second week.
    measures = {m["code"]: m for m in s["measures"]}
    assert measures["sbi"]["responses"] == 8 and measures["sbi"]["baseline"] == 16
    assert measures["pgic"]["responses"] == 7
    assert all(m["reaches_important_change"] for m in measures.values())
    assert [a["name"] for a in measures["psfs"]["activities"]] == [
        "Sitting through a meal",
        "Putting on socks",
        "Walking to the shops",
    ]


def test_report_works_headless(tmp_path: Path):
    target = tmp_path / "report.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # no display at all: the report must not need one
    result = subprocess.run(
        [PROGRAM, "--demo", "report", "--out", str(target), "--page-size", "Letter"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF")
    assert "pages" in result.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["summary", "--json", "--from", "2026-02-30"], ["bad date '2026-02-30'"]),
        (
            ["summary", "--json", "--from", "2026-11-10", "--to", "2026-11-01"],
            ["--from 2026-11-10 is after --to 2026-11-01"],
        ),
        (["summary"], ["--json"]),
        (["report", "--out", "/nonexistent/folder/r.pdf"], ["does not exist"]),
        (["report", "--out", "report.txt"], ["must be a .pdf"]),
        (["report", "--out", "/proc/report.pdf"], ["cannot write"]),
        (["export", "--format", "json", "--out", "/proc/journal.json"], ["cannot write"]),
        (["export", "--format", "csv", "--out", "/proc/tables"], ["cannot"]),
        (["import", "/nonexistent/journal.json"], ["cannot import"]),
        (["frobnicate"], ["invalid choice: 'frobnicate'"]),
        (["summary", "--json", "--bogus"], ["unrecognized arguments: --bogus"]),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(tmp_path: Path, journal_dir: Path, args, words):
    database = journal_dir / "journal.sqlite3"
    before = database.read_bytes()
    one_line(run("--data-dir", str(journal_dir), *args), *words)
    assert database.read_bytes() == before


def test_report_into_an_unwritable_folder(tmp_path: Path, journal_dir: Path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    if os.access(locked, os.W_OK):  # root ignores the mode
        pytest.skip("running as a user who can write anywhere")
    one_line(
        run("--data-dir", str(journal_dir), "report", "--out", str(locked / "r.pdf")),
        "not writable",
    )


def test_backup_check_and_restore(tmp_path: Path, journal_dir: Path):
    backup_file = tmp_path / "copy.sqlite3"
    assert run("--data-dir", str(journal_dir), "backup", "--out", str(backup_file)).returncode == 0
    assert run("--data-dir", str(journal_dir), "check").stdout.strip().endswith(": ok")
    database = journal_dir / "journal.sqlite3"
    conn = sqlite3.connect(database)
    conn.execute("DELETE FROM exercise_session")
    conn.commit()
    conn.close()
    result = run("--data-dir", str(journal_dir), "restore", str(backup_file))
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(database)
    assert conn.execute("SELECT count(*) FROM exercise_session").fetchone() == (2,)
    conn.close()
    assert list((journal_dir / "backups").glob("*before-restore*"))
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"x" * 200)
    one_line(run("--data-dir", str(journal_dir), "restore", str(garbage)), "not")


def test_export_import_export_round_trip_through_the_command_line(tmp_path: Path):
    first = tmp_path / "first.json"
    assert run("--demo", "export", "--format", "json", "--out", str(first)).returncode == 0
    empty = tmp_path / "empty"
    result = run("--data-dir", str(empty), "import", str(first))
    assert result.returncode == 0, result.stderr
    assert "sessions" in result.stdout and result.stdout.startswith("added")
    again = run("--data-dir", str(empty), "import", str(first))
    assert "added nothing" in again.stdout
    second = tmp_path / "second.json"
    assert (
        run("--data-dir", str(empty), "export", "--format", "json", "--out", str(second)).returncode
        == 0
    )
    a, b = json.loads(first.read_text()), json.loads(second.read_text())
    a.pop("exported_at"), b.pop("exported_at")
    assert a == b
    csv_folder = tmp_path / "csv"
    assert (
        run(
            "--data-dir", str(empty), "export", "--format", "csv", "--out", str(csv_folder)
        ).returncode
        == 0
    )
    assert (csv_folder / "sessions.csv").read_text(encoding="utf-8-sig").startswith("uuid")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("not json at all", ["is not JSON"]),
        ('{"hello": "world"}', ["not a Sciatica Journal file"]),
    ],
)
def test_a_bad_import_is_refused_and_changes_nothing(tmp_path, journal_dir, content, words):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    database = journal_dir / "journal.sqlite3"
    before = database.read_bytes()
    one_line(run("--data-dir", str(journal_dir), "import", str(bad)), *words)
    assert database.read_bytes() == before
