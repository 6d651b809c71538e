"""Writing the report's PDF file: atomically and durably (``storage.atomic_files``), and
only when it is complete. Qt writes a PDF without reporting errors, so the file is checked
for its trailer before it replaces the target."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QPdfWriter

from sciatica_journal import APP_NAME, __version__
from sciatica_journal.domain.language import N_, _
from sciatica_journal.services.file_writing import StagedFile

TITLE = N_("Sciatica Journal report for the physician")  # the only metadata besides the app


class ReportError(OSError):
    """The PDF could not be written; nothing was left behind."""


def check_complete(path: Path) -> None:
    """Qt writes a PDF without reporting errors: a full disk leaves it short. A finished PDF
    ends with its trailer ("%%EOF"); anything else is not a report."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            fh.seek(max(0, size - 64))
            tail = fh.read()
    except OSError as exc:
        raise ReportError(
            _("the report could not be checked: {problem}").format(problem=exc.strerror or exc)
        ) from exc
    if size > 0 and b"%%EOF" in tail:
        return
    stats = os.statvfs(path.parent) if hasattr(os, "statvfs") else None
    if stats is not None and stats.f_bavail * stats.f_frsize < 1024 * 1024:
        raise ReportError(errno.ENOSPC, _("the disk is full: the report was not written"))
    raise ReportError(errno.EIO, _("the report could not be written completely"))


def write_pdf(path: Path, paint: Callable[[QPdfWriter], int]) -> int:
    """Create a PDF writer on a private temporary file beside ``path``, let ``paint`` fill
    it (returning its number of pages), check it is complete, and move it onto ``path``.
    On any failure nothing is left behind and ``path`` is as it was."""
    folder = path.parent
    if not folder.is_dir():
        raise ReportError(_("the folder {folder} does not exist").format(folder=folder))
    if not os.access(folder, os.W_OK):
        raise ReportError(_("cannot write into {folder}").format(folder=folder))
    try:
        staged = StagedFile(path, prefix=".report-", suffix=".pdf")
    except OSError as exc:
        raise ReportError(
            _("cannot write into {folder}: {problem}").format(
                folder=folder, problem=exc.strerror or exc
            )
        ) from exc
    with staged:
        writer = QPdfWriter(str(staged.temp))
        writer.setTitle(_(TITLE))
        writer.setCreator(f"{APP_NAME} {__version__}")
        writer.setResolution(72)
        pages = paint(writer)
        del writer  # flushed and closed when its painter ended
        check_complete(staged.temp)
    return pages
