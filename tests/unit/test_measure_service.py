"""The weekly check through the services and the journal file: due, saved whole or not at
all, taken back, and baseline vs latest (the numbers of ``summary --json``'s ``measures``)."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json

import pytest

from sciatica_journal import cli
from sciatica_journal.domain.measure_results import Answer, AnswersError, activity_item
from sciatica_journal.services.clock import FixedClock
from sciatica_journal.services.container import Services
from sciatica_journal.storage.measure_store import DuplicateResponseError
from tests.conftest import NOW


def _sbi(*values: int) -> tuple[Answer, ...]:
    codes = ("sbi-leg-pain", "sbi-numbness", "sbi-weakness", "sbi-sitting")
    return tuple(Answer(c, v) for c, v in zip(codes, values, strict=True))


def _psfs(**ratings: int) -> tuple[Answer, ...]:
    return tuple(
        Answer(activity_item(i), v, name.replace("_", " "))
        for i, (name, v) in enumerate(ratings.items(), 1)
    )


def test_baseline_then_a_week_later_with_the_global_rating(services: Services, clock: FixedClock):
    weekly = services.weekly
    assert weekly.check().due == ("sbi", "psfs") and weekly.is_due()
    uuids = weekly.record({"sbi": _sbi(5, 3, 2, 6), "psfs": _psfs(Sitting=2, Walking=5)})
    assert len(uuids) == 2 and not weekly.is_due()
    assert weekly.activities() == ("Sitting", "Walking")
    saved = weekly.responses()
    assert [r.zone for r in saved] == ["Europe/Berlin"] * 2
    assert saved[0].local_date == dt.date(2026, 11, 24)
    assert saved[1].answers[0] == Answer("activity-1", 2, "Sitting")

    clock.moment = NOW + dt.timedelta(days=7)
    assert weekly.check().due == ("sbi", "psfs", "pgic")
    weekly.record(
        {
            "sbi": _sbi(1, 1, 1, 2),
            "psfs": _psfs(Sitting=6, Walking=6, Stairs=4),
            "pgic": (Answer("pgic-change", 2),),
        }
    )
    sbi, psfs, pgic = weekly.changes()
    assert (sbi.baseline, sbi.latest, sbi.change, sbi.important) == (16, 5, -11, True)
    assert (psfs.baseline, psfs.latest, psfs.change, psfs.important) == (3.5, 5.33, 1.83, False)
    assert [(a.name, a.change, a.important) for a in psfs.activities] == [
        ("Sitting", 4, True),
        ("Walking", 1, False),
        ("Stairs", None, None),
    ]
    assert (pgic.latest, pgic.important) == (2, True)
    json = {m["code"]: m for m in weekly.as_json()}
    assert json["sbi"]["baseline"] == 16 and json["sbi"]["reaches_important_change"] is True
    assert json["psfs"]["activities"][0] == {
        "name": "Sitting",
        "baseline": 2,
        "latest": 6,
        "change": 4,
        "reaches_important_change": True,
    }
    assert json["pgic"]["important_change"]["kind"] == "answer_at_most"
    assert weekly.scores("sbi") == [(dt.date(2026, 11, 24), 16), (dt.date(2026, 12, 1), 5)]
    # the period limits the responses: only the second week
    assert weekly.changes(start=dt.date(2026, 11, 30))[0].baseline == 5


def test_bad_answers_save_nothing(services: Services):
    with pytest.raises(AnswersError, match="sbi-sitting"):
        services.weekly.record({"psfs": _psfs(Sitting=2), "sbi": _sbi(5, 3, 2, 6)[:3]})
    with pytest.raises(AnswersError, match="not a measure"):
        services.weekly.record({"odi": (Answer("x", 1),)})
    with pytest.raises(AnswersError):
        services.weekly.record({})
    assert services.weekly.responses() == [] and services.weekly.is_due()


def test_psfs_activities_are_numbered_from_one_without_gaps(services: Services):
    gap = (Answer(activity_item(1), 3, "Sitting"), Answer(activity_item(3), 4, "Walking"))
    with pytest.raises(AnswersError, match="numbered activity-1 to activity-2"):
        services.weekly.record({"psfs": gap})
    with pytest.raises(AnswersError, match="numbered"):
        services.weekly.record({"psfs": (Answer("activity-x", 3, "Sitting"),)})
    assert services.weekly.responses() == []


def test_the_baseline_before_the_first_session_belongs_to_the_default_period(
    services: Services, clock: FixedClock
):
    """The check is due at first use, which may come days before the first session: with
    no start asked for, the report and summary --json keep it as the baseline."""
    from sciatica_journal.services.report_service import ReportOptions
    from tests.builders import new_session

    services.profiles.accept_disclaimer()
    services.profiles.save(services.profiles.default_profile())
    services.weekly.record({"sbi": _sbi(5, 5, 3, 5)}, at=NOW - dt.timedelta(days=9))
    services.weekly.record({"sbi": _sbi(2, 1, 0, 2)}, at=NOW - dt.timedelta(days=1))
    services.sessions.record(new_session(NOW - dt.timedelta(days=2)))
    sbi = services.reports.gather(ReportOptions()).measures[0]
    assert (sbi.baseline, sbi.latest) == (18, 5)
    # asked for a period, the period's own first check is the baseline
    start = (NOW - dt.timedelta(days=3)).date()
    assert services.reports.gather(ReportOptions(start=start)).measures[0].baseline == 5
    # summary --json tells the same
    services.close()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["--data-dir", str(services.data_dir), "summary", "--json"]) == 0
    sbi = json.loads(out.getvalue())["measures"][0]
    assert (sbi["responses"], sbi["baseline"], sbi["latest"]) == (2, 18, 5)


def test_a_check_is_taken_back_whole(services: Services):
    uuids = services.weekly.record({"sbi": _sbi(1, 2, 3, 4), "psfs": _psfs(Sitting=3)})
    services.weekly.forget(uuids)
    assert services.weekly.responses() == [] and services.weekly.check().baseline


def test_a_reused_uuid_is_refused(services: Services):
    services.weekly.record({"sbi": _sbi(1, 2, 3, 4)})
    again = services.weekly.responses()
    with pytest.raises(DuplicateResponseError):
        services.stores.measures.insert(again)
    assert len(services.weekly.responses()) == 1
