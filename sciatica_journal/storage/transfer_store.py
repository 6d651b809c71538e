"""The whole journal as plain records: read for an export (``transfer_reader``), written
by an import (``transfer_writer``); the records themselves are in ``transfer_records``."""

from __future__ import annotations

from sciatica_journal.storage.transfer_reader import TransferReader
from sciatica_journal.storage.transfer_writer import TransferWriter


class TransferStore(TransferReader, TransferWriter):
    """Export and import on one journal: everything read, what it lacks written."""
