"""How the program's process ends after a verb (``cli.run``): at once, once what it wrote
is out, without Python's teardown of its modules."""

from __future__ import annotations

import logging
import os
import sys
import threading


def threads_at_work() -> bool:
    """Whether a thread Python would wait for at its end is still running."""
    main_thread = threading.main_thread()
    return any(t is not main_thread and not t.daemon for t in threading.enumerate())


def leave_now(status: int) -> None:
    """Flush the output and the log, then end the process with ``status``; returns (and
    leaves the end to Python, which reports it) when the output cannot be flushed (a
    closed pipe)."""
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return
    logging.shutdown()
    os._exit(status)
