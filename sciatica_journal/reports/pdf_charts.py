"""Small vector charts for the PDF: lines, steps, points and bars on a date axis (QtGui only).

Series differ by line style as well as colour, so they read in greyscale. A step value
covers its own day; a value with no neighbour on a line is drawn as a short level line
across its day, so a journal of one or two days still shows its data."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from sciatica_journal.domain.language import _, day_and_month

DAY = 86400.0
INK = QColor("#222222")
GRID = QColor("#d9dedd")
LONE_HALF = 0.3  # of a day: half the length of the level line drawn for a lone value
LONE_MIN = 6.0  # points: that line is never shorter than this
BAR_MAX = 36.0  # points: the widest bar (a period of one or two days)


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
    if days <= 10:  # a label under each day (at its noon)
        first = dt.date.fromtimestamp(x0)
        noons = (
            dt.datetime.combine(first + dt.timedelta(days=i), dt.time(12)).timestamp()
            for i in range(-1, math.ceil(days) + 2)
        )
        return [t for t in noons if x0 <= t <= x1]
    step = 7 if days <= 45 else 14 if days <= 120 else 30 if days <= 400 else 91
    first = dt.date.fromtimestamp(x0)
    if step >= 30:
        tick = dt.date(first.year, first.month, 1)
    else:
        tick = first - dt.timedelta(days=first.weekday())
    ticks: list[float] = []
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
    labelled: list[float] = []  # the y of each label drawn: a label a line from them is left out
    for value, text in sorted(chart.y_ticks):
        if not chart.y_min <= value <= chart.y_max:
            continue
        painter.drawLine(QLineF(area.left(), py(value), area.right(), py(value)))
        if any(abs(py(value) - y) < line for y in labelled):
            continue
        labelled.append(py(value))
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
            day_and_month(label),
        )
        painter.restore()
    painter.setPen(QPen(INK, 0.8))
    painter.drawRect(area)
    painter.setClipRect(area)
    if chart.bars is not None:
        width = min(max(area.width() / max(span_x / DAY, 1) * 0.8, 0.3), BAR_MAX)
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
        points = [
            None if y is None or math.isnan(y) else QPointF(px(x), py(y))
            for x, y in zip(chart.x, series.y, strict=True)
        ]
        half_day = px(x0 + DAY / 2) - px(x0)
        painter.drawPath(
            _step_path(points, half_day) if series.step else _line_path(points, half_day)
        )
    painter.setClipping(False)
    if chart.series and chart.bars is None and not _has_values(chart):
        painter.setPen(QColor("#666666"))
        painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), _("no values in this period"))
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


def _step_path(points: list[QPointF | None], half_day: float) -> QPainterPath:
    """Each value across its own day (± ``half_day``), joined to the next day's value."""
    path = QPainterPath()
    previous: QPointF | None = None
    for point in [*points, None]:
        if point is None:
            if previous is not None:
                path.lineTo(previous.x() + half_day, previous.y())
            previous = None
            continue
        left = point.x() - half_day
        if previous is None:
            path.moveTo(left, point.y())
        else:
            path.lineTo(left, previous.y())
            path.lineTo(left, point.y())
        previous = point
    return path


def _line_path(points: list[QPointF | None], half_day: float) -> QPainterPath:
    """Lines through consecutive values; a value without a neighbour is a short level
    line (a path of one point would draw nothing)."""
    path = QPainterPath()
    half = max(half_day * 2 * LONE_HALF, LONE_MIN / 2)
    for i, point in enumerate(points):
        if point is None:
            continue
        before = points[i - 1] if i > 0 else None
        after = points[i + 1] if i + 1 < len(points) else None
        if before is None and after is None:
            path.moveTo(point.x() - half, point.y())
            path.lineTo(point.x() + half, point.y())
        elif before is None:
            path.moveTo(point)
        else:
            path.lineTo(point)
    return path


def _has_values(chart: Chart) -> bool:
    return any(y is not None and not math.isnan(y) for series in chart.series for y in series.y)
