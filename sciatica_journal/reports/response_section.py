"""The report's "what each exercise did" (DESIGN §4, issue 14 point 5): for each exercise
used in the period, its sessions and how many of them had each outcome — the responses the
patient observed, never a diagnosis (``domain.response_profile`` defines every number).

``paint_responses`` paints the section at the top of the rectangle it is given and returns
what is left below it (the charts go there)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from sciatica_journal.domain.language import _, p_
from sciatica_journal.domain.response_profile import PROFILE_ORDER, ExerciseResponses
from sciatica_journal.domain.sessions import Outcome
from sciatica_journal.reports.pdf_page import INK, font, horizontal_line
from sciatica_journal.services.report_service import ReportData

ROW = 13.0  # one exercise's line
NAME_MIN = 100.0  # the exercise column's least width; the count columns fit their heads
GAP = 14.0  # between the section and what follows it


def response_title() -> str:
    return _("Responses observed with each exercise")


def outcome_head(outcome: Outcome) -> str:
    """A column head of the profile, in the words a clinician uses."""
    return {
        Outcome.CENTRALIZED: p_("responses by exercise", "Centralized"),
        Outcome.ABOLISHED: p_("responses by exercise", "Abolished"),
        Outcome.BETTER: p_("responses by exercise", "Better"),
        Outcome.NO_CHANGE: p_("responses by exercise", "No change"),
        Outcome.WORSE: p_("responses by exercise", "Worse"),
        Outcome.PERIPHERALIZED: p_("responses by exercise", "Peripheralized"),
    }[outcome]


def response_heads() -> list[str]:
    return [
        p_("responses by exercise", "Exercise"),
        p_("responses by exercise", "Sessions"),
        *(outcome_head(o) for o in PROFILE_ORDER),
        p_("responses by exercise", "Not counted"),
        p_("responses by exercise", "Mostly centralizing"),
    ]


def response_cells(line: ExerciseResponses, name: str) -> list[str]:
    """One exercise's cells: its name, the counts, "yes" or "no"."""
    mostly = p_("mostly centralizing", "yes") if line.mostly_centralizing else _("no")
    return [
        name,
        str(line.sessions),
        *(str(line.outcomes[o]) for o in PROFILE_ORDER),
        str(line.incomplete),
        mostly,
    ]


def response_explanation(percent: int) -> str:
    """The section's note for the clinician: what the words and counts mean."""
    return _(
        "Centralization: after the session the farthest point of the symptoms had moved up "
        "towards the low back (abolished: no symptoms left). Mostly centralizing: centralized "
        "and abolished are more than {percent} % of the exercise's sessions. Sessions that "
        "ended short of the dose are not counted and are given apart. Observed, "
        "patient-reported responses, not a diagnosis."
    ).format(percent=percent)


def _widths(painter: QPainter, total: float, scale: float) -> list[float]:
    """Each count column as wide as the longest word of its head (a head wraps between
    words, never inside one); the exercise's name takes the rest."""
    metrics = QFontMetricsF(painter.font(), painter.device())
    counts = [
        max(metrics.horizontalAdvance(word) for word in head.split()) / scale + 6
        for head in response_heads()[1:]
    ]
    room = total - NAME_MIN
    if sum(counts) > room:
        counts = [w * room / sum(counts) for w in counts]
    return [total - sum(counts), *counts]


def paint_responses(painter: QPainter, body: QRectF, data: ReportData) -> QRectF:
    """The section at the top of ``body``; returns the rectangle left below it."""
    profile = data.summary.by_exercise
    wrap = int(Qt.TextFlag.TextWordWrap)
    y = body.top()
    painter.setPen(INK)
    painter.setFont(font(11, bold=True))
    painter.drawText(QRectF(body.left(), y, body.width(), 18), response_title())
    y += 20
    painter.setFont(font(7.5))
    note = response_explanation(data.mostly_centralizing_percent)
    metrics = QFontMetricsF(painter.font(), painter.device())
    scale = painter.device().logicalDpiY() / 72.0
    box = metrics.boundingRect(QRectF(0, 0, body.width() * scale, 1000), wrap, note)
    note_h = box.height() / scale + 4
    painter.drawText(QRectF(body.left(), y, body.width(), note_h), wrap, note)
    y += note_h
    if not profile:
        painter.setFont(font(8))
        painter.drawText(QRectF(body.left(), y, body.width(), 14), _("No sessions."))
        y += 14 + GAP
        return QRectF(body.left(), y, body.width(), body.bottom() - y)
    painter.setFont(font(7.5, bold=True))
    widths = _widths(painter, body.width(), scale)
    head_h = 2 * ROW  # a head may wrap to two lines (German)
    x = body.left()
    for head, w in zip(response_heads(), widths, strict=True):
        align = wrap | int(Qt.AlignmentFlag.AlignBottom)
        painter.drawText(QRectF(x, y, w - 2, head_h), align, head)
        x += w
    y += head_h + 1
    painter.setPen(QPen(QColor("#888888"), 0.5))
    horizontal_line(painter, body.left(), body.right(), y)
    for n, line in enumerate(profile):
        name = _(data.rung_names.get(line.rung, line.rung))
        painter.setFont(font(7.5))
        name_box = QFontMetricsF(painter.font(), painter.device()).boundingRect(
            QRectF(0, 0, (widths[0] - 2) * scale, 1000), wrap, name
        )
        row_h = max(ROW, name_box.height() / scale + 2)  # a long name wraps
        if n % 2:
            painter.fillRect(QRectF(body.left(), y, body.width(), row_h), QColor("#f2f2f2"))
        painter.setPen(INK)
        x = body.left()
        for i, (text, w) in enumerate(zip(response_cells(line, name), widths, strict=True)):
            bold = i == len(widths) - 1 and line.mostly_centralizing
            painter.setFont(font(7.5, bold=bold))
            painter.drawText(QRectF(x, y + 1, w - 2, row_h - 1), wrap, text)
            x += w
        y += row_h
    y += GAP
    return QRectF(body.left(), y, body.width(), body.bottom() - y)
