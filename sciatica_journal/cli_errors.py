"""What the command line shares between its program (``cli``) and its verbs
(``cli_commands``, ``cli_audio``): the exit statuses, the one-line error a verb raises, and
the check of a file a verb is asked to write.

Kept apart so that the verbs never import the program (an import contract says so)."""

from __future__ import annotations

import os
from pathlib import Path

from sciatica_journal.domain.language import _

EXIT_BAD_INPUT = 2  # the user's input (a verb, an option, a file) is wrong
EXIT_JOURNAL = 3  # the journal or its folder cannot be used as asked


class CommandError(Exception):
    """A verb failed for a reason the user can fix; the message is the one line shown."""

    def __init__(self, message: str, status: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.status = status


def writable_target(path: Path) -> None:
    """A file the user asked to write can be: its folder exists and may be written."""
    folder = path.expanduser().absolute().parent
    if not folder.is_dir():
        raise CommandError(
            _("cannot write {path}: the folder {folder} does not exist").format(
                path=path, folder=folder
            )
        )
    if not os.access(folder, os.W_OK):
        raise CommandError(
            _("cannot write {path}: the folder {folder} is not writable").format(
                path=path, folder=folder
            )
        )
