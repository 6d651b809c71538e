"""What the report says, section by section (DESIGN §4): the summary with the first and
latest symptom maps, the charts, the table by day, the notes and "About this report".

Each ``paint_*`` paints one section into the body rectangle it is given; which section goes
on which page is decided by ``pdf_report``."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPaintDevice, QPainter, QPen

from sciatica_journal.domain.language import _, p_, weekday_short
from sciatica_journal.domain.sessions import PressUpRange
from sciatica_journal.reports.body_map_painter import BodyMapDrawing, paint_map_with_legend
from sciatica_journal.reports.pdf_charts import Chart, Series, paint_chart
from sciatica_journal.reports.pdf_page import INK, font, horizontal_line
from sciatica_journal.reports.report_summary import (
    level,
    no_flags,
    num,
    red_flags_label,
    summary_rows,
)
from sciatica_journal.services.report_service import DayRow, ReportData

RANGE_WORDS = {r.fraction: r.short for r in PressUpRange}
ALERT = QColor("#a3261b")  # red flags reported

ROW_HEIGHT = 14.0  # one line of the table by day
TABLE_TOP = 40.0  # the table's title and column heads above its first row
NOTES_TOP = 22.0  # the title "Notes" above the first note
NOTE_DATE_WIDTH = 80.0  # the date column left of each note

Note = tuple[dt.date, str, float]  # the day, the text, its wrapped height in points
# A line of the table by day: a day, or one of its incomplete sessions (a text) below it.
TableLine = DayRow | str


def table_lines(days: list[DayRow]) -> list[TableLine]:
    """Each day, followed by a line for each incomplete session of that day and for each
    session chosen against the advice."""
    lines: list[TableLine] = []
    for day in days:
        lines.append(day)
        lines += [_("not counted: {session}").format(session=text) for text in day.incomplete]
        lines += day.against_advice
    return lines


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


TABLE_WIDTHS = [70, 50, 42, 70, 70, 62, 62, 50]  # the columns' relative widths


def table_titles() -> list[str]:
    """The column heads (short: a German head must fit its column too)."""
    return [
        p_("table by day", "Date"),
        p_("table by day", "Sessions"),
        p_("table by day", "Target"),
        p_("table by day", "Back pain"),
        p_("table by day", "Leg pain"),
        p_("table by day", "Left leg"),
        p_("table by day", "Right leg"),
        p_("table by day", "Press-up"),
    ]


def paint_table(
    painter: QPainter, body: QRectF, data: ReportData, rows: list[TableLine], first: bool
) -> None:
    """One page of the table by day ("continued" after the first); an incomplete session
    is a line of its own below its day, not counted in the day's sessions."""
    scale = body.width() / sum(TABLE_WIDTHS)
    widths = [w * scale for w in TABLE_WIDTHS]
    y = body.top()
    painter.setFont(font(11, bold=True))
    painter.setPen(INK)
    painter.drawText(
        QRectF(body.left(), y, body.width(), 18),
        _("Day by day") if first else _("Day by day (continued)"),
    )
    y += 22
    painter.setFont(font(8, bold=True))
    x = body.left()
    for title, w in zip(table_titles(), widths, strict=True):
        painter.drawText(QRectF(x, y, w, ROW_HEIGHT), title)
        x += w
    y += ROW_HEIGHT
    painter.setPen(QPen(QColor("#888888"), 0.5))
    horizontal_line(painter, body.left(), body.right(), y)
    painter.setFont(font(8))
    for n, row in enumerate(rows):
        if isinstance(row, str):
            painter.setPen(INK)
            aside = font(7)
            aside.setItalic(True)
            painter.setFont(aside)
            indent = widths[0] * 0.3
            painter.drawText(QRectF(body.left() + indent, y + 1, body.width() - indent, 13), row)
            painter.setFont(font(8))
            y += ROW_HEIGHT
            continue
        if n % 2:
            painter.fillRect(QRectF(body.left(), y, body.width(), ROW_HEIGHT), QColor("#f2f2f2"))
        cells = [
            f"{weekday_short(row.day)} {row.day.isoformat()}",
            str(row.sessions),
            "✓" if row.met else "",
            f"{num(row.back_before)} → {num(row.back_after)}",
            f"{num(row.leg_before)} → {num(row.leg_after)}",
            level(data, row.left_extent),
            level(data, row.right_extent),
            "" if row.best_range is None else RANGE_WORDS.get(row.best_range, ""),
        ]
        painter.setPen(INK)
        x = body.left()
        for text, w in zip(cells, widths, strict=True):
            painter.drawText(QRectF(x, y + 1, w, 13), text)
            x += w
        y += ROW_HEIGHT
    if not rows:
        painter.drawText(QRectF(body.left(), y + 4, body.width(), 14), _("No sessions."))


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


def paint_disclaimer(painter: QPainter, body: QRectF, data: ReportData) -> None:
    """How the numbers were recorded and the disclaimer."""
    painter.setPen(INK)
    painter.setFont(font(11, bold=True))
    painter.drawText(QRectF(body.left(), body.top(), body.width(), 18), _("About this report"))
    painter.setFont(font(9))
    about = _(
        "Recorded by the patient at home with Sciatica Journal: pain is self-rated 0–10 "
        "before and after each session; the farthest point of the symptoms is taken from "
        "the patient's own body map (levels: {levels}). "
        "A change in pain is marked clinically important at "
        "≥ {points} points or ≥ {percent} %. "
        "Adherence counts the days with at least the daily minimum of sessions."
    ).format(
        levels=", ".join(_(name) for name in data.level_names.values()),
        points=data.important_points,
        percent=data.important_percent,
    )
    counted = _(
        "A session counts when it reached the minimum of its dose or was stopped for pain; "
        "a session ended earlier for another reason is listed as incomplete and counts "
        "neither in the sessions and adherence nor as progress."
    )
    text = about + " " + counted + "\n\n" + _(data.disclaimer)
    painter.drawText(
        QRectF(body.left(), body.top() + 24, body.width(), body.height() - 24),
        int(Qt.TextFlag.TextWordWrap),
        text,
    )
