"""The one atomic writer: a target is never half-written, nothing temporary is left behind,
files are private (0600) and both the file and its folder reach the disk."""

from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path

import pytest

from sciatica_journal.storage import atomic_files
from sciatica_journal.storage.atomic_files import AtomicWriteError, StagedFile


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


needs_proc = pytest.mark.skipif(
    not Path("/proc/self/fd").is_dir(), reason="finds what was fsynced through /proc"
)


def _opened(fd: int) -> Path:
    """The file or folder an open descriptor refers to (Linux)."""
    return Path(f"/proc/self/fd/{fd}").readlink()


@pytest.fixture
def loose_umask():
    """As in a process that did not restrict its umask: the writer must still be private."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def fsyncs(monkeypatch) -> list[str]:
    """What was fsynced, in order: "dir:NAME" for a folder, "file:NAME" for a file."""
    calls: list[str] = []
    real = os.fsync

    def record(fd: int) -> None:
        target = _opened(fd)
        calls.append(("dir:" if target.is_dir() else "file:") + target.name)
        real(fd)

    monkeypatch.setattr(os, "fsync", record)
    return calls


def test_writes_bytes_and_text_private(tmp_path, loose_umask):
    atomic_files.write_bytes(tmp_path / "a.bin", b"\x00\x01")
    atomic_files.write_text(tmp_path / "b.csv", "x,é\r\ny\n", encoding="utf-8-sig")
    assert (tmp_path / "a.bin").read_bytes() == b"\x00\x01"
    assert (tmp_path / "b.csv").read_bytes() == "\ufeffx,é\r\ny\n".encode()  # as given
    assert _mode(tmp_path / "a.bin") == _mode(tmp_path / "b.csv") == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.bin", "b.csv"]


def test_replacing_an_existing_file_makes_it_private(tmp_path, loose_umask):
    target = tmp_path / "old.json"
    target.write_text("old")
    target.chmod(0o644)
    atomic_files.write_text(target, "new")
    assert target.read_text() == "new" and _mode(target) == 0o600


@needs_proc
def test_the_file_then_its_folder_are_fsynced(tmp_path, fsyncs):
    folder = tmp_path / "out"
    folder.mkdir()
    atomic_files.write_text(folder / "j.json", "{}")
    assert len(fsyncs) == 2
    assert fsyncs[0].startswith("file:.j.json.") and fsyncs[1] == "dir:out"


@needs_proc
def test_several_files_are_all_written_before_any_is_renamed(tmp_path, fsyncs, monkeypatch):
    real = os.replace

    def replace(src, dst):
        fsyncs.append(f"rename:{Path(dst).name}")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    atomic_files.write_files([(tmp_path / "a.csv", b"a"), (tmp_path / "b.csv", b"b")])
    assert [e.split(".")[1] if e.startswith("file:") else e for e in fsyncs] == [
        "a",  # file:.a.csv.XXXX.tmp
        "b",
        "rename:a.csv",
        "rename:b.csv",
        f"dir:{tmp_path.name}",  # once, although it holds both
    ]
    assert (tmp_path / "a.csv").read_bytes() == b"a" and (tmp_path / "b.csv").read_bytes() == b"b"


def test_a_failing_rename_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "journal.json"
    target.write_text("the old journal")

    def refuse(src, dst):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(AtomicWriteError) as failure:
        atomic_files.write_text(target, "the new journal")
    assert failure.value.target == target
    assert failure.value.errno == errno.EIO and failure.value.strerror == "Input/output error"
    assert target.read_text() == "the old journal"
    assert [p.name for p in tmp_path.iterdir()] == ["journal.json"]


def test_a_write_failing_half_way_leaves_every_old_file(tmp_path, monkeypatch):
    """A full disk while the second of two files is written: neither is replaced."""
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("old a")
    second.write_text("old b")
    real_fsync = os.fsync
    calls = []

    def full_disk(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(AtomicWriteError) as failure:
        atomic_files.write_files([(first, b"new a"), (second, b"new b")])
    assert failure.value.target == second and failure.value.errno == errno.ENOSPC
    assert first.read_text() == "old a" and second.read_text() == "old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


def test_an_interrupted_write_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "r.json"

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_files.write_text(target, "x")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_an_error_naming_the_target(tmp_path):
    target = tmp_path / "nowhere" / "r.json"
    with pytest.raises(AtomicWriteError) as failure:
        atomic_files.write_text(target, "x")
    assert failure.value.target == target and failure.value.errno == errno.ENOENT


@needs_proc
def test_a_staged_file_filled_by_name_commits_on_success(tmp_path, fsyncs, loose_umask):
    target = tmp_path / "report.pdf"
    target.write_text("old")
    with StagedFile(target, prefix=".report-", suffix=".pdf") as staged:
        assert staged.temp.parent == tmp_path and staged.temp.name.startswith(".report-")
        assert _mode(staged.temp) == 0o600  # private from the start
        staged.temp.write_text("new")  # as QPdfWriter or SQLite would, by name
    assert target.read_text() == "new" and _mode(target) == 0o600
    assert fsyncs == [f"file:{staged.temp.name}", f"dir:{tmp_path.name}"]
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_a_staged_file_is_discarded_on_an_exception(tmp_path):
    target = tmp_path / "copy.sqlite3"
    target.write_text("old")
    with pytest.raises(ValueError), StagedFile(target, name="copy.sqlite3.partial") as staged:
        assert staged.temp == tmp_path / "copy.sqlite3.partial"
        staged.temp.write_text("half")
        raise ValueError("did not verify")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["copy.sqlite3"]


def test_a_fixed_temporary_name_left_by_a_stopped_process_is_emptied(tmp_path, loose_umask):
    stale = tmp_path / "copy.sqlite3.partial"
    stale.write_text("left by a process that was killed")
    stale.chmod(0o644)
    staged = StagedFile(tmp_path / "copy.sqlite3", name=stale.name)
    assert stale.read_bytes() == b"" and _mode(stale) == 0o600
    staged.discard()
    assert not stale.exists()


@needs_proc
def test_a_folder_that_cannot_sync_is_not_an_error(tmp_path, monkeypatch):
    real = os.fsync

    def no_folder_sync(fd: int) -> None:
        if _opened(fd).is_dir():
            raise OSError(errno.EINVAL, "Invalid argument")
        real(fd)

    monkeypatch.setattr(os, "fsync", no_folder_sync)
    atomic_files.write_text(tmp_path / "a.txt", "a")
    assert (tmp_path / "a.txt").read_text() == "a"


@needs_proc
def test_a_failing_folder_sync_is_reported(tmp_path, monkeypatch):
    real = os.fsync

    def broken_disk(fd: int) -> None:
        if _opened(fd).is_dir():
            raise OSError(errno.EIO, "Input/output error")
        real(fd)

    monkeypatch.setattr(os, "fsync", broken_disk)
    with pytest.raises(AtomicWriteError) as failure:
        atomic_files.write_text(tmp_path / "a.txt", "a")
    assert failure.value.errno == errno.EIO


@needs_proc
def test_a_backup_is_private_and_its_folder_fsynced(services, tmp_path, fsyncs, loose_umask):
    from sciatica_journal.storage import backups

    target = backups.backup_file(services.journal.path, tmp_path / "copies" / "j.sqlite3")
    assert backups.is_sound(target) and _mode(target) == 0o600
    assert fsyncs[-2:] == ["file:j.sqlite3.partial", "dir:copies"]
    assert [p.name for p in target.parent.iterdir()] == ["j.sqlite3"]


def test_a_backup_that_cannot_be_renamed_leaves_nothing(services, tmp_path, monkeypatch):
    from sciatica_journal.storage import backups

    old = tmp_path / "j.sqlite3"
    old.write_bytes(b"an older copy")

    def refuse(src, dst):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="Input/output error"):
        backups.backup_file(services.journal.path, old)
    assert old.read_bytes() == b"an older copy"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("j.")] == ["j.sqlite3"]


def test_a_streamed_file_synced_as_it_is_written_is_whole_once_committed(tmp_path, monkeypatch):
    """The data go to the disk in the background as they are written; the file is
    whole, private and in place once committed, and no sync is left running."""
    monkeypatch.setattr(atomic_files._SyncedAsWritten, "SYNC_EVERY", 1000)
    synced = []
    real = atomic_files._data_sync
    monkeypatch.setattr(atomic_files, "_data_sync", lambda fd: synced.append(real(fd)))
    target = tmp_path / "export.json"
    pieces = [bytes([65 + i % 26]) * 777 for i in range(200)]
    with atomic_files.StagedFile(target) as staged, staged.stream() as out:
        for piece in pieces:
            out.write(piece)
    assert target.read_bytes() == b"".join(pieces)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert synced  # early syncs ran, while writing
    assert not [t for t in threading.enumerate() if t.name == atomic_files.SYNC_THREAD]
