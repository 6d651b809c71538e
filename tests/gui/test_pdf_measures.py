"""The PDF's "Measures" block (issue 15 point 2), read back with pypdf: baseline vs latest
of each weekly measure with their dates, the change, whether it reaches the published
important change (its source in a footnote line), each PSFS activity by name; the same
numbers as ``summary --json``'s ``measures``; one line when the period has no check; in
German, the line that the wording is not a validated version."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from sciatica_journal.domain.measure_results import Answer, activity_item
from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from sciatica_journal.reports.pdf_report import write_report
from sciatica_journal.services import languages
from sciatica_journal.services.report_service import ReportOptions
from tests.conftest import NOW

START = NOW.date() - dt.timedelta(days=20)


def record_checks(services) -> None:
    """A baseline, a week later and two weeks later (PGIC from the second week)."""
    weekly = services.weekly
    items = [i.code for i in weekly.measures.measure("sbi").items]
    checks = [
        (14, (5, 4, 3, 4), ((2, "Sitting through a meal"), (5, "Walking to the shop")), None),
        (7, (4, 3, 2, 3), ((4, "Sitting through a meal"), (6, "Walking to the shop")), 3),
        (0, (2, 1, 1, 2), ((6, "sitting through a meal"), (6, "Walking to the shop")), 2),
    ]
    for days_ago, sbi, psfs, pgic in checks:
        answers = {
            "sbi": tuple(Answer(c, v) for c, v in zip(items, sbi, strict=True)),
            "psfs": tuple(
                Answer(activity_item(n), v, name) for n, (v, name) in enumerate(psfs, start=1)
            ),
        }
        if pgic is not None:
            answers["pgic"] = (Answer("pgic-change", pgic),)
        weekly.record(answers, at=NOW - dt.timedelta(days=days_ago, hours=1))


def _text(services, tmp_path: Path, **options) -> str:
    target = tmp_path / "report.pdf"
    data = services.reports.gather(ReportOptions(**options))
    write_report(data, BodyMapDrawing(services.catalog), target)
    pages = [
        re.sub(r"\s+", " ", unicodedata.normalize("NFKC", page.extract_text()))
        for page in PdfReader(str(target)).pages
    ]
    return " ".join(pages)


def test_baseline_latest_and_change_of_each_measure(qapp, set_up_services, tmp_path):
    record_checks(set_up_services)
    text = _text(set_up_services, tmp_path, start=START)
    assert "Measures (weekly checks)" in text
    assert "Sciatica Bothersomeness Index — 0–24, lower is better" in text
    # SBI 16 → 6: at or below the cut-off of 6.5 from above it
    assert (
        "baseline 16 (Tue 10 Nov 2026) → latest 6 (Tue 24 Nov 2026); change -10; "
        "reaches the published important change" in text
    )
    # PSFS mean 3.50 → 6.00, each activity by name (matched whatever its case)
    assert "baseline 3.50 (Tue 10 Nov 2026) → latest 6.00 (Tue 24 Nov 2026); change +2.50" in text
    sitting = "“sitting through a meal”: baseline 2 → latest 6; change +4; reaches the important"
    assert sitting in text
    assert "“Walking to the shop”: baseline 5 → latest 6; change +1; does not reach" in text
    # PGIC: its first answer against the latest, with its words
    assert "first answer 3 (a little better) (Tue 17 Nov 2026) → latest 2 (much better)" in text
    assert "Important change: a latest score of 6.5 or lower" in text
    assert "Haugen AJ" in text and "Farrar" in text
    assert "not a validated version" not in text  # English: the wording is validated
    assert text.index("Measures (weekly checks)") < text.index("About this report")


def test_the_same_numbers_as_summary_json(qapp, set_up_services):
    record_checks(set_up_services)
    data = set_up_services.reports.gather(ReportOptions(start=START))
    printed = set_up_services.weekly.as_json(data.summary.start, data.summary.end)
    assert [(c.measure, c.baseline, c.latest, c.change) for c in data.measures] == [
        (m["code"], m["baseline"], m["latest"], m["change"]) for m in printed
    ]
    assert [m["change"] for m in printed] == [-10.0, 2.5, None]


def test_a_period_without_a_check_has_one_line(qapp, set_up_services, tmp_path):
    text = _text(set_up_services, tmp_path, start=START)
    assert "No weekly checks in this period." in text
    assert "baseline" not in text and "Bothersomeness" not in text


@pytest.fixture
def german(qapp):
    languages.use_language("de")
    yield
    languages.use_language("en")


def test_in_german_the_wording_is_not_a_validated_version(qapp, set_up_services, tmp_path, german):
    record_checks(set_up_services)
    text = _text(set_up_services, tmp_path, start=START)
    assert "keine validierte Fassung" in text
    assert "Ausgangswert 16" in text
