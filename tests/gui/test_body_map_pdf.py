"""A stored map paints onto a PDF page as vectors (the report's "first vs latest")."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from sciatica_journal.domain.body import Mark, SymptomKind, SymptomMap
from sciatica_journal.reports.body_map_painter import BodyMapDrawing, paint_map_with_legend


def _streams(pdf: bytes) -> bytes:
    out = b""
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        data = match.group(1)
        try:
            out += zlib.decompress(data)
        except zlib.error:
            out += data
    return out


def test_first_and_latest_maps_on_a_pdf_page_are_vectors(qapp, services, tmp_path: Path):
    first = SymptomMap(
        (Mark("sole-right", SymptomKind.TINGLING, 3), Mark("calf-right", SymptomKind.PAIN, 3))
    )
    latest = SymptomMap((Mark("buttock-right", SymptomKind.PAIN, 1),))
    target = tmp_path / "maps.pdf"
    writer = QPdfWriter(str(target))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
        )
    )
    writer.setResolution(300)
    painter = QPainter(writer)
    drawing = BodyMapDrawing(services.catalog)
    page = QRectF(painter.viewport())
    half = page.width() / 2
    paint_map_with_legend(
        painter, QRectF(0, 0, half - 40, page.height() * 0.6), drawing, first, "First map"
    )
    paint_map_with_legend(
        painter, QRectF(half + 40, 0, half - 40, page.height() * 0.6), drawing, latest, "Latest map"
    )
    painter.end()
    pdf = target.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert b"/Subtype /Image" not in pdf  # nothing rasterised
    content = _streams(pdf)
    # Bezier curves (c) from the outlines and many filled paths: real vector drawing.
    assert content.count(b" c\n") + content.count(b" c ") > 100
