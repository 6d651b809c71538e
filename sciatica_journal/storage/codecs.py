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
from typing import Any, cast

from peewee import (
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    Field,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from sciatica_journal.storage.codes import KIND, REGION, codes_of

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_DAY_SECONDS = 86_400
MARK_BYTES = 3


def uuid_bytes(text: str) -> bytes:
    """The 16 bytes of a UUID's text (``ValueError`` if it is none): the usual
    ``8-4-4-4-12`` hexadecimal form directly, any other form ``uuid.UUID`` reads."""
    if len(text) == 36 and text[8] == text[13] == text[18] == text[23] == "-":
        try:
            found = bytes.fromhex(text.replace("-", ""))  # (any other dash: too few bytes)
        except ValueError:
            found = b""
        if len(found) == 16:
            return found
    return uuidlib.UUID(text).bytes


def uuid_text(data: bytes) -> str:
    """The 16 bytes as the UUID's lower-case text (as ``str(UUID(bytes=data))``)."""
    if len(data) != 16:
        raise ValueError("a UUID is 16 bytes")
    h = data.hex()  # (bytes, or a memoryview or bytearray of them)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def utc_seconds(text: str) -> int:
    """``"2026-11-24T14:00:00Z"`` as seconds since 1970 (the text must be exactly that):
    its hour's start from a memo (made from the day's), its minutes and seconds from a
    table (an import reads some 150,000 of them), anything unusual through ``datetime``."""
    if len(text) != 20 or text[19] != "Z":
        raise ValueError(f"not a UTC time: {text!r}")
    hour = _HOUR_START.get(text[:13])
    if hour is None:
        hour = _hour_start(text[:13])
    within = _WITHIN_HOUR.get(text[13:19])
    if hour is not None and within is not None:
        return hour + within
    moment = dt.datetime.fromisoformat(text[:-1]).replace(tzinfo=dt.UTC)
    return int((moment - _EPOCH).total_seconds())


def _hour_start(prefix: str) -> int | None:
    """The first second of ``"YYYY-MM-DDTHH"`` (None for any other form, e.g. hour 24)."""
    hour = _HOURS.get(prefix[11:])
    if hour is None or prefix[10] != "T":
        return None
    day = prefix[:10]
    start = _DAY_START.get(day)
    if start is None:
        digits = day[:4] + day[5:7] + day[8:]
        if not (day[4] == day[7] == "-" and digits.isascii() and digits.isdigit()):
            return None
        try:
            date = dt.date.fromisoformat(day)
        except ValueError:
            return None
        start = (date.toordinal() - _EPOCH_DAY) * _DAY_SECONDS
        if len(_DAY_START) < 100_000:
            _DAY_START[day] = start
    found = start + hour * 3600
    if len(_HOUR_START) < 200_000:
        _HOUR_START[prefix] = found
    return found


_EPOCH_DAY = dt.date(1970, 1, 1).toordinal()
_HOURS = {f"{h:02d}": h for h in range(24)}
_DAY_START: dict[str, int] = {}  # "YYYY-MM-DD" → its first second since 1970
_HOUR_START: dict[str, int] = {}  # "YYYY-MM-DDTHH" → its first second since 1970
_WITHIN_HOUR = {f":{m:02d}:{n:02d}": m * 60 + n for m in range(60) for n in range(60)}


_DAY_PREFIX: dict[int, str] = {}  # days since 1970 → "YYYY-MM-DDT" (ten years: 3,650)


_MINUTES = [f"{m // 60:02d}:{m % 60:02d}:" for m in range(24 * 60)]  # "HH:MM:" of a day
_SECONDS = [f"{n:02d}Z" for n in range(60)]


def utc_text(seconds: int) -> str:
    """Seconds since 1970 as ``"2026-11-24T14:00:00Z"``: the date's part from a small memo
    (an export writes hundreds of thousands of times), the time of day from two tables."""
    return cast(str, _utc_or_none(int(seconds)))


def _utc_or_none(seconds: int | None) -> str | None:
    found = _UTC_SEEN.get(seconds)  # a session's maps are recorded at its start and end
    if found is not None or seconds is None:
        return found
    if len(_UTC_SEEN) >= 20_000:
        _UTC_SEEN.clear()
    found = _UTC_SEEN[seconds] = _utc_made(seconds)
    return found


_UTC_SEEN: dict[int | None, str] = {}  # the times read last


def _utc_made(seconds: int) -> str:
    days, rest = divmod(seconds, _DAY_SECONDS)
    prefix = _DAY_PREFIX.get(days)
    if prefix is None:
        prefix = (_EPOCH + dt.timedelta(days=days)).strftime("%Y-%m-%dT")
        if len(_DAY_PREFIX) < 100_000:
            _DAY_PREFIX[days] = prefix
    minute, second = divmod(rest, 60)
    return prefix + _MINUTES[minute] + _SECONDS[second]


def _uuid_or_none(data: bytes | None) -> str | None:
    return None if data is None else uuid_text(data)


def day_number(text: str) -> int:
    return dt.date.fromisoformat(text).toordinal()


_DAY_TEXT: dict[int, str] = {}


def day_text(number: int) -> str:
    found = _DAY_TEXT.get(number)
    if found is None:
        found = dt.date.fromordinal(int(number)).isoformat()
        if len(_DAY_TEXT) < 100_000:
            _DAY_TEXT[number] = found
    return found


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
    the caller is a bound store method. The rows are turned column by column (ten years
    hold some 30,000 sessions and 60,000 maps: a loop over every value of every row costs
    several times the reading): a column a field keeps as it is stays, the others are
    mapped through one reader each, a coded or packed column's values looked up once."""
    return decoded_by(readers(fields), rows)


def readers(fields: Sequence[Field | None]) -> list[Any]:
    """How ``decoded_by`` reads each column of ``fields`` (None: as it is). Made by a bound
    store method; used later they read codes the journal has already given (a part of the
    rows turned in another process never queries the journal)."""
    return [_reader(f) for f in fields]


def decoded_by(
    column_readers: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> list[tuple[Any, ...]]:
    """``decoded`` with the readers of its fields made once (``readers``)."""
    rows = rows if isinstance(rows, list) else list(rows)
    if all(r is None for r in column_readers):
        return [tuple(row) for row in rows]
    if not rows:
        return []
    columns: list[Any] = list(zip(*rows, strict=True))
    for index, read in enumerate(column_readers):
        if read is not None:
            columns[index] = map(read, columns[index])
    return list(zip(*columns, strict=True))


class _Memo(dict[Any, Any]):
    """The reading of each stored value, made when first met (None reads as None)."""

    def __init__(self, read: Any) -> None:
        super().__init__({None: None})
        self.read = read

    def __missing__(self, value: Any) -> Any:
        found = self[value] = self.read(value)
        return found


# Fields whose reading of what SQLite gives back is that value itself (a key: its integer).
_KEPT_AS_IS = (AutoField, IntegerField, CharField, TextField)


def _kept_as_is(field: Field) -> bool:
    """Whether ``field`` stores and reads its values as they are (a key to such a field
    too: the rows hold the keys as integers)."""
    if isinstance(field, ForeignKeyField):
        return type(field.rel_field) in _KEPT_AS_IS
    return type(field) in _KEPT_AS_IS


def _reader(field: Field | None) -> Any:
    """How ``decoded`` reads a column of ``field`` (None: as it is)."""
    if field is None:
        return None
    if isinstance(field, UuidField):
        return _uuid_or_none
    if isinstance(field, UtcField):
        return _utc_or_none
    if isinstance(field, DayField):
        return _Memo(day_text).__getitem__
    if isinstance(field, CodeField):
        codes, category = field._codes(), field.category
        return _Memo(lambda value: codes.name(category, int(value))).__getitem__
    if isinstance(field, MarksField):
        codes = codes_of(field.model._meta.database)  # (kept: read later, unbound)
        return _Memo(
            lambda value: tuple(
                (codes.name(REGION, region), codes.name(KIND, kind), intensity)
                for region, kind, intensity in unpack_marks(value)
            )
        ).__getitem__
    if isinstance(field, BooleanField):
        return _Memo(bool).__getitem__
    return None if _kept_as_is(field) else field.python_value


def encoders(fields: Sequence[Field]) -> list[Any]:
    """How each of ``fields`` stores a value, for the many rows of one INSERT: a coded,
    dated or packed value encoded once per distinct value (codes are never renumbered);
    None for a plain integer or text, stored as it is."""
    return [_encoder(f) for f in fields]


def _encoder(field: Field) -> Any:
    if isinstance(field, UuidField):
        return field.db_value
    if isinstance(field, CodeField | DayField | MarksField):
        return _Memo(field.db_value).__getitem__
    if _kept_as_is(field) or type(field) is BooleanField:  # (SQLite stores a bool as 1 or 0)
        return None
    return field.db_value


def columns_sql(fields: Sequence[Field]) -> str:
    """The fields' columns, for a SELECT."""
    return ", ".join(f.column_name for f in fields)
