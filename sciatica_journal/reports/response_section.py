"""The report's "what each exercise did" (DESIGN §4, issue 14 point 5): for each exercise
used in the period, its sessions and how many of them had each outcome — the responses the
patient observed, never a diagnosis (``domain.response_profile`` defines every number).

``paint_responses`` paints the section at the top of the rectangle it is given and returns
what is left below it (the charts go there)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from sciatica_journal.domain.language import _, p_
from sciatica_journal.domain.response_profile import PROFILE_ORDER, ExerciseResponses
from sciatica_journal.domain.sessions import Outcome
from sciatica_journal.reports.pdf_page import INK, font, horizontal_line

if TYPE_CHECKING:  # a type only: Progress uses this module without the report's services
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


def _widths(painter: QPainter, total: float, scale: float, rows: list[list[str]]) -> list[float]:
    """Each count column as wide as its widest cell (its head stands upright above it, so
    no head is ever cut or runs into the next); the exercise's name takes the rest."""
    metrics = QFontMetricsF(painter.font(), painter.device())
    line = metrics.height() / scale
    counts = [
        max(line + 4, max(metrics.horizontalAdvance(r[i]) for r in rows) / scale + 8)
        for i in range(1, len(response_heads()))
    ]
    return [max(NAME_MIN, total - sum(counts)), *counts]


def _upright(painter: QPainter, cell: QRectF, text: str) -> None:
    """``text`` read from bottom to top in ``cell`` (a narrow column's head)."""
    painter.save()
    painter.translate(cell.left(), cell.bottom())
    painter.rotate(-90)
    align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    painter.drawText(
        QRectF(0, 0, cell.height(), cell.width()), align | int(Qt.TextFlag.TextWordWrap), text
    )
    painter.restore()


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
    names = [_(data.rung_names.get(line.rung, line.rung)) for line in profile]
    rows = [response_cells(line, name) for line, name in zip(profile, names, strict=True)]
    painter.setFont(font(7.5, bold=True))
    heads = response_heads()
    widths = _widths(painter, body.width(), scale, [heads[:1] + ["0"] * 9, *rows])
    metrics = QFontMetricsF(painter.font(), painter.device())
    # Upright heads as tall as their longest word; a longer head takes two lines there,
    # and its column is made wide enough for them.
    head_h = max(metrics.horizontalAdvance(w) for h in heads[1:] for w in h.split()) / scale + 4
    for i, head in enumerate(heads[1:], start=1):
        room = QRectF(0, 0, head_h * scale, 1000)
        tall = metrics.boundingRect(room, wrap, head).height() / scale + 2
        if tall > widths[i]:
            widths[0] -= tall - widths[i]
            widths[i] = tall
    x = body.left()
    align = wrap | int(Qt.AlignmentFlag.AlignBottom)
    painter.drawText(QRectF(x, y, widths[0] - 2, head_h), align, heads[0])
    x += widths[0]
    for head, w in zip(heads[1:], widths[1:], strict=True):
        _upright(painter, QRectF(x, y, w, head_h), head)
        x += w
    y += head_h + 1
    painter.setPen(QPen(QColor("#888888"), 0.5))
    horizontal_line(painter, body.left(), body.right(), y)
    for n, (line, name) in enumerate(zip(profile, names, strict=True)):
        painter.setFont(font(7.5))
        name_box = QFontMetricsF(painter.font(), painter.device()).boundingRect(
            QRectF(0, 0, (widths[0] - 2) * scale, 1000), wrap, name
        )
        row_h = max(ROW, name_box.height() / scale + 2)  # a long name wraps
        if n % 2:
            painter.fillRect(QRectF(body.left(), y, body.width(), row_h), QColor("#f2f2f2"))
        painter.setPen(INK)
        x = body.left()
        for i, (text, w) in enumerate(zip(rows[n], widths, strict=True)):
            bold = i == len(widths) - 1 and line.mostly_centralizing
            painter.setFont(font(7.5, bold=bold))
            painter.drawText(QRectF(x, y + 1, w - 2, row_h - 1), wrap, text)
            x += w
        y += row_h
    y += GAP
    return QRectF(body.left(), y, body.width(), body.bottom() - y)
