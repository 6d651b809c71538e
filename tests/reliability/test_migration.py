"""A journal written by the app before migration 0002 (planned doses), 0003 (choices
against the advice) or 0004 (the weekly measures) opens in this one: a verified backup is
taken first, the new columns and tables are added, and every entry is kept."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

from sciatica_journal.domain.measure_results import Answer
from sciatica_journal.paths import DATABASE_FILE_NAME, migrations_dir, prepare_data_dir
from sciatica_journal.services.clock import FixedClock
from sciatica_journal.services.container import build_services
from sciatica_journal.services.demo_journal import generate_demo
from sciatica_journal.storage import backups
from sciatica_journal.storage.database import open_journal
from tests.builders import new_session
from tests.conftest import NOW, ZONE

TABLES = (
    "profile",
    "symptom_map",
    "symptom_mark",
    "exercise_session",
    "red_flag_screen",
    "red_flag_answer",
    "journal_note",
    "app_state",
)


def _columns(conn: sqlite3.Connection, table: str, schema: str = "main") -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA {schema}.table_info({table})")]


def _old_journal(
    path: Path, source: Path, tmp_path: Path, migrations: tuple[str, ...] = ("0001_initial",)
) -> None:
    """A journal of an older schema (made by ``migrations`` alone) holding every row of
    ``source`` that schema can hold."""
    only_first = tmp_path / f"migrations-{len(migrations)}"
    only_first.mkdir()
    for name in migrations:
        shutil.copy(migrations_dir() / f"{name}.py", only_first)
    open_journal(path, path.parent / "backups", only_first).close()
    conn = sqlite3.connect(path)
    conn.execute("ATTACH DATABASE ? AS new", [str(source)])
    for table in TABLES:
        names = ", ".join(_columns(conn, table))
        conn.execute(f"INSERT INTO main.{table} ({names}) SELECT {names} FROM new.{table}")
    conn.commit()
    conn.execute("DETACH DATABASE new")
    assert ("against_advice" in _columns(conn, "exercise_session")) == (len(migrations) > 2)
    assert ("planned" in _columns(conn, "exercise_session")) == (len(migrations) > 1)
    assert conn.execute("PRAGMA user_version").fetchone() == (len(migrations),)
    conn.close()


def test_a_0001_journal_is_migrated_with_a_backup_and_keeps_every_entry(tmp_path):
    clock = FixedClock(NOW, ZONE)
    demo_dir = prepare_data_dir(tmp_path / "demo")
    demo = build_services(demo_dir, clock)
    generate_demo(demo)
    demo.sessions.record(new_session(NOW.replace(hour=13), reps=3, planned=10))  # short
    expected = demo.transfer.journal_document()
    demo_entries = [(e.kind, e.uuid, e.summary) for e in demo.entries.entries()]
    demo_counts = (demo.summaries.summary().total, demo.summaries.summary().incomplete)
    demo.close()

    old_dir = prepare_data_dir(tmp_path / "old")
    _old_journal(old_dir / DATABASE_FILE_NAME, demo_dir / DATABASE_FILE_NAME, tmp_path)

    migrated = build_services(old_dir, clock)
    try:
        assert migrated.journal.migrated == (
            "0002_planned_dose",
            "0003_chosen_against_advice",
            "0004_measures",
        )
        backup = migrated.journal.pre_migration_backup
        assert backup is not None and backups.is_sound(backup)
        with sqlite3.connect(backup) as copy:
            assert "planned" not in _columns(copy, "exercise_session")
        db = migrated.journal.database
        assert db.execute_sql("PRAGMA user_version").fetchone() == (4,)

        # Every entry is there, as it was; only the plan is unknown (the old schema had
        # none), and whether each session counts is judged from what was done.
        for session in expected["sessions"]:
            session["planned"] = None
        document = migrated.transfer.journal_document()
        del document["exported_at"], expected["exported_at"]
        expected["measures"] = []  # the demo's weekly checks: no table for them before 0004
        assert document == expected
        assert sum(not s["complete"] for s in document["sessions"]) == 1
        summary = migrated.summaries.summary()
        assert (summary.total, summary.incomplete) == demo_counts
        entries = {(e.kind, e.uuid): e.summary for e in migrated.entries.entries()}
        assert len(entries) == len(demo_entries)
        short = [s for k, u, s in demo_entries if "incomplete" in s]
        assert short == ["Back 5→4, leg 6→5 · Moved up (centralized) · 3 of 10 reps, incomplete"]
        assert any(s.endswith("3 reps, incomplete") for s in entries.values())

        # The migrated journal takes a new session with its plan.
        migrated.sessions.record(new_session(NOW.replace(hour=13, minute=30), planned=10))
        assert migrated.transfer.journal_document()["sessions"][-1]["planned"] == 10
    finally:
        migrated.close()
    with sqlite3.connect(old_dir / DATABASE_FILE_NAME) as conn:
        fresh = sqlite3.connect(demo_dir / DATABASE_FILE_NAME)
        for table in TABLES:
            assert sorted(_columns(conn, table)) == sorted(_columns(fresh, table)), table
        fresh.close()


def test_a_0002_journal_is_migrated_and_keeps_every_entry_and_plan(tmp_path):
    """Migration 0003 adds ``against_advice``: every session of a 0002 journal keeps its
    data (its plan too) and reads as chosen with the advice; a new one records its choice."""
    clock = FixedClock(NOW, ZONE)
    demo_dir = prepare_data_dir(tmp_path / "demo")
    demo = build_services(demo_dir, clock)
    generate_demo(demo)
    demo.sessions.record(new_session(NOW.replace(hour=13), reps=3, planned=10))
    expected = demo.transfer.journal_document()
    demo_entries = {(e.kind, e.uuid): e.summary for e in demo.entries.entries()}
    demo_summary = demo.summaries.summary().as_json()
    demo.close()
    assert any(s["planned"] is not None for s in expected["sessions"])

    old_dir = prepare_data_dir(tmp_path / "old")
    _old_journal(
        old_dir / DATABASE_FILE_NAME,
        demo_dir / DATABASE_FILE_NAME,
        tmp_path,
        ("0001_initial", "0002_planned_dose"),
    )
    migrated = build_services(old_dir, clock)
    try:
        assert migrated.journal.migrated == ("0003_chosen_against_advice", "0004_measures")
        backup = migrated.journal.pre_migration_backup
        assert backup is not None and backups.is_sound(backup)
        with sqlite3.connect(backup) as copy:
            assert "against_advice" not in _columns(copy, "exercise_session")
        db = migrated.journal.database
        assert db.execute_sql("PRAGMA user_version").fetchone() == (4,)
        assert db.execute_sql(
            "SELECT count(*) FROM exercise_session WHERE against_advice IS NOT NULL"
        ).fetchone() == (0,)

        document = migrated.transfer.journal_document()
        del document["exported_at"], expected["exported_at"]
        expected["measures"] = []  # the demo's weekly checks: no table for them before 0004
        assert document == expected  # the plans and everything else as they were
        assert all(s["against_advice"] is False for s in document["sessions"])
        assert {(e.kind, e.uuid): e.summary for e in migrated.entries.entries()} == demo_entries
        assert migrated.summaries.summary().as_json() == demo_summary

        chosen = replace(new_session(NOW.replace(hour=13, minute=30)), against_advice=True)
        migrated.sessions.record(chosen)
        assert migrated.transfer.journal_document()["sessions"][-1]["against_advice"] is True
    finally:
        migrated.close()
    with sqlite3.connect(old_dir / DATABASE_FILE_NAME) as conn:
        fresh = sqlite3.connect(demo_dir / DATABASE_FILE_NAME)
        for table in TABLES:
            assert sorted(_columns(conn, table)) == sorted(_columns(fresh, table)), table
        fresh.close()


def test_a_0003_journal_is_migrated_keeps_every_entry_and_takes_the_weekly_check(tmp_path):
    """Migration 0004 adds the tables of the weekly measures: a 0003 journal keeps all its
    data, has no answers, and the baseline check is due and can be saved."""
    clock = FixedClock(NOW, ZONE)
    demo_dir = prepare_data_dir(tmp_path / "demo")
    demo = build_services(demo_dir, clock)
    generate_demo(demo)
    expected = demo.transfer.journal_document()
    demo_summary = demo.summaries.summary().as_json()
    demo.close()

    old_dir = prepare_data_dir(tmp_path / "old")
    _old_journal(
        old_dir / DATABASE_FILE_NAME,
        demo_dir / DATABASE_FILE_NAME,
        tmp_path,
        ("0001_initial", "0002_planned_dose", "0003_chosen_against_advice"),
    )
    migrated = build_services(old_dir, clock)
    try:
        assert migrated.journal.migrated == ("0004_measures",)
        backup = migrated.journal.pre_migration_backup
        assert backup is not None and backups.is_sound(backup)
        with sqlite3.connect(backup) as copy:
            assert _columns(copy, "measure_response") == []
        db = migrated.journal.database
        assert db.execute_sql("PRAGMA user_version").fetchone() == (4,)
        document = migrated.transfer.journal_document()
        del document["exported_at"], expected["exported_at"]
        expected["measures"] = []  # the demo's weekly checks: no table for them before 0004
        assert document == expected
        assert migrated.summaries.summary().as_json() == demo_summary
        assert migrated.weekly.check().baseline
        migrated.weekly.record({"pgic": (Answer("pgic-change", 3),)})
        assert [r.measure for r in migrated.weekly.responses()] == ["pgic"]
    finally:
        migrated.close()
