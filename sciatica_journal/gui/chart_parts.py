"""The parts the Progress charts are built from: colours, the axis that fits its labels
(the date axis is ``gui.date_axis``), the read-out label, step lines for days, and the
words of the day read-out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from sciatica_journal.domain import language
from sciatica_journal.domain.language import _, medium_date, n_, p_
from sciatica_journal.domain.sessions import PressUpRange
from sciatica_journal.gui import palette
from sciatica_journal.gui.file_dialogs import ask_save_path
from sciatica_journal.services.progress_service import DailySeries

DAY = 86400.0
PRESETS = (7, 30, 90, None)  # the periods shown: the last 7, 30, 90 days, or all
DETAIL_DAYS = 120  # wider than this, single-session points are hidden
TITLE_ROW = 22  # px: the row above each plot that holds its title and legend
TITLE_SIZE = "10pt"
LEGEND_SIZE = "8pt"


def preset_label(days: int | None) -> str:
    """A period button's text: "30 d", "All"."""
    if days is None:
        return _("All")
    return n_("{n} d", "{n} d", days).format(n=days)


def preset_name(days: int | None) -> str:
    """A period button's accessible name: "Show the last 30 days", "Show all"."""
    if days is None:
        return _("Show all")
    return n_("Show the last {n} day", "Show the last {n} days", days).format(n=days)


def charts_description() -> str:
    """What the charts show, for a screen reader."""
    return _(
        "Four charts over time: back and leg pain, how far down each leg the symptoms "
        "reach, sessions per day with the target band, and the press-up range."
    )


def pain_titles(weekly: bool = False) -> tuple[str, ...]:
    """The pain chart's title, from the longest wording down (the longest that fits): over
    days a mark for each session and lines of the daily means, over weeks (a period of
    many months) lines of the weekly means only."""
    first: tuple[str, ...]
    if weekly:  # a shorter wording still says what a line is (German is longer)
        return (
            _("Pain (0 none – 10 worst) · lines: weekly mean"),
            _("Pain 0–10 · weekly mean"),
            _("Pain 0–10"),
        )
    else:
        first = (
            _("Pain (0 none – 10 worst) · lines: daily mean · marks: each session"),
            _("Pain (0 none – 10 worst) · marks: each session"),
        )
    return (*first, _("Pain (0 none – 10 worst)"), _("Pain 0–10"))


def count_titles(weekly: bool = False) -> tuple[str, ...]:
    """The sessions chart's title, from the longest wording down: over weeks a bar is the
    week's mean of sessions per day."""
    if weekly:
        return (
            _("Sessions per day, weekly mean (shaded: your target band)"),
            _("Sessions per day, weekly mean"),
        )
    return (
        _("Sessions per day (shaded: your target band)"),
        _("Sessions per day (band: target)"),
    )


def best_range_name(weekly: bool = False) -> str:
    """The legend's name of the best press-up line."""
    return _("best of the week") if weekly else _("best of the day")


def range_names() -> dict[float, str]:
    """The press-up ranges by fraction, as the range axis and the read-out name them."""
    return {r.fraction: r.short for r in PressUpRange}


def chart_colour(role: str) -> str:
    """A chart colour of the set in use: ``back`` is ``gui.palette.Colours.chart_back``."""
    return str(getattr(palette.current(), f"chart_{role}"))


def pen(role: str, style: Qt.PenStyle = Qt.PenStyle.SolidLine, width: float = 2.0) -> object:
    return pg.mkPen(chart_colour(role), width=width, style=style)


def use_chart_colours(charts: pg.GraphicsLayoutWidget | None = None) -> None:
    """pyqtgraph's defaults (background, axes and text) from the set in use; the charts are
    built after this (and built again when light or dark changes)."""
    colours = palette.current()
    pg.setConfigOptions(
        antialias=True, background=colours.chart_background, foreground=colours.chart_text
    )
    if charts is not None:  # charts built before: emptied, to be built again
        charts.setBackground(colours.chart_background)
        charts.clear()
        charts.show()


def day_steps(t: np.ndarray, y: np.ndarray, half: float) -> tuple[np.ndarray, np.ndarray]:
    """A step line in which each value covers its own day (``t`` ± ``half``) and holds until
    the next recorded day; so a lone day is a short level line instead of nothing."""
    if len(t) == 0:
        return t, y
    edges = np.empty(len(t) + 1)
    edges[:-1] = t - half
    edges[-1] = t[-1] + half
    return np.repeat(edges, 2)[1:-1], np.repeat(y, 2)


def widen_lone_points(t: np.ndarray, y: np.ndarray, half: float) -> tuple[np.ndarray, np.ndarray]:
    """A line through ``y`` draws nothing at a value without a finite neighbour: such a
    value becomes a short level line across its day (``t`` ± ``half``)."""
    finite = ~np.isnan(y)
    before = np.concatenate(([False], finite[:-1]))
    after = np.concatenate((finite[1:], [False]))
    lone = finite & ~before & ~after
    if not lone.any():
        return t, y
    counts = 1 + lone.astype(int)
    x2 = np.repeat(t, counts)
    y2 = np.repeat(y, counts)
    first = (np.cumsum(counts) - counts)[lone]
    x2[first] -= half
    x2[first + 1] += half
    return x2, y2


def count_levels(top: int) -> tuple[dict[float, str], list[list[float]]]:
    """The sessions-per-day axis's labels from 0 to ``top`` and its tiers, finest first."""
    counts = [float(v) for v in range(top + 1)]
    tiers = [counts[::step] for step in (1, 2, 4, 5, 10, 20)] + [[0.0]]
    return {v: f"{v:g}" for v in counts}, tiers


def nearest_day(t: np.ndarray, x: float) -> int:
    """The index of the value of ``t`` (sorted, not empty) nearest to ``x``."""
    i = int(np.clip(np.searchsorted(t, x), 0, len(t) - 1))
    return i - 1 if i > 0 and abs(t[i - 1] - x) < abs(t[i] - x) else i


def thinned_tiers(values: Sequence[float]) -> list[list[float]]:
    """Tiers of tick labels for ``FittingAxis``, finest first: every value, then every
    second, fourth, ... from the first, always with the last (the one before it dropped
    when nearer than half a stride), and at the end the first alone. For body levels 0-7:
    all, (0, 2, 4, 7), (0, 4, 7), (0, 7), (0,)."""
    values = list(values)
    if not values:
        return []
    tiers = [values]
    stride = 2
    while len(tiers[-1]) > 2:
        indexes = list(range(0, len(values), stride))
        last = len(values) - 1
        if indexes[-1] != last:
            if len(indexes) > 1 and last - indexes[-1] <= stride // 2:
                indexes.pop()
            indexes.append(last)
        tiers.append([values[i] for i in indexes])
        stride *= 2
    if len(tiers[-1]) > 1:
        tiers.append(values[:1])
    return tiers


class FittingAxis(pg.AxisItem):
    """A left axis with fixed, named ticks whose labels never overlap: of the ``tiers``
    (finest first, each a list of values) the finest one whose labels are at least a line
    apart at the current height gets labels; the other values keep an unlabelled tick.
    Chosen again on every repaint, so a resize re-thins the labels."""

    def __init__(self, labels: dict[float, str], tiers: Sequence[Sequence[float]]) -> None:
        super().__init__(orientation="left")
        self.setStyle(maxTextLevel=0)  # the unlabelled ticks never get text
        self.set_levels(labels, tiers)

    def set_levels(self, labels: dict[float, str], tiers: Sequence[Sequence[float]]) -> None:
        self._labels = dict(labels)
        self._tiers = [sorted(tier) for tier in tiers if tier]
        self.picture = None
        self.update()

    def line_height(self) -> float:
        font = self.style["tickFont"] or self.font()
        return QFontMetricsF(font).height() + 2

    def labelled(self, low: float, high: float, pixels: float) -> list[float]:
        """The values that get a label when ``low``..``high`` spans ``pixels``."""
        per_unit = pixels / max(high - low, 1e-9)
        need = self.line_height()
        for tier in self._tiers:
            shown = [v for v in tier if low <= v <= high]
            gaps = np.diff(shown) * per_unit
            if len(shown) <= 1 or float(gaps.min()) >= need:
                return shown
        return []

    def tickValues(
        self,
        minVal: float,
        maxVal: float,
        size: float,
    ) -> list[tuple[float, list[float]]]:
        low, high = sorted((minVal, maxVal))
        major = self.labelled(low, high, size)
        every = self._tiers[0] if self._tiers else []
        minor = [v for v in every if low <= v <= high and v not in major]
        return [(1.0, major), (0.5, minor)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [self._labels.get(float(v), f"{v:g}") for v in values]


class ReadOut(QLabel):
    """A label of a fixed two-line height that wraps its text. It claims no
    height-for-width, so neither a long text nor a narrow window makes the page (or the
    scroll area around it) taller or wider."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 4)

    def hasHeightForWidth(self) -> bool:
        return False


def day_readout(d: DailySeries, i: int, names: Mapping[int, str]) -> str:
    """The read-out of day ``i``: sessions, pain before → after, reach, best press-up."""

    def num(v: float) -> str:
        return "–" if np.isnan(v) else plain_decimal(float(v))

    def reach(v: float) -> str:
        if np.isnan(v):
            return p_("symptoms reach", "nothing")
        return names.get(int(v), str(int(v)))

    day: dt.date = d.dates[i]
    best = d.best_range[i]
    count = int(d.sessions[i])
    parts = [
        _("{date}: {sessions}").format(
            date=medium_date(day),
            sessions=n_("{n} session", "{n} sessions", count).format(n=count),
        ),
        _("back pain {before} → {after}").format(
            before=num(d.back_before[i]), after=num(d.back_after[i])
        ),
        _("leg pain {before} → {after}").format(
            before=num(d.leg_before[i]), after=num(d.leg_after[i])
        ),
        _("reaches: left {left}, right {right}").format(
            left=reach(d.left_extent[i]), right=reach(d.right_extent[i])
        ),
    ]
    if not np.isnan(best):
        best_name = range_names().get(float(best), num(best))
        parts.append(_("best press-up {range}").format(range=best_name))
    return " · ".join(parts)


def plain_decimal(value: float) -> str:
    """One decimal in the language's mark, without a needless ",0": "3,5", "4"."""
    whole = round(value, 1) == round(value)
    return language.decimal(value, 0 if whole else 1)


def fit_title(plot: pg.PlotItem, titles: Sequence[str], legend_width: float, font: QFont) -> None:
    """Give the plot the longest of its titles that fits beside its legend (else the
    shortest)."""
    font.setPointSizeF(float(TITLE_SIZE.removesuffix("pt")))
    metrics = QFontMetricsF(font)
    room = plot.vb.width() - legend_width - 16
    text = next((t for t in titles if metrics.horizontalAdvance(t) <= room), titles[-1])
    if plot.titleLabel.text != text:
        plot.setTitle(text, size=TITLE_SIZE, justify="left")
        plot.layout.setRowFixedHeight(0, TITLE_ROW)
        plot.titleLabel.setMaximumHeight(TITLE_ROW)


def save_charts_png(
    charts: pg.GraphicsLayoutWidget, cursors: list[pg.InfiniteLine], path: Path
) -> bool:
    """The charts as they are shown, without the pointer's day line."""
    shown = [cursor.isVisible() for cursor in cursors]
    for cursor in cursors:
        cursor.setVisible(False)
    try:
        return bool(charts.grab().save(str(path), "PNG"))
    finally:
        for cursor, visible in zip(cursors, shown, strict=True):
            cursor.setVisible(visible)


def ask_and_save_png(
    parent: QWidget, save: Callable[[Path], bool], say: Callable[[str], None]
) -> None:
    """Save as PNG…: ask where, save, and say what happened."""
    chosen = ask_save_path(
        parent, _("Save the charts"), Path.home() / "sciatica-progress.png", _("PNG (*.png)")
    )
    if chosen is not None:
        suffix = "" if chosen.suffix.lower() == ".png" else ".png"
        target = chosen.with_name(chosen.name + suffix)
        done = _("Saved {path}.") if save(target) else _("Could not save {path}.")
        say(done.format(path=target))


def left_axis_width(labels: Iterable[str], font: QFont, least: int = 84) -> int:
    """A width for the charts' left axes that holds the longest of ``labels`` (a level's
    name is longer in German: "unterer Rücken"), the same for every chart so their dates
    line up; at least ``least`` pixels."""
    metrics = QFontMetricsF(font)
    widest = max((metrics.horizontalAdvance(text) for text in labels), default=0.0)
    return max(least, int(widest) + 24)
