"""Honest doses in the JSON and CSV export (issue 13.7): the dose planned and whether the
session counts travel with it; a file written before them still imports."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from sciatica_journal.paths import prepare_data_dir
from sciatica_journal.services.clock import FixedClock
from sciatica_journal.services.container import build_services
from tests.builders import new_session
from tests.conftest import NOW, ZONE

TODAY = dt.datetime(2026, 11, 24, 7, 0, tzinfo=dt.UTC)


def _sessions(services) -> None:
    services.profiles.accept_disclaimer()
    services.profiles.save(services.profiles.default_profile())
    for i in range(5):
        services.sessions.record(new_session(TODAY + dt.timedelta(hours=i), planned=10))
    services.sessions.record(new_session(TODAY + dt.timedelta(hours=5), reps=3, planned=10))
    services.sessions.record(
        new_session(
            TODAY + dt.timedelta(hours=6), rung="prone-lying", reps=None, hold=3, planned=180
        )
    )


def _doses(document: dict) -> list[tuple]:
    return [
        (s["rung"], s["reps_done"], s["hold_seconds"], s.get("planned"), s.get("complete"))
        for s in document["sessions"]
    ]


def test_the_json_export_carries_the_plan_and_the_round_trip_keeps_it(services, tmp_path):
    _sessions(services)
    first = tmp_path / "journal.json"
    services.transfer.export_json(first)
    document = json.loads(first.read_text(encoding="utf-8"))
    assert _doses(document)[4:] == [
        ("baby-press-up", 10, None, 10, True),
        ("baby-press-up", 3, None, 10, False),
        ("prone-lying", None, 3, 180, False),
    ]
    services.close()
    second = build_services(prepare_data_dir(tmp_path / "second"), FixedClock(NOW, ZONE))
    try:
        assert second.transfer.import_json(first).added["sessions"] == 7
        assert _doses(second.transfer.journal_document()) == _doses(document)
        today = second.sessions.today()
        assert (today.count.done, len(today.incomplete)) == (5, 2)
        summaries = [e.summary for e in second.entries.entries()]
        assert any("0:03 of 3:00, incomplete" in s for s in summaries)
        assert any("3 of 10 reps, incomplete" in s for s in summaries)
    finally:
        second.close()


def test_an_old_file_without_the_new_fields_imports(services, tmp_path):
    _sessions(services)
    old = services.transfer.journal_document()
    services.close()
    for session in old["sessions"]:  # as the app wrote it before it kept the plan
        del session["planned"], session["complete"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    second = build_services(prepare_data_dir(tmp_path / "second"), FixedClock(NOW, ZONE))
    try:
        assert second.transfer.import_json(path).added["sessions"] == 7
        again = second.transfer.journal_document()
        # No plan is known; whether each counts is judged again from what was done.
        assert [(s["planned"], s["complete"]) for s in again["sessions"]] == [
            *[(None, True)] * 5,
            (None, False),
            (None, False),
        ]
        assert second.sessions.today().count.done == 5
        summaries = [e.summary for e in second.entries.entries()]
        assert any("3 reps, incomplete" in s for s in summaries)
        assert any("held 3 s, incomplete" in s for s in summaries)
    finally:
        second.close()


def test_a_complete_flag_in_the_file_is_not_believed(services, tmp_path):
    _sessions(services)
    document = services.transfer.journal_document()
    services.close()
    for session in document["sessions"]:
        session["complete"] = True  # a file claiming every session counts
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    second = build_services(prepare_data_dir(tmp_path / "second"), FixedClock(NOW, ZONE))
    try:
        second.transfer.import_json(path)
        assert second.sessions.today().count.done == 5
    finally:
        second.close()


def test_the_csv_export_has_the_plan_and_whether_the_session_counts(services, tmp_path):
    _sessions(services)
    folder = tmp_path / "csv"
    folder.mkdir()
    services.transfer.export_csv(folder)
    with Path(folder / "sessions.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["reps_done"], r["hold_seconds"], r["planned"], r["complete"]) for r in rows] == [
        *[("10", "", "10", "yes")] * 5,
        ("3", "", "10", "no"),
        ("", "3", "180", "no"),
    ]
