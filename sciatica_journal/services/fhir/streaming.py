"""Writing a large export fast: its text handed to a thread that writes it while the next
part is made, and the cyclic garbage collector paused while it is made."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import BinaryIO


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector off inside (as it was after). An export makes no
    cycles, but the collector's passes over its hundreds of thousands of rows cost it
    several tenths of a second on ten years; free them before leaving, else the first
    pass after it walks them all."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class BackgroundWriter:
    """Writes text (UTF-8) to ``out`` in a thread of its own, one part at a time: the file
    system's work (a quarter of a second for 270 MB) goes on while the next part is made.
    Leaving it waits for the last write; a failed write raises in the next ``write`` or
    on leaving. On an exception inside, the write under way ends before it is left."""

    def __init__(self, out: BinaryIO) -> None:
        self._out = out
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="export-writer")
        self._pending: Future[int] | None = None

    def write(self, text: str) -> None:
        data = text.encode("utf-8")
        self._wait()
        self._pending = self._pool.submit(self._out.write, data)

    def _wait(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            pending.result()

    def __enter__(self) -> BackgroundWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            if kind is None:
                self._wait()
        finally:
            self._pool.shutdown(wait=True)
