"""A full disk is said plainly: "the disk is full", nothing half-written, and a report is
only said to be written when the file is complete. (Before: `report` said "wrote r.pdf
(3 pages)" for a 0-byte file, `backup` gave a traceback, import and save said "cannot
rollback - no transaction is active".) Runs on a small tmpfs, which needs root."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from sciatica_journal.domain.sessions import SessionError
from sciatica_journal.paths import DATABASE_FILE_NAME, prepare_data_dir
from sciatica_journal.services.container import build_services
from sciatica_journal.services.transfer import TransferError
from tests.builders import new_session
from tests.conftest import NOW
from tests.e2e.conftest import run


def _mount(point: Path, size: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(point)],
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


@pytest.fixture
def small_disk(tmp_path) -> Iterator[Path]:
    point = tmp_path / "disk"
    point.mkdir()
    if not _mount(point, "4m"):
        pytest.skip("needs root and tmpfs to make a small disk")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def _fill(disk: Path) -> None:
    """Fill what is left of the disk."""
    stats = os.statvfs(disk)
    with (disk / "filler").open("wb") as fh, contextlib.suppress(OSError):
        fh.write(b"\0" * (stats.f_bavail * stats.f_frsize))


def _journal(disk: Path, clock) -> Path:
    folder = prepare_data_dir(disk / "journal")
    services = build_services(folder, clock)
    services.profiles.accept_disclaimer()
    services.profiles.save(services.profiles.default_profile())
    for hours in (5, 3, 1):
        services.sessions.record(new_session(NOW - dt.timedelta(hours=hours)))
    services.close()
    return folder


def _one_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    for word in words:
        assert word in lines[0], lines[0]


def test_a_report_on_a_full_disk_is_not_said_to_be_written(small_disk, clock, tmp_path):
    folder = _journal(tmp_path, clock)  # the journal is fine; the report goes to a full disk
    _fill(small_disk)
    target = small_disk / "report.pdf"
    result = run("report", "--out", str(target), "--data-dir", str(folder))
    _one_line(result, "the disk is full", "not written")
    assert "wrote" not in result.stdout
    assert not target.exists()
    assert not list(small_disk.glob(".report-*"))  # nothing half-written left behind


def test_a_backup_on_a_full_disk_says_so_and_leaves_nothing(small_disk, clock, tmp_path):
    folder = _journal(tmp_path, clock)
    _fill(small_disk)
    target = small_disk / "copy.sqlite3"
    result = run("backup", "--out", str(target), "--data-dir", str(folder))
    _one_line(result, "the disk is full")
    assert not target.exists() and not list(small_disk.glob("*.partial"))


def test_a_journal_on_a_full_disk_is_not_called_damaged(small_disk, clock):
    folder = _journal(small_disk, clock)
    _fill(small_disk)
    result = run("summary", "--json", "--data-dir", str(folder))
    _one_line(result, "the disk is full")
    assert "damaged" not in result.stderr


def test_an_import_on_a_full_disk_changes_nothing_and_says_why(small_disk, clock, tmp_path):
    folder = _journal(tmp_path, clock)
    exported = tmp_path / "big.json"
    assert run("export", "--format", "json", "--out", str(exported), "--data-dir", str(folder))
    # A second journal on the small disk, open; its backups go elsewhere (so the import
    # itself meets the full disk, not the backup before it).
    other = prepare_data_dir(small_disk / "other")
    services = build_services(other, clock)
    try:
        services.backups.set_folder(tmp_path / "other-backups")
        _fill(small_disk)
        with pytest.raises(TransferError) as caught:
            services.transfer.import_json(exported)
        message = str(caught.value)
        assert "the disk is full" in message and "cannot rollback" not in message
        assert "\n" not in message
    finally:
        services.close()
    (small_disk / "filler").unlink()
    again = build_services(other, clock)
    assert again.entries.entries() == []  # all or nothing
    again.close()


def test_a_session_saved_on_a_full_disk_is_refused_plainly(small_disk, clock):
    folder = _journal(small_disk, clock)
    services = build_services(folder, clock)
    try:
        _fill(small_disk)
        with pytest.raises(SessionError, match="the disk is full: nothing was saved"):
            for minutes in range(200):  # until the journal's pages are used up
                services.sessions.record(
                    new_session(NOW - dt.timedelta(minutes=30 + minutes), minutes=1)
                )
    finally:
        services.close()
    (small_disk / "filler").unlink()
    again = build_services(folder, clock)
    assert len(again.entries.entries()) >= 3  # what was saved before is all there
    again.close()
    assert (folder / DATABASE_FILE_NAME).exists()
