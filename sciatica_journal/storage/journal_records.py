"""The journal's entries as plain data: each row as a frozen record holding every column,
and the snapshot a delete hands back (the rows that ``JournalStore.restore`` puts back)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, TypeVar

from sciatica_journal.domain.body import Mark, SymptomKind, SymptomMap


@dataclass(frozen=True)
class MarkRecord:
    """A mark of a map (kept packed in the map's row since migration 0005)."""

    region: str
    kind: str
    intensity: int


@dataclass(frozen=True)
class MapRecord:
    id: int
    uuid: str
    recorded_at: str
    zone: str
    local_date: str
    context: str
    note: str
    left_extent: int | None = None  # as saved with the map
    right_extent: int | None = None
    marks: tuple[MarkRecord, ...] = ()

    def packed_marks(self) -> tuple[tuple[str, str, int], ...]:
        """The marks as the map's row keeps them."""
        return tuple((m.region, m.kind, m.intensity) for m in self.marks)

    def symptoms(self) -> SymptomMap:
        return SymptomMap(
            tuple(Mark(m.region, SymptomKind(m.kind), m.intensity) for m in self.marks)
        )


@dataclass(frozen=True)
class AnswerRecord:
    id: int
    screen: int
    question: str
    answer: bool


@dataclass(frozen=True)
class ScreenRecord:
    id: int
    uuid: str
    answered_at: str
    zone: str
    local_date: str
    trigger: str
    result: str
    session: int | None
    answers: tuple[AnswerRecord, ...] = ()


@dataclass(frozen=True)
class SessionRecord:
    id: int
    uuid: str
    rung: str
    started_at: str
    ended_at: str
    zone: str
    local_date: str
    back_pain_before: int
    leg_pain_before: int
    back_pain_after: int | None
    leg_pain_after: int | None
    outcome: str
    reps_done: int | None
    hold_seconds: int | None
    range_reached: str | None
    pelvis_stayed_down: bool | None
    stopped_for_pain: bool
    map_before: int | None
    map_after: int | None
    note: str
    updated_at: str
    planned: int | None = None  # reps or seconds planned; None: not known
    against_advice: bool | None = False  # chosen against the advice; None: not known


@dataclass(frozen=True)
class NoteRecord:
    id: int
    uuid: str
    written_at: str
    zone: str
    local_date: str
    text: str


@dataclass(frozen=True)
class SessionSnapshot:
    session: SessionRecord
    maps: tuple[MapRecord, ...]
    screens: tuple[ScreenRecord, ...]


@dataclass(frozen=True)
class CheckInSnapshot:
    map: MapRecord


@dataclass(frozen=True)
class NoteSnapshot:
    note: NoteRecord


Snapshot = SessionSnapshot | CheckInSnapshot | NoteSnapshot


Record = MarkRecord | MapRecord | AnswerRecord | ScreenRecord | SessionRecord | NoteRecord
R = TypeVar("R", MarkRecord, MapRecord, AnswerRecord, ScreenRecord, SessionRecord, NoteRecord)


def columns(record_type: type[Record]) -> list[str]:
    """The dataclass fields that are columns (nested rows are not)."""
    return [f.name for f in fields(record_type) if f.name not in ("marks", "answers")]


def record(record_type: type[R], row: dict[str, Any], **nested: Any) -> R:
    """A record of ``record_type`` from a row (a dict keyed by field name)."""
    return record_type(**{name: row[name] for name in columns(record_type)}, **nested)


def values(entry: Record) -> dict[str, Any]:
    """The columns of a record, keyed by field name (nested rows left out)."""
    data = asdict(entry)
    return {name: data[name] for name in columns(type(entry))}
