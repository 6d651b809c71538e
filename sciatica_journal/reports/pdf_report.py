"""The report for the physician as a PDF (DESIGN §4): QPdfWriter + QPainter, vectors only.

Page 1: who and when, the summary block, the first and latest symptom maps. Then what each
exercise did above the charts, the table by day, the notes (if chosen) and the disclaimer.
Every page has the period, the generation date and "page x of y". The file is written
atomically.

This module plans the pages and paints them; the sections are in ``report_sections``,
the page's furniture in ``pdf_page`` and the writing of the file in ``pdf_file``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPaintDevice, QPainter

from sciatica_journal.domain.language import _
from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from sciatica_journal.reports.pdf_file import ReportError, write_pdf
from sciatica_journal.reports.pdf_page import (
    HEADER,
    Painter,
    font,
    page_areas,
    page_layout,
    paint_frame,
)
from sciatica_journal.reports.report_sections import (
    NOTE_DATE_WIDTH,
    NOTES_TOP,
    ROW_HEIGHT,
    TABLE_TOP,
    Note,
    TableLine,
    note_height,
    paint_charts,
    paint_disclaimer,
    paint_first_page,
    paint_notes,
    paint_table,
    table_lines,
)
from sciatica_journal.reports.report_summary import summary_rows
from sciatica_journal.reports.response_section import paint_responses
from sciatica_journal.services.report_service import ReportData

__all__ = [
    "PdfReport",
    "ReportError",
    "default_page_size",
    "summary_rows",
    "write_report",
]

DISCLAIMER_ROOM = 22  # table rows' worth of room the disclaimer needs below a table


class PdfReport:
    def __init__(self, data: ReportData, drawing: BodyMapDrawing) -> None:
        self.data = data
        self.drawing = drawing

    # ---- layout ------------------------------------------------------------------

    def _plan(self, page: QRectF, device: QPaintDevice) -> list[Painter]:
        """The pages, each a painter of its body; planned first so "page x of y" is known."""
        data = self.data
        options = data.options
        pages: list[Painter] = [
            lambda p, r: paint_first_page(p, r, data, self.drawing),
        ]
        # What each exercise did: above the charts, or without them above the disclaimer.
        with_charts = options.include_charts and bool(data.days)
        if with_charts:
            pages.append(lambda p, r: paint_charts(p, paint_responses(p, r, data), data))
        responses_last = not with_charts and bool(data.summary.by_exercise)
        body_h = page.height() - 2 * HEADER
        per_page = max(1, int((body_h - TABLE_TOP) // ROW_HEIGHT))
        lines = table_lines(data.days)
        if options.include_table:
            for i in range(0, max(len(lines), 1), per_page):
                pages.append(self._table_page(lines[i : i + per_page], first=i == 0))
        notes = data.notes if options.include_notes else []
        if notes:
            chunk: list[Note] = []
            used = NOTES_TOP
            for day, text in notes:
                height = note_height(device, text, page.width() - NOTE_DATE_WIDTH)
                if chunk and used + height > body_h:
                    pages.append(self._notes_page(chunk))
                    chunk, used = [], NOTES_TOP
                chunk.append((day, text, height))
                used += height
            pages.append(self._notes_page(chunk))
        last_table_rows = len(lines) % per_page if options.include_table else 0
        room_on_last = (
            options.include_table
            and not notes
            and (0 < last_table_rows < per_page - DISCLAIMER_ROOM)
            and not responses_last
        )
        if room_on_last:
            table_page = pages[-1]

            def table_and_disclaimer(p: QPainter, r: QRectF) -> None:
                table_page(p, r)
                top = r.top() + TABLE_TOP + last_table_rows * ROW_HEIGHT + 24
                paint_disclaimer(p, QRectF(r.left(), top, r.width(), r.bottom() - top), data)

            pages[-1] = table_and_disclaimer
        elif responses_last:
            pages.append(lambda p, r: paint_disclaimer(p, paint_responses(p, r, data), data))
        else:
            pages.append(lambda p, r: paint_disclaimer(p, r, data))
        return pages

    def _table_page(self, rows: list[TableLine], *, first: bool) -> Painter:
        return lambda p, r: paint_table(p, r, self.data, rows, first)

    def _notes_page(self, notes: list[Note]) -> Painter:
        return lambda p, r: paint_notes(p, r, notes)

    def write(self, path: Path) -> int:
        """Write the PDF atomically; returns the number of pages."""
        return write_pdf(path, self.paint_on)

    def page_layout(self) -> QPageLayout:
        return page_layout(self.data.options.page_size)

    def paint_on(self, device: QPagedPaintDevice) -> int:
        """Paint every page onto a PDF writer or a printer; returns the number of pages.
        The layout is in points whatever the device's resolution."""
        device.setPageLayout(self.page_layout())
        painter = QPainter(device)
        if not painter.isActive():
            raise ReportError(_("cannot paint the report"))
        scale = device.logicalDpiX() / 72.0
        painter.scale(scale, scale)
        page, body = page_areas(device.width() / scale, device.height() / scale)
        plan = self._plan(page, device)
        for number, paint_body in enumerate(plan, start=1):
            if number > 1:
                device.newPage()
            paint_frame(painter, page, self.data, number, len(plan))
            painter.setFont(font(9))
            paint_body(painter, body)
        painter.end()
        return len(plan)


def default_page_size(country_code: str) -> str:
    """Letter in the United States, Canada and a few others; A4 elsewhere."""
    return "Letter" if country_code.upper() in {"US", "CA", "MX", "PH", "CL", "CO", "VE"} else "A4"


def write_report(data: ReportData, drawing: BodyMapDrawing, path: Path) -> int:
    """Paint the report into ``path`` (atomically); returns the number of pages."""
    return PdfReport(data, drawing).write(path)
