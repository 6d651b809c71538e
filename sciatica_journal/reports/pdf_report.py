"""The report for the physician as a PDF (DESIGN §4): QPdfWriter + QPainter, vectors only.

Page 1: who and when, the summary block, the first and latest symptom maps. Then what each
exercise did above the charts (a period of 7 days or more), the table by day, the notes (if
chosen) and "About this report", sharing pages where they fit: a short period takes two
pages. Every page has the period, the generation date and "page x of y". The file is
written atomically.

This module plans the pages and paints them; the sections are in ``report_sections``,
the page's furniture in ``pdf_page`` and the writing of the file in ``pdf_file``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPagedPaintDevice, QPageLayout, QPaintDevice, QPainter

from sciatica_journal.domain.language import _, n_
from sciatica_journal.reports.about_section import CHARTS_FROM_DAYS, paint_about
from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from sciatica_journal.reports.day_table import (
    ROW_HEIGHT,
    TableLine,
    head_height,
    paint_table,
    table_lines,
)
from sciatica_journal.reports.measures_section import paint_measures
from sciatica_journal.reports.pdf_file import ReportError, write_pdf
from sciatica_journal.reports.pdf_page import (
    HEADER,
    INK,
    Painter,
    font,
    page_areas,
    page_layout,
    paint_frame,
)
from sciatica_journal.reports.report_sections import (
    NOTE_DATE_WIDTH,
    NOTES_TOP,
    Note,
    note_height,
    paint_charts,
    paint_first_page,
    paint_notes,
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

GAP = 14.0  # between two sections sharing a page
SLACK = 4.0  # points kept free below a measured section (the device may wrap a little longer)
MIN_ROWS = 3  # a table starts on a page with room for at least this many of its lines


def measure(width: float, paint: Callable[[QPainter, QRectF], float]) -> float:
    """The height a section paints, measured on a scratch image at the report's 72 dpi."""
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    dots = round(72 / 0.0254)
    image.setDotsPerMeterX(dots)
    image.setDotsPerMeterY(dots)
    painter = QPainter(image)
    painter.setFont(font(9))
    bottom = paint(painter, QRectF(0, 0, width, 100000))
    painter.end()
    return bottom + SLACK


def _section(paint: Callable[[QPainter, QRectF], float]) -> Painter:
    """A section's painter (which returns the y below it) as a page's painter."""

    def painter(p: QPainter, r: QRectF) -> None:
        paint(p, r)

    return painter


class _Flow:
    """Sections placed one below the other, a new page when the next does not fit."""

    def __init__(self, height: float) -> None:
        self.height = height
        self.pages: list[list[tuple[float, Painter]]] = []
        self.used = height  # no page yet

    def room(self) -> float:
        return self.height - self.used

    def new_page(self) -> None:
        self.pages.append([])
        self.used = 0.0

    def place(self, height: float, paint: Painter) -> None:
        if self.used > 0 and height > self.room():
            self.new_page()
        if not self.pages:
            self.new_page()
        self.pages[-1].append((self.used, paint))
        self.used += height + GAP

    def painters(self) -> list[Painter]:
        def page_of(items: list[tuple[float, Painter]]) -> Painter:
            def paint(p: QPainter, r: QRectF) -> None:
                for top, section in items:
                    section(p, QRectF(r.left(), r.top() + top, r.width(), r.height() - top))

            return paint

        return [page_of(items) for items in self.pages]


class PdfReport:
    def __init__(self, data: ReportData, drawing: BodyMapDrawing) -> None:
        self.data = data
        self.drawing = drawing

    # ---- layout ------------------------------------------------------------------

    def _plan(self, page: QRectF, device: QPaintDevice) -> list[Painter]:
        """The pages, each a painter of its body; planned first so "page x of y" is known.
        Page 1 is the summary and the maps. With charts (a period of ``CHARTS_FROM_DAYS``
        days or more) what each exercise did and the charts fill page 2. The rest flows:
        what each exercise did (without charts), the weekly measures, the table by day, the
        notes and "About this report" share pages, each starting a new page only when it
        does not fit."""
        data = self.data
        options = data.options
        width = page.width()
        pages: list[Painter] = [lambda p, r: paint_first_page(p, r, data, self.drawing)]
        with_charts = options.include_charts and len(data.days) >= CHARTS_FROM_DAYS
        if with_charts:
            pages.append(lambda p, r: paint_charts(p, paint_responses(p, r, data), data))
        flow = _Flow(page.height() - 2 * HEADER)
        if not with_charts and data.summary.by_exercise:

            def responses(p: QPainter, r: QRectF) -> float:
                return paint_responses(p, r, data).top() - GAP

            flow.place(measure(width, responses), _section(responses))
        if options.include_charts and not with_charts and data.days:
            flow.place(measure(width, self._no_charts), _section(self._no_charts))
        block = self._measures
        flow.place(measure(width, block), _section(block))  # the weekly measures (issue 15)
        if options.include_table:
            self._place_table(flow, width)
        if options.include_notes and data.notes:
            self._place_notes(flow, device, width)

        def about(p: QPainter, r: QRectF) -> float:
            return paint_about(p, r, data)

        flow.place(measure(width, about), _section(about))
        return pages + flow.painters()

    def _measures(self, painter: QPainter, body: QRectF) -> float:
        return paint_measures(painter, body, self.data)

    def _no_charts(self, painter: QPainter, body: QRectF) -> float:
        """The line that says why a short period has no charts."""
        text = n_(
            "No charts: the period has fewer than {n} day; the table by day gives each "
            "day's values.",
            "No charts: the period has fewer than {n} days; the table by day gives each "
            "day's values.",
            CHARTS_FROM_DAYS,
        ).format(n=CHARTS_FROM_DAYS)
        painter.setPen(INK)
        painter.setFont(font(8))
        painter.drawText(QRectF(body.left(), body.top(), body.width(), 14), text)
        return body.top() + 12

    def _place_table(self, flow: _Flow, width: float) -> None:
        """The table by day, split over pages where it does not fit; its legend and the
        column heads above each part."""
        data = self.data
        lines = table_lines(data.days)
        first = True
        while first or lines:
            head = measure(width, self._table_head(first))
            wanted = min(len(lines), MIN_ROWS)
            if flow.used > 0 and flow.room() < head + max(wanted, 1) * ROW_HEIGHT:
                flow.new_page()
            fit = max(1, int((flow.room() - head) // ROW_HEIGHT))
            chunk, lines = lines[:fit], lines[fit:]
            height = head + max(len(chunk), 1) * ROW_HEIGHT

            def paint(
                p: QPainter, r: QRectF, rows: list[TableLine] = chunk, f: bool = first
            ) -> None:
                paint_table(p, r, data, rows, f)

            flow.place(height, paint)
            first = False

    def _table_head(self, first: bool) -> Callable[[QPainter, QRectF], float]:
        return lambda p, r: head_height(p, r.width(), self.data, first)

    def _place_notes(self, flow: _Flow, device: QPaintDevice, width: float) -> None:
        """The notes, each under its date, over as many pages as they need."""
        heights = [
            note_height(device, text, width - NOTE_DATE_WIDTH) for _, text in self.data.notes
        ]
        if flow.used > 0 and flow.room() < NOTES_TOP + heights[0]:
            flow.new_page()
        chunk: list[Note] = []
        used = NOTES_TOP
        for (day, text), height in zip(self.data.notes, heights, strict=True):
            if chunk and used + height > flow.room():
                flow.place(used, self._notes_page(chunk))
                flow.new_page()
                chunk, used = [], NOTES_TOP
            chunk.append((day, text, height))
            used += height
        flow.place(used, self._notes_page(chunk))

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
