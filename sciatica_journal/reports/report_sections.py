"""What the report says, section by section (DESIGN §4): the summary with the first and
latest symptom maps, the charts and the notes (the table by day is ``day_table``, "About
this report" ``about_section``).

Each ``paint_*`` paints one section into the body rectangle it is given; which section goes
on which page is decided by ``pdf_report``."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPaintDevice, QPainter

from sciatica_journal.domain.language import _
from sciatica_journal.domain.sessions import PressUpRange
from sciatica_journal.reports.body_map_painter import BodyMapDrawing, paint_map_with_legend
from sciatica_journal.reports.pdf_charts import Chart, Series, paint_chart
from sciatica_journal.reports.pdf_page import INK, font
from sciatica_journal.reports.report_summary import (
    no_flags,
    red_flags_label,
    summary_rows,
)
from sciatica_journal.services.report_service import ReportData

RANGE_WORDS = {r.fraction: r.short for r in PressUpRange}
ALERT = QColor("#a3261b")  # red flags reported

NOTES_TOP = 22.0  # the title "Notes" above the first note
NOTE_DATE_WIDTH = 80.0  # the date column left of each note

Note = tuple[dt.date, str, float]  # the day, the text, its wrapped height in points


def paint_first_page(
    painter: QPainter, body: QRectF, data: ReportData, drawing: BodyMapDrawing
) -> None:
    """The title, who (if chosen), the summary block and the first and latest maps."""
    y = body.top()
    painter.setPen(INK)
    painter.setFont(font(16, bold=True))
    painter.drawText(
        QRectF(body.left(), y, body.width(), 24), _("Home extension exercises: summary")
    )
    y += 26
    painter.setFont(font(9))
    who = []
    if data.name:
        who.append(data.name)
    if data.birth_date is not None:
        who.append(_("born {date}").format(date=data.birth_date.isoformat()))
    if who:
        painter.drawText(QRectF(body.left(), y, body.width(), 14), ", ".join(who))
        y += 16
    label_w = 150.0
    value_font = font(9)
    label_font = font(9, bold=True)
    metrics = QFontMetricsF(value_font, painter.device())
    label_metrics = QFontMetricsF(label_font, painter.device())
    wrap = int(Qt.TextFlag.TextWordWrap)
    for label, value in summary_rows(data):
        rect = metrics.boundingRect(QRectF(0, 0, body.width() - label_w, 1000), wrap, value)
        # A label too long for its column (German) wraps, and its row grows with it.
        head = label_metrics.boundingRect(QRectF(0, 0, label_w, 1000), wrap, label)
        h = max(rect.height(), head.height(), metrics.height()) + 4
        painter.setFont(label_font)
        painter.drawText(QRectF(body.left(), y, label_w, h), wrap, label)
        painter.setFont(value_font)
        emphasis = label == red_flags_label() and value != no_flags()
        painter.setPen(ALERT if emphasis else INK)
        painter.drawText(
            QRectF(body.left() + label_w, y, body.width() - label_w, h),
            int(Qt.TextFlag.TextWordWrap),
            value,
        )
        painter.setPen(INK)
        y += h
    y += 10
    half = (body.width() - 20) / 2
    maps_h = body.bottom() - y
    maps = (
        (_("First map"), _("First map: no symptom map in the period"), data.first_map),
        (_("Latest map"), _("Latest map: no symptom map in the period"), data.latest_map),
    )
    for index, (title, missing, stored) in enumerate(maps):
        rect = QRectF(body.left() + index * (half + 20), y, half, maps_h)
        if stored is None:
            painter.drawText(rect, missing)
            continue
        when, symptoms = stored
        painter.setFont(font(8))
        paint_map_with_legend(painter, rect, drawing, symptoms, f"{title} ({when:%Y-%m-%d %H:%M})")


def _charts(data: ReportData) -> list[Chart]:
    days = data.days
    x = [d.t for d in days]
    solid, dash, dot, dashdot = (
        Qt.PenStyle.SolidLine,
        Qt.PenStyle.DashLine,
        Qt.PenStyle.DotLine,
        Qt.PenStyle.DashDotLine,
    )
    levels = sorted(data.level_names.items())
    summary = data.summary
    return [
        Chart(
            _("Pain, daily mean (0 no pain – 10 worst)"),
            x,
            0,
            10.6,
            [(v, str(v)) for v in (0, 2, 4, 6, 8, 10)],
            [
                Series(_("back before"), [d.back_before for d in days], "#2b4c7e", solid),
                Series(_("back after"), [d.back_after for d in days], "#2b4c7e", dot),
                Series(_("leg before"), [d.leg_before for d in days], "#b35c00", dash),
                Series(_("leg after"), [d.leg_after for d in days], "#b35c00", dashdot),
            ],
        ),
        Chart(
            _("Farthest point of the symptoms per leg (lower is better)"),
            x,
            levels[0][0] - 0.5,
            levels[-1][0] + 0.5,
            [(float(k), _(v)) for k, v in levels],
            [
                Series(_("left leg"), [d.left_extent for d in days], "#1f5e52", solid, True),
                Series(_("right leg"), [d.right_extent for d in days], "#7a3b69", dash, True),
            ],
        ),
        Chart(
            _("Sessions per day (shaded: target band)"),
            x,
            0,
            max([d.sessions for d in days] + [summary.target_max]) + 1,
            [(v, str(v)) for v in range(0, 11, 2)],
            [],
            bars=[float(d.sessions) for d in days],
            band=(summary.target_min, summary.target_max),
        ),
        Chart(
            _("Best press-up range of the day, pelvis down"),
            x,
            0,
            1.1,
            [(k, v) for k, v in RANGE_WORDS.items()],
            [
                Series(_("best range"), [d.best_range for d in days], "#222222", solid, True),
            ],
        ),
    ]


def paint_charts(painter: QPainter, body: QRectF, data: ReportData) -> None:
    """Pain, the farthest point per leg, sessions per day and the best press-up, stacked."""
    x0 = data.days[0].t - 43200  # half a day either side
    x1 = data.days[-1].t + 43200
    charts = _charts(data)
    height = body.height() / len(charts)
    painter.setFont(font(8))
    for i, chart in enumerate(charts):
        paint_chart(
            painter,
            QRectF(body.left(), body.top() + i * height, body.width(), height - 8),
            chart,
            x0,
            x1,
        )


def note_height(device: QPaintDevice, text: str, width: float) -> float:
    """The height of a wrapped note, in points (measured for the device painted on)."""
    scale = device.logicalDpiY() / 72.0
    metrics = QFontMetricsF(font(9), device)
    box = metrics.boundingRect(
        QRectF(0, 0, width * scale, 100000), int(Qt.TextFlag.TextWordWrap), text
    )
    return box.height() / scale + 8


def paint_notes(painter: QPainter, body: QRectF, notes: list[Note]) -> None:
    """The notes that fit on one page, each under its date."""
    y = body.top()
    painter.setFont(font(11, bold=True))
    painter.setPen(INK)
    painter.drawText(QRectF(body.left(), y, body.width(), 18), _("Notes"))
    y += NOTES_TOP
    painter.setFont(font(9))
    for day, text, height in notes:
        painter.drawText(QRectF(body.left(), y, NOTE_DATE_WIDTH, 14), day.isoformat())
        painter.drawText(
            QRectF(body.left() + NOTE_DATE_WIDTH, y, body.width() - NOTE_DATE_WIDTH, height),
            int(Qt.TextFlag.TextWordWrap),
            text,
        )
        y += height
