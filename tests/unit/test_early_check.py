"""The journal's check at opening, begun early in a thread, answers as the check made at
opening: its answer is taken only for the file as it was checked (a file changed or
damaged since is checked again), a damaged journal is refused with the same message, and
the thread is gone once the answer is taken (so an export may still fork)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from sciatica_journal import early_check
from sciatica_journal.paths import DATABASE_FILE_NAME, prepare_data_dir
from sciatica_journal.services.container import build_services
from sciatica_journal.storage.database import JournalFileError
from tests.builders import new_session
from tests.conftest import NOW

TICK = 0.03  # s: longer than the system's step of file times (a change in the same step
# as the check's end goes unseen, as one between a check and the opening always did)


@pytest.fixture
def journal(tmp_path, clock) -> Path:
    """A closed journal of a few dozen sessions."""
    folder = prepare_data_dir(tmp_path / "journal")
    services = build_services(folder, clock)
    services.profiles.accept_disclaimer()
    for i in range(60):
        services.sessions.record(new_session(NOW - dt.timedelta(hours=3 * i + 1)))
    services.close()
    return folder / DATABASE_FILE_NAME


@pytest.fixture(autouse=True)
def no_early_checks_left():
    early_check._pending.clear()
    yield
    early_check._pending.clear()


@pytest.fixture
def checks(monkeypatch) -> list[str]:
    """The name of the thread each quick check ran in."""
    made: list[str] = []
    rows = early_check.pragma_rows

    def counted(path, pragma):
        made.append(threading.current_thread().name)
        return rows(path, pragma)

    monkeypatch.setattr(early_check, "pragma_rows", counted)
    return made


def _tasks() -> int:
    return sum(1 for _ in Path("/proc/self/task").iterdir())


def test_the_early_answer_is_taken_for_the_file_as_it_is(journal, checks, clock):
    threads = _tasks()
    early_check.begin(journal.parent)
    services = build_services(journal.parent, clock)  # the opening takes the answer
    services.close()
    assert len(checks) == 1 and checks[0] != threading.main_thread().name
    assert _tasks() == threads  # its thread is gone: one thread may fork again


def test_a_journal_changed_after_its_check_is_checked_again(journal, checks):
    early_check.begin(journal.parent)
    early_check._pending[journal.resolve()].thread.join()
    time.sleep(TICK)
    with sqlite3.connect(journal) as conn:  # a write: its log grows
        conn.execute("UPDATE exercise_session SET note = 'x' WHERE id = 1")
    assert early_check.quick_check_rows(journal) == [("ok",)]
    assert checks[1:] == [threading.main_thread().name]


def test_a_journal_damaged_after_its_check_is_found(journal, checks, clock):
    early_check.begin(journal.parent)
    early_check._pending[journal.resolve()].thread.join()
    time.sleep(TICK)
    data = bytearray(journal.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    data[3 * size : 4 * size] = os.urandom(size)  # a table's page overwritten, same size
    journal.write_bytes(bytes(data))
    with pytest.raises(JournalFileError) as caught:
        build_services(journal.parent, clock)
    assert "is damaged" in str(caught.value)
    assert checks[-1] == threading.main_thread().name


def test_a_damaged_journal_is_refused_with_the_same_message(journal, clock):
    data = bytearray(journal.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    data[3 * size : 4 * size] = os.urandom(size)
    journal.write_bytes(bytes(data))
    with pytest.raises(JournalFileError) as at_opening:
        build_services(journal.parent, clock)
    early_check.begin(journal.parent)
    with pytest.raises(JournalFileError) as early:
        build_services(journal.parent, clock)
    assert str(early.value) == str(at_opening.value) and early.value.damaged


def test_no_journal_no_early_check(tmp_path, checks):
    threads = _tasks()
    early_check.begin(tmp_path / "nowhere")
    assert early_check._pending == {} and _tasks() == threads
    assert checks == []


@pytest.mark.parametrize("where, value", [(68, b"ABCD"), (60, (999).to_bytes(4, "big"))])
def test_a_foreign_or_newer_file_is_left_for_the_opening_to_refuse(journal, checks, where, value):
    data = bytearray(journal.read_bytes())
    data[where : where + 4] = value  # another program's id, or a newer journal format
    journal.write_bytes(bytes(data))
    early_check.begin(journal.parent)
    assert early_check._pending == {} and checks == []
    assert sorted(p.name for p in journal.parent.iterdir() if p.name.startswith("journal")) == [
        DATABASE_FILE_NAME
    ]  # SQLite never opened it: nothing beside it


def test_an_error_of_the_early_check_is_not_taken_as_its_answer(journal, monkeypatch, clock):
    rows = early_check.pragma_rows
    made: list[str] = []

    def busy_early(path, pragma):
        made.append(threading.current_thread().name)
        if threading.current_thread() is not threading.main_thread():
            raise sqlite3.OperationalError("database is locked")
        return rows(path, pragma)

    monkeypatch.setattr(early_check, "pragma_rows", busy_early)
    early_check.begin(journal.parent)
    services = build_services(journal.parent, clock)  # opened: not called damaged
    services.close()
    assert made[-1] == threading.main_thread().name and len(made) == 2
