"""Red-flag screenings and their answers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sciatica_journal.domain.red_flags import RecordedScreen, ScreenResult, Trigger
from sciatica_journal.domain.timekeeping import format_utc, local_date, parse_utc
from sciatica_journal.storage import models
from sciatica_journal.storage.symptom_store import new_uuid


def insert_screen(
    answers: Mapping[str, bool],
    *,
    result: ScreenResult,
    trigger: Trigger,
    at: dt.datetime,
    zone: str,
) -> str:
    with models.database.atomic():
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
            [{"screen": row.id, "question": code, "answer": yes} for code, yes in answers.items()]
        ).execute()
    return str(row.uuid)


def screens_on(day: dt.date) -> list[RecordedScreen]:
    rows = (
        models.RedFlagScreen.select()
        .where(models.RedFlagScreen.local_date == day.isoformat())
        .order_by(models.RedFlagScreen.answered_at)
    )
    return [
        RecordedScreen(
            uuid=row.uuid,
            answered_at=parse_utc(row.answered_at),
            local_date=dt.date.fromisoformat(row.local_date),
            trigger=Trigger(row.trigger),
            result=ScreenResult(row.result),
            answers={a.question: a.answer for a in row.answers},
        )
        for row in rows
    ]


PENDING_KEY = "red_flags_pending"


def set_pending(trigger: Trigger) -> None:
    """Remember that the questions are due until they are answered."""
    models.AppState.insert(key=PENDING_KEY, value=trigger.value).on_conflict_replace().execute()


def pending() -> Trigger | None:
    row = models.AppState.get_or_none(models.AppState.key == PENDING_KEY)
    return None if row is None else Trigger(row.value)


def clear_pending() -> None:
    models.AppState.delete().where(models.AppState.key == PENDING_KEY).execute()


def delete_screen(uuid: str, pending_before: Trigger | None) -> bool:
    """Take a screening back out (its answers go with it) and, if questions were pending
    before it was answered, make them pending again. False: no such screening."""
    with models.database.atomic():
        deleted = models.RedFlagScreen.delete().where(models.RedFlagScreen.uuid == uuid).execute()
        if deleted and pending_before is not None:
            set_pending(pending_before)
    return bool(deleted)
