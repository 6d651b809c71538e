"""Questionnaires and their responses (docs/fhir.md): the red-flag screening and the
weekly measures (SBI, PSFS, PGIC), one ``QuestionnaireSource`` each."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sciatica_journal.domain.language import _
from sciatica_journal.domain.measure_results import activity_item
from sciatica_journal.domain.measures import Measure
from sciatica_journal.domain.program import Program
from sciatica_journal.services.fhir.codes import FhirCodes
from sciatica_journal.services.fhir.templates import encode, entry, slot, string, url_of
from sciatica_journal.storage.transfer_records import MeasureRecord, ScreenRecord

Resource = dict[str, Any]

_NAMESPACE = uuid.UUID("6f1d2a8c-3b4e-4f5a-8c7d-9e0f1a2b3c4d")


@dataclass(frozen=True)
class Question:
    link_id: str
    text: str
    kind: str  # the FHIR item type: "boolean", "integer", "choice", "string"
    required: bool = True


@dataclass(frozen=True)
class Answered:
    """One set of answers: a QuestionnaireResponse."""

    ident: str  # the entry's UUID
    authored: str  # UTC, "YYYY-MM-DDTHH:MM:SSZ"
    answers: Sequence[tuple[str, Any]]  # (link id, value) in the order asked
    texts: Mapping[str, str] = field(default_factory=dict)  # link id -> this item's own text


@dataclass(frozen=True)
class QuestionnaireSource:
    """A questionnaire of the app with the answers to it in the period."""

    name: str  # the last part of its canonical URL, e.g. "red-flags"
    title: str
    version: str
    questions: Sequence[Question]
    responses: Sequence[Answered]
    description: str | None = None


def red_flag_source(program: Program, screens: Sequence[ScreenRecord]) -> QuestionnaireSource:
    questions = [Question(q.code, q.question, "boolean") for q in program.red_flags]
    return QuestionnaireSource(
        name="red-flags",
        title=_("Red-flag screening (signs that need a doctor)"),
        version="1",
        questions=questions,
        responses=[Answered(s.uuid, s.answered_at, s.answers) for s in screens],
    )


def measure_source(measure: Measure, answered: Sequence[MeasureRecord]) -> QuestionnaireSource:
    """A weekly measure (``measures.toml``) and its responses: an ``integer`` item per
    item (SBI 0-6, PGIC 1-7); the PSFS has ``activity-1`` ... ``activity-<max>`` (0-10), of
    which the first is required, each response giving the activity's name as the text."""
    if measure.names_activities:
        questions = [
            Question(
                activity_item(n),
                _("Activity {number} (named by the patient)").format(number=n),
                "integer",
                required=n == 1,
            )
            for n in range(1, measure.max_activities + 1)
        ]
    else:
        questions = [Question(i.code, i.text, "integer") for i in measure.items]
    scale = ", ".join(f"{point} = {words}" for point, words in measure.anchors.items())
    return QuestionnaireSource(
        name=measure.code,
        title=measure.name,
        version="1",
        questions=questions,
        responses=[
            Answered(
                r.uuid,
                r.answered_at,
                [(a.item, a.value) for a in r.answers],
                {a.item: a.activity for a in r.answers if a.activity is not None},
            )
            for r in answered
            if r.measure == measure.code
        ],
        description=_("{question} ({low}-{high}: {scale}) Source: {source}").format(
            question=measure.question,
            low=measure.low,
            high=measure.high,
            scale=scale,
            source=measure.source,
        ),
    )


def questionnaire(codes: FhirCodes, source: QuestionnaireSource, language: str) -> Resource:
    url = codes.canonical("Questionnaire", source.name)
    return {
        "resourceType": "Questionnaire",
        "id": str(uuid.uuid5(_NAMESPACE, f"{url}|{source.version}|{language}")),
        "language": language,
        "url": url,
        "version": source.version,
        "name": "".join(part.title() for part in source.name.split("-")),
        "title": source.title,
        "status": "active",
        "subjectType": ["Patient"],
        **({"description": source.description} if source.description else {}),
        "item": [
            {"linkId": q.link_id, "text": q.text, "type": q.kind, "required": q.required}
            for q in source.questions
        ],
    }


_VALUE = {bool: "valueBoolean", int: "valueInteger", str: "valueString"}


def responses(
    codes: FhirCodes,
    source: QuestionnaireSource,
    language: str,
    subject: dict[str, str] | None,
    out: list[str],
) -> list[str]:
    """The entries of the responses (JSON text, ``templates``) added to ``out``; returns
    their encoded fullUrls. An item's text is encoded once for all responses."""
    url = codes.canonical("Questionnaire", source.name)
    texts = {q.link_id: q.text for q in source.questions}
    shape: Resource = {
        "resourceType": "QuestionnaireResponse",
        "id": slot("id"),
        "language": language,
        "questionnaire": f"{url}|{source.version}",
        "status": "completed",
        "authored": slot("authored"),
        "item": slot("items"),
    }
    if subject is not None:
        shape["subject"] = subject
        shape["author"] = subject
        shape["source"] = subject
    p0, p1, p2, p3, p4 = entry(shape).parts("url", "id", "authored", "items")
    encoded: dict[tuple[str, str, type, object], str] = {}  # the type: True is not 1 here
    urls = []
    for answered in source.responses:
        items = []
        for link_id, value in answered.answers:
            text = answered.texts.get(link_id) or texts.get(link_id, link_id)
            key = (link_id, text, type(value), value)
            item = encoded.get(key)
            if item is None:
                answer = [{_VALUE[type(value)]: value}]
                item = encoded[key] = encode({"linkId": link_id, "text": text, "answer": answer})
            items.append(item)
        response_url = url_of(answered.ident)
        ident, authored = string(answered.ident), string(answered.authored)
        out += (p0, response_url, p1, ident, p2, authored, p3, f"[{','.join(items)}]", p4)
        urls.append(response_url)
    return urls
