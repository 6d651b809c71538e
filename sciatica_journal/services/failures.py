"""Why a save failed, in plain words, for the window and the command line."""

from __future__ import annotations

from sciatica_journal.storage.write_failures import DISK_FULL, os_problem, plain_failure

__all__ = ["DISK_FULL", "os_problem", "plain_failure"]
