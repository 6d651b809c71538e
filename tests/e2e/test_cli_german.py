"""The command line speaks the system's language (or the one the journal's Settings name):
the real program with a German system prints German help, messages and errors, while the
summary's JSON keys and values stay as they are."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from sciatica_journal.domain.preferences import Preferences
from sciatica_journal.services.container import build_services
from tests.e2e.conftest import PROGRAM


def german(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """The program on a German desktop: LANG says German, LANGUAGE is not set."""
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(QT_QPA_PLATFORM="offscreen", LANG="de_DE.UTF-8", **extra)
    return subprocess.run(
        [PROGRAM, *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_help_is_german():
    result = german("--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Aufruf: sciatica-journal")
    for words in ("Optionen:", "diese Hilfe anzeigen und beenden", "den PDF-Bericht für Ihren"):
        assert words in result.stdout, result.stdout
    assert "show this help" not in result.stdout and "options:" not in result.stdout
    sub = german("report", "--help", LANGUAGE="de")  # LANGUAGE may say it too
    assert "Ihre Notizen aufnehmen" in sub.stdout, sub.stdout
    # argparse's own errors too, still one line.
    missing = german("report")
    assert missing.returncode == 2
    assert missing.stderr == "sciatica-journal: folgende Argumente fehlen: --out\n"


def test_an_import_error_is_one_german_line(journal_dir: Path, tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    result = german("import", str(bad), "--data-dir", str(journal_dir))
    assert result.returncode == 2
    assert result.stderr == (
        f"sciatica-journal: {bad} kann nicht importiert werden: keine Sciatica-Journal-Datei: "
        "'format' ist 'something else', nicht 'sciatica-journal'\n"
    )


def test_summary_errors_are_german_and_its_json_keys_stay(journal_dir: Path):
    result = german("summary", "--json", "--data-dir", str(journal_dir), "--from", "2099-01-01")
    assert result.returncode == 2
    assert "sciatica-journal: der Zeitraum beginnt (2099-01-01) nach heute" in result.stderr
    result = german("summary", "--json", "--data-dir", str(journal_dir))
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert {"period", "sessions", "pain", "distal_extent", "red_flags"} <= summary.keys()
    assert summary["distal_extent"]["right"]["trend"] in ("centralizing", "stable")
    check = german("check", "--data-dir", str(journal_dir))
    assert check.stdout.endswith(": in Ordnung\n"), check.stdout


def test_a_journal_set_to_english_speaks_english_on_a_german_system(journal_dir: Path, clock):
    services = build_services(journal_dir, clock)
    services.preferences.save(Preferences(language="en"))
    services.close()
    result = german("summary", "--json", "--data-dir", str(journal_dir), "--from", "2099-01-01")
    assert "sciatica-journal: the period starts (2099-01-01) after today" in result.stderr
