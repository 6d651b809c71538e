"""Verified scheduled backups: one a day (made by the window after its first paint), one
before every import and restore, rotated (7 daily + 4 weekly + 12 monthly, from
program.toml) and verified before older ones are removed. A fake clock walks the days."""

from __future__ import annotations

import datetime as dt
import json
import time

from sciatica_journal.paths import BACKUP_DIR_NAME
from sciatica_journal.services.backup_service import DAILY, BackupService
from sciatica_journal.storage import backups
from tests.builders import new_session
from tests.conftest import NOW
from tests.e2e.conftest import run, start, wait_ready
from tests.reliability.test_bad_data import journal_dir  # noqa: F401  (a fixture)


def _daily(folder) -> list:
    return [p for p in backups.list_backups(folder) if p.stem.endswith(f"-{DAILY}")]


def test_one_backup_a_day_verified_with_its_entries(set_up_services, clock):
    services = set_up_services
    services.sessions.record(new_session(NOW - dt.timedelta(hours=1)))
    assert services.backups.daily_due()
    made = services.backups.make_daily()
    assert backups.is_sound(made)
    assert backups.entry_counts(made)["exercise_session"] == 1
    assert not services.backups.daily_due()  # once a day
    clock.moment = NOW + dt.timedelta(days=1)
    assert services.backups.daily_due()
    last = services.backups.last_good()
    assert last is not None and last.path == made


def test_rotation_keeps_days_weeks_and_months(set_up_services, clock):
    services = set_up_services
    service = BackupService(services.data_dir, clock, services.program.backups)
    start_day = NOW - dt.timedelta(days=400)
    for day in range(401):
        clock.moment = start_day + dt.timedelta(days=day)
        service.make_daily()
    kept = _daily(service.folder)
    stamps = sorted(backups.backup_time(p) for p in kept)
    newest = stamps[-1]
    # The last 7 days are all there, then one a week for 4 weeks, one a month for 12.
    assert all(newest - dt.timedelta(days=d) in stamps for d in range(7))
    assert len(kept) <= 7 + 4 + 12
    assert len({(s.year, s.month) for s in stamps}) >= 12
    assert all(backups.is_sound(p) for p in kept)


def test_nothing_is_removed_while_the_newest_backup_does_not_verify(set_up_services, clock):
    services = set_up_services
    for day in range(10):
        clock.moment = NOW + dt.timedelta(days=day)
        services.backups.make_daily()
    before = _daily(services.backups.folder)
    newest = before[0]
    newest.write_bytes(b"not a database any more")
    assert backups.rotate(services.backups.folder, DAILY, daily=1, weekly=0, monthly=0) == []
    assert _daily(services.backups.folder) == before


def test_an_import_is_preceded_by_a_verified_backup(set_up_services, tmp_path):
    services = set_up_services
    services.sessions.record(new_session(NOW - dt.timedelta(hours=2)))
    exported = tmp_path / "j.json"
    services.transfer.export_json(exported)
    services.transfer.import_json(exported)
    made = [p for p in backups.list_backups(services.backups.folder) if "before-import" in p.name]
    assert len(made) == 1 and backups.is_sound(made[0])


def test_the_window_makes_todays_backup_after_its_first_paint(journal_dir):  # noqa: F811
    folder = journal_dir / BACKUP_DIR_NAME
    assert not _daily(folder)
    window = start("--data-dir", str(journal_dir))
    try:
        wait_ready(window)
        deadline = time.monotonic() + 20
        while not _daily(folder) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _daily(folder), "no daily backup was made"
    finally:
        window.terminate()
        assert window.wait(timeout=20) == 0
    made = _daily(folder)[0]
    assert backups.is_sound(made)
    summary = json.loads(run("summary", "--json", "--data-dir", str(journal_dir)).stdout)
    assert backups.entry_counts(made)["exercise_session"] == summary["sessions"]["total"]


def test_the_backup_folder_can_be_moved_in_settings(qtbot, set_up_services, tmp_path):
    from PySide6.QtWidgets import QLabel

    from sciatica_journal.gui.main_window import MainWindow
    from sciatica_journal.gui.profile_dialog import ProfileDialog
    from sciatica_journal.gui.profile_form import ProfileForm
    from tests.gui.conftest import find

    services = set_up_services
    window = MainWindow(services)
    qtbot.addWidget(window)
    dialog = ProfileDialog(
        services.profiles,
        ProfileForm(services.program),
        first_run=False,
        parent=window,
        backup_note=window.backup_note(),
        backups=services.backups,
    )
    qtbot.addWidget(dialog)
    synced = tmp_path / "synced" / "journal-backups"
    assert dialog.choose_backup_folder(synced)
    assert "now kept in" in find(dialog, "Backups", QLabel).text()
    assert services.backups.folder == synced
    assert [p for p in backups.list_backups(synced) if backups.is_sound(p)]
    services.backups.make_daily()
    assert _daily(synced) and not _daily(services.data_dir / BACKUP_DIR_NAME)
    assert str(synced) in window.backup_note()
    # A folder that cannot be written is refused, and the choice stays as it was.
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert not dialog.choose_backup_folder(blocked / "inside")
    assert services.backups.folder == synced
