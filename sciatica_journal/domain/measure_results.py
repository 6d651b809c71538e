"""The answers to the weekly measures, their scores, when a check is due, and the change
from the baseline against the published important change (issue 15).

- ``MeasureResponse``: one measure answered once (a QuestionnaireResponse in FHIR terms):
  its UUID, when (a UTC instant, the IANA zone, the local date), and its ``Answer``s.
- ``Answer``: one item's value; ``item`` is the item's code (``sbi-leg-pain``), or for the
  Patient-Specific Functional Scale ``activity-1``, ``activity-2``, ... with the
  activity's name in ``activity`` (activities are matched from week to week by name).
- ``weekly_check``: which measures are due today.
- ``measure_change``: baseline vs latest of one measure, with the PSFS activities by name.

Pure Python; the wording of the result is the callers' (message ids, no English here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sciatica_journal.domain.measures import (
    Better,
    ImportantKind,
    Measure,
    MeasureSet,
    Scoring,
)
from sciatica_journal.domain.rounding import mean as round_mean

ACTIVITY_PREFIX = "activity-"
MAX_ACTIVITY_NAME = 200


class AnswersError(ValueError):
    """The answers do not fit the measure (the message names the item)."""


@dataclass(frozen=True)
class Answer:
    """The answer to one item of a measure."""

    item: str  # the item's code; PSFS: "activity-<n>"
    value: int
    activity: str | None = None  # PSFS: the activity as the user named it


@dataclass(frozen=True)
class MeasureResponse:
    """One measure answered at one time."""

    uuid: str
    measure: str  # the measure's code
    answered_at: dt.datetime  # UTC
    zone: str  # IANA zone
    local_date: dt.date
    answers: tuple[Answer, ...]


def activity_item(position: int) -> str:
    """The item code of the ``position``-th (from 1) named activity."""
    return f"{ACTIVITY_PREFIX}{position}"


def check_answers(measure: Measure, answers: Sequence[Answer]) -> None:
    """Raise ``AnswersError`` unless ``answers`` answer ``measure`` completely and in range."""
    seen: set[str] = set()
    names: set[str] = set()
    for answer in answers:
        if answer.item in seen:
            raise AnswersError(f"{measure.code}: the item {answer.item!r} is answered twice")
        seen.add(answer.item)
        if isinstance(answer.value, bool) or not isinstance(answer.value, int):
            raise AnswersError(f"{measure.code}: {answer.item!r} must be a whole number")
        if not measure.low <= answer.value <= measure.high:
            raise AnswersError(
                f"{measure.code}: {answer.item!r} = {answer.value} is outside "
                f"{measure.low}..{measure.high}"
            )
        if measure.names_activities:
            name = (answer.activity or "").strip()
            if not answer.item.startswith(ACTIVITY_PREFIX) or not name:
                raise AnswersError(f"{measure.code}: {answer.item!r} must be a named activity")
            if len(name) > MAX_ACTIVITY_NAME:
                raise AnswersError(f"{measure.code}: the activity {answer.item!r} is too long")
            if name.casefold() in names:
                raise AnswersError(f"{measure.code}: the activity {name!r} is named twice")
            names.add(name.casefold())
        elif answer.activity is not None:
            raise AnswersError(f"{measure.code}: {answer.item!r} is not an activity")
    if measure.names_activities:
        if not 1 <= len(answers) <= measure.max_activities:
            raise AnswersError(
                f"{measure.code}: name 1 to {measure.max_activities} activities, not {len(answers)}"
            )
        if seen != {activity_item(n) for n in range(1, len(answers) + 1)}:
            raise AnswersError(
                f"{measure.code}: the activities must be numbered "
                f"{activity_item(1)} to {activity_item(len(answers))}"
            )
        return
    expected = {item.code for item in measure.items}
    if seen != expected:
        missing = sorted(expected - seen)
        unknown = sorted(seen - expected)
        what = f"lacks {missing[0]!r}" if missing else f"has the unknown item {unknown[0]!r}"
        raise AnswersError(f"{measure.code}: the answers {what}")


def score(measure: Measure, response: MeasureResponse) -> float:
    """The response's score: SBI the sum (0-24), PSFS the mean (0-10), PGIC the answer."""
    values = [a.value for a in response.answers]
    if not values:
        raise AnswersError(f"{measure.code}: a response without answers has no score")
    if measure.scoring is Scoring.SUM:
        return float(sum(values))
    if measure.scoring is Scoring.MEAN:
        return round_mean(sum(values) / len(values))
    return float(values[0])


# ---- when the weekly check is due ----------------------------------------------------


@dataclass(frozen=True)
class WeeklyCheck:
    """Which measures are due today, and when the next check is."""

    due: tuple[str, ...]  # the codes of the measures due today (empty: nothing due)
    baseline: bool  # the first check ever
    next_due: dt.date  # today when due, else the day the next check is due


def weekly_check(
    measures: MeasureSet, answered_on: Sequence[dt.date], today: dt.date
) -> WeeklyCheck:
    """Which measures are due ``today``, given the local dates of the answers so far.

    The first check (the baseline) asks every measure of the first week; after that a
    check is due ``interval_days`` after the last one, and a measure from week ``n`` is
    asked once ``(n - 1) * interval_days`` have passed since the baseline (PGIC: from the
    second week)."""
    if not answered_on:
        due = tuple(m.code for m in measures.measures if m.from_week == 1)
        return WeeklyCheck(due=due, baseline=True, next_due=today)
    first, last = min(answered_on), max(answered_on)
    next_due = last + dt.timedelta(days=measures.interval_days)
    if today < next_due:
        return WeeklyCheck(due=(), baseline=False, next_due=next_due)
    since = (today - first).days
    due = tuple(
        m.code for m in measures.measures if since >= (m.from_week - 1) * measures.interval_days
    )
    return WeeklyCheck(due=due, baseline=False, next_due=today)


# ---- baseline vs latest -----------------------------------------------------------------


@dataclass(frozen=True)
class ActivityChange:
    """One PSFS activity's rating, at the baseline and at the latest check."""

    name: str  # as the user named it the last time
    baseline: int | None  # its first rating (None: not rated then)
    latest: int | None  # its latest rating (None: not rated at the latest check)
    change: int | None  # latest - baseline
    important: bool | None  # the change reaches the activity's important change


@dataclass(frozen=True)
class MeasureChange:
    """A measure's score at the baseline and at the latest check."""

    measure: str
    baseline: float | None  # the first score (None: never answered)
    latest: float | None  # the latest score
    baseline_date: dt.date | None
    latest_date: dt.date | None
    responses: int
    change: float | None  # latest - baseline (None for a single global rating)
    important: bool | None  # reaches the published important change (None: not known yet)
    activities: tuple[ActivityChange, ...] = ()


def _improvement(measure: Measure, change: float) -> float:
    return -change if measure.better is Better.LOWER else change


def _activities(
    measure: Measure, first: MeasureResponse, last: MeasureResponse
) -> tuple[ActivityChange, ...]:
    before = {(a.activity or "").casefold(): a.value for a in first.answers}
    names: dict[str, str] = {}
    latest: dict[str, int] = {}
    for answer in last.answers:
        key = (answer.activity or "").casefold()
        names[key], latest[key] = answer.activity or "", answer.value
    for answer in first.answers:
        names.setdefault((answer.activity or "").casefold(), answer.activity or "")
    threshold = measure.important.activity_value
    found = []
    for key, name in names.items():
        was, now = before.get(key), latest.get(key)
        change = None if was is None or now is None or first is last else now - was
        important = (
            None
            if change is None or threshold is None
            else _improvement(measure, change) >= threshold
        )
        found.append(ActivityChange(name, was, now, change, important))
    return tuple(found)


def measure_change(measure: Measure, responses: Sequence[MeasureResponse]) -> MeasureChange:
    """Baseline (the first response) vs the latest of ``measure``, and whether the change
    reaches the published important change (``Measure.important``)."""
    mine = sorted((r for r in responses if r.measure == measure.code), key=lambda r: r.answered_at)
    if not mine:
        return MeasureChange(measure.code, None, None, None, None, 0, None, None)
    first, last = mine[0], mine[-1]
    baseline, latest = score(measure, first), score(measure, last)
    later = len(mine) > 1
    important = measure.important
    change: float | None = None
    if measure.scoring is not Scoring.SINGLE:
        change = round_mean(latest - baseline) if later else None
    reached: bool | None = None
    if important.kind is ImportantKind.ANSWER_AT_MOST:
        reached = latest <= important.value
    elif later and important.kind is ImportantKind.CHANGE:
        reached = _improvement(measure, latest - baseline) >= important.value
    elif later and important.kind is ImportantKind.SCORE_AT_MOST:
        reached = latest <= important.value < baseline
    return MeasureChange(
        measure=measure.code,
        baseline=baseline,
        latest=latest,
        baseline_date=first.local_date,
        latest_date=last.local_date,
        responses=len(mine),
        change=change,
        important=reached,
        activities=_activities(measure, first, last) if measure.names_activities else (),
    )
