"""Small vector charts for the PDF: lines, steps, points and bars on a date axis (QtGui only).

Series differ by line style as well as colour, so they read in greyscale."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

DAY = 86400.0
INK = QColor("#222222")
GRID = QColor("#d9dedd")


@dataclass
class Series:
    label: str
    y: Sequence[float | None]
    colour: str
    style: Qt.PenStyle = Qt.PenStyle.SolidLine
    step: bool = False
    width: float = 1.4


@dataclass
class Chart:
    title: str
    x: Sequence[float]  # epoch seconds, one per day
    y_min: float
    y_max: float
    y_ticks: list[tuple[float, str]]
    series: list[Series] = field(default_factory=list)
    bars: Sequence[float] | None = None
    band: tuple[float, float] | None = None


def _date_ticks(x0: float, x1: float) -> list[float]:
    days = (x1 - x0) / DAY
    step = 7 if days <= 45 else 14 if days <= 120 else 30 if days <= 400 else 91
    first = dt.date.fromtimestamp(x0)
    if step >= 30:
        tick = dt.date(first.year, first.month, 1)
    else:
        tick = first - dt.timedelta(days=first.weekday())
    ticks = []
    while True:
        t = dt.datetime.combine(tick, dt.time(0)).timestamp()
        if t > x1:
            return ticks
        if t >= x0:
            ticks.append(t)
        if step >= 30:
            month = tick.month + step // 30
            tick = dt.date(tick.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        else:
            tick += dt.timedelta(days=step)


def paint_chart(painter: QPainter, rect: QRectF, chart: Chart, x0: float, x1: float) -> None:
    """One chart in ``rect`` (title, y axis labels, plot area, legend) over [x0, x1]."""
    painter.save()
    metrics = painter.fontMetrics()
    line = metrics.height()
    painter.setPen(INK)
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), line), chart.title)
    label_w = max((metrics.horizontalAdvance(t) for _, t in chart.y_ticks), default=0) + 6
    area = QRectF(
        rect.left() + label_w,
        rect.top() + line * 1.3,
        rect.width() - label_w,
        rect.height() - line * 3.6,
    )
    span_x = max(x1 - x0, 1.0)
    span_y = chart.y_max - chart.y_min

    def px(x: float) -> float:
        return area.left() + (x - x0) / span_x * area.width()

    def py(y: float) -> float:
        return area.bottom() - (y - chart.y_min) / span_y * area.height()

    if chart.band is not None:
        low, high = chart.band
        painter.fillRect(
            QRectF(area.left(), py(high), area.width(), py(low) - py(high)),
            QColor(47, 125, 109, 45),
        )
    painter.setPen(QPen(GRID, 0.5))
    for value, text in chart.y_ticks:
        if not chart.y_min <= value <= chart.y_max:
            continue
        painter.drawLine(QLineF(area.left(), py(value), area.right(), py(value)))
        painter.save()
        painter.setPen(INK)
        painter.drawText(
            QRectF(rect.left(), py(value) - line / 2, label_w - 4, line),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        painter.restore()
    for t in _date_ticks(x0, x1):
        painter.drawLine(QLineF(px(t), area.top(), px(t), area.bottom()))
        label = dt.date.fromtimestamp(t)
        painter.save()
        painter.setPen(INK)
        painter.drawText(
            QRectF(px(t) - 40, area.bottom() + 2, 80, line),
            int(Qt.AlignmentFlag.AlignHCenter),
            f"{label.day} {label:%b}",
        )
        painter.restore()
    painter.setPen(QPen(INK, 0.8))
    painter.drawRect(area)
    painter.setClipRect(area)
    if chart.bars is not None:
        width = max(area.width() / max(span_x / DAY, 1) * 0.8, 0.3)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor("#6b8f88")))
        for x, h in zip(chart.x, chart.bars, strict=True):
            if h:
                painter.drawRect(QRectF(px(x) - width / 2, py(h), width, py(0) - py(h)))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for series in chart.series:
        pen = QPen(QColor(series.colour), series.width, series.style)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath()
        drawing = False
        previous: QPointF | None = None
        for x, y in zip(chart.x, series.y, strict=True):
            if y is None or (isinstance(y, float) and math.isnan(y)):
                drawing = False
                continue
            point = QPointF(px(x), py(y))
            if not drawing:
                path.moveTo(point)
                drawing = True
            elif series.step and previous is not None:
                path.lineTo(QPointF(point.x(), previous.y()))
                path.lineTo(point)
            else:
                path.lineTo(point)
            previous = point
        painter.drawPath(path)
    painter.setClipping(False)
    # Legend under the plot.
    x = area.left()
    y = area.bottom() + line * 1.25
    for series in chart.series:
        pen = QPen(QColor(series.colour), series.width, series.style)
        painter.setPen(pen)
        painter.drawLine(QLineF(x, y + line / 2, x + 22, y + line / 2))
        painter.setPen(INK)
        text_w = metrics.horizontalAdvance(series.label)
        painter.drawText(QRectF(x + 26, y, text_w + 4, line), series.label)
        x += 26 + text_w + 16
    painter.restore()
