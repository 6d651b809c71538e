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
from tests.conftest import NOW


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
    # summary and maps; the weekly measures; then the notes and "About this report"
    assert len(reader.pages) == 3
    assert "Measures (weekly checks)" in " ".join(reader.pages[1].extract_text().split())
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
    with demo.journal.bound():
        session = models.ExerciseSession.select().order_by(models.ExerciseSession.id).first()
        models.ExerciseSession.update(note=long_note).execute()  # every session has a long note
    del session
    _, text, reader = _write(demo, tmp_path, include_notes=True, include_table=False)
    assert len(reader.pages) > 20  # ~300 long notes need many pages
    assert text.count("walked to the shop") >= 300 * 6 * 0.95


# ---- charts with one or two days ------------------------------------------------


def _stroke_spans(page) -> dict[str, list[float]]:
    """The horizontal extent (pt) of every stroked path on a PDF page, by stroke colour."""
    spans: dict[str, list[float]] = {}
    colour, stack, xs = "", [], []
    for operands, operator in page.get_contents().operations:
        if operator == b"q":
            stack.append(colour)
        elif operator == b"Q":
            colour = stack.pop() if stack else ""
        elif operator == b"SCN" and len(operands) == 3:
            colour = "#" + "".join(f"{round(float(v) * 255):02x}" for v in operands)
        elif operator in (b"m", b"l"):
            xs.append(float(operands[0]))
        elif operator == b"c":
            xs.extend(float(v) for v in operands[0::2])
        elif operator in (b"S", b"s"):
            if xs:
                spans.setdefault(colour, []).append(max(xs) - min(xs))
            xs = []
        elif operator in (b"n", b"f", b"F", b"B", b"b", b"f*"):
            xs = []
    return spans


def _journal_of_days(services, days: int) -> None:
    from tests.builders import new_session, symptom_map
    from tests.conftest import NOW

    for k in range(days):
        services.sessions.record(
            new_session(
                NOW - dt.timedelta(days=k, hours=2),
                before=(6, 7),
                after=(5, 4),
                map_before=symptom_map("sole-right"),
                map_after=symptom_map("calf-right", "thigh-back-left"),
            )
        )


@pytest.mark.parametrize("days", [1, 2])
def test_a_period_of_one_or_two_days_has_no_charts_and_says_so(
    qapp, set_up_services, tmp_path, days
):
    # A period shorter than 7 days leaves the charts out (issue 14 point 6): its table by
    # day gives each day's values. The charts' painter still draws a lone day (below).
    _journal_of_days(set_up_services, days)
    start = (NOW - dt.timedelta(days=days - 1)).date()
    _, text, reader = _write(set_up_services, tmp_path, start=start)
    assert "Farthest point of the symptoms per leg" not in text
    assert "No charts: the period has fewer than 7 days" in text
    assert "Day by day" in text and len(reader.pages) <= 2


def test_a_period_of_seven_days_has_its_charts_drawn(qapp, set_up_services, tmp_path):
    _journal_of_days(set_up_services, 7)
    _, text, reader = _write(set_up_services, tmp_path, include_table=False)
    charts = next(p for p in reader.pages if "Farthest\tpoint\tof" in p.extract_text())
    spans = _stroke_spans(charts)
    legend_sample = 22.0  # each series' sample in the legend is a 22 pt line
    # Each leg's extent, and each pain line, is drawn in its plot (far wider than a sample).
    for colour in ("#1f5e52", "#7a3b69", "#2b4c7e", "#b35c00"):
        assert max(spans.get(colour, [0.0])) > legend_sample * 3, colour
    assert "24 Nov" in text and "No charts" not in text


def test_a_lone_day_is_painted_in_the_plot_area(qapp):
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    from sciatica_journal.reports.pdf_charts import Chart, Series, paint_chart

    noon = dt.datetime(2026, 11, 24, 12).timestamp()
    chart = Chart(
        "Lone day",
        [noon - 86400, noon, noon + 86400],
        0,
        10,
        [(v, str(v)) for v in range(11)],  # more labels than fit: they are thinned
        [
            Series("step", [None, 4.0, None], "#7a3b69", Qt.PenStyle.DashLine, True, 3.0),
            Series("line", [None, 7.0, None], "#2b4c7e", width=3.0),
        ],
    )
    image = QImage(400, 160, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_chart(painter, QRectF(0, 0, 400, 160), chart, noon - 1.5 * 86400, noon + 1.5 * 86400)
    painter.end()
    plot_rows = range(20, 110)  # above the date labels and the legend

    def columns_with(colour: str) -> int:
        want = QColor(colour)
        return sum(
            any(
                abs(image.pixelColor(x, y).red() - want.red())
                + abs(image.pixelColor(x, y).green() - want.green())
                + abs(image.pixelColor(x, y).blue() - want.blue())
                < 60
                for y in plot_rows
            )
            for x in range(400)
        )

    assert columns_with("#7a3b69") > 40  # about a third of a 3-day plot, dashed
    assert columns_with("#2b4c7e") > 40
