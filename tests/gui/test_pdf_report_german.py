"""The PDF report in German: headings, labels, table, charts and footer are German, and its
dates have German weekdays and months (read back with pypdf)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from sciatica_journal.domain.preferences import Preferences
from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from sciatica_journal.reports.pdf_report import write_report
from sciatica_journal.services import languages
from sciatica_journal.services.clock import FixedClock
from sciatica_journal.services.container import Services, build_services
from sciatica_journal.services.demo_journal import generate_demo
from sciatica_journal.services.report_service import ReportOptions


@pytest.fixture
def german(qapp, data_dir: Path, clock: FixedClock) -> Iterator[Services]:
    """The demo journal opened in German, as the app opens it once German is chosen: the
    programme, the body regions and the measures are then read with their German texts."""
    first = build_services(data_dir, clock)
    first.preferences.save(Preferences(language="de"))
    first.close()
    services = build_services(data_dir, clock)
    try:
        generate_demo(services)
        yield services
    finally:
        services.close()
        languages.use_language("en")


def _text(services, tmp_path: Path) -> str:
    target = tmp_path / "bericht.pdf"
    data = services.reports.gather(ReportOptions())
    write_report(data, BodyMapDrawing(services.catalog), target)
    raw = "\n".join(page.extract_text() for page in PdfReader(str(target)).pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", raw))


def test_the_report_is_german(german, tmp_path):
    text = _text(german, tmp_path)
    for heading in (
        "Sciatica Journal — Bericht für den Arzt",
        "Extensionsübungen zu Hause: Zusammenfassung",
        "Schmerz Rücken (NRS 0–10)",
        "Schmerz Bein (NRS 0–10)",
        "Warnzeichen (Red Flags) keine angegeben",
        "Tagesverlauf",
        "Übungseinheiten pro Tag",
        "Zu diesem Bericht",
        "Seite 1 von",
    ):
        assert heading in text, heading
    # German weekdays in the table and German months on the chart axes; decimal commas.
    assert re.search(r"\b(Mo|Di|Mi|Do|Fr|Sa|So)\. 2026-\d\d-\d\d", text)
    assert re.search(r"\b\d{1,2}\. (Okt|Nov|Dez)\.", text)
    assert re.search(r"erste Woche \d+,\d\d → letzte Woche \d+,\d\d", text)
    for english in (
        "Sessions",
        "Back pain",
        "Leg pain",
        "Day by day",
        "Page ",
        "About this report",
        "Monday",
        "Tue ",
        "December",
        "Nov ",
        "first week",
        "clinically important",
        # the measures' footnotes are citations only, with no English prose around them
        "as used in",
        "criterion",
        "cut-off",
        "minimum detectable",
        "(above)",
        "no sessions",
        "none reported",
        "generated",
    ):
        assert english not in text, english


def test_english_is_unchanged(qapp, services, tmp_path):
    generate_demo(services)
    text = _text(services, tmp_path)
    assert "Home extension exercises: summary" in text and "Day by day" in text
    assert re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) 2026-\d\d-\d\d", text)
