"""The one-time update of a journal an older version wrote (services/journal_upgrade.py):
due only for an older journal of this app, done once with its backup, and never with
broken app data."""

from __future__ import annotations

from pathlib import Path

import pytest

from sciatica_journal.domain.program_errors import ProgramError
from sciatica_journal.paths import DATABASE_FILE_NAME, backup_dir, prepare_data_dir
from sciatica_journal.services import journal_upgrade
from sciatica_journal.services.clock import FixedClock
from sciatica_journal.services.container import build_services
from sciatica_journal.services.journal_upgrade import upgrade, upgrade_due
from tests.builders import new_session
from tests.conftest import NOW, ZONE
from tests.old_journals import write_old_journal


def _older_journal(tmp_path: Path) -> Path:
    """A journal of schema 0004 holding two sessions; returns its folder."""
    source = prepare_data_dir(tmp_path / "source")
    services = build_services(source, FixedClock(NOW, ZONE))
    try:
        services.sessions.record(new_session(NOW.replace(hour=9)))
        services.sessions.record(new_session(NOW.replace(hour=12)))
        document = services.transfer.journal_document()
    finally:
        services.close()
    folder = prepare_data_dir(tmp_path / "older")
    write_old_journal(
        folder / DATABASE_FILE_NAME, document, source / DATABASE_FILE_NAME, tmp_path, 4
    )
    return folder


def test_an_older_journal_is_updated_once_after_a_backup(tmp_path):
    folder = _older_journal(tmp_path)
    assert upgrade_due(folder)
    assert upgrade(folder, NOW) == ("0005_compact",)
    assert not upgrade_due(folder)
    assert any("before-migration" in p.name for p in backup_dir(folder).iterdir())
    services = build_services(folder, FixedClock(NOW, ZONE))
    try:
        assert services.journal.migrated == ()  # nothing left to do when it opens
        assert len(services.entries.entries()) == 2
    finally:
        services.close()


def test_no_update_is_due_for_a_missing_new_or_foreign_journal(tmp_path):
    empty = prepare_data_dir(tmp_path / "empty")
    assert not upgrade_due(empty)
    current = prepare_data_dir(tmp_path / "current")
    build_services(current, FixedClock(NOW, ZONE)).close()
    assert not upgrade_due(current)
    foreign = prepare_data_dir(tmp_path / "foreign")
    (foreign / DATABASE_FILE_NAME).write_bytes(b"not a database at all" * 10)
    assert not upgrade_due(foreign)  # opening it says what is wrong, and leaves it


def test_broken_app_data_never_touches_an_older_journal(tmp_path, monkeypatch):
    folder = _older_journal(tmp_path)
    before = (folder / DATABASE_FILE_NAME).read_bytes()

    def broken() -> None:
        raise ProgramError("program.toml: broken")

    monkeypatch.setattr(journal_upgrade, "load_program", broken)
    with pytest.raises(ProgramError):
        upgrade(folder, NOW)
    assert (folder / DATABASE_FILE_NAME).read_bytes() == before
    assert upgrade_due(folder)
