"""Progress: charts on one shared date axis — pain before/after, how far down the leg the
symptoms reach, sessions per day against the target band, and the press-up range — with
7 d / 30 d / 90 d / all, a read-out of the day under the pointer, and Save as PNG. Series
differ by colour *and* line style or symbol (greyscale). The arrays are read once per
change; a period shows daily lines and the marks of its sessions, or weekly lines."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.language import _
from sciatica_journal.gui import palette
from sciatica_journal.gui.chart_parts import (
    DAY,
    DETAIL_DAYS,
    LEGEND_SIZE,
    PRESETS,
    TITLE_ROW,
    TITLE_SIZE,
    FittingAxis,
    LocalDateAxis,
    ReadOut,
    ask_and_save_png,
    chart_colour,
    charts_description,
    count_levels,
    day_readout,
    day_steps,
    fit_title,
    left_axis_width,
    nearest_day,
    pain_titles,
    pen,
    preset_label,
    preset_name,
    range_names,
    save_charts_png,
    thinned_tiers,
    use_chart_colours,
    widen_lone_points,
)
from sciatica_journal.gui.response_table import ResponseView
from sciatica_journal.gui.theme import theme
from sciatica_journal.services.operations import Kind
from sciatica_journal.services.progress_service import ProgressData, ProgressService


class ProgressPage(QWidget):
    shows = frozenset({Kind.SESSIONS, Kind.CHECK_INS, Kind.PROFILE})

    def __init__(self, progress: ProgressService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._progress = progress
        self._data: ProgressData | None = None
        self._days_shown: int | None = 30
        self.setAccessibleName(_("Progress"))
        use_chart_colours()

        title = QLabel(_("Progress"))
        title.setObjectName("pageTitle")
        self.preset_group = QButtonGroup(self)
        presets = QHBoxLayout()
        for index, days in enumerate(PRESETS):
            button = QPushButton(preset_label(days))
            button.setCheckable(True)
            button.setAccessibleName(preset_name(days))
            button.clicked.connect(lambda _=False, d=days: self.show_days(d))
            self.preset_group.addButton(button, index)
            presets.addWidget(button)
        self.preset_group.button(1).setChecked(True)
        presets.addStretch(1)
        self.save_button = QPushButton(_("Save as PNG…"))
        self.save_button.setAccessibleName(_("Save the charts as PNG"))
        presets.addWidget(self.save_button)
        # A fixed place of two lines that wraps: a long read-out never widens the window.
        self.readout = ReadOut(_("Point at a day to see its values."))
        self.save_button.clicked.connect(
            lambda: ask_and_save_png(self, self.save_png, self.readout.setText)
        )
        self.readout.setAccessibleName(_("Values of the day under the pointer"))
        self.readout.setObjectName("hint")
        self.empty_label = QLabel(_("No sessions yet: the charts fill in as you record them."))
        self.empty_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.charts = pg.GraphicsLayoutWidget()
        self.charts.setAccessibleName(_("Progress charts"))
        self.charts.setAccessibleDescription(charts_description())
        # Each of the four charts keeps about 85 px; the page fits 1024x600 (about 505 px).
        self.charts.setMinimumSize(360, 340)
        self.charts.ci.setContentsMargins(4, 2, 8, 2)
        self.charts.ci.setSpacing(2)
        self._axis_width = left_axis_width(self._progress.level_names().values(), self.font())
        self._build_plots()
        self.views = ResponseView(self.charts, progress)  # the charts, or what each rung did
        theme().changed.connect(self._recolour)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(6)
        layout.addLayout(self.views.title_row(title))  # the title, and By exercise at right
        layout.addLayout(presets)
        layout.addWidget(self.readout)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.views, stretch=1)
        self.reload()

    # ---- building ----------------------------------------------------------------

    def _plot(self, row: int, titles: tuple[str, ...], left: FittingAxis) -> pg.PlotItem:
        """A plot whose title (left) and legend (right) share the row above the data, so
        the legend never covers a point; ``titles``: wordings from the longest down."""
        axis = LocalDateAxis(orientation="bottom")
        plot = self.charts.addPlot(row=row, col=0, axisItems={"bottom": axis, "left": left})
        plot.setTitle(titles[0], size=TITLE_SIZE, justify="left")
        plot.layout.setRowFixedHeight(0, TITLE_ROW)
        plot.titleLabel.setMaximumHeight(TITLE_ROW)
        # No grid: over ten years its lines cost more to draw than all the data.
        # The period buttons choose what is shown: the wheel scrolls the page (no zoom), and
        # there is no chart menu or auto-range button to stumble on.
        plot.setMouseEnabled(x=False, y=False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setClipToView(True)
        plot.setDownsampling(auto=True, mode="peak")
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
        self._cursors.append(cursor)
        plot.vb.sigResized.connect(lambda _=None, p=plot: self._fit_title(p))
        return plot

    def _add(
        self, plot: pg.PlotItem, name: str | None = None, **options: object
    ) -> pg.PlotDataItem:
        item = plot.plot(**options)
        if name:
            self._legends[plot].addItem(item, name)
        return item

    def _build_plots(self) -> None:
        self._cursors: list[pg.InfiniteLine] = []
        self._legends: dict[pg.PlotItem, pg.LegendItem] = {}
        self._titles: dict[pg.PlotItem, tuple[str, ...]] = {}
        dash, dot, dashdot = Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine
        self.pain_axis = FittingAxis(
            {float(v): str(v) for v in range(11)},
            [range(0, 11, 2), (0, 5, 10), (0, 10), (0,)],
        )
        self.pain_plot = self._plot(0, pain_titles(), self.pain_axis)
        self.pain_plot.setYRange(-0.6, 10.6, padding=0)
        p = self.pain_plot
        self.back_points = p.plot(
            pen=None,
            symbol="o",
            symbolSize=7,
            symbolPen=pen("back", width=1.2),
            symbolBrush=None,
        )
        self.leg_points = p.plot(
            pen=None,
            symbol="x",
            symbolSize=8,
            symbolPen=None,
            symbolBrush=chart_colour("leg"),
        )
        self.back_before = self._add(p, _("back before"), pen=pen("back"))
        self.back_after = self._add(p, _("back after"), pen=pen("back", dot))
        self.leg_before = self._add(p, _("leg before"), pen=pen("leg", dash))
        self.leg_after = self._add(p, _("leg after"), pen=pen("leg", dashdot))

        levels = {float(k): v for k, v in self._progress.level_names().items()}
        self.extent_axis = FittingAxis(levels, thinned_tiers(sorted(levels)))
        self.extent_plot = self._plot(
            1,
            (_("How far down the leg (lower is better)"), _("Reach (lower is better)")),
            self.extent_axis,
        )
        self.extent_plot.setYRange(min(levels) - 0.6, max(levels) + 0.6, padding=0)
        self.left_extent = self._add(
            self.extent_plot, _("left leg"), pen=pen("left", width=2.5), connect="finite"
        )
        self.right_extent = self._add(
            self.extent_plot, _("right leg"), pen=pen("right", dash, width=2.5), connect="finite"
        )

        self.count_axis = FittingAxis({}, [])
        self.count_plot = self._plot(
            2,
            (
                _("Sessions per day (shaded: your target band)"),
                _("Sessions per day (band: target)"),
            ),
            self.count_axis,
        )
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
        self.range_best = self._add(
            self.range_plot, _("best of the day"), pen=pen("best"), connect="finite"
        )

        for plot in (self.extent_plot, self.count_plot, self.range_plot):
            plot.setXLink(self.pain_plot)
        for plot in (self.pain_plot, self.extent_plot, self.count_plot, self.range_plot):
            plot.enableAutoRange(axis="y", enable=False)  # fixed scales: 0-10, levels, ranges
        for plot in (self.pain_plot, self.extent_plot, self.count_plot):
            plot.getAxis("bottom").setStyle(showValues=False)
            plot.getAxis("bottom").setHeight(6)
        self.pain_plot.sigXRangeChanged.connect(self._range_changed)
        self._mouse = pg.SignalProxy(
            self.charts.scene().sigMouseMoved, rateLimit=30, slot=self._hover
        )

    def _fit_title(self, plot: pg.PlotItem) -> None:
        if plot in self._titles:  # not a plot dropped when the colours changed
            fit_title(plot, self._titles[plot], self._legends[plot].width(), QFont(self.font()))

    def legend(self, plot: pg.PlotItem) -> pg.LegendItem:
        return self._legends[plot]

    # ---- data ------------------------------------------------------------------

    def refresh(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read the journal again (after a change) and redraw."""
        self._data = self._progress.load()
        data = self._data
        self.empty_label.setVisible(data.empty)
        d = data.days
        self._detail: bool | None = None  # daily or weekly lines: chosen by the visible span
        self._points_from: int | None = None  # the first session given a mark (none: None)
        self._bars_daily = (d.t, d.sessions)
        self.band.setRegion((data.target_min, data.target_max))
        top = max(float(np.max(d.sessions)) if len(d.sessions) else 0, data.target_max) + 1
        self.count_plot.setYRange(0, top, padding=0)
        self.count_axis.set_levels(*count_levels(int(top)))
        self.show_days(self._days_shown)
        self._range_changed()

    def show_days(self, days: int | None) -> None:
        """The preset periods: the last 7, 30 or 90 days, or everything."""
        self._days_shown = days
        data = self._data
        if data is None:
            return
        end = data.now + DAY * 0.5
        if days is None:
            start = float(data.sessions.t[0]) - DAY if not data.empty else end - 30 * DAY
        else:
            start = end - days * DAY
        self.pain_plot.setXRange(start, end, padding=0)
        index = PRESETS.index(days)
        self.preset_group.button(index).setChecked(True)
        self.views.show_days(days)

    def _range_changed(self) -> None:
        """Up to about a season: a point for every session and daily lines. Wider: weekly
        lines only — the same picture at that scale, and redraws stay fast over years."""
        if self._data is None:
            return
        x0, x1 = self.visible_range()
        detailed = (x1 - x0) <= DETAIL_DAYS * DAY
        self._show_marks(x0 if detailed else None)
        if detailed == self._detail:
            return
        self._detail = detailed
        series = self._data.days if detailed else self._data.weeks
        t = series.t
        half = DAY / 2 if detailed else DAY * 3.5
        for item, values in (
            (self.back_before, series.back_before),
            (self.back_after, series.back_after),
            (self.leg_before, series.leg_before),
            (self.leg_after, series.leg_after),
        ):
            item.setData(*widen_lone_points(t, values, half * 0.6), connect="finite")
        self.left_extent.setData(*day_steps(t, series.left_extent, half), connect="finite")
        self.right_extent.setData(*day_steps(t, series.right_extent, half), connect="finite")
        self.range_best.setData(*day_steps(t, series.best_range, half), connect="finite")
        if detailed:
            x, height = self._bars_daily
            self.bars.setOpts(x=x, height=height, width=DAY * 0.8)
        else:  # the mean sessions per day of each week
            weeks = self._data.weeks
            self.bars.setOpts(x=weeks.t, height=weeks.sessions, width=DAY * 7 * 0.8)

    def _show_marks(self, x0: float | None) -> None:
        """A mark per session from ``x0`` on; ``None``: none (years of marks cost much)."""
        assert self._data is not None
        s = self._data.sessions
        first = len(s.t) if x0 is None else int(np.searchsorted(s.t, x0 - DAY))
        if first == self._points_from:
            return
        self._points_from = first
        t, press = s.t[first:], s.range_fraction[first:]
        self.back_points.setData(t, s.back_before[first:])
        self.leg_points.setData(t, s.leg_before[first:])
        self.range_points.setData(t[~np.isnan(press)], press[~np.isnan(press)])

    def visible_range(self) -> tuple[float, float]:
        x0, x1 = self.pain_plot.viewRange()[0]
        return float(x0), float(x1)

    # ---- hover -------------------------------------------------------------------

    def _hover(self, event: tuple[QPointF]) -> None:
        position = event[0]
        for plot in (self.pain_plot, self.extent_plot, self.count_plot, self.range_plot):
            if plot.sceneBoundingRect().contains(position):
                x = plot.vb.mapSceneToView(position).x()
                self.show_day_at(x)
                return

    def show_day_at(self, x: float) -> None:
        """Put the cursor on the day nearest to ``x`` and read its values out."""
        data = self._data
        if data is None or len(data.days.t) == 0:
            return
        d = data.days
        i = nearest_day(d.t, x)
        for cursor in self._cursors:
            cursor.setPos(d.t[i])
            cursor.setVisible(True)
        self.readout.setText(self.describe_day(i))

    def describe_day(self, i: int) -> str:
        assert self._data is not None
        return day_readout(self._data.days, i, self._progress.level_names())

    def _recolour(self) -> None:
        """Light or dark changed: the charts are built again in the new colours."""
        self.release()
        use_chart_colours(self.charts)
        self._build_plots()
        self.reload()

    def release(self) -> None:
        """Unlink the plots before Qt deletes them (pyqtgraph's links would outlive them)."""
        self._mouse.disconnect()
        for plot in (self.extent_plot, self.count_plot, self.range_plot):
            plot.setXLink(None)
        self.charts.hide()

    # ---- saving ------------------------------------------------------------------

    def save_png(self, path: Path) -> bool:
        """The charts as they are shown, without the pointer's day line."""
        return save_charts_png(self.charts, self._cursors, path)
