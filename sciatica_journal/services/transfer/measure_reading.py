"""The domain rules for the weekly measures of an import (``measures[]``): a measure this
app knows, its items (or, for the PSFS, named activities) each answered once within the
measure's scale, and the time rules every entry keeps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sciatica_journal.domain.language import _
from sciatica_journal.domain.measure_results import (
    ACTIVITY_PREFIX,
    Answer,
    AnswersError,
    activity_item,
    check_answers,
)
from sciatica_journal.domain.measures import Measure, MeasureSet
from sciatica_journal.services.transfer.results import fail
from sciatica_journal.services.transfer.schema_messages import show
from sciatica_journal.storage.transfer_records import MeasureRecord

if TYPE_CHECKING:
    from sciatica_journal.services.transfer.document_reader import DocumentReader


def _answer(measure: Measure, doc: dict[str, Any], place: str) -> Answer:
    item, value, activity = doc["item"], doc["value"], doc.get("activity")
    if not measure.low <= value <= measure.high:
        fail(
            f"{place}.value",
            _("{value} is outside {low}-{high}").format(
                value=show(value), low=measure.low, high=measure.high
            ),
        )
    if measure.names_activities:
        if not item.startswith(ACTIVITY_PREFIX):
            fail(
                f"{place}.item",
                _("{value} is not an activity (activity-1, activity-2, ...)").format(
                    value=show(item)
                ),
            )
        if activity is None or not activity.strip():
            fail(f"{place}.activity", _("an activity needs its name"))
        return Answer(item, value, activity.strip())
    if item not in {i.code for i in measure.items}:
        fail(
            f"{place}.item",
            _("{value} is not an item of {measure}").format(value=show(item), measure=measure.code),
        )
    if activity is not None:
        fail(f"{place}.activity", _("only the activities of the PSFS have a name"))
    return Answer(item, value, None)


def _answers(measure: Measure, docs: list[dict[str, Any]], place: str) -> tuple[Answer, ...]:
    answers: list[Answer] = []
    items: dict[str, int] = {}
    names: dict[str, int] = {}
    for j, doc in enumerate(docs):
        answer = _answer(measure, doc, f"{place}.answers[{j}]")
        if answer.item in items:
            fail(
                f"{place}.answers[{j}].item",
                _("{value} is answered twice (also at answers[{other}])").format(
                    value=show(answer.item), other=items[answer.item]
                ),
            )
        items[answer.item] = j
        name = (answer.activity or "").casefold()
        if answer.activity is not None and name in names:
            fail(
                f"{place}.answers[{j}].activity",
                _("{value} is named twice (also at answers[{other}])").format(
                    value=show(answer.activity), other=names[name]
                ),
            )
        names[name] = j
        answers.append(answer)
    if measure.names_activities and not 1 <= len(answers) <= measure.max_activities:
        fail(
            f"{place}.answers",
            _("name 1 to {most} activities, not {count}").format(
                most=measure.max_activities, count=len(answers)
            ),
        )
    numbered = {activity_item(n) for n in range(1, len(answers) + 1)}
    if measure.names_activities and set(items) != numbered:
        fail(
            f"{place}.answers",
            _("the activities must be numbered activity-1 to activity-{count}").format(
                count=len(answers)
            ),
        )
    missing = [i.code for i in measure.items if i.code not in items]
    if missing:
        fail(f"{place}.answers", _("the item {item} is not answered").format(item=missing[0]))
    try:
        check_answers(measure, answers)  # the rules of the weekly check itself, to be sure
    except AnswersError as exc:
        fail(f"{place}.answers", str(exc))
    return tuple(answers)


def measure_record(
    reader: DocumentReader, measures: MeasureSet, doc: dict[str, Any], place: str
) -> MeasureRecord:
    """One response of ``measures[]`` checked, as the record to write."""
    uuid = reader.uuid(doc["uuid"], place, "measure_response")
    code = doc["measure"]
    if not measures.has(code):
        fail(f"{place}.measure", _("unknown measure {value}").format(value=show(code)))
    moment = reader.time(doc["answered_at"], f"{place}.answered_at")
    zone = reader.zone(doc["zone"], f"{place}.zone")
    day = reader.local_day(doc, place, moment, zone)
    return MeasureRecord(
        uuid=uuid,
        measure=code,
        answered_at=reader.utc_text(doc["answered_at"], moment),
        zone=zone,
        local_date=day,
        answers=_answers(measures.measure(code), doc["answers"], place),
    )
