"""The command-line verbs (DESIGN §5), each taking the open services and the parsed
arguments and returning the exit status. Failures raise ``CommandError`` (one line)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
from pathlib import Path

from sciatica_journal.cli import EXIT_JOURNAL, CommandError
from sciatica_journal.paths import BACKUP_DIR_NAME, DATABASE_FILE_NAME
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
        raise CommandError(f"cannot write {target}: {exc}") from exc
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
            source, services.data_dir / BACKUP_DIR_NAME, "manual", dt.datetime.now(dt.UTC)
        )
    print(f"backed up to {target}")
    return 0


def check(services: Services, args: argparse.Namespace) -> int:
    del args
    path = services.data_dir / DATABASE_FILE_NAME
    row = (
        sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        .execute("PRAGMA integrity_check")
        .fetchone()
    )
    if row is None or row[0] != "ok":
        raise CommandError(f"{path} is damaged: {row[0] if row else 'no answer'}", EXIT_JOURNAL)
    print(f"{path}: ok")
    return 0


def restore(data_dir: Path, source: Path) -> int:
    """Replace the journal with a verified backup; the current journal is backed up first."""
    from sciatica_journal.storage import backups
    from sciatica_journal.storage.database import APPLICATION_ID, read_header

    if not source.is_file():
        raise CommandError(f"cannot restore: {source} does not exist")
    header = read_header(source)  # raises JournalFileError for a foreign file
    if header.application_id != APPLICATION_ID or not backups.is_sound(source):
        raise CommandError(f"cannot restore: {source} is not a sound Sciatica Journal backup")
    journal = data_dir / DATABASE_FILE_NAME
    now = dt.datetime.now(dt.UTC)
    incoming = journal.with_name(journal.name + ".restoring")
    backups.backup_file(source, incoming)  # a verified copy first: nothing is touched yet
    if journal.exists():
        conn = sqlite3.connect(journal, timeout=0)
        try:
            conn.execute("BEGIN EXCLUSIVE")  # fails while the app has the journal open
            conn.execute("ROLLBACK")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError as exc:
            incoming.unlink(missing_ok=True)
            raise CommandError(
                "cannot restore while the journal is in use: close the app first"
            ) from exc
        finally:
            conn.close()
        saved = backups.timestamped_backup(
            journal, data_dir / BACKUP_DIR_NAME, "before-restore", now
        )
        print(f"the current journal was backed up to {saved}")
    for suffix in ("-wal", "-shm"):
        journal.with_name(journal.name + suffix).unlink(missing_ok=True)
    incoming.replace(journal)
    print(f"restored {journal} from {source}")
    return 0
