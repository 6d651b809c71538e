"""Writing a file the user keeps (a report, an export): atomically and durably, through the
one writer in storage. The report painter writes its PDF through this."""

from __future__ import annotations

from sciatica_journal.storage.atomic_files import StagedFile, write_bytes, write_text

__all__ = ["StagedFile", "write_bytes", "write_text"]
