"""The report's table by day (DESIGN §4, issue 14 point 6): each day's sessions against the
target, pain before → after, the farthest point per leg, the best press-up, the exercises
done (by their number on the ladder) and the marks of a day that went badly, under a
legend of the marks and the exercises. The marks are symbols, so they read in greyscale.

``paint_table`` paints one page's share of the lines; ``pdf_report`` splits them."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from sciatica_journal.domain.day_marks import DayMark
from sciatica_journal.domain.language import _, p_, weekday_short
from sciatica_journal.domain.rounding import MEAN_PLACES
from sciatica_journal.domain.sessions import PressUpRange
from sciatica_journal.reports.pdf_page import INK, font, horizontal_line
from sciatica_journal.reports.report_summary import level, num
from sciatica_journal.services.report_service import DayRow, ReportData

RANGE_WORDS = {r.fraction: r.short for r in PressUpRange}
ALERT = QColor("#a3261b")  # a red flag's mark: also a symbol of its own (greyscale)
ROW_HEIGHT = 14.0  # one line of the table
TITLE_HEIGHT = 22.0  # the title above the legend
# The columns' relative widths: date, exercises, sessions, target, back, leg, left, right,
# press-up, marks.
TABLE_WIDTHS = [72, 38, 44, 30, 58, 58, 48, 50, 38, 40]
MARK_SYMBOLS = {
    DayMark.WORSE: "▲",
    DayMark.SPREAD: "↓",
    DayMark.STOPPED: "✕",
    DayMark.RED_FLAG: "⚠",
    DayMark.AGAINST_ADVICE: "≠",
}
# A line of the table by day: a day, or one of its incomplete sessions or sessions chosen
# against the advice (a text) below it.
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


def table_titles() -> list[str]:
    """The column heads (short: a German head must fit its column too)."""
    return [
        p_("table by day", "Date"),
        p_("table by day", "Exercise"),
        p_("table by day", "Sessions"),
        p_("table by day", "Target"),
        p_("table by day", "Back pain"),
        p_("table by day", "Leg pain"),
        p_("table by day", "Left leg"),
        p_("table by day", "Right leg"),
        p_("table by day", "Press-up"),
        p_("table by day", "Marks"),
    ]


def mark_words(mark: DayMark) -> str:
    """What a mark means, for the legend."""
    return {
        DayMark.WORSE: _("a session worse (pain up)"),
        DayMark.SPREAD: _("symptoms spread further down the leg (peripheralized)"),
        DayMark.STOPPED: _("a session stopped for pain"),
        DayMark.RED_FLAG: _("red flag: a screening answered urgent or see the doctor"),
        DayMark.AGAINST_ADVICE: _("an exercise chosen against the advice"),
    }[mark]


def exercise_number(data: ReportData, slug: str) -> str:
    number = data.rung_numbers.get(slug)
    return slug if number is None else str(number)


def legend(data: ReportData) -> str:
    """The legend under the title: the marks, then the exercises used in the period."""
    marks = " · ".join(f"{MARK_SYMBOLS[m]} {mark_words(m)}" for m in DayMark)
    used: list[str] = []
    for day in data.days:
        used += [slug for slug in day.exercises if slug not in used]
    used.sort(key=lambda slug: (data.rung_numbers.get(slug, 1000), slug))
    exercises = "; ".join(
        f"{exercise_number(data, slug)} {_(data.rung_names.get(slug, slug))}" for slug in used
    )
    text = _("Marks: {marks}.").format(marks=marks)
    if exercises:
        text += " " + _("Exercise: {exercises}.").format(exercises=exercises)
    return text


def legend_height(painter: QPainter, width: float, data: ReportData) -> float:
    """The wrapped legend's height in points (for the device painted on)."""
    scale = painter.device().logicalDpiY() / 72.0
    metrics = QFontMetricsF(font(7.5), painter.device())
    box = metrics.boundingRect(
        QRectF(0, 0, width * scale, 100000), int(Qt.TextFlag.TextWordWrap), legend(data)
    )
    return box.height() / scale + 4


def head_height(painter: QPainter, width: float, data: ReportData, first: bool) -> float:
    """The room above the first row: the title, the legend (on the first page), the heads."""
    shown = legend_height(painter, width, data) if first else 0.0
    return TITLE_HEIGHT + shown + ROW_HEIGHT + 2


def day_cells(data: ReportData, row: DayRow) -> list[str]:
    return [
        f"{weekday_short(row.day)} {row.day.isoformat()}",
        ", ".join(exercise_number(data, slug) for slug in row.exercises),
        str(row.sessions),
        "✓" if row.met else "",
        f"{num(row.back_before, MEAN_PLACES)} → {num(row.back_after, MEAN_PLACES)}",
        f"{num(row.leg_before, MEAN_PLACES)} → {num(row.leg_after, MEAN_PLACES)}",
        level(data, row.left_extent),
        level(data, row.right_extent),
        "" if row.best_range is None else RANGE_WORDS.get(row.best_range, ""),
        "",  # the marks: ``paint_marks``
    ]


def paint_marks(painter: QPainter, cell: QRectF, marks: tuple[DayMark, ...]) -> None:
    """A day's marks, bold, a space apart; a red flag's also in red."""
    painter.setFont(font(8, bold=True))
    metrics = QFontMetricsF(painter.font(), painter.device())
    scale = painter.device().logicalDpiX() / 72.0
    x = cell.left()
    for mark in marks:
        symbol = MARK_SYMBOLS[mark]
        painter.setPen(ALERT if mark is DayMark.RED_FLAG else INK)
        painter.drawText(QRectF(x, cell.top(), cell.right() - x, cell.height()), symbol)
        x += (metrics.horizontalAdvance(symbol + " ")) / scale
    painter.setFont(font(8))


def paint_table(
    painter: QPainter, body: QRectF, data: ReportData, rows: list[TableLine], first: bool
) -> float:
    """One page's share of the table ("continued" after the first) at the top of ``body``;
    returns the y below it. An incomplete session is a line of its own below its day, not
    counted in the day's sessions."""
    scale = body.width() / sum(TABLE_WIDTHS)
    widths = [w * scale for w in TABLE_WIDTHS]
    y = body.top()
    painter.setFont(font(11, bold=True))
    painter.setPen(INK)
    painter.drawText(
        QRectF(body.left(), y, body.width(), 18),
        _("Day by day") if first else _("Day by day (continued)"),
    )
    y += TITLE_HEIGHT
    if first:
        height = legend_height(painter, body.width(), data)
        painter.setFont(font(7.5))
        painter.drawText(
            QRectF(body.left(), y, body.width(), height),
            int(Qt.TextFlag.TextWordWrap),
            legend(data),
        )
        y += height
    painter.setFont(font(7.5, bold=True))
    x = body.left()
    for title, w in zip(table_titles(), widths, strict=True):
        painter.drawText(QRectF(x, y, w, ROW_HEIGHT), title)
        x += w
    y += ROW_HEIGHT + 2
    painter.setPen(QPen(QColor("#888888"), 0.5))
    horizontal_line(painter, body.left(), body.right(), y - 2)
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
        painter.setPen(INK)
        x = body.left()
        for text, w in zip(day_cells(data, row), widths, strict=True):
            painter.drawText(QRectF(x, y + 1, w, 13), text)
            x += w
        paint_marks(painter, QRectF(x - widths[-1], y + 1, widths[-1], 13), row.marks)
        y += ROW_HEIGHT
    if not rows:
        painter.setPen(INK)
        painter.drawText(QRectF(body.left(), y + 4, body.width(), 14), _("No sessions."))
        y += ROW_HEIGHT + 4
    return y
