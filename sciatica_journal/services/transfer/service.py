"""The transfer facade: export the journal (the JSON journal, or CSV files), check and
import a JSON journal, and take an import back."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

from sciatica_journal.domain.body import RegionCatalog
from sciatica_journal.domain.language import _
from sciatica_journal.domain.measures import MeasureSet
from sciatica_journal.domain.program import Program
from sciatica_journal.domain.timekeeping import format_utc
from sciatica_journal.paths import resource_path
from sciatica_journal.services.clock import Clock
from sciatica_journal.services.fhir.streaming import paused_gc
from sciatica_journal.services.measures_loader import load_measures
from sciatica_journal.services.transfer import parallel_parts
from sciatica_journal.services.transfer.csv_tables import csv_files
from sciatica_journal.services.transfer.document_reader import DocumentReader
from sciatica_journal.services.transfer.forked_answer import ForkedAnswer
from sciatica_journal.services.transfer.json_entries import EntryTexts, as_text
from sciatica_journal.services.transfer.json_reading import (
    check_is_journal,
    check_text,
    read_journal_file,
)
from sciatica_journal.services.transfer.json_stream import write_document
from sciatica_journal.services.transfer.json_writing import journal_document, journal_parts
from sciatica_journal.services.transfer.results import (
    ExportResult,
    ImportReport,
    TransferError,
    check_target,
)
from sciatica_journal.services.transfer.schema_check import SchemaChecker
from sciatica_journal.services.transfer.schema_loading import SCHEMA_FILE, load_validator
from sciatica_journal.services.transfer.schema_messages import document_order, schema_message
from sciatica_journal.services.transfer.session_rows import session_text
from sciatica_journal.storage import atomic_files, transfer_records
from sciatica_journal.storage.transfer_records import JournalContents
from sciatica_journal.storage.transfer_store import TransferStore
from sciatica_journal.storage.write_failures import plain_failure

log = logging.getLogger(__name__)


class TransferService:
    def __init__(
        self,
        program: Program,
        catalog: RegionCatalog,
        clock: Clock,
        store: TransferStore,
        schema_path: Path | None = None,
        before_import: Callable[[], object] | None = None,
        measures: MeasureSet | None = None,
    ) -> None:
        self._store = store
        self._measures = measures  # the weekly measures an import's answers must fit
        self._before_import = before_import  # e.g. a verified backup of the journal
        self._program = program
        self._catalog = catalog
        self._clock = clock
        self._schema_path = schema_path or resource_path(SCHEMA_FILE)
        self._validator: SchemaChecker | None = None

    # --- export --------------------------------------------------------------------------

    def journal_document(self, *, include_identity: bool = True) -> dict[str, Any]:
        """The whole journal as the JSON document of ``docs/journal-format.md``."""
        return self._document(self._store.read_all(), include_identity)

    def export_json(self, path: Path, *, include_identity: bool = True) -> ExportResult:
        """Write the JSON journal to ``path`` atomically. ``include_identity=False`` leaves
        out the name and birth date."""
        path = Path(path)
        check_target(path)
        with paused_gc():  # no cycles made: the collector's passes over the rows are waste
            return self._export_json(path, include_identity)

    def _export_json(self, path: Path, include_identity: bool) -> ExportResult:
        # Where this process may fork, parts of the sessions are made by other processes,
        # reading them in the same snapshot while it holds the write lock (storage); it
        # reads the rest of the journal meanwhile.
        forks = parallel_parts.may_fork()
        with self._store.export_snapshot(shared=forks) as (read, sessions, shared):
            workers = None if shared else 1
            with session_text(sessions, self._program, workers=workers) as session_texts:
                contents = read()
                head, lists = journal_parts(
                    contents,
                    exported_at=format_utc(self._clock.now()),
                    include_identity=include_identity,
                    program=self._program,
                )
                try:  # streamed: the document never exists as one string (json_stream)
                    with atomic_files.StagedFile(path) as staged, staged.stream() as out:
                        texts = as_text(lists, contents, session_texts, EntryTexts())
                        write_document(out, head, texts)
                except OSError as exc:
                    raise TransferError(
                        _("cannot write {path}: {problem}").format(
                            path=path, problem=exc.strerror or exc
                        )
                    ) from exc
        log.info("journal exported as JSON")
        counts = _counts(contents) | {transfer_records.SESSIONS: len(sessions)}
        return ExportResult(paths=(Path(path),), counts=counts)

    def export_csv(self, folder: Path) -> ExportResult:
        """Write one CSV file per table into an existing ``folder`` (UTF-8 with a BOM, so
        spreadsheets read the accents; formula-like text cells escaped)."""
        folder = Path(folder)
        if not folder.exists():
            raise TransferError(
                _("cannot export to {folder}: the folder does not exist").format(folder=folder)
            )
        if not folder.is_dir():
            raise TransferError(
                _("cannot export to {folder}: it is not a folder").format(folder=folder)
            )
        contents = self._store.read_all()
        files = [(folder / name, text) for name, text in csv_files(contents, self._program)]
        _write_files(files, encoding="utf-8-sig")
        log.info("journal exported as CSV")
        return ExportResult(paths=tuple(p for p, _ in files), counts=_counts(contents))

    def _document(self, contents: JournalContents, include_identity: bool) -> dict[str, Any]:
        return journal_document(
            contents,
            exported_at=format_utc(self._clock.now()),
            include_identity=include_identity,
            program=self._program,
        )

    # --- import --------------------------------------------------------------------------

    def import_json(self, path: Path) -> ImportReport:
        """Check the file completely, then add what the journal lacks in one transaction."""
        with paused_gc():  # the parsed file is a few million objects, none in a cycle
            return self._import_json(Path(path))

    def _import_json(self, path: Path) -> ImportReport:
        document, escapes = read_journal_file(path)
        contents = self._checked(document, text_may_be_invalid=escapes)
        del document  # the records are what is written
        if self._before_import is not None:
            try:
                self._before_import()
            except OSError as exc:
                raise TransferError(
                    _("no backup could be made first, so nothing was imported: {problem}").format(
                        problem=exc.strerror or exc
                    )
                ) from exc
        try:
            counts = self._store.import_contents(
                contents, zone=self._clock.zone, now=self._clock.now()
            )
        except transfer_records.ImportWriteError as exc:
            message = _("the journal could not be written, nothing was imported: {problem}").format(
                problem=exc
            )
            raise TransferError(message) from exc
        log.info("journal imported")
        return ImportReport(
            added=dict(counts.added),
            skipped=dict(counts.skipped),
            added_entries={k: tuple(v) for k, v in counts.written.items()},
        )

    def remove_imported(self, added: Mapping[str, Sequence[str]]) -> int:
        """Undo an import: the entries it added, and only those, are removed (a profile it
        set up stays). Returns how many were removed."""
        try:
            removed = self._store.remove_written(added)
        except Exception as exc:
            plain = plain_failure(exc)
            if plain is None:
                raise
            raise TransferError(
                _("{problem}: the import was not taken back").format(problem=plain)
            ) from exc
        log.info("import taken back")
        return removed

    def check_document(self, document: object) -> JournalContents:
        """Validate a parsed journal (format, schema, domain rules) without writing."""
        return self._checked(document, text_may_be_invalid=True)

    def _checked(self, document: object, *, text_may_be_invalid: bool) -> JournalContents:
        check_is_journal(document)
        if text_may_be_invalid:  # else no text can hold a lone surrogate
            check_text(document)
        journal = cast(dict[str, Any], document)  # an object: checked above
        validator = self._schema_validator()
        if self._measures is None:
            self._measures = load_measures()  # codes and scales are the same in every language
        reader = DocumentReader(
            self._program, self._catalog, self._clock, self._store, self._measures
        )
        sessions = journal.get("sessions")
        many = isinstance(sessions, list) and len(sessions) >= parallel_parts.MIN_PART
        with ForkedAnswer(lambda: validator.is_valid(journal), worth=many) as valid:
            if not valid.forked:  # the schema first, then the entries: as it always was
                _raise_schema_errors(validator, journal)
                return reader.read(journal)
            # The entries read while a child checks the schema: what reading a file that
            # fails it raises gives way to the schema's message.
            try:
                contents, problem = reader.read(journal), None
            except Exception as exc:
                contents, problem = None, exc
            if not valid.answer():
                _raise_schema_errors(validator, journal)
        if problem is not None:
            raise problem
        assert contents is not None
        return contents

    def _schema_validator(self) -> SchemaChecker:
        if self._validator is None:
            self._validator = load_validator(self._schema_path)
        return self._validator


def _raise_schema_errors(validator: SchemaChecker, journal: dict[str, Any]) -> None:
    errors = list(validator.iter_errors(journal))
    if errors:
        raise TransferError(schema_message(min(errors, key=document_order)))


def _counts(contents: JournalContents) -> dict[str, int]:
    return {
        transfer_records.PROFILE: int(contents.profile is not None),
        transfer_records.SESSIONS: len(contents.sessions),
        transfer_records.CHECK_INS: len(contents.check_ins),
        transfer_records.RED_FLAG_SCREENS: len(contents.screens),
        transfer_records.NOTES: len(contents.notes),
        transfer_records.MEASURES: len(contents.measures),
    }


def _write_files(files: Sequence[tuple[Path, str]], encoding: str) -> None:
    """Write every file atomically and durably (``storage.atomic_files``): all are written
    and fsynced before any is renamed into place; a failure leaves no temporary files."""
    for path, _text in files:
        check_target(path)
    try:
        atomic_files.write_files([(path, text.encode(encoding)) for path, text in files])
    except atomic_files.AtomicWriteError as exc:
        raise TransferError(
            _("cannot write {path}: {problem}").format(path=exc.target, problem=exc.strerror or exc)
        ) from exc
