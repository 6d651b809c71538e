"""The journal file: schema from the migrations, pragmas, sessions saved whole, times in UTC."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from pathlib import Path

import pytest

from sciatica_journal.domain.sessions import Outcome, SessionError
from sciatica_journal.paths import migrations_dir
from sciatica_journal.services.container import Services
from sciatica_journal.storage import models
from sciatica_journal.storage.database import APPLICATION_ID, open_journal
from tests.builders import new_session, symptom_map
from tests.conftest import NOW


def _columns(conn: sqlite3.Connection, table: str) -> set[tuple[str, bool]]:
    return {(row[1], bool(row[3])) for row in conn.execute(f"PRAGMA table_info({table})")}


def test_models_agree_with_the_migrated_schema(services: Services):
    conn = sqlite3.connect(services.journal.path)
    for model in models.ALL_MODELS:
        table = model._meta.table_name
        expected = {(field.column_name, not field.null) for field in model._meta.sorted_fields}
        actual = {(name, notnull) for name, notnull in _columns(conn, table) if name != "id"}
        expected = {(name, notnull) for name, notnull in expected if name != "id"}
        assert actual == expected, table
    conn.close()


def test_pragmas_and_application_id(services: Services):
    db = services.journal.database
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert db.execute_sql("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute_sql("PRAGMA user_version").fetchone()[0] == 5


def test_a_second_open_migrates_nothing_and_changes_no_schema(services: Services):
    path, backups = services.journal.path, services.journal.backup_dir
    assert services.journal.migrated == (
        "0001_initial",
        "0002_planned_dose",
        "0003_chosen_against_advice",
        "0004_measures",
        "0005_compact",
    )
    schema = sqlite3.connect(path).execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    services.close()
    again = open_journal(path, backups, migrations_dir())
    assert again.migrated == ()
    assert again.pre_migration_backup is None
    again.close()
    after = sqlite3.connect(path).execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    assert after == schema


def test_the_file_is_private(services: Services):
    assert stat.S_IMODE(services.journal.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(services.data_dir.stat().st_mode) == 0o700


def test_a_session_and_both_maps_are_saved_together(set_up_services: Services, bound_models):
    started = NOW - dt.timedelta(hours=1)
    saved = set_up_services.sessions.record(new_session(started))
    assert saved.outcome is Outcome.CENTRALIZED
    row = models.ExerciseSession.get(models.ExerciseSession.uuid == saved.uuid)
    assert row.started_at == "2026-11-24T13:00:00Z"
    assert row.zone == "Europe/Berlin"
    assert row.local_date == "2026-11-24"
    assert {m[0] for m in row.map_before.marks} == {"low-back-right", "calf-right"}
    assert {m[0] for m in row.map_after.marks} == {"low-back-right", "thigh-back-right"}
    # Each map keeps its distal extent per leg (the right calf is level 4, the thigh 2).
    assert (row.map_before.left_extent, row.map_before.right_extent) == (None, 4)
    assert (row.map_after.left_extent, row.map_after.right_extent) == (None, 2)
    assert len(saved.uuid) == 36


def test_the_local_date_is_the_users_day_not_utcs(set_up_services: Services, bound_models):
    # 23:30 UTC on the 23rd is 00:30 on the 24th in Berlin.
    started = dt.datetime(2026, 11, 23, 23, 30, tzinfo=dt.UTC)
    saved = set_up_services.sessions.record(new_session(started))
    row = models.ExerciseSession.get(models.ExerciseSession.uuid == saved.uuid)
    assert row.local_date == "2026-11-24"
    assert [s.uuid for s in set_up_services.sessions.today().sessions] == [saved.uuid]


def test_a_failure_half_way_saves_nothing(set_up_services: Services, bound_models, monkeypatch):
    real_create = models.ExerciseSession.create

    def broken(**kwargs):
        raise RuntimeError("disk went away")

    monkeypatch.setattr(models.ExerciseSession, "create", broken)
    with pytest.raises(RuntimeError):
        set_up_services.sessions.record(new_session(NOW - dt.timedelta(hours=1)))
    monkeypatch.setattr(models.ExerciseSession, "create", real_create)
    assert models.SymptomMap.select().count() == 0
    assert set_up_services.stores.sessions.count_sessions() == 0


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"before": (11, 3)}, "back_pain_before"),
        ({"before": (3, -1)}, "leg_pain_before"),
        ({"after": (3, 12)}, "leg_pain_after"),
        ({"minutes": -5}, "end"),
        ({"reps": 101}, "reps_done"),
        ({"planned": 11}, "planned"),
        ({"planned": 4}, "planned"),
        ({"rung": "handstand"}, "rung"),
        ({"map_before": symptom_map("tail")}, "map"),
    ],
)
def test_bad_sessions_are_refused_and_nothing_is_saved(
    set_up_services, bound_models, kwargs, field
):
    with pytest.raises(SessionError) as error:
        set_up_services.sessions.record(new_session(NOW - dt.timedelta(hours=1), **kwargs))
    assert error.value.field == field
    assert models.ExerciseSession.select().count() == 0
    assert models.SymptomMap.select().count() == 0


def test_a_session_in_the_future_is_refused(set_up_services):
    with pytest.raises(SessionError, match="future"):
        set_up_services.sessions.record(new_session(NOW + dt.timedelta(hours=2)))


def test_the_marks_are_kept_in_their_map_and_go_with_it(set_up_services, bound_models):
    set_up_services.sessions.record(new_session(NOW - dt.timedelta(hours=1)))
    tables = {
        r[0]
        for r in models.SymptomMap._meta.database.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        )
    }
    assert "symptom_mark" not in tables
    models.ExerciseSession.delete().execute()
    models.SymptomMap.delete().execute()
    assert models.SymptomMap.select().count() == 0


def test_closing_checkpoints_the_write_ahead_log(set_up_services: Services, data_dir: Path):
    set_up_services.sessions.record(new_session(NOW - dt.timedelta(hours=1)))
    wal = set_up_services.journal.path.with_name("journal.sqlite3-wal")
    set_up_services.close()
    assert not wal.exists() or wal.stat().st_size == 0


@pytest.mark.parametrize(
    ("moment", "seconds"),
    [
        (dt.datetime(2026, 11, 24, 22, 0, tzinfo=dt.UTC), 3600),  # 23:00 in Berlin
        # 29 March 2026: Berlin springs forward; 23:00 on the 28th (CET) is 22:00 UTC.
        (dt.datetime(2026, 3, 28, 22, 0, tzinfo=dt.UTC), 3600),
        # 25 October 2026: the night Berlin falls back; midnight on the 25th is still CEST.
        (dt.datetime(2026, 10, 24, 21, 30, tzinfo=dt.UTC), 1800),
        (dt.datetime(2026, 10, 25, 22, 30, tzinfo=dt.UTC), 30 * 60),  # 23:30 CET
    ],
)
def test_seconds_until_the_users_midnight(set_up_services, clock, moment, seconds):
    clock.moment = moment
    assert set_up_services.sessions.seconds_until_tomorrow() == seconds
