"""Writing files atomically and durably: a reader sees the old file or the new one, never
half of one, and once a write returns the new file survives a power cut.

Every writer of the app (exports, backups, the PDF report) goes through here. The recipe:

1. a temporary file in the target's own folder (so the rename stays on one file system),
   with a private name and mode 0600 (the files hold health data);
2. the contents written and the file fsynced;
3. ``os.replace`` onto the target (atomic on POSIX and on Windows);
4. the folder fsynced, so the rename itself is on disk.

On any failure before the rename the temporary file is removed and the target is left as
it was. The API:

- ``write_bytes(path, data)`` and ``write_text(path, text, encoding)``: one file.
- ``write_files([(path, data), ...])``: several files (an export of several CSV files).
  Every file is written and fsynced before any is renamed, so a failure while writing
  (a full disk) leaves every target as it was. The renames come one after another: if one
  of those fails (in practice it does not: same folder, file already written), the files
  renamed before it are already new and the rest are unchanged.
- ``StagedFile(path)``: for writers that need a file name to write to (``QPdfWriter``,
  SQLite's backup). Write to ``staged.temp``, then ``staged.commit()``; or use it as a
  context manager, which commits on success and discards on an exception. A writer that
  streams writes to ``staged.stream()`` instead (the FHIR export).

Errors are ``OSError``; ``write_files`` raises ``AtomicWriteError`` (an ``OSError`` with
the same errno and message) naming the target that failed.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO, cast

__all__ = [
    "FILE_MODE",
    "AtomicWriteError",
    "StagedFile",
    "fsync_folder",
    "write_bytes",
    "write_files",
    "write_text",
]

FILE_MODE = 0o600  # health data: the owner only

# fsync on a folder: some file systems answer "not supported" (the rename is then as
# durable as that file system makes it); anything else is a real failure.
_FOLDER_SYNC_UNSUPPORTED = frozenset({errno.EINVAL, errno.ENOTSUP, errno.EBADF})


class AtomicWriteError(OSError):
    """Writing ``target`` failed; it was left as it was. Same errno, message and file
    names as the ``OSError`` that caused it (its ``__cause__``)."""

    def __init__(self, target: Path, cause: OSError) -> None:
        if cause.errno is None:
            super().__init__(str(cause))
        else:
            super().__init__(cause.errno, cause.strerror, cause.filename, None, cause.filename2)
        self.target = target


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable. Skipped where a folder cannot be
    opened (Windows) or its file system does not sync folders."""
    if os.name == "nt":  # a folder cannot be opened there; NTFS journals renames itself
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # e.g. a folder the user may write into but not list: nothing to sync with
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _FOLDER_SYNC_UNSUPPORTED:
            raise
    finally:
        os.close(fd)


def _fsync_path(path: Path) -> None:
    with path.open("rb") as fh:
        os.fsync(fh.fileno())


class StagedFile:
    """A temporary file beside ``target`` that becomes ``target`` on ``commit()``.

    ``name``: a fixed name for the temporary file (in the same folder), for callers that
    must find a leftover by name; otherwise a fresh private name ``.<target name>.<random>
    .tmp`` (``prefix`` and ``suffix`` change it). The file is created empty with mode 0600
    (an existing file of that fixed name is emptied). Creating it raises ``OSError``."""

    def __init__(
        self,
        target: Path,
        *,
        name: str | None = None,
        prefix: str | None = None,
        suffix: str = ".tmp",
    ) -> None:
        self.target = target
        folder = target.parent
        if name is not None:
            self.temp = folder / name
            fd = os.open(self.temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        else:
            import tempfile  # here: a verb that writes no file does not load it

            start = f".{target.name}." if prefix is None else prefix
            fd, temp = tempfile.mkstemp(dir=folder, prefix=start, suffix=suffix)  # 0600
            self.temp = Path(temp)
        self._fd: int | None = fd  # kept for ``write``: no second open by name
        self._synced = False
        self._done = False
        if hasattr(os, "fchmod"):
            try:
                os.fchmod(fd, FILE_MODE)  # a fixed name may have existed with other modes
            except BaseException:
                self.discard()
                raise

    def _close(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)

    def write(self, data: bytes) -> None:
        """Fill the (new, empty) temporary file with ``data`` and fsync it; once only."""
        if self._fd is None:
            raise ValueError(f"{self.temp} was already written or closed")
        fd, self._fd = self._fd, None
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        self._synced = True

    def stream(self) -> BinaryIO:
        """The (new, empty) temporary file opened for a writer that streams its output in
        parts; close it, then ``commit()`` (which fsyncs it). Once only. What is written
        goes to the disk while the writer goes on (``_SyncedAsWritten``): the fsync at the
        end has only the last part left to wait for."""
        if self._fd is None:
            raise ValueError(f"{self.temp} was already written or closed")
        fd, self._fd = self._fd, None
        return cast(BinaryIO, io.BufferedWriter(_SyncedAsWritten(fd, "wb")))

    def sync(self) -> None:
        """Fsync the temporary file (after another writer filled it by name), mode 0600."""
        self._close()
        if not self._synced:
            _fsync_path(self.temp)
            self.temp.chmod(FILE_MODE)  # that writer may have recreated it
            self._synced = True

    def replace(self) -> None:
        """Rename the (synced) temporary file onto the target; the folder is not synced."""
        self._close()
        self.temp.replace(self.target)  # os.replace: atomic
        self._done = True

    def commit(self) -> None:
        """Sync, rename onto the target, sync the folder. On failure the temporary file is
        removed and the target is as it was (unless the rename happened)."""
        try:
            self.sync()
            self.replace()
        except BaseException:
            self.discard()
            raise
        fsync_folder(self.target.parent)

    def discard(self) -> None:
        """Remove the temporary file (nothing happens once it has been renamed)."""
        if not self._done:
            self._done = True
            with contextlib.suppress(OSError):
                self._close()
            with contextlib.suppress(OSError):
                self.temp.unlink(missing_ok=True)

    def __enter__(self) -> StagedFile:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def write_files(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write every ``(path, data)`` atomically and durably: all are written and fsynced
    before the first is renamed into place. Raises ``AtomicWriteError`` naming the target."""
    staged: list[StagedFile] = []
    try:
        for target, data in files:
            try:
                part = StagedFile(target)
                staged.append(part)
                part.write(data)
            except OSError as exc:
                raise AtomicWriteError(target, exc) from exc
        for part in staged:
            try:
                part.replace()
            except OSError as exc:
                raise AtomicWriteError(part.target, exc) from exc
        for folder in dict.fromkeys(part.target.parent for part in staged):
            try:
                fsync_folder(folder)
            except OSError as exc:
                raise AtomicWriteError(folder, exc) from exc
    finally:
        for part in staged:
            part.discard()


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically and durably (mode 0600)."""
    write_files([(path, data)])


def write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` atomically and durably (mode 0600), encoded as given and
    exactly as it is: line ends are not translated."""
    write_bytes(path, text.encode(encoding))


_data_sync = getattr(os, "fdatasync", os.fsync)  # (no fdatasync on macOS and Windows)
SYNC_THREAD = "file synced as written"


class _SyncedAsWritten(io.FileIO):
    """A file whose data are synced to the disk in the background, every ``SYNC_EVERY``
    bytes written, one sync at a time (a streamed export of ten years writes 45-270 MB:
    its final fsync waited 50-100 ms for all of it). A failed early sync is left to the
    final fsync to report; closing waits for the one under way."""

    SYNC_EVERY = 8 << 20

    _unsynced = 0
    _syncing: threading.Thread | None = None

    def write(self, data: Any) -> int:
        written = super().write(data) or 0
        self._unsynced += written
        if self._unsynced >= self.SYNC_EVERY and not (self._syncing and self._syncing.is_alive()):
            self._unsynced = 0
            self._syncing = threading.Thread(target=self._sync, name=SYNC_THREAD, daemon=True)
            self._syncing.start()
        return written

    def _sync(self) -> None:
        with contextlib.suppress(OSError, ValueError):  # (the final fsync says what failed)
            _data_sync(self.fileno())

    def close(self) -> None:
        if self._syncing is not None:
            self._syncing.join()
        super().close()
