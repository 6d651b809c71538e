"""A red-flag screening in words (DESIGN §2.3, §4): its result, why it was asked and every
question answered "yes", for the Journal and the report. The questions' words come from
the programme (``RedFlagQuestion.words``); a code the programme does not know (an older
or newer journal) is shown as it is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sciatica_journal.domain.language import N_, _, clock_time, medium_date
from sciatica_journal.domain.red_flags import RecordedScreen, RedFlagQuestion, ScreenResult, Trigger

# For the patient (the Journal).
JOURNAL_RESULTS = {
    ScreenResult.URGENT: N_("Urgent: emergency care advised"),
    ScreenResult.CONTACT_DOCTOR: N_("Contact your doctor promptly"),
    ScreenResult.CLEAR: N_("All answered “no”"),
}
ASKED_BECAUSE = {
    Trigger.DAILY: N_("asked before the day's first session"),
    Trigger.SADDLE: N_("asked because the area between the legs was marked"),
    Trigger.BOTH_LEGS: N_("asked because both legs were marked"),
}
# For the clinician (the report).
REPORT_RESULTS = {
    ScreenResult.URGENT: N_("urgent (emergency care advised)"),
    ScreenResult.CONTACT_DOCTOR: N_("contact the doctor promptly"),
    ScreenResult.CLEAR: N_("all answered “no”"),
}


def yes_words(yes: Sequence[str], questions: Sequence[RedFlagQuestion]) -> str:
    """E.g. '“New difficulty passing urine”, “New symptoms in both legs”'."""
    words = {q.code: q.words for q in questions}
    return _(", ").join(_("“{question}”").format(question=words.get(code, code)) for code in yes)


def journal_summary(screen: RecordedScreen, questions: Sequence[RedFlagQuestion]) -> str:
    """The Journal's summary of a screening, e.g. 'Urgent: emergency care advised — yes to
    “New loss of bladder or bowel control” · asked before the day's first session'."""
    result = _(JOURNAL_RESULTS[screen.result])
    if screen.yes:
        result = _("{result} — yes to {questions}").format(
            result=result, questions=yes_words(screen.yes, questions)
        )
    return f"{result} · {_(ASKED_BECAUSE[screen.trigger])}"


def report_line(
    at: dt.datetime, result: ScreenResult, yes: Sequence[str], questions: Sequence[RedFlagQuestion]
) -> str:
    """One screening in the report, e.g. 'Tue 1 Dec 2026, 14:05 — urgent (emergency care
    advised): yes to “Numbness or a changed feeling in the saddle area”'. ``at``: the local
    time it was answered."""
    line = _("{date}, {time} — {result}").format(
        date=medium_date(at.date()), time=clock_time(at), result=_(REPORT_RESULTS[result])
    )
    if yes:
        line = _("{screening}: yes to {questions}").format(
            screening=line, questions=yes_words(yes, questions)
        )
    return line
