"""The report's summary block as (label, value) lines, in the language spoken: the first
page of the PDF and the report dialog show them."""

from __future__ import annotations

from sciatica_journal.domain import language
from sciatica_journal.domain.language import N_, _, n_
from sciatica_journal.domain.rounding import PERCENT_PLACES
from sciatica_journal.domain.sessions import OUTCOME_LABELS, Outcome
from sciatica_journal.domain.summary import PainChange
from sciatica_journal.reports.current_exercise_line import current_exercise_text
from sciatica_journal.reports.period_words import mean_words, pain_words
from sciatica_journal.reports.red_flag_lines import red_flag_lines
from sciatica_journal.services.report_service import ReportData

# The summary's trend per leg (a machine value in ``summary --json``) in words.
TREND_WORDS = {
    "centralizing": N_("centralizing"),
    "peripheralizing": N_("peripheralizing"),
    "stable": N_("stable"),
}
FARTHEST = {"left": N_("Farthest point, left leg"), "right": N_("Farthest point, right leg")}


def num(v: float | None, places: int = 1) -> str:
    return "–" if v is None else language.decimal(v, places)


def level(data: ReportData, level: int | None) -> str:
    return _("none") if level is None else _(data.level_names.get(level, str(level)))


def summary_rows(data: ReportData) -> list[tuple[str, str]]:
    """The summary block as (label, value) lines; the report dialog shows them too."""
    s = data.summary

    def pain(label: str, p: PainChange) -> tuple[str, str]:
        return label, pain_words(p, s.days)

    best = _("none") if s.best_range is None else _(s.best_range.words)
    current = current_exercise_text(data)
    outcomes = " · ".join(
        f"{_outcome(Outcome(k))} {v}" for k, v in sorted(s.outcomes.items(), key=lambda kv: -kv[1])
    )
    flags = "\n".join(red_flag_lines(data)) or no_flags()
    adherence = (
        "–" if s.adherence_pct is None else f"{language.decimal(s.adherence_pct, PERCENT_PLACES)} %"
    )
    period = n_("{start} to {end} ({n} day)", "{start} to {end} ({n} days)", s.days)
    sessions = n_(
        "{total} on {n} active day; {mean} a day (target {low}–{high})",
        "{total} on {n} active days; {mean} a day (target {low}–{high})",
        s.days_active,
    )
    met = n_(
        "{met} of {n} day with ≥ {low} sessions ({adherence})",
        "{met} of {n} days with ≥ {low} sessions ({adherence})",
        s.days,
    )
    session_text = sessions.format(
        total=s.total,
        n=s.days_active,
        mean=mean_words(s.mean_per_day),
        low=s.target_min,
        high=s.target_max,
    )
    if s.incomplete:
        short = n_(
            "{n} incomplete session (ended before the dose's minimum) not counted",
            "{n} incomplete sessions (ended before the dose's minimum) not counted",
            s.incomplete,
        )
        session_text = f"{session_text}; {short.format(n=s.incomplete)}"
    rows = [
        (_("Period"), period.format(start=s.start.isoformat(), end=s.end.isoformat(), n=s.days)),
        (_("Sessions"), session_text),
        (
            _("Adherence"),
            met.format(met=s.days_meeting_target, n=s.days, low=s.target_min, adherence=adherence),
        ),
        (
            _("Current exercise"),
            _("{exercise}; best press-up with pelvis down: {best}").format(
                exercise=current, best=best
            ),
        ),
        pain(_("Back pain (0–10)"), s.back),
        pain(_("Leg pain (0–10)"), s.leg),
    ]
    for side in ("left", "right"):
        e = s.extent[side]
        trend = _(TREND_WORDS.get(e.trend, e.trend))
        rows.append(
            (
                _(FARTHEST[side]),
                f"{level(data, e.first)} → {level(data, e.latest)} ({trend})",
            )
        )
    rows += [
        (_("Radiation class (QTF)"), f"{s.radiation_first or '–'} → {s.radiation_latest or '–'}"),
        (_("Session outcomes"), outcomes or _("none")),
        (red_flags_label(), flags),
    ]
    return rows


def _outcome(outcome: Outcome) -> str:
    """ "symptoms gone": lower case in a list in English; German nouns keep their capitals."""
    label = _(OUTCOME_LABELS[outcome])
    return label.lower() if language.code() == language.ENGLISH else label


def red_flags_label() -> str:
    return _("Red flags")


def no_flags() -> str:
    return _("none reported")
