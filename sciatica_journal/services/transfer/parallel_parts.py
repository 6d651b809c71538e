"""A long text made in consecutive parts at the same time by this process and processes
forked for it, the parts taken in turns, their texts given back in order.

An export of ten years turns some 30,000 sessions and 60,000 maps into 45 MB of JSON, all
of it Python work: on two processors, two processes make it in about half the time. The
entries are cut into short parts, numbered in order, and each process takes the next part
not yet taken when it is done with the last (the numbers wait in a pipe, one byte each):
a process that is slower, or has other work first (this one reads the rest of the
journal), makes fewer of them, so none waits long for another. A child writes the texts
of its parts, each with its number and then the part's end, into a file without a name
(the page cache holds them, not the memory of either process); this process keeps its
own, and gives each part back as soon as every part before it is made: between two of
its own parts it gives what is ready, so the writing of the text is shared out as the
making is, instead of waiting for the last part.

A process forks only when that is safe and worth it: on Linux, with one thread (a child
of a process with other threads, Qt's or a worker's, could inherit a lock held by one of
them, never to be released), and with enough entries for every process. A child only
makes its texts and writes them: it never uses its parent's connection to the journal (it
reads its rows through one of its own, ``storage.export_sessions``), never returns into
the caller's code and leaves with ``os._exit``. The parts of a child that failed are made
again here, so an error is raised where it would be without children."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

MIN_PART = 4_000  # entries for each process: fewer take less time than a child costs
MAX_WORKERS = 4  # processes, this one included
PART = 1_000  # entries in a part taken at a time (ten years: ~20 ms of work)
MAX_PARTS = 255  # numbered by one byte each: longer parts for more entries


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


def parts(count: int, step: int = PART) -> list[tuple[int, int]]:
    """``count`` entries as consecutive parts (start, stop) of ``step`` entries (the last
    may be shorter; longer ones when there would be more than ``MAX_PARTS``)."""
    step = max(step, -(-count // MAX_PARTS), 1)
    return [(start, min(start + step, count)) for start in range(0, count, step)]


_NUMBER, _LENGTH = 1, 8  # bytes before each piece in a child's file: its part, its length
_HEAD = _NUMBER + _LENGTH
_END = (1 << (8 * _LENGTH)) - 1  # the "length" that says a part's pieces are all written


@dataclass
class _Child:
    pid: int
    text: BinaryIO  # where it writes its texts: a file without a name, gone once closed
    reaped: bool = False
    failed: bool = False  # it ended in error: its parts not given yet are made again here
    # Where each of its parts' pieces is in its file: part → [(offset, length), ...].
    pieces: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    done: set[int] = field(default_factory=set)  # the parts it has written whole
    read_to: int = 0  # how far its file has been looked at


class TextInParts:
    """The text ``make(start, stop)`` of entries 0 to ``count`` (given in pieces), made in
    parts taken in turns by this process, as it is iterated, and by children forked on
    entering (``workers`` processes in all; by default ``workers_here``). Iterated once,
    inside: the pieces in order and in UTF-8 (nothing for no entries). On leaving, a
    child still at work is stopped."""

    def __init__(
        self, count: int, make: Callable[[int, int], Iterable[str]], *, workers: int | None = None
    ) -> None:
        self._make = make
        self._count = count
        self._workers = 0 if count == 0 else workers or workers_here(count)
        self._parts = parts(count) if self._workers > 1 else [(0, count)]
        self._children: list[_Child] = []
        self._numbers: int | None = None  # the pipe's end the parts' numbers are read from

    def __enter__(self) -> TextInParts:
        if self._workers <= 1:
            return self
        try:
            read_end, write_end = os.pipe()
            self._numbers = read_end
            try:  # every number written before a child exists: at most 255 bytes, no wait
                os.write(write_end, bytes(range(len(self._parts))))
            finally:
                os.close(write_end)  # the last one: once every number is read, the end
            for _ in range(self._workers - 1):
                self._children.append(_fork(self._make, self._parts, read_end))
        except BaseException:
            self._leave()
            raise
        return self

    def __exit__(self, *_exc: object) -> None:
        self._leave()

    def __iter__(self) -> Iterator[bytes]:
        if self._workers == 0:
            return
        if self._numbers is None:  # this process alone
            for piece in self._make(0, self._count):
                yield piece.encode("utf-8")
            return
        # Each part is given as soon as those before it are: between two parts of its
        # own, this process gives what is ready (its own, and the children's written
        # whole), so the writing is shared out too instead of waiting for the end.
        mine: dict[int, list[bytes]] = {}
        given = 0  # the parts given so far
        while (number := _take(self._numbers)) is not None:
            mine[number] = [p.encode("utf-8") for p in self._make(*self._parts[number])]
            while given < len(self._parts):
                if given in mine:
                    yield from mine.pop(given)
                else:
                    owner = self._written_whole(given)
                    if owner is None:
                        break
                    yield from _texts(owner, given)
                given += 1
        for child in self._children:
            _wait(child)
        for number in range(given, len(self._parts)):
            if number in mine:
                yield from mine.pop(number)
                continue
            owner = self._written_whole(number)
            if owner is None:  # its child failed: made here
                for piece in self._make(*self._parts[number]):
                    yield piece.encode("utf-8")
                continue
            yield from _texts(owner, number)

    def _written_whole(self, number: int) -> _Child | None:
        """The child that has written part ``number`` whole and did not fail, if any."""
        for child in self._children:
            if not child.failed and number not in child.done and not child.reaped:
                _look(child)
            if not child.failed and number in child.done:
                return child
        return None

    def _leave(self) -> None:
        while self._children:  # left early (an error, or the reader stopped)
            _stop(self._children.pop())
        if self._numbers is not None:
            os.close(self._numbers)
            self._numbers = None


def texts_in_parts(
    count: int, make: Callable[[int, int], Iterable[str]], *, workers: int | None = None
) -> Iterator[bytes]:
    """The pieces of ``TextInParts`` as one generator (its children forked when it is
    first asked for a piece)."""
    with TextInParts(count, make, workers=workers) as parts:
        yield from parts


def _take(numbers: int) -> int | None:
    """The number of the next part not yet taken (None: every part is taken)."""
    taken = os.read(numbers, 1)  # one byte: no other process can take half of it
    return taken[0] if taken else None


def _fork(
    make: Callable[[int, int], Iterable[str]], parts: list[tuple[int, int]], numbers: int
) -> _Child:
    text = tempfile.TemporaryFile()  # noqa: SIM115  (closed by the caller; private: 0600)
    pid = os.fork()
    if pid == 0:  # the child: make the parts it takes, write their texts, leave
        status = 1
        try:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            out = text.fileno()
            while (number := _take(numbers)) is not None:
                mark = number.to_bytes(_NUMBER, "little")
                for piece in make(*parts[number]):
                    encoded = piece.encode("utf-8")
                    _write_all(out, mark + len(encoded).to_bytes(_LENGTH, "little") + encoded)
                _write_all(out, mark + _END.to_bytes(_LENGTH, "little"))  # the part is whole
            status = 0
        finally:
            os._exit(status)
    return _Child(pid, text)


def _write_all(out: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(out, view) :]


def _wait(child: _Child) -> None:
    """Wait for the child to end; where it made its texts, note where the rest are."""
    _pid, status = os.waitpid(child.pid, 0)
    child.reaped = True
    if os.waitstatus_to_exitcode(status) != 0:
        child.failed = True  # what it made and was not given yet is not used
        return
    _look(child)


def _look(child: _Child) -> None:
    """Note where each piece the child has written since last looked is, and which of
    its parts it has written whole (their end is written after their last piece: once
    it is in the file, every piece before it is)."""
    file = child.text.fileno()
    size = os.fstat(file).st_size
    at = child.read_to
    while at + _HEAD <= size:
        head = os.pread(file, _HEAD, at)
        number, length = head[0], int.from_bytes(head[_NUMBER:], "little")
        if length == _END:
            child.done.add(number)
            at += _HEAD
            continue
        if at + _HEAD + length > size:  # still being written
            break
        child.pieces.setdefault(number, []).append((at + _HEAD, length))
        at += _HEAD + length
    child.read_to = at


def _texts(child: _Child, number: int) -> Iterator[bytes]:
    """The texts of the child's part ``number``, read from its file."""
    file = child.text.fileno()
    for offset, length in child.pieces.pop(number, []):
        yield os.pread(file, length, offset)


def _stop(child: _Child) -> None:
    if not child.reaped:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child.pid, signal.SIGKILL)
        os.waitpid(child.pid, 0)
    child.text.close()
