"""The PDF report: read back with pypdf, it carries the numbers the summary computed, the
pages are numbered, identity only when asked, metadata without personal data."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from sciatica_journal.domain.profile import Profile
from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from sciatica_journal.reports.pdf_report import ReportError, write_report
from sciatica_journal.services.demo_journal import generate_demo
from sciatica_journal.services.report_service import ReportOptions


@pytest.fixture
def demo(qapp, services):
    generate_demo(services)
    services.profiles.save(
        Profile(name="Ada Example", birth_date=dt.date(1970, 5, 17), target_min=5, target_max=8)
    )
    return services


def _write(services, tmp_path: Path, **options) -> tuple[Path, str, PdfReader]:
    target = tmp_path / "report.pdf"
    data = services.reports.gather(ReportOptions(**options))
    write_report(data, BodyMapDrawing(services.catalog), target)
    reader = PdfReader(str(target))
    raw = "\n".join(page.extract_text() for page in reader.pages)
    # Undo the typographic ligatures (ﬁ, ﬂ) and the tabs the extraction puts between words.
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", raw))
    return target, text, reader


def test_the_pdf_carries_the_summary_numbers(demo, tmp_path):
    summary = demo.summaries.summary()
    _, flat, reader = _write(demo, tmp_path)
    s = summary.as_json()
    assert f"{s['period']['from']} to {s['period']['to']} ({s['period']['days']} days)" in flat
    assert f"{s['sessions']['total']} on {s['sessions']['days_active']} active days" in flat
    assert f"({s['sessions']['adherence_pct']:.1f} %)" in flat
    back = s["pain"]["back"]
    assert (
        f"first week {back['first_week_mean']:.2f} → last week {back['last_week_mean']:.2f}"
        f" (change {back['change']:+.2f};" in flat
    )
    right = s["distal_extent"]["right"]
    names = demo.catalog.level_names
    assert f"{names[right['first']]} → {names[right['latest']]} ({right['trend']})" in flat
    assert "Red flags none reported" in flat
    pages = len(reader.pages)
    assert f"Page 1 of {pages}" in flat and f"Page {pages} of {pages}" in flat
    assert "About this report" in flat


def test_identity_only_when_ticked_and_no_personal_metadata(demo, tmp_path):
    _, text, reader = _write(demo, tmp_path)
    assert "Ada Example" not in text and "1970-05-17" not in text
    metadata = {str(k): str(v) for k, v in (reader.metadata or {}).items()}
    assert metadata.get("/Title") == "Sciatica Journal report for the physician"
    assert not any(str(tmp_path) in v or "root" in v or "Ada" in v for v in metadata.values())
    _, text, _ = _write(demo, tmp_path, include_identity=True)
    assert "Ada Example, born 1970-05-17" in text


def test_options_and_page_sizes(demo, tmp_path):
    _, _, reader = _write(
        demo, tmp_path, include_charts=False, include_table=False, page_size="Letter"
    )
    assert len(reader.pages) == 2  # summary and maps, then the disclaimer
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    _, _, reader = _write(demo, tmp_path)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_no_half_file_on_error(demo, tmp_path):
    data = demo.reports.gather(ReportOptions())
    with pytest.raises(ReportError, match="does not exist"):
        write_report(data, BodyMapDrawing(demo.catalog), tmp_path / "missing" / "r.pdf")
    assert not list(tmp_path.rglob("*.pdf")) and not list(tmp_path.rglob(".report-*"))


def test_long_notes_flow_over_pages_without_overlapping(demo, tmp_path):
    from sciatica_journal.storage import models

    long_note = "Woke with the leg quiet; walked to the shop and back without stopping. " * 6
    session = models.ExerciseSession.select().order_by(models.ExerciseSession.id).first()
    models.ExerciseSession.update(note=long_note).execute()  # every session has a long note
    del session
    _, text, reader = _write(demo, tmp_path, include_notes=True, include_table=False)
    assert len(reader.pages) > 20  # ~300 long notes need many pages
    assert text.count("walked to the shop") >= 300 * 6 * 0.95
