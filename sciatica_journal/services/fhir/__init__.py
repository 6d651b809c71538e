"""The FHIR R4 export for the clinic's record (docs/fhir.md)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "CODES_FILE",
    "FhirCodes",
    "FhirCodesError",
    "FhirExportResult",
    "FhirExportService",
    "load_codes",
]
