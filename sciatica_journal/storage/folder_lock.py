"""One writer at a time: a lock on the journal's folder.

The window holds it while it is open; ``import`` and ``restore`` take it for their
run. The lock file says who holds it ("window" or "verb"), so that a verb can refuse at
once while the window is open, and wait for another verb. The operating system drops
the lock when its holder ends, even after kill -9: a stale lock cannot block the user.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

from sciatica_journal.paths import RAISE_FILE_NAME
from sciatica_journal.storage.write_failures import os_problem

LOCK_FILE = ".lock"


class FolderBusyError(Exception):
    """Another holder has the folder; ``holder`` is "window" or "verb"."""

    def __init__(self, holder: str) -> None:
        super().__init__(holder)
        self.holder = holder


LOCKED_BYTE = 4096  # Windows locks a byte range: one past the holder's name, which stays readable


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - not run here
        import msvcrt

        os.lseek(fd, LOCKED_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


class FolderLock:
    """An exclusive lock on ``folder``; release it (or end the process) to free it."""

    def __init__(self, folder: Path, holder: str) -> None:
        self.folder = folder
        self.holder = holder
        self._fd: int | None = None

    def acquire(self, wait_for_verbs: float = 0.0) -> FolderLock:
        """Take the lock, or raise ``FolderBusyError``. A lock held by a verb is waited for
        up to ``wait_for_verbs`` seconds; one held by the window never."""
        path = self.folder / LOCK_FILE
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + wait_for_verbs
        while not self._locked(fd):
            holder = _read_holder(fd)
            if holder == "window" or time.monotonic() >= deadline:
                os.close(fd)
                raise FolderBusyError(holder or "verb")
            time.sleep(0.05)
        with contextlib.suppress(OSError):  # a full disk: the lock holds all the same
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{self.holder} {os.getpid()}\n".ljust(32).encode())
        self._fd = fd
        return self

    @staticmethod
    def _locked(fd: int) -> bool:
        try:
            return _try_lock(fd)
        except OSError as exc:  # e.g. no locks on this file system: say so, in one line
            os.close(fd)
            raise FolderBusyError(f"unlockable ({os_problem(exc)})") from exc

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.lseek(self._fd, 0, os.SEEK_SET)
                os.write(self._fd, b" " * 32)  # no holder any more
            os.close(self._fd)  # closing drops the lock
            self._fd = None

    def __enter__(self) -> FolderLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 32).decode("ascii", "replace")
    except OSError:
        return ""
    return text.split(" ", 1)[0].strip()


def ask_to_come_forward(folder: Path) -> None:
    """Tell the window that holds ``folder`` that the user tried to open it again."""
    (folder / RAISE_FILE_NAME).write_text(str(time.time()), encoding="ascii")
