"""The PDF's "what each exercise did", read back with pypdf: the section's title, its note
for the clinician and each exercise's counts, above the charts or, without them (or for a
period shorter than 7 days), above the table by day and "About this report"."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pypdf import PdfReader

from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from sciatica_journal.reports.pdf_report import write_report
from sciatica_journal.services.report_service import ReportOptions
from tests.gui.test_response_table import _record


def _pages(services, tmp_path: Path, **options) -> list[str]:
    target = tmp_path / "report.pdf"
    data = services.reports.gather(ReportOptions(**options))
    write_report(data, BodyMapDrawing(services.catalog), target)
    return [
        re.sub(r"\s+", " ", unicodedata.normalize("NFKC", page.extract_text()))
        for page in PdfReader(str(target)).pages
    ]


def test_the_section_shows_each_exercise_counts(qapp, set_up_services, tmp_path):
    _record(set_up_services)
    pages = _pages(set_up_services, tmp_path)
    second = pages[1]  # one day: no charts, the section above the table by day
    assert "Responses observed with each exercise" in second
    assert "Centralization:" in second and "not a diagnosis" in second
    assert "Mostly centralizing" in second and "Peripheralized" in second
    names = {r.slug: r.clinical_name for r in set_up_services.program.rungs}
    # name, sessions, centralized, abolished, better, no change, worse, peripheralized,
    # not counted, mostly centralizing
    assert f"{names['prone-prop']} 2 0 0 0 0 1 1 0 no" in second
    assert f"{names['baby-press-up']} 3 2 1 0 0 0 0 1 yes" in second
    assert f"{names['full-press-up']} 1 0 0 1 0 0 0 0 no" in second
    assert names["prone-lying"] not in second  # not used: left out
    assert second.index("Responses observed") < second.index("Day by day")


def test_without_charts_the_section_goes_above_the_disclaimer(qapp, set_up_services, tmp_path):
    _record(set_up_services)
    pages = _pages(set_up_services, tmp_path, include_charts=False, include_table=False)
    assert len(pages) == 2
    last = pages[-1]
    assert last.index("Responses observed with each exercise") < last.index("About this report")
