"""The summary counts a period's sessions in the database (``ReportStore.session_tally``):
the counts must be those made from the sessions one by one (``tally_sessions``), and so
must every number of the summary, for journals with short sessions, sessions stopped for
pain, every range and pelvis answer, outcomes of every kind, sessions begun in the same
second and sessions whose local day is not in the order they began (travel)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import random
import sqlite3

import pytest

from sciatica_journal.domain.doses import dose_minimums
from sciatica_journal.domain.session_tally import SessionTally, tally_sessions
from sciatica_journal.domain.sessions import Outcome, PressUpRange
from sciatica_journal.domain.summary import summarize
from sciatica_journal.services.container import Services
from sciatica_journal.storage.codes import OUTCOME, codes_of
from tests.builders import new_session

RUNGS = ("prone-lying", "prone-prop", "baby-press-up", "full-press-up", "press-up-overpressure")


def _record_a_mixed_journal(services: Services, now: dt.datetime, seed: int) -> None:
    draw = random.Random(seed)
    start = now - dt.timedelta(days=40)
    for n in range(90):
        at = start + dt.timedelta(hours=n * 10 + draw.randrange(8), minutes=draw.randrange(60))
        rung = draw.choice(RUNGS)
        held = rung in RUNGS[:2]
        session = new_session(
            at,
            rung=rung,
            before=(draw.randrange(11), draw.randrange(11)),
            reps=None if held else draw.choice((None, 2, 5, 10)),
            hold=draw.choice((None, 10, 30, 180)) if held else None,
            stopped=draw.random() < 0.15,
        )
        services.sessions.record(
            dataclasses.replace(
                session,
                range_reached=None if held else draw.choice((None, *PressUpRange)),
                pelvis_stayed_down=None if held else draw.choice((None, False, True)),
            )
        )
    reports = services.stores.reports
    codes = codes_of(services.journal.database)
    ids = [row[0] for row in reports.sql("SELECT id FROM exercise_session ORDER BY id")]
    with reports.atomic():  # every outcome, not only those the maps give
        outcomes = [codes.value(OUTCOME, outcome.value) for outcome in Outcome]
        for session_id in draw.sample(ids, 30):
            reports.sql(
                "UPDATE exercise_session SET outcome = ? WHERE id = ?",
                [draw.choice(outcomes), session_id],
            )
    for a, b in itertools.pairwise(ids[5:16]):  # begun in the same second
        if draw.random() < 0.5:
            reports.sql(
                "UPDATE exercise_session SET started_at = "
                "(SELECT started_at FROM exercise_session WHERE id = ?) WHERE id = ?",
                [a, b],
            )
    # Travel: the first and the last session recorded on a day away from their neighbours,
    # each begun in the same second as the one recorded next to it.
    reports.sql("UPDATE exercise_session SET local_date = local_date + 3 WHERE id = ?", [ids[0]])
    reports.sql("UPDATE exercise_session SET local_date = local_date - 2 WHERE id = ?", [ids[-1]])
    for same, as_ in ((ids[1], ids[0]), (ids[-2], ids[-1])):
        reports.sql(
            "UPDATE exercise_session SET started_at = "
            "(SELECT started_at FROM exercise_session WHERE id = ?) WHERE id = ?",
            [as_, same],
        )


def _same(tally: SessionTally) -> tuple[object, ...]:
    return (
        sorted(tally.days),
        sorted(tally.kinds, key=repr),
        tally.first_day,
        tally.last_day,
        tally.last_rung,
        tally.last_complete_rung,
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_database_counts_what_the_sessions_one_by_one_count(
    set_up_services: Services, clock, seed: int
) -> None:
    services = set_up_services
    _record_a_mixed_journal(services, clock.now(), seed)
    reports = services.stores.reports
    minimums = dose_minimums(services.program)
    today = clock.now().date()
    periods = [
        (today - dt.timedelta(days=60), today),  # the whole journal
        (today - dt.timedelta(days=30), today - dt.timedelta(days=10)),
        (today - dt.timedelta(days=39), today - dt.timedelta(days=39)),  # one day
        (today - dt.timedelta(days=90), today - dt.timedelta(days=70)),  # no session
    ]
    counted = []
    for start, end in periods:
        facts = reports.session_facts(start, end, minimums)
        tally = reports.session_tally(start, end, minimums)
        assert _same(tally) == _same(tally_sessions(facts)), (start, end)
        counted.append(tally.sessions)
        common = dict(
            start=start,
            end=end,
            today=today,
            first_map=None,
            latest_map=None,
            screens=[],
            target_min=3,
            target_max=8,
            thresholds=services.program.thresholds,
            catalog=services.catalog,
            ladder=list(RUNGS),
        )
        assert summarize(sessions=tally, **common) == summarize(sessions=facts, **common)
    whole = reports.session_tally(*periods[0], minimums)
    assert counted[0] == 90 and counted[-1] == 0
    assert 0 < whole.complete < whole.sessions  # short sessions are in the journal
    assert whole.first_day is not None and whole.first_day > min(d.local_date for d in whole.days)


def test_the_tally_of_no_session(set_up_services: Services, clock) -> None:
    day = clock.now().date()
    tally = set_up_services.stores.reports.session_tally(
        day, day, dose_minimums(set_up_services.program)
    )
    assert tally == tally_sessions([])
    assert (tally.sessions, tally.complete, tally.first_day, tally.last_rung) == (0, 0, None, None)


def test_a_save_from_elsewhere_during_the_count_is_not_half_seen(
    set_up_services: Services, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window may delete or save while ``summary --json`` counts: the count's queries
    read one state of the journal, the one before (no crash, day and kind counts agree)."""
    services = set_up_services
    _record_a_mixed_journal(services, clock.now(), 1)
    reports = services.stores.reports
    path = services.data_dir / "journal.sqlite3"
    real = type(reports).sql
    calls: list[str] = []

    def sql(self, query, params=()):
        found = real(self, query, params)
        calls.append(query)
        if len(calls) == 1:
            rows = found.fetchall()
            with sqlite3.connect(path) as elsewhere:  # another process's connection
                elsewhere.execute(
                    "DELETE FROM exercise_session WHERE started_at = "
                    "(SELECT min(started_at) FROM exercise_session)"
                )
            return _Rows(rows)
        return found

    monkeypatch.setattr(type(reports), "sql", sql)
    today = clock.now().date()
    tally = reports.session_tally(
        today - dt.timedelta(days=60), today, dose_minimums(services.program)
    )
    assert len(calls) >= 3
    assert tally.sessions == sum(kind.sessions for kind in tally.kinds) == 90
    assert tally.first_day is not None


class _Rows(list):
    def fetchall(self) -> list:
        return list(self)
