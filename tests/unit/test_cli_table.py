"""The command line's verbs are one table: the parser is built from it, dispatch goes
through it, the verbs never import the program, and check/restore reach the journal only
through storage and services (no SQLite of their own, no connection left open)."""

from __future__ import annotations

import argparse
import ast
import signal
from pathlib import Path

import grimp
import pytest

from sciatica_journal import cli, cli_commands
from sciatica_journal.cli_commands import BY_NAME, VERBS, FolderVerb, JournalVerb
from sciatica_journal.paths import DATABASE_FILE_NAME

CLI_MODULES = [Path(cli.__file__).with_name(n) for n in ("cli.py", "cli_commands.py")]


@pytest.fixture(autouse=True)
def _keep_signal_handlers():
    """``cli.main`` installs handlers for SIGTERM and SIGINT; put pytest's back."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    yield
    for signum, handler in saved.items():
        signal.signal(signum, handler)


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def test_the_parser_has_every_verb_of_the_table_in_its_order():
    names = [verb.name for verb in VERBS]
    assert names == [
        "report",
        "summary",
        "export",
        "import",
        "backup",
        "audio-guide",
        "restore",
        "check",
    ]
    subs = _subparsers(cli.build_parser())
    assert list(subs) == names
    for verb in VERBS:
        assert subs[verb.name].description == verb.help
        assert BY_NAME[verb.name] is verb


def test_what_each_verb_needs():
    writing = {v.name for v in VERBS if v.writes}
    on_folder = {v.name for v in VERBS if isinstance(v, FolderVerb)}
    assert writing == {"import", "restore"}
    assert on_folder == {"check", "restore"}
    assert all(isinstance(v, JournalVerb) for v in VERBS if v.name not in on_folder)


def test_dispatch_goes_through_the_table(data_dir, monkeypatch, capsys):
    called = []

    def fake(services, args):
        called.append((services.data_dir, args.json))
        return 7

    monkeypatch.setitem(cli_commands.BY_NAME, "summary", JournalVerb("summary", "x", fake))
    monkeypatch.setattr(cli, "BY_NAME", cli_commands.BY_NAME)
    assert cli.main(["summary", "--json", "--data-dir", str(data_dir)]) == 7
    assert called == [(data_dir, True)]


def test_the_verbs_never_import_the_program():
    graph = grimp.build_graph("sciatica_journal")
    for source in (
        "sciatica_journal.cli_commands",
        "sciatica_journal.cli_audio",
        "sciatica_journal.cli_errors",
    ):
        chain = graph.find_shortest_chain(importer=source, imported="sciatica_journal.cli")
        assert chain is None, chain
    assert graph.find_shortest_chain(
        importer="sciatica_journal.cli", imported="sciatica_journal.cli_commands"
    )


def test_the_command_line_has_no_sqlite_of_its_own():
    for path in CLI_MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                assert all(a.name != "sqlite3" for a in node.names), path.name
            elif isinstance(node, ast.ImportFrom):
                assert node.module != "sqlite3", path.name


def _open_journal_files(folder: Path) -> list[str]:
    """What this process has open inside the journal's folder (Linux)."""
    found = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = fd.readlink()
        except OSError:
            continue
        if str(target).startswith(str(folder)):
            found.append(target.name)
    return found


@pytest.fixture
def journal_with_backup(services):
    services.entries.add_note("kept in the backup")
    backup = services.backups.make("manual")
    folder = services.data_dir
    services.close()
    return folder, backup


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="lists open files in /proc")
def test_check_and_restore_leave_no_connection_open(journal_with_backup, capsys):
    folder, backup = journal_with_backup
    assert _open_journal_files(folder) == []
    assert cli.main(["check", "--data-dir", str(folder)]) == 0
    assert capsys.readouterr().out.strip().endswith(": ok")
    assert _open_journal_files(folder) == []
    assert cli.main(["restore", str(backup), "--data-dir", str(folder)]) == 0
    assert f"restored {folder / DATABASE_FILE_NAME} from {backup}" in capsys.readouterr().out
    assert _open_journal_files(folder) == []


def test_restore_goes_through_the_backup_service(journal_with_backup, monkeypatch, capsys):
    from sciatica_journal.services.backup_service import BackupService

    folder, backup = journal_with_backup
    seen = []
    real = BackupService.restore

    def spy(self, source):
        seen.append((self.journal, source))
        return real(self, source)

    monkeypatch.setattr(BackupService, "restore", spy)
    assert cli.main(["restore", str(backup), "--data-dir", str(folder)]) == 0
    assert seen == [(folder / DATABASE_FILE_NAME, backup)]


def test_an_unforeseen_sqlite_error_in_restore_is_still_one_line(
    journal_with_backup, monkeypatch, capsys
):
    import sqlite3

    from sciatica_journal.services import backup_service

    folder, backup = journal_with_backup

    def broken(*args, **kwargs):
        raise sqlite3.InterfaceError("bad parameter or other API misuse")

    monkeypatch.setattr(backup_service, "restore_journal", broken)
    assert cli.main(["restore", str(backup), "--data-dir", str(folder)]) == cli.EXIT_JOURNAL
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"sciatica-journal: cannot restore {backup}: bad parameter or other API misuse"]
