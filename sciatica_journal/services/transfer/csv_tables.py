"""The CSV export: one file per table, every value as spreadsheet text, and text that a
spreadsheet would run as a formula escaped (CSV injection)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from sciatica_journal.domain.program import Program
from sciatica_journal.domain.timekeeping import local_time, parse_utc
from sciatica_journal.services.transfer.json_writing import session_complete
from sciatica_journal.storage.transfer_records import JournalContents, MapRecord

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A value as CSV text: numbers as digits, booleans yes/no, None empty, and text that a
    spreadsheet would run as a formula (= + - @ tab CR first) escaped with a leading '."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([csv_cell(h) for h in header])
    writer.writerows([csv_cell(v) for v in row] for row in rows)
    return buffer.getvalue()


def _local(stamp: str, zone_name: str) -> str:
    """A stored UTC time as the user's wall-clock time, e.g. '2026-11-24 15:00'."""
    try:
        return local_time(parse_utc(stamp), zone_name).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return ""


# fmt: off
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "sessions.csv": (
        "uuid", "rung", "started_at", "ended_at", "started_local", "zone", "local_date",
        "back_pain_before", "leg_pain_before", "back_pain_after", "leg_pain_after", "outcome",
        "reps_done", "hold_seconds", "planned", "complete", "range_reached",
        "pelvis_stayed_down", "stopped_for_pain", "against_advice", "map_before_uuid",
        "map_after_uuid", "note",
    ),
    "symptom_maps.csv": (
        "uuid", "recorded_at", "recorded_local", "zone", "local_date", "context", "session_uuid",
        "note",
    ),
    "symptom_marks.csv": ("map_uuid", "region", "kind", "intensity"),
    "red_flag_screens.csv": (
        "uuid", "answered_at", "answered_local", "zone", "local_date", "trigger", "result",
        "session_uuid",
    ),
    "red_flag_answers.csv": ("screen_uuid", "question", "answer"),
    "notes.csv": ("uuid", "written_at", "written_local", "zone", "local_date", "text"),
    "measures.csv": (
        "response_uuid", "measure", "answered_at", "answered_local", "zone", "local_date",
        "item", "activity", "value",
    ),
}
# fmt: on
CSV_FILES = tuple(CSV_COLUMNS)  # one file per table


def _row(record: object, columns: Sequence[str], **extra: object) -> list[object]:
    """The values of ``columns``: from ``extra`` if given, else the record's attributes."""
    return [extra[c] if c in extra else getattr(record, c) for c in columns]


def _csv_tables(c: JournalContents, program: Program) -> dict[str, list[list[object]]]:
    """The data rows of each CSV file (headers in ``CSV_COLUMNS``)."""
    cols = CSV_COLUMNS
    maps: list[tuple[MapRecord, str | None]] = []
    for s in c.sessions:
        maps += [(m, s.uuid) for m in (s.map_before, s.map_after) if m is not None]
    maps += [(m, None) for m in c.check_ins]
    maps.sort(key=lambda pair: pair[0].recorded_at)
    return {
        "sessions.csv": [
            _row(
                s,
                cols["sessions.csv"],
                started_local=_local(s.started_at, s.zone),
                map_before_uuid=s.map_before.uuid if s.map_before else None,
                map_after_uuid=s.map_after.uuid if s.map_after else None,
                complete=session_complete(s, program),
            )
            for s in c.sessions
        ],
        "symptom_maps.csv": [
            _row(
                m,
                cols["symptom_maps.csv"],
                recorded_local=_local(m.recorded_at, m.zone),
                session_uuid=session_uuid,
            )
            for m, session_uuid in maps
        ],
        "symptom_marks.csv": [
            _row(k, cols["symptom_marks.csv"], map_uuid=m.uuid) for m, _ in maps for k in m.marks
        ],
        "red_flag_screens.csv": [
            _row(s, cols["red_flag_screens.csv"], answered_local=_local(s.answered_at, s.zone))
            for s in c.screens
        ],
        "red_flag_answers.csv": [[s.uuid, code, yes] for s in c.screens for code, yes in s.answers],
        "notes.csv": [
            _row(n, cols["notes.csv"], written_local=_local(n.written_at, n.zone)) for n in c.notes
        ],
        "measures.csv": [
            [
                m.uuid,
                m.measure,
                m.answered_at,
                _local(m.answered_at, m.zone),
                m.zone,
                m.local_date,
                a.item,
                a.activity,
                a.value,
            ]
            for m in c.measures
            for a in m.answers
        ],
    }


def csv_files(contents: JournalContents, program: Program) -> list[tuple[str, str]]:
    """Each CSV file's name and text, in the order of ``CSV_FILES`` (a session's
    ``complete`` judged by ``program``'s doses)."""
    tables = _csv_tables(contents, program)
    return [(name, _csv_text(CSV_COLUMNS[name], tables[name])) for name in CSV_FILES]
