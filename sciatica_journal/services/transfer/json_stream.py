"""The JSON journal written in parts, byte for byte what ``json.dumps(document,
ensure_ascii=False, indent=2) + "\\n"`` gives, at the speed of the C encoder.

Python's C encoder cannot indent, and with ``indent`` set ``json`` falls back to its pure
Python encoder (ten years: 1.2 s instead of 0.25 s). Here the C encoder does the values and
the flat containers, and the indentation is laid around them:

- a container whose values are all plain (text, numbers, true/false/null, empty lists or
  objects) is one call of a C encoder whose item separator is ``,`` + the newline and the
  indentation of its depth; only its first and last line are added;
- a container holding non-empty containers has its plain values encoded in one C call too
  (a list of them, separated by NUL, which JSON text never holds raw: control characters
  are escaped), and the nested ones recursively; the keys' lines are made once per shape.

The entries of each list are made and written a few thousand at a time, so the whole
document never exists as one string."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any, BinaryIO

BATCH = 2000  # entries joined and written at a time
_NUL = "\x00"
_CONTAINERS = (dict, list)  # the classes the fast way takes (json.loads and journal_parts')
_ANY_CONTAINER = (dict, list, tuple)  # what json.dumps writes as a container
_DEPTHS = 16  # deeper containers take the general way (the journal goes 6 deep)


def _c_encoder(item_separator: str) -> Callable[[Any], str]:
    """One-shot C encoder (``json.dumps``' own when it does not indent), built once."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # an interpreter without the C encoder
        return json.JSONEncoder(ensure_ascii=False, separators=(item_separator, ": ")).encode
    chunks = make(
        None, None, json.encoder.encode_basestring, None, ": ", item_separator, False, False, True
    )
    return lambda value: "".join(chunks(value, 0))


_scalar = json.JSONEncoder(ensure_ascii=False).encode
_values_joined = _c_encoder(_NUL)
_NEWLINE = ["\n" + "  " * depth for depth in range(_DEPTHS + 2)]
_FLAT = [_c_encoder("," + _NEWLINE[depth]) for depth in range(_DEPTHS + 2)]


@cache
def _key_lines(keys: tuple[object, ...], depth: int) -> tuple[str, ...] | None:
    """What comes before each value of an object with ``keys`` whose items sit at ``depth``
    (None for keys that are not all text: those go the general way)."""
    if not all(key.__class__ is str for key in keys):
        return None
    lines = [f",{_NEWLINE[depth]}{_scalar(key)}: " for key in keys]
    lines[0] = "{" + lines[0][1:]
    return tuple(lines)


def encode(value: Any, depth: int = 0) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it when it
    sits at ``depth`` (its own items one level deeper)."""
    if not isinstance(value, _ANY_CONTAINER) or not value:
        return _scalar(value)
    if depth < _DEPTHS and value.__class__ in _CONTAINERS:
        text = _object(value, depth) if isinstance(value, dict) else _list(value, depth)
        if text is not None:
            return text
    # The general way (tuples, subclasses, very deep nesting).
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", _NEWLINE[depth])  # a raw newline is only ever indentation


def _object(value: dict[Any, Any], depth: int) -> str | None:
    inner = depth + 1
    values = list(value.values())
    nested = [i for i, item in enumerate(values) if isinstance(item, _ANY_CONTAINER) and item]
    if not nested:  # the C encoder writes keys that are not text as json.dumps does
        return "{" + _NEWLINE[inner] + _FLAT[inner](value)[1:-1] + _NEWLINE[depth] + "}"
    lines = _key_lines(tuple(value), inner)
    if lines is None:
        return None
    plain = values.copy()
    for i in nested:
        plain[i] = 0
    parts = _values_joined(plain)[1:-1].split(_NUL)
    for i in nested:
        parts[i] = encode(values[i], inner)
    return "".join(map(str.__add__, lines, parts)) + _NEWLINE[depth] + "}"


def _flat_objects(value: list[Any]) -> bool:
    """Whether every item is a non-empty object of plain values."""
    for item in value:
        if item.__class__ is not dict or not item:  # (a dict subclass: the general way)
            return False
        for each in item.values():
            if isinstance(each, _ANY_CONTAINER) and each:
                return False
    return True


def _list(value: list[Any], depth: int) -> str | None:
    inner = depth + 1
    if _flat_objects(value):  # marks, answers: one call, the objects' lines put right after
        text = _FLAT[inner + 1](value)
        between = "}," + _NEWLINE[inner + 1] + "{"
        text = text.replace(
            between, _NEWLINE[inner] + "}," + _NEWLINE[inner] + "{" + _NEWLINE[inner + 1]
        )
        return (
            "["
            + _NEWLINE[inner]
            + "{"
            + _NEWLINE[inner + 1]
            + text[2:-2]
            + _NEWLINE[inner]
            + "}"
            + _NEWLINE[depth]
            + "]"
        )
    if not any(isinstance(item, _ANY_CONTAINER) and item for item in value):
        return "[" + _NEWLINE[inner] + _FLAT[inner](value)[1:-1] + _NEWLINE[depth] + "]"
    separator = "," + _NEWLINE[inner]
    body = separator.join([encode(item, inner) for item in value])
    return "[" + _NEWLINE[inner] + body + _NEWLINE[depth] + "]"


ENTRY_SEPARATOR = "," + _NEWLINE[2]  # between the entries of a list in the document


class Encoded(str):
    """An entry already written as JSON text, as ``encode(entry, 2)`` writes it (a list's
    item in the document), or several such entries joined by ``ENTRY_SEPARATOR``:
    ``write_document`` puts it in as it is."""


def write_document(
    out: BinaryIO, head: Mapping[str, Any], lists: Iterable[tuple[str, Iterable[Any]]]
) -> None:
    """Write to ``out`` (UTF-8) the object of ``head``'s keys followed by each list of
    ``lists``, with a final newline, as ``json.dumps(..., ensure_ascii=False, indent=2)``
    + ``"\\n"`` writes it. The entries are taken from their iterables as they are written
    (an ``Encoded`` one is its text already, ``bytes`` its text in UTF-8)."""
    pieces: list[str] = []
    opening = "{"

    def flush() -> None:
        out.write("".join(pieces).encode("utf-8"))
        pieces.clear()

    for key, value in head.items():
        pieces.append(f"{opening}{_NEWLINE[1]}{_scalar(key)}: {encode(value, 1)}")
        opening = ","
    separator = ENTRY_SEPARATOR
    for key, entries in lists:
        pieces.append(f"{opening}{_NEWLINE[1]}{_scalar(key)}: ")
        opening = ","
        count = 0
        for entry in entries:
            if entry.__class__ is bytes:  # entries written as UTF-8 already: as they are
                pieces.append("[" + _NEWLINE[2] if count == 0 else separator)
                flush()
                out.write(entry)
                count += BATCH
                continue
            text = entry if entry.__class__ is Encoded else encode(entry, 2)
            pieces.append(("[" + _NEWLINE[2] if count == 0 else separator) + text)
            count += 1
            if count % BATCH == 0:
                flush()
        pieces.append("[]" if count == 0 else _NEWLINE[1] + "]")
    pieces.append("{}\n" if opening == "{" else _NEWLINE[0] + "}\n")
    flush()
