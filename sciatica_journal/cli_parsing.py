"""The command line's parsers: argparse speaking the user's language (its own words and
its errors), with one-line errors, and the top parser's help naming the journal's folder."""

from __future__ import annotations

import argparse
from typing import Any, NoReturn

from sciatica_journal.cli_errors import EXIT_BAD_INPUT
from sciatica_journal.domain.language import N_, _
from sciatica_journal.paths import default_data_dir

# argparse words its errors through the standard library's global ``gettext``, which holds
# none of our catalogs; it looks its ``_`` up when it speaks, so pointing that at the active
# language (``speak_argparse``) says these in the user's language too.
ARGPARSE_ERRORS = (
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
)


def speak_argparse() -> None:
    setattr(argparse, "_", _)  # noqa: B010  (the stubs do not declare argparse._)


class _Formatter(argparse.HelpFormatter):
    """argparse's help with its own words ("usage: ") in the language spoken."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        self.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help=_("show this help message and exit"),
        )

    def error(self, message: str) -> NoReturn:  # one line, not argparse's usage block
        self.exit(EXIT_BAD_INPUT, f"sciatica-journal: {message}\n")


class TopParser(Parser):
    def format_help(self) -> str:  # the default folder (platformdirs) is looked up only here
        self.epilog = _(
            "Your journal is kept in --data-dir (by default the platform's user data folder, "
            "here {folder}). Nothing is ever sent over the network."
        ).format(folder=default_data_dir())
        return super().format_help()
