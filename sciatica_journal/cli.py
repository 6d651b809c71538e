"""The ``sciatica-journal`` program: the window by default (DESIGN §5).

Bad input gives one line on stderr naming the problem and a non-zero exit.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import tempfile
from pathlib import Path

from sciatica_journal import APP_NAME, __version__
from sciatica_journal.domain.body import CatalogError
from sciatica_journal.domain.program import ProgramError
from sciatica_journal.paths import (
    DataDirError,
    default_data_dir,
    prepare_data_dir,
    restrict_new_files,
)

EXIT_BAD_INPUT = 2
EXIT_JOURNAL = 3
LOG_ENV = "SCIATICA_JOURNAL_LOG"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not argparse's usage block
        self.exit(EXIT_BAD_INPUT, f"sciatica-journal: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sciatica-journal",
        description=(
            f"{APP_NAME}: a private journal for home extension exercises for sciatica. "
            "Without options it opens the window on your journal."
        ),
        epilog=(
            "Your journal is kept in --data-dir (by default the platform's user data folder, "
            f"here {default_data_dir()}). Nothing is ever sent over the network."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        help="the folder that holds the journal (created if missing)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a generated 8-week example journal in a temporary folder (yours is untouched)",
    )
    return parser


def _configure_logging() -> None:
    level = os.environ.get(LOG_ENV, "WARNING").upper()
    logging.basicConfig(
        level=getattr(logging, level, logging.WARNING),
        format="sciatica-journal: %(levelname)s %(name)s: %(message)s",
    )


def _fail(message: str, status: int) -> int:
    print(f"sciatica-journal: {message}", file=sys.stderr)
    return status


def _exit_on_signal(signum: int, frame: object) -> None:
    """Before the window is up, SIGTERM/SIGINT unwind normally: transactions roll back and
    the journal is closed by the ``finally`` blocks. The window installs its own handler."""
    raise SystemExit(0)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, _exit_on_signal)
    restrict_new_files()
    _configure_logging()
    if args.demo and args.data_dir is not None:
        return _fail("--demo and --data-dir cannot be used together", EXIT_BAD_INPUT)
    demo_dir = None
    if args.demo:
        demo_dir = tempfile.TemporaryDirectory(prefix="sciatica-journal-demo-")
        data_dir = Path(demo_dir.name)
    else:
        data_dir = args.data_dir if args.data_dir is not None else default_data_dir()
    try:
        return _open_and_run(data_dir, demo=args.demo)
    finally:
        if demo_dir is not None:
            demo_dir.cleanup()


def _open_and_run(data_dir: Path, *, demo: bool) -> int:
    # Imported here so that --help and --version answer without loading Qt or the database.
    from sciatica_journal.services.container import build_services
    from sciatica_journal.storage.database import JournalFileError

    try:
        folder = prepare_data_dir(data_dir)
        services = build_services(folder)
    except DataDirError as exc:
        _show_error_window(str(exc))
        return _fail(str(exc), EXIT_BAD_INPUT)
    except (ProgramError, CatalogError) as exc:
        message = f"the app's own data is broken: {exc}"
        _show_error_window(message)
        return _fail(message, EXIT_JOURNAL)
    except JournalFileError as exc:
        message = str(exc) + _backup_hint(data_dir)
        _show_error_window(message)
        return _fail(message, EXIT_JOURNAL)
    try:
        if demo:
            from sciatica_journal.services.demo_journal import generate_demo

            generate_demo(services)
        from sciatica_journal.gui.application import run_window

        return run_window(services)
    finally:
        services.close()


def _backup_hint(data_dir: Path) -> str:
    from sciatica_journal.paths import BACKUP_DIR_NAME
    from sciatica_journal.storage.backups import newest_sound_backup

    backup = newest_sound_backup(data_dir / BACKUP_DIR_NAME)
    return "" if backup is None else f"; the newest verified backup is {backup}"


def _show_error_window(message: str) -> None:
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" or not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        return
    from sciatica_journal.gui.application import show_startup_error

    show_startup_error(message)
