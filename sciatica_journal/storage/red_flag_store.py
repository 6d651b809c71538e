"""Red-flag screenings and their answers, and whether the questions are due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from peewee import ModelSelect

from sciatica_journal.domain.red_flags import RecordedScreen, ScreenResult, Trigger
from sciatica_journal.domain.timekeeping import format_utc, local_date, parse_utc
from sciatica_journal.storage import models
from sciatica_journal.storage.sql import tuples
from sciatica_journal.storage.store import Store, bound
from sciatica_journal.storage.symptom_store import new_uuid


def clear_pending() -> None:
    """Forget that the questions are due (the caller is a bound store method)."""
    models.AppState.delete().where(models.AppState.key == models.RED_FLAGS_PENDING).execute()


def _recorded(query: ModelSelect[models.RedFlagScreen]) -> list[RecordedScreen]:
    """The screenings ``query`` selects, each with its answers (read in a few queries, not
    one a screening: the Journal lists them all)."""
    rows = list(query)
    answers: dict[int, dict[str, bool]] = {row.id: {} for row in rows}
    ids = list(answers)
    for start in range(0, len(ids), 500):  # under SQLite's limit on bound parameters
        chunk = ids[start : start + 500]
        a = models.RedFlagAnswer
        query_answers = (
            a.select(a.screen, a.question, a.answer).where(a.screen.in_(chunk)).order_by(a.id)
        )
        for screen_id, question, answer in tuples(query_answers):
            answers[screen_id][question] = bool(answer)
    return [
        RecordedScreen(
            uuid=row.uuid,
            answered_at=parse_utc(row.answered_at),
            local_date=dt.date.fromisoformat(row.local_date),
            trigger=Trigger(row.trigger),
            result=ScreenResult(row.result),
            answers=answers[row.id],
            zone=row.zone,
        )
        for row in rows
    ]


class RedFlagStore(Store):
    """Red-flag screenings and the pending questions."""

    @bound
    def insert_screen(
        self,
        answers: Mapping[str, bool],
        *,
        result: ScreenResult,
        trigger: Trigger,
        at: dt.datetime,
        zone: str,
    ) -> str:
        """Save a screening with its answers (it answers any pending questions); returns
        its UUID."""
        with self._db.atomic():
            clear_pending()
            row = models.RedFlagScreen.create(
                uuid=new_uuid(),
                answered_at=format_utc(at),
                zone=zone,
                local_date=local_date(at, zone).isoformat(),
                trigger=trigger.value,
                result=result.value,
            )
            models.RedFlagAnswer.insert_many(
                [
                    {"screen": row.id, "question": code, "answer": yes}
                    for code, yes in answers.items()
                ]
            ).execute()
        return str(row.uuid)

    @bound
    def screens_on(self, day: dt.date) -> list[RecordedScreen]:
        return _recorded(
            models.RedFlagScreen.select()
            .where(models.RedFlagScreen.local_date == day.isoformat())
            .order_by(models.RedFlagScreen.answered_at)
        )

    @bound
    def recent_screens(self, limit: int | None = None) -> list[RecordedScreen]:
        """Every screening (on its own or within a session), newest first."""
        query = models.RedFlagScreen.select().order_by(
            models.RedFlagScreen.answered_at.desc(), models.RedFlagScreen.id.desc()
        )
        return _recorded(query if limit is None else query.limit(limit))

    @bound
    def screen(self, uuid: str) -> RecordedScreen | None:
        found = _recorded(models.RedFlagScreen.select().where(models.RedFlagScreen.uuid == uuid))
        return found[0] if found else None

    @bound
    def set_pending(self, trigger: Trigger) -> None:
        """Remember that the questions are due until they are answered."""
        models.AppState.insert(
            key=models.RED_FLAGS_PENDING, value=trigger.value
        ).on_conflict_replace().execute()

    @bound
    def pending(self) -> Trigger | None:
        row = models.AppState.get_or_none(models.AppState.key == models.RED_FLAGS_PENDING)
        return None if row is None else Trigger(row.value)

    @bound
    def clear_pending(self) -> None:
        clear_pending()

    @bound
    def delete_screen(self, uuid: str, pending_before: Trigger | None) -> bool:
        """Take a screening back out (its answers go with it) and, if questions were pending
        before it was answered, make them pending again. False: no such screening (and
        nothing changed)."""
        with self._db.atomic():
            deleted = (
                models.RedFlagScreen.delete().where(models.RedFlagScreen.uuid == uuid).execute()
            )
            if deleted and pending_before is not None:
                self.set_pending(pending_before)
        return bool(deleted)
