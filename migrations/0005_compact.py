"""The compact journal (issue 16.5): the same entries and values in a quarter of the room.

- UUIDs are kept as their 16 bytes, UTC times as whole seconds since 1970, local dates
  as day numbers (``date.toordinal``);
- short names (zones, exercises, outcomes, ranges, map contexts, body regions, symptom
  kinds, red-flag triggers, results and questions, measures and their items) as small
  integers of the new ``code`` table (category, name → value), stored in the journal so
  that a code never depends on the order of ``program.toml``; codes are never renumbered;
- a map's marks are packed into its row (``symptom_map.marks``: 3 bytes a mark, region
  code, kind code, intensity; the ``symptom_mark`` table is gone) beside its distal extent
  per leg (``left_extent``, ``right_extent``: the lowest body level marked on that side);
- the indexes a map had (time, date, UUID) go: check-ins keep partial indexes of their own
  (UUID, time), a session's maps are reached through the session.

Rows keep their ids. The profile and the app's state do not change. The runner wraps the
migration in one transaction: should anything fail, the journal stays as it was (and the
verified backup taken before it is there). ``storage.database`` compacts the file
(VACUUM) once it is committed.

The schema and conversions here are a frozen copy, independent of sciatica_journal.storage.
"""

import datetime as dt
import tomllib
import uuid as uuidlib

CHECK_IN = 1  # the context code of a check-in, named by the partial indexes below
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)

SCHEMA = (
    "CREATE TABLE code (category TEXT NOT NULL, name TEXT NOT NULL, value INTEGER NOT NULL, "
    "PRIMARY KEY (category, name)) WITHOUT ROWID",
    "CREATE UNIQUE INDEX code_category_value ON code (category, value)",
    "CREATE TABLE symptom_map (id INTEGER NOT NULL PRIMARY KEY, uuid BLOB NOT NULL, "
    "recorded_at INTEGER NOT NULL, zone INTEGER NOT NULL, local_date INTEGER NOT NULL, "
    "context INTEGER NOT NULL, note TEXT NOT NULL, marks BLOB NOT NULL, "
    "left_extent INTEGER, right_extent INTEGER)",
    "CREATE TABLE exercise_session (id INTEGER NOT NULL PRIMARY KEY, uuid BLOB NOT NULL, "
    "rung INTEGER NOT NULL, started_at INTEGER NOT NULL, ended_at INTEGER NOT NULL, "
    "zone INTEGER NOT NULL, local_date INTEGER NOT NULL, back_pain_before INTEGER NOT NULL, "
    "leg_pain_before INTEGER NOT NULL, back_pain_after INTEGER, leg_pain_after INTEGER, "
    "outcome INTEGER NOT NULL, reps_done INTEGER, hold_seconds INTEGER, "
    "range_reached INTEGER, pelvis_stayed_down INTEGER, stopped_for_pain INTEGER NOT NULL, "
    "map_before_id INTEGER, "
    "map_after_id INTEGER, "
    "note TEXT NOT NULL, updated_at INTEGER NOT NULL, planned INTEGER, against_advice INTEGER)",
    "CREATE TABLE red_flag_screen (id INTEGER NOT NULL PRIMARY KEY, uuid BLOB NOT NULL, "
    "answered_at INTEGER NOT NULL, zone INTEGER NOT NULL, local_date INTEGER NOT NULL, "
    "trigger INTEGER NOT NULL, result INTEGER NOT NULL, "
    "session_id INTEGER REFERENCES exercise_session (id) ON DELETE SET NULL)",
    "CREATE TABLE red_flag_answer (id INTEGER NOT NULL PRIMARY KEY, "
    "screen_id INTEGER NOT NULL REFERENCES red_flag_screen (id) ON DELETE CASCADE, "
    "question INTEGER NOT NULL, answer INTEGER NOT NULL)",
    "CREATE TABLE journal_note (id INTEGER NOT NULL PRIMARY KEY, uuid BLOB NOT NULL, "
    "written_at INTEGER NOT NULL, zone INTEGER NOT NULL, local_date INTEGER NOT NULL, "
    "text TEXT NOT NULL)",
    "CREATE TABLE measure_response (id INTEGER NOT NULL PRIMARY KEY, uuid BLOB NOT NULL, "
    "measure INTEGER NOT NULL, answered_at INTEGER NOT NULL, zone INTEGER NOT NULL, "
    "local_date INTEGER NOT NULL)",
    "CREATE TABLE measure_answer (id INTEGER NOT NULL PRIMARY KEY, "
    "response_id INTEGER NOT NULL REFERENCES measure_response (id) ON DELETE CASCADE, "
    "item INTEGER NOT NULL, value INTEGER NOT NULL, activity TEXT)",
)
INDEXES = (
    f"CREATE UNIQUE INDEX symptom_map_check_in_uuid ON symptom_map (uuid) "
    f"WHERE context = {CHECK_IN}",
    f"CREATE INDEX symptom_map_check_in_recorded_at ON symptom_map (recorded_at) "
    f"WHERE context = {CHECK_IN}",
    "CREATE UNIQUE INDEX exercise_session_uuid ON exercise_session (uuid)",
    "CREATE INDEX exercise_session_started_at ON exercise_session (started_at)",
    "CREATE INDEX exercise_session_local_date ON exercise_session (local_date)",
    "CREATE UNIQUE INDEX red_flag_screen_uuid ON red_flag_screen (uuid)",
    "CREATE INDEX red_flag_screen_answered_at ON red_flag_screen (answered_at)",
    "CREATE INDEX red_flag_screen_local_date ON red_flag_screen (local_date)",
    "CREATE INDEX red_flag_screen_session_id ON red_flag_screen (session_id)",
    "CREATE UNIQUE INDEX red_flag_answer_screen_id_question ON red_flag_answer "
    "(screen_id, question)",
    "CREATE UNIQUE INDEX journal_note_uuid ON journal_note (uuid)",
    "CREATE INDEX journal_note_written_at ON journal_note (written_at)",
    "CREATE INDEX journal_note_local_date ON journal_note (local_date)",
    "CREATE UNIQUE INDEX measure_response_uuid ON measure_response (uuid)",
    "CREATE INDEX measure_response_measure ON measure_response (measure)",
    "CREATE INDEX measure_response_answered_at ON measure_response (answered_at)",
    "CREATE INDEX measure_response_local_date ON measure_response (local_date)",
    "CREATE UNIQUE INDEX measure_answer_response_id_item ON measure_answer (response_id, item)",
)
# The old tables, in the order they are copied; symptom_mark goes into symptom_map.
OLD_TABLES = (
    "symptom_map",
    "symptom_mark",
    "exercise_session",
    "red_flag_screen",
    "red_flag_answer",
    "journal_note",
    "measure_response",
    "measure_answer",
)


def _uuid(text):
    return uuidlib.UUID(text).bytes


def _utc(text):
    if text is None:
        return None
    if len(text) != 20 or not text.endswith("Z"):
        raise ValueError(f"not a UTC time: {text!r}")
    moment = dt.datetime.fromisoformat(text[:-1]).replace(tzinfo=dt.UTC)
    return int((moment - EPOCH).total_seconds())


def _day(text):
    return dt.date.fromisoformat(text).toordinal()


def _levels():
    """Region code → (side, level), from the body map's catalog."""
    from sciatica_journal.paths import resource_path

    data = tomllib.loads(resource_path("body_regions.toml").read_text(encoding="utf-8"))
    return {r["code"]: (r["side"], int(r["level"])) for r in data["regions"]}


class _Codes:
    """The codes given so far, per category (the table is written at the end)."""

    def __init__(self):
        self.values = {("context", "check-in"): CHECK_IN, ("context", "before"): 2}
        self.values[("context", "after")] = 3
        self.next = {"context": 4}

    def __call__(self, category, name):
        if name is None:
            return None
        key = (category, name)
        found = self.values.get(key)
        if found is None:
            found = self.values[key] = self.next.get(category, 1)
            self.next[category] = found + 1
        return found


def _rows(db, table):
    cursor = db.execute_sql(f'SELECT * FROM "old_{table}" ORDER BY id')
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(names, row, strict=True))


def _insert(db, table, rows):
    rows = list(rows)
    if not rows:
        return
    names = list(rows[0])
    sql = f'INSERT INTO "{table}" ({", ".join(names)}) VALUES ({", ".join("?" for _ in names)})'
    db.cursor().executemany(sql, ([row[n] for n in names] for row in rows))


def _copy_maps(db, code):
    levels = _levels()
    marks = {}
    for row in _rows(db, "symptom_mark"):
        marks.setdefault(row["symptom_map_id"], []).append(row)

    def converted(row):
        packed = bytearray()
        deepest = {"left": None, "right": None}
        for mark in marks.get(row["id"], ()):
            packed += bytes(
                (code("region", mark["region"]), code("kind", mark["kind"]), mark["intensity"])
            )
            side, level = levels.get(mark["region"], ("", None))
            if side in deepest and (deepest[side] is None or level > deepest[side]):
                deepest[side] = level
        return {
            "id": row["id"],
            "uuid": _uuid(row["uuid"]),
            "recorded_at": _utc(row["recorded_at"]),
            "zone": code("zone", row["zone"]),
            "local_date": _day(row["local_date"]),
            "context": code("context", row["context"]),
            "note": row["note"],
            "marks": bytes(packed),
            "left_extent": deepest["left"],
            "right_extent": deepest["right"],
        }

    _insert(db, "symptom_map", (converted(r) for r in _rows(db, "symptom_map")))


def _when(row, code, at):
    return {
        "id": row["id"],
        "uuid": _uuid(row["uuid"]),
        at: _utc(row[at]),
        "zone": code("zone", row["zone"]),
        "local_date": _day(row["local_date"]),
    }


def _copy_sessions(db, code):
    def converted(row):
        out = dict(row)
        out.update(
            uuid=_uuid(row["uuid"]),
            rung=code("rung", row["rung"]),
            started_at=_utc(row["started_at"]),
            ended_at=_utc(row["ended_at"]),
            zone=code("zone", row["zone"]),
            local_date=_day(row["local_date"]),
            outcome=code("outcome", row["outcome"]),
            range_reached=code("range", row["range_reached"]),
            updated_at=_utc(row["updated_at"]),
        )
        return out

    _insert(db, "exercise_session", (converted(r) for r in _rows(db, "exercise_session")))


def _copy_the_rest(db, code):
    def screen(row):
        out = _when(row, code, "answered_at")
        out.update(
            trigger=code("trigger", row["trigger"]),
            result=code("result", row["result"]),
            session_id=row["session_id"],
        )
        return out

    def answer(row):
        return {**row, "question": code("question", row["question"])}

    def note(row):
        return {**_when(row, code, "written_at"), "text": row["text"]}

    def response(row):
        return {**_when(row, code, "answered_at"), "measure": code("measure", row["measure"])}

    def item(row):
        return {**row, "item": code("item", row["item"])}

    _insert(db, "red_flag_screen", (screen(r) for r in _rows(db, "red_flag_screen")))
    _insert(db, "red_flag_answer", (answer(r) for r in _rows(db, "red_flag_answer")))
    _insert(db, "journal_note", (note(r) for r in _rows(db, "journal_note")))
    _insert(db, "measure_response", (response(r) for r in _rows(db, "measure_response")))
    _insert(db, "measure_answer", (item(r) for r in _rows(db, "measure_answer")))


def up(migrator, db):
    for table in OLD_TABLES:
        db.execute_sql(f'ALTER TABLE "{table}" RENAME TO "old_{table}"')
    for statement in SCHEMA:
        db.execute_sql(statement)
    code = _Codes()
    _copy_maps(db, code)
    _copy_sessions(db, code)
    _copy_the_rest(db, code)
    _insert(
        db,
        "code",
        ({"category": c, "name": n, "value": v} for (c, n), v in sorted(code.values.items())),
    )
    for table in reversed(OLD_TABLES):
        db.execute_sql(f'DROP TABLE "old_{table}"')
    for statement in INDEXES:
        db.execute_sql(statement)
