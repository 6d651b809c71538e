"""The report's page: its size and margins, the inks and fonts, and what every page carries
around its body (the title and period at the top, "Page x of y" at the foot).

All lengths are in points (1/72 inch): the report paints at 72 dpi whatever the device."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPen

from sciatica_journal.domain.language import _

if TYPE_CHECKING:  # a type only: Progress uses this module without the report's services
    from sciatica_journal.services.report_service import ReportData

MARGIN = 42.0  # around the page
HEADER = 24.0  # the header above the body, and the page number below it
INK = QColor("#1c1c1c")
MUTED = QColor("#555555")
RULE = QColor("#bbbbbb")
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}

Painter = Callable[[QPainter, QRectF], None]
"""Paints one page's body (or a part of it) into the rectangle given."""


def font(size: float, bold: bool = False) -> QFont:
    """The report's typeface (DejaVu Sans: it has every symbol used) at ``size`` points."""
    chosen = QFont("DejaVu Sans")
    chosen.setPointSizeF(size)
    chosen.setBold(bold)
    return chosen


def horizontal_line(painter: QPainter, left: float, right: float, y: float) -> None:
    painter.drawLine(QLineF(left, y, right, y))


def page_layout(page_size: str) -> QPageLayout:
    """Portrait, no printer margins (the report keeps its own); A4 unless "Letter"."""
    size = PAGE_SIZES.get(page_size, QPageSize.PageSizeId.A4)
    return QPageLayout(QPageSize(size), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))


def page_areas(width: float, height: float) -> tuple[QRectF, QRectF]:
    """(the page inside its margins, the body inside the header and the page number)."""
    page = QRectF(0, 0, width, height).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
    return page, page.adjusted(0, HEADER, 0, -HEADER)


def paint_frame(painter: QPainter, page: QRectF, data: ReportData, number: int, total: int) -> None:
    """The header (what the report is, its period, when it was made) and "Page x of y"."""
    s = data.summary
    painter.setFont(font(8))
    painter.setPen(MUTED)
    painter.drawText(
        QRectF(page.left(), page.top(), page.width(), 14),
        int(Qt.AlignmentFlag.AlignLeft),
        _("Sciatica Journal — report for the physician"),
    )
    painter.drawText(
        QRectF(page.left(), page.top(), page.width(), 14),
        int(Qt.AlignmentFlag.AlignRight),
        _("Period {start} – {end} · generated {generated}").format(
            start=s.start.isoformat(), end=s.end.isoformat(), generated=data.generated.isoformat()
        ),
    )
    painter.setPen(QPen(RULE, 0.5))
    horizontal_line(painter, page.left(), page.right(), page.top() + 16)
    painter.setPen(MUTED)
    painter.drawText(
        QRectF(page.left(), page.bottom() - 12, page.width(), 12),
        int(Qt.AlignmentFlag.AlignHCenter),
        _("Page {number} of {total}").format(number=number, total=total),
    )
