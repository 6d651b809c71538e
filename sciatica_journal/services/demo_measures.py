"""The demo journal's weekly checks: a baseline on the first day and one every week after,
improving with the course of the demo (services/demo_journal.py).

Every measure of ``measures.toml`` due on the day is answered, as the window's weekly check
would ask it: the SBI items fall, the PSFS activities named at the baseline are rated higher
each week, and the PGIC (from the second week) moves from "no change" to "much better"."""

from __future__ import annotations

import datetime as dt

from sciatica_journal.domain.language import N_, _
from sciatica_journal.domain.measure_results import Answer, activity_item, weekly_check
from sciatica_journal.domain.measures import Measure
from sciatica_journal.services.measure_service import MeasureService

# The demo user's own activities (the PSFS lets them name their own: these are examples,
# named in the app's language).
DEMO_ACTIVITIES = (N_("Sitting through a meal"), N_("Putting on socks"), N_("Walking to the shops"))
# Per weekly check (baseline first): the SBI items' answers, the PSFS ratings, the PGIC.
_SBI = ((5, 4, 2, 5), (5, 4, 2, 4), (4, 3, 1, 4), (4, 3, 1, 3), (3, 2, 1, 3), (3, 2, 1, 2),
        (2, 1, 0, 2), (2, 1, 0, 1))  # fmt: skip
_PSFS = ((2, 3, 4), (3, 3, 4), (3, 4, 5), (4, 5, 5), (5, 5, 6), (5, 6, 7), (6, 7, 7),
         (7, 7, 8))  # fmt: skip
_PGIC = (4, 4, 3, 3, 3, 2, 2, 2)
_CHECK_TIME = dt.time(20, 15)  # in the evening, after the day's sessions


def _answers(measure: Measure, week: int) -> tuple[Answer, ...]:
    if measure.code == "sbi":
        return tuple(Answer(i.code, v) for i, v in zip(measure.items, _SBI[week], strict=True))
    if measure.code == "psfs":
        return tuple(
            Answer(activity_item(n), value, _(name))
            for n, (name, value) in enumerate(zip(DEMO_ACTIVITIES, _PSFS[week], strict=True), 1)
        )
    return (Answer(measure.items[0].code, _PGIC[week]),)


def evening_past(day: dt.date, tz: dt.tzinfo, now: dt.datetime) -> bool:
    """Whether a weekly check on ``day`` would be past at ``now``."""
    return _check_at(day, tz) <= now


def _check_at(day: dt.date, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime.combine(day, _CHECK_TIME, tz).astimezone(dt.UTC)


def add_demo_checks(
    weekly: MeasureService, first_day: dt.date, days: int, tz: dt.tzinfo, now: dt.datetime
) -> int:
    """Answer the weekly checks due on the demo's days (up to the last one past); returns
    how many checks were saved."""
    answered: list[dt.date] = []
    for offset in range(0, days, weekly.measures.interval_days):
        week = min(len(answered), len(_SBI) - 1)
        day = first_day + dt.timedelta(days=offset)
        at = _check_at(day, tz)
        if at > now:
            break
        due = weekly_check(weekly.measures, answered, day).due
        measures = [weekly.measures.measure(code) for code in due]
        weekly.record({m.code: _answers(m, week) for m in measures}, at=at)
        answered.append(day)
    return len(answered)
