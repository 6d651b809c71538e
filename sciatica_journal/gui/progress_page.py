"""Progress: charts on one shared date axis — pain before/after, how far down the leg the
symptoms reach, sessions per day against the target band, and the press-up range — with
7 d / 30 d / 90 d / all, a read-out of the day under the pointer, and Save as PNG.

Series differ by colour *and* line style or symbol, so they read in greyscale too. The
data are loaded once (NumPy arrays) and only re-read when the journal changes; switching
the period only moves the shared axis."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.services.progress_service import ProgressData, ProgressService

DAY = 86400.0
PRESETS = (("7 d", 7), ("30 d", 30), ("90 d", 90), ("All", None))
DETAIL_DAYS = 120  # wider than this, single-session points are hidden
BACK = "#2b4c7e"
LEG = "#b35c00"
LEFT = "#1f5e52"
RIGHT = "#7a3b69"
RANGE_NAMES = {0.25: "¼", 0.5: "½", 0.75: "¾", 1.0: "full"}


def _pen(colour: str, style: Qt.PenStyle = Qt.PenStyle.SolidLine, width: float = 2.0) -> object:
    return pg.mkPen(colour, width=width, style=style)


class ProgressPage(QWidget):
    def __init__(self, progress: ProgressService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._progress = progress
        self._data: ProgressData | None = None
        self._days_shown: int | None = 30
        self.setAccessibleName("Progress")
        pg.setConfigOptions(antialias=True, background="w", foreground="#1f2a28")

        title = QLabel("Progress")
        title.setObjectName("pageTitle")
        self.preset_group = QButtonGroup(self)
        presets = QHBoxLayout()
        for index, (label, days) in enumerate(PRESETS):
            button = QPushButton(label)
            button.setCheckable(True)
            button.setAccessibleName(f"Show {label}" if days else "Show all")
            button.clicked.connect(lambda _=False, d=days: self.show_days(d))
            self.preset_group.addButton(button, index)
            presets.addWidget(button)
        self.preset_group.button(1).setChecked(True)
        presets.addStretch(1)
        self.save_button = QPushButton("Save as PNG…")
        self.save_button.setAccessibleName("Save the charts as PNG")
        self.save_button.clicked.connect(self._ask_and_save)
        presets.addWidget(self.save_button)
        self.readout = QLabel("Point at a day to see its values.")
        self.readout.setAccessibleName("Values of the day under the pointer")
        self.readout.setObjectName("hint")
        self.empty_label = QLabel("No sessions yet: the charts fill in as you record them.")

        self.charts = pg.GraphicsLayoutWidget()
        self.charts.setAccessibleName("Progress charts")
        self.charts.setAccessibleDescription(
            "Four charts over time: back and leg pain, how far down each leg the symptoms "
            "reach, sessions per day with the target band, and the press-up range."
        )
        self._build_plots()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addLayout(presets)
        layout.addWidget(self.readout)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.charts, stretch=1)
        self.reload()

    # ---- building ----------------------------------------------------------------

    def _plot(self, row: int, title: str, legend: bool = True) -> pg.PlotItem:
        axis = pg.DateAxisItem(orientation="bottom")
        plot = self.charts.addPlot(row=row, col=0, axisItems={"bottom": axis})
        plot.setTitle(title, size="10pt")
        # No grid: over ten years its lines cost more to draw than all the data.
        plot.setMouseEnabled(x=True, y=False)
        plot.setClipToView(True)
        plot.setDownsampling(auto=True, mode="peak")
        if legend:
            plot.addLegend(
                offset=(-10, 5),
                labelTextSize="8pt",
                colCount=4,
                brush=pg.mkBrush(255, 255, 255, 210),
            )
        plot.getAxis("left").setWidth(84)  # the same width everywhere keeps the dates aligned
        cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen("#888888", width=1))
        cursor.setVisible(False)
        plot.addItem(cursor, ignoreBounds=True)
        self._cursors.append(cursor)
        return plot

    def _build_plots(self) -> None:
        self._cursors: list[pg.InfiniteLine] = []
        dash, dot, dashdot = Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine
        self.pain_plot = self._plot(
            0, "Pain (0 no pain – 10 worst) · marks: each session, when 4 months or less are shown"
        )
        self.pain_plot.setYRange(-0.6, 10.6, padding=0)
        p = self.pain_plot
        self.back_points = p.plot(
            pen=None,
            symbol="o",
            symbolSize=4,
            symbolPen=BACK,
            symbolBrush=None,
        )
        self.leg_points = p.plot(pen=None, symbol="x", symbolSize=5, symbolPen=LEG)
        self.back_before = p.plot(pen=_pen(BACK), name="back before (mean)")
        self.back_after = p.plot(pen=_pen(BACK, dot), name="back after")
        self.leg_before = p.plot(pen=_pen(LEG, dash), name="leg before")
        self.leg_after = p.plot(pen=_pen(LEG, dashdot), name="leg after")

        self.extent_plot = self._plot(1, "How far down the leg (lower is better)")
        self.extent_plot.setYRange(-0.6, 7.6, padding=0)
        self.left_extent = self.extent_plot.plot(
            pen=_pen(LEFT), stepMode="left", connect="finite", name="left leg"
        )
        self.right_extent = self.extent_plot.plot(
            pen=_pen(RIGHT, dash), stepMode="left", connect="finite", name="right leg"
        )
        levels = self._progress.level_names()
        self.extent_plot.getAxis("left").setTicks([[(k, v) for k, v in sorted(levels.items())]])

        self.count_plot = self._plot(2, "Sessions per day (shaded: your target band)", legend=False)
        self.band = pg.LinearRegionItem(
            orientation="horizontal",
            movable=False,
            brush=pg.mkBrush(47, 125, 109, 40),
            pen=pg.mkPen(None),
        )
        self.count_plot.addItem(self.band, ignoreBounds=True)
        self.bars = pg.BarGraphItem(
            x=[], height=[], width=DAY * 0.8, brush=pg.mkBrush("#6b8f88"), pen=pg.mkPen("#3d5c56")
        )
        self.count_plot.addItem(self.bars)

        self.range_plot = self._plot(3, "Press-up range reached (pelvis down)")
        self.range_plot.setYRange(0, 1.12, padding=0)
        self.range_plot.getAxis("left").setTicks([list(RANGE_NAMES.items())])
        self.range_points = self.range_plot.plot(
            pen=None,
            symbol="t",
            symbolSize=6,
            symbolBrush="#555555",
            symbolPen=None,
        )
        self.range_best = self.range_plot.plot(
            pen=_pen("#222222"), stepMode="left", connect="finite", name="best of the day"
        )

        for plot in (self.extent_plot, self.count_plot, self.range_plot):
            plot.setXLink(self.pain_plot)
        for plot in (self.pain_plot, self.extent_plot, self.count_plot, self.range_plot):
            plot.enableAutoRange(axis="y", enable=False)  # fixed scales: 0-10, levels, ranges
        for plot in (self.pain_plot, self.extent_plot, self.count_plot):
            plot.getAxis("bottom").setStyle(showValues=False)
        self.pain_plot.sigXRangeChanged.connect(self._range_changed)
        self._mouse = pg.SignalProxy(
            self.charts.scene().sigMouseMoved, rateLimit=30, slot=self._hover
        )

    # ---- data ------------------------------------------------------------------

    def reload(self) -> None:
        """Read the journal again (after a change) and redraw."""
        self._data = self._progress.load()
        data = self._data
        self.empty_label.setVisible(data.empty)
        s, d = data.sessions, data.days
        self.back_points.setData(s.t, s.back_before)
        self.leg_points.setData(s.t, s.leg_before)
        self._detail: bool | None = None  # daily or weekly lines: chosen by the visible span
        self._bars_daily = (d.t, d.sessions)
        self.band.setRegion((data.target_min, data.target_max))
        press = ~np.isnan(s.range_fraction)
        self.range_points.setData(s.t[press], s.range_fraction[press])
        top = max(float(np.max(d.sessions)) if len(d.sessions) else 0, data.target_max) + 1
        self.count_plot.setYRange(0, top, padding=0)
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
        index = [d for _, d in PRESETS].index(days)
        self.preset_group.button(index).setChecked(True)

    def _range_changed(self) -> None:
        """Up to about a season: a point for every session and daily lines. Wider: weekly
        lines only — the same picture at that scale, and redraws stay fast over years."""
        if self._data is None:
            return
        x0, x1 = self.visible_range()
        detailed = (x1 - x0) <= DETAIL_DAYS * DAY
        for item in (self.back_points, self.leg_points, self.range_points):
            item.setVisible(detailed)
        if detailed == self._detail:
            return
        self._detail = detailed
        series = self._data.days if detailed else self._data.weeks
        t = series.t
        self.back_before.setData(t, series.back_before, connect="finite")
        self.back_after.setData(t, series.back_after, connect="finite")
        self.leg_before.setData(t, series.leg_before, connect="finite")
        self.leg_after.setData(t, series.leg_after, connect="finite")
        self.left_extent.setData(t, series.left_extent)
        self.right_extent.setData(t, series.right_extent)
        self.range_best.setData(t, series.best_range)
        if detailed:
            x, height = self._bars_daily
            self.bars.setOpts(x=x, height=height, width=DAY * 0.8)
        else:  # the mean sessions per day of each week
            weeks = self._data.weeks
            self.bars.setOpts(x=weeks.t, height=weeks.sessions, width=DAY * 7 * 0.8)

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
        i = int(np.clip(np.searchsorted(d.t, x), 0, len(d.t) - 1))
        if i > 0 and abs(d.t[i - 1] - x) < abs(d.t[i] - x):
            i -= 1
        for cursor in self._cursors:
            cursor.setPos(d.t[i])
            cursor.setVisible(True)
        self.readout.setText(self.describe_day(i))

    def describe_day(self, i: int) -> str:
        assert self._data is not None
        d = self._data.days
        names = self._progress.level_names()

        def num(v: float) -> str:
            return "–" if np.isnan(v) else f"{v:.1f}".rstrip("0").rstrip(".")

        def reach(v: float) -> str:
            return "nothing" if np.isnan(v) else names.get(int(v), str(int(v)))

        day: dt.date = d.dates[i]
        best = d.best_range[i]
        parts = [
            f"{day:%a} {day.day} {day:%b %Y}: {int(d.sessions[i])} "
            + ("session" if int(d.sessions[i]) == 1 else "sessions"),
            f"back pain {num(d.back_before[i])} → {num(d.back_after[i])}",
            f"leg pain {num(d.leg_before[i])} → {num(d.leg_after[i])}",
            f"reaches: left {reach(d.left_extent[i])}, right {reach(d.right_extent[i])}",
        ]
        if not np.isnan(best):
            parts.append(f"best press-up {RANGE_NAMES.get(float(best), num(best))}")
        return " · ".join(parts)

    def release(self) -> None:
        """Drop the plot items before Qt deletes the widgets (pyqtgraph keeps Python-side
        links between views that would otherwise outlive their C++ objects)."""
        self._mouse.disconnect()
        for plot in (self.extent_plot, self.count_plot, self.range_plot):
            plot.setXLink(None)
        self.charts.hide()

    # ---- saving ------------------------------------------------------------------

    def save_png(self, path: Path) -> bool:
        return self.charts.grab().save(str(path), "PNG")

    def _ask_and_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the charts", str(Path.home() / "sciatica-progress.png"), "PNG (*.png)"
        )
        if name:
            target = Path(name if name.lower().endswith(".png") else name + ".png")
            if not self.save_png(target):
                self.readout.setText(f"Could not save {target}.")
            else:
                self.readout.setText(f"Saved {target}.")
