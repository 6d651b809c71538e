"""A long text made in consecutive parts at the same time: the first part here, the others
each in a process forked for it, their texts read back in order.

An export of ten years turns some 30,000 sessions and 60,000 maps into 45 MB of JSON, all
of it Python work: on two processors, two processes make it in about half the time. Each
child writes its text into a file without a name (the page cache holds it, not the memory
of either process), read back once the parts before it are. A process forks only when
that is safe and worth it: on Linux, with one thread (a child of a process with other
threads, Qt's or a worker's, could inherit a lock held by one of them, never to be
released), and with enough entries for every part. A child only makes its text and
writes it: it never uses its parent's connection to the journal (it reads its rows
through one of its own, ``storage.export_sessions``), never returns into the caller's
code and leaves with ``os._exit``. A part whose child failed is made again here, so an
error is raised where it would be without children."""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

MIN_PART = 4_000  # entries: fewer take less time than a child costs (~10 ms)
MAX_WORKERS = 4  # processes, this one included
FIRST_SHARE = 0.45  # of the entries, for this process: it also writes the whole text


def workers_here(count: int) -> int:
    """How many processes should make ``count`` entries (1: this one alone)."""
    if count < 2 * MIN_PART or not may_fork():
        return 1
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1, count // MIN_PART))


def may_fork() -> bool:
    """Whether this process may fork workers at all."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    try:
        return sum(1 for _ in Path("/proc/self/task").iterdir()) == 1  # this thread alone
    except OSError:
        return False


def bounds(count: int, workers: int, first_share: float = FIRST_SHARE) -> list[tuple[int, int]]:
    """``count`` entries as at most ``workers`` consecutive parts (start, stop), none
    empty: the first holds ``first_share`` of them (all of them for one worker), the
    others the rest in equal shares."""
    if workers <= 1 or count <= 1:
        return [(0, count)]
    first = min(max(1, round(count * first_share)), count - 1)
    rest = count - first
    cuts = [0, first, *(first + rest * i // (workers - 1) for i in range(1, workers))]
    return [(start, stop) for start, stop in itertools.pairwise(cuts) if start < stop]


_LENGTH = 8  # bytes before each piece in a child's file: the piece's length


@dataclass
class _Child:
    pid: int
    text: BinaryIO  # where it writes its text: a file without a name, gone once closed
    start: int
    stop: int


class TextInParts:
    """The text ``make(start, stop)`` of entries 0 to ``count`` (given in pieces) in
    consecutive parts: the first part made by this process as it is iterated, the others
    by children forked on entering (``workers`` processes in all; by default
    ``workers_here``), each into a file of its own, read back here a piece at a time.
    Iterated once, inside: the pieces in order and in UTF-8 (nothing for no entries). On
    leaving, a child still at work is stopped."""

    def __init__(
        self, count: int, make: Callable[[int, int], Iterable[str]], *, workers: int | None = None
    ) -> None:
        self._make = make
        self._parts = [] if count == 0 else bounds(count, workers or workers_here(count))
        self._children: list[_Child] = []

    def __enter__(self) -> TextInParts:
        try:
            for start, stop in self._parts[1:]:
                self._children.append(_fork(self._make, start, stop))
        except BaseException:
            self._stop_children()
            raise
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop_children()

    def __iter__(self) -> Iterator[bytes]:
        if not self._parts:
            return
        for piece in self._make(*self._parts[0]):
            yield piece.encode("utf-8")
        while self._children:
            child = self._children.pop(0)
            try:
                yield from _collect(child, self._make)
            finally:
                child.text.close()

    def _stop_children(self) -> None:
        while self._children:  # left early (an error, or the reader stopped)
            _stop(self._children.pop())


def texts_in_parts(
    count: int, make: Callable[[int, int], Iterable[str]], *, workers: int | None = None
) -> Iterator[bytes]:
    """The pieces of ``TextInParts`` as one generator (its children forked when it is
    first asked for a piece)."""
    with TextInParts(count, make, workers=workers) as parts:
        yield from parts


def _fork(make: Callable[[int, int], Iterable[str]], start: int, stop: int) -> _Child:
    text = tempfile.TemporaryFile()  # noqa: SIM115  (closed by the caller; private: 0600)
    pid = os.fork()
    if pid == 0:  # the child: make the text, write it, leave
        status = 1
        try:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            out = text.fileno()
            for piece in make(start, stop):
                encoded = piece.encode("utf-8")
                data = memoryview(len(encoded).to_bytes(_LENGTH, "little") + encoded)
                while data:
                    data = data[os.write(out, data) :]
            status = 0
        finally:
            os._exit(status)
    return _Child(pid, text, start, stop)


def _collect(child: _Child, make: Callable[[int, int], Iterable[str]]) -> Iterator[bytes]:
    """The child's text once it has ended, a piece at a time; made here if it failed."""
    _pid, status = os.waitpid(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        for piece in make(child.start, child.stop):
            yield piece.encode("utf-8")
        return
    child.text.seek(0)
    while length := child.text.read(_LENGTH):
        yield child.text.read(int.from_bytes(length, "little"))


def _stop(child: _Child) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(child.pid, signal.SIGKILL)
    os.waitpid(child.pid, 0)
    child.text.close()
