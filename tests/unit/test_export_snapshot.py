"""An export reads the journal in one snapshot. When other processes read parts of it,
the export holds the journal's write lock meanwhile, so that no one commits between their
readings; a writer already at work is never waited for (the export then reads alone)."""

from __future__ import annotations

import json
import sqlite3
import time

import pytest

from sciatica_journal.services.demo_journal import generate_demo
from sciatica_journal.services.transfer import TransferService, parallel_parts


def _other_writer(services) -> sqlite3.Connection:
    return sqlite3.connect(services.journal.path, timeout=0, isolation_level=None)


def test_a_shared_snapshot_holds_the_write_lock_until_it_ends(services):
    other = _other_writer(services)
    with services.stores.transfer.export_snapshot(shared=True) as (_read, _sessions, held):
        assert held
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")  # free again
    other.execute("ROLLBACK")
    (waited,) = services.stores.transfer.sql("PRAGMA busy_timeout").fetchone()
    assert waited == 5000  # the journal's own busy timeout, as it was


def test_a_writer_at_work_is_not_waited_for_and_the_snapshot_is_read_alone(services):
    generate_demo(services)
    expected = services.stores.transfer.read_all()
    other = _other_writer(services)
    other.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        with services.stores.transfer.export_snapshot(shared=True) as (read, sessions, held):
            assert not held
            assert time.monotonic() - started < 2  # not the 5 s busy timeout
            assert read().screens == expected.screens
            assert tuple(sessions.records()) == expected.sessions
    finally:
        other.execute("ROLLBACK")


def test_an_export_in_parts_by_several_processes_is_the_document(services, tmp_path, monkeypatch):
    generate_demo(services)
    monkeypatch.setattr(parallel_parts, "MIN_PART", 10)  # the demo's sessions in parts
    monkeypatch.setattr(parallel_parts, "may_fork", lambda: True)
    monkeypatch.setattr(parallel_parts.os, "cpu_count", lambda: 3)
    transfer = TransferService(
        services.program, services.catalog, services.clock, services.stores.transfer
    )
    assert parallel_parts.workers_here(len(transfer.journal_document()["sessions"])) > 1
    path = tmp_path / "journal.json"
    result = transfer.export_json(path)
    document = transfer.journal_document()  # the same clock: the same time
    assert (
        path.read_text(encoding="utf-8")
        == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    )
    assert result.counts["sessions"] == len(document["sessions"]) > 20
