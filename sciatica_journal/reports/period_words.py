"""How the report words a period's pain (issue 14 point 6): the first week against the last
only when they are two weeks apart, the sessions spanning at least
``WEEKS_COMPARED_FROM_DAYS`` (14) days; otherwise it says what there is, the mean before the
sessions over the period, e.g. "over 1 day: mean 3.00 before the sessions (first and last
week are compared from 14 days)", or, in a longer period whose sessions are all on one day,
"over 30 days: mean 3.00 before the sessions, all on 1 day (...)". Every number with the
rounding of ``domain.rounding``."""

from __future__ import annotations

from sciatica_journal.domain import language
from sciatica_journal.domain.language import _, n_
from sciatica_journal.domain.rounding import MEAN_PLACES
from sciatica_journal.domain.summary import WEEKS_COMPARED_FROM_DAYS, PainChange


def mean_words(value: float | None) -> str:
    """A mean as the report prints it: "3.00" / "3,00"; "–" for none."""
    return "–" if value is None else language.decimal(value, MEAN_PLACES)


def signed_words(value: float) -> str:
    """A change as the report prints it: "+0.50" / "−1,25"."""
    return ("+" if value >= 0 else "-") + language.decimal(abs(value), MEAN_PLACES)


def pain_words(p: PainChange, days: int) -> str:
    """One pain line of the summary (back or leg) for a period of ``days`` days."""
    if p.period_mean is None:
        return _("no sessions")
    mean = mean_words(p.period_mean)
    weeks = WEEKS_COMPARED_FROM_DAYS
    if p.change is None and days < weeks:
        text = n_(
            "over {n} day: mean {mean} before the sessions (first and last week are "
            "compared from {weeks} days)",
            "over {n} days: mean {mean} before the sessions (first and last week are "
            "compared from {weeks} days)",
            days,
        )
        return text.format(n=days, mean=mean, weeks=weeks)
    if p.change is None:  # 14 days or more (always "days"); the sessions closer together
        span = p.span_days or 1
        text = n_(
            "over {days} days: mean {mean} before the sessions, all on {n} day (first and "
            "last week are compared when the sessions span {weeks} days)",
            "over {days} days: mean {mean} before the sessions, all within {n} days (first "
            "and last week are compared when the sessions span {weeks} days)",
            span,
        )
        return text.format(days=days, mean=mean, n=span, weeks=weeks)
    if p.clinically_important:
        text = _("first week {first} → last week {last} (change {change}; clinically important)")
    else:
        text = _(
            "first week {first} → last week {last} (change {change}; not clinically important)"
        )
    return text.format(
        first=mean_words(p.first_week_mean),
        last=mean_words(p.last_week_mean),
        change=signed_words(p.change),
    )
