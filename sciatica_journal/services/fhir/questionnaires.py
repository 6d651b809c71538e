"""Questionnaires and their responses (docs/fhir.md): the red-flag screening now; the
weekly measures (SBI, PSFS, PGIC) add theirs the same way, one ``QuestionnaireSource`` each."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sciatica_journal.domain.program import Program
from sciatica_journal.services.fhir.codes import FhirCodes
from sciatica_journal.storage.transfer_records import ScreenRecord

Resource = dict[str, Any]

_NAMESPACE = uuid.UUID("6f1d2a8c-3b4e-4f5a-8c7d-9e0f1a2b3c4d")


@dataclass(frozen=True)
class Question:
    link_id: str
    text: str
    kind: str  # the FHIR item type: "boolean", "integer", "choice", "string"


@dataclass(frozen=True)
class Answered:
    """One set of answers: a QuestionnaireResponse."""

    ident: str  # the entry's UUID
    authored: str  # UTC, "YYYY-MM-DDTHH:MM:SSZ"
    answers: Sequence[tuple[str, Any]]  # (link id, value) in the order asked


@dataclass(frozen=True)
class QuestionnaireSource:
    """A questionnaire of the app with the answers to it in the period."""

    name: str  # the last part of its canonical URL, e.g. "red-flags"
    title: str
    version: str
    questions: Sequence[Question]
    responses: Sequence[Answered]


def red_flag_source(program: Program, screens: Sequence[ScreenRecord]) -> QuestionnaireSource:
    questions = [Question(q.code, q.question, "boolean") for q in program.red_flags]
    return QuestionnaireSource(
        name="red-flags",
        title="Red-flag screening (signs that need a doctor)",
        version="1",
        questions=questions,
        responses=[Answered(s.uuid, s.answered_at, s.answers) for s in screens],
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
        "item": [
            {"linkId": q.link_id, "text": q.text, "type": q.kind, "required": True}
            for q in source.questions
        ],
    }


_VALUE = {bool: "valueBoolean", int: "valueInteger", str: "valueString"}


def responses(
    codes: FhirCodes,
    source: QuestionnaireSource,
    language: str,
    subject: dict[str, str] | None,
) -> list[Resource]:
    url = codes.canonical("Questionnaire", source.name)
    texts = {q.link_id: q.text for q in source.questions}
    found = []
    for answered in source.responses:
        resource: Resource = {
            "resourceType": "QuestionnaireResponse",
            "id": answered.ident,
            "language": language,
            "questionnaire": f"{url}|{source.version}",
            "status": "completed",
            "authored": answered.authored,
            "item": [
                {
                    "linkId": link_id,
                    "text": texts.get(link_id, link_id),
                    "answer": [{_VALUE[type(value)]: value}],
                }
                for link_id, value in answered.answers
            ],
        }
        if subject is not None:
            resource["subject"] = subject
            resource["author"] = subject
            resource["source"] = subject
        found.append(resource)
    return found
