"""The texts of Help → About and of the backup note (Settings, About)."""

from __future__ import annotations

import html
from pathlib import Path

from sciatica_journal import APP_NAME, __version__
from sciatica_journal.domain.language import _, clock_time, medium_date
from sciatica_journal.services.backup_service import BackupService


def backup_note(backups: BackupService) -> str:
    """When the newest verified backup was made, and where the backups are."""
    last = backups.last_good()
    if last is None:
        return _(
            "Backups: no verified backup yet (one is made each day you open the app). "
            "They are kept in {folder}."
        ).format(folder=backups.folder)
    local = last.made_at.astimezone()
    return _(
        "Backups: the last verified backup was made on {date} at {time}. They are kept in {folder}."
    ).format(date=medium_date(local.date()), time=clock_time(local), folder=backups.folder)


def about_text(data_dir: Path, note: str) -> str:
    """The About box: what the app is, that the journal stays here, where it is."""
    paragraphs = (
        _(
            "A private journal for home extension exercises for sciatica: what to do "
            "next, how each session went, and whether your symptoms are retreating."
        ),
        _(
            "Your journal stays on this computer. It supports, and never replaces, the "
            "care of your physician or physiotherapist."
        ),
        _("Journal folder: {folder}").format(folder=data_dir),
        note,
    )
    return f"<h3>{APP_NAME} {__version__}</h3>" + "".join(
        f"<p>{html.escape(text)}</p>" for text in paragraphs
    )
