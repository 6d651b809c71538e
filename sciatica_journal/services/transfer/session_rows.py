"""The sessions of a JSON export written as text straight from the journal's rows, column
by column, without making their records first: each entry exactly as
``json_stream.encode`` writes the dict ``json_writing.session_doc`` makes of the session's
record (ten years: 29,000 sessions, each with its two maps: 38 stored values a session).

A row holds the session's stored values, then its map before's and its map after's
(``storage.export_sessions``: ``SESSION_COLUMNS``, then ``MAP_COLUMNS`` twice), and each
column is read by its own reader (a code, a day, a time, a UUID, the packed marks...).
Here each column becomes its JSON text at once, the reader's work included: through one
memo per column for the values that repeat (codes, days, scores, flags, marks), and one
conversion each for those that do not (UUIDs, times, notes). The texts of a part's rows
then fill the session's pattern (made once, as ``json_entries``' patterns are) in one
pass: no record, no dict, no tuple per session."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import partial
from json.encoder import encode_basestring
from typing import Any

from sciatica_journal.domain.doses import complete_in
from sciatica_journal.domain.program import Program
from sciatica_journal.services.transfer.json_entries import (
    MAP_FIELDS,
    SAMPLE_MAP,
    map_pattern,
    marker,
    marks_text,
    pattern,
    plain_json,
)
from sciatica_journal.services.transfer.json_stream import BATCH, ENTRY_SEPARATOR, encode
from sciatica_journal.services.transfer.json_writing import map_doc, session_doc
from sciatica_journal.services.transfer.parallel_parts import TextInParts
from sciatica_journal.storage.export_sessions import MAP_COLUMNS, SESSION_COLUMNS, ExportSessions
from sciatica_journal.storage.transfer_records import MarkRecord, SessionRecord

Reader = Callable[[Any], Any] | None  # a column's reader (None: the value as stored)

# The keys of a session's entry, in the order of the pattern's values ("pain" holds four).
SESSION_KEYS = (
    "uuid",
    "rung",
    "started_at",
    "ended_at",
    "zone",
    "local_date",
    "pain",
    "outcome",
    "reps_done",
    "hold_seconds",
    "planned",
    "complete",
    "range_reached",
    "pelvis_stayed_down",
    "stopped_for_pain",
    "against_advice",
    "note",
    "map_before",
    "map_after",
)
# The session's columns whose texts fill its pattern, in the pattern's order ("complete"
# is not stored: it is judged from the rung, the dose done and whether it was stopped).
_SESSION_VALUES = (
    "uuid",
    "rung",
    "started_at",
    "ended_at",
    "zone",
    "local_date",
    "back_pain_before",
    "leg_pain_before",
    "back_pain_after",
    "leg_pain_after",
    "outcome",
    "reps_done",
    "hold_seconds",
    "planned",
    "complete",
    "range_reached",
    "pelvis_stayed_down",
    "stopped_for_pain",
    "against_advice",
    "note",
)
_MAP_VALUES = (*MAP_FIELDS, "marks")  # a map's, in map_pattern's order
_MAP_DEPTH = 3  # a session's map: a value of an item of a list of the document
_TIMES = ("started_at", "ended_at", "recorded_at")
_RECENT = (*_TIMES, "note")  # values seldom met again (but a session's maps' times)
_KEPT = 20_000  # of those, the texts kept at most


def session_text(
    sessions: ExportSessions, program: Program, *, workers: int | None = None
) -> TextInParts:
    """The text of the export's sessions, in short parts made by this process and, where
    there are many, processes forked for them (``parallel_parts``; ``workers``: how many
    processes, by default as many as are worth it)."""
    texts = SessionRowTexts(program, sessions.readers)

    def part(start: int, stop: int) -> Iterator[str]:
        for first in range(start, stop, BATCH):
            rows = sessions.rows(first, min(first + BATCH, stop))
            yield ENTRY_SEPARATOR.join(texts.sessions(rows))

    return TextInParts(len(sessions), part, workers=workers)


class SessionRowTexts:
    """Writes sessions, given as the rows of ``storage.export_sessions`` and read by
    ``readers`` (one per column; None: as stored), as the entries of the export's list."""

    def __init__(self, program: Program, readers: Sequence[Reader]) -> None:
        columns = (*SESSION_COLUMNS, *MAP_COLUMNS, *MAP_COLUMNS)
        if len(readers) != len(columns):
            raise ValueError(f"{len(columns)} readers are needed, not {len(readers)}")
        self._program = program
        self._readers = tuple(readers)
        shared: dict[Any, Callable[[Any], str]] = {}  # the times' memo, one for all
        self._texts = [
            _column_text(name, read, shared) for name, read in zip(columns, readers, strict=True)
        ]
        self._session_at = [
            SESSION_COLUMNS.index(name) for name in _SESSION_VALUES if name != "complete"
        ]
        self._complete_at = _SESSION_VALUES.index("complete")
        maps = (len(SESSION_COLUMNS), len(SESSION_COLUMNS) + len(MAP_COLUMNS))  # first columns
        self._maps_at = [[at + MAP_COLUMNS.index(name) for name in _MAP_VALUES] for at in maps]
        self._map_ids_at = [start + MAP_COLUMNS.index("id") for start in maps]
        self._judged_at = [
            SESSION_COLUMNS.index(name)
            for name in ("rung", "reps_done", "hold_seconds", "stopped_for_pain")
        ]
        self._complete: dict[tuple[Any, ...], str] = {}
        self._with_maps = session_pattern(with_maps=True)
        self._without_maps = session_pattern()
        self._map = map_pattern(_MAP_DEPTH)

    def sessions(self, rows: Sequence[Sequence[Any]]) -> list[str]:
        """The entries of ``rows``, in their order."""
        if not rows:
            return []
        stored = list(zip(*rows, strict=True))
        texts = self._texts
        session = [list(map(texts[i], stored[i])) for i in self._session_at]
        judged = map(self._judged, *(stored[i] for i in self._judged_at))
        session.insert(self._complete_at, list(judged))
        before, after = ([list(map(texts[i], stored[i])) for i in at] for at in self._maps_at)
        found = list(map(self._with_maps, *session, *before, *after))
        # The few without a map (if any): the pattern that fits them.
        has_before, has_after = (stored[i] for i in self._map_ids_at)
        if None in has_before or None in has_after:
            for n, (before_id, after_id) in enumerate(zip(has_before, has_after, strict=True)):
                if before_id is None or after_id is None:
                    found[n] = self._without_maps(
                        *(values[n] for values in session),
                        "null" if before_id is None else self._map(*(v[n] for v in before)),
                        "null" if after_id is None else self._map(*(v[n] for v in after)),
                    )
        return found

    def _judged(self, rung: Any, reps: Any, hold: Any, stopped: Any) -> str:
        """Whether the session counts (rule 9), as JSON: judged once per kind of dose."""
        key = (rung, reps, hold, stopped)
        found = self._complete.get(key)
        if found is None:
            readers = [self._readers[i] for i in self._judged_at]
            slug, reps_done, held, was_stopped = (
                value if read is None else read(value)
                for value, read in zip(key, readers, strict=True)
            )
            found = self._complete[key] = plain_json(
                complete_in(self._program, slug, reps_done, held, was_stopped)
            )
        return found


def session_pattern(*, with_maps: bool = False) -> Callable[..., str]:
    """The pattern of a session entry, its values in ``_SESSION_VALUES``' order; with its
    two maps' values (``with_maps``: those of ``map_pattern(3)``, each map's in turn) in
    place of the maps' texts."""
    values = iter(range(100))
    doc = session_doc(_SAMPLE_SESSION, complete=None)
    assert list(doc) == list(SESSION_KEYS), "a session's keys changed: update session_rows"
    for key in doc:
        if key == "pain":
            doc[key] = {name: marker(next(values)) for name in doc[key]}
        elif with_maps and key in ("map_before", "map_after"):
            doc[key] = map_doc(SAMPLE_MAP)
            for field in _MAP_VALUES:
                doc[key][field] = marker(next(values))
        else:
            doc[key] = marker(next(values))
    return pattern(encode(doc, 2)).format


_SAMPLE_SESSION = SessionRecord(
    "", "", "", "", "", "", 0, 0, None, None, "", None, None, None, None, False, "", None, None
)


def _column_text(
    name: str, read: Reader, shared: dict[Any, Callable[[Any], str]]
) -> Callable[[Any], str]:
    """How a column's stored value becomes its JSON text (``read`` included). The times
    read alike share one memo (``shared``): a session's maps are recorded at its start and
    its end."""
    if name == "uuid":  # never the same twice: converted each time
        return partial(_uuid_json, read)
    if name == "marks":
        memo = _Memo(read, lambda marks: marks_text(_mark_records(marks), _MAP_DEPTH))
    elif name == "against_advice":  # NULL (older sessions): not against the advice
        memo = _Memo(read, lambda against: plain_json(bool(against)))
    elif name in _TIMES:
        if read not in shared:
            shared[read] = _Memo(read, plain_json, limit=_KEPT).__getitem__
        return shared[read]
    else:
        memo = _Memo(read, plain_json, limit=_KEPT if name in _RECENT else None)
    return memo.__getitem__  # (a miss: __missing__)


def _uuid_json(read: Reader, stored: Any) -> str:
    value = stored if read is None else read(stored)
    return encode_basestring(value) if value.__class__ is str else plain_json(value)


def _mark_records(marks: Any) -> tuple[MarkRecord, ...]:
    return () if marks is None else tuple(MarkRecord(*mark) for mark in marks)


class _Memo(dict[Any, str]):
    """The text of each stored value of a column, made when first met (at most ``limit``
    kept: then forgotten all at once, and made again when met again)."""

    def __init__(
        self, read: Reader, text: Callable[[Any], str], *, limit: int | None = None
    ) -> None:
        super().__init__()
        self._read = read
        self._text = text
        self._limit = limit

    def __missing__(self, stored: Any) -> str:
        found = self._text(stored if self._read is None else self._read(stored))
        if self._limit is not None and len(self) >= self._limit:
            self.clear()
        self[stored] = found
        return found
