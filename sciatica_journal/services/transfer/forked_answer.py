"""A yes-or-no question answered by a forked child while this process goes on with other
work: an import of ten years checks the file against the schema (about a fifth of its
time) beside reading its entries, on the other processor.

The child only answers and leaves with ``os._exit``: its answer is its exit status; it
never touches the journal's connection or returns into the caller's code. A process forks
only when ``parallel_parts.may_fork`` says it may (Linux, one thread); where it does not,
or the child fails, the question is answered here, so the answer is always the one this
process would give."""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable
from types import TracebackType

from sciatica_journal.services.transfer import parallel_parts

_YES, _NO = 0, 3  # the child's exit statuses; anything else: it failed


class ForkedAnswer:
    """``question`` asked in a child forked on entering (when ``worth`` it and allowed);
    ``answer()`` waits for it, or asks here. On leaving, a child still at work is stopped."""

    def __init__(self, question: Callable[[], bool], *, worth: bool = True) -> None:
        self._question = question
        self._worth = worth
        self._pid: int | None = None

    def __enter__(self) -> ForkedAnswer:
        if self._worth and parallel_parts.may_fork():
            try:
                self._pid = _fork(self._question)
            except OSError:  # no process to be had (memory, a limit): asked here then
                self._pid = None
        return self

    @property
    def forked(self) -> bool:
        return self._pid is not None

    def answer(self) -> bool:
        """The child's answer once it has ended; asked here if there is none."""
        if self._pid is not None:
            _pid, status = os.waitpid(self._pid, 0)
            self._pid = None  # reaped (a signal while waiting leaves it to ``__exit__``)
            code = os.waitstatus_to_exitcode(status)
            if code in (_YES, _NO):
                return code == _YES
        return bool(self._question())

    def __exit__(
        self,
        _kind: type[BaseException] | None,
        _error: BaseException | None,
        _trace: TracebackType | None,
    ) -> None:
        pid, self._pid = self._pid, None
        if pid is not None:  # left before asking (an error)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def _fork(question: Callable[[], bool]) -> int:
    pid = os.fork()
    if pid == 0:  # the child: answer, leave
        status = 1
        try:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            status = _YES if question() else _NO
        finally:
            os._exit(status)
    return pid
