"""A damaged, emptied, truncated or read-only journal is found at open and never written:
the window and every verb refuse it in one line naming the newest verified backup, and
``check`` gives a one-line verdict for every kind of damage (never a traceback).
Leftover partial copies are removed at start; a loose data folder is made private; the
logs carry no health values at any level."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import sqlite3
import stat
import time
from pathlib import Path

import pytest

from sciatica_journal import cli
from sciatica_journal.paths import BACKUP_DIR_NAME, DATABASE_FILE_NAME, prepare_data_dir
from sciatica_journal.services.container import build_services
from sciatica_journal.storage import backups
from sciatica_journal.storage.database import JournalFileError
from tests.builders import new_session, symptom_map
from tests.conftest import NOW
from tests.e2e.conftest import run


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def folder(tmp_path, clock) -> Path:
    """A closed journal with a few hundred sessions (many pages) and a verified backup."""
    folder = prepare_data_dir(tmp_path / "journal")
    services = build_services(folder, clock)
    services.profiles.accept_disclaimer()
    services.profiles.save(services.profiles.default_profile())
    for i in range(300):
        services.sessions.record(
            new_session(NOW - dt.timedelta(hours=3 * i + 1), map_before=symptom_map("calf-left"))
        )
    services.close()
    backups.timestamped_backup(folder / DATABASE_FILE_NAME, folder / BACKUP_DIR_NAME, "daily", NOW)
    return folder


def _verb(capsys, *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def _one_line_refusal(status: int, err: str) -> None:
    assert status != 0
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


def _sqlite_says_damaged(path: Path) -> bool:
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return True


def test_every_damaged_page_is_found_and_never_written(folder, capsys, clock):
    journal = folder / DATABASE_FILE_NAME
    pristine = journal.read_bytes()
    page_size = int.from_bytes(pristine[16:18], "big") or 65536
    pages = len(pristine) // page_size
    assert pages > 20
    newest = backups.newest_sound_backup(folder / BACKUP_DIR_NAME)
    found = 0
    for page in range(1, pages):  # page 0 holds the header (refused as "not SQLite")
        damaged = bytearray(pristine)
        damaged[page * page_size : (page + 1) * page_size] = os.urandom(page_size)
        journal.write_bytes(bytes(damaged))
        before = _digest(journal)
        status, _out, err = _verb(capsys, "check", "--data-dir", str(folder))
        assert "Traceback" not in err
        if status == 0:  # only where SQLite itself finds nothing wrong (a free page)
            assert not _sqlite_says_damaged(journal), page
            continue
        found += 1
        _one_line_refusal(status, err)
        assert str(newest) in err
        status, _, err = _verb(capsys, "summary", "--json", "--data-dir", str(folder))
        _one_line_refusal(status, err)
        if _sqlite_says_damaged(journal):
            with pytest.raises(JournalFileError):
                build_services(folder, clock)
        assert _digest(journal) == before, f"page {page}: the damaged file was written"
    assert found >= pages // 2


def test_the_window_refuses_a_damaged_journal_and_names_the_backup(folder):
    journal = folder / DATABASE_FILE_NAME
    data = bytearray(journal.read_bytes())
    data[4096 * 3 : 4096 * 4] = b"\xff" * 4096
    journal.write_bytes(bytes(data))
    before = _digest(journal)
    result = run("--data-dir", str(folder), timeout=60)
    assert result.returncode == cli.EXIT_JOURNAL
    assert "damaged" in result.stderr and "newest verified backup" in result.stderr
    assert "Traceback" not in result.stderr
    assert _digest(journal) == before


def test_an_emptied_journal_with_backups_is_refused(folder, capsys, clock):
    journal = folder / DATABASE_FILE_NAME
    journal.write_bytes(b"")
    with pytest.raises(JournalFileError, match="empty"):
        build_services(folder, clock)
    status, _, err = _verb(capsys, "check", "--data-dir", str(folder))
    _one_line_refusal(status, err)
    assert "empty" in err and "newest verified backup" in err
    status, _, err = _verb(capsys, "summary", "--json", "--data-dir", str(folder))
    _one_line_refusal(status, err)
    assert journal.stat().st_size == 0


def test_an_empty_file_without_backups_becomes_a_new_journal(tmp_path, clock):
    folder = prepare_data_dir(tmp_path / "fresh")
    (folder / DATABASE_FILE_NAME).write_bytes(b"")  # a first start stopped at once
    services = build_services(folder, clock)
    assert services.profiles.needs_disclaimer()
    services.close()


def test_a_truncated_journal_is_refused(folder, capsys, clock):
    journal = folder / DATABASE_FILE_NAME
    data = journal.read_bytes()
    journal.write_bytes(data[: len(data) // 2])
    before = _digest(journal)
    with pytest.raises(JournalFileError):
        build_services(folder, clock)
    status, _, err = _verb(capsys, "check", "--data-dir", str(folder))
    _one_line_refusal(status, err)
    assert _digest(journal) == before


def test_restore_replaces_a_damaged_journal_and_keeps_it_aside(folder, capsys, clock):
    journal = folder / DATABASE_FILE_NAME
    journal.write_bytes(b"")
    newest = backups.newest_sound_backup(folder / BACKUP_DIR_NAME)
    status, out, _ = _verb(capsys, "restore", str(newest), "--data-dir", str(folder))
    assert status == 0 and "kept as" in out
    services = build_services(folder, clock)
    assert len(services.entries.entries()) >= 300
    services.close()
    assert list(folder.glob("journal.sqlite3.damaged-*"))


def test_a_read_only_journal_is_refused_and_keeps_its_mode(folder, capsys, clock):
    journal = folder / DATABASE_FILE_NAME
    journal.chmod(0o400)
    before = _digest(journal)
    with pytest.raises(JournalFileError, match="read-only"):
        build_services(folder, clock)
    status, _, err = _verb(capsys, "import", str(folder / "none.json"), "--data-dir", str(folder))
    _one_line_refusal(status, err)
    status, out, _ = _verb(capsys, "check", "--data-dir", str(folder))
    assert status == 0 and "read-only" in out
    assert stat.S_IMODE(journal.stat().st_mode) == 0o400
    assert _digest(journal) == before


def test_leftover_partial_copies_are_removed_at_start(folder, clock):
    stale = folder / BACKUP_DIR_NAME / "journal-20261101T000000Z-daily.sqlite3.partial"
    stale.write_bytes(b"a half-written copy of the journal")
    restoring = folder / "journal.sqlite3.restoring"
    restoring.write_bytes(b"another")
    fresh = folder / BACKUP_DIR_NAME / "journal-now.sqlite3.partial"
    fresh.write_bytes(b"being written by someone right now")
    old = time.time() - 3600
    for path in (stale, restoring):
        os.utime(path, (old, old))
    build_services(folder, clock).close()
    assert not stale.exists() and not restoring.exists()
    assert fresh.exists()  # too new to be a leftover


def test_a_loose_data_folder_is_made_private_and_the_user_told(tmp_path, capsys):
    folder = tmp_path / "loose"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    status, _, err = _verb(capsys, "summary", "--json", "--data-dir", str(folder))
    assert status == 0
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert "0700" in err and "private" in err
    status, _, err = _verb(capsys, "summary", "--json", "--data-dir", str(folder))
    assert "private" not in err  # said once


def test_no_health_values_or_names_in_the_logs_at_any_level(tmp_path, clock, caplog):
    folder = prepare_data_dir(tmp_path / "logged")
    caplog.set_level(logging.DEBUG)
    logging.getLogger().setLevel(logging.DEBUG)
    cli._configure_logging()
    services = build_services(folder, clock)
    services.profiles.accept_disclaimer()
    profile = services.profiles.default_profile()
    import dataclasses

    services.profiles.save(dataclasses.replace(profile, name="Zebediah Quonk"))
    services.sessions.record(new_session(NOW - dt.timedelta(hours=1), before=(7, 9)))
    services.entries.add_note("my secret note")
    services.summaries.summary(None, None)
    services.close()
    text = "\n".join(r.getMessage() for r in caplog.records)
    for secret in ("Zebediah", "Quonk", "secret note", "calf", "[7, 9", "(7, 9"):
        assert secret not in text, secret
    assert not [r for r in caplog.records if r.name.startswith("peewee")]


def test_the_window_offers_the_newest_backup_and_restores_it(folder, monkeypatch, clock):
    """In the window a damaged journal comes with "Restore the backup": chosen, the
    damaged file is kept aside and the journal opens from the backup."""
    from sciatica_journal.gui import application

    journal = folder / DATABASE_FILE_NAME
    damaged = bytearray(journal.read_bytes())
    damaged[4096 * 3 : 4096 * 4] = b"\xff" * 4096
    journal.write_bytes(bytes(damaged))
    offered = []
    monkeypatch.setattr(cli, "_has_screen", lambda: True)
    monkeypatch.setattr(
        application, "offer_restore", lambda problem, backup: offered.append(backup) or True
    )
    try:
        build_services(folder, clock)
    except JournalFileError as exc:
        assert exc.damaged
        services = cli._offer_restore(str(exc), folder, True)
    assert offered == [backups.newest_sound_backup(folder / BACKUP_DIR_NAME)]
    assert not isinstance(services, bool) and services is not None
    assert len(services.entries.entries()) >= 300
    services.close()
    kept = list(folder.glob("journal.sqlite3.damaged-*[0-9]Z"))  # (its log beside it)
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(damaged)


def test_a_newer_or_foreign_journal_is_never_offered_a_restore(folder, clock):
    conn = sqlite3.connect(folder / DATABASE_FILE_NAME)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(JournalFileError) as caught:
        build_services(folder, clock)
    assert not caught.value.damaged  # a newer version's journal: update the app instead


def test_restore_keeps_a_damaged_journals_log_with_it(folder, capsys):
    """The write-ahead log may hold the latest entries of a journal that crashed: restoring
    over a damaged journal moves the log with it, never deletes it."""
    journal = folder / DATABASE_FILE_NAME
    conn = sqlite3.connect(journal)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute(
        "INSERT INTO journal_note (uuid, written_at, zone, local_date, text) VALUES "
        "('0b7e6a52-7f0c-4b43-9d51-2f3c4a1d9e10', '2026-11-24T10:00:00Z', 'UTC', "
        "'2026-11-24', 'only in the log')"
    )
    conn.commit()
    wal = journal.with_name(journal.name + "-wal")
    log_bytes = wal.read_bytes()
    assert log_bytes
    data = bytearray(journal.read_bytes())
    data[4096 * 3 : 4096 * 4] = b"\xff" * 4096
    journal.write_bytes(bytes(data))
    newest = backups.newest_sound_backup(folder / BACKUP_DIR_NAME)
    status, _out, err = _verb(capsys, "restore", str(newest), "--data-dir", str(folder))
    conn.close()
    assert status == 0, err
    aside = next(folder.glob("journal.sqlite3.damaged-*[0-9]Z"))
    kept_log = aside.with_name(aside.name + "-wal")
    assert kept_log.exists() and kept_log.read_bytes()[:32] == log_bytes[:32]


def test_restore_refuses_while_another_connection_has_the_journal(folder, capsys):
    journal = folder / DATABASE_FILE_NAME
    reader = sqlite3.connect(journal)
    reader.execute("PRAGMA journal_mode=WAL")
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM exercise_session").fetchone()
    newest = backups.newest_sound_backup(folder / BACKUP_DIR_NAME)
    before = _digest(journal)
    try:
        status, _, err = _verb(capsys, "restore", str(newest), "--data-dir", str(folder))
    finally:
        reader.close()
    _one_line_refusal(status, err)
    assert "in use" in err
    assert _digest(journal) == before
