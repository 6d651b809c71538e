"""How the compact journal (migration 0005) stores its values, and the peewee fields that
turn them back into what every layer above storage sees:

- a UUID as its 16 bytes (read back as the lower-case text ``"1b4e28ba-…"``);
- a UTC time as whole seconds since 1970 (read back as ``"2026-11-24T14:00:00Z"``);
- a local date as its day number (``date.toordinal``; read back as ``"2026-11-24"``);
- a short name (zone, exercise, region…) as its code in the journal's ``code`` table;
- a map's marks packed into one blob, 3 bytes a mark: region code, kind code, intensity.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid as uuidlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from peewee import BlobField, Field, IntegerField

from sciatica_journal.storage.codes import KIND, REGION, codes_of

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
MARK_BYTES = 3


def uuid_bytes(text: str) -> bytes:
    return uuidlib.UUID(text).bytes


def uuid_text(data: bytes) -> str:
    return str(uuidlib.UUID(bytes=bytes(data)))


def utc_seconds(text: str) -> int:
    """``"2026-11-24T14:00:00Z"`` as seconds since 1970 (the text must be exactly that)."""
    if len(text) != 20 or not text.endswith("Z"):
        raise ValueError(f"not a UTC time: {text!r}")
    moment = dt.datetime.fromisoformat(text[:-1]).replace(tzinfo=dt.UTC)
    return int((moment - _EPOCH).total_seconds())


def utc_text(seconds: int) -> str:
    return (_EPOCH + dt.timedelta(seconds=int(seconds))).strftime("%Y-%m-%dT%H:%M:%SZ")


def day_number(text: str) -> int:
    return dt.date.fromisoformat(text).toordinal()


def day_text(number: int) -> str:
    return dt.date.fromordinal(int(number)).isoformat()


MarkTuple = tuple[str, str, int]  # (region, kind, intensity)


def pack_marks(codes: Sequence[tuple[int, int, int]]) -> bytes:
    """Marks as one blob, from (region code, kind code, intensity) in their order."""
    out = bytearray()
    for region, kind, intensity in codes:
        out += bytes((region, kind, intensity))  # ValueError past 255: never for a catalog
    return bytes(out)


def unpack_marks(data: bytes | None) -> list[tuple[int, int, int]]:
    if not data:
        return []
    raw = bytes(data)
    return [
        (raw[i], raw[i + 1], raw[i + 2]) for i in range(0, len(raw) - MARK_BYTES + 1, MARK_BYTES)
    ]


class UuidField(BlobField):
    """A UUID kept as 16 bytes; reads and compares as its lower-case text."""

    def db_value(self, value: Any) -> Any:
        if value is None or isinstance(value, bytes | bytearray | memoryview):
            return value
        try:
            return uuid_bytes(str(value))
        except ValueError:  # not a UUID: looked up as text, it matches no row
            return str(value)

    def python_value(self, value: Any) -> Any:
        return None if value is None else uuid_text(value)


class UtcField(IntegerField):
    """A UTC instant kept as whole seconds; reads and compares as ``…T…Z`` text."""

    def db_value(self, value: Any) -> Any:
        if value is None or isinstance(value, int):
            return value
        return utc_seconds(str(value))

    def python_value(self, value: Any) -> Any:
        return None if value is None else utc_text(value)


class DayField(IntegerField):
    """A local date kept as its day number; reads and compares as ``YYYY-MM-DD``."""

    def db_value(self, value: Any) -> Any:
        if value is None or isinstance(value, int):
            return value
        return day_number(str(value))

    def python_value(self, value: Any) -> Any:
        return None if value is None else day_text(value)


class CodeField(IntegerField):
    """A short name kept as its code in the journal's ``code`` table (``category``)."""

    def __init__(self, category: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.category = category

    def _codes(self) -> Any:
        return codes_of(self.model._meta.database)

    def db_value(self, value: Any) -> Any:
        if value is None or isinstance(value, int):
            return value
        return self._codes().value(self.category, str(value))

    def python_value(self, value: Any) -> Any:
        return None if value is None else self._codes().name(self.category, int(value))


@dataclass(frozen=True)
class Marks:
    """A map's marks to be written: (region, kind, intensity) in their order (a tuple
    handed to peewee as is would become a list of values)."""

    marks: tuple[MarkTuple, ...] = ()


class MarksField(Field):
    """A map's marks packed in a blob; written from ``Marks``, reads as a tuple of
    (region, kind, intensity)."""

    field_type = "BLOB"

    def db_value(self, value: Any) -> Any:
        if value is None or isinstance(value, bytes):
            return value
        if isinstance(value, Marks):
            value = value.marks
        pairs = [(region, kind) for region, kind, _intensity in value]
        if len(set(pairs)) != len(pairs):  # as the UNIQUE index of the old symptom_mark
            raise sqlite3.IntegrityError("UNIQUE constraint failed: a map's marks (region, kind)")
        codes = codes_of(self.model._meta.database)
        return pack_marks(
            [
                (codes.value(REGION, region), codes.value(KIND, kind), int(intensity))
                for region, kind, intensity in value
            ]
        )

    def python_value(self, value: Any) -> Any:
        codes = codes_of(self.model._meta.database)
        return tuple(
            (codes.name(REGION, region), codes.name(KIND, kind), intensity)
            for region, kind, intensity in unpack_marks(value)
        )


def encode(field: Field, value: Any) -> Any:
    """``value`` as ``field`` stores it."""
    return field.db_value(value)  # type: ignore[no-untyped-call]  # untyped in peewee-stubs


def decode(field: Field, value: Any) -> Any:
    """A stored ``value`` as ``field`` reads it."""
    return field.python_value(value)  # type: ignore[no-untyped-call]  # untyped in peewee-stubs


def decoded(fields: Sequence[Field | None], rows: Iterable[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """Rows of raw SQL read back as the fields read them (None: a column kept as it is);
    the caller is a bound store method."""
    return [
        tuple(
            v if f is None or v is None else decode(f, v) for f, v in zip(fields, row, strict=True)
        )
        for row in rows
    ]


def columns_sql(fields: Sequence[Field]) -> str:
    """The fields' columns, for a SELECT."""
    return ", ".join(f.column_name for f in fields)
