"""The whole journal as plain records: read for an export (``transfer_reader``; the FHIR
export's own reads in ``fhir_reader``), written by an import (``transfer_writer``); the
records themselves are in ``transfer_records``."""

from __future__ import annotations

from sciatica_journal.storage.fhir_reader import FhirReader
from sciatica_journal.storage.transfer_writer import TransferWriter


class TransferStore(FhirReader, TransferWriter):
    """Export and import on one journal: everything read, what it lacks written."""
