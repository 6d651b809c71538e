"""The weekly measures (issue 15): measures.toml is valid and complete in German, broken
data names its key, scores and changes worked by hand, and when a check is due. No Qt."""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from typing import Any

import pytest

from sciatica_journal.domain.measure_results import (
    Answer,
    AnswersError,
    MeasureResponse,
    activity_item,
    check_answers,
    measure_change,
    score,
    weekly_check,
)
from sciatica_journal.domain.measures import MeasuresError, MeasureSet, parse_measures
from sciatica_journal.domain.text_variants import (
    MEASURES_TEXTS,
    base_texts,
    overlay_texts,
    variant_problems,
)
from sciatica_journal.paths import resource_path
from sciatica_journal.services.measures_loader import load_measures
from sciatica_journal.services.program_loader import variant_path

UTC = dt.UTC


def _toml(name: str) -> dict[str, Any]:
    return tomllib.loads(resource_path(name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def measures() -> MeasureSet:
    return load_measures()


def _response(measure: str, day: int, *answers: Answer) -> MeasureResponse:
    when = dt.datetime(2026, 3, day, 9, 0, tzinfo=UTC)
    return MeasureResponse(f"u-{measure}-{day}", measure, when, "UTC", when.date(), answers)


def _sbi(day: int, *values: int) -> MeasureResponse:
    codes = ("sbi-leg-pain", "sbi-numbness", "sbi-weakness", "sbi-sitting")
    return _response("sbi", day, *(Answer(c, v) for c, v in zip(codes, values, strict=True)))


def _psfs(day: int, **ratings: int) -> MeasureResponse:
    return _response(
        "psfs",
        day,
        *(
            Answer(activity_item(i), v, n.replace("_", " "))
            for i, (n, v) in enumerate(ratings.items(), 1)
        ),
    )


# ---- the data --------------------------------------------------------------------------


def test_the_bundled_measures(measures: MeasureSet):
    assert [m.code for m in measures.measures] == ["sbi", "psfs", "pgic"]
    sbi, psfs, pgic = measures.measures
    assert len(sbi.items) == 4 and sbi.score_range == (0, 24)
    assert psfs.items == () and psfs.score_range == (0, 10) and psfs.max_activities >= 4
    assert pgic.score_range == (1, 7) and pgic.from_week == 2 and len(pgic.anchors) == 7
    assert measures.interval_days == 7
    for measure in measures.measures:
        assert measure.source and measure.important.source
        assert measure.validated_in("en") and not measure.validated_in("de")


def test_german_texts_are_complete_and_german():
    base = _toml("measures.toml")
    german = tomllib.loads(variant_path(resource_path("measures.toml"), "de").read_text("utf-8"))
    assert variant_problems(base, german, MEASURES_TEXTS) == []
    merged, _ = overlay_texts(base, german, MEASURES_TEXTS)
    english, translated = base_texts(base, MEASURES_TEXTS), base_texts(merged, MEASURES_TEXTS)
    assert [p for p in english if english[p] == translated[p]] == []
    de = load_measures(language="de")
    assert de.measure("sbi").item("sbi-leg-pain").text == "Beinschmerzen"
    assert de.measure("pgic").important.value == 2  # numbers stay those of measures.toml


def _broken(change) -> str:
    data = copy.deepcopy(_toml("measures.toml"))
    change(data)
    with pytest.raises(MeasuresError) as caught:
        parse_measures(data)
    return str(caught.value)


def test_broken_data_names_the_key():
    assert "'schema'" in _broken(lambda d: d.update(schema=2))
    assert "'weekly.interval_days'" in _broken(lambda d: d["weekly"].pop("interval_days"))
    assert "'measures[0].important.kind'" in _broken(
        lambda d: d["measures"][0]["important"].update(kind="big")
    )
    assert "'measures[1].max_activities'" in _broken(
        lambda d: d["measures"][1].pop("max_activities")
    )
    assert "'measures[2].anchors.9'" in _broken(
        lambda d: d["measures"][2]["anchors"].update({"9": "x"})
    )
    assert "'measures[0].high'" in _broken(lambda d: d["measures"][0].update(high=-1))
    assert "'items[0].text'" in _broken(lambda d: d["items"][0].update(text=" "))
    assert "'nope'" in _broken(
        lambda d: d["items"].append({"code": "x", "measure": "nope", "text": "t"})
    )
    assert "repeats the code 'sbi'" in _broken(lambda d: d["measures"].append(d["measures"][0]))
    assert "'measures[0].important.value'" in _broken(
        lambda d: d["measures"][0]["important"].update(value=30)
    )
    assert "measures.toml:" in _broken(lambda d: d.pop("measures"))


def test_a_broken_file_is_one_clear_error(tmp_path):
    bad = tmp_path / "measures.toml"
    bad.write_text("schema = 1\n[weekly\n", encoding="utf-8")
    with pytest.raises(MeasuresError, match=r"measures\.toml: not valid TOML"):
        load_measures(bad)


# ---- answers and scores (worked by hand) ------------------------------------------------


def test_scores(measures: MeasureSet):
    assert score(measures.measure("sbi"), _sbi(1, 5, 3, 2, 6)) == 16  # 5 + 3 + 2 + 6
    assert score(measures.measure("psfs"), _psfs(1, sitting=2, walking=5, bending=4)) == 3.67
    pgic = _response("pgic", 8, Answer("pgic-change", 2))
    assert score(measures.measure("pgic"), pgic) == 2


def test_answers_are_checked(measures: MeasureSet):
    sbi, psfs = measures.measure("sbi"), measures.measure("psfs")
    check_answers(sbi, _sbi(1, 0, 6, 3, 3).answers)
    with pytest.raises(AnswersError, match=r"outside 0\.\.6"):
        check_answers(sbi, _sbi(1, 7, 0, 0, 0).answers)
    with pytest.raises(AnswersError, match="lacks 'sbi-weakness'"):
        check_answers(sbi, _sbi(1, 1, 1, 1, 1).answers[:2] + _sbi(1, 1, 1, 1, 1).answers[3:])
    with pytest.raises(AnswersError, match="named twice"):
        check_answers(
            psfs, (Answer("activity-1", 3, "Sitting"), Answer("activity-2", 4, "sitting"))
        )
    with pytest.raises(AnswersError, match="1 to 5 activities"):
        check_answers(psfs, ())
    with pytest.raises(AnswersError, match="named activity"):
        check_answers(psfs, (Answer("activity-1", 3, " "),))


# ---- baseline vs latest against the published important change --------------------------


def test_sbi_reaches_the_success_cut_off_only_from_above(measures: MeasureSet):
    sbi = measures.measure("sbi")
    # baseline 16, latest 2 + 1 + 1 + 2 = 6 <= 6.5: reached; change 6 - 16 = -10
    change = measure_change(sbi, [_sbi(1, 5, 3, 2, 6), _sbi(15, 2, 1, 1, 2), _sbi(8, 4, 3, 2, 5)])
    assert (change.baseline, change.latest, change.change, change.important) == (16, 6, -10, True)
    assert change.responses == 3 and change.latest_date == dt.date(2026, 3, 15)
    # 16 -> 7: still above the cut-off
    assert measure_change(sbi, [_sbi(1, 5, 3, 2, 6), _sbi(8, 2, 2, 1, 2)]).important is False
    # a baseline alone: no change, not known
    only = measure_change(sbi, [_sbi(1, 5, 3, 2, 6)])
    assert (only.change, only.important) == (None, None)
    assert measure_change(sbi, []).responses == 0


def test_psfs_mean_and_each_activity_by_name(measures: MeasureSet):
    psfs = measures.measure("psfs")
    first = _psfs(1, Sitting_through_a_meal=2, Walking=5, Bending=4)  # mean 3.67
    # a week later: sitting 6 (+4, >= 3), walking 6 (+1), bending 5 (+1), tying shoes new
    last = _psfs(8, sitting_through_a_meal=6, Walking=6, Bending=5, Tying_shoes=3)  # mean 5.0
    change = measure_change(psfs, [first, last])
    assert (change.baseline, change.latest, change.change) == (3.67, 5.0, 1.33)
    assert change.important is False  # 1.33 < 2
    by_name = {a.name: a for a in change.activities}
    assert by_name["sitting through a meal"].change == 4
    assert by_name["sitting through a meal"].important is True  # 4 >= 3
    assert by_name["Walking"].important is False
    assert (by_name["Tying shoes"].baseline, by_name["Tying shoes"].change) == (None, None)
    better = measure_change(psfs, [first, _psfs(8, Sitting_through_a_meal=7, Walking=6, Bending=6)])
    assert (better.change, better.important) == (2.66, True)  # 6.33 - 3.67 >= 2


def test_pgic_much_better_or_better_is_important(measures: MeasureSet):
    pgic = measures.measure("pgic")
    rating = [
        _response("pgic", 8, Answer("pgic-change", 3)),
        _response("pgic", 15, Answer("pgic-change", 2)),
    ]
    change = measure_change(pgic, rating)
    assert (change.baseline, change.latest, change.change, change.important) == (3, 2, None, True)
    assert measure_change(pgic, rating[:1]).important is False  # "a little better"


# ---- when the check is due --------------------------------------------------------------


def test_baseline_then_weekly_and_pgic_from_the_second_week(measures: MeasureSet):
    day = dt.date(2026, 3, 1)
    first = weekly_check(measures, [], day)
    assert (first.due, first.baseline) == (("sbi", "psfs"), True)
    assert weekly_check(measures, [day], day).due == ()
    six = weekly_check(measures, [day], day + dt.timedelta(days=6))
    assert (six.due, six.next_due) == ((), day + dt.timedelta(days=7))
    week = weekly_check(measures, [day], day + dt.timedelta(days=7))
    assert (week.due, week.baseline) == (("sbi", "psfs", "pgic"), False)
    late = weekly_check(measures, [day, day + dt.timedelta(days=9)], day + dt.timedelta(days=15))
    assert late.due == ()
    assert weekly_check(
        measures, [day, day + dt.timedelta(days=9)], day + dt.timedelta(days=16)
    ).due
