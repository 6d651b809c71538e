"""The command-line verbs (DESIGN §5), each taking the open services and the parsed
arguments and returning the exit status. Failures raise ``CommandError`` (one line)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
from pathlib import Path

from sciatica_journal.cli import EXIT_JOURNAL, CommandError
from sciatica_journal.paths import DATABASE_FILE_NAME, backup_dir
from sciatica_journal.services.container import Services
from sciatica_journal.services.summary_service import PeriodError


def _writable_target(path: Path) -> None:
    folder = path.expanduser().absolute().parent
    if not folder.is_dir():
        raise CommandError(f"cannot write {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise CommandError(f"cannot write {path}: the folder {folder} is not writable")


def summary(services: Services, args: argparse.Namespace) -> int:
    try:
        result = services.summaries.summary(args.start, args.end)
    except PeriodError as exc:
        raise CommandError(str(exc)) from exc
    print(json.dumps(result.as_json(), indent=2, ensure_ascii=False))
    return 0


def report(services: Services, args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window, no display needed
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QGuiApplication

    from sciatica_journal.reports.body_map_painter import BodyMapDrawing
    from sciatica_journal.reports.pdf_report import ReportError, default_page_size, write_report
    from sciatica_journal.services.report_service import ReportOptions

    target: Path = args.out
    if target.suffix.lower() != ".pdf":
        raise CommandError(f"the report must be a .pdf file, not {target.name}")
    _writable_target(target)
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
        raise CommandError(f"cannot write {target}: {exc.strerror or exc}") from exc
    print(f"wrote {target} ({pages} pages)")
    return 0


def export(services: Services, args: argparse.Namespace) -> int:
    from sciatica_journal.services.transfer_service import TransferError

    target: Path = args.out
    try:
        if args.format == "json":
            _writable_target(target)
            services.transfer.export_json(target)
        else:
            if target.exists() and not target.is_dir():
                raise CommandError(f"cannot export CSV into {target}: it is a file")
            _writable_target(target)
            try:
                target.mkdir(mode=0o700, exist_ok=True)
            except OSError as exc:
                raise CommandError(f"cannot create {target}: {exc.strerror or exc}") from exc
            services.transfer.export_csv(target)
    except TransferError as exc:
        raise CommandError(str(exc)) from exc
    print(f"exported to {target}")
    return 0


def import_journal(services: Services, args: argparse.Namespace) -> int:
    from sciatica_journal.services.transfer_service import TransferError

    try:
        result = services.transfer.import_json(args.file)
    except TransferError as exc:
        raise CommandError(f"cannot import {args.file}: {exc}") from exc
    print(result.describe())
    return 0


def backup(services: Services, args: argparse.Namespace) -> int:
    from sciatica_journal.storage import backups

    source = services.data_dir / DATABASE_FILE_NAME
    if args.out is not None:
        _writable_target(args.out)
        target = backups.backup_file(source, args.out.expanduser().absolute())
    else:
        target = backups.timestamped_backup(
            source, backup_dir(services.data_dir), "manual", dt.datetime.now(dt.UTC)
        )
    print(f"backed up to {target}")
    return 0


def check(data_dir: Path) -> int:
    """One line: the journal is sound, or what is wrong with it (read-only: nothing written)."""
    from sciatica_journal.paths import migrations_dir
    from sciatica_journal.storage.database import (
        JournalFileError,
        check_file,
        integrity,
        is_writable,
    )

    path = data_dir / DATABASE_FILE_NAME
    if not path.exists():
        raise CommandError(f"{path}: there is no journal here yet")
    try:
        info = check_file(path, migrations_dir(), backup_dir(data_dir), writable=False)
    except JournalFileError as exc:
        raise CommandError(str(exc) + backup_hint(data_dir), EXIT_JOURNAL) from exc
    if not info.exists:
        print(f"{path}: empty, a journal that was never written (nothing to check)")
        return 0
    problem = integrity(path)
    if problem is not None:
        raise CommandError(
            f"{path} is damaged ({problem}); it was left untouched" + backup_hint(data_dir),
            EXIT_JOURNAL,
        )
    note = "" if is_writable(path) else " (but read-only: the app will not write to it)"
    print(f"{path}: ok{note}")
    return 0


def backup_hint(data_dir: Path) -> str:
    """ "; the newest verified backup is …" with how to restore it, or nothing."""
    from sciatica_journal.storage.backups import newest_sound_backup

    found = newest_sound_backup(backup_dir(data_dir))
    if found is None:
        return "; there is no verified backup"
    return (
        f"; the newest verified backup is {found} "
        f"(to use it: sciatica-journal restore {found} --data-dir {data_dir})"
    )


def restore(data_dir: Path, source: Path) -> int:
    """Replace the journal with a verified backup; the current journal is backed up first."""
    from sciatica_journal.storage.restore import RestoreError, restore_journal

    journal = data_dir / DATABASE_FILE_NAME
    try:
        done = restore_journal(journal, source, backup_dir(data_dir), dt.datetime.now(dt.UTC))
    except RestoreError as exc:
        raise CommandError(str(exc)) from exc
    if done.aside is not None:
        print(f"the damaged journal was kept as {done.aside}")
    if done.saved is not None:
        print(f"the current journal was backed up to {done.saved}")
    print(f"restored {journal} from {source}")
    return 0
