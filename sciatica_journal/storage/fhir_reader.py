"""The journal read for the FHIR export: only the columns it needs, as plain rows of
plain SQL (ten years hold some 29,000 sessions, 58,000 maps and 83,000 marks; peewee's
rows and the export's records cost several times as much as the rows themselves)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from sciatica_journal.domain.profile import Profile
from sciatica_journal.storage import models
from sciatica_journal.storage.codecs import columns_sql, decoded
from sciatica_journal.storage.profile_store import ProfileStore
from sciatica_journal.storage.store import bound
from sciatica_journal.storage.transfer_reader import TransferReader
from sciatica_journal.storage.transfer_records import MeasureRecord, ScreenRecord

Mark = tuple[str, str, int]  # region, kind, intensity


class MapRow(NamedTuple):
    uuid: str
    recorded_at: str
    context: str
    marks: tuple[Mark, ...]  # in the order marked


class SessionRow(NamedTuple):
    uuid: str
    rung: str
    started_at: str
    ended_at: str
    back_pain_before: int | None
    leg_pain_before: int | None
    back_pain_after: int | None
    leg_pain_after: int | None
    outcome: str
    reps_done: int | None
    hold_seconds: int | None
    planned: int | None
    range_reached: str | None
    pelvis_stayed_down: bool | None
    stopped_for_pain: bool
    against_advice: bool
    map_before: MapRow | None
    map_after: MapRow | None


@dataclass(frozen=True)
class FhirRows:
    """What the FHIR export holds of a period, each kind oldest first; ``check_ins`` are
    the maps that belong to no session."""

    profile: Profile | None
    sessions: list[SessionRow]
    check_ins: list[MapRow]
    screens: list[ScreenRecord]
    measures: list[MeasureRecord]


def _table(model: type[models.BaseModel]) -> str:
    return f'"{model._meta.table_name}"'


_E = models.ExerciseSession
_SESSION_FIELDS = (
    _E.id,
    _E.local_date,
    _E.uuid,
    _E.rung,
    _E.started_at,
    _E.ended_at,
    _E.back_pain_before,
    _E.leg_pain_before,
    _E.back_pain_after,
    _E.leg_pain_after,
    _E.outcome,
    _E.reps_done,
    _E.hold_seconds,
    _E.planned,
    _E.range_reached,
    _E.pelvis_stayed_down,
    _E.stopped_for_pain,
    _E.against_advice,
    _E.map_before,
    _E.map_after,
)
_SESSIONS = f"SELECT {columns_sql(_SESSION_FIELDS)} FROM {_table(_E)} ORDER BY started_at, id"
_M = models.SymptomMap
_MAP_FIELDS = (_M.id, _M.local_date, _M.uuid, _M.recorded_at, _M.context, _M.marks)
_MAPS = f"SELECT {columns_sql(_MAP_FIELDS)} FROM {_table(_M)} ORDER BY recorded_at, id"


class FhirReader(TransferReader):
    """The FHIR export's reads (the rest of an export's reads are ``TransferReader``'s);
    each table is read once, whole (a period is most often all of it)."""

    def _maps(self) -> dict[int, tuple[str, MapRow]]:
        """Every map by id, with its local day, oldest first."""
        return {
            map_id: (day, MapRow(uuid, recorded_at, context, marks))
            for map_id, day, uuid, recorded_at, context, marks in decoded(
                _MAP_FIELDS, self.sql(_MAPS)
            )
        }

    @bound
    def read_for_fhir(self, low: str = "", high: str = "9999-12-31") -> FhirRows:
        """The entries whose local day (``YYYY-MM-DD``) is in ``low``..``high``, both
        inclusive; a session brings its maps along, whatever their own day."""
        profiles = ProfileStore(self.journal)
        with self._db.atomic("DEFERRED"):  # one consistent snapshot; no write lock
            maps = self._maps()
            in_sessions: set[int] = set()
            session_uuids: dict[int, str] = {}
            sessions = []
            for row_id, day, *row in decoded(_SESSION_FIELDS, self.sql(_SESSIONS)):
                session_uuids[row_id] = row[0]
                pelvis, stopped, against, before, after = row[13:]
                in_sessions.update((before, after))
                if low <= day <= high:
                    map_before = None if before is None else maps.get(before)
                    map_after = None if after is None else maps.get(after)
                    sessions.append(
                        SessionRow._make(
                            (
                                *row[:13],
                                None if pelvis is None else bool(pelvis),
                                bool(stopped),
                                bool(against),  # NULL (older sessions): not against advice
                                None if map_before is None else map_before[1],
                                None if map_after is None else map_after[1],
                            )
                        )
                    )
            check_ins = [
                found
                for map_id, (day, found) in maps.items()
                if map_id not in in_sessions and low <= day <= high
            ]
            screens = [s for s in self._screens(session_uuids.get) if low <= s.local_date <= high]
            measures = [m for m in self._measures() if low <= m.local_date <= high]
            profile = profiles.load_profile() if profiles.profile_saved() else None
        return FhirRows(profile, sessions, check_ins, screens, measures)
