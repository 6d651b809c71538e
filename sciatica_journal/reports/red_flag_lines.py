"""The report's red flags: each screening of the period with a "yes", with its date and
time, the result and every question answered "yes" in words (DESIGN §4)."""

from __future__ import annotations

from sciatica_journal.domain.language import _, n_
from sciatica_journal.domain.red_flags import ScreenResult
from sciatica_journal.domain.screening_words import REPORT_RESULTS, report_line
from sciatica_journal.domain.summary import ScreenFacts
from sciatica_journal.services.report_service import ReportData

MOST_LINES = 10  # screenings listed; beyond them the urgent ones and the latest are kept


def _listed(flags: list[ScreenFacts]) -> list[ScreenFacts]:
    """At most ``MOST_LINES`` of them, oldest first: every urgent one first, then the
    latest others (a "yes" to the general question may come every day)."""
    if len(flags) <= MOST_LINES:
        return flags
    order = sorted(
        range(len(flags)),
        key=lambda i: (flags[i].result is not ScreenResult.URGENT, -i),
    )
    return [flags[i] for i in sorted(order[:MOST_LINES])]


def red_flag_lines(data: ReportData) -> list[str]:
    """One line a screening with a "yes" in the period, then how many were answered "no"
    throughout; empty when there was no screening."""
    flags = data.summary.red_flags
    listed = _listed(flags)
    lines = []
    for flag in listed:
        if flag.at is None:  # not known (never so for a journal's own screenings)
            lines.append(f"{flag.local_date.isoformat()}: {_(REPORT_RESULTS[flag.result])}")
        else:
            lines.append(report_line(flag.at, flag.result, flag.yes, data.red_flag_questions))
    left_out = len(flags) - len(listed)
    if left_out:
        lines.append(
            n_(
                "and {n} more screening with a “yes” in the period (see summary --json)",
                "and {n} more screenings with a “yes” in the period (see summary --json)",
                left_out,
            ).format(n=left_out)
        )
    clear = len(data.summary.screenings) - len(flags)
    if clear > 0:  # asked and answered "no" throughout: counted, not listed
        lines.append(
            n_(
                "{n} screening in the period answered “no” to every question",
                "{n} screenings in the period answered “no” to every question",
                clear,
            ).format(n=clear)
        )
    return lines
