"""The generated long journal: rows exactly like the everyday path's, real outcomes, local
days right across DST, a plausible number of sessions a day; and 10 years in full (slow)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
import sqlite3
import uuid
from collections import Counter
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from sciatica_journal.domain.body import Mark, SymptomKind, SymptomMap
from sciatica_journal.domain.outcome import session_outcome
from sciatica_journal.domain.red_flags import ScreenResult, Trigger
from sciatica_journal.domain.sessions import Outcome, PainScores, PressUpRange
from sciatica_journal.domain.timekeeping import format_utc, parse_utc
from sciatica_journal.paths import DATABASE_FILE_NAME
from sciatica_journal.services.clock import FixedClock
from sciatica_journal.services.container import Services, build_services
from sciatica_journal.services.session_service import ScreenAnswers
from sciatica_journal.storage import bulk_store, models
from sciatica_journal.storage.symptom_store import insert_map
from sciatica_journal.synthetic import generate_years
from tests.builders import new_session, symptom_map
from tests.conftest import NOW

UTC_TEXT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
DAYS = 60  # from 26 September 2026: the European DST change of 25 October is inside
MEGABYTE = 1_000_000  # DESIGN §8 in decimal megabytes, the stricter reading


def _database() -> Any:
    """The database the models are bound to in this test (the test's journal)."""
    return models.ExerciseSession._meta.database


def _decoder(table: str) -> dict[str, Any]:
    """column -> the model's field of it (values read back as the stores see them)."""
    for model in models.ALL_MODELS:
        if model._meta.table_name == table:
            return {f.column_name: f for f in model._meta.sorted_fields}
    return {}


def _rows(table: str, where: str = "1") -> list[dict[str, Any]]:
    """Rows as dicts, each value (as its model's field reads it) with its SQLite storage
    class: {"col": (value, typeof)}."""
    fields = _decoder(table)
    cursor = _database().execute_sql(f'SELECT * FROM "{table}" WHERE {where} ORDER BY id')
    names = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    types = (
        _database()
        .execute_sql(
            f'SELECT {", ".join(f"typeof({n})" for n in names)} FROM "{table}" WHERE {where} '
            "ORDER BY id"
        )
        .fetchall()
    )

    def value(name: str, raw: Any) -> Any:
        field = fields.get(name)
        if raw is None or field is None or name == "id" or name.endswith("_id"):
            return raw
        return field.python_value(raw)

    return [
        {n: (value(n, v), t) for n, v, t in zip(names, row, kinds, strict=True)}
        for row, kinds in zip(rows, types, strict=True)
    ]


def _is_uuid4(text: str) -> bool:
    return uuid.UUID(text).version == 4 and str(uuid.UUID(text)) == text


def _assert_same_shape(normal: dict[str, Any], bulk: dict[str, Any], differ: set[str]) -> None:
    """The same columns set, the same storage classes, the same values apart from ids."""
    assert set(normal) == set(bulk)
    assert {c for c, (v, _) in normal.items() if v is not None} == {
        c for c, (v, _) in bulk.items() if v is not None
    }
    for column in normal:
        assert normal[column][1] == bulk[column][1], column
        if column not in differ:
            assert normal[column][0] == bulk[column][0], column
    for column in ("uuid",):
        if column in normal:
            assert _is_uuid4(normal[column][0]) and _is_uuid4(bulk[column][0])


SAMPLES = {
    "reps, both maps": new_session(
        NOW - dt.timedelta(hours=3),
        map_before=symptom_map("low-back-right", "calf-right"),
        map_after=symptom_map("low-back-right", "thigh-back-right"),
    ),
    "stopped, no check-out": new_session(
        NOW - dt.timedelta(hours=3), after=None, reps=3, stopped=True
    ),
}


@pytest.mark.parametrize("name", list(SAMPLES))
def test_bulk_rows_are_the_rows_the_everyday_path_writes(
    services: Services, bound_models: None, name: str
):
    session = SAMPLES[name]
    if name == "stopped, no check-out":
        session = dataclasses.replace(session, map_after=None)
    else:
        session = dataclasses.replace(
            session, range_reached=PressUpRange.HALF, pelvis_stayed_down=True, note="a note"
        )
    answers = {q.code: False for q in services.program.red_flags}
    saved = services.sessions.record(session, ScreenAnswers(answers, Trigger.DAILY))
    [bulk_uuid] = services.stores.bulk.insert_sessions(
        [(session, saved.outcome)], services.clock.zone, services.clock.now()
    )
    services.stores.bulk.insert_screens(
        [
            bulk_store.ScreenRecord(
                answers, ScreenResult.CLEAR, Trigger.DAILY, session.started_at, bulk_uuid
            )
        ],
        services.clock.zone,
    )
    normal, bulk = _rows("exercise_session")
    assert (normal["uuid"][0], bulk["uuid"][0]) == (saved.uuid, bulk_uuid)
    _assert_same_shape(normal, bulk, {"id", "uuid", "map_before_id", "map_after_id"})
    for column in ("started_at", "ended_at", "updated_at"):
        assert UTC_TEXT.fullmatch(bulk[column][0])
    maps = _rows("symptom_map")
    assert len(maps) == (4 if session.map_after is not None else 2)
    half = len(maps) // 2
    for a, b in zip(maps[:half], maps[half:], strict=True):
        _assert_same_shape(a, b, {"id", "uuid"})
    # The ids come in the same order: before map, after map, then the session.
    assert bulk["map_before_id"][0] == maps[half]["id"][0]
    for a, b in zip(maps[:half], maps[half:], strict=True):
        assert a["marks"] == b["marks"]  # packed in the map, with its extents
        assert (a["left_extent"], a["right_extent"]) == (b["left_extent"], b["right_extent"])
    screens = _rows("red_flag_screen")
    _assert_same_shape(screens[0], screens[1], {"id", "uuid", "session_id"})
    assert [screens[0]["session_id"][0], screens[1]["session_id"][0]] == [
        normal["id"][0],
        bulk["id"][0],
    ]
    answers_rows = _rows("red_flag_answer")
    first = [r for r in answers_rows if r["screen_id"][0] == screens[0]["id"][0]]
    second = [r for r in answers_rows if r["screen_id"][0] == screens[1]["id"][0]]
    assert [(r["question"], r["answer"]) for r in first] == [
        (r["question"], r["answer"]) for r in second
    ]


def test_bulk_check_in_maps_are_like_the_everyday_ones(services: Services, bound_models: None):
    symptoms = symptom_map("low-back-right", "buttock-right", kind=SymptomKind.TINGLING)
    at = NOW - dt.timedelta(hours=1)
    with services.journal.atomic():
        insert_map(symptoms, at=at, zone=services.clock.zone, context="check-in", note="n")
    services.stores.bulk.insert_maps(
        [bulk_store.MapRecord(symptoms, at, "check-in", "n")], services.clock.zone
    )
    a, b = _rows("symptom_map")
    _assert_same_shape(a, b, {"id", "uuid"})
    load_map = services.stores.symptoms.load_map
    assert load_map(a["id"][0]) == load_map(b["id"][0])


def test_a_bulk_insert_is_all_or_nothing(services: Services, bound_models: None):
    good = SAMPLES["reps, both maps"]
    twice = Mark("calf-right", SymptomKind.PAIN, 2)
    bad = dataclasses.replace(good, map_before=SymptomMap((twice, twice)))
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        services.stores.bulk.insert_sessions(
            [(good, Outcome.BETTER), (bad, Outcome.BETTER)], "Europe/Berlin", NOW
        )
    assert models.ExerciseSession.select().count() == 0
    assert models.SymptomMap.select().count() == 0


@pytest.fixture
def short_journal(services: Services, bound_models: None) -> Services:
    count = generate_years(services, days=DAYS)
    assert count == models.ExerciseSession.select().count() > DAYS * 3
    return services


def test_generated_rows_are_valid(short_journal: Services):
    services = short_journal
    program, zone = services.program, services.clock.zone
    slugs = {r.slug for r in program.rungs}
    maps = {r["id"][0]: r for r in _rows("symptom_map")}
    for row in _rows("exercise_session"):
        value = {c: v for c, (v, _) in row.items()}
        assert _is_uuid4(value["uuid"])
        assert value["rung"] in slugs
        assert value["zone"] == zone
        for column in ("started_at", "ended_at", "updated_at"):
            assert UTC_TEXT.fullmatch(value[column])
        assert value["updated_at"] == format_utc(NOW)
        assert parse_utc(value["started_at"]) < parse_utc(value["ended_at"]) <= NOW
        assert Outcome(value["outcome"])
        for column in ("back_pain_before", "leg_pain_before"):
            assert 0 <= value[column] <= 10
        rung = program.rung(value["rung"])
        if rung.is_press_up:
            assert PressUpRange(value["range_reached"]) and value["pelvis_stayed_down"] in (0, 1)
            assert 1 <= value["reps_done"] <= rung.dose.maximum
            assert value["hold_seconds"] is None
        else:
            assert value["range_reached"] is None and value["pelvis_stayed_down"] is None
            assert value["reps_done"] is None and 0 < value["hold_seconds"] <= 600
        before = maps[value["map_before_id"]]
        assert before["context"][0] == "before"
        assert before["recorded_at"][0] == value["started_at"]
        if value["map_after_id"] is None:
            assert value["stopped_for_pain"] == 1
        else:
            after = maps[value["map_after_id"]]
            assert after["context"][0] == "after"
            assert after["recorded_at"][0] == value["ended_at"]
    contexts = Counter(r["context"][0] for r in maps.values())
    assert set(contexts) <= {"before", "after", "check-in"}
    marks = [
        m for (found,) in models.SymptomMap.select(models.SymptomMap.marks).tuples() for m in found
    ]
    for region, kind, intensity in marks:
        assert region in services.catalog and SymptomKind(kind) and intensity in (1, 2, 3)
    assert not services.profiles.needs_disclaimer()
    assert not services.profiles.needs_setup()


def test_outcomes_are_the_real_rule(short_journal: Services):
    services = short_journal
    outcomes = Counter()
    for row in models.ExerciseSession.select():
        after = None
        if row.back_pain_after is not None:
            after = PainScores(row.back_pain_after, row.leg_pain_after)
        expected = session_outcome(
            pain_before=PainScores(row.back_pain_before, row.leg_pain_before),
            pain_after=after,
            map_before=services.stores.symptoms.load_map(row.map_before_id),
            map_after=None
            if row.map_after_id is None
            else services.stores.symptoms.load_map(row.map_after_id),
            stopped_for_pain=row.stopped_for_pain,
            catalog=services.catalog,
            thresholds=services.program.thresholds,
        )
        assert row.outcome == expected.value
        outcomes[expected] += 1
    # The course opens in an acute episode: it centralizes, and a few sessions go badly.
    assert outcomes[Outcome.CENTRALIZED] >= 20
    assert outcomes[Outcome.WORSE] + outcomes[Outcome.PERIPHERALIZED] >= 1


def _local_dates_agree(zone: str) -> Counter[str]:
    tz = ZoneInfo(zone)
    days: Counter[str] = Counter()
    for table, stamp in (
        ("exercise_session", "started_at"),
        ("symptom_map", "recorded_at"),
        ("red_flag_screen", "answered_at"),
    ):
        for when, day, row_zone in [
            (r[stamp][0], r["local_date"][0], r["zone"][0]) for r in _rows(table)
        ]:
            assert row_zone == zone
            local = parse_utc(when).astimezone(tz)
            assert day == local.date().isoformat()
            assert dt.time(7, 20) <= local.time() <= dt.time(22, 0), (table, when)
            if table == "exercise_session":
                days[day] += 1
    return days


def test_local_dates_follow_the_zone_across_dst(short_journal: Services):
    days = _local_dates_agree("Europe/Berlin")
    # 25 October 2026: clocks go back in Berlin; the sessions keep to local waking hours.
    for day in ("2026-10-24", "2026-10-25", "2026-10-26"):
        assert days[day] > 0, day
    offsets = {
        parse_utc(s.started_at).astimezone(ZoneInfo("Europe/Berlin")).utcoffset()
        for s in models.ExerciseSession.select()
    }
    assert offsets == {dt.timedelta(hours=2), dt.timedelta(hours=1)}


def test_local_dates_in_a_zone_a_day_ahead_of_utc(data_dir: Path):
    # Auckland (UTC+12/+13, DST from 27 September 2026): the morning is yesterday in UTC.
    services = build_services(data_dir, FixedClock(NOW, "Pacific/Auckland"))
    try:
        generate_years(services, days=DAYS)
        with services.journal.bound():
            days = _local_dates_agree("Pacific/Auckland")
            assert days["2026-09-27"] > 0
            mornings = [
                s
                for s in models.ExerciseSession.select()
                if s.local_date != parse_utc(s.started_at).date().isoformat()
            ]
            assert len(mornings) > DAYS
    finally:
        services.close()


def test_sessions_a_day_keep_to_the_band(short_journal: Services):
    today = NOW.astimezone(ZoneInfo("Europe/Berlin")).date().isoformat()
    counts = Counter(s.local_date for s in models.ExerciseSession.select())
    assert all(3 <= n <= 8 for day, n in counts.items() if day != today)
    assert counts[today] <= 8
    # Most days are within the 5-8 of the programme; one session never overlaps the next.
    assert sum(n >= 5 for n in counts.values()) > 0.6 * len(counts)
    starts = [
        (parse_utc(s.started_at), parse_utc(s.ended_at))
        for s in models.ExerciseSession.select().order_by(models.ExerciseSession.started_at)
    ]
    assert all(end <= nxt for (_, end), (nxt, _) in itertools.pairwise(starts))


def test_red_flag_screens_and_check_ins(short_journal: Services):
    questions = {q.code for q in short_journal.program.red_flags}
    screens = list(models.RedFlagScreen.select())
    first_of_day: dict[str, int] = {}
    for s in models.ExerciseSession.select().order_by(models.ExerciseSession.started_at):
        first_of_day.setdefault(s.local_date, s.id)
    screened = {s.session_id for s in screens}
    assert set(first_of_day.values()) <= screened  # asked at the first session of each day
    assert Counter(s.trigger for s in screens)[Trigger.DAILY.value] == len(first_of_day)
    assert Counter(s.result for s in screens).most_common(1)[0][0] == ScreenResult.CLEAR.value
    for screen in screens:
        assert {a.question for a in screen.answers} == questions
        if screen.session_id is not None:
            assert screen.session.local_date == screen.local_date
    assert models.SymptomMap.select().where(models.SymptomMap.context == "check-in").count() > 0


def test_an_existing_journal_is_not_filled(services: Services):
    services.sessions.record(SAMPLES["reps, both maps"])
    with pytest.raises(ValueError, match="already holds sessions"):
        generate_years(services, days=3)


def _file_checks(services: Services) -> float:
    path = services.data_dir / DATABASE_FILE_NAME
    services.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    return path.stat().st_size / MEGABYTE


@pytest.mark.slow
def test_ten_years_at_the_top_of_the_band(services: Services, bound_models: None):
    """8 sessions every day for 10 years (~29,000), the most the programme asks for."""
    count = generate_years(services, years=10, sessions_per_day=(8, 8), gaps=False)
    assert 27_000 <= count <= 31_000
    assert {s.rung for s in models.ExerciseSession.select(models.ExerciseSession.rung)} == {
        r.slug for r in services.program.rungs
    }
    outcomes = {
        o for (o,) in models.ExerciseSession.select(models.ExerciseSession.outcome).tuples()
    }
    assert outcomes == {o.value for o in Outcome}
    first = parse_utc(
        models.ExerciseSession.select()
        .order_by(models.ExerciseSession.started_at)
        .first()
        .started_at
    )
    assert (NOW - first).days >= 3650
    _file_checks(services)


@pytest.mark.slow
def test_ten_typical_years(services: Services, bound_models: None):
    """3-8 sessions a day, with days off and weeks of illness: about 5.6 a day."""
    count = generate_years(services, years=10)
    assert 18_000 <= count <= 23_000
    counts = Counter(
        d for (d,) in models.ExerciseSession.select(models.ExerciseSession.local_date).tuples()
    )
    assert 3300 <= len(counts) <= 3550  # days off
    assert max(counts.values()) <= 8
    results = Counter(s.result for s in models.RedFlagScreen.select())
    assert (
        results[ScreenResult.URGENT.value] == 1 and results[ScreenResult.CONTACT_DOCTOR.value] >= 5
    )
    _file_checks(services)


@pytest.mark.slow
def test_ten_years_fit_in_eight_megabytes(services: Services):
    """Issue 16.5: the compact schema (migration 0005) holds 8 sessions a day for 10 years
    in at most 8 MB (DESIGN §8 asked ≤ 20; the schema of 0001 took ~30)."""
    generate_years(services, years=10, sessions_per_day=(8, 8), gaps=False)
    assert _file_checks(services) <= 8
