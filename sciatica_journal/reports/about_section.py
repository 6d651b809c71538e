"""The report's "About this report" (issue 14 point 6): written for the clinician — where
the data come from (the patient), how each number is defined (in the words of
docs/report.md), what the radiation class and the outcomes mean. The patient's disclaimer
is not repeated here: the patient accepted it in the app.

``paint_about`` paints the section at the top of the rectangle given and returns the y
below it; ``pdf_report`` measures it by painting it on a scratch image first."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter

from sciatica_journal.domain.language import _
from sciatica_journal.domain.rounding import MEAN_PLACES, PERCENT_PLACES
from sciatica_journal.domain.summary import WEEKS_COMPARED_FROM_DAYS
from sciatica_journal.reports.pdf_page import INK, font
from sciatica_journal.services.report_service import ReportData

LABEL_WIDTH = 96.0  # the term's column
CHARTS_FROM_DAYS = 7  # a shorter period has no charts: its table gives each day's values


def radiation_text(data: ReportData) -> str:
    """The radiation classes as the app assigns them, from the body map's own data: each
    class, its words and the levels in it."""
    catalog = data.catalog
    parts = []
    for number, words in sorted(catalog.radiation_words.items()):
        levels = [_(lv.name) for lv in catalog.levels if lv.radiation == number]
        parts.append(
            _("{number} = {words} ({levels})").format(
                number=number, words=_(words), levels=", ".join(levels)
            )
        )
    return _(
        "The Quebec Task Force classification of the farthest point the symptoms reach on "
        "the map, whichever leg: {classes}. Taken from the first and the latest map of the "
        "period. The classes that need an examination or imaging (QTF 4 and above: "
        "neurological signs, nerve root compression) are not assessed."
    ).format(classes="; ".join(parts))


def about_rows(data: ReportData) -> list[tuple[str, str]]:
    """The section as (term, definition) lines."""
    t = data.thresholds
    worse = 2 if t is None else t.worse_pain_increase
    better = 1 if t is None else t.better_pain_decrease
    s = data.summary
    levels = ", ".join(f"{k} {_(v)}" for k, v in sorted(data.level_names.items()))
    return [
        (
            _("Source"),
            _(
                "Everything here is patient-reported: entered by the patient at home in "
                "Sciatica Journal, without examination or verification by a clinician. The "
                "outcomes are worked out by the app from the patient's entries."
            ),
        ),
        (
            _("Sessions"),
            _(
                "A session counts when it reached its dose's minimum (reps of a press-up, "
                "seconds of a hold) or was stopped for pain; one that ended earlier is "
                "incomplete: listed below its day, not counted in sessions, adherence or "
                "outcomes. Mean per day: counted sessions ÷ calendar days in the period, "
                "first and last day included."
            ),
        ),
        (
            _("Adherence"),
            _(
                "Days with at least {low} counted sessions (the patient's target minimum) "
                "÷ days in the period × 100."
            ).format(low=s.target_min),
        ),
        (
            _("Pain"),
            _(
                "Numeric rating scale 0–10, back and leg apart, rated by the patient before "
                "and after each session. First week: the mean of the before scores in the 7 "
                "calendar days starting at the period's first session; last week: in the 7 "
                "days ending at its last session; change: last week − first week, clinically "
                "important at ≥ {points} points or ≥ {percent} % of the first-week mean. "
                "Where the sessions span fewer than {days} days (as in any shorter period), "
                "the weeks would overlap: the mean of all the period's before scores is "
                "given instead."
            ).format(
                points=data.important_points,
                percent=data.important_percent,
                days=WEEKS_COMPARED_FROM_DAYS,
            ),
        ),
        (
            _("Farthest point"),
            _(
                "Per leg, the body level farthest down the leg that the patient marked on "
                "the symptom map ({levels}), on the first and on the latest map of the "
                "period. Centralizing: the latest is higher up than the first; "
                "peripheralizing: further down; otherwise stable."
            ).format(levels=levels),
        ),
        (_("Radiation class (QTF)"), radiation_text(data)),
        (
            _("Session outcomes"),
            _(
                "From the maps and pain scores before and after each session, the first that "
                "applies: symptoms gone (marked before, none after); spread further down "
                "(on either leg the farthest point moved down); worse (back or leg pain up "
                "by ≥ {worse} points, or stopped for pain); moved up (centralized: on either "
                "leg the farthest point moved up); better (any pain down by ≥ {better} "
                "point, or the same extent with fewer or milder marks); no change."
            ).format(worse=worse, better=better),
        ),
        (
            _("Numbers"),
            _(
                "Means and changes are given to {mean} decimals, percentages to {percent} "
                "decimal, the same in this report and in the app's data export. Charts are "
                "shown for a period of {days} days or more."
            ).format(mean=MEAN_PLACES, percent=PERCENT_PLACES, days=CHARTS_FROM_DAYS),
        ),
    ]


def paint_about(painter: QPainter, body: QRectF, data: ReportData) -> float:
    """The section at the top of ``body``; returns the y below it."""
    y = body.top()
    painter.setPen(INK)
    painter.setFont(font(11, bold=True))
    painter.drawText(QRectF(body.left(), y, body.width(), 18), _("About this report"))
    y += 22
    wrap = int(Qt.TextFlag.TextWordWrap)
    scale = painter.device().logicalDpiY() / 72.0
    term_font, text_font = font(7.5, bold=True), font(7.5)
    terms = QFontMetricsF(term_font, painter.device())
    texts = QFontMetricsF(text_font, painter.device())
    width = body.width() - LABEL_WIDTH
    for term, text in about_rows(data):
        head = terms.boundingRect(QRectF(0, 0, (LABEL_WIDTH - 6) * scale, 1000), wrap, term)
        box = texts.boundingRect(QRectF(0, 0, width * scale, 100000), wrap, text)
        height = max(head.height(), box.height()) / scale + 3
        painter.setFont(term_font)
        painter.drawText(QRectF(body.left(), y, LABEL_WIDTH - 6, height), wrap, term)
        painter.setFont(text_font)
        painter.drawText(QRectF(body.left() + LABEL_WIDTH, y, width, height), wrap, text)
        y += height
    return y
