"""The journal's code table (storage/codes.py): a code given in a transaction that is
rolled back is never remembered, and codes read inside a transaction are kept (an export
reads hundreds of thousands of coded values in one)."""

from __future__ import annotations

import pytest

from sciatica_journal.services.container import Services
from sciatica_journal.storage.codes import ZONE, codes_of


class _Rollback(Exception):
    pass


def _statements(services: Services) -> list[str]:
    seen: list[str] = []
    services.journal.database.connection().set_trace_callback(seen.append)
    return seen


def test_a_code_given_in_a_rolled_back_transaction_is_forgotten(services: Services):
    database = services.journal.database
    codes = codes_of(database)
    with pytest.raises(_Rollback), database.atomic():
        given = codes.value(ZONE, "Atlantis/Lost")
        assert codes.name(ZONE, given) == "Atlantis/Lost"
        raise _Rollback
    # The same number goes to the next new name; nothing remembers the rolled-back one.
    with database.atomic():
        other = codes.value(ZONE, "Pacific/Real")
    assert other == given
    assert codes.name(ZONE, other) == "Pacific/Real"
    assert codes.value(ZONE, "Pacific/Real", add=False) == other
    assert codes.lookup(ZONE, "Atlantis/Lost") != given


def test_codes_read_inside_a_transaction_are_looked_up_once(services: Services):
    database = services.journal.database
    with database.atomic():
        committed = codes_of(database).value(ZONE, "Europe/Berlin")
    codes = codes_of(database)
    statements = _statements(services)
    with database.atomic():
        for _ in range(100):
            assert codes.name(ZONE, committed) == "Europe/Berlin"
            assert codes.lookup(ZONE, "Europe/Berlin") == committed
    reads = [s for s in statements if "FROM code" in s]
    assert len(reads) <= 1


def test_a_code_given_in_a_transaction_is_used_from_memory_until_it_ends(services: Services):
    """An import gives its new codes and uses them hundreds of thousands of times in one
    transaction: each is read from the table once, not at every use."""
    database = services.journal.database
    codes = codes_of(database)
    statements = _statements(services)
    with database.atomic():
        given = codes.value(ZONE, "Atlantis/New")
        for _ in range(100):
            assert codes.value(ZONE, "Atlantis/New") == given
            assert codes.name(ZONE, given) == "Atlantis/New"
        used = [s for s in statements if "FROM code" in s or "INTO code" in s]
    assert len(used) <= 4  # the load, the look-up, the insert and its read-back
    assert codes.name(ZONE, given) == "Atlantis/New"  # committed


def test_a_code_given_in_a_savepoint_rolled_back_is_not_used_later_in_the_transaction(
    services: Services,
):
    database = services.journal.database
    codes = codes_of(database)
    with database.atomic():
        with pytest.raises(_Rollback), database.atomic():  # a savepoint
            lost = codes.value(ZONE, "Atlantis/Lost")
            raise _Rollback
        kept = codes.value(ZONE, "Pacific/Real")
        assert kept == lost  # the number was free again
        assert codes.name(ZONE, kept) == "Pacific/Real"
        again = codes.value(ZONE, "Atlantis/Lost")
        assert again != kept
    assert codes.name(ZONE, again) == "Atlantis/Lost"
    assert codes.name(ZONE, kept) == "Pacific/Real"


def test_rows_read_column_by_column_read_as_each_field_reads_its_values(services: Services):
    """``decoded`` (the exports' fast reading) gives what peewee's own reading of each
    value gives, NULLs kept, for every kind of stored column."""
    from sciatica_journal.storage import models
    from sciatica_journal.storage.codecs import Marks, decode, decoded, encode

    database = services.journal.database
    s, m = models.ExerciseSession, models.SymptomMap
    fields = (
        s.id,
        s.uuid,
        s.started_at,
        s.local_date,
        s.zone,
        s.range_reached,
        s.pelvis_stayed_down,
        s.stopped_for_pain,
        s.note,
        s.map_before,
        m.marks,
        None,
    )
    values = [
        (
            7,
            "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
            "2026-11-24T14:00:00Z",
            "2026-11-24",
            "Europe/Berlin",
            "full",
            True,
            False,
            "ß and ünïcode",
            3,
            Marks((("right-calf", "pain", 2), ("right-foot", "tingling", 1))),
            b"kept",
        ),
        (8, None, None, None, None, None, None, True, "", None, None, None),
    ]
    with database.bind_ctx(models.ALL_MODELS), database.atomic():
        stored = [  # through SQLite, as a query gives them back (True as 1, …)
            tuple(
                database.execute_sql(
                    "SELECT " + ", ".join("?" * len(fields)),
                    [v if f is None else encode(f, v) for f, v in zip(fields, row, strict=True)],
                ).fetchone()
            )
            for row in values
        ]
        expected = [
            tuple(
                v if f is None or v is None else decode(f, v)
                for f, v in zip(fields, row, strict=True)
            )
            for row in stored
        ]
        got = decoded(fields, iter(stored))
        assert got == expected
        assert [[type(v) for v in row] for row in got] == [
            [type(v) for v in row] for row in expected
        ]  # True, not 1
        assert decoded(fields, []) == []
    assert expected[0][1] == "1b4e28ba-2fa1-41d2-883f-0016d3cca427"
    assert expected[0][10] == (("right-calf", "pain", 2), ("right-foot", "tingling", 1))
    assert expected[1][6] is None and expected[1][7] is True


def test_utc_times_round_trip_through_seconds_for_any_second_of_the_years():
    """The fast ways of utc_seconds and utc_text (a memo of days, tables of the day's
    minutes) give what datetime gives, and refuse what it refuses."""
    import datetime as dt
    import random

    from sciatica_journal.storage.codecs import utc_seconds, utc_text

    epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    pick = random.Random(16)
    for _ in range(20_000):
        seconds = pick.randrange(0, 4_000_000_000)
        text = (epoch + dt.timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")
        assert utc_seconds(text) == seconds
        assert utc_text(seconds) == text
    for bad in ("2026-11-24T24:00:00Z", "2026-11-24T23:60:00Z", "2026-02-30T10:00:00Z"):
        with pytest.raises(ValueError):
            utc_seconds(bad)
    assert utc_text(utc_seconds("2026-11-24T10:00:00Z")) == "2026-11-24T10:00:00Z"
