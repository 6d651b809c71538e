"""The journal's entries as FHIR R4 Observations (docs/fhir.md): each pain score, each
exercise session, each symptom map."""

from __future__ import annotations

import uuid
from typing import Any

from sciatica_journal.domain.body import RegionCatalog
from sciatica_journal.domain.program import Program
from sciatica_journal.services.fhir.codes import FhirCodes
from sciatica_journal.storage.transfer_records import MapRecord, SessionRecord

Resource = dict[str, Any]

# Derived resources (a session's pain scores) get stable ids from the entry's UUID.
_NAMESPACE = uuid.UUID("0b5f3f4e-7d3c-4d38-9d0e-5a61c2a4f1b7")

# (field of the session, body site, timing, text)
PAIN_SCORES = (
    ("back_pain_before", "back", "before-session", "Back pain before the session"),
    ("leg_pain_before", "leg", "before-session", "Leg pain before the session"),
    ("back_pain_after", "back", "after-session", "Back pain after the session"),
    ("leg_pain_after", "leg", "after-session", "Leg pain after the session"),
)
BODY_SITE_TEXT = {"back": "Low back", "leg": "Leg"}


def derived_id(entry_uuid: str, part: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{entry_uuid}/{part}"))


def reference(resource: Resource) -> dict[str, str]:
    return {"reference": f"urn:uuid:{resource['id']}"}


class ObservationBuilder:
    def __init__(
        self,
        codes: FhirCodes,
        program: Program,
        catalog: RegionCatalog,
        language: str,
        subject: dict[str, str] | None,
    ) -> None:
        self._codes = codes
        self._program = program
        self._catalog = catalog
        self._language = language
        self._subject = subject  # a reference to the Patient, or None

    def _base(self, ident: str, code: dict[str, Any]) -> Resource:
        resource: Resource = {
            "resourceType": "Observation",
            "id": ident,
            "language": self._language,
            "status": "final",
            "code": code,
        }
        if self._subject is not None:
            resource["subject"] = self._subject
        return resource

    def pain_scores(self, session: SessionRecord) -> list[Resource]:
        """One Observation per pain score given (back and leg, before and after)."""
        found: list[Resource] = []
        for field, site, timing, text in PAIN_SCORES:
            value = getattr(session, field)
            if value is None:
                continue
            code = {"coding": [self._codes.coding("pain-severity")], "text": text}
            resource = self._base(derived_id(session.uuid, field), code)
            resource["category"] = [self._codes.concept("pain-timing", timing)]
            when = session.started_at if timing == "before-session" else session.ended_at
            resource["effectiveDateTime"] = when
            resource["valueInteger"] = int(value)
            resource["bodySite"] = {
                "coding": [self._codes.coding(site)],
                "text": BODY_SITE_TEXT[site],
            }
            found.append(resource)
        return found

    def session(self, session: SessionRecord, complete: bool, members: list[Resource]) -> Resource:
        """The session: its period, exercise, dose done and outcome; ``members``: its pain
        scores and symptom maps."""
        codes = self._codes
        resource = self._base(session.uuid, codes.concept("observation", "exercise-session"))
        resource["effectivePeriod"] = {"start": session.started_at, "end": session.ended_at}
        rung = self._program.find(session.rung)
        exercise = rung.clinical_name if self._program.has_rung(session.rung) else session.rung
        resource["valueCodeableConcept"] = codes.concept("exercise", session.rung, exercise)
        components = [
            self._component("outcome", codes.concept("session-outcome", session.outcome)),
        ]
        if session.reps_done is not None:
            components.append(self._component("reps-done", session.reps_done))
        if session.hold_seconds is not None:
            components.append(self._component("hold-seconds", session.hold_seconds))
        if session.planned is not None:
            components.append(self._component("planned", session.planned))
        components.append(self._component("complete", complete))
        if session.range_reached is not None:
            range_concept = codes.concept("press-up-range", session.range_reached)
            components.append(self._component("range-reached", range_concept))
        if session.pelvis_stayed_down is not None:
            components.append(self._component("pelvis-stayed-down", session.pelvis_stayed_down))
        components.append(self._component("stopped-for-pain", session.stopped_for_pain))
        components.append(self._component("against-advice", session.against_advice))
        resource["component"] = components
        if members:
            resource["hasMember"] = [reference(m) for m in members]
        return resource

    def _component(self, code: str, value: object) -> Resource:
        component: Resource = {"code": self._codes.concept("observation", code)}
        if isinstance(value, bool):
            component["valueBoolean"] = value
        elif isinstance(value, int):
            component["valueInteger"] = value
        else:
            component["valueCodeableConcept"] = value
        return component

    def symptom_map(self, symptom_map: MapRecord) -> Resource:
        """The map: one component per marked region, its value the kind and intensity."""
        codes = self._codes
        resource = self._base(symptom_map.uuid, codes.concept("observation", "symptom-map"))
        resource["category"] = [codes.concept("map-context", symptom_map.context)]
        resource["effectiveDateTime"] = symptom_map.recorded_at
        if not symptom_map.marks:
            resource["valueCodeableConcept"] = codes.concept("symptom", "none")
            return resource
        components = []
        for mark in symptom_map.marks:
            region = self._catalog.get(mark.region)
            name = region.name if region is not None else mark.region
            components.append(
                {
                    "code": codes.concept("body-region", mark.region, name),
                    "valueCodeableConcept": codes.concept(
                        "symptom", f"{mark.kind}-{mark.intensity}"
                    ),
                }
            )
        resource["component"] = components
        return resource
