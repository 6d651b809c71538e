"""Journals of an older schema (migrations 0001..k only), filled from a JSON export with
plain SQL in the text columns those schemas had: what an older app would have written."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

from sciatica_journal.domain.timekeeping import local_date, parse_utc
from sciatica_journal.paths import migrations_dir
from sciatica_journal.storage.database import open_journal

MIGRATIONS = (
    "0001_initial",
    "0002_planned_dose",
    "0003_chosen_against_advice",
    "0004_measures",
)


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _insert(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> int:
    known = set(_columns(conn, table))
    row = {k: v for k, v in row.items() if k in known}
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values()))
    return int(cursor.lastrowid or 0)


def _map(conn: sqlite3.Connection, doc: dict[str, Any] | None) -> int | None:
    if doc is None:
        return None
    day = local_date(parse_utc(doc["recorded_at"]), doc["zone"]).isoformat()
    map_id = _insert(
        conn,
        "symptom_map",
        {
            "uuid": doc["uuid"],
            "recorded_at": doc["recorded_at"],
            "zone": doc["zone"],
            "local_date": day,
            "context": doc["context"],
            "note": doc.get("note", ""),
        },
    )
    for mark in doc["marks"]:
        _insert(conn, "symptom_mark", {**mark, "symptom_map_id": map_id})
    return map_id


def _session(conn: sqlite3.Connection, doc: dict[str, Any], updated_at: str) -> int:
    before, after = _map(conn, doc["map_before"]), _map(conn, doc["map_after"])
    pain = doc["pain"]
    row = {k: doc[k] for k in ("uuid", "rung", "started_at", "ended_at", "zone", "local_date")}
    row.update(
        back_pain_before=pain["back_before"],
        leg_pain_before=pain["leg_before"],
        back_pain_after=pain["back_after"],
        leg_pain_after=pain["leg_after"],
        outcome=doc["outcome"],
        reps_done=doc["reps_done"],
        hold_seconds=doc["hold_seconds"],
        range_reached=doc["range_reached"],
        pelvis_stayed_down=doc["pelvis_stayed_down"],
        stopped_for_pain=doc["stopped_for_pain"],
        map_before_id=before,
        map_after_id=after,
        note=doc["note"],
        updated_at=updated_at,
        planned=doc.get("planned"),
        against_advice=doc.get("against_advice", False),
    )
    return _insert(conn, "exercise_session", row)


def write_old_journal(
    path: Path, document: dict[str, Any], source: Path, tmp_path: Path, count: int
) -> None:
    """A journal at ``path`` made by the first ``count`` migrations, holding every entry of
    ``document`` that schema can hold; its profile and app state are copied from the
    journal file ``source`` (their tables never changed)."""
    folder = tmp_path / f"migrations-{count}"
    folder.mkdir()
    for name in MIGRATIONS[:count]:
        shutil.copy(migrations_dir() / f"{name}.py", folder)
    open_journal(path, path.parent / "backups", folder).close()
    conn = sqlite3.connect(path)
    conn.execute("ATTACH DATABASE ? AS new", [str(source)])
    for table in ("profile", "app_state"):
        names = ", ".join(_columns(conn, table))
        conn.execute(f"INSERT INTO main.{table} ({names}) SELECT {names} FROM new.{table}")
    conn.commit()
    conn.execute("DETACH DATABASE new")
    updated_at = document["exported_at"]
    sessions = {s["uuid"]: _session(conn, s, updated_at) for s in document["sessions"]}
    for check_in in document["check_ins"]:
        _map(conn, check_in)
    for screen in document["red_flag_screens"]:
        row = {k: screen[k] for k in ("uuid", "answered_at", "zone", "local_date")}
        row.update(trigger=screen["trigger"], result=screen["result"])
        row["session_id"] = sessions.get(screen["session"]) if screen["session"] else None
        screen_id = _insert(conn, "red_flag_screen", row)
        for question, answer in screen["answers"].items():
            _insert(
                conn,
                "red_flag_answer",
                {"screen_id": screen_id, "question": question, "answer": answer},
            )
    for note in document["notes"]:
        _insert(conn, "journal_note", dict(note))
    if count >= 4:
        for measure in document.get("measures", []):
            row = {k: measure[k] for k in ("uuid", "measure", "answered_at", "zone", "local_date")}
            response_id = _insert(conn, "measure_response", row)
            for answer in measure["answers"]:
                _insert(conn, "measure_answer", {**answer, "response_id": response_id})
    conn.commit()
    assert conn.execute("PRAGMA user_version").fetchone() == (count,)
    conn.close()
