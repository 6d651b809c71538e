"""An import written into the journal: what the journal lacks, in one transaction.
Entries whose UUID the journal already holds are skipped (a skipped session is skipped
with its maps)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping, Sequence
from operator import itemgetter
from typing import Any

from peewee import DatabaseError, chunked

from sciatica_journal.domain.body import Mark, SymptomKind, SymptomMap
from sciatica_journal.domain.timekeeping import format_utc
from sciatica_journal.storage import models
from sciatica_journal.storage.codecs import encode, encoders, uuid_bytes
from sciatica_journal.storage.extents import map_columns
from sciatica_journal.storage.profile_store import ProfileStore
from sciatica_journal.storage.sql import cursor
from sciatica_journal.storage.store import Store, bound
from sciatica_journal.storage.transfer_reader import existing
from sciatica_journal.storage.transfer_records import (
    CHECK_INS,
    MEASURES,
    NOTES,
    PROFILE,
    RED_FLAG_SCREENS,
    SESSIONS,
    ImportCounts,
    ImportWriteError,
    JournalContents,
    MapRecord,
    MarkRecord,
    SessionRecord,
)
from sciatica_journal.storage.write_failures import plain_failure


def _session_row(s: SessionRecord, map_ids: dict[str, int], updated_at: str) -> dict[str, Any]:
    return {
        "uuid": s.uuid,
        "rung": s.rung,
        "started_at": s.started_at,
        "ended_at": s.ended_at,
        "zone": s.zone,
        "local_date": s.local_date,
        "back_pain_before": s.back_pain_before,
        "leg_pain_before": s.leg_pain_before,
        "back_pain_after": s.back_pain_after,
        "leg_pain_after": s.leg_pain_after,
        "outcome": s.outcome,
        "reps_done": s.reps_done,
        "hold_seconds": s.hold_seconds,
        "range_reached": s.range_reached,
        "pelvis_stayed_down": s.pelvis_stayed_down,
        "stopped_for_pain": s.stopped_for_pain,
        "map_before": None if s.map_before is None else map_ids[s.map_before.uuid],
        "map_after": None if s.map_after is None else map_ids[s.map_after.uuid],
        "note": s.note,
        "updated_at": updated_at,
        "planned": s.planned,
        "against_advice": s.against_advice,
    }


UNDO_ORDER: tuple[tuple[str, Any], ...] = (
    ("screens", models.RedFlagScreen),
    ("sessions", models.ExerciseSession),
    ("maps", models.SymptomMap),
    ("notes", models.JournalNote),
    ("measures", models.MeasureResponse),
)


class TransferWriter(Store):
    """Writes an import (already validated) into the journal."""

    @bound
    def import_contents(
        self, contents: JournalContents, *, zone: str, now: dt.datetime
    ) -> ImportCounts:
        """Write what the journal lacks, all in one transaction; returns what was added/skipped.

        ``contents`` must already be validated. A session whose UUID exists is skipped with
        its maps; a session map whose UUID exists (but not its session) is linked, not copied.
        The profile is taken only when the user has not set one up yet.
        """
        try:
            return self._import(contents, zone=zone, now=now)
        except (DatabaseError, sqlite3.DatabaseError) as exc:  # after the rollback of it all
            plain = plain_failure(exc)
            raise ImportWriteError(
                plain or (str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            ) from exc

    def _import(self, contents: JournalContents, *, zone: str, now: dt.datetime) -> ImportCounts:
        counts = ImportCounts()
        stamp = format_utc(now)
        profiles = ProfileStore(self.journal)
        with self._db.atomic():
            if contents.profile is not None:
                if profiles.profile_saved():
                    counts.skipped[PROFILE] = 1
                else:
                    profiles.save_profile(contents.profile, zone, now)
                    counts.added[PROFILE] = 1

            known_sessions = existing(models.ExerciseSession, (s.uuid for s in contents.sessions))
            new_sessions = [s for s in contents.sessions if s.uuid not in known_sessions]
            counts.skipped[SESSIONS] = len(contents.sessions) - len(new_sessions)
            counts.added[SESSIONS] = len(new_sessions)

            session_maps = [m for s in new_sessions for m in (s.map_before, s.map_after) if m]
            known_maps = existing(
                models.SymptomMap,
                [m.uuid for m in session_maps] + [m.uuid for m in contents.check_ins],
            )
            new_check_ins = [m for m in contents.check_ins if m.uuid not in known_maps]
            counts.skipped[CHECK_INS] = len(contents.check_ins) - len(new_check_ins)
            counts.added[CHECK_INS] = len(new_check_ins)
            map_ids = dict(known_maps)
            new_maps = [m for m in session_maps if m.uuid not in known_maps] + new_check_ins
            map_ids.update(self._insert_maps(new_maps))
            counts.written["sessions"] = [s.uuid for s in new_sessions]
            counts.written["maps"] = [m.uuid for m in new_maps]

            self._insert_rows(
                models.ExerciseSession, [_session_row(s, map_ids, stamp) for s in new_sessions]
            )
            session_ids = existing(
                models.ExerciseSession,
                {s.session_uuid for s in contents.screens if s.session_uuid is not None},
            )

            known_screens = existing(models.RedFlagScreen, (s.uuid for s in contents.screens))
            new_screens = [s for s in contents.screens if s.uuid not in known_screens]
            counts.skipped[RED_FLAG_SCREENS] = len(contents.screens) - len(new_screens)
            counts.added[RED_FLAG_SCREENS] = len(new_screens)
            counts.written["screens"] = [s.uuid for s in new_screens]
            self._insert_rows(
                models.RedFlagScreen,
                [
                    {
                        "uuid": s.uuid,
                        "answered_at": s.answered_at,
                        "zone": s.zone,
                        "local_date": s.local_date,
                        "trigger": s.trigger,
                        "result": s.result,
                        "session": None if s.session_uuid is None else session_ids[s.session_uuid],
                    }
                    for s in new_screens
                ],
            )
            screen_ids = existing(models.RedFlagScreen, (s.uuid for s in new_screens))
            self._insert_rows(
                models.RedFlagAnswer,
                [
                    {"screen": screen_ids[s.uuid], "question": code, "answer": yes}
                    for s in new_screens
                    for code, yes in s.answers
                ],
            )

            known_notes = existing(models.JournalNote, (n.uuid for n in contents.notes))
            new_notes = [n for n in contents.notes if n.uuid not in known_notes]
            counts.skipped[NOTES] = len(contents.notes) - len(new_notes)
            counts.added[NOTES] = len(new_notes)
            counts.written["notes"] = [n.uuid for n in new_notes]
            self._insert_rows(
                models.JournalNote,
                [
                    {
                        "uuid": n.uuid,
                        "written_at": n.written_at,
                        "zone": n.zone,
                        "local_date": n.local_date,
                        "text": n.text,
                    }
                    for n in new_notes
                ],
            )
            self._import_measures(contents, counts)
        return counts

    def _import_measures(self, contents: JournalContents, counts: ImportCounts) -> None:
        """The weekly measures' responses the journal lacks (by UUID), with their answers."""
        known = existing(models.MeasureResponse, (m.uuid for m in contents.measures))
        new = [m for m in contents.measures if m.uuid not in known]
        counts.skipped[MEASURES] = len(contents.measures) - len(new)
        counts.added[MEASURES] = len(new)
        counts.written["measures"] = [m.uuid for m in new]
        self._insert_rows(
            models.MeasureResponse,
            [
                {
                    "uuid": m.uuid,
                    "measure": m.measure,
                    "answered_at": m.answered_at,
                    "zone": m.zone,
                    "local_date": m.local_date,
                }
                for m in new
            ],
        )
        ids = existing(models.MeasureResponse, (m.uuid for m in new))
        self._insert_rows(
            models.MeasureAnswer,
            [
                {"response": ids[m.uuid], "item": a.item, "value": a.value, "activity": a.activity}
                for m in new
                for a in m.answers
            ],
        )

    @bound
    def remove_written(self, written: Mapping[str, Sequence[str]]) -> int:
        """Take an import back out: delete the rows it wrote (their marks and answers go
        with them), in one transaction; returns how many were removed. Rows already gone
        are passed over. Screens point at sessions and sessions at their maps: that order."""
        removed = 0
        with self._db.atomic():
            for key, model in UNDO_ORDER:
                uuids = list(written.get(key, ()))
                if model is models.SymptomMap and uuids:
                    removed += self._remove_maps(uuids)
                    continue
                for batch in chunked(uuids, 400):
                    removed += model.delete().where(model.uuid.in_(batch)).execute()
        return removed

    def _remove_maps(self, uuids: Sequence[str]) -> int:
        """Delete maps by UUID: found in one pass (a session's maps have no index on it)."""
        wanted = {uuid_bytes(u) for u in uuids}
        table = models.SymptomMap._meta.table_name
        ids = [
            i for i, blob in self.sql(f'SELECT id, uuid FROM "{table}"') if bytes(blob) in wanted
        ]
        removed = 0
        for batch in chunked(ids, 400):
            removed += models.SymptomMap.delete().where(models.SymptomMap.id.in_(batch)).execute()
        return removed

    def _insert_maps(self, maps: Sequence[MapRecord]) -> dict[str, int]:
        """Insert maps with their marks and extents; returns uuid -> new id (given here, after
        the highest id: a session's maps have no index on their UUID)."""
        (top,) = self.sql(f'SELECT max(id) FROM "{models.SymptomMap._meta.table_name}"').fetchone()
        first = int(top or 0) + 1
        ids = {m.uuid: first + n for n, m in enumerate(maps)}
        columns: dict[tuple[MarkRecord, ...], dict[str, object]] = {}  # marks repeat
        packed = models.SymptomMap.marks
        for m in maps:
            if m.marks not in columns:
                found = map_columns(
                    SymptomMap(
                        tuple(Mark(k.region, SymptomKind(k.kind), k.intensity) for k in m.marks)
                    )
                )
                found["marks"] = encode(packed, found["marks"])  # packed once, here
                columns[m.marks] = found
        self._insert_rows(
            models.SymptomMap,
            [
                {
                    "id": ids[m.uuid],
                    "uuid": m.uuid,
                    "recorded_at": m.recorded_at,
                    "zone": m.zone,
                    "local_date": m.local_date,
                    "context": m.context,
                    "note": m.note,
                    **columns[m.marks],
                }
                for m in maps
            ],
        )
        return ids

    def _insert_rows(self, model: type[models.BaseModel], rows: Sequence[dict[str, Any]]) -> None:
        """INSERT the rows (dicts keyed by field name, each value encoded by its field) with
        one prepared statement. The values are encoded column by column (``encoders``: a
        column kept as it is is not touched, a coded one is looked up once per name)."""
        if not rows:
            return
        names = list(rows[0])
        fields = [model._meta.fields[n] for n in names]
        columns = ", ".join(f'"{f.column_name}"' for f in fields)
        sql = (
            f'INSERT INTO "{model._meta.table_name}" ({columns}) '
            f"VALUES ({', '.join('?' for _ in names)})"
        )
        values = [
            map(itemgetter(n), rows) if put is None else map(put, map(itemgetter(n), rows))
            for put, n in zip(encoders(fields), names, strict=True)
        ]
        cursor(self._db).executemany(sql, zip(*values, strict=True))
