"""The sessions of an export: their rows and their symptom maps' rows fetched at once, in
the export's one snapshot of the journal, then turned into records a part at a time.

Ten years hold some 30,000 sessions and 60,000 maps; turning their stored values into
records (UUIDs, times, codes) is most of an export's work, and it needs nothing but the
rows: a part can be turned in a process forked after the reading, which never queries the
journal (every code the rows hold is read before, ``codecs.primed``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sciatica_journal.storage.codecs import decoded_by, primed
from sciatica_journal.storage.transfer_records import MapRecord, MarkRecord, SessionRecord

BEFORE, AFTER = 17, 18  # where a session's row holds its two maps' ids (SessionRecord's order)


class ExportSessions:
    """The sessions of an export, oldest first, as rows to be turned into records."""

    def __init__(
        self,
        sessions: list[Sequence[Any]],
        maps: dict[int, Sequence[Any]],
        session_readers: list[Any],
        map_readers: list[Any],
    ) -> None:
        """``sessions``: the stored rows in ``SessionRecord``'s order, the maps' ids at
        ``BEFORE`` and ``AFTER``, then ``planned``, ``against_advice`` and the row's id;
        ``maps``: every map's stored row by id (its id, then ``MapRecord``'s order), of
        sessions and check-ins; the readers made by a bound store method (``codecs.readers``)."""
        self._sessions = sessions
        self._maps = maps
        self._session_readers = session_readers
        self._map_readers = map_readers
        self._marks: dict[tuple[tuple[str, str, int], ...], tuple[MarkRecord, ...]] = {}
        primed(session_readers, sessions)
        primed(map_readers, list(maps.values()))

    def __len__(self) -> int:
        return len(self._sessions)

    def map_ids(self) -> set[int]:
        """The ids of the maps that belong to a session."""
        found = {row[BEFORE] for row in self._sessions} | {row[AFTER] for row in self._sessions}
        found.discard(None)
        return found

    def maps(self, ids: Sequence[int]) -> list[MapRecord]:
        """The maps of ``ids`` as records, in that order."""
        marks = self._marks
        found = []
        for _id, uuid, recorded_at, zone, day, context, note, packed in decoded_by(
            self._map_readers, [self._maps[i] for i in ids]
        ):
            records = marks.get(packed)
            if records is None:
                records = marks[packed] = tuple(MarkRecord(*mark) for mark in packed)
            found.append(MapRecord(uuid, recorded_at, zone, day, context, note, records))
        return found

    def records(self, start: int = 0, stop: int | None = None) -> list[SessionRecord]:
        """Sessions ``start`` to ``stop`` (as a slice) as records, with their maps."""
        part = self._sessions[start:stop]
        ids = [i for row in part for i in (row[BEFORE], row[AFTER]) if i is not None]
        maps = dict(zip(ids, self.maps(ids), strict=True))
        map_of = maps.get
        return [
            # NULL against_advice (older sessions): not against the advice
            SessionRecord._make((*values, map_of(before), map_of(after), planned, bool(against)))
            for *values, before, after, planned, against, _row_id in decoded_by(
                self._session_readers, part
            )
        ]
