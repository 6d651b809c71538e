"""The weekly check (issue 15): which measures are due, saving a check's answers, and
baseline vs latest of each measure for the report, Progress and ``summary --json``."""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from collections.abc import Mapping, Sequence
from typing import Any

from sciatica_journal.domain.measure_results import (
    Answer,
    AnswersError,
    MeasureChange,
    MeasureResponse,
    WeeklyCheck,
    check_answers,
    measure_change,
    score,
    weekly_check,
)
from sciatica_journal.domain.measures import MeasureSet
from sciatica_journal.domain.timekeeping import local_date
from sciatica_journal.services.clock import Clock
from sciatica_journal.storage.measure_store import MeasureStore


class MeasureService:
    def __init__(self, measures: MeasureSet, clock: Clock, store: MeasureStore) -> None:
        self._measures = measures
        self._clock = clock
        self._store = store

    @property
    def measures(self) -> MeasureSet:
        return self._measures

    def now(self) -> dt.datetime:
        return self._clock.now()

    def today(self) -> dt.date:
        return local_date(self._clock.now(), self._clock.zone)

    def check(self) -> WeeklyCheck:
        """Which measures are due today (the baseline at first use, then weekly)."""
        return weekly_check(self._measures, self._store.answered_on(), self.today())

    def is_due(self) -> bool:
        return bool(self.check().due)

    def activities(self) -> tuple[str, ...]:
        """The PSFS activities of the latest check, to be asked again (in their order)."""
        for code in (m.code for m in self._measures.measures if m.names_activities):
            latest = [r for r in self._store.responses() if r.measure == code]
            if latest:
                return tuple(a.activity or "" for a in latest[-1].answers)
        return ()

    def record(
        self, answers: Mapping[str, Sequence[Answer]], *, at: dt.datetime | None = None
    ) -> tuple[str, ...]:
        """Check and save one weekly check (``answers`` by measure code) in one transaction;
        the UUIDs of the saved responses (to take them back by). Bad answers raise
        ``AnswersError`` naming the item and save nothing."""
        when = at or self._clock.now()
        zone = self._clock.zone
        responses = []
        for code, given in answers.items():
            if not self._measures.has(code):
                raise AnswersError(f"{code!r} is not a measure this app knows")
            measure = self._measures.measure(code)
            cleaned = tuple(
                Answer(a.item, a.value, a.activity.strip() if a.activity else None) for a in given
            )
            check_answers(measure, cleaned)
            responses.append(
                MeasureResponse(
                    str(uuidlib.uuid4()), code, when, zone, local_date(when, zone), cleaned
                )
            )
        if not responses:
            raise AnswersError("a weekly check needs at least one measure answered")
        self._store.insert(responses)
        return tuple(r.uuid for r in responses)

    def forget(self, uuids: Sequence[str]) -> None:
        """Undo a check: its responses are removed."""
        self._store.delete(uuids)

    def responses(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[MeasureResponse]:
        return self._store.responses(start, end)

    def changes(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> tuple[MeasureChange, ...]:
        """Baseline vs latest of every measure within the period (all when not given)."""
        found = self._store.responses(start, end)
        return tuple(measure_change(m, found) for m in self._measures.measures)

    def scores(self, code: str) -> list[tuple[dt.date, float]]:
        """Each response's score of the measure ``code`` by its local date (for a chart)."""
        measure = self._measures.measure(code)
        return [
            (r.local_date, score(measure, r)) for r in self._store.responses() if r.measure == code
        ]

    def as_json(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[dict[str, Any]]:
        """``summary --json``'s ``measures``: baseline vs latest of each measure."""
        return [change_json(self._measures, c) for c in self.changes(start, end)]


def change_json(measures: MeasureSet, change: MeasureChange) -> dict[str, Any]:
    measure = measures.measure(change.measure)
    important = measure.important
    low, high = measure.score_range
    return {
        "code": measure.code,
        "name": measure.name,
        "range": [low, high],
        "better": measure.better.value,
        "responses": change.responses,
        "baseline": change.baseline,
        "baseline_date": change.baseline_date.isoformat() if change.baseline_date else None,
        "latest": change.latest,
        "latest_date": change.latest_date.isoformat() if change.latest_date else None,
        "change": change.change,
        "important_change": {
            "kind": important.kind.value,
            "value": important.value,
            "activity_value": important.activity_value,
            "source": important.source,
        },
        "reaches_important_change": change.important,
        "activities": [
            {
                "name": a.name,
                "baseline": a.baseline,
                "latest": a.latest,
                "change": a.change,
                "reaches_important_change": a.important,
            }
            for a in change.activities
        ],
    }
