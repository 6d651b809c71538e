"""A refusal of the storage layer reaches the command line in German on a German system:
a journal file that is not a journal, and one that is empty while backups exist."""

from __future__ import annotations

from pathlib import Path

from sciatica_journal.paths import DATABASE_FILE_NAME
from tests.e2e.test_cli_german import german


def test_a_foreign_journal_file_is_refused_in_one_german_line(tmp_path: Path):
    folder = tmp_path / "journal"
    folder.mkdir(mode=0o700)
    journal = folder / DATABASE_FILE_NAME
    journal.write_bytes(b"a file of another program " * 8)
    for verb in (("check",), ("summary", "--json")):
        result = german(*verb, "--data-dir", str(folder))
        assert result.returncode == 3, (verb, result.stderr)
        assert result.stderr == (
            f"sciatica-journal: {journal} ist keine Datenbank von Sciatica Journal (es ist "
            "keine SQLite-Datei: beschädigt oder die Datei eines anderen Programms); die Datei "
            "wurde nicht verändert; es gibt keine geprüfte Sicherung\n"
        ), verb
    assert journal.read_bytes() == b"a file of another program " * 8


def test_an_emptied_journal_is_refused_in_german(journal_dir: Path):
    journal = journal_dir / DATABASE_FILE_NAME
    backup = german("backup", "--data-dir", str(journal_dir))
    assert backup.returncode == 0, backup.stderr
    assert backup.stdout.startswith("gesichert nach ")
    journal.write_bytes(b"")
    result = german("summary", "--json", "--data-dir", str(journal_dir))
    assert result.returncode == 3
    assert "ist leer (0 Byte): der Inhalt des Tagebuchs ist verloren gegangen" in result.stderr
    assert "die neueste geprüfte Sicherung ist" in result.stderr
    assert "the journal" not in result.stderr
