"""Honest doses where the patient and the physician read them (issue 13.7): an incomplete
session is shown as such on Today, in the wizard's result and in the PDF's table by day,
and the counts say it is not counted."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from pypdf import PdfReader
from PySide6.QtWidgets import QLabel, QTableWidget

from sciatica_journal.gui.today_page import TodayPage
from sciatica_journal.gui.wizard_result import session_summary
from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from sciatica_journal.reports.pdf_report import write_report
from sciatica_journal.services.report_service import ReportOptions
from tests.builders import new_session
from tests.conftest import NOW
from tests.gui.conftest import find


def _record(services, hours_ago: float, **kwargs):
    return services.sessions.record(new_session(NOW - dt.timedelta(hours=hours_ago), **kwargs))


def test_today_shows_an_incomplete_session_and_does_not_count_it(qtbot, set_up_services):
    _record(set_up_services, 5, planned=10)
    _record(set_up_services, 4, reps=3, planned=10)
    _record(set_up_services, 3, rung="prone-lying", reps=None, hold=3, planned=180)
    page = TodayPage(set_up_services.sessions, set_up_services.red_flags, set_up_services.frequency)
    qtbot.addWidget(page)
    page.show()
    assert find(page, "Sessions today", QLabel).text() == "1 of 5–8 today"
    assert (
        find(page, "Daily target status", QLabel)
        .text()
        .endswith("2 incomplete sessions (ended before the dose's minimum) are not counted.")
    )
    table = find(page, "Today's sessions", QTableWidget)
    assert [table.item(r, 2).text() for r in range(3)] == [
        "10 of 10 reps",
        "3 of 10 reps, incomplete",
        "0:03 of 3:00, incomplete",
    ]


def test_the_wizard_result_says_an_incomplete_session_does_not_count(set_up_services):
    program = set_up_services.program
    short = new_session(NOW - dt.timedelta(hours=1), reps=3, planned=10)
    text = session_summary(short, program.rung("baby-press-up"))
    assert text.startswith("Baby press-ups: 3 of 10 reps, incomplete.")
    assert "does not count towards today's sessions or towards stepping up" in text
    hold = new_session(
        NOW - dt.timedelta(hours=1), rung="prone-lying", reps=None, hold=3, planned=180
    )
    assert session_summary(hold, program.rung("prone-lying")).startswith(
        "Lying face down: 0:03 of 3:00, incomplete."
    )
    stopped = new_session(NOW - dt.timedelta(hours=1), reps=2, planned=10, stopped=True)
    text = session_summary(stopped, program.rung("baby-press-up"))
    assert text.startswith("Baby press-ups: 2 of 10 reps, stopped because it hurt.")
    assert "does not count" not in text


def test_the_pdf_lists_incomplete_sessions_under_their_day(qapp, set_up_services, tmp_path):
    s = set_up_services
    for hours in (6, 5, 4, 3, 2):
        _record(s, hours, planned=10)
    _record(s, 1, reps=3, planned=10)
    target = tmp_path / "report.pdf"
    write_report(s.reports.gather(ReportOptions()), BodyMapDrawing(s.catalog), target)
    raw = "\n".join(page.extract_text() for page in PdfReader(str(target)).pages)
    flat = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", raw))
    assert "5 on 1 active day" in flat
    assert "1 incomplete session (ended before the dose's minimum) not counted" in flat
    assert (
        "not counted: 14:00 Baby press-ups (partial prone press-up): 3 of 10 reps, incomplete"
        in flat
    )
    assert "A session counts when it reached its dose's minimum" in flat
