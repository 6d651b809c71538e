"""Bad data never reaches the journal (issue: one import could lock the user out).

Each case was accepted before, and then the window, ``summary`` and the journal's own
export failed (year 0999), or it gave a traceback (a lone surrogate, year 0001 west of
UTC), or it joined two entries (a reused map UUID), or it made a duplicate (a UUID with a
trailing newline). Now each is refused at the service boundary with one line naming the
entry, and nothing is written. A property test mutates a valid journal at random: whatever
is accepted leaves every page's data, ``summary``, export and re-import working."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sciatica_journal.domain.measure_results import Answer, activity_item
from sciatica_journal.domain.sessions import SessionError
from sciatica_journal.services.journal_service import JournalError
from sciatica_journal.services.symptom_service import MapError
from sciatica_journal.services.transfer import TransferError
from sciatica_journal.services.transfer.json_reading import read_json
from sciatica_journal.storage import models
from tests.builders import new_session, symptom_map
from tests.conftest import NOW
from tests.e2e.conftest import run

TABLES = (
    models.ExerciseSession,
    models.SymptomMap,
    models.SymptomMark,
    models.RedFlagScreen,
    models.RedFlagAnswer,
    models.JournalNote,
    models.MeasureResponse,
    models.MeasureAnswer,
)


def _counts(services) -> tuple[int, ...]:
    with services.journal.bound():
        return tuple(t.select().count() for t in TABLES)


def _filled(services):
    services.profiles.accept_disclaimer()
    services.profiles.save(services.profiles.default_profile())
    services.sessions.record(
        new_session(NOW - dt.timedelta(days=1), map_before=symptom_map("calf-right"))
    )
    services.sessions.record(new_session(NOW - dt.timedelta(hours=2)))
    services.symptoms.record_check_in(symptom_map("thigh-back-right"), note="after a drive")
    services.entries.add_note("slept well")
    sbi = tuple(Answer(i.code, 3) for i in services.weekly.measures.measure("sbi").items)
    services.weekly.record(
        {"sbi": sbi, "psfs": (Answer(activity_item(1), 4, "Sitting"),)},
        at=NOW - dt.timedelta(days=8),
    )
    services.weekly.record(
        {
            "psfs": (
                Answer(activity_item(1), 6, "Sitting"),
                Answer(activity_item(2), 2, "Bending"),
            ),
            "pgic": (Answer("pgic-change", 3),),
        },
        at=NOW - dt.timedelta(hours=3),
    )
    return services.transfer.journal_document()


def _write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _write_raw(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _refused(services, path: Path, *words: str) -> str:
    before = _counts(services)
    with pytest.raises(TransferError) as caught:
        services.transfer.import_json(path)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message, message
    assert _counts(services) == before  # nothing written
    return message


def _session_doc(document: dict) -> dict:
    session = copy.deepcopy(document["sessions"][0])
    session["uuid"] = "0b7e6a52-7f0c-4b43-9d51-2f3c4a1d9e10"
    for key in ("map_before", "map_after"):
        if session.get(key):
            session[key]["uuid"] = session[key]["uuid"][:-4] + "beef"
    return session


@pytest.mark.parametrize("year", ["0999", "0001", "1899"])
def test_a_session_of_an_absurd_year_is_refused(set_up_services, tmp_path, year):
    document = _filled(set_up_services)
    session = _session_doc(document)
    session["started_at"] = f"{year}-06-01T10:00:00Z"
    session["ended_at"] = f"{year}-06-01T10:08:00Z"
    session["local_date"] = f"{year}-06-01"
    session["zone"] = "America/Los_Angeles"  # west of UTC: the local time is a year earlier
    document["sessions"] = [session]
    _refused(set_up_services, _write(tmp_path / "old.json", document), "sessions[0]", "1900")
    # ...and the journal's own export still imports.
    again = set_up_services.transfer.journal_document()
    set_up_services.transfer.check_document(again)


@pytest.mark.parametrize("escape", ["\\ud800", "\\uDFFF", "\\uDbFf"])
def test_a_lone_surrogate_is_refused_with_its_place(set_up_services, tmp_path, escape):
    document = _filled(set_up_services)
    text = json.dumps(document).replace('"slept well"', f'"slept {escape} well"')
    path = _write_raw(tmp_path / "surrogate.json", text)
    _refused(set_up_services, path, "notes[0].text", "not valid Unicode")


def test_a_lone_surrogate_in_a_key_is_refused_and_a_pair_is_text(set_up_services, tmp_path):
    document = _filled(set_up_services)
    text = json.dumps(document).replace('"text": "slept well"', '"te\\udc00xt": "slept well"')
    _refused(set_up_services, _write_raw(tmp_path / "key.json", text), "not valid Unicode")
    paired = json.dumps(document).replace('"slept well"', '"slept \\ud83d\\ude00 well"')
    path = _write_raw(tmp_path / "paired.json", paired)
    assert read_json(path)["notes"][0]["text"] == "slept \U0001f600 well"
    set_up_services.transfer.import_json(path)  # a pair of escapes is one character: fine


def test_a_new_session_may_not_reuse_the_maps_of_another(set_up_services, tmp_path):
    document = _filled(set_up_services)
    session = copy.deepcopy(document["sessions"][0])
    session["uuid"] = "0b7e6a52-7f0c-4b43-9d51-2f3c4a1d9e10"  # a new session, old maps
    document["sessions"] = [session]
    _refused(set_up_services, _write(tmp_path / "shared.json", document), "already used")


def test_a_uuid_with_a_trailing_newline_is_refused(set_up_services, tmp_path):
    document = _filled(set_up_services)
    note = copy.deepcopy(document["notes"][0])
    note["uuid"] += "\n"
    document["notes"] = [note]
    _refused(set_up_services, _write(tmp_path / "newline.json", document), "notes[0].uuid")


def test_every_entry_point_refuses_bad_times_and_text(set_up_services):
    services = set_up_services
    old = dt.datetime(999, 6, 1, 10, 0, tzinfo=dt.UTC)
    with pytest.raises(SessionError, match="before 1900"):
        services.sessions.record(new_session(old))
    bad_note = dataclasses.replace(new_session(NOW - dt.timedelta(hours=1)), note="a\ud800b")
    with pytest.raises(SessionError, match="Unicode"):
        services.sessions.record(bad_note)
    with pytest.raises(JournalError, match="Unicode"):
        services.entries.add_note("x\udfffy")
    with pytest.raises(MapError, match="Unicode"):
        services.symptoms.record_check_in(symptom_map("calf-left"), note="\ud83d")
    assert not any(_counts(services))


@pytest.fixture
def journal_dir(tmp_path, clock):
    from tests.e2e import conftest

    return conftest.journal_dir.__wrapped__(tmp_path, clock)


def test_the_command_line_refuses_in_one_line_and_the_journal_still_opens(journal_dir, tmp_path):
    exported = tmp_path / "journal.json"
    run("export", "--format", "json", "--out", str(exported), "--data-dir", str(journal_dir))
    document = json.loads(exported.read_text(encoding="utf-8"))
    session = _session_doc(document)
    session["started_at"], session["ended_at"] = "0999-06-01T10:00:00Z", "0999-06-01T10:08:00Z"
    session["local_date"] = "0999-06-01"
    document["sessions"] = [session]
    bad = _write(tmp_path / "bad.json", document)
    result = run("import", str(bad), "--data-dir", str(journal_dir))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    summary = run("summary", "--json", "--data-dir", str(journal_dir))
    assert summary.returncode == 0 and json.loads(summary.stdout)["sessions"]["total"] == 2


# ---- accepted => the whole app still works ---------------------------------------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**6), max_value=10**6)
    | st.sampled_from(
        [
            "0999-01-01T00:00:00Z",
            "0001-01-01T00:00:00Z",
            "2026-11-24T13:00:00Z",
            "2026-11-24",
            "9999-12-31T23:59:59Z",
            "\ud800",
            "calf-left",
            "pain",
            "before",
            "",
            "0b7e6a52-7f0c-4b43-9d51-2f3c4a1d9e10",
            "Europe/Berlin",
            "America/Los_Angeles",
        ]
    )
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=6,
)


def _paths(node: object, where: tuple = ()) -> list[tuple]:
    found = [where]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*where, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*where, i))
    return found


TIME_KEYS = {
    "sessions": ("started_at", "ended_at"),
    "check_ins": ("recorded_at",),
    "red_flag_screens": ("answered_at",),
    "notes": ("written_at",),
    "measures": ("answered_at",),
}
TEXT_KEYS = {"sessions": "note", "check_ins": "note", "notes": "text"}
INSTANTS = st.datetimes(
    min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30), timezones=st.just(dt.UTC)
)
TEXTS = st.text(max_size=6) | st.sampled_from(["\ud800", "a\udfffb", "\x00", "=1+1", "«»"])


def _entries(document: object, kind: str) -> list[dict]:
    found = document.get(kind) if isinstance(document, dict) else None
    return [e for e in found if isinstance(e, dict)] if isinstance(found, list) else []


def _retime(draw, document: dict) -> None:
    """A whole entry moved to another time, its local date kept consistent with it."""
    kinds = [k for k in TIME_KEYS if _entries(document, k)]
    if not kinds:
        return
    kind = draw(st.sampled_from(kinds))
    entry = draw(st.sampled_from(_entries(document, kind)))
    moment = draw(INSTANTS)
    zone = draw(st.sampled_from(["UTC", "America/Los_Angeles", "Pacific/Kiritimati"]))
    for key in TIME_KEYS[kind]:
        entry[key] = moment.strftime("%Y-%m-%dT%H:%M:%SZ").rjust(20, "0")
    entry["zone"] = zone
    if "local_date" in entry:
        try:
            from zoneinfo import ZoneInfo

            entry["local_date"] = moment.astimezone(ZoneInfo(zone)).date().isoformat()
        except (OverflowError, ValueError):
            entry["local_date"] = moment.date().isoformat()


ACTIONS = ("retime",) * 4 + ("text",) * 3 + ("reuse", "set", "set", "delete", "duplicate")


def _mutate_once(draw, document: dict) -> None:
    # Mostly the mutations a file could carry and still pass the schema (so that many are
    # accepted and the app is exercised on them), some that break it anywhere.
    action = draw(st.sampled_from(ACTIONS))
    if action == "retime":
        _retime(draw, document)
        return
    if action == "text":
        kinds = [k for k in TEXT_KEYS if _entries(document, k)]
        if kinds:
            kind = draw(st.sampled_from(kinds))
            draw(st.sampled_from(_entries(document, kind)))[TEXT_KEYS[kind]] = draw(TEXTS)
        return
    if action == "reuse" and _entries(document, "sessions"):
        twin = copy.deepcopy(draw(st.sampled_from(_entries(document, "sessions"))))
        twin["uuid"] = draw(st.uuids()).hex[:8] + str(twin.get("uuid", ""))[8:]
        document["sessions"].append(twin)  # a new session with another's maps
        return
    paths = [p for p in _paths(document) if p]
    if not paths:
        return
    where = draw(st.sampled_from(paths))
    parent = document
    for key in where[:-1]:
        parent = parent[key]
    if action == "delete":
        del parent[where[-1]]
    elif action == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[where[-1]]))
    else:
        parent[where[-1]] = draw(JSON_VALUES)


@st.composite
def mutated(draw, base: dict) -> dict:
    document = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        _mutate_once(draw, document)
    return document


def _clear(services) -> None:
    with services.journal.bound():
        for table in reversed(TABLES):
            table.delete().execute()


def _everything_works(services) -> None:
    """What each page, summary, report and export read: none may fail."""
    services.summaries.summary(None, None).as_json()
    services.entries.entries()
    services.progress.load()
    services.frequency.summary()
    today = services.frequency.today()
    services.frequency.month(today.year, today.month)
    services.sessions.today()
    services.sessions.advice()
    services.symptoms.latest()
    from sciatica_journal.services.report_service import ReportOptions

    services.reports.gather(ReportOptions())
    services.weekly.check()
    services.weekly.activities()
    services.weekly.as_json()
    for measure in services.weekly.measures.measures:
        services.weekly.scores(measure.code)


EXAMPLES = int(os.environ.get("SCIATICA_FUZZ_EXAMPLES", "1000"))


def _pages_work(services) -> None:
    """The window itself on the accepted journal: every page built and shown."""
    from PySide6.QtWidgets import QApplication

    from sciatica_journal.gui.main_window import MainWindow

    window = MainWindow(services)
    window.show()
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        QApplication.processEvents()
    window.close()
    window.deleteLater()
    QApplication.processEvents()


PAGES_EVERY = 10  # the window is built for every tenth accepted journal (it takes ~0.2 s)


def _fuzz(services, tmp_path, examples: int) -> None:
    base = _filled(services)
    _clear(services)
    accepted = [0]

    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(data=st.data())
    def accepted_means_working(data):
        _clear(services)
        document = data.draw(mutated(base))
        text = json.dumps(document, ensure_ascii=False)
        path = tmp_path / "fuzz.json"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            services.transfer.import_json(path)
        except TransferError as exc:
            assert "\n" not in str(exc)
            assert not any(_counts(services)), "a refused import wrote something"
            return
        _everything_works(services)
        accepted[0] += 1
        if accepted[0] % PAGES_EVERY == 1:
            _pages_work(services)
        exported = services.transfer.journal_document()
        _clear(services)
        services.transfer.check_document(exported)
        _write(path, exported)
        services.transfer.import_json(path)
        _everything_works(services)
        again = services.transfer.journal_document()
        for key in ("sessions", "check_ins", "red_flag_screens", "notes", "measures"):
            assert again[key] == exported[key]

    accepted_means_working()
    print(f"fuzz: {accepted[0]} of {examples} mutated journals accepted")
    assert accepted[0] > 0, "no mutated journal was accepted: the test checks nothing"


def test_whatever_an_import_accepts_leaves_the_app_working(qtbot, set_up_services, tmp_path):
    _fuzz(set_up_services, tmp_path, EXAMPLES)


@pytest.mark.soak
def test_ten_thousand_mutated_journals(qtbot, set_up_services, tmp_path):
    _fuzz(set_up_services, tmp_path, 10_000)
