"""The journal's entries as FHIR R4 Observations (docs/fhir.md): each pain score, each
exercise session, each symptom map — written as JSON text from templates (``templates``),
the parts that repeat (an exercise, a session's components, a map's marks) encoded once."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any, cast

from sciatica_journal.domain.body import RegionCatalog
from sciatica_journal.domain.doses import complete_in
from sciatica_journal.domain.program import Program
from sciatica_journal.services.fhir.codes import FhirCodes
from sciatica_journal.services.fhir.templates import (
    Template,
    encode,
    entry,
    put,
    references,
    slot,
    string,
    url_of,
)
from sciatica_journal.storage.fhir_reader import MapRow, Mark, SessionRow

Resource = dict[str, Any]

# Derived resources (a session's pain scores) get stable ids from the entry's UUID.
_NAMESPACE = uuid.UUID("0b5f3f4e-7d3c-4d38-9d0e-5a61c2a4f1b7")
_HASHED_NAMESPACE = hashlib.sha1(_NAMESPACE.bytes, usedforsecurity=False)
_VARIANT = {f"{n:x}": f"{(n & 0x3) | 0x8:x}" for n in range(16)}  # RFC 4122: 10xx

# (field of the session, body site, timing, text)
PAIN_SCORES = (
    ("back_pain_before", "back", "before-session", "Back pain before the session"),
    ("leg_pain_before", "leg", "before-session", "Leg pain before the session"),
    ("back_pain_after", "back", "after-session", "Back pain after the session"),
    ("leg_pain_after", "leg", "after-session", "Leg pain after the session"),
)
BODY_SITE_TEXT = {"back": "Low back", "leg": "Leg"}


def derived_id(entry_uuid: str, part: str) -> str:
    """``uuid.uuid5(_NAMESPACE, f"{entry_uuid}/{part}")`` as text, the SHA-1 of the
    namespace taken once (three times as fast; 117,000 of them in ten years)."""
    digest = _HASHED_NAMESPACE.copy()
    digest.update(f"{entry_uuid}/{part}".encode())
    h = digest.hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


class ObservationWriter:
    """The entries (JSON text) of the Observations: each method adds the pieces of text of
    its entries to ``out``, in the Bundle's order (a writer joins them)."""

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
        self._pain = [
            (
                field,
                SessionRow._fields.index(field),
                timing == "after-session",
                self._pain_entry(site, timing, text).parts("url", "id", "when", "value"),
            )
            for field, site, timing, text in PAIN_SCORES
        ]
        session = self._base(codes.concept("observation", "exercise-session"))
        session["effectivePeriod"] = {"start": slot("start"), "end": slot("end")}
        session["valueCodeableConcept"] = slot("exercise")
        session["component"] = slot("components")
        names = ("url", "id", "start", "end", "exercise", "components")
        self._session = entry(session).parts(*names)
        with_members = entry({**session, "hasMember": slot("members")})
        self._session_with_members = with_members.parts(*names, "members")
        symptom_map = self._base(codes.concept("observation", "symptom-map"))
        symptom_map["category"] = slot("category")
        symptom_map["effectiveDateTime"] = slot("when")
        map_names = ("url", "id", "category", "when")
        none = codes.concept("symptom", "none")
        self._empty_map = entry({**symptom_map, "valueCodeableConcept": none}).parts(*map_names)
        marked = entry({**symptom_map, "component": slot("components")})
        self._map = marked.parts(*map_names, "components")
        self._exercises: dict[str, str] = {}
        self._components: dict[tuple[Any, ...], str] = {}
        self._categories: dict[str, str] = {}
        self._marks: dict[tuple[Mark, ...], str] = {}

    def _base(self, code: dict[str, Any]) -> Resource:
        resource: Resource = {
            "resourceType": "Observation",
            "id": slot("id"),
            "language": self._language,
            "status": "final",
            "code": code,
        }
        if self._subject is not None:
            resource["subject"] = self._subject
        return resource

    def _pain_entry(self, site: str, timing: str, text: str) -> Template:
        resource = self._base({"coding": [self._codes.coding("pain-severity")], "text": text})
        resource["category"] = [self._codes.concept("pain-timing", timing)]
        resource["effectiveDateTime"] = slot("when")
        resource["valueInteger"] = slot("value")
        resource["bodySite"] = {"coding": [self._codes.coding(site)], "text": BODY_SITE_TEXT[site]}
        return entry(resource)

    def session(self, session: SessionRow, out: list[str]) -> list[str]:
        """The session (its period, exercise, dose done and outcome), then its members:
        its pain scores (one Observation per score given) and its symptom maps. Returns
        the encoded fullUrls of these entries."""
        session_uuid = session.uuid
        start, end = string(session.started_at), string(session.ended_at)
        url = url_of(session_uuid)
        urls = [url]
        members: list[str] = []
        # The pieces of a pain score's entry (117,000 of them) are put in as they are.
        for field, index, after, (p0, p1, p2, p3, p4) in self._pain:
            value = cast("int | None", session[index])
            if value is None:
                continue
            ident = derived_id(session_uuid, field)
            member = f'"urn:uuid:{ident}"'  # hexadecimal digits and dashes: as it is
            when = end if after else start
            members += (p0, member, p1, f'"{ident}"', p2, when, p3, str(int(value)), p4)
            urls.append(member)
        for symptom_map in (session.map_before, session.map_after):
            if symptom_map is not None:
                urls.append(self.symptom_map(symptom_map, members))
        values = (
            url,
            string(session_uuid),
            start,
            end,
            self._exercise(session.rung),
            self._session_components(session),
        )
        if len(urls) > 1:
            put(out, self._session_with_members, (*values, references(urls[1:])))
        else:
            put(out, self._session, values)
        out += members
        return urls

    def _exercise(self, slug: str) -> str:
        found = self._exercises.get(slug)
        if found is None:
            program = self._program
            name = program.find(slug).clinical_name if program.has_rung(slug) else slug
            found = self._exercises[slug] = encode(self._codes.concept("exercise", slug, name))
        return found

    def _session_components(self, s: SessionRow) -> str:
        """The components' JSON: the same for every session with the same outcome and
        dose (a few hundred different ones in ten years)."""
        key = (
            s.rung,
            s.outcome,
            s.reps_done,
            s.hold_seconds,
            s.planned,
            s.range_reached,
            s.pelvis_stayed_down,
            s.stopped_for_pain,
            s.against_advice,
        )
        found = self._components.get(key)
        if found is None:
            found = self._components[key] = encode(self._components_of(s))
        return found

    def _components_of(self, s: SessionRow) -> list[Resource]:
        codes = self._codes
        complete = complete_in(
            self._program, s.rung, s.reps_done, s.hold_seconds, s.stopped_for_pain
        )
        components = [
            self._component("outcome", codes.concept("session-outcome", s.outcome)),
        ]
        if s.reps_done is not None:
            components.append(self._component("reps-done", s.reps_done))
        if s.hold_seconds is not None:
            components.append(self._component("hold-seconds", s.hold_seconds))
        if s.planned is not None:
            components.append(self._component("planned", s.planned))
        components.append(self._component("complete", complete))
        if s.range_reached is not None:
            range_concept = codes.concept("press-up-range", s.range_reached)
            components.append(self._component("range-reached", range_concept))
        if s.pelvis_stayed_down is not None:
            components.append(self._component("pelvis-stayed-down", s.pelvis_stayed_down))
        components.append(self._component("stopped-for-pain", s.stopped_for_pain))
        components.append(self._component("against-advice", s.against_advice))
        return components

    def _component(self, code: str, value: object) -> Resource:
        component: Resource = {"code": self._codes.concept("observation", code)}
        if isinstance(value, bool):
            component["valueBoolean"] = value
        elif isinstance(value, int):
            component["valueInteger"] = value
        else:
            component["valueCodeableConcept"] = value
        return component

    def symptom_map(self, symptom_map: MapRow, out: list[str]) -> str:
        """The map: one component per marked region, its value the kind and intensity.
        Returns the encoded fullUrl of its entry."""
        url = url_of(symptom_map.uuid)
        ident = string(symptom_map.uuid)
        category = self._category(symptom_map.context)
        when = string(symptom_map.recorded_at)
        if symptom_map.marks:
            p0, p1, p2, p3, p4, p5 = self._map
            components = self._marked(symptom_map.marks)
            out += (p0, url, p1, ident, p2, category, p3, when, p4, components, p5)
        else:
            p0, p1, p2, p3, p4 = self._empty_map
            out += (p0, url, p1, ident, p2, category, p3, when, p4)
        return url

    def _category(self, context: str) -> str:
        found = self._categories.get(context)
        if found is None:
            concept = self._codes.concept("map-context", context)
            found = self._categories[context] = encode([concept])
        return found

    def _marked(self, marks: tuple[Mark, ...]) -> str:
        found = self._marks.get(marks)
        if found is None:
            codes = self._codes
            components = []
            for region_code, kind, intensity in marks:
                region = self._catalog.get(region_code)
                name = region.name if region is not None else region_code
                components.append(
                    {
                        "code": codes.concept("body-region", region_code, name),
                        "valueCodeableConcept": codes.concept("symptom", f"{kind}-{intensity}"),
                    }
                )
            found = self._marks[marks] = encode(components)
        return found
