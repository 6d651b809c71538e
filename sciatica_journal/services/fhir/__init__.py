"""The FHIR R4 export for the clinic's record (docs/fhir.md)."""

from sciatica_journal.services.fhir.codes import CODES_FILE, FhirCodes, FhirCodesError, load_codes
from sciatica_journal.services.fhir.service import FhirExportResult, FhirExportService

__all__ = [
    "CODES_FILE",
    "FhirCodes",
    "FhirCodesError",
    "FhirExportResult",
    "FhirExportService",
    "load_codes",
]
