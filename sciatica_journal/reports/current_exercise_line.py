"""The report's current exercise (DESIGN §2.2 rule 10): the advice's rung at the end of the
period, with the step-down that led to it, e.g. "Lying propped on elbows (prone lying on elbows)
— stepped down from baby press-ups (partial prone press-up) on 1 Dec after symptoms spread
to the foot"."""

from __future__ import annotations

from sciatica_journal.domain.current_exercise import clinician_words
from sciatica_journal.domain.language import _
from sciatica_journal.services.report_service import ReportData


def current_exercise_text(data: ReportData) -> str:
    """The current exercise in the clinician's words (without the advice: the exercise of
    the last session, as the summary gives it)."""
    s = data.summary
    if s.current is not None:
        return clinician_words(s.current, data.catalog)
    return _(data.rung_names.get(s.current_rung or "", s.current_rung or _("none")))
