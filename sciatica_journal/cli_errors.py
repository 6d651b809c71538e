"""What the command line shares between its program (``cli``) and its verbs
(``cli_commands``): the exit statuses and the one-line error a verb raises.

Kept apart so that the verbs never import the program (an import contract says so)."""

from __future__ import annotations

EXIT_BAD_INPUT = 2  # the user's input (a verb, an option, a file) is wrong
EXIT_JOURNAL = 3  # the journal or its folder cannot be used as asked


class CommandError(Exception):
    """A verb failed for a reason the user can fix; the message is the one line shown."""

    def __init__(self, message: str, status: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.status = status
