"""A journal written by the app before migration 0002 (planned doses), 0003 (choices
against the advice) or 0004 (the weekly measures) opens in this one: a verified backup is
taken first, the new columns and tables are added, and every entry is kept."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import replace
from pathlib import Path

import pytest

from sciatica_journal.domain.measure_results import Answer
from sciatica_journal.paths import DATABASE_FILE_NAME, prepare_data_dir
from sciatica_journal.services.clock import FixedClock
from sciatica_journal.services.container import build_services
from sciatica_journal.services.demo_journal import generate_demo
from sciatica_journal.storage import backups
from sciatica_journal.storage.database import JournalFileError
from sciatica_journal.synthetic import generate_years
from tests.builders import new_session
from tests.conftest import NOW, ZONE
from tests.old_journals import write_old_journal

TABLES = (
    "profile",
    "symptom_map",
    "exercise_session",
    "red_flag_screen",
    "red_flag_answer",
    "journal_note",
    "app_state",
)


def _columns(conn: sqlite3.Connection, table: str, schema: str = "main") -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA {schema}.table_info({table})")]


def _old_journal(
    path: Path,
    source: Path,
    tmp_path: Path,
    migrations: tuple[str, ...] = ("0001_initial",),
    *,
    document: dict,
) -> None:
    """A journal of an older schema (made by ``migrations`` alone) holding every entry of
    ``document`` (an export of the journal ``source``) that schema can hold."""
    write_old_journal(path, document, source, tmp_path, len(migrations))
    conn = sqlite3.connect(path)
    assert ("against_advice" in _columns(conn, "exercise_session")) == (len(migrations) > 2)
    assert ("planned" in _columns(conn, "exercise_session")) == (len(migrations) > 1)
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
    _old_journal(
        old_dir / DATABASE_FILE_NAME, demo_dir / DATABASE_FILE_NAME, tmp_path, document=expected
    )

    migrated = build_services(old_dir, clock)
    try:
        assert migrated.journal.migrated == (
            "0002_planned_dose",
            "0003_chosen_against_advice",
            "0004_measures",
            "0005_compact",
        )
        backup = migrated.journal.pre_migration_backup
        assert backup is not None and backups.is_sound(backup)
        with sqlite3.connect(backup) as copy:
            assert "planned" not in _columns(copy, "exercise_session")
        db = migrated.journal.database
        assert db.execute_sql("PRAGMA user_version").fetchone() == (5,)

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
        document=expected,
    )
    migrated = build_services(old_dir, clock)
    try:
        assert migrated.journal.migrated == (
            "0003_chosen_against_advice",
            "0004_measures",
            "0005_compact",
        )
        backup = migrated.journal.pre_migration_backup
        assert backup is not None and backups.is_sound(backup)
        with sqlite3.connect(backup) as copy:
            assert "against_advice" not in _columns(copy, "exercise_session")
        db = migrated.journal.database
        assert db.execute_sql("PRAGMA user_version").fetchone() == (5,)
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
        document=expected,
    )
    migrated = build_services(old_dir, clock)
    try:
        assert migrated.journal.migrated == ("0004_measures", "0005_compact")
        backup = migrated.journal.pre_migration_backup
        assert backup is not None and backups.is_sound(backup)
        with sqlite3.connect(backup) as copy:
            assert _columns(copy, "measure_response") == []
        db = migrated.journal.database
        assert db.execute_sql("PRAGMA user_version").fetchone() == (5,)
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


def _migrated_0004(tmp_path: Path, fill, clock) -> tuple[dict, dict, float, Path]:
    """A journal filled by ``fill`` (current schema), its export, the same entries in a 0004
    journal, and that journal migrated to 0005: (export before, export after, seconds the
    opening with the migration took, the journal's path)."""
    demo_dir = prepare_data_dir(tmp_path / "source")
    demo = build_services(demo_dir, clock)
    fill(demo)
    expected = demo.transfer.journal_document()
    demo.close()
    old_dir = prepare_data_dir(tmp_path / "old")
    path = old_dir / DATABASE_FILE_NAME
    _old_journal(
        path,
        demo_dir / DATABASE_FILE_NAME,
        tmp_path,
        ("0001_initial", "0002_planned_dose", "0003_chosen_against_advice", "0004_measures"),
        document=expected,
    )
    start = time.perf_counter()
    migrated = build_services(old_dir, clock)
    seconds = time.perf_counter() - start
    try:
        assert migrated.journal.migrated == ("0005_compact",)
        backup = migrated.journal.pre_migration_backup
        assert backup is not None and backups.is_sound(backup)
        with sqlite3.connect(backup) as copy:
            assert "symptom_mark" in {r[0] for r in copy.execute("SELECT name FROM sqlite_master")}
        document = migrated.transfer.journal_document()
    finally:
        migrated.close()
    del document["exported_at"], expected["exported_at"]
    return expected, document, seconds, path


def test_a_0004_journal_is_compacted_and_exports_the_same(tmp_path):
    """Migration 0005 (the compact schema): the full JSON export of a 0004 journal is the
    same after it, every UUID, time, code and mark; the marks table is gone and each map
    knows its extents."""
    clock = FixedClock(NOW, ZONE)

    def fill(services):
        generate_demo(services)
        services.sessions.record(new_session(NOW.replace(hour=13), reps=3, planned=10))

    expected, document, _seconds, path = _migrated_0004(tmp_path, fill, clock)
    assert document == expected
    assert expected["sessions"] and expected["measures"]
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "symptom_mark" not in tables and "code" in tables
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute(
            "SELECT typeof(uuid), length(uuid) FROM exercise_session"
        ).fetchone() == (
            "blob",
            16,
        )


def test_a_migration_that_fails_leaves_the_journal_as_it_was(tmp_path, monkeypatch):
    """All or nothing: a 0004 journal whose conversion fails half-way is left exactly as
    it was (still 0004, every row there), after its verified backup."""
    clock = FixedClock(NOW, ZONE)
    demo_dir = prepare_data_dir(tmp_path / "source")
    demo = build_services(demo_dir, clock)
    generate_demo(demo)
    expected = demo.transfer.journal_document()
    demo.close()
    old_dir = prepare_data_dir(tmp_path / "old")
    path = old_dir / DATABASE_FILE_NAME
    migrations = (
        "0001_initial",
        "0002_planned_dose",
        "0003_chosen_against_advice",
        "0004_measures",
    )
    _old_journal(path, demo_dir / DATABASE_FILE_NAME, tmp_path, migrations, document=expected)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE exercise_session SET started_at = 'garbage' WHERE id = 3")
        before = {
            t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in (*TABLES, "symptom_mark", "measure_answer")
        }
    conn.close()
    with pytest.raises(JournalFileError):
        build_services(old_dir, clock)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (4,)
        after = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in before}
    conn.close()
    assert after == before
    assert [p for p in backups.list_backups(old_dir / "backups") if backups.is_sound(p)]


@pytest.mark.slow
def test_ten_years_in_0004_are_compacted_and_export_the_same(tmp_path):
    """The 10-year journal (8 sessions every day) in the 0004 schema, migrated: the same
    full JSON export; the time of the migration (backup, conversion, VACUUM) is printed."""
    clock = FixedClock(NOW, ZONE)

    def fill(services):
        generate_years(services, years=10, sessions_per_day=(8, 8), gaps=False)

    expected, document, seconds, path = _migrated_0004(tmp_path, fill, clock)
    assert len(document["sessions"]) >= 27_000
    assert document == expected
    print(f"\n10-year 0004 journal migrated to 0005 in {seconds:.2f} s, {path.stat().st_size} B")
    assert path.stat().st_size <= 8_000_000
