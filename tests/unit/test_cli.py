"""Command-line errors that happen before any window: one line, non-zero, nothing created."""

from __future__ import annotations

from pathlib import Path

import pytest

from sciatica_journal import cli
from sciatica_journal.services import program_loader


def test_a_broken_program_file_is_named(tmp_path: Path, monkeypatch, capsys):
    broken = tmp_path / "program.toml"
    text = program_loader.resource_path("program.toml").read_text(encoding="utf-8")
    broken.write_text(text.replace("worse_pain_increase = 2", "worse_pain_increase = 'two'"))
    monkeypatch.setattr(
        program_loader,
        "resource_path",
        lambda *parts: (
            broken
            if parts == ("program.toml",)
            else Path(cli.__file__).parents[1] / "resources" / Path(*parts)
        ),
    )
    status = cli.main(["--data-dir", str(tmp_path / "journal")])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == cli.EXIT_JOURNAL
    assert err == [
        "sciatica-journal: the app's own data is broken: program.toml: "
        "'thresholds.worse_pain_increase' must be a whole number, not 'two'"
    ]
    assert not (tmp_path / "journal" / "journal.sqlite3").exists()


def test_help_does_not_need_qt_or_a_journal(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--help"])
    assert exit_.value.code == 0
    assert "--data-dir DIR" in capsys.readouterr().out
