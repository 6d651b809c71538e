"""An import whose schema check runs in a forked child beside the reading of its entries
(a file of many sessions) answers as one that checks first and reads after: every bad
document gets the same one-line message, nothing is written, and a good file round-trips
to identical data."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from sciatica_journal.paths import prepare_data_dir
from sciatica_journal.services.clock import FixedClock
from sciatica_journal.services.container import build_services
from sciatica_journal.services.transfer import forked_answer, parallel_parts
from sciatica_journal.services.transfer.schema_check import SchemaChecker
from tests.conftest import NOW, ZONE
from tests.unit.test_transfer import (
    BAD_DOCUMENTS,
    _assert_refused_and_unchanged,
    _docs_example,
    _fill,
    _transfer,
    _without_export_time,
    _write,
)


@pytest.fixture
def forks(monkeypatch) -> list[int]:
    """Every file counts as one of many sessions; the children forked, counted."""
    monkeypatch.setattr(parallel_parts, "MIN_PART", 1)
    monkeypatch.setattr(parallel_parts, "may_fork", lambda: True)
    forked: list[int] = []
    fork = forked_answer._fork

    def counted(question):
        pid = fork(question)
        forked.append(pid)
        return pid

    monkeypatch.setattr(forked_answer, "_fork", counted)
    here = os.getpid()
    is_valid = SchemaChecker.is_valid

    def asked_in_the_child(self, document):  # the parent never asks: it takes the answer
        assert os.getpid() != here, "the schema was checked here, not in the child"
        return is_valid(self, document)

    monkeypatch.setattr(SchemaChecker, "is_valid", asked_in_the_child)
    return forked


@pytest.fixture
def journal_with_entries(services):
    from tests.builders import new_session

    services.sessions.record(new_session(NOW - dt.timedelta(hours=6)))
    return services


# Refused before the schema is checked: what the file is, and its version.
BEFORE_THE_SCHEMA = {"JSON but not a journal", "another format", "a newer version"}


@pytest.mark.parametrize("case", [c for c in BAD_DOCUMENTS if c not in BEFORE_THE_SCHEMA])
def test_a_bad_journal_read_beside_its_check_gets_the_same_one_line(
    journal_with_entries, tmp_path, forks, case
):
    change, expected = BAD_DOCUMENTS[case]
    document = _docs_example()
    change(document)
    path = _write(tmp_path / "bad.json", document)
    _assert_refused_and_unchanged(journal_with_entries, path, expected)
    assert forks, "the check ran in a child"


def test_a_good_file_read_beside_its_check_round_trips(services, tmp_path, forks):
    _fill(services)
    first = tmp_path / "first.json"
    _transfer(services).export_json(first)
    services.close()
    later = FixedClock(NOW + dt.timedelta(hours=1), ZONE)
    second = build_services(prepare_data_dir(tmp_path / "second"), later)
    try:
        forks.clear()
        report = _transfer(second).import_json(first)
        assert len(forks) == 1
        assert report.added["sessions"] == 3 and report.total_skipped == 0
        again = tmp_path / "again.json"
        _transfer(second).export_json(again)
        assert _without_export_time(again) == _without_export_time(first)
    finally:
        second.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left behind
