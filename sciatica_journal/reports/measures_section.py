"""The report's "Measures" block (issue 15 point 2): for each weekly measure, its baseline
(the first check of the period) against the latest, with their dates, the change and
whether it reaches the published important change (the source in a footnote line), each
PSFS activity by name; where the wording in the language spoken is not a validated version
of an instrument, a line says so. A period without a check has one line.

The numbers are ``MeasureService.changes`` of the period, the same as ``summary --json``'s
``measures``. ``paint_measures`` paints the block at the top of the rectangle given and
returns the y below it; the words are also used by Progress (``gui.measure_chart``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter

from sciatica_journal.domain import language
from sciatica_journal.domain.language import _, medium_date
from sciatica_journal.domain.measure_results import ActivityChange, MeasureChange
from sciatica_journal.domain.measures import Better, ImportantKind, Measure, Scoring
from sciatica_journal.domain.rounding import MEAN_PLACES
from sciatica_journal.reports.pdf_page import INK, MUTED, font

if TYPE_CHECKING:  # a type only: Progress uses this module without the report's services
    from sciatica_journal.services.report_service import ReportData

INDENT = 12.0  # the PSFS activities under their measure


def measures_title() -> str:
    return _("Measures (weekly checks)")


def no_checks() -> str:
    return _("No weekly checks in this period.")


def score_words(measure: Measure, value: float | None) -> str:
    """A score as printed: the PSFS mean with 2 decimals, a sum or an answer whole."""
    if value is None:
        return "–"
    places = MEAN_PLACES if measure.scoring is Scoring.MEAN else 0
    return language.decimal(value, places)


def change_words(measure: Measure, value: float | None) -> str:
    """A change as printed: "+2.50", "-10"."""
    if value is None:
        return "–"
    places = MEAN_PLACES if measure.scoring is Scoring.MEAN else 0
    return ("+" if value >= 0 else "-") + language.decimal(abs(value), places)


def heading_words(measure: Measure) -> str:
    """ "Sciatica Bothersomeness Index — 0–24, lower is better"."""
    low, high = measure.score_range
    better = _("lower is better") if measure.better is Better.LOWER else _("higher is better")
    return _("{name} — {low}–{high}, {better}").format(
        name=measure.name, low=low, high=high, better=better
    )


def important_words(measure: Measure) -> str:
    """The published important change in words (the footnote gives its source)."""
    important = measure.important
    value = language.decimal(important.value, 1)
    if important.kind is ImportantKind.SCORE_AT_MOST:
        return _("a latest score of {value} or lower, from a baseline above it").format(value=value)
    if important.kind is ImportantKind.ANSWER_AT_MOST:
        anchor = measure.anchors.get(int(important.value), str(int(important.value)))
        return _("an answer of \u201c{answer}\u201d or better").format(answer=anchor)
    text = _("an improvement of at least {value} points from the baseline").format(value=value)
    if important.activity_value is not None:
        text = _("{text}, or {value} points in one activity").format(
            text=text, value=language.decimal(important.activity_value, 1)
        )
    return text


def reached_words(reached: bool | None) -> str:
    if reached is None:
        return _("important change not known yet")
    if reached:
        return _("reaches the published important change")
    return _("does not reach the published important change")


def _answer(measure: Measure, value: float | None) -> str:
    """A global rating with its words: "2 (much better)"."""
    if value is None:
        return "–"
    words = measure.anchors.get(int(value))
    number = score_words(measure, value)
    return number if words is None else _("{number} ({words})").format(number=number, words=words)


def change_line(measure: Measure, change: MeasureChange, mark: str = "") -> str:
    """Baseline vs latest of one measure, the change and whether it reaches the published
    important change (``mark``: the footnote's sign)."""
    if change.responses == 0 or change.baseline_date is None or change.latest_date is None:
        return _("no answer in this period")
    reached = reached_words(change.important) + mark
    if measure.scoring is Scoring.SINGLE:
        if change.responses == 1:
            return _("answer {latest} ({latest_date}); {reached}").format(
                latest=_answer(measure, change.latest),
                latest_date=medium_date(change.latest_date),
                reached=reached,
            )
        return _(
            "first answer {baseline} ({baseline_date}) → latest {latest} ({latest_date}); {reached}"
        ).format(
            baseline=_answer(measure, change.baseline),
            baseline_date=medium_date(change.baseline_date),
            latest=_answer(measure, change.latest),
            latest_date=medium_date(change.latest_date),
            reached=reached,
        )
    if change.responses == 1:
        return _("baseline {baseline} ({baseline_date}); one check only, no change yet").format(
            baseline=score_words(measure, change.baseline),
            baseline_date=medium_date(change.baseline_date),
        )
    return _(
        "baseline {baseline} ({baseline_date}) → latest {latest} ({latest_date}); "
        "change {change}; {reached}"
    ).format(
        baseline=score_words(measure, change.baseline),
        baseline_date=medium_date(change.baseline_date),
        latest=score_words(measure, change.latest),
        latest_date=medium_date(change.latest_date),
        change=change_words(measure, change.change),
        reached=reached,
    )


def activity_line(activity: ActivityChange) -> str:
    """One PSFS activity by name: its first and latest rating and their change."""
    name = activity.name
    if activity.baseline is None:
        return _("\u201c{name}\u201d: first rated later; latest {latest}").format(
            name=name, latest=activity.latest
        )
    if activity.latest is None:
        return _("\u201c{name}\u201d: baseline {baseline}; not rated at the latest check").format(
            name=name, baseline=activity.baseline
        )
    if activity.change is None:
        return _("\u201c{name}\u201d: baseline {baseline}").format(
            name=name, baseline=activity.baseline
        )
    if activity.important:
        reached = _("reaches the important change of one activity")
    else:
        reached = _("does not reach the important change of one activity")
    return _(
        "\u201c{name}\u201d: baseline {baseline} → latest {latest}; change {change}; {reached}"
    ).format(
        name=name,
        baseline=activity.baseline,
        latest=activity.latest,
        change=("+" if activity.change >= 0 else "-") + str(abs(activity.change)),
        reached=reached,
    )


def footnote(measure: Measure, mark: str) -> str:
    """The footnote of a measure: the instrument's publication, its important change in
    words and where that was published."""
    return _("{mark} {short}: {instrument} Important change: {words}. Source: {source}").format(
        mark=mark,
        short=measure.short,
        instrument=measure.source,
        words=important_words(measure),
        source=measure.important.source,
    )


def not_validated_line(measures: list[Measure]) -> str | None:
    """In a language in which a measure's wording is not a validated version, the line
    that says so (None where every wording is)."""
    spoken = language.code()
    shorts = [m.short for m in measures if not m.validated_in(spoken)]
    if not shorts:
        return None
    return _(
        "The wording of {measures} in this language is not a validated version of the "
        "instrument: it is the app's own translation."
    ).format(measures=", ".join(shorts))


MARKS = ("¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹")


def _text(
    painter: QPainter, x: float, y: float, width: float, text: str, size: float, bold: bool = False
) -> float:
    """``text`` wrapped in ``width`` at (x, y); returns the y below it."""
    painter.setFont(font(size, bold=bold))
    scale = painter.device().logicalDpiY() / 72.0
    wrap = int(Qt.TextFlag.TextWordWrap)
    metrics = QFontMetricsF(painter.font(), painter.device())
    height = metrics.boundingRect(QRectF(0, 0, width * scale, 10000), wrap, text).height() / scale
    painter.drawText(QRectF(x, y, width, height + 2), wrap, text)
    return y + height + 2


def paint_measures(painter: QPainter, body: QRectF, data: ReportData) -> float:
    """The block at the top of ``body``; returns the y below it."""
    left, width = body.left(), body.width()
    painter.setPen(INK)
    y = _text(painter, left, body.top(), width, measures_title(), 11, bold=True) + 2
    changes = list(data.measures)
    if data.measure_set is None or not any(c.responses for c in changes):
        return _text(painter, left, y, width, no_checks(), 8)
    measures = [data.measure_set.measure(c.measure) for c in changes]
    notes: list[str] = []
    for measure, change in zip(measures, changes, strict=True):
        mark = ""
        if change.responses:
            mark = MARKS[len(notes) % len(MARKS)]
            notes.append(footnote(measure, mark))
        painter.setPen(INK)
        y = _text(painter, left, y, width, heading_words(measure), 8.5, bold=True)
        y = _text(painter, left, y, width, change_line(measure, change, mark), 8)
        for activity in change.activities:
            y = _text(painter, left + INDENT, y, width - INDENT, activity_line(activity), 8)
        y += 3
    painter.setPen(MUTED)
    unvalidated = not_validated_line(measures)
    if unvalidated is not None:
        y = _text(painter, left, y, width, unvalidated, 7.5)
    for note in notes:
        y = _text(painter, left, y, width, note, 7)
    painter.setPen(INK)
    return y
