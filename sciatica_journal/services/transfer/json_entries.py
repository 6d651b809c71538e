"""The entries of a JSON export written as text straight from their records (check-ins
and red-flag screenings here, the sessions from their rows in ``session_rows``): each
entry exactly as ``json_stream.encode`` writes the dict ``json_writing`` makes of it, at
a fraction of the cost (ten years: 58,000 maps, 3,700 screenings).

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

from sciatica_journal.services.transfer.json_stream import ENTRY_SEPARATOR, encode
from sciatica_journal.services.transfer.json_writing import map_doc, screen_doc
from sciatica_journal.storage.transfer_records import (
    JournalContents,
    MapRecord,
    MarkRecord,
    ScreenRecord,
)

_MARKER = re.compile(r'"@@(\d+)@@"')


def marker(n: int) -> str:
    return f"@@{n}@@"


def pattern(text: str) -> str:
    """The encoded text with markers as a ``str.format`` pattern ({0}, {1}, …)."""
    pieces = _MARKER.split(text)
    out = []
    for i, piece in enumerate(pieces):
        out.append(piece.replace("{", "{{").replace("}", "}}") if i % 2 == 0 else f"{{{piece}}}")
    return "".join(out)


def plain_json(value: Any) -> str:
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


class Texts(dict[Any, str]):
    """The JSON of each value met, encoded once (for values that repeat). One per kind of
    value: ``True == 1`` and ``False == 0`` would share a key."""

    def __missing__(self, value: Any) -> str:
        found = self[value] = plain_json(value)
        return found


MAP_FIELDS = ("uuid", "recorded_at", "zone", "context", "note")  # a map's, but its marks
CHECK_IN_DEPTH = 2  # a check-in is an item of a list of the document
# The keys of a screening's entry, in ScreenRecord's order.
_SCREEN_KEYS = (
    "uuid",
    "answered_at",
    "zone",
    "local_date",
    "trigger",
    "result",
    "answers",
    "session",
)


def as_text(
    lists: list[tuple[str, Iterator[dict[str, Any]]]],
    contents: JournalContents,
    sessions: Iterable[bytes],
    texts: EntryTexts,
) -> list[tuple[str, Iterable[Any]]]:
    """``json_writing.journal_parts``' lists with the sessions as their text
    (``sessions``: ``session_rows.session_text``'s, in UTF-8) and every other list written
    now, each as one piece of UTF-8 (the check-ins and screenings from their records,
    ``EntryTexts``): while this process writes them, the processes making the sessions'
    parts take the parts it would have taken, instead of leaving it to write them alone
    once every part is made."""
    written: dict[str, Iterable[Any]] = {
        "check_ins": (texts.check_in(m) for m in contents.check_ins),
        "red_flag_screens": (texts.screen(s) for s in contents.screens),
    }
    return [
        (key, sessions if key == "sessions" else _written_now(written.get(key, entries)))
        for key, entries in lists
    ]


def _written_now(entries: Iterable[Any]) -> list[bytes]:
    """The entries of a list (texts, or values to encode) as one piece of UTF-8, as
    ``json_stream.write_document`` puts the pieces of a list in (none for no entries)."""
    found = [e if e.__class__ is str else encode(e, 2) for e in entries]
    return [ENTRY_SEPARATOR.join(found).encode("utf-8")] if found else []


class EntryTexts:
    """Writes check-ins (``check_in``) and red-flag screenings (``screen``) as the entries
    of the export's lists (items of a list one level below the document)."""

    def __init__(self) -> None:
        self._words = Texts()  # texts (and None)
        self._marks: dict[tuple[MarkRecord, ...], str] = {}
        self._check_in = map_pattern(CHECK_IN_DEPTH)
        self._screen = _screen_pattern()
        self._answers: dict[tuple[tuple[str, bool], ...], str] = {}

    def check_in(self, m: MapRecord) -> str:
        uuid, recorded_at, zone, _day, context, note, marks = m
        text = self._marks.get(marks)
        if text is None:
            text = self._marks[marks] = marks_text(marks, CHECK_IN_DEPTH)
        words = self._words
        return self._check_in(
            encode_basestring(uuid),
            encode_basestring(recorded_at),
            words[zone],
            words[context],
            plain_json(note),
            text,
        )

    def screen(self, s: ScreenRecord) -> str:
        """A red-flag screening as an entry of its list (ten years: 3,700 of them, whose
        answers are the same few sets again and again)."""
        uuid, answered_at, zone, day, trigger, result, answers, session = s
        answered = self._answers.get(answers)
        if answered is None:
            answered = self._answers[answers] = encode(dict(answers), 3)
        words = self._words
        return self._screen(
            plain_json(uuid),
            plain_json(answered_at),
            words[zone],
            words[day],
            words[trigger],
            words[result],
            answered,
            plain_json(session),
        )


def _screen_pattern() -> Callable[..., str]:
    """The pattern of a screening entry, its values in ``ScreenRecord``'s order."""
    doc = screen_doc(ScreenRecord("", "", "", "", "", "", (), None))
    assert list(doc) == list(_SCREEN_KEYS), "a screening's keys changed: update EntryTexts"
    return pattern(encode({key: marker(n) for n, key in enumerate(doc)}, 2)).format


def marks_text(marks: tuple[MarkRecord, ...], depth: int) -> str:
    """The text of the marks of a map at ``depth``."""
    return encode(map_doc(SAMPLE_MAP._replace(marks=marks))["marks"], depth + 1)


def map_pattern(depth: int) -> Callable[..., str]:
    """The pattern of a map at ``depth``: its fields, then its marks' text."""
    doc = map_doc(SAMPLE_MAP)
    for n, key in enumerate((*MAP_FIELDS, "marks")):
        doc[key] = marker(n)
    assert list(doc) == [*MAP_FIELDS, "marks"], "a map's keys changed: update MAP_FIELDS"
    return pattern(encode(doc, depth)).format


SAMPLE_MAP = MapRecord("", "", "", "", "", "", ())
