"""Two journals open in one process are independent: each ``build_services`` opens its own
connection, writes and reads go to that journal only, closing one leaves the other
working, a transaction is one journal's, and the models' binding belongs to one thread.
Used with no journal bound, a model fails at once with a clear error."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from sciatica_journal.domain.profile import AffectedSide
from sciatica_journal.paths import prepare_data_dir
from sciatica_journal.services.clock import FixedClock
from sciatica_journal.services.container import Services, build_services
from sciatica_journal.storage import models
from sciatica_journal.storage.models import NoJournalError
from tests.builders import new_session, symptom_map
from tests.conftest import NOW, ZONE

HOUR = dt.timedelta(hours=1)


def _open(folder: Path, name: str, side: AffectedSide) -> Services:
    services = build_services(prepare_data_dir(folder), FixedClock(NOW, ZONE))
    services.profiles.accept_disclaimer()
    profile = services.profiles.default_profile()
    services.profiles.save(dataclasses.replace(profile, name=name, affected_side=side))
    return services


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[Services, Services]]:
    a = _open(tmp_path / "a", "Ann", AffectedSide.LEFT)
    b = _open(tmp_path / "b", "Bob", AffectedSide.RIGHT)
    yield a, b
    a.close()
    b.close()


def _rows_in_file(services: Services, table: str) -> int:
    """Rows of ``table`` in the journal's file, read by a connection of its own."""
    with closing(sqlite3.connect(services.journal.path)) as conn:
        return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])


def test_interleaved_writes_and_reads_stay_in_their_journal(two):
    a, b = two
    first = a.sessions.record(new_session(NOW - 5 * HOUR))
    check_in = b.symptoms.record_check_in(symptom_map("calf-left"), note="only in B").uuid
    a.entries.add_note("only in A")
    second = b.sessions.record(new_session(NOW - 4 * HOUR, rung="prone-lying", reps=None))

    assert [s.uuid for s in a.sessions.today().sessions] == [first.uuid]
    assert [s.uuid for s in b.sessions.today().sessions] == [second.uuid]
    assert [(e.kind.value, e.note) for e in a.entries.entries()] == [
        ("note", "only in A"),
        ("session", ""),
    ]
    assert [(e.kind.value, e.uuid) for e in b.entries.entries()] == [
        ("check-in", check_in),  # recorded now, after the session of four hours ago
        ("session", second.uuid),
    ]
    assert a.stores.sessions.count_sessions() == b.stores.sessions.count_sessions() == 1
    assert _rows_in_file(a, "journal_note") == 1 and _rows_in_file(b, "journal_note") == 0
    assert _rows_in_file(a, "symptom_map") == 2 and _rows_in_file(b, "symptom_map") == 3


def test_profiles_differ(two):
    a, b = two
    assert a.stores.profiles.load_profile().name == "Ann"
    assert b.stores.profiles.load_profile().name == "Bob"
    assert a.profiles.profile().affected_side is AffectedSide.LEFT
    assert b.profiles.profile().affected_side is AffectedSide.RIGHT


def test_deleting_in_one_leaves_the_other(two):
    a, b = two
    kept = a.sessions.record(new_session(NOW - 2 * HOUR))
    gone = b.sessions.record(new_session(NOW - 2 * HOUR))
    token = b.entries.delete("session", gone.uuid)
    assert b.entries.entries() == []
    assert [e.uuid for e in a.entries.entries()] == [kept.uuid]
    b.entries.undo_delete(token)
    assert [e.uuid for e in b.entries.entries()] == [gone.uuid]
    assert [e.uuid for e in a.entries.entries()] == [kept.uuid]


def test_closing_one_leaves_the_other_usable(two):
    a, b = two
    a.sessions.record(new_session(NOW - 3 * HOUR))
    a.close()
    assert a.journal.database.is_closed()
    saved = b.sessions.record(new_session(NOW - HOUR))
    assert [s.uuid for s in b.sessions.today().sessions] == [saved.uuid]
    assert [s.uuid for s in b.frequency.sessions_on(b.frequency.today())] == [saved.uuid]
    b.frequency.summary()
    b.transfer.journal_document()
    assert _rows_in_file(a, "exercise_session") == 1


def test_a_transaction_belongs_to_one_journal(two):
    a, b = two
    with pytest.raises(RuntimeError), a.journal.atomic():
        a.sessions.record(new_session(NOW - 2 * HOUR))
        b.sessions.record(new_session(NOW - 2 * HOUR))
        raise RuntimeError("undo A's transaction")
    assert a.stores.sessions.count_sessions() == 0
    assert b.stores.sessions.count_sessions() == 1


def test_a_model_used_with_no_journal_bound_fails_clearly(two):
    a, _ = two
    a.sessions.record(new_session(NOW - HOUR))
    with pytest.raises(NoJournalError, match="no journal is bound"):
        models.ExerciseSession.select().count()
    with pytest.raises(NoJournalError, match="no journal is bound"):
        models.JournalNote.create(
            uuid="1b4e28ba-2fa1-11d2-883f-0016d3cca427",
            written_at="2026-11-24T14:00:00Z",
            zone=ZONE,
            local_date="2026-11-24",
            text="x",
        )
    with pytest.raises(NoJournalError):
        models.NO_JOURNAL.init("/tmp/somewhere.sqlite3")
    with a.journal.bound():
        assert models.ExerciseSession.select().count() == 1
    with pytest.raises(NoJournalError):  # the binding ended with the block
        models.ExerciseSession.select().count()


def test_a_binding_belongs_to_the_thread_that_made_it(two):
    a, b = two
    a.sessions.record(new_session(NOW - HOUR))
    bound_in_worker = threading.Event()
    main_has_looked = threading.Event()
    seen: dict[str, object] = {}

    def worker() -> None:
        try:
            try:  # the main thread's binding is not this thread's
                models.ExerciseSession.select().count()
            except NoJournalError:
                seen["unbound"] = True
            with b.journal.bound():
                bound_in_worker.set()
                main_has_looked.wait(5)
                seen["worker"] = models.ExerciseSession.select().count()
            seen["store"] = a.stores.sessions.count_sessions()  # a store binds itself
        finally:
            bound_in_worker.set()
            a.journal.database.close()  # this thread's connections
            b.journal.database.close()

    with a.journal.bound():
        thread = threading.Thread(target=worker)
        thread.start()
        assert bound_in_worker.wait(5)
        # The worker has bound B meanwhile: this thread's models still query A.
        assert models.ExerciseSession.select().count() == 1
        assert models.ExerciseSession._meta.database is a.journal.database
        main_has_looked.set()
        thread.join(5)
    assert seen == {"unbound": True, "worker": 0, "store": 1}
