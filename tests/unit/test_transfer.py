"""Export and import: the JSON round trip, idempotent import, bad files refused whole, CSV."""

from __future__ import annotations

import copy
import csv
import dataclasses
import datetime as dt
import json
import os
import re
import stat
import uuid
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from sciatica_journal.domain.body import SymptomKind
from sciatica_journal.domain.measure_results import Answer, activity_item
from sciatica_journal.domain.profile import AffectedSide, Profile
from sciatica_journal.domain.red_flags import Trigger
from sciatica_journal.domain.sessions import PressUpRange
from sciatica_journal.paths import prepare_data_dir, resource_path
from sciatica_journal.services.clock import FixedClock
from sciatica_journal.services.container import Services, build_services
from sciatica_journal.services.demo_journal import generate_demo
from sciatica_journal.services.session_service import ScreenAnswers
from sciatica_journal.services.transfer import (
    CSV_COLUMNS,
    CSV_FILES,
    TransferError,
    TransferService,
    csv_cell,
)
from sciatica_journal.storage import models
from sciatica_journal.storage.transfer_writer import TransferWriter
from tests.builders import new_session, symptom_map
from tests.conftest import NOW, ZONE

DOCS_EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "journal-format.md"
KIND_NAMES = ("profile", "sessions", "check_ins", "red_flag_screens", "notes", "measures")


def _transfer(services: Services) -> TransferService:
    return TransferService(
        services.program, services.catalog, services.clock, services.stores.transfer
    )


def _fill(services: Services) -> None:
    """A journal with a bit of everything, including text a spreadsheet would run."""
    services.profiles.accept_disclaimer()
    services.profiles.save(
        Profile(
            name="Anna Müller",
            birth_date=dt.date(1980, 5, 17),
            affected_side=AffectedSide.RIGHT,
            starting_rung="prone-lying",
        )
    )
    no = {q.code: False for q in services.program.red_flags}
    first = dataclasses.replace(
        new_session(NOW - dt.timedelta(days=2, hours=5)),
        range_reached=PressUpRange.HALF,
        pelvis_stayed_down=True,
        note="-2 on the leg since yesterday",
    )
    services.sessions.record(first, ScreenAnswers(no, Trigger.DAILY))
    services.sessions.record(
        new_session(
            NOW - dt.timedelta(days=1, hours=3),
            rung="prone-lying",
            reps=None,
            map_after=symptom_map("low-back-right", kind=SymptomKind.TINGLING, intensity=1),
        )
    )
    services.sessions.record(
        new_session(NOW - dt.timedelta(hours=4), after=None, stopped=True, reps=3)
    )
    services.symptoms.record_check_in(
        symptom_map("calf-left", "sole-left", kind=SymptomKind.NUMBNESS, intensity=1),
        note='=HYPERLINK("http://example.invalid")',
    )
    services.red_flags.record(
        {q.code: q.code == "general-illness" for q in services.program.red_flags},
        Trigger.SADDLE,
    )
    for text, hours in (("+1 day, «ça va»\nsecond line", 30), ("@home\tall day", 2)):
        written = NOW - dt.timedelta(hours=hours)
        with services.journal.bound():
            models.JournalNote.create(
                uuid=str(uuid.uuid4()),
                written_at=written.strftime("%Y-%m-%dT%H:%M:%SZ"),
                zone=ZONE,
                local_date=written.astimezone(dt.timezone(dt.timedelta(hours=1)))
                .date()
                .isoformat(),
                text=text,
            )
    _weekly_checks(services)


def _weekly_checks(services: Services) -> None:
    """The baseline a week ago and the weekly check yesterday (with PGIC)."""
    sbi = [i.code for i in services.weekly.measures.measure("sbi").items]
    services.weekly.record(
        {
            "sbi": tuple(Answer(c, v) for c, v in zip(sbi, (5, 4, 2, 6), strict=True)),
            "psfs": (
                Answer(activity_item(1), 2, "Sitting through a meal"),
                Answer(activity_item(2), 4, "=Walking «to» the shop"),
            ),
        },
        at=NOW - dt.timedelta(days=8),
    )
    services.weekly.record(
        {
            "sbi": tuple(Answer(c, v) for c, v in zip(sbi, (3, 3, 1, 4), strict=True)),
            "psfs": (
                Answer(activity_item(1), 5, "Sitting through a meal"),
                Answer(activity_item(2), 6, "=Walking «to» the shop"),
                Answer(activity_item(3), 1, "Putting on socks"),
            ),
            "pgic": (Answer("pgic-change", 2),),
        },
        at=NOW - dt.timedelta(days=1),
    )


def _without_export_time(path: Path) -> dict:
    document = json.loads(path.read_text(encoding="utf-8"))
    del document["exported_at"]
    return document


def _docs_example() -> dict:
    text = DOCS_EXAMPLE.read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", text, re.DOTALL)
    assert block, "docs/journal-format.md has no ```json example"
    return json.loads(block.group(1))


def _write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


# --- the round trip ------------------------------------------------------------------------


def test_export_import_into_an_empty_journal_and_export_again_gives_identical_data(
    services, tmp_path
):
    _fill(services)
    first = tmp_path / "first.json"
    _transfer(services).export_json(first)
    services.close()  # the storage has one database: close before opening the second journal

    later = FixedClock(NOW + dt.timedelta(hours=1), ZONE)
    second = build_services(prepare_data_dir(tmp_path / "second"), later)
    try:
        report = _transfer(second).import_json(first)
        assert report.added == {
            "profile": 1,
            "sessions": 3,
            "check_ins": 1,
            "red_flag_screens": 2,
            "notes": 2,
            "measures": 5,
        }
        assert report.total_skipped == 0
        again = tmp_path / "again.json"
        _transfer(second).export_json(again)
        assert _without_export_time(again) == _without_export_time(first)
        assert (
            json.loads(again.read_text())["exported_at"]
            != json.loads(first.read_text())["exported_at"]
        )
        # The imported journal works like one kept by the app.
        assert not second.profiles.needs_setup()
        assert second.profiles.profile().name == "Anna Müller"
        assert len(second.sessions.today().sessions) == 1
        assert second.symptoms.latest().note == '=HYPERLINK("http://example.invalid")'
        sbi = second.weekly.changes()[0]
        assert (sbi.measure, sbi.baseline, sbi.latest, sbi.responses) == ("sbi", 17, 11, 2)
        assert second.weekly.activities()[1] == "=Walking «to» the shop"
        assert not second.weekly.is_due()  # the weekly check was yesterday
    finally:
        second.close()


def test_the_demo_journal_survives_the_round_trip_unchanged(services, tmp_path):
    sessions = generate_demo(services)
    first = tmp_path / "demo.json"
    _transfer(services).export_json(first)
    services.close()
    second = build_services(prepare_data_dir(tmp_path / "second"), FixedClock(NOW, ZONE))
    try:
        assert _transfer(second).import_json(first).added["sessions"] == sessions
        again = tmp_path / "again.json"
        _transfer(second).export_json(again)
        assert again.read_bytes() == first.read_bytes()  # same clock: byte for byte
    finally:
        second.close()


def test_the_export_is_valid_against_the_schema_and_lists_every_kind(services, tmp_path):
    _fill(services)
    path = tmp_path / "journal.json"
    result = _transfer(services).export_json(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    schema = json.loads(resource_path("journal.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    assert list(document)[:3] == ["format", "version", "exported_at"]
    assert document["format"] == "sciatica-journal" and document["version"] == 1
    assert document["exported_at"] == "2026-11-24T14:00:00Z"
    assert result.paths == (path,)
    assert result.counts == {
        "profile": 1,
        "sessions": 3,
        "check_ins": 1,
        "red_flag_screens": 2,
        "notes": 2,
        "measures": 5,
    }
    assert [m["measure"] for m in document["measures"]] == ["sbi", "psfs", "sbi", "psfs", "pgic"]
    assert document["measures"][4]["answers"] == [
        {"item": "pgic-change", "value": 2, "activity": None}
    ]
    assert document["measures"][3]["answers"][2] == {
        "item": "activity-3",
        "value": 1,
        "activity": "Putting on socks",
    }
    session = document["sessions"][0]
    assert session["map_before"]["context"] == "before"
    assert session["pain"] == {"back_before": 5, "leg_before": 6, "back_after": 4, "leg_after": 5}
    assert document["red_flag_screens"][0]["session"] == session["uuid"]
    assert document["sessions"][2]["pain"]["leg_after"] is None
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_name_and_birth_date_appear_only_when_given_and_wanted(services):
    services.profiles.accept_disclaimer()
    services.profiles.save(services.profiles.default_profile())
    profile = _transfer(services).journal_document()["profile"]
    assert "name" not in profile and "birth_date" not in profile
    _fill(services)
    assert _transfer(services).journal_document()["profile"]["name"] == "Anna Müller"
    hidden = _transfer(services).journal_document(include_identity=False)["profile"]
    assert "name" not in hidden and "birth_date" not in hidden


def test_an_empty_journal_exports_empty_lists_and_no_profile(services):
    document = _transfer(services).journal_document()
    assert "profile" not in document
    assert all(document[k] == [] for k in KIND_NAMES[1:])


# --- idempotent import ---------------------------------------------------------------------


def test_importing_the_same_file_twice_adds_nothing_the_second_time(services, tmp_path):
    path = _write(tmp_path / "example.json", _docs_example())
    first = _transfer(services).import_json(path)
    assert first.added == {
        "profile": 1,
        "sessions": 1,
        "check_ins": 1,
        "red_flag_screens": 1,
        "notes": 1,
        "measures": 2,
    }
    assert first.describe() == (
        "added 1 profile, 1 session, 1 check-in, 1 red-flag screening, 1 note "
        "and 2 measure responses"
    )
    rows = services.stores.transfer.row_counts()
    second = _transfer(services).import_json(path)
    assert second.total_added == 0
    assert second.skipped == first.added
    assert second.describe().startswith("added nothing; skipped 1 profile, 1 session")
    assert services.stores.transfer.row_counts() == rows


def test_importing_into_the_journal_that_was_exported_skips_everything(services, tmp_path):
    _fill(services)
    path = tmp_path / "journal.json"
    _transfer(services).export_json(path)
    before = _transfer(services).journal_document()
    report = _transfer(services).import_json(path)
    assert report.total_added == 0 and report.total_skipped == 14
    assert _transfer(services).journal_document() == before


def test_only_new_entries_are_added_and_a_known_session_is_skipped_with_its_maps(
    services, tmp_path, bound_models
):
    document = _docs_example()
    _transfer(services).import_json(_write(tmp_path / "one.json", document))
    extra = copy.deepcopy(document["sessions"][0])
    extra["uuid"] = str(uuid.uuid4())
    extra["map_before"]["uuid"] = str(uuid.uuid4())
    extra["map_after"] = None
    document["sessions"].append(extra)
    # The known session comes back with a changed note: it is skipped, not updated.
    document["sessions"][0]["note"] = "changed"
    maps = models.SymptomMap.select().count()
    report = _transfer(services).import_json(_write(tmp_path / "two.json", document))
    assert report.added["sessions"] == 1 and report.skipped["sessions"] == 1
    assert models.SymptomMap.select().count() == maps + 1
    notes = {s.note for s in models.ExerciseSession.select()}
    assert notes == {""}


def test_a_profile_already_set_up_is_kept(set_up_services, tmp_path):
    document = _docs_example()
    document["profile"]["target_min"] = 3
    report = _transfer(set_up_services).import_json(_write(tmp_path / "j.json", document))
    assert report.skipped["profile"] == 1 and report.added["profile"] == 0
    assert set_up_services.profiles.profile().target_min == 5


def test_a_file_written_before_the_weekly_measures_imports(services, tmp_path):
    document = _docs_example()
    del document["measures"]
    report = _transfer(services).import_json(_write(tmp_path / "old.json", document))
    assert report.added["sessions"] == 1 and report.added["measures"] == 0
    assert services.weekly.responses() == []


def test_measures_are_added_by_uuid_and_an_import_taken_back_removes_them(services, tmp_path):
    _weekly_checks(services)
    document = _docs_example()
    document["measures"].append(_transfer(services).journal_document()["measures"][0])
    report = _transfer(services).import_json(_write(tmp_path / "more.json", document))
    assert (report.added["measures"], report.skipped["measures"]) == (2, 1)
    stored = services.weekly.responses()
    assert len(stored) == 7
    psfs = next(r for r in stored if r.uuid == document["measures"][1]["uuid"])
    assert psfs.answers[1] == Answer("activity-2", 6, "Putting on socks")
    assert psfs.local_date == dt.date(2026, 11, 20)
    _transfer(services).remove_imported(report.added_entries)
    assert len(services.weekly.responses()) == 5
    with services.journal.bound():
        assert models.MeasureAnswer.select().count() == 4 + 2 + 4 + 3 + 1


def test_the_docs_example_matches_the_schema():
    schema = json.loads(resource_path("journal.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(_docs_example())


# --- bad input: a one-line error, nothing written ------------------------------------------


def _set(path: str, value: object) -> Callable[[dict], None]:
    """Set a value at a dotted path with [index] parts, e.g. 'sessions[0].pain.leg_before'."""
    keys = [int(k) if k.isdigit() else k for k in re.findall(r"[^.\[\]]+", path)]

    def change(document: dict) -> None:
        target = document
        for key in keys[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[keys[-1]]
        else:
            target[keys[-1]] = value

    return change


_DELETE = object()


def _duplicate_note(document: dict) -> None:
    document["notes"].append(copy.deepcopy(document["notes"][0]))


BAD_DOCUMENTS = {
    "JSON but not a journal": (lambda d: d.clear(), "not a Sciatica Journal file: 'format' is"),
    "another format": (_set("format", "other-app"), "'format' is 'other-app'"),
    "a newer version": (_set("version", 2), "version: this file is format version 2"),
    "unknown region": (
        _set("sessions[0].map_before.marks[1].region", "tail"),
        "sessions[0].map_before.marks[1].region: unknown body region 'tail'",
    ),
    "unknown region in a check-in": (
        _set("check_ins[0].marks[0].region", "elbow-left"),
        "check_ins[0].marks[0].region: unknown body region 'elbow-left'",
    ),
    "pain 11": (
        _set("sessions[0].pain.leg_before", 11),
        "sessions[0].pain.leg_before: 11 is outside 0-10",
    ),
    "pain -1": (
        _set("sessions[0].pain.back_after", -1),
        "sessions[0].pain.back_after: -1 is outside 0-10",
    ),
    "pain as text": (
        _set("sessions[0].pain.back_before", "5"),
        "sessions[0].pain.back_before: expected a whole number, not '5'",
    ),
    "intensity 4": (
        _set("sessions[0].map_after.marks[0].intensity", 4),
        "sessions[0].map_after.marks[0].intensity: 4 is outside 1-3",
    ),
    "reversed time": (
        _set("sessions[0].ended_at", "2026-11-20T07:40:00Z"),
        "sessions[0].ended_at: the session ends (2026-11-20T07:40:00Z) before it starts",
    ),
    "future session": (
        _set("sessions[0].ended_at", "2027-01-01T08:00:00Z"),
        "sessions[0].ended_at: 2027-01-01T08:00:00Z is in the future",
    ),
    "future note": (
        _set("notes[0].written_at", "2030-01-01T00:00:00Z"),
        "notes[0].written_at: 2030-01-01T00:00:00Z is in the future",
    ),
    "future map": (
        _set("check_ins[0].recorded_at", "2026-11-24T15:00:00Z"),
        "check_ins[0].recorded_at: 2026-11-24T15:00:00Z is in the future",
    ),
    "time without zone letter": (
        _set("sessions[0].started_at", "2026-11-20 07:45:00"),
        "sessions[0].started_at: '2026-11-20 07:45:00' is not a UTC time like",
    ),
    "a date that does not exist": (
        _set("notes[0].written_at", "2026-02-30T10:00:00Z"),
        "notes[0].written_at: '2026-02-30T10:00:00Z' is not a real date and time",
    ),
    "unknown exercise": (
        _set("sessions[0].rung", "headstand"),
        "sessions[0].rung: unknown exercise 'headstand'",
    ),
    "unknown outcome": (
        _set("sessions[0].outcome", "great"),
        "sessions[0].outcome: 'great' is not one of 'abolished'",
    ),
    "missing field": (_set("sessions[0].outcome", _DELETE), "sessions[0].outcome: missing"),
    "unknown field": (
        _set("notes[0].mood", "fine"),
        "notes[0].mood: not a field of this format",
    ),
    "unknown time zone": (
        _set("notes[0].zone", "Mars/Olympus"),
        "notes[0].zone: unknown time zone 'Mars/Olympus'",
    ),
    "wrong local date": (
        _set("sessions[0].local_date", "2026-11-21"),
        "sessions[0].local_date: '2026-11-21' is not the local date of that time in "
        "Europe/Berlin (2026-11-20)",
    ),
    "a session map in the wrong place": (
        _set("sessions[0].map_before.context", "after"),
        "sessions[0].map_before.context: must be 'before', not 'after'",
    ),
    "a UUID twice": (_duplicate_note, "notes[1].uuid: 57131e5e-"),
    "a screening of a session nobody has": (
        _set("red_flag_screens[0].session", "00000000-0000-4000-8000-000000000000"),
        "red_flag_screens[0].session: no session 00000000-0000-4000-8000-000000000000",
    ),
    "an unknown red-flag question": (
        _set("red_flag_screens[0].answers.dizzy", True),
        "red_flag_screens[0].answers.dizzy: not a red-flag question of this version",
    ),
    "a planned dose outside the exercise's dose": (
        _set("sessions[0].planned", 50),
        "sessions[0].planned: the planned repetitions must be 5-10",
    ),
    "pain after missing without a stop": (
        lambda d: d["sessions"][0]["pain"].update(back_after=None, leg_after=None),
        "sessions[0].pain: pain after the session is missing",
    ),
    "a measure answer outside its scale": (
        _set("measures[0].answers[1].value", 7),
        "measures[0].answers[1].value: 7 is outside 0-6",
    ),
    "a measure answer as text": (
        _set("measures[0].answers[0].value", "4"),
        "measures[0].answers[0].value: expected a whole number, not '4'",
    ),
    "an unknown measure": (
        _set("measures[0].measure", "odi"),
        "measures[0].measure: unknown measure 'odi'",
    ),
    "an unknown item": (
        _set("measures[0].answers[2].item", "sbi-mood"),
        "measures[0].answers[2].item: 'sbi-mood' is not an item of sbi",
    ),
    "an item not answered": (
        lambda d: d["measures"][0]["answers"].pop(),
        "measures[0].answers: the item sbi-sitting is not answered",
    ),
    "an item answered twice": (
        _set("measures[0].answers[3].item", "sbi-leg-pain"),
        "measures[0].answers[3].item: 'sbi-leg-pain' is answered twice (also at answers[0])",
    ),
    "an activity without its name": (
        _set("measures[1].answers[1].activity", "  "),
        "measures[1].answers[1].activity: an activity needs its name",
    ),
    "an activity named twice": (
        _set("measures[1].answers[1].activity", "sitting THROUGH a meal"),
        "measures[1].answers[1].activity: 'sitting THROUGH a meal' is named twice",
    ),
    "an activity numbered past the others": (
        _set("measures[1].answers[1].item", "activity-9"),
        "measures[1].answers: the activities must be numbered activity-1 to activity-",
    ),
    "an activity not numbered": (
        _set("measures[1].answers[0].item", "activity-x"),
        "measures[1].answers: the activities must be numbered activity-1 to activity-",
    ),
    "a name on an item that is no activity": (
        _set("measures[0].answers[0].activity", "walking"),
        "measures[0].answers[0].activity: only the activities of the PSFS have a name",
    ),
    "a measure answered in the future": (
        _set("measures[1].answered_at", "2030-01-01T00:00:00Z"),
        "measures[1].answered_at: 2030-01-01T00:00:00Z is in the future",
    ),
    "a measure of the wrong local date": (
        _set("measures[0].local_date", "2026-11-19"),
        "measures[0].local_date: '2026-11-19' is not the local date of that time",
    ),
    "a measure without answers": (
        _set("measures[0].answers", []),
        "measures[0].answers:",
    ),
    "a measure response UUID twice": (
        _set("measures[1].uuid", "0C1E2F4A-5B6D-4E8F-9A0B-1C2D3E4F5A6B"),
        "measures[1].uuid: 0c1e2f4a-5b6d-4e8f-9a0b-1c2d3e4f5a6b appears twice in the file",
    ),
    "an unknown field of a measure": (
        _set("measures[0].score", 13),
        "measures[0].score: not a field of this format",
    ),
    "a profile with the band upside down": (
        _set("profile.target_max", 2),
        "profile.target_max: the daily maximum must be between the minimum and 20",
    ),
}

BAD_FILES = {
    "not JSON": (b"this is not { json", "is not JSON: Expecting value at line 1, column 1"),
    "an empty file": (b"", "is not JSON: Expecting value"),
    "not UTF-8": (b'{"format": "\xff\xfe"}', "is not JSON: it is not UTF-8 text"),
    "a JSON list": (b"[1, 2, 3]", "not a Sciatica Journal file: the top level is a list"),
    "NaN": (b'{"format": NaN}', "NaN is not a JSON number"),
    "a key twice": (
        b'{"format": "sciatica-journal", "format": "x"}',
        "the key 'format' appears twice in one object",
    ),
}


def _assert_refused_and_unchanged(services: Services, path: Path, expected: str) -> None:
    before_rows = services.stores.transfer.row_counts()
    before = _transfer(services).journal_document()
    with pytest.raises(TransferError) as caught:
        _transfer(services).import_json(path)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message and len(message) < 250
    assert services.stores.transfer.row_counts() == before_rows
    assert _transfer(services).journal_document() == before


@pytest.fixture
def journal_with_entries(services: Services) -> Services:
    """A journal that already holds entries (so 'nothing written' is not trivially true)."""
    services.sessions.record(new_session(NOW - dt.timedelta(hours=6)))
    return services


@pytest.mark.parametrize("case", list(BAD_DOCUMENTS))
def test_a_bad_journal_is_refused_with_one_line_and_nothing_is_written(
    journal_with_entries, tmp_path, case
):
    change, expected = BAD_DOCUMENTS[case]
    document = _docs_example()
    change(document)
    path = _write(tmp_path / "bad.json", document)
    _assert_refused_and_unchanged(journal_with_entries, path, expected)


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_file_that_is_not_a_journal_is_refused(journal_with_entries, tmp_path, case):
    content, expected = BAD_FILES[case]
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    _assert_refused_and_unchanged(journal_with_entries, path, expected)


def test_a_missing_file_or_a_folder_is_refused(journal_with_entries, tmp_path):
    _assert_refused_and_unchanged(journal_with_entries, tmp_path / "nowhere.json", "cannot read")
    _assert_refused_and_unchanged(journal_with_entries, tmp_path, "cannot read")


def test_a_bad_entry_at_the_end_keeps_out_the_good_ones_before_it(journal_with_entries, tmp_path):
    document = _docs_example()
    good = copy.deepcopy(document["notes"][0])
    for index in range(5):
        note = dict(good, uuid=str(uuid.uuid4()), text=f"note {index}")
        document["notes"].insert(0, note)
    document["notes"][-1]["written_at"] = "2099-01-01T00:00:00Z"
    path = _write(tmp_path / "bad.json", document)
    _assert_refused_and_unchanged(journal_with_entries, path, "notes[5].written_at")


def test_a_failure_while_writing_rolls_back_everything(journal_with_entries, tmp_path, monkeypatch):
    from peewee import IntegrityError

    original = TransferWriter._insert_rows

    def failing(self, model, rows):
        if model is models.JournalNote:
            raise IntegrityError("disk trouble")
        original(self, model, rows)

    monkeypatch.setattr(TransferWriter, "_insert_rows", failing)
    path = _write(tmp_path / "journal.json", _docs_example())
    _assert_refused_and_unchanged(
        journal_with_entries, path, "the journal could not be written, nothing was imported"
    )


def test_an_import_with_a_byte_order_mark_is_read(services, tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(_docs_example()).encode("utf-8"))
    assert _transfer(services).import_json(path).added["sessions"] == 1


def test_upper_case_uuids_are_the_same_entries(services, tmp_path):
    document = _docs_example()
    _transfer(services).import_json(_write(tmp_path / "a.json", document))
    shouting = json.loads(json.dumps(document).replace("e19a45fd", "E19A45FD"))
    report = _transfer(services).import_json(_write(tmp_path / "b.json", shouting))
    assert report.total_added == 0


# --- CSV -----------------------------------------------------------------------------------


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_csv_export_writes_one_file_per_table_with_a_header_row(services, tmp_path):
    _fill(services)
    folder = tmp_path / "csv"
    folder.mkdir()
    result = _transfer(services).export_csv(folder)
    assert sorted(p.name for p in result.paths) == sorted(CSV_FILES)
    assert sorted(p.name for p in folder.iterdir()) == sorted(CSV_FILES)  # no temp files left
    expected_rows = {
        "sessions.csv": 3,
        "symptom_maps.csv": 7,  # before and after for 3 sessions, 1 check-in
        "symptom_marks.csv": None,
        "red_flag_screens.csv": 2,
        "red_flag_answers.csv": 14,
        "notes.csv": 2,
        "measures.csv": 4 + 2 + 4 + 3 + 1,  # one row per answer
    }
    for name in CSV_FILES:
        path = folder / name
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM
        rows = _read_csv(path)
        assert rows[0] == list(CSV_COLUMNS[name])
        assert all(len(row) == len(rows[0]) for row in rows)
        if expected_rows[name] is not None:
            assert len(rows) - 1 == expected_rows[name], name
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    sessions = _read_csv(folder / "sessions.csv")
    first = dict(zip(sessions[0], sessions[1], strict=True))
    assert first["back_pain_before"] == "5" and first["leg_pain_after"] == "5"
    assert first["pelvis_stayed_down"] == "yes" and first["stopped_for_pain"] == "no"
    assert first["started_local"] == "2026-11-22 10:00"  # 09:00 UTC, Berlin is UTC+1
    stopped = dict(zip(sessions[0], sessions[3], strict=True))
    assert stopped["leg_pain_after"] == "" and stopped["stopped_for_pain"] == "yes"
    notes = [row[-1] for row in _read_csv(folder / "notes.csv")[1:]]
    assert "'+1 day, «ça va»\nsecond line" in notes
    measures = _read_csv(folder / "measures.csv")
    rows = [dict(zip(measures[0], row, strict=True)) for row in measures[1:]]
    assert rows[0] == {
        "response_uuid": rows[0]["response_uuid"],
        "measure": "sbi",
        "answered_at": "2026-11-16T14:00:00Z",
        "answered_local": "2026-11-16 15:00",
        "zone": "Europe/Berlin",
        "local_date": "2026-11-16",
        "item": "sbi-leg-pain",
        "activity": "",
        "value": "5",
    }
    assert len({r["response_uuid"] for r in rows}) == 5
    assert [(r["item"], r["activity"], r["value"]) for r in rows if r["measure"] == "psfs"][:2] == [
        ("activity-1", "Sitting through a meal", "2"),
        ("activity-2", "'=Walking «to» the shop", "4"),
    ]
    assert rows[-1]["item"] == "pgic-change" and rows[-1]["value"] == "2"


def test_csv_cells_a_spreadsheet_would_run_are_escaped(services, tmp_path):
    _fill(services)
    _transfer(services).export_csv(tmp_path)
    notes = [row[-1] for row in _read_csv(tmp_path / "notes.csv")[1:]]
    assert notes == ["'+1 day, «ça va»\nsecond line", "'@home\tall day"]
    maps = _read_csv(tmp_path / "symptom_maps.csv")
    assert [row[-1] for row in maps[1:] if row[5] == "check-in"] == [
        '\'=HYPERLINK("http://example.invalid")'
    ]
    sessions = _read_csv(tmp_path / "sessions.csv")
    assert sessions[1][-1] == "'-2 on the leg since yesterday"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+49 30 1234", "'+49 30 1234"),
        ("-3", "'-3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("plain text", "plain text"),
        ("a=b", "a=b"),
        ("", ""),
        (-3, "-3"),
        (7, "7"),
        (True, "yes"),
        (False, "no"),
        (None, ""),
    ],
)
def test_csv_cell(value, cell):
    assert csv_cell(value) == cell


# --- where exports may go ------------------------------------------------------------------


def test_exporting_into_a_missing_folder_raises(services, tmp_path):
    with pytest.raises(TransferError, match="does not exist"):
        _transfer(services).export_csv(tmp_path / "missing")
    with pytest.raises(TransferError, match="does not exist"):
        _transfer(services).export_json(tmp_path / "missing" / "journal.json")
    assert not (tmp_path / "missing").exists()


def test_exporting_onto_a_folder_or_below_a_file_raises(services, tmp_path):
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(TransferError, match=r"cannot write .*: it is a folder"):
        _transfer(services).export_json(tmp_path)
    with pytest.raises(TransferError, match="cannot write"):
        _transfer(services).export_json(a_file / "journal.json")
    with pytest.raises(TransferError, match="not a folder"):
        _transfer(services).export_csv(a_file)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_exporting_into_a_read_only_folder_raises_and_leaves_nothing(services, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(TransferError, match="cannot write"):
            _transfer(services).export_json(folder / "journal.json")
        with pytest.raises(TransferError, match="cannot write"):
            _transfer(services).export_csv(folder)
    finally:
        folder.chmod(0o700)
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_exporting_into_an_unwritable_place_raises(services):
    with pytest.raises(TransferError, match="cannot write /proc/"):
        _transfer(services).export_json(Path("/proc/sciatica-journal-export.json"))


def test_an_export_replaces_the_previous_file_whole(services, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "journal.json"
    path.write_text("old content")
    _transfer(services).export_json(path)
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == "sciatica-journal"
    assert [p.name for p in folder.iterdir()] == ["journal.json"]
