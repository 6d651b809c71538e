"""Export the journal (the JSON journal, or CSV files) and import a JSON journal.

An import is checked completely before anything is written: the file must be
readable UTF-8 JSON, a Sciatica Journal file, valid against
``resources/journal.schema.json``, and keep the domain rules (known regions and
exercises, pain 0-10, times neither reversed nor in the future). Then it is
written in one transaction; entries whose UUID the journal holds are skipped.
Every failure is a ``TransferError`` with one line naming the place and the
problem, and leaves the journal unchanged. See ``docs/journal-format.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sciatica_journal.services.lazy_names import lazy_names

if TYPE_CHECKING:
    from sciatica_journal.services.transfer.csv_tables import (
        CSV_COLUMNS,
        CSV_FILES,
        FORMULA_STARTS,
        csv_cell,
    )
    from sciatica_journal.services.transfer.document_reader import FUTURE_TOLERANCE, UUID_LENGTH
    from sciatica_journal.services.transfer.json_writing import FORMAT, VERSION
    from sciatica_journal.services.transfer.results import ExportResult, ImportReport, TransferError
    from sciatica_journal.services.transfer.schema_loading import SCHEMA_FILE
    from sciatica_journal.services.transfer.service import TransferService

# Where each name lives: a module is imported when one of its names is first asked for, so
# that importing one part (``results`` for ``TransferError``) does not load them all (the
# window starts without the export and import code).
_WHERE = {
    "CSV_COLUMNS": "csv_tables",
    "CSV_FILES": "csv_tables",
    "FORMULA_STARTS": "csv_tables",
    "csv_cell": "csv_tables",
    "FUTURE_TOLERANCE": "document_reader",
    "UUID_LENGTH": "document_reader",
    "FORMAT": "json_writing",
    "VERSION": "json_writing",
    "ExportResult": "results",
    "ImportReport": "results",
    "TransferError": "results",
    "SCHEMA_FILE": "schema_loading",
    "TransferService": "service",
}


__getattr__ = lazy_names(__name__, _WHERE, globals())

__all__ = [
    "CSV_COLUMNS",
    "CSV_FILES",
    "FORMAT",
    "FORMULA_STARTS",
    "FUTURE_TOLERANCE",
    "SCHEMA_FILE",
    "UUID_LENGTH",
    "VERSION",
    "ExportResult",
    "ImportReport",
    "TransferError",
    "TransferService",
    "csv_cell",
]
