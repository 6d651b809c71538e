"""The command-line verbs (DESIGN §5) as a table: ``VERBS`` lists each verb with its help,
the arguments it adds to its parser, what it needs and the function that runs it.

- A ``JournalVerb`` runs on the opened journal: ``run(services, args)``. ``writes``: it
  holds the folder's lock (refused while the window has the journal).
- A ``FolderVerb`` runs on the journal's folder and never opens the journal itself:
  ``run(folder, args)``. ``writes``: the folder is prepared and locked first (restore);
  otherwise it is only read (check). ``failure`` words a file system error in one line.

Every ``run`` returns the exit status; failures raise ``CommandError`` (one line). The
program (``cli``) builds its parser from the table and dispatches through it; nothing
here imports it. Services and Qt are imported inside the verbs, so that ``--help``
answers without loading them."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sciatica_journal import cli_audio, cli_json
from sciatica_journal.cli_errors import EXIT_JOURNAL, CommandError, writable_target
from sciatica_journal.domain.language import N_, _, n_
from sciatica_journal.paths import DATABASE_FILE_NAME, backup_dir

if TYPE_CHECKING:
    from sciatica_journal.services.backup_service import Restored
    from sciatica_journal.services.container import Services

Arguments = Callable[[argparse.ArgumentParser], None]


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    del parser


@dataclass(frozen=True)
class JournalVerb:
    name: str
    help: str
    run: Callable[[Services, argparse.Namespace], int]
    arguments: Arguments = _no_arguments
    writes: bool = False


@dataclass(frozen=True)
class FolderVerb:
    name: str
    help: str
    run: Callable[[Path, argparse.Namespace], int]
    failure: Callable[[Path, argparse.Namespace, OSError], str]  # (data dir as given, ...)
    arguments: Arguments = _no_arguments
    writes: bool = False


Verb = JournalVerb | FolderVerb


# --- arguments -------------------------------------------------------------------------------


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("bad date {text} (use YYYY-MM-DD)").format(text=repr(text))
        ) from None


def _period(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--from",
        dest="start",
        type=_date,
        metavar="DATE",
        help=_("first day (YYYY-MM-DD); default: the first session"),
    )
    sub.add_argument(
        "--to",
        dest="end",
        type=_date,
        metavar="DATE",
        help=_("last day (YYYY-MM-DD); default: today"),
    )


def _report_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    _period(sub)
    sub.add_argument("--page-size", choices=("A4", "Letter"), help=_("default: from your locale"))
    sub.add_argument(
        "--with-identity",
        action="store_true",
        help=_("print your name and birth date on the report"),
    )
    sub.add_argument("--with-notes", action="store_true", help=_("include your notes"))


def _summary_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--json", action="store_true", required=True, help=_("as one JSON object (the only format)")
    )
    _period(sub)


def _export_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--format", choices=("csv", "json", "fhir"), required=True)
    sub.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="PATH",
        help=_("a file for json and fhir, a folder for csv"),
    )
    _period(sub)
    sub.add_argument(
        "--with-identity",
        action="store_true",
        help=_("fhir: include your name and birth date (a Patient resource)"),
    )


def _import_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("file", type=Path, metavar="FILE.json")


def _backup_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help=_("default: a dated file in the journal's backups folder"),
    )


def _restore_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("file", type=Path, metavar="FILE")


# --- the verbs on the open journal -----------------------------------------------------------


def summary(services: Services, args: argparse.Namespace) -> int:
    from sciatica_journal.services.summary_service import PeriodError

    try:
        result = services.summaries.summary(args.start, args.end)
    except PeriodError as exc:
        raise CommandError(str(exc)) from exc
    printed = result.as_json()
    # The weekly measures of the period: baseline (the first check in it) vs latest. With no
    # --from, the baseline answered before the first session belongs to it (as in the PDF).
    printed["measures"] = services.weekly.as_json(args.start and result.start, result.end)
    print(cli_json.dumps(printed))
    return 0


def report(services: Services, args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window, no display needed
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QGuiApplication

    from sciatica_journal.reports.body_map_painter import BodyMapDrawing
    from sciatica_journal.reports.pdf_report import ReportError, default_page_size, write_report
    from sciatica_journal.services.report_service import ReportOptions
    from sciatica_journal.services.summary_service import PeriodError

    target: Path = args.out
    if target.suffix.lower() != ".pdf":
        raise CommandError(_("the report must be a .pdf file, not {name}").format(name=target.name))
    writable_target(target)
    app = QGuiApplication.instance() or QGuiApplication(["sciatica-journal"])
    del app
    page = args.page_size or default_page_size(QLocale.system().name().split("_")[-1])
    options = ReportOptions(
        start=args.start,
        end=args.end,
        include_identity=args.with_identity,
        include_notes=args.with_notes,
        page_size=page,
    )
    try:
        data = services.reports.gather(options)
        pages = write_report(data, BodyMapDrawing(services.catalog), target)
    except PeriodError as exc:
        raise CommandError(str(exc)) from exc
    except ReportError as exc:
        raise CommandError(
            _("cannot write {path}: {problem}").format(path=target, problem=exc.strerror or exc)
        ) from exc
    print(
        n_("wrote {path} ({n} page)", "wrote {path} ({n} pages)", pages).format(
            path=target, n=pages
        )
    )
    return 0


def export(services: Services, args: argparse.Namespace) -> int:
    from sciatica_journal.services.transfer import TransferError

    target: Path = args.out
    if args.format == "fhir":
        from sciatica_journal import cli_fhir

        return cli_fhir.export_fhir(services, args)
    if args.start or args.end or args.with_identity:
        raise CommandError(_("--from, --to and --with-identity go with --format fhir only"))
    try:
        if args.format == "json":
            writable_target(target)
            services.transfer.export_json(target)
        else:
            if target.exists() and not target.is_dir():
                raise CommandError(
                    _("cannot export CSV into {path}: it is a file").format(path=target)
                )
            writable_target(target)
            try:
                target.mkdir(mode=0o700, exist_ok=True)
            except OSError as exc:
                raise CommandError(
                    _("cannot create {path}: {problem}").format(
                        path=target, problem=exc.strerror or exc
                    )
                ) from exc
            services.transfer.export_csv(target)
    except TransferError as exc:
        raise CommandError(str(exc)) from exc
    print(_("exported to {path}").format(path=target))
    return 0


def import_journal(services: Services, args: argparse.Namespace) -> int:
    from sciatica_journal.services.transfer import TransferError

    try:
        result = services.transfer.import_json(args.file)
    except TransferError as exc:
        raise CommandError(
            _("cannot import {path}: {problem}").format(path=args.file, problem=exc)
        ) from exc
    print(result.describe())
    return 0


def backup(services: Services, args: argparse.Namespace) -> int:
    from sciatica_journal.storage import backups

    source = services.data_dir / DATABASE_FILE_NAME
    if args.out is not None:
        writable_target(args.out)
        target = backups.backup_file(source, args.out.expanduser().absolute())
    else:
        target = backups.timestamped_backup(
            source, backup_dir(services.data_dir), "manual", dt.datetime.now(dt.UTC)
        )
    print(_("backed up to {path}").format(path=target))
    return 0


# --- the verbs on the folder, the journal closed ---------------------------------------------


def check(data_dir: Path, args: argparse.Namespace) -> int:
    """One line: the journal is sound, or what is wrong with it (read-only: nothing written,
    the journal is never opened for writing). ``data_dir`` as given (not prepared)."""
    from sciatica_journal.paths import migrations_dir
    from sciatica_journal.storage.database import (
        JournalFileError,
        check_file,
        integrity,
        is_writable,
    )

    data_dir = data_dir.expanduser()
    path = data_dir / DATABASE_FILE_NAME
    if not path.exists():
        raise CommandError(_("{path}: there is no journal here yet").format(path=path))
    try:
        info = check_file(path, migrations_dir(), backup_dir(data_dir), writable=False)
    except JournalFileError as exc:
        raise CommandError(str(exc) + backup_hint(data_dir), EXIT_JOURNAL) from exc
    if not info.exists:
        print(
            _("{path}: empty, a journal that was never written (nothing to check)").format(
                path=path
            )
        )
        return 0
    problem = integrity(path)
    if problem is not None:
        raise CommandError(
            _("{path} is damaged ({problem}); it was left untouched").format(
                path=path, problem=problem
            )
            + backup_hint(data_dir),
            EXIT_JOURNAL,
        )
    if is_writable(path):
        print(_("{path}: ok").format(path=path))
    else:
        print(_("{path}: ok (but read-only: the app will not write to it)").format(path=path))
    return 0


def backup_hint(data_dir: Path) -> str:
    """ "; the newest verified backup is …" with how to restore it, or nothing."""
    from sciatica_journal.storage.backups import newest_sound_backup

    found = newest_sound_backup(backup_dir(data_dir))
    if found is None:
        return _("; there is no verified backup")
    return _(
        "; the newest verified backup is {backup} "
        "(to use it: sciatica-journal restore {backup} --data-dir {folder})"
    ).format(backup=found, folder=data_dir)


def restore_backup(folder: Path, source: Path) -> Restored:
    """Replace the closed journal in ``folder`` with the backup ``source``, through the
    backup service (the journal as it was is backed up first). Returns what was done
    (``Restored``); raises ``RestoreError``, ``JournalFileError`` or ``OSError``."""
    from sciatica_journal.domain.program import BackupRetention
    from sciatica_journal.services.backup_service import BackupService
    from sciatica_journal.services.clock import Clock

    # A restore rotates nothing: the programme's retention is not needed to make one.
    return BackupService(folder, Clock(), BackupRetention()).restore(source)


def restore(folder: Path, args: argparse.Namespace) -> int:
    """Replace the journal with a verified backup; the current journal is backed up first.
    ``folder``: prepared, and locked by the caller."""
    from sciatica_journal.services.backup_service import JournalFileError, RestoreError

    journal = folder / DATABASE_FILE_NAME
    try:
        done = restore_backup(folder, args.file)
    except RestoreError as exc:
        raise CommandError(str(exc)) from exc
    except JournalFileError as exc:
        raise CommandError(str(exc), EXIT_JOURNAL) from exc
    if done.aside is not None:
        print(_("the damaged journal was kept as {path}").format(path=done.aside))
    if done.saved is not None:
        print(_("the current journal was backed up to {path}").format(path=done.saved))
    print(_("restored {journal} from {backup}").format(journal=journal, backup=args.file))
    return 0


# --- the table -------------------------------------------------------------------------------

VERBS: tuple[Verb, ...] = (
    JournalVerb("report", N_("write the PDF report for your physician"), report, _report_arguments),
    JournalVerb("summary", N_("print the report's summary numbers"), summary, _summary_arguments),
    JournalVerb(
        "export",
        N_("export the journal as CSV files, as the JSON journal, or as FHIR for your clinic"),
        export,
        _export_arguments,
    ),
    JournalVerb(
        "import",
        N_("add the entries of a JSON journal (already present ones are skipped)"),
        import_journal,
        _import_arguments,
        writes=True,
    ),
    JournalVerb(
        "backup", N_("copy the journal to a verified backup file"), backup, _backup_arguments
    ),
    JournalVerb("audio-guide", cli_audio.HELP, cli_audio.audio_guide, cli_audio.arguments),
    FolderVerb(
        "restore",
        N_("replace the journal with a backup (the current one is backed up first)"),
        restore,
        lambda data_dir, args, exc: _("cannot restore {path}: {problem}").format(
            path=args.file, problem=exc
        ),
        _restore_arguments,
        writes=True,
    ),
    FolderVerb(
        "check",
        N_("check the journal file's integrity"),
        check,
        lambda data_dir, args, exc: _("cannot check {path}: {problem}").format(
            path=data_dir, problem=exc.strerror or exc
        ),
    ),
)

BY_NAME: dict[str, Verb] = {verb.name: verb for verb in VERBS}
