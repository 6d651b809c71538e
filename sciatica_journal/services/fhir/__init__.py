"""The FHIR R4 export for the clinic's record (docs/fhir.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sciatica_journal.services.lazy_names import lazy_names

if TYPE_CHECKING:
    from sciatica_journal.services.fhir.codes import (
        CODES_FILE,
        FhirCodes,
        FhirCodesError,
        load_codes,
    )
    from sciatica_journal.services.fhir.service import FhirExportResult, FhirExportService

# Each name's module, imported when the name is first asked for (``streaming`` alone, as
# the JSON export uses it, does not load the whole FHIR export).
_WHERE = {
    "CODES_FILE": "codes",
    "FhirCodes": "codes",
    "FhirCodesError": "codes",
    "load_codes": "codes",
    "FhirExportResult": "service",
    "FhirExportService": "service",
}


__getattr__ = lazy_names(__name__, _WHERE, globals())

__all__ = [
    "CODES_FILE",
    "FhirCodes",
    "FhirCodesError",
    "FhirExportResult",
    "FhirExportService",
    "load_codes",
]
