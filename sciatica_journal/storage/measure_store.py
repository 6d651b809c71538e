"""The answers to the weekly measures (tables of migration 0004)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from peewee import ModelSelect

from sciatica_journal.domain.measure_results import Answer, MeasureResponse
from sciatica_journal.domain.timekeeping import format_utc, local_date, parse_utc
from sciatica_journal.storage import models
from sciatica_journal.storage.sql import tuples
from sciatica_journal.storage.store import Store, bound


class DuplicateResponseError(ValueError):
    """A response with this UUID is already in the journal."""


def _recorded(query: ModelSelect[models.MeasureResponse]) -> list[MeasureResponse]:
    rows = list(query)
    answers: dict[int, list[Answer]] = {row.id: [] for row in rows}
    ids = list(answers)
    a = models.MeasureAnswer
    for start in range(0, len(ids), 500):  # under SQLite's limit on bound parameters
        chunk = ids[start : start + 500]
        found = a.select(a.response, a.item, a.value, a.activity).where(a.response.in_(chunk))
        for response, item, value, activity in tuples(found.order_by(a.id)):
            answers[response].append(Answer(item, int(value), activity))
    return [
        MeasureResponse(
            uuid=row.uuid,
            measure=row.measure,
            answered_at=parse_utc(row.answered_at),
            zone=row.zone,
            local_date=dt.date.fromisoformat(row.local_date),
            answers=tuple(answers[row.id]),
        )
        for row in rows
    ]


class MeasureStore(Store):
    """Weekly measures: each response with its answers."""

    @bound
    def insert(self, responses: Sequence[MeasureResponse]) -> None:
        """Save ``responses`` (one weekly check) in one transaction; a UUID already in the
        journal raises ``DuplicateResponseError`` and saves nothing."""
        with self._db.atomic():
            for response in responses:
                r = models.MeasureResponse
                if r.select().where(r.uuid == response.uuid).exists():
                    raise DuplicateResponseError(response.uuid)
                row = r.create(
                    uuid=response.uuid,
                    measure=response.measure,
                    answered_at=format_utc(response.answered_at),
                    zone=response.zone,
                    local_date=local_date(response.answered_at, response.zone).isoformat(),
                )
                models.MeasureAnswer.insert_many(
                    [
                        {
                            "response": row.id,
                            "item": a.item,
                            "value": a.value,
                            "activity": a.activity,
                        }
                        for a in response.answers
                    ]
                ).execute()

    @bound
    def responses(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[MeasureResponse]:
        """Every response (between the local dates ``start`` and ``end``, inclusive),
        oldest first."""
        r = models.MeasureResponse
        query = r.select()
        if start is not None:
            query = query.where(r.local_date >= start.isoformat())
        if end is not None:
            query = query.where(r.local_date <= end.isoformat())
        return _recorded(query.order_by(r.answered_at, r.id))

    @bound
    def answered_on(self) -> list[dt.date]:
        """The local dates on which measures were answered, oldest first."""
        r = models.MeasureResponse
        query = r.select(r.local_date).distinct().order_by(r.local_date)
        return [dt.date.fromisoformat(day) for (day,) in tuples(query)]

    @bound
    def delete(self, uuids: Sequence[str]) -> int:
        """Delete the responses ``uuids`` with their answers; how many were deleted."""
        r = models.MeasureResponse
        return int(r.delete().where(r.uuid.in_(list(uuids))).execute())
