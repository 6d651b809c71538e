"""Symptom maps and their marks."""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib

from sciatica_journal.domain.body import Mark, RecordedMap, SymptomKind, SymptomMap
from sciatica_journal.domain.red_flags import Trigger
from sciatica_journal.domain.timekeeping import format_utc, local_date, parse_utc
from sciatica_journal.storage import models
from sciatica_journal.storage.extents import map_columns
from sciatica_journal.storage.store import Store, bound


def new_uuid() -> str:
    return str(uuidlib.uuid4())


def insert_map(
    symptoms: SymptomMap, *, at: dt.datetime, zone: str, context: str, note: str = ""
) -> models.SymptomMap:
    """Insert a map with its marks and extents; returns its row. The caller is a bound
    store method and holds the transaction."""
    return models.SymptomMap.create(
        uuid=new_uuid(),
        recorded_at=format_utc(at),
        zone=zone,
        local_date=local_date(at, zone).isoformat(),
        context=context,
        note=note,
        **map_columns(symptoms),
    )


def symptoms_of(marks: tuple[tuple[str, str, int], ...]) -> SymptomMap:
    """The domain's map of a row's ``marks``."""
    return SymptomMap(marks=tuple(Mark(r, SymptomKind(k), i) for r, k, i in marks))


def load_map(map_id: int) -> SymptomMap:
    """The marks of one map (the caller is a bound store method)."""
    row = (
        models.SymptomMap.select(models.SymptomMap.marks)
        .where(models.SymptomMap.id == map_id)
        .first()
    )
    return SymptomMap() if row is None else symptoms_of(row.marks)


class SymptomStore(Store):
    """Check-ins saved on their own, and the maps read back."""

    @bound
    def save_check_in(
        self,
        symptoms: SymptomMap,
        *,
        at: dt.datetime,
        zone: str,
        note: str,
        red_flags_due: Trigger | None,
    ) -> str:
        """Save a map on its own; ``red_flags_due`` is remembered with it, in one
        transaction. Returns the map's UUID."""
        with self._db.atomic():
            row = insert_map(symptoms, at=at, zone=zone, context="check-in", note=note)
            if red_flags_due is not None:
                models.AppState.insert(
                    key=models.RED_FLAGS_PENDING, value=red_flags_due.value
                ).on_conflict_replace().execute()
            return str(row.uuid)

    @bound
    def load_map(self, map_id: int) -> SymptomMap:
        return load_map(map_id)

    @bound
    def latest_maps(self, count: int = 1) -> list[RecordedMap]:
        """The newest maps, newest first."""
        rows = (
            models.SymptomMap.select()
            .order_by(models.SymptomMap.recorded_at.desc(), models.SymptomMap.id.desc())
            .limit(count)
        )
        return [
            RecordedMap(
                uuid=row.uuid,
                recorded_at=parse_utc(row.recorded_at),
                zone=row.zone,
                context=row.context,
                note=row.note,
                symptoms=symptoms_of(row.marks),
            )
            for row in rows
        ]
