"""Export the journal (the JSON journal, or CSV files) and import a JSON journal.

An import is checked completely before anything is written: the file must be
readable UTF-8 JSON, a Sciatica Journal file, valid against
``resources/journal.schema.json``, and keep the domain rules (known regions and
exercises, pain 0-10, times neither reversed nor in the future). Then it is
written in one transaction; entries whose UUID the journal holds are skipped.
Every failure is a ``TransferError`` with one line naming the place and the
problem, and leaves the journal unchanged. See ``docs/journal-format.md``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:  # jsonschema loads when an import is validated, not at start-up
    import jsonschema
    from jsonschema.exceptions import ValidationError

from sciatica_journal import __version__
from sciatica_journal.domain.body import (
    INTENSITY_NAMES,
    RegionCatalog,
    SymptomKind,
    SymptomMap,
)
from sciatica_journal.domain.profile import AffectedSide, Profile, ProfileError, validate_profile
from sciatica_journal.domain.program import Program
from sciatica_journal.domain.sessions import (
    NewSession,
    Outcome,
    PainScores,
    PressUpRange,
    SessionError,
    validate_new_session,
    validate_pain,
)
from sciatica_journal.domain.timekeeping import format_utc, local_date, local_time, parse_utc
from sciatica_journal.domain.validation import EARLIEST, text_problem
from sciatica_journal.paths import resource_path
from sciatica_journal.services.clock import Clock
from sciatica_journal.storage import atomic_files, transfer_records
from sciatica_journal.storage.transfer_reader import TransferReader
from sciatica_journal.storage.transfer_records import (
    KINDS,
    JournalContents,
    MapRecord,
    MarkRecord,
    NoteRecord,
    ScreenRecord,
    SessionRecord,
)
from sciatica_journal.storage.transfer_store import TransferStore
from sciatica_journal.storage.write_failures import plain_failure

log = logging.getLogger(__name__)

FORMAT = "sciatica-journal"
VERSION = 1
SCHEMA_FILE = "journal.schema.json"
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FUTURE_TOLERANCE = dt.timedelta(minutes=1)  # as for a session saved in the app
UUID_LENGTH = 36


class TransferError(Exception):
    """An export or import that cannot be done; the message is one line naming the problem."""


@dataclass(frozen=True)
class ImportReport:
    """What an import added and what it skipped (already in the journal), per kind of entry."""

    added: Mapping[str, int]
    skipped: Mapping[str, int]
    # What the import wrote, per table, to take it back out (``remove_imported``).
    added_entries: Mapping[str, Sequence[str]] = field(default_factory=dict, compare=False)

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    @property
    def total_skipped(self) -> int:
        return sum(self.skipped.values())

    def describe(self) -> str:
        """One line, e.g. 'added 3 sessions and 1 note; skipped 2 sessions already in the
        journal'."""
        added = _listing(self.added) or "nothing"
        text = f"added {added}"
        if self.total_skipped:
            text += f"; skipped {_listing(self.skipped)} already in the journal"
        return text


@dataclass(frozen=True)
class ExportResult:
    """The files written and how many entries of each kind they hold."""

    paths: tuple[Path, ...]
    counts: Mapping[str, int]


_NOUNS = {
    transfer_records.PROFILE: ("profile", "profiles"),
    transfer_records.SESSIONS: ("session", "sessions"),
    transfer_records.CHECK_INS: ("check-in", "check-ins"),
    transfer_records.RED_FLAG_SCREENS: ("red-flag screening", "red-flag screenings"),
    transfer_records.NOTES: ("note", "notes"),
}


def _listing(counts: Mapping[str, int]) -> str:
    parts = [f"{n} {_NOUNS[k][n != 1]}" for k in KINDS if (n := counts.get(k, 0))]
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + " and " + parts[-1]
    return "".join(parts)


class TransferService:
    def __init__(
        self,
        program: Program,
        catalog: RegionCatalog,
        clock: Clock,
        store: TransferStore,
        schema_path: Path | None = None,
        before_import: Callable[[], object] | None = None,
    ) -> None:
        self._store = store
        self._before_import = before_import  # e.g. a verified backup of the journal
        self._program = program
        self._catalog = catalog
        self._clock = clock
        self._schema_path = schema_path or resource_path(SCHEMA_FILE)
        self._validator: jsonschema.protocols.Validator | None = None

    # --- export --------------------------------------------------------------------------

    def journal_document(self, *, include_identity: bool = True) -> dict[str, Any]:
        """The whole journal as the JSON document of ``docs/journal-format.md``."""
        return self._document(self._store.read_all(), include_identity)

    def export_json(self, path: Path, *, include_identity: bool = True) -> ExportResult:
        """Write the JSON journal to ``path`` atomically. ``include_identity=False`` leaves
        out the name and birth date."""
        contents = self._store.read_all()
        text = json.dumps(self._document(contents, include_identity), ensure_ascii=False, indent=2)
        _write_files([(Path(path), text + "\n")], encoding="utf-8")
        log.info("journal exported as JSON")
        return ExportResult(paths=(Path(path),), counts=_counts(contents))

    def export_csv(self, folder: Path) -> ExportResult:
        """Write one CSV file per table into an existing ``folder`` (UTF-8 with a BOM, so
        spreadsheets read the accents; formula-like text cells escaped)."""
        folder = Path(folder)
        if not folder.exists():
            raise TransferError(f"cannot export to {folder}: the folder does not exist")
        if not folder.is_dir():
            raise TransferError(f"cannot export to {folder}: it is not a folder")
        contents = self._store.read_all()
        tables = _csv_tables(contents)
        files = [(folder / name, _csv_text(CSV_COLUMNS[name], tables[name])) for name in CSV_FILES]
        _write_files(files, encoding="utf-8-sig")
        log.info("journal exported as CSV")
        return ExportResult(paths=tuple(p for p, _ in files), counts=_counts(contents))

    def _document(self, contents: JournalContents, include_identity: bool) -> dict[str, Any]:
        document: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": format_utc(self._clock.now()),
            "app_version": __version__,
        }
        if contents.profile is not None:
            document["profile"] = _profile_doc(contents.profile, include_identity)
        document["sessions"] = [_session_doc(s) for s in contents.sessions]
        document["check_ins"] = [_map_doc(m) for m in contents.check_ins]
        document["red_flag_screens"] = [_screen_doc(s) for s in contents.screens]
        document["notes"] = [_note_doc(n) for n in contents.notes]
        return document

    # --- import --------------------------------------------------------------------------

    def import_json(self, path: Path) -> ImportReport:
        """Check the file completely, then add what the journal lacks in one transaction."""
        contents = self.check_document(_read_json(Path(path)))
        if self._before_import is not None:
            try:
                self._before_import()
            except OSError as exc:
                raise TransferError(
                    f"no backup could be made first, so nothing was imported: {exc.strerror or exc}"
                ) from exc
        try:
            counts = self._store.import_contents(
                contents, zone=self._clock.zone, now=self._clock.now()
            )
        except transfer_records.ImportWriteError as exc:
            message = f"the journal could not be written, nothing was imported: {exc}"
            raise TransferError(message) from exc
        log.info("journal imported")
        return ImportReport(
            added=dict(counts.added),
            skipped=dict(counts.skipped),
            added_entries={k: tuple(v) for k, v in counts.written.items()},
        )

    def remove_imported(self, added: Mapping[str, Sequence[str]]) -> int:
        """Undo an import: the entries it added, and only those, are removed (a profile it
        set up stays). Returns how many were removed."""
        try:
            removed = self._store.remove_written(added)
        except Exception as exc:
            plain = plain_failure(exc)
            if plain is None:
                raise
            raise TransferError(f"{plain}: the import was not taken back") from exc
        log.info("import taken back")
        return removed

    def check_document(self, document: object) -> JournalContents:
        """Validate a parsed journal (format, schema, domain rules) without writing."""
        _check_is_journal(document)
        _check_text(document)
        errors = list(self._schema_validator().iter_errors(document))
        if errors:
            raise TransferError(_schema_message(min(errors, key=_document_order)))
        reader = _DocumentReader(self._program, self._catalog, self._clock, self._store)
        return reader.read(cast(dict[str, Any], document))  # an object: checked above

    def _schema_validator(self) -> jsonschema.protocols.Validator:
        if self._validator is None:
            try:
                schema = json.loads(self._schema_path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise TransferError(f"the journal schema {self._schema_path} is unusable") from exc
            import jsonschema

            self._validator = jsonschema.Draft202012Validator(_inline_refs(schema))
        return self._validator


_ANNOTATIONS = frozenset({"description", "title", "$comment", "examples"})


def _inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with each local ``"$ref": "#/$defs/NAME"`` replaced by its definition.

    Resolving a reference is most of jsonschema's work on a large journal; inlined, ten
    years validate twice as fast. A reference is inlined only where that means the same
    (its siblings and the definition share no keyword but annotations, where the
    definition's wins: its description is used in messages); others stay references."""
    defs = schema.get("$defs", {})

    def expand(node: Any, active: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [expand(item, active) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        name = ref.removeprefix("#/$defs/") if isinstance(ref, str) else None
        target = defs.get(name) if name is not None and ref != name else None
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        if (
            isinstance(target, dict)
            and name not in active
            and not (set(siblings) & set(target)) - _ANNOTATIONS
        ):
            return expand({**siblings, **target}, (*active, str(name)))
        return {k: v if k == "$defs" else expand(v, active) for k, v in node.items()}

    flat = expand(schema, ())
    return flat if isinstance(flat, dict) else schema


# --- JSON documents ----------------------------------------------------------------------


def _profile_doc(profile: Profile, include_identity: bool) -> dict[str, Any]:
    doc: dict[str, Any] = {}
    if include_identity and profile.name:
        doc["name"] = profile.name
    if include_identity and profile.birth_date is not None:
        doc["birth_date"] = profile.birth_date.isoformat()
    doc.update(
        affected_side=profile.affected_side.value,
        target_min=profile.target_min,
        target_max=profile.target_max,
        waking_start=profile.waking_start.strftime("%H:%M"),
        waking_end=profile.waking_end.strftime("%H:%M"),
        reminders_enabled=profile.reminders_enabled,
        starting_rung=profile.starting_rung,
    )
    return doc


def _map_doc(m: MapRecord) -> dict[str, Any]:
    return {
        "uuid": m.uuid,
        "recorded_at": m.recorded_at,
        "zone": m.zone,
        "context": m.context,
        "note": m.note,
        "marks": [{"region": k.region, "kind": k.kind, "intensity": k.intensity} for k in m.marks],
    }


def _session_doc(s: SessionRecord) -> dict[str, Any]:
    return {
        "uuid": s.uuid,
        "rung": s.rung,
        "started_at": s.started_at,
        "ended_at": s.ended_at,
        "zone": s.zone,
        "local_date": s.local_date,
        "pain": {
            "back_before": s.back_pain_before,
            "leg_before": s.leg_pain_before,
            "back_after": s.back_pain_after,
            "leg_after": s.leg_pain_after,
        },
        "outcome": s.outcome,
        "reps_done": s.reps_done,
        "hold_seconds": s.hold_seconds,
        "range_reached": s.range_reached,
        "pelvis_stayed_down": s.pelvis_stayed_down,
        "stopped_for_pain": s.stopped_for_pain,
        "note": s.note,
        "map_before": None if s.map_before is None else _map_doc(s.map_before),
        "map_after": None if s.map_after is None else _map_doc(s.map_after),
    }


def _screen_doc(s: ScreenRecord) -> dict[str, Any]:
    return {
        "uuid": s.uuid,
        "answered_at": s.answered_at,
        "zone": s.zone,
        "local_date": s.local_date,
        "trigger": s.trigger,
        "result": s.result,
        "answers": dict(s.answers),
        "session": s.session_uuid,
    }


def _note_doc(n: NoteRecord) -> dict[str, Any]:
    return {
        "uuid": n.uuid,
        "written_at": n.written_at,
        "zone": n.zone,
        "local_date": n.local_date,
        "text": n.text,
    }


def _counts(contents: JournalContents) -> dict[str, int]:
    return {
        transfer_records.PROFILE: int(contents.profile is not None),
        transfer_records.SESSIONS: len(contents.sessions),
        transfer_records.CHECK_INS: len(contents.check_ins),
        transfer_records.RED_FLAG_SCREENS: len(contents.screens),
        transfer_records.NOTES: len(contents.notes),
    }


# --- CSV -----------------------------------------------------------------------------------


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
        "reps_done", "hold_seconds", "range_reached", "pelvis_stayed_down", "stopped_for_pain",
        "map_before_uuid", "map_after_uuid", "note",
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
}
# fmt: on
CSV_FILES = tuple(CSV_COLUMNS)  # one file per table


def _row(record: object, columns: Sequence[str], **extra: object) -> list[object]:
    """The values of ``columns``: from ``extra`` if given, else the record's attributes."""
    return [extra[c] if c in extra else getattr(record, c) for c in columns]


def _csv_tables(c: JournalContents) -> dict[str, list[list[object]]]:
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
    }


# --- files -----------------------------------------------------------------------------------


def _write_files(files: Sequence[tuple[Path, str]], encoding: str) -> None:
    """Write every file atomically and durably (``storage.atomic_files``): all are written
    and fsynced before any is renamed into place; a failure leaves no temporary files."""
    for path, _ in files:
        if path.is_dir():
            raise TransferError(f"cannot write {path}: it is a folder")
        if not path.parent.is_dir():
            raise TransferError(f"cannot write {path}: the folder {path.parent} does not exist")
    try:
        atomic_files.write_files([(path, text.encode(encoding)) for path, text in files])
    except atomic_files.AtomicWriteError as exc:
        raise TransferError(f"cannot write {exc.target}: {exc.strerror or exc}") from exc


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a JSON number")


def _read_json(path: Path) -> object:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TransferError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TransferError(f"{path} is not JSON: it is not UTF-8 text") from exc
    try:
        return json.loads(
            text, object_pairs_hook=_reject_duplicate_keys, parse_constant=_reject_constant
        )
    except json.JSONDecodeError as exc:
        raise TransferError(
            f"{path} is not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from exc
    except ValueError as exc:
        raise TransferError(f"{path} is not valid JSON: {exc}") from exc
    except RecursionError as exc:
        raise TransferError(f"{path} is not usable JSON: it is nested too deeply") from exc


# --- checking an import ------------------------------------------------------------------


def _show(value: object) -> str:
    """A value for a one-line message, shortened."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def _join(place: str, key: object) -> str:
    if isinstance(key, int):
        return f"{place}[{key}]"
    return f"{place}.{key}" if place else str(key)


def _place(path: Iterable[object]) -> str:
    place = ""
    for key in path:
        place = _join(place, key)
    return place


def _check_text(document: object) -> None:
    """Every text is real Unicode (JSON's "\\ud800" escapes give lone surrogates, which
    cannot be stored): the first one that is not is named."""
    try:
        json.dumps(document, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return
    stack: list[tuple[object, tuple[object, ...]]] = [(document, ())]
    while stack:
        node, where = stack.pop()
        if isinstance(node, str):
            if text_problem(node) is not None:
                _fail(_place(where), f"{_show(node)} is not valid Unicode text")
        elif isinstance(node, dict):
            for key, value in node.items():
                if text_problem(str(key)) is not None:
                    _fail(_place(where), "a key is not valid Unicode text")
                stack.append((value, (*where, key)))
        elif isinstance(node, list):
            stack.extend((value, (*where, i)) for i, value in enumerate(node))


def _check_is_journal(document: object) -> None:
    if not isinstance(document, dict):
        raise TransferError(f"not a Sciatica Journal file: the top level is {_show(document)}")
    if "format" not in document:
        raise TransferError("not a Sciatica Journal file: 'format' is missing")
    if document["format"] != FORMAT:
        raise TransferError(
            f"not a Sciatica Journal file: 'format' is {_show(document['format'])}, not {FORMAT!r}"
        )
    version = document.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise TransferError(
            f"version: this file is format version {version}, written by a newer Sciatica "
            f"Journal; this version reads version {VERSION}"
        )


def _document_order(error: ValidationError) -> tuple[tuple[int, int | str], ...]:
    """Top-level problems first, then the first entry of a list."""
    return tuple((0, k) if isinstance(k, int) else (1, str(k)) for k in error.absolute_path)


_TYPE_WORDS = {
    "integer": "a whole number",
    "number": "a number",
    "string": "text",
    "boolean": "true or false",
    "object": "an object",
    "array": "a list",
    "null": "null",
}


def _schema_message(error: ValidationError) -> str:
    place = _place(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    instance, expected = error.instance, error.validator_value
    where = place or "journal"
    match error.validator:
        case "required":
            missing = [k for k in expected if k not in instance]
            return f"{_join(place, missing[0] if missing else '?')}: missing"
        case "additionalProperties":
            extra = sorted(set(instance) - set(schema.get("properties", {})))
            return f"{_join(place, extra[0] if extra else '?')}: not a field of this format"
        case "type":
            kinds = [expected] if isinstance(expected, str) else list(expected)
            words = " or ".join(_TYPE_WORDS.get(k, k) for k in kinds)
            return f"{where}: expected {words}, not {_show(instance)}"
        case "enum":
            allowed = ", ".join(_show(v) for v in expected)
            return f"{where}: {_show(instance)} is not one of {allowed}"
        case "const":
            return f"{where}: must be {_show(expected)}, not {_show(instance)}"
        case "minimum" | "maximum" if "minimum" in schema and "maximum" in schema:
            return f"{where}: {_show(instance)} is outside {schema['minimum']}-{schema['maximum']}"
        case "minimum":
            return f"{where}: {_show(instance)} is below {expected}"
        case "maximum":
            return f"{where}: {_show(instance)} is above {expected}"
        case "pattern":
            described = schema.get("description", "in the expected form")
            return f"{where}: {_show(instance)} is not {described}"
        case "maxLength":
            return f"{where}: longer than {expected} characters"
        case "minLength":
            return f"{where}: must not be empty"
    return f"{where}: {error.message.splitlines()[0][:120]}"


def _fail(place: str, message: str) -> NoReturn:
    raise TransferError(f"{place}: {message}")


_KINDS = frozenset(k.value for k in SymptomKind)
_SESSION_FIELDS = {
    "start": "started_at",
    "end": "ended_at",
    "back_pain_before": "pain.back_before",
    "leg_pain_before": "pain.leg_before",
    "back_pain_after": "pain.back_after",
    "leg_pain_after": "pain.leg_after",
    "pain_after": "pain",
}


class _DocumentReader:
    """Applies the domain rules to a schema-valid document and builds the records."""

    def __init__(
        self, program: Program, catalog: RegionCatalog, clock: Clock, store: TransferReader
    ) -> None:
        self._program = program
        self._catalog = catalog
        self._store = store  # what the journal already holds
        self._now = clock.now()
        self._today = local_date(self._now, clock.zone)
        self._seen: dict[str, dict[str, str]] = {}  # table -> uuid -> place first seen
        self._zones: set[str] = set()  # zones known to exist

    def read(self, doc: dict[str, Any]) -> JournalContents:
        profile = self._profile(doc["profile"]) if "profile" in doc else None
        sessions = tuple(self._session(s, f"sessions[{i}]") for i, s in enumerate(doc["sessions"]))
        check_ins = tuple(
            self._map(m, f"check_ins[{i}]", None) for i, m in enumerate(doc["check_ins"])
        )
        self._maps_not_reused(sessions)
        in_file = {s.uuid for s in sessions}
        linked = {
            u.lower() for s in doc["red_flag_screens"] if isinstance(u := s.get("session"), str)
        }
        in_journal = self._store.existing_session_uuids(linked - in_file)
        screens = tuple(
            self._screen(s, f"red_flag_screens[{i}]", in_file | in_journal)
            for i, s in enumerate(doc["red_flag_screens"])
        )
        notes = tuple(self._note(n, f"notes[{i}]") for i, n in enumerate(doc["notes"]))
        return JournalContents(
            profile=profile, sessions=sessions, check_ins=check_ins, screens=screens, notes=notes
        )

    def _maps_not_reused(self, sessions: tuple[SessionRecord, ...]) -> None:
        """A new session's maps must be new too: a map UUID the journal already holds
        belongs to another entry, and linking to it would join two entries."""
        known = self._store.existing_session_uuids({s.uuid for s in sessions})
        fresh = [(i, s) for i, s in enumerate(sessions) if s.uuid not in known]
        wanted = {m.uuid for _, s in fresh for m in (s.map_before, s.map_after) if m}
        taken = self._store.map_uuids_in_use(wanted)
        if not taken:
            return
        for i, s in fresh:
            for key, m in (("map_before", s.map_before), ("map_after", s.map_after)):
                if m is not None and m.uuid in taken:
                    _fail(
                        f"sessions[{i}].{key}.uuid",
                        f"{m.uuid} is already used by another entry of the journal",
                    )

    # fields shared by every entry

    def _uuid(self, value: str, place: str, table: str) -> str:
        if len(value) != UUID_LENGTH:  # the schema's "$" lets a trailing newline through
            _fail(f"{place}.uuid", f"{_show(value)} is not a UUID")
        uuid = value.lower()
        seen = self._seen.setdefault(table, {})
        if uuid in seen:
            _fail(f"{place}.uuid", f"{uuid} appears twice in the file (also at {seen[uuid]})")
        seen[uuid] = place
        return uuid

    def _parse(self, value: str, place: str) -> dt.datetime:
        """A UTC time of the form the schema allows (fromisoformat: 20x faster than strptime)."""
        try:
            moment = dt.datetime.fromisoformat(value).astimezone(dt.UTC)
        except (ValueError, OverflowError):
            _fail(place, f"{_show(value)} is not a real date and time")
        if moment < EARLIEST:
            _fail(place, f"{value} is before {EARLIEST:%Y}: not a time of this journal")
        return moment

    def _time(self, value: str, place: str) -> dt.datetime:
        """A UTC time, not in the future."""
        moment = self._parse(value, place)
        if moment > self._now + FUTURE_TOLERANCE:
            _fail(place, f"{value} is in the future")
        return moment

    def _zone(self, value: str, place: str) -> str:
        if value not in self._zones:
            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError, OSError):
                _fail(place, f"unknown time zone {_show(value)}")
            self._zones.add(value)
        return value

    def _local_date(self, doc: dict[str, Any], place: str, moment: dt.datetime, zone: str) -> str:
        expected = local_date(moment, zone).isoformat()
        if doc["local_date"] != expected:
            _fail(
                f"{place}.local_date",
                f"{_show(doc['local_date'])} is not the local date of that time in {zone} "
                f"({expected})",
            )
        return expected

    # the kinds of entry

    def _profile(self, doc: dict[str, Any]) -> Profile:
        birth: dt.date | None = None
        if "birth_date" in doc:
            try:
                birth = dt.date.fromisoformat(doc["birth_date"])
            except ValueError:
                _fail("profile.birth_date", f"{_show(doc['birth_date'])} is not a real date")
        waking = {}
        for key in ("waking_start", "waking_end"):
            try:
                waking[key] = dt.time.fromisoformat(doc[key])
            except ValueError:
                _fail(f"profile.{key}", f"{_show(doc[key])} is not a time of day")
        profile = Profile(
            name=doc.get("name", ""),
            birth_date=birth,
            affected_side=AffectedSide(doc["affected_side"]),
            target_min=doc["target_min"],
            target_max=doc["target_max"],
            waking_start=waking["waking_start"],
            waking_end=waking["waking_end"],
            reminders_enabled=doc["reminders_enabled"],
            starting_rung=doc["starting_rung"],
        )
        try:
            validate_profile(profile, tuple(r.slug for r in self._program.rungs), self._today)
        except ProfileError as exc:
            _fail(f"profile.{exc.field}", str(exc))
        return profile

    def _map(self, doc: dict[str, Any], place: str, context: str | None) -> MapRecord:
        uuid = self._uuid(doc["uuid"], place, "symptom_map")
        if context is not None and doc["context"] != context:
            _fail(f"{place}.context", f"must be {context!r}, not {_show(doc['context'])}")
        moment = self._time(doc["recorded_at"], f"{place}.recorded_at")
        zone = self._zone(doc["zone"], f"{place}.zone")
        marks: list[MarkRecord] = []
        seen: set[tuple[str, str]] = set()
        for j, mark in enumerate(doc["marks"]):
            region, kind, intensity = mark["region"], mark["kind"], mark["intensity"]
            # What validate_mark checks, without its cost per mark (ten years: 150,000).
            if region not in self._catalog:
                _fail(f"{place}.marks[{j}].region", f"unknown body region {_show(region)}")
            if kind not in _KINDS:
                _fail(f"{place}.marks[{j}].kind", f"unknown symptom kind {_show(kind)}")
            if intensity not in INTENSITY_NAMES or isinstance(intensity, bool):
                _fail(f"{place}.marks[{j}].intensity", f"{_show(intensity)} is outside 1-3")
            if (region, kind) in seen:
                _fail(f"{place}.marks[{j}]", f"{region} already carries {kind} in this map")
            seen.add((region, kind))
            marks.append(MarkRecord(region, kind, intensity))
        return MapRecord(
            uuid=uuid,
            recorded_at=format_utc(moment),
            zone=zone,
            local_date=local_date(moment, zone).isoformat(),
            context=doc["context"],
            note=doc.get("note", ""),
            marks=tuple(marks),
        )

    def _session(self, doc: dict[str, Any], place: str) -> SessionRecord:
        uuid = self._uuid(doc["uuid"], place, "session")
        if not self._program.has_rung(doc["rung"]):
            _fail(f"{place}.rung", f"unknown exercise {_show(doc['rung'])}")
        zone = self._zone(doc["zone"], f"{place}.zone")
        started = self._parse(doc["started_at"], f"{place}.started_at")
        ended = self._parse(doc["ended_at"], f"{place}.ended_at")
        if ended < started:
            _fail(
                f"{place}.ended_at",
                f"the session ends ({doc['ended_at']}) before it starts ({doc['started_at']})",
            )
        self._time(doc["ended_at"], f"{place}.ended_at")
        day = self._local_date(doc, place, started, zone)
        pain = doc["pain"]
        for key in ("back_before", "leg_before", "back_after", "leg_after"):
            if pain[key] is None and key.endswith("_after"):
                continue
            try:
                validate_pain(pain[key], key)
            except SessionError:
                _fail(f"{place}.pain.{key}", f"{_show(pain[key])} is outside 0-10")
        if (pain["back_after"] is None) != (pain["leg_after"] is None):
            _fail(f"{place}.pain", "back_after and leg_after must both be scores or both null")
        maps = {}
        for key, context in (("map_before", "before"), ("map_after", "after")):
            found = doc.get(key)
            maps[key] = None if found is None else self._map(found, f"{place}.{key}", context)
        range_reached = doc.get("range_reached")
        new = NewSession(
            rung=doc["rung"],
            started_at=started,
            ended_at=ended,
            pain_before=PainScores(pain["back_before"], pain["leg_before"]),
            pain_after=None
            if pain["back_after"] is None
            else PainScores(pain["back_after"], pain["leg_after"]),
            # The maps were checked above; validate_new_session does not look at them.
            map_before=SymptomMap(),
            map_after=None,
            reps_done=doc.get("reps_done"),
            hold_seconds=doc.get("hold_seconds"),
            range_reached=None if range_reached is None else PressUpRange(range_reached),
            pelvis_stayed_down=doc.get("pelvis_stayed_down"),
            stopped_for_pain=doc["stopped_for_pain"],
            note=doc.get("note", ""),
        )
        try:
            validate_new_session(new, self._program, self._now)
        except SessionError as exc:
            _fail(f"{place}.{_SESSION_FIELDS.get(exc.field, exc.field)}", str(exc))
        return SessionRecord(
            uuid=uuid,
            rung=new.rung,
            started_at=format_utc(started),
            ended_at=format_utc(ended),
            zone=zone,
            local_date=day,
            back_pain_before=new.pain_before.back,
            leg_pain_before=new.pain_before.leg,
            back_pain_after=None if new.pain_after is None else new.pain_after.back,
            leg_pain_after=None if new.pain_after is None else new.pain_after.leg,
            outcome=Outcome(doc["outcome"]).value,
            reps_done=new.reps_done,
            hold_seconds=new.hold_seconds,
            range_reached=range_reached,
            pelvis_stayed_down=new.pelvis_stayed_down,
            stopped_for_pain=new.stopped_for_pain,
            note=new.note,
            map_before=maps["map_before"],
            map_after=maps["map_after"],
        )

    def _screen(self, doc: dict[str, Any], place: str, sessions: set[str]) -> ScreenRecord:
        uuid = self._uuid(doc["uuid"], place, "red_flag_screen")
        moment = self._time(doc["answered_at"], f"{place}.answered_at")
        zone = self._zone(doc["zone"], f"{place}.zone")
        day = self._local_date(doc, place, moment, zone)
        known = {q.code for q in self._program.red_flags}
        for code in doc["answers"]:
            if code not in known:
                _fail(f"{place}.answers.{code}", "not a red-flag question of this version")
        session = doc.get("session")
        if session is not None:
            session = session.lower()
            if session not in sessions:
                _fail(f"{place}.session", f"no session {session} in the file or the journal")
        return ScreenRecord(
            uuid=uuid,
            answered_at=format_utc(moment),
            zone=zone,
            local_date=day,
            trigger=doc["trigger"],
            result=doc["result"],
            answers=tuple((code, bool(yes)) for code, yes in doc["answers"].items()),
            session_uuid=session,
        )

    def _note(self, doc: dict[str, Any], place: str) -> NoteRecord:
        uuid = self._uuid(doc["uuid"], place, "journal_note")
        moment = self._time(doc["written_at"], f"{place}.written_at")
        zone = self._zone(doc["zone"], f"{place}.zone")
        return NoteRecord(
            uuid=uuid,
            written_at=format_utc(moment),
            zone=zone,
            local_date=self._local_date(doc, place, moment, zone),
            text=doc["text"],
        )
