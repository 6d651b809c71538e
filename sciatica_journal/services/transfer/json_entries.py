"""The sessions and check-ins of a JSON export written as text straight from their
records: each entry exactly as ``json_stream.encode`` writes the dict ``json_writing``
makes of it, at a fraction of the cost (ten years: 29,000 sessions and 58,000 maps).

The layout is not written twice: a template per kind of entry is made once by encoding
that entry's dict (``json_writing``) with a marker in place of each value, and the text
between the markers becomes a ``str.format`` pattern. An entry is then one ``format`` of
its values, each encoded as ``json.dumps`` encodes it (texts that repeat — zones,
exercises, outcomes, times of day — and a map's marks once each)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from json.encoder import encode_basestring
from typing import Any

from sciatica_journal.domain.program import Program
from sciatica_journal.services.transfer.json_stream import BATCH, ENTRY_SEPARATOR, Encoded, encode
from sciatica_journal.services.transfer.json_writing import (
    map_doc,
    session_complete,
    session_doc,
)
from sciatica_journal.services.transfer.parallel_parts import TextInParts
from sciatica_journal.storage.export_sessions import ExportSessions
from sciatica_journal.storage.transfer_records import (
    JournalContents,
    MapRecord,
    MarkRecord,
    SessionRecord,
)

_MARKER = re.compile(r'"@@(\d+)@@"')


def _marker(n: int) -> str:
    return f"@@{n}@@"


def _pattern(text: str) -> str:
    """The encoded text with markers as a ``str.format`` pattern ({0}, {1}, …)."""
    pieces = _MARKER.split(text)
    out = []
    for i, piece in enumerate(pieces):
        out.append(piece.replace("{", "{{").replace("}", "}}") if i % 2 == 0 else f"{{{piece}}}")
    return "".join(out)


def _json(value: Any) -> str:
    """A plain value as ``json.dumps(value, ensure_ascii=False)`` writes it."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value.__class__ is int:
        return int.__repr__(value)
    if value.__class__ is str:
        return encode_basestring(value)
    return encode(value)  # anything else: as the general encoder writes it


class _Texts(dict[Any, str]):
    """The JSON of each value met, encoded once (for values that repeat). One per kind of
    value: ``True == 1`` and ``False == 0`` would share a key."""

    def __missing__(self, value: Any) -> str:
        found = self[value] = _json(value)
        return found


_MAP_FIELDS = ("uuid", "recorded_at", "zone", "context", "note")
# The keys of a session's entry in the order of EntryTexts.session's values ("pain" holds
# four of them).
_SESSION_KEYS = (
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


def as_text(
    lists: list[tuple[str, Iterator[dict[str, Any]]]],
    contents: JournalContents,
    sessions: Iterable[bytes],
    texts: EntryTexts,
) -> list[tuple[str, Iterable[Any]]]:
    """``json_writing.journal_parts``' lists with the sessions as their text (``sessions``:
    ``session_text``'s, in UTF-8) and the check-ins of ``contents`` written as text
    (``Encoded``), the other lists as they are."""
    written: dict[str, Iterable[Any]] = {
        "sessions": sessions,
        "check_ins": (Encoded(texts.check_in(m)) for m in contents.check_ins),
    }
    return [(key, written.get(key, entries)) for key, entries in lists]


def session_text(
    sessions: ExportSessions, texts: EntryTexts, *, workers: int | None = None
) -> TextInParts:
    """The text of the export's sessions, in a few long parts, each made by a process of
    its own where there are many (``parallel_parts``; ``workers``: how many processes, by
    default as many as are worth it)."""

    def part(start: int, stop: int) -> Iterator[str]:
        for first in range(start, stop, BATCH):
            records = sessions.records(first, min(first + BATCH, stop))
            yield ENTRY_SEPARATOR.join([texts.session(s) for s in records])

    return TextInParts(len(sessions), part, workers=workers)


class EntryTexts:
    """Writes sessions (``session``) and check-ins (``check_in``) as the entries of the
    export's lists (items of a list one level below the document)."""

    def __init__(self, program: Program) -> None:
        self._program = program
        self._words = _Texts()  # texts (and None)
        self._numbers = _Texts()  # integers (and None)
        self._complete: dict[tuple[Any, ...], str] = {}
        self._marks: dict[tuple[tuple[MarkRecord, ...], int], str] = {}
        self._maps = {depth: _map_pattern(depth) for depth in (2, 3)}
        self._session = _session_pattern()
        self._session_with_maps = _session_pattern(with_maps=True)

    def session(self, s: SessionRecord) -> str:
        words, numbers = self._words, self._numbers
        (uuid, rung, started, ended, zone, day, back_before, leg_before, back_after) = s[:9]
        (leg_after, outcome, reps, hold, reached, pelvis, stopped, note, before, after) = s[9:19]
        planned, against = s[19:]
        complete = self._complete.get((rung, reps, hold, stopped))
        if complete is None:
            complete = self._complete[(rung, reps, hold, stopped)] = _json(
                session_complete(s, self._program)
            )
        values = (
            encode_basestring(uuid),
            words[rung],
            encode_basestring(started),
            encode_basestring(ended),
            words[zone],
            words[day],
            numbers[back_before],
            numbers[leg_before],
            numbers[back_after],
            numbers[leg_after],
            words[outcome],
            numbers[reps],
            numbers[hold],
            numbers[planned],
            complete,
            words[reached],
            _json(pelvis),
            _json(stopped),
            _json(against),
            _json(note),
        )
        if before is not None and after is not None:  # most sessions: one pattern in all
            return self._session_with_maps(
                *values, *self._map_values(before, 3), *self._map_values(after, 3)
            )
        return self._session(
            *values,
            "null" if before is None else self._map(before, 3),
            "null" if after is None else self._map(after, 3),
        )

    def check_in(self, m: MapRecord) -> str:
        return self._map(m, 2)

    def _map(self, m: MapRecord, depth: int) -> str:
        return self._maps[depth](*self._map_values(m, depth))

    def _map_values(self, m: MapRecord, depth: int) -> tuple[str, ...]:
        """The values of a map's pattern at ``depth``, as ``_map_pattern`` orders them."""
        uuid, recorded_at, zone, _day, context, note, marks = m
        text = self._marks.get((marks, depth))
        if text is None:
            doc = map_doc(m)["marks"]
            text = self._marks[(marks, depth)] = encode(doc, depth + 1)
        words = self._words
        return (
            encode_basestring(uuid),
            encode_basestring(recorded_at),
            words[zone],
            words[context],
            _json(note),
            text,
        )


def _session_pattern(*, with_maps: bool = False) -> Callable[..., str]:
    """The pattern of a session entry, its values in ``EntryTexts.session``'s order; with
    its two maps' values (``with_maps``: those of ``_map_pattern(3)``, each map's in turn)
    in place of the maps' texts."""
    values = iter(range(100))
    doc = session_doc(_SAMPLE_SESSION, complete=None)
    assert list(doc) == list(_SESSION_KEYS), "a session's keys changed: update EntryTexts"
    for key in doc:
        if key == "pain":
            doc[key] = {name: _marker(next(values)) for name in doc[key]}
        elif with_maps and key in ("map_before", "map_after"):
            doc[key] = map_doc(_SAMPLE_MAP)
            for field in (*_MAP_FIELDS, "marks"):
                doc[key][field] = _marker(next(values))
        else:
            doc[key] = _marker(next(values))
    return _pattern(encode(doc, 2)).format


def _map_pattern(depth: int) -> Callable[..., str]:
    """The pattern of a map at ``depth``: its fields, then its marks' text."""
    doc = map_doc(_SAMPLE_MAP)
    for n, key in enumerate((*_MAP_FIELDS, "marks")):
        doc[key] = _marker(n)
    assert list(doc) == [*_MAP_FIELDS, "marks"], "a map's keys changed: update _MAP_FIELDS"
    return _pattern(encode(doc, depth)).format


_SAMPLE_MAP = MapRecord("", "", "", "", "", "", ())
_SAMPLE_SESSION = SessionRecord(
    "", "", "", "", "", "", 0, 0, None, None, "", None, None, None, None, False, "", None, None
)
