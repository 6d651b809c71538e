"""The ``sciatica-journal`` program (DESIGN §5): the window by default, or a verb.

Bad input gives one line on stderr naming the problem, a non-zero exit, nothing changed."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sciatica_journal import APP_NAME, __version__
from sciatica_journal.cli_commands import (
    BY_NAME,
    VERBS,
    FolderVerb,
    JournalVerb,
    backup_hint,
    restore_backup,
)
from sciatica_journal.cli_errors import EXIT_BAD_INPUT, EXIT_JOURNAL, CommandError
from sciatica_journal.cli_parsing import Parser, TopParser, speak_argparse
from sciatica_journal.domain.body import CatalogError
from sciatica_journal.domain.language import _
from sciatica_journal.domain.measures import MeasuresError
from sciatica_journal.domain.program import ProgramError
from sciatica_journal.paths import (
    DataDirError,
    default_data_dir,
    prepare_data_dir,
    restrict_new_files,
)
from sciatica_journal.process_end import leave_now, threads_at_work
from sciatica_journal.services import languages

if TYPE_CHECKING:
    from sciatica_journal.services.container import Services
    from sciatica_journal.storage.folder_lock import FolderLock

__all__ = ["EXIT_BAD_INPUT", "EXIT_JOURNAL", "CommandError", "build_parser", "main", "run"]

LOG_ENV = "SCIATICA_JOURNAL_LOG"


def _common(parser: argparse.ArgumentParser, top: bool) -> None:
    """--data-dir and --demo, accepted before or after the verb."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        default=None if top else argparse.SUPPRESS,
        help=_("the folder that holds the journal (created if missing)"),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help=_("use a generated 8-week example journal in a temporary folder (yours is untouched)"),
    )


def build_parser() -> argparse.ArgumentParser:
    parser = TopParser(
        prog="sciatica-journal",
        description=_(
            "{app}: a private journal for home extension exercises for sciatica. "
            "Without a command it opens the window on your journal."
        ).format(app=APP_NAME),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=_("show program's version number and exit"),
    )
    _common(parser, top=True)
    parser.add_argument(
        "--background",
        action="store_true",
        help=_(
            "start without showing the window, for the reminders (when Keep running in the "
            "background is on in Settings; the login start uses it)"
        ),
    )
    subparsers = parser.add_subparsers(dest="verb", metavar="COMMAND", parser_class=Parser)
    for verb in VERBS:
        sub = subparsers.add_parser(verb.name, help=_(verb.help), description=_(verb.help))
        _common(sub, top=False)
        verb.arguments(sub)
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


def run() -> int:
    """The program as started (``sciatica-journal``, ``python -m sciatica_journal``):
    ``main``, then, after a verb, the process leaves as soon as what it wrote is out.

    By then the journal is closed (checkpointed), its lock released, every file written
    synced and closed, and every child process reaped (``main``'s ``finally`` blocks):
    Python's own teardown of some 250 modules would only make a verb such as
    ``summary --json`` wait longer (~5 ms of ~180). The window ends as Python ends (Qt
    tears itself down); so does a verb that left a thread at work (Python waits for it),
    or whose output cannot be flushed (a closed pipe), for Python to report it as it
    always has.

    While the program loads (its modules, the programme, the journal opened), the
    collector of reference cycles is off: what loading makes lives on, and the collector's
    passes over it were ~3 % of ``summary --json`` (``python -m`` turns it off before this
    module is even loaded). It is on again before the window or the verb runs."""
    gc.disable()
    status, verb = _main(None)
    if verb and not threads_at_work():
        leave_now(status)
    return status


def main(argv: list[str] | None = None) -> int:
    """The program on ``argv`` (by default the command line's); its exit status."""
    return _main(argv)[0]


def _main(argv: list[str] | None) -> tuple[int, bool]:
    """The exit status, and whether a verb ran (not the window)."""
    # The system's language (or Settings'), for --help and the verbs on the folder; opening
    # the journal installs the one its preferences name.
    languages.use_language(languages.choose(languages.SYSTEM))
    speak_argparse()
    args = build_parser().parse_args(argv)
    return _with_args(args), args.verb is not None


def _with_args(args: argparse.Namespace) -> int:
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, _exit_on_signal)
    restrict_new_files()
    _configure_logging()
    if args.demo and args.data_dir is not None:
        return _fail(_("--demo and --data-dir cannot be used together"), EXIT_BAD_INPUT)
    if getattr(args, "start", None) and getattr(args, "end", None) and args.start > args.end:
        return _fail(
            _("--from {start} is after --to {end}").format(start=args.start, end=args.end),
            EXIT_BAD_INPUT,
        )
    demo_dir = None
    if args.demo:
        import tempfile  # here: only --demo needs it

        demo_dir = tempfile.TemporaryDirectory(prefix="sciatica-journal-demo-")
        data_dir = Path(demo_dir.name)
    else:
        data_dir = args.data_dir if args.data_dir is not None else default_data_dir()
    try:
        return _open_and_run(data_dir, args)
    finally:
        if demo_dir is not None:
            demo_dir.cleanup()


def _open_and_run(data_dir: Path, args: argparse.Namespace) -> int:
    verb = BY_NAME.get(args.verb) if args.verb is not None else None
    if isinstance(verb, FolderVerb):  # check, restore: the journal is not opened here
        return _run_on_folder(verb, data_dir, args)
    if not args.demo:  # its check at opening, begun while the modules below load
        from sciatica_journal import early_check

        early_check.begin(data_dir)
    # Imported here so that --help and --version answer without loading Qt or the database.
    from sciatica_journal.services.container import build_services
    from sciatica_journal.services.journal_upgrade import upgrade_due
    from sciatica_journal.storage.database import JournalFileError

    window = verb is None
    background = window and args.background
    lock = None
    try:
        folder = prepare_data_dir(data_dir)
        if args.demo:
            from sciatica_journal.services.demo_cache import prepare_demo

            prepare_demo(folder)  # a copy of the cached demo journal (made when missing)
        if verb is None or verb.writes:
            lock = _writer_lock(folder, window=window, background=background)
        if window and not background and upgrade_due(folder) and _has_screen():
            from sciatica_journal.gui.journal_upgrade import update_with_window

            update_with_window(folder)  # an older journal's format: a window says so
        services = build_services(folder)
    except DataDirError as exc:
        _show_error_window(str(exc), window)
        return _fail(str(exc), EXIT_BAD_INPUT)
    except (ProgramError, CatalogError, MeasuresError) as exc:
        message = _("the app's own data is broken: {problem}").format(problem=exc)
        _show_error_window(message, window)
        return _fail(message, EXIT_JOURNAL)
    except JournalFileError as exc:
        message = str(exc) + backup_hint(data_dir)
        offered = _offer_restore(str(exc), data_dir.expanduser(), window and exc.damaged)
        if offered is None:
            _show_error_window(message, window)
            return _fail(message, EXIT_JOURNAL)
        if offered is False:
            return _fail(message, EXIT_JOURNAL)
        services = offered
    except CommandError as exc:
        if exc.status == 0:  # the window is open already: it was asked to come forward
            print(f"sciatica-journal: {exc}", file=sys.stderr)
            if not background:
                _show_error_window(str(exc), window, title_only=True)
            return 0
        _show_error_window(str(exc), window)
        return _fail(str(exc), exc.status)
    try:
        if verb is None:
            from sciatica_journal.gui.application import run_window
            from sciatica_journal.services.autostart import Autostart

            # The login start runs the program as now, on the same journal (not the demo's).
            command = None if args.demo else _launch_command(args.data_dir)
            # The program is loaded (``run``): the collector is on again, for what the
            # window makes from now on (what was loaded lives as long as the window).
            gc.freeze()
            gc.enable()
            return run_window(services, background=background, autostart=Autostart(command))
        # What is loaded by now (the modules, the programme, the open journal) lives until
        # the verb ends: the collector need not walk it again each time the verb's rows
        # (29,000 sessions for ten years) make it run (~20 ms of summary --json).
        gc.freeze()
        gc.enable()
        return _run_verb(verb, services, args)
    finally:
        services.close()
        if lock is not None:
            lock.release()


def _launch_command(data_dir: Path | None) -> list[str]:
    """How to start this program again (for the autostart entry)."""
    command = [sys.executable, "-m", "sciatica_journal"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir.expanduser().resolve())]
    return command


def _run_on_folder(verb: FolderVerb, data_dir: Path, args: argparse.Namespace) -> int:
    """A verb on the journal's folder (never opened for writing here): a writing one
    (restore) prepares and locks the folder first; a reading one (check) only reads."""
    gc.enable()  # (``run``)
    lock = None
    try:
        folder = data_dir
        if verb.writes:
            folder = prepare_data_dir(data_dir)
            lock = _writer_lock(folder, window=False)
        return verb.run(folder, args)
    except CommandError as exc:
        return _fail(str(exc), exc.status)
    except DataDirError as exc:
        return _fail(str(exc), EXIT_JOURNAL)
    except OSError as exc:
        return _fail(verb.failure(data_dir, args, exc), EXIT_JOURNAL)
    finally:
        if lock is not None:
            lock.release()


def _writer_lock(folder: Path, *, window: bool, background: bool = False) -> FolderLock:
    """One writer at a time (DESIGN §8): the window holds the folder while it is open;
    import and restore take it for their run and refuse while the window has it."""
    from sciatica_journal.storage.folder_lock import (
        FolderBusyError,
        FolderLock,
        ask_to_come_forward,
    )

    # A window waits only briefly for a command (the user sees nothing meanwhile).
    wait = 5 if window else 60
    try:
        return FolderLock(folder, "window" if window else "verb").acquire(wait_for_verbs=wait)
    except FolderBusyError as exc:
        if exc.holder.startswith("unlockable"):
            raise CommandError(
                _(
                    "the journal's folder {folder} cannot be locked ({why}): nothing was changed"
                ).format(folder=folder, why=exc.holder.removeprefix("unlockable ").strip("()")),
                EXIT_JOURNAL,
            ) from exc
        if exc.holder == "window" and background:  # e.g. at login: it is running already
            raise CommandError(
                _("Sciatica Journal is already running on this journal"), status=0
            ) from exc
        if exc.holder == "window" and window:
            ask_to_come_forward(folder)
            raise CommandError(
                _(
                    "Sciatica Journal is already open on this journal: its window was asked "
                    "to come to the front"
                ),
                status=0,
            ) from exc
        if exc.holder == "window":
            raise CommandError(
                _(
                    "the journal is open in the Sciatica Journal window: close the window "
                    "first (nothing was changed)"
                ),
                EXIT_JOURNAL,
            ) from exc
        raise CommandError(
            _(
                "another command is writing the journal; try again in a moment "
                "(nothing was changed)"
            ),
            EXIT_JOURNAL,
        ) from exc


def _run_verb(verb: JournalVerb, services: Services, args: argparse.Namespace) -> int:
    try:
        return verb.run(services, args)
    except CommandError as exc:
        return _fail(str(exc), exc.status)
    except OSError as exc:  # a file system refusal not foreseen above: still one line
        problem = exc.strerror or exc
        if getattr(exc, "filename", None):
            message = _("{verb} failed: {problem} ({path})").format(
                verb=verb.name, problem=problem, path=exc.filename
            )
        else:
            message = _("{verb} failed: {problem}").format(verb=verb.name, problem=problem)
        return _fail(message, EXIT_BAD_INPUT)


def _offer_restore(problem: str, data_dir: Path, window: bool) -> Services | Literal[False] | None:
    """In the window: the journal cannot be opened; offer the newest verified backup.
    Returns the services on the restored journal, False when the user declined, or None
    when nothing could be offered (no screen, no backup): then the plain message is shown."""
    if not window or not _has_screen():
        return None
    from sciatica_journal.paths import backup_dir
    from sciatica_journal.services.backup_service import RestoreError
    from sciatica_journal.services.container import build_services
    from sciatica_journal.storage.backups import newest_sound_backup

    newest = newest_sound_backup(backup_dir(data_dir))
    if newest is None:
        return None
    from sciatica_journal.gui.application import offer_restore

    if not offer_restore(problem, newest):
        return False
    try:
        restore_backup(data_dir, newest)
        return build_services(data_dir)
    except (RestoreError, OSError) as exc:
        _fail(_("the backup could not be restored: {problem}").format(problem=exc), EXIT_JOURNAL)
        return False


def _has_screen() -> bool:
    return os.environ.get("QT_QPA_PLATFORM") != "offscreen" and bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def _show_error_window(message: str, window: bool, *, title_only: bool = False) -> None:
    if not window or not _has_screen():
        return
    from sciatica_journal.gui.application import show_startup_error

    show_startup_error(message, fatal=not title_only)
