"""The four Progress charts on one shared date axis, as one pyqtgraph layout: pain
before/after (a mark per session, lines of the daily or weekly mean), how far down each
leg the symptoms reach, sessions per day against the target band, and the press-up range.
Series differ by colour *and* line style or symbol (greyscale). Each plot's title and
legend share the row above its data; only the lowest chart writes the dates (the others'
ticks are the same, worked out once: ``date_axis.SharedTicks``)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from sciatica_journal.domain.language import _
from sciatica_journal.gui import palette
from sciatica_journal.gui.chart_parts import (
    DAY,
    LEGEND_SIZE,
    TITLE_ROW,
    TITLE_SIZE,
    FittingAxis,
    best_range_name,
    chart_colour,
    charts_description,
    count_levels,
    count_titles,
    day_steps,
    fit_title,
    left_axis_width,
    pain_titles,
    pen,
    range_names,
    thinned_tiers,
    use_chart_colours,
    widen_lone_points,
)
from sciatica_journal.gui.date_axis import LocalDateAxis, SharedTicks
from sciatica_journal.services.progress_service import DailySeries, SessionSeries, WeeklySeries

THIN = 1.0  # px: the lines' width over weeks


class ProgressCharts(pg.GraphicsLayoutWidget):
    """The charts and their series; ``hovered`` gives the time under the pointer."""

    hovered = Signal(float)

    def __init__(self, level_names: Mapping[int, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._levels = {float(k): v for k, v in level_names.items()}
        self.setAccessibleName(_("Progress charts"))
        self.setAccessibleDescription(charts_description())
        # Each of the four charts keeps about 85 px; the page fits 1024x600 (about 505 px).
        self.setMinimumSize(360, 340)
        self.ci.setContentsMargins(4, 2, 8, 2)
        self.ci.setSpacing(2)
        self._axis_width = left_axis_width(self._levels.values(), self.font())
        self.build()

    # ---- building ----------------------------------------------------------------

    def _plot(self, row: int, titles: tuple[str, ...], left: FittingAxis) -> pg.PlotItem:
        """A plot whose title (left) and legend (right) share the row above the data, so
        the legend never covers a point; ``titles``: wordings from the longest down."""
        axis = LocalDateAxis(self._ticks, orientation="bottom")
        # No menu: none is offered, and each would be a form of widgets built for nothing.
        plot = self.addPlot(
            row=row, col=0, axisItems={"bottom": axis, "left": left}, enableMenu=False
        )
        plot.setTitle(titles[0], size=TITLE_SIZE, justify="left")
        plot.layout.setRowFixedHeight(0, TITLE_ROW)
        plot.titleLabel.setMaximumHeight(TITLE_ROW)
        # No grid: over ten years its lines cost more to draw than all the data.
        # The period buttons choose what is shown: the wheel scrolls the page (no zoom), and
        # there is no chart menu or auto-range button to stumble on.
        plot.setMouseEnabled(x=False, y=False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        # No clipping to the view nor downsampling: every series is a few hundred points at
        # most (a mark per session of the last months, lines of days or weeks), and both
        # would give every series its data again on each change of the period.
        legend = pg.LegendItem(
            offset=(-2, 1), labelTextSize=LEGEND_SIZE, colCount=6, frame=False, verSpacing=-4
        )
        legend.setParentItem(plot)
        legend.layout.setContentsMargins(0, 0, 0, 0)
        self._legends[plot] = legend
        self._titles[plot] = titles
        left.setWidth(self._axis_width)  # the same width everywhere keeps the dates aligned
        cursor = pg.InfiniteLine(angle=90, pen=pen("cursor", width=1))
        cursor.setVisible(False)
        plot.addItem(cursor, ignoreBounds=True)
        self.cursors.append(cursor)
        plot.vb.sigResized.connect(lambda _=None, p=plot: self._fit_title(p))
        return plot

    def _add(
        self, plot: pg.PlotItem, name: str | None = None, **options: object
    ) -> pg.PlotDataItem:
        item = plot.plot(**options)
        if name:
            self._legends[plot].addItem(item, name)
        return item

    def _line(
        self,
        plot: pg.PlotItem,
        name: str,
        role: str,
        style: Qt.PenStyle = Qt.PenStyle.SolidLine,
        width: float = 2.0,
    ) -> pg.PlotDataItem:
        """A line in the legend, drawn ``width`` wide over days and thin over weeks (its
        hundreds of slanted strokes would cost five times as much to draw wide)."""
        item = self._add(plot, name, pen=pen(role, style, width), connect="finite")
        self._pens[item] = (role, style, width)
        return item

    def _steps(self, plot: pg.PlotItem, name: str, line: object) -> pg.PlotDataItem:
        """A step line (``day_steps``): only level and upright strokes, which need no
        antialiasing (the costly part of drawing a wide line over years)."""
        return self._add(plot, name, pen=line, connect="finite", antialias=False)

    def build(self) -> None:
        """Build the plots and their series (again after the colours changed)."""
        self.cursors: list[pg.InfiniteLine] = []
        self._legends: dict[pg.PlotItem, pg.LegendItem] = {}
        self._titles: dict[pg.PlotItem, tuple[str, ...]] = {}
        self._ticks = SharedTicks()
        self._pens: dict[pg.PlotDataItem, tuple[str, Qt.PenStyle, float]] = {}
        dash, dot, dashdot = Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine
        self.pain_axis = FittingAxis(
            {float(v): str(v) for v in range(11)},
            [range(0, 11, 2), (0, 5, 10), (0, 10), (0,)],
        )
        self.pain_plot = p = self._plot(0, pain_titles(), self.pain_axis)
        p.setYRange(-0.6, 10.6, padding=0)
        self.back_points = p.plot(
            pen=None, symbol="o", symbolSize=7, symbolPen=pen("back", width=1.2), symbolBrush=None
        )
        self.leg_points = p.plot(
            pen=None, symbol="x", symbolSize=8, symbolPen=None, symbolBrush=chart_colour("leg")
        )
        self.back_before = self._line(p, _("back before"), "back")
        self.back_after = self._line(p, _("back after"), "back", dot)
        self.leg_before = self._line(p, _("leg before"), "leg", dash)
        self.leg_after = self._line(p, _("leg after"), "leg", dashdot)

        levels = self._levels
        self.extent_axis = FittingAxis(levels, thinned_tiers(sorted(levels)))
        self.extent_plot = self._plot(
            1,
            (_("How far down the leg (lower is better)"), _("Reach (lower is better)")),
            self.extent_axis,
        )
        self.extent_plot.setYRange(min(levels) - 0.6, max(levels) + 0.6, padding=0)
        self.left_extent = self._steps(self.extent_plot, _("left leg"), pen("left", width=2.5))
        self.right_extent = self._steps(
            self.extent_plot, _("right leg"), pen("right", dash, width=2.5)
        )

        self.count_axis = FittingAxis({}, [])
        self.count_plot = self._plot(2, count_titles(), self.count_axis)
        self.band = pg.LinearRegionItem(
            orientation="horizontal",
            movable=False,
            brush=pg.mkBrush(*palette.current().chart_band),
            pen=pg.mkPen(None),
        )
        self.count_plot.addItem(self.band, ignoreBounds=True)
        self.bars = pg.BarGraphItem(
            x=[],
            height=[],
            width=DAY * 0.8,
            brush=chart_colour("bars"),
            pen=pen("bar_edge", width=1),
        )
        self.count_plot.addItem(self.bars)

        ranges = range_names()
        self.range_axis = FittingAxis(ranges, [sorted(ranges), (0.5, 1.0), (0.25, 1.0), (1.0,)])
        self.range_plot = self._plot(
            3, (_("Press-up range reached (pelvis down)"), _("Press-up range")), self.range_axis
        )
        self.range_plot.setYRange(0, 1.12, padding=0)
        self.range_points = self._add(
            self.range_plot,
            _("each press-up"),
            pen=None,
            symbol="t",
            symbolSize=8,
            symbolBrush=chart_colour("points"),
            symbolPen=None,
        )
        self.range_best = self._steps(self.range_plot, best_range_name(), pen("best"))

        for plot in (self.extent_plot, self.count_plot, self.range_plot):
            plot.setXLink(self.pain_plot)
        for plot in self.plots():
            plot.enableAutoRange(axis="y", enable=False)  # fixed scales: 0-10, levels, ranges
        for plot in (self.pain_plot, self.extent_plot, self.count_plot):
            plot.getAxis("bottom").setStyle(showValues=False)
            plot.getAxis("bottom").setHeight(6)
        self._mouse = pg.SignalProxy(self.scene().sigMouseMoved, rateLimit=30, slot=self._hover)

    def plots(self) -> tuple[pg.PlotItem, ...]:
        return (self.pain_plot, self.extent_plot, self.count_plot, self.range_plot)

    def _fit_title(self, plot: pg.PlotItem) -> None:
        if plot in self._titles:  # not a plot dropped when the colours changed
            fit_title(plot, self._titles[plot], self._legends[plot].width(), QFont(self.font()))

    def legend(self, plot: pg.PlotItem) -> pg.LegendItem:
        return self._legends[plot]

    def recolour(self) -> None:
        """Light or dark changed: the charts are built again in the new colours."""
        self.release()
        use_chart_colours(self)
        self.build()

    def release(self) -> None:
        """Unlink the plots before Qt deletes them (pyqtgraph's links would outlive them)."""
        self._mouse.disconnect()
        for plot in (self.extent_plot, self.count_plot, self.range_plot):
            plot.setXLink(None)
        self.hide()

    # ---- data --------------------------------------------------------------------

    def show_target(self, target_min: int, target_max: int, most: float) -> None:
        """The target band, and the sessions axis from 0 to above ``most`` and the band."""
        self.band.setRegion((target_min, target_max))
        top = max(most, target_max) + 1
        self.count_plot.setYRange(0, top, padding=0)
        self.count_axis.set_levels(*count_levels(int(top)))

    def show_lines(self, series: DailySeries | WeeklySeries) -> None:
        """The daily lines and bars, or the weekly ones (a week's bar as wide as its days
        in the journal)."""
        t = series.t
        weekly = isinstance(series, WeeklySeries)
        for item, (role, style, width) in self._pens.items():
            item.setPen(pen(role, style, THIN if weekly else width))
        spans = series.days * DAY if isinstance(series, WeeklySeries) else np.full(len(t), DAY)
        half = float(np.max(spans, initial=DAY)) / 2
        for item, values in (
            (self.back_before, series.back_before),
            (self.back_after, series.back_after),
            (self.leg_before, series.leg_before),
            (self.leg_after, series.leg_after),
        ):
            item.setData(*widen_lone_points(t, values, half * 0.6))
        self.left_extent.setData(*day_steps(t, series.left_extent, half))
        self.right_extent.setData(*day_steps(t, series.right_extent, half))
        self.range_best.setData(*day_steps(t, series.best_range, half))
        self.bars.setOpts(x=t, height=series.sessions, width=spans * 0.8)
        for plot in (self.pain_plot, self.extent_plot, self.count_plot):
            plot.getAxis("bottom").major_only = weekly  # years alone above the dates
        # The words say what a point is: a day's (and each session's) or a week's.
        self._titles[self.pain_plot] = pain_titles(weekly)
        self._titles[self.count_plot] = count_titles(weekly)
        for plot in (self.pain_plot, self.count_plot):
            self._fit_title(plot)
        legend = self._legends[self.range_plot]
        legend.getLabel(self.range_best).setText(best_range_name(weekly))
        for sample, label in legend.items:  # no mark for each press-up over weeks
            if sample.item is self.range_points:
                sample.setVisible(not weekly)
                label.setVisible(not weekly)

    def show_marks(self, s: SessionSeries, first: int) -> None:
        """A mark for each session from index ``first`` on (past the end: none)."""
        t, press = s.t[first:], s.range_fraction[first:]
        self.back_points.setData(t, s.back_before[first:])
        self.leg_points.setData(t, s.leg_before[first:])
        self.range_points.setData(t[~np.isnan(press)], press[~np.isnan(press)])

    def show_cursor(self, x: float) -> None:
        for cursor in self.cursors:
            cursor.setPos(x)
            cursor.setVisible(True)

    def _hover(self, event: tuple[QPointF]) -> None:
        position = event[0]
        for plot in self.plots():
            if plot.sceneBoundingRect().contains(position):
                self.hovered.emit(float(plot.vb.mapSceneToView(position).x()))
                return
