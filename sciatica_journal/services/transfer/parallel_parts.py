"""A long text made in consecutive parts at the same time: the first part here, the others
each in a process forked for it, their texts read back in order through pipes.

An export of ten years turns some 30,000 sessions and 60,000 maps into 45 MB of JSON, all
of it Python work on rows already read: on two processors, two processes make it in about
half the time. A process forks only when that is safe and worth it: on Linux, with one
thread (a child of a process with other threads, Qt's or a worker's, could inherit a lock
held by one of them, never to be released), and with enough entries for every part. A
child only makes its text and writes it: it never touches the journal (its rows were read
before, and its codes, ``storage.export_sessions``), never returns into the caller's code
and leaves with ``os._exit``. A part whose child failed is made again here, so an error
is raised where it would be without children."""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

MIN_PART = 4_000  # entries: fewer take less time than a child costs (~10 ms)
MAX_WORKERS = 4  # processes, this one included
FIRST_SHARE = 0.45  # of the entries, for this process: it also writes the whole text


def workers_here(count: int) -> int:
    """How many processes should make ``count`` entries (1: this one alone)."""
    if count < 2 * MIN_PART or not _may_fork():
        return 1
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1, count // MIN_PART))


def _may_fork() -> bool:
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


@dataclass
class _Child:
    pid: int
    pipe: int  # the reading end
    start: int
    stop: int


def texts_in_parts(
    count: int, make: Callable[[int, int], str], *, workers: int | None = None
) -> Iterator[bytes]:
    """The texts ``make(start, stop)`` of entries 0 to ``count`` in consecutive parts, in
    order and in UTF-8 (no empty part; nothing for no entries): the first made by this
    process, the others by forked children meanwhile (``workers`` processes in all; by
    default ``workers_here``)."""
    if count == 0:
        return
    parts = bounds(count, workers_here(count) if workers is None else workers)
    children: list[_Child] = []
    try:
        for start, stop in parts[1:]:
            children.append(_fork(make, start, stop))
        yield make(*parts[0]).encode("utf-8")
        while children:
            child = children.pop(0)
            yield _collect(child, make)
    finally:
        for child in children:  # left early (an error, or the caller stopped reading)
            _stop(child)


def _fork(make: Callable[[int, int], str], start: int, stop: int) -> _Child:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: make the text, write it, leave
        status = 1
        try:
            os.close(read_end)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            data = memoryview(make(start, stop).encode("utf-8"))
            while data:
                data = data[os.write(write_end, data) :]
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return _Child(pid, read_end, start, stop)


def _collect(child: _Child, make: Callable[[int, int], str]) -> bytes:
    """The child's text, once it has ended; made here if it failed."""
    try:
        with os.fdopen(child.pipe, "rb") as pipe:
            data = pipe.read()
    finally:
        _pid, status = os.waitpid(child.pid, 0)
    if os.waitstatus_to_exitcode(status) == 0:
        return data
    return make(child.start, child.stop).encode("utf-8")


def _stop(child: _Child) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(child.pid, signal.SIGKILL)
    os.waitpid(child.pid, 0)
    os.close(child.pipe)
