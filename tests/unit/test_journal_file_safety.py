"""A file that is not ours is never touched; a migration is preceded by a verified backup."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from sciatica_journal.paths import migrations_dir
from sciatica_journal.services.container import Services
from sciatica_journal.storage import backups
from sciatica_journal.storage.database import JournalFileError, open_journal
from tests.builders import new_session
from tests.conftest import NOW


def _open(path: Path, migrations: Path | None = None):
    return open_journal(path, path.parent / "backups", migrations or migrations_dir())


def _unchanged(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()
    assert not (path.parent / "backups").exists()


def test_garbage_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"these are not the bytes you are looking for" * 100)
    before = path.read_bytes()
    with pytest.raises(JournalFileError, match="not an SQLite file"):
        _open(path)
    _unchanged(path, before)


def test_another_programs_sqlite_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "journal.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('soup')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(JournalFileError, match="another program"):
        _open(path)
    _unchanged(path, before)


def test_a_journal_from_a_newer_version_is_refused_untouched(services: Services):
    path = services.journal.path
    services.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(JournalFileError, match="newer version"):
        _open(path)
    assert path.read_bytes() == before


def test_an_unknown_applied_migration_is_refused(services: Services):
    path = services.journal.path
    services.close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migration (name, applied) VALUES ('0001_zzz_future', '')")
    conn.commit()
    conn.close()
    with pytest.raises(JournalFileError, match="newer version"):
        _open(path)


def test_an_empty_file_becomes_a_new_journal(tmp_path: Path):
    path = tmp_path / "journal.sqlite3"
    path.touch()
    journal = _open(path)
    assert journal.migrated == (
        "0001_initial",
        "0002_planned_dose",
        "0003_chosen_against_advice",
        "0004_measures",
        "0005_compact",
    )
    assert journal.pre_migration_backup is None
    journal.close()


def test_a_backup_is_taken_before_a_migration_runs(set_up_services: Services, tmp_path: Path):
    set_up_services.sessions.record(new_session(NOW - dt.timedelta(hours=1)))
    path = set_up_services.journal.path
    set_up_services.close()
    newer = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), newer)
    (newer / "0005_add_mood.py").write_text(
        "from peewee import IntegerField\n"
        "def up(migrator, db):\n"
        "    migrator.migrate(migrator.add_column('exercise_session', 'mood',"
        " IntegerField(null=True)))\n",
        encoding="utf-8",
    )
    journal = open_journal(path, path.parent / "backups", newer, now=NOW)
    journal.close()
    assert journal.migrated == ("0005_add_mood",)
    backup = journal.pre_migration_backup
    assert backup is not None and backups.is_sound(backup)
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT count(*) FROM exercise_session").fetchone() == (1,)
    columns = [row[1] for row in copy.execute("PRAGMA table_info(exercise_session)")]
    assert "mood" not in columns  # the copy is of the journal before the migration
    assert backups.newest_sound_backup(path.parent / "backups") == backup
    current = sqlite3.connect(path)
    assert current.execute("PRAGMA user_version").fetchone() == (5,)


def test_a_folder_name_with_hash_and_question_mark_is_handled(tmp_path: Path):
    folder = tmp_path / "a#b?c"
    folder.mkdir()
    path = folder / "journal.sqlite3"
    journal = _open(path)
    journal.close()
    backup = backups.timestamped_backup(path, folder / "backups", "test", NOW)
    assert backups.is_sound(backup)
    assert sqlite3.connect(backup).execute("SELECT count(*) FROM profile").fetchone() == (0,)
    assert not (tmp_path / "a").exists()  # nothing opened by a truncated name
    again = _open(path)
    again.close()


def test_two_backups_in_the_same_second_do_not_overwrite(services: Services, tmp_path: Path):
    path = services.journal.path
    first = backups.timestamped_backup(path, tmp_path / "b", "scheduled", NOW)
    second = backups.timestamped_backup(path, tmp_path / "b", "scheduled", NOW)
    assert first != second and first.exists() and second.exists()
    assert not list((tmp_path / "b").glob("*.partial"))


def _open_files_named(path: Path) -> list[str]:
    """This process's open file descriptors on the journal or its -wal/-shm files."""
    fds = Path("/proc/self/fd")
    found = []
    for fd in fds.iterdir():
        try:
            target = str(fd.readlink())
        except OSError:
            continue
        if target.startswith(str(path.resolve())):
            found.append(target)
    return found


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to list open files")
def test_checks_and_a_restore_leave_no_connection_open(set_up_services: Services, tmp_path):
    from sciatica_journal.storage.database import check_file, damage, integrity, read_header
    from sciatica_journal.storage.restore import restore_journal

    set_up_services.sessions.record(new_session(NOW - dt.timedelta(hours=1)))
    path = set_up_services.journal.path
    backup = backups.timestamped_backup(path, tmp_path / "backups", "manual", NOW)
    set_up_services.close()
    assert _open_files_named(path) == []
    read_header(path)
    check_file(path, migrations_dir(), writable=False)
    assert damage(path) is None and integrity(path) is None
    assert backups.is_sound(path) and backups.entry_counts(path)["exercise_session"] == 1
    restore_journal(path, backup, tmp_path / "backups", NOW)
    assert _open_files_named(path) == []
    assert _open_files_named(backup) == []
