"""The storage layer's refusals reach the user in the app's language: a full disk, a
damaged, foreign or newer journal, a restore that cannot be done, a backup not made, and
the file system's usual refusals (which the system would say in its own language)."""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from sciatica_journal.services import languages
from sciatica_journal.storage import backups
from sciatica_journal.storage.database import JournalFileError, read_header
from sciatica_journal.storage.restore import RestoreError, restore_journal
from sciatica_journal.storage.write_failures import (
    DISK_FULL,
    failure_kind,
    os_problem,
    plain_failure,
)


@pytest.fixture
def german() -> Iterator[None]:
    languages.use_language("de")
    yield
    languages.use_language("en")


def test_a_full_disk_is_said_in_german_and_still_told_apart(german):
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert plain_failure(full) == "das Laufwerk ist voll"
    assert failure_kind(full) == DISK_FULL == "the disk is full"  # compared in English
    engine = sqlite3.OperationalError("database or disk is full")
    assert plain_failure(engine) == "das Laufwerk ist voll"


def test_the_file_systems_refusals_are_german_but_the_apps_own_messages_stay(german):
    assert os_problem(OSError(errno.EACCES, os.strerror(errno.EACCES))) == "keine Berechtigung"
    assert os_problem(OSError(errno.ENOENT, os.strerror(errno.ENOENT))) == (
        "Datei oder Ordner nicht gefunden"
    )
    own = OSError(errno.EIO, "das Kopieren ist fehlgeschlagen: es wurde keine Sicherung erstellt")
    assert os_problem(own) == own.strerror


def test_a_foreign_or_empty_journal_is_refused_in_german(german, tmp_path: Path):
    foreign = tmp_path / "journal.sqlite3"
    foreign.write_bytes(b"not a database at all" * 10)
    with pytest.raises(JournalFileError) as refused:
        read_header(foreign)
    assert str(refused.value) == (
        f"{foreign} ist keine Datenbank von Sciatica Journal (es ist keine SQLite-Datei: "
        "beschädigt oder die Datei eines anderen Programms); die Datei wurde nicht verändert"
    )
    assert refused.value.damaged
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "journal-20261201T080000Z-daily.sqlite3").write_bytes(b"")
    foreign.write_bytes(b"")
    with pytest.raises(JournalFileError, match=r"ist leer \(0 Byte\): der Inhalt des Tagebuchs"):
        read_header(foreign, folder)


def test_a_restore_that_cannot_be_done_says_why_in_german(german, tmp_path: Path):
    missing = tmp_path / "gone.sqlite3"
    now = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)
    with pytest.raises(RestoreError) as refused:
        restore_journal(tmp_path / "journal.sqlite3", missing, tmp_path / "backups", now)
    assert str(refused.value) == f"Wiederherstellen nicht möglich: {missing} existiert nicht"


def test_a_backup_not_made_says_so_in_german(german, tmp_path: Path):
    gone = tmp_path / "journal.sqlite3"  # SQLite cannot open it: the copy fails
    with pytest.raises(OSError) as failed:
        backups.backup_file(gone, tmp_path / "backups" / "copy.sqlite3")
    assert failed.value.errno == errno.EIO
    assert str(failed.value.strerror).startswith("das Kopieren ist fehlgeschlagen (")
    assert str(failed.value.strerror).endswith("): es wurde keine Sicherung erstellt")
    assert not (tmp_path / "backups" / "copy.sqlite3").exists()
