"""The FHIR R4 export for the clinic's record (docs/fhir.md): a Bundle of type
``collection`` holding the journal's entries of a period as Observations and
QuestionnaireResponses, with a Provenance marking them patient-reported; a Patient only
when the user chooses to include their name.

Ten years make 200,000 resources (270 MB): the rows are read with plain SQL
(``storage.fhir_reader``), each resource is written as JSON text from a template
(``templates``) and the text streamed to the file a thousand entries at a time, by a thread
of its own (``streaming``)."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sciatica_journal import APP_NAME, __version__
from sciatica_journal.domain.body import RegionCatalog
from sciatica_journal.domain.language import _, code
from sciatica_journal.domain.measures import MeasureSet
from sciatica_journal.domain.program import Program
from sciatica_journal.domain.timekeeping import format_utc
from sciatica_journal.services.clock import Clock
from sciatica_journal.services.fhir.codes import FhirCodes, load_codes
from sciatica_journal.services.fhir.observations import ObservationWriter
from sciatica_journal.services.fhir.questionnaires import (
    measure_source,
    questionnaire,
    red_flag_source,
    responses,
)
from sciatica_journal.services.fhir.streaming import BackgroundWriter, paused_gc
from sciatica_journal.services.fhir.templates import Template, encode, references, slot, url_of
from sciatica_journal.services.measures_loader import load_measures
from sciatica_journal.services.transfer import TransferError
from sciatica_journal.services.transfer.results import check_target
from sciatica_journal.storage import atomic_files
from sciatica_journal.storage.fhir_reader import FhirRows
from sciatica_journal.storage.transfer_store import TransferStore

log = logging.getLogger(__name__)

Resource = dict[str, Any]

_BATCH = 10_000  # pieces of text written at a time (some 1,000 entries, 1.3 MB)


@dataclass(frozen=True)
class FhirExportResult:
    path: Path
    counts: dict[str, int]  # resources by type


class FhirExportService:
    def __init__(
        self,
        program: Program,
        catalog: RegionCatalog,
        clock: Clock,
        store: TransferStore,
        codes: FhirCodes | None = None,
        measures: MeasureSet | None = None,
    ) -> None:
        self._program = program
        self._measures = measures
        self._catalog = catalog
        self._clock = clock
        self._store = store
        self._codes = codes

    @property
    def codes(self) -> FhirCodes:
        if self._codes is None:
            self._codes = load_codes()
        return self._codes

    def export(
        self,
        path: Path,
        start: dt.date | None = None,
        end: dt.date | None = None,
        *,
        include_identity: bool = False,
    ) -> FhirExportResult:
        """Write the Bundle of the entries whose local day is in ``start``..``end``
        (inclusive; open ends take everything) to ``path`` atomically; nothing is written
        on a failure."""
        path = Path(path)
        check_target(path)
        low = start.isoformat() if start is not None else ""
        high = end.isoformat() if end is not None else "9999-12-31"
        # The rows are gone before the collector is back (its first pass would walk them
        # all: a fifth of a second on ten years).
        with paused_gc():
            counts = self._read_and_write(path, low, high, include_identity)
        log.info("journal exported as FHIR")
        return FhirExportResult(path=path, counts=counts)

    def _read_and_write(
        self, path: Path, low: str, high: str, include_identity: bool
    ) -> dict[str, int]:
        """The rows of the period read, the Bundle written from them to ``path``."""
        rows = self._store.read_for_fhir(low, high)
        try:
            with (
                atomic_files.StagedFile(path) as staged,
                staged.stream() as out,
                BackgroundWriter(out) as writer,
            ):
                return self._write(writer, rows, include_identity)
        except OSError as exc:
            raise TransferError(
                _("cannot write {path}: {problem}").format(path=path, problem=exc.strerror or exc)
            ) from exc

    def _write(
        self, writer: BackgroundWriter, rows: FhirRows, include_identity: bool
    ) -> dict[str, int]:
        """The Bundle as compact JSON, a few thousand entries at a time; returns the
        resources by type."""
        language = code()
        now = format_utc(self._clock.now())
        bundle = {
            "resourceType": "Bundle",
            "id": str(uuid.uuid4()),
            "meta": {"lastUpdated": now},
            "type": "collection",
            "timestamp": now,
            "entry": slot("entries"),
        }
        head, tail = Template(bundle).parts("entries")
        entries = _Entries(writer)
        entries.pieces.append(f"{head}[")
        subject = None
        profile = rows.profile
        if include_identity and profile is not None and (profile.name or profile.birth_date):
            patient: Resource = {"resourceType": "Patient", "id": str(uuid.uuid4())}
            if profile.name:
                patient["name"] = [{"text": profile.name}]
            if profile.birth_date is not None:
                patient["birthDate"] = profile.birth_date.isoformat()
            entries.add(patient)
            subject = {"reference": f"urn:uuid:{patient['id']}"}
        build = ObservationWriter(self.codes, self._program, self._catalog, language, subject)
        pieces, urls = entries.pieces, entries.urls
        observations = len(urls)
        for session in rows.sessions:
            urls += build.session(session, pieces)
            if len(pieces) >= _BATCH:
                entries.flush()
        for symptom_map in rows.check_ins:
            urls.append(build.symptom_map(symptom_map, pieces))
        entries.counts["Observation"] = len(urls) - observations
        sources = [red_flag_source(self._program, rows.screens)]
        if self._measures is None:
            self._measures = load_measures(language=language)
        sources.extend(measure_source(m, rows.measures) for m in self._measures.measures)
        for source in sources:
            entries.add(questionnaire(self.codes, source, language), target=False)
            answered = responses(self.codes, source, language, subject, pieces)
            urls += answered
            entries.counts["QuestionnaireResponse"] += len(answered)
        if urls:
            pieces.append(self._provenance(urls, subject, now))  # the last: no comma after
            entries.counts["Provenance"] = 1
        else:  # nothing reported in the period: no Provenance (its target is 1..*)
            entries.drop_last_comma()
        pieces.append(f"]{tail}\n")
        entries.flush()
        return dict(entries.counts)

    def _provenance(self, targets: list[str], subject: dict[str, str] | None, now: str) -> str:
        """The Provenance's entry; ``targets``: the encoded fullUrls of the patient's data."""
        ident = str(uuid.uuid4())
        who = subject or {"display": _("The patient (self-reported)")}
        provenance = {
            "resourceType": "Provenance",
            "id": ident,
            "target": slot("targets"),
            "recorded": now,
            "activity": self.codes.concept("provenance-activity", "patient-reported"),
            "agent": [{"who": who}],
            "entity": [
                {
                    "role": "source",
                    "what": {"display": f"{APP_NAME} {__version__} journal"},
                }
            ],
        }
        shape = {"fullUrl": f"urn:uuid:{ident}", "resource": provenance}
        return Template(shape).fill({"targets": references(targets)})


class _Entries:
    """The Bundle's entries as they are written: the pieces of their text not yet written
    (each entry followed by a comma), the encoded fullUrls of the patient's data (the
    Provenance's targets), the resources by type."""

    def __init__(self, writer: BackgroundWriter) -> None:
        self.pieces: list[str] = []
        self.urls: list[str] = []
        self.counts: Counter[str] = Counter()
        self._writer = writer

    def add(self, resource: Resource, *, target: bool = True) -> None:
        """A resource built as a dict (``target``: the Provenance covers it)."""
        ident = resource["id"]
        self.pieces += (encode({"fullUrl": f"urn:uuid:{ident}", "resource": resource}), ",")
        if target:
            self.urls.append(url_of(ident))
        self.counts[resource["resourceType"]] += 1

    def drop_last_comma(self) -> None:
        """The last entry added (by ``add``, still unwritten) is the Bundle's last: the
        comma after it goes."""
        if self.pieces and self.pieces[-1] == ",":
            self.pieces.pop()

    def flush(self) -> None:
        self._writer.write("".join(self.pieces))
        self.pieces.clear()
