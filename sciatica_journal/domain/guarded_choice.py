"""Guarded choices (DESIGN §2.2 rule 10): which exercises the user may pick against the
advice only after a warning, and the warning's words.

Two choices are guarded: a rung higher up the ladder than the advised one, and a rung whose
last session made things worse (worse, spread further down the leg, or stopped for pain),
which the advice says to skip for now. The advised rung itself is never guarded, nor a
lower rung that went well."""

from __future__ import annotations

from collections.abc import Sequence

from sciatica_journal.domain import language
from sciatica_journal.domain.advice import Advice, SessionSummary, named
from sciatica_journal.domain.current_exercise import PATIENT_WHY, why_worse
from sciatica_journal.domain.language import _
from sciatica_journal.domain.program import Rung


def last_session_of(rung: Rung, history: Sequence[SessionSummary]) -> SessionSummary | None:
    """The newest session of ``rung`` that the rules weigh (``SessionSummary.counts``)."""
    return next((s for s in reversed(history) if s.rung == rung.slug and s.counts), None)


def choice_warning(
    advice: Advice, chosen_rung: Rung, history: Sequence[SessionSummary]
) -> str | None:
    """Why choosing ``chosen_rung`` goes against ``advice`` (worked out from ``history``,
    oldest first), or None when the choice needs no warning."""
    if chosen_rung.slug == advice.rung.slug:
        return None
    last = last_session_of(chosen_rung, history)
    if last is not None and not last.good:
        return _(
            "Last time, on {date}, {rung} made things worse ({why}). The advice is to skip "
            "it for now and do {advised} instead."
        ).format(
            date=language.day_and_month(last.local_date),
            rung=named(chosen_rung),
            why=_(PATIENT_WHY[why_worse(last)]),
            advised=named(advice.rung),
        )
    if chosen_rung.number > advice.rung.number:
        return _(
            "{rung} is higher up the ladder than the advised exercise, {advised}. Going up "
            "before you are ready can make your symptoms worse or spread them down the leg."
        ).format(rung=chosen_rung.name, advised=named(advice.rung))
    return None
