"""Symptom maps and their marks."""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib

from sciatica_journal.domain.body import Mark, RecordedMap, SymptomKind, SymptomMap
from sciatica_journal.domain.red_flags import Trigger
from sciatica_journal.domain.timekeeping import format_utc, local_date, parse_utc
from sciatica_journal.storage import models
from sciatica_journal.storage.store import Store, bound


def new_uuid() -> str:
    return str(uuidlib.uuid4())


def insert_map(
    symptoms: SymptomMap, *, at: dt.datetime, zone: str, context: str, note: str = ""
) -> models.SymptomMap:
    """Insert a map and its marks; returns its row. The caller is a bound store method
    and holds the transaction."""
    row = models.SymptomMap.create(
        uuid=new_uuid(),
        recorded_at=format_utc(at),
        zone=zone,
        local_date=local_date(at, zone).isoformat(),
        context=context,
        note=note,
    )
    if symptoms.marks:
        models.SymptomMark.insert_many(
            [
                {
                    "symptom_map": row.id,
                    "region": m.region,
                    "kind": m.kind.value,
                    "intensity": m.intensity,
                }
                for m in symptoms.marks
            ]
        ).execute()
    return row


def load_map(map_id: int) -> SymptomMap:
    """The marks of one map (the caller is a bound store method)."""
    rows = (
        models.SymptomMark.select()
        .where(models.SymptomMark.symptom_map == map_id)
        .order_by(models.SymptomMark.id)
    )
    return SymptomMap(
        marks=tuple(
            Mark(region=r.region, kind=SymptomKind(r.kind), intensity=r.intensity) for r in rows
        )
    )


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
            return row.uuid

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
                symptoms=load_map(row.id),
            )
            for row in rows
        ]
