"""The FHIR R4 export for the clinic's record (docs/fhir.md): a Bundle of type
``collection`` holding the journal's entries of a period as Observations and
QuestionnaireResponses, with a Provenance marking them patient-reported; a Patient only
when the user chooses to include their name."""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
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
from sciatica_journal.services.fhir.observations import ObservationBuilder, reference
from sciatica_journal.services.fhir.questionnaires import (
    measure_source,
    questionnaire,
    red_flag_source,
    responses,
)
from sciatica_journal.services.measures_loader import load_measures
from sciatica_journal.services.transfer import TransferError
from sciatica_journal.services.transfer.json_writing import session_complete
from sciatica_journal.storage import atomic_files
from sciatica_journal.storage.transfer_records import JournalContents
from sciatica_journal.storage.transfer_store import TransferStore

log = logging.getLogger(__name__)

Resource = dict[str, Any]


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

    def bundle(
        self,
        start: dt.date | None = None,
        end: dt.date | None = None,
        *,
        include_identity: bool = False,
    ) -> Resource:
        """The Bundle of the entries whose local day is in ``start``..``end`` (inclusive;
        open ends take everything)."""
        contents = _in_period(self._store.read_all(), start, end)
        language = code()
        entries: list[Resource] = []
        subject = None
        profile = contents.profile
        if include_identity and profile is not None and (profile.name or profile.birth_date):
            patient: Resource = {"resourceType": "Patient", "id": str(uuid.uuid4())}
            if profile.name:
                patient["name"] = [{"text": profile.name}]
            if profile.birth_date is not None:
                patient["birthDate"] = profile.birth_date.isoformat()
            entries.append(patient)
            subject = reference(patient)
        build = ObservationBuilder(self.codes, self._program, self._catalog, language, subject)
        for session in contents.sessions:
            members = build.pain_scores(session)
            for symptom_map in (session.map_before, session.map_after):
                if symptom_map is not None:
                    members.append(build.symptom_map(symptom_map))
            complete = session_complete(session, self._program)
            entries.append(build.session(session, complete, members))
            entries.extend(members)
        entries.extend(build.symptom_map(m) for m in contents.check_ins)
        source = red_flag_source(self._program, contents.screens)
        entries.append(questionnaire(self.codes, source, language))
        entries.extend(responses(self.codes, source, language, subject))
        if self._measures is None:
            self._measures = load_measures(language=language)
        for measure in self._measures.measures:
            asked = measure_source(measure, contents.measures)
            entries.append(questionnaire(self.codes, asked, language))
            entries.extend(responses(self.codes, asked, language, subject))
        now = format_utc(self._clock.now())
        entries.append(self._provenance(entries, subject, now))
        return {
            "resourceType": "Bundle",
            "id": str(uuid.uuid4()),
            "meta": {"lastUpdated": now},
            "type": "collection",
            "timestamp": now,
            "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in entries],
        }

    def _provenance(
        self, targets: list[Resource], subject: dict[str, str] | None, now: str
    ) -> Resource:
        who = subject or {"display": "The patient (self-reported)"}
        return {
            "resourceType": "Provenance",
            "id": str(uuid.uuid4()),
            "target": [reference(r) for r in targets if r["resourceType"] != "Questionnaire"],
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

    def export(
        self,
        path: Path,
        start: dt.date | None = None,
        end: dt.date | None = None,
        *,
        include_identity: bool = False,
    ) -> FhirExportResult:
        """Write the Bundle to ``path`` atomically; nothing is written on a failure."""
        path = Path(path)
        if path.is_dir():
            raise TransferError(_("cannot write {path}: it is a folder").format(path=path))
        if not path.parent.is_dir():
            raise TransferError(
                _("cannot write {path}: the folder {folder} does not exist").format(
                    path=path, folder=path.parent
                )
            )
        bundle = self.bundle(start, end, include_identity=include_identity)
        # Compact, so the C encoder does it (indenting falls back to the pure-Python one:
        # 20x slower on ten years); a record system reads it, not a person.
        text = json.dumps(bundle, ensure_ascii=False, separators=(",", ":")) + "\n"
        try:
            atomic_files.write_files([(path, text.encode("utf-8"))])
        except atomic_files.AtomicWriteError as exc:
            raise TransferError(
                _("cannot write {path}: {problem}").format(
                    path=exc.target, problem=exc.strerror or exc
                )
            ) from exc
        counts: dict[str, int] = {}
        for entry in bundle["entry"]:
            kind = entry["resource"]["resourceType"]
            counts[kind] = counts.get(kind, 0) + 1
        log.info("journal exported as FHIR")
        return FhirExportResult(path=path, counts=counts)


def _in_period(
    contents: JournalContents, start: dt.date | None, end: dt.date | None
) -> JournalContents:
    low = start.isoformat() if start is not None else ""
    high = end.isoformat() if end is not None else "9999-12-31"

    def inside(day: str) -> bool:
        return low <= day <= high

    return JournalContents(
        profile=contents.profile,
        sessions=tuple(s for s in contents.sessions if inside(s.local_date)),
        check_ins=tuple(m for m in contents.check_ins if inside(m.local_date)),
        screens=tuple(s for s in contents.screens if inside(s.local_date)),
        notes=(),
        measures=tuple(m for m in contents.measures if inside(m.local_date)),
    )
