"""The report for the physician, not for the patient (issue 14 point 6), read back with
pypdf: short periods fit on two pages, the table by day names the exercises and marks the
days that went badly, the weeks are compared only from 14 days, "About this report" defines
the numbers for the clinician and does not repeat the patient's disclaimer."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from pypdf import PdfReader

from sciatica_journal.domain.red_flags import Trigger
from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from sciatica_journal.reports.pdf_report import write_report
from sciatica_journal.services.demo_journal import generate_demo
from sciatica_journal.services.report_service import ReportOptions
from tests.builders import new_session, symptom_map
from tests.conftest import NOW


def _pages(services, tmp_path: Path, **options) -> list[str]:
    target = tmp_path / "report.pdf"
    data = services.reports.gather(ReportOptions(**options))
    pages = write_report(data, BodyMapDrawing(services.catalog), target)
    texts = [
        re.sub(r"\s+", " ", unicodedata.normalize("NFKC", page.extract_text()))
        for page in PdfReader(str(target)).pages
    ]
    assert len(texts) == pages
    return texts


def _days(services, days: int, per_day: int = 5) -> None:
    for k in range(days):
        for h in range(per_day):
            services.sessions.record(
                new_session(NOW - dt.timedelta(days=k, hours=8 - h), before=(4, 5))
            )


def _flag(services, at: dt.datetime, code: str) -> None:
    answers = {q.code: q.code == code for q in services.red_flags.questions}
    services.red_flags.record_screening(answers, Trigger.DAILY, at=at)


def test_a_one_day_report_fits_on_two_pages(qapp, set_up_services, tmp_path):
    s = set_up_services
    _days(s, 1)
    s.sessions.record(new_session(NOW - dt.timedelta(hours=1), reps=2))  # incomplete
    day = NOW.date()
    pages = _pages(s, tmp_path, start=day, end=day, include_notes=True, include_identity=True)
    assert len(pages) <= 2
    for section in ("Responses observed with each exercise", "Day by day", "About this report"):
        assert section in pages[-1], section


def test_the_56_day_demo_takes_five_pages(qapp, services, tmp_path):
    generate_demo(services)
    assert services.summaries.summary().days == 56
    pages = _pages(services, tmp_path, include_notes=True)
    # summary and maps; responses and charts; the weekly measures and the table by day; its
    # rest; the notes and "About this report" (the demo has no notes)
    assert len(pages) == 5
    assert "Measures (weekly checks)" in pages[2] and "Day by day" in pages[2]
    assert "Day by day (continued)" in pages[3] and "About this report" in pages[4]


def test_the_table_names_the_exercises_and_marks_the_bad_days(qapp, set_up_services, tmp_path):
    s = set_up_services
    worse_day, stopped_day, flag_day, quiet_day = (
        (NOW - dt.timedelta(days=k)).date() for k in (3, 2, 1, 0)
    )

    def at(day: dt.date, hour: int) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour), tzinfo=dt.UTC)

    s.sessions.record(new_session(at(worse_day, 8), rung="prone-prop", reps=None, hold=180))
    s.sessions.record(new_session(at(worse_day, 9), before=(3, 3), after=(6, 6)))  # worse
    s.sessions.record(new_session(at(stopped_day, 8), reps=3, stopped=True, after=(7, 7)))
    s.sessions.record(
        new_session(
            at(flag_day, 8),
            map_before=symptom_map("thigh-back-right"),
            map_after=symptom_map("calf-right"),
        )
    )  # spread further down
    _flag(s, at(flag_day, 7), "general-illness")  # contact the doctor
    s.sessions.record(new_session(at(quiet_day, 8)))
    text = " ".join(_pages(s, tmp_path, start=worse_day, end=quiet_day))
    text = text[text.index("Day by day") :]
    assert "Marks: ▲ a session worse (pain up)" in text
    assert "✕ a session stopped for pain" in text
    assert "⚠ red flag: a screening answered urgent or see the doctor" in text
    assert "Exercise: 2 Lying propped on elbows" in text and "3 Baby press-ups" in text

    def row(day: dt.date) -> str:
        found = re.search(rf"\w+ {day.isoformat()} (.*?)(?=\w+ \d{{4}}-\d\d-\d\d|About)", text)
        assert found, day
        return found.group(1)

    assert row(worse_day).startswith("2, 3 2 ") and row(worse_day).rstrip().endswith("▲")
    assert row(stopped_day).startswith("3 1 ") and row(stopped_day).rstrip().endswith("✕")
    assert row(flag_day).rstrip().endswith("↓ ⚠")
    assert not re.search("[▲↓✕⚠]", row(quiet_day))


def test_the_weeks_are_compared_from_14_days(qapp, set_up_services, tmp_path):
    s = set_up_services
    _days(s, 14, per_day=1)
    end = NOW.date()
    long = " ".join(_pages(s, tmp_path, start=end - dt.timedelta(days=13), end=end))
    assert "first week 4.00 → last week 4.00 (change +0.00; not clinically important)" in long
    short = " ".join(_pages(s, tmp_path, start=end - dt.timedelta(days=12), end=end))
    assert "first week" not in short.split("About this report")[0]
    assert (
        "Back pain (0–10) over 13 days: mean 4.00 before the sessions "
        "(first and last week are compared from 14 days)"
    ) in short
    one = " ".join(_pages(s, tmp_path, start=end, end=end))
    assert "Leg pain (0–10) over 1 day: mean 5.00 before the sessions" in one


def test_about_this_report_is_for_the_clinician(qapp, set_up_services, tmp_path):
    s = set_up_services
    _days(s, 1)
    text = " ".join(_pages(s, tmp_path))
    about = text[text.index("About this report") :]
    for definition in (
        "Everything here is patient-reported",
        "Mean per day: counted sessions ÷ calendar days in the period",
        "Days with at least 5 counted sessions (the patient's target minimum) ÷ days in the "
        "period × 100",
        "clinically important at ≥ 2 points or ≥ 30 % of the first-week mean",
        "The Quebec Task Force classification of the farthest point the symptoms reach",
        "1 = back and buttock only (low back, buttock); 2 = not below the knee (thigh, knee); "
        "3 = below the knee (lower leg, ankle, foot, toes)",
        "worse (back or leg pain up by ≥ 2 points, or stopped for pain)",
        "Means and changes are given to 2 decimals, percentages to 1 decimal",
    ):
        assert definition in about, definition
    disclaimer = re.sub(r"\s+", " ", s.program.disclaimer_text)
    assert disclaimer[:60] not in text
