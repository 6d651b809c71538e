"""Progress: the weekly measures over time (issue 15 point 2) — one chart per measure (the
Sciatica Bothersomeness Index, the Patient-Specific Functional Scale, the Patient Global
Impression of Change) with every check since the baseline, and below them baseline vs
latest of each in the report's words (``reports.measures_section``), each PSFS activity by
name.

``attach`` hooks the view into Progress beside "By exercise": its "Weekly checks" button
shows it in place of the charts, so it has the page's whole height on a 1024×600 screen.
The data are read again each time the view is shown (a check is taken from Today)."""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.language import _
from sciatica_journal.domain.measure_results import MeasureChange
from sciatica_journal.domain.measures import Measure
from sciatica_journal.gui.chart_parts import (
    DAY,
    TITLE_ROW,
    TITLE_SIZE,
    FittingAxis,
    chart_colour,
    fit_title,
    pen,
    use_chart_colours,
)
from sciatica_journal.gui.date_axis import LocalDateAxis
from sciatica_journal.gui.progress_page import ProgressPage
from sciatica_journal.gui.theme import theme
from sciatica_journal.reports.measures_section import activity_line, change_line, heading_words
from sciatica_journal.services.measure_service import MeasureService
from sciatica_journal.services.progress_service import ProgressService

# Each measure's colour and symbol (they differ in both, so they read in greyscale too).
LOOKS: tuple[tuple[str, str, Qt.PenStyle], ...] = (
    ("back", "o", Qt.PenStyle.SolidLine),
    ("leg", "t", Qt.PenStyle.DashLine),
    ("left", "s", Qt.PenStyle.DotLine),
)
MARGIN_DAYS = 3  # on either side of the checks


def day_time(day: dt.date) -> float:
    """The day's noon in epoch seconds (local time), where the date axis puts the day."""
    return dt.datetime.combine(day, dt.time(12)).timestamp()


def measure_titles(measure: Measure) -> tuple[str, ...]:
    """A chart's title, from the longest wording down."""
    low, high = measure.score_range
    return heading_words(measure), f"{measure.short} {low}–{high}"


def summary_text(measures: list[Measure], changes: list[MeasureChange]) -> str:
    """Baseline vs latest of each measure, a paragraph each; the PSFS activities in it."""
    parts = []
    for measure, change in zip(measures, changes, strict=True):
        line = _("{short}: {change}").format(
            short=measure.short, change=change_line(measure, change)
        )
        parts.append("\n".join([line, *("– " + activity_line(a) for a in change.activities)]))
    return "\n\n".join(parts)


class MeasureCharts(QWidget):
    """The charts of the weekly measures, and their baseline vs latest."""

    def __init__(self, weekly: MeasureService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._weekly = weekly
        self.setAccessibleName(_("Weekly checks"))
        self.caption = QLabel(_("Weekly checks: every check since the baseline"))
        self.caption.setObjectName("fieldTitle")
        self.caption.setAccessibleName(_("What the weekly check charts show"))
        self.empty_label = QLabel(_("No weekly checks yet: Today offers one when it is due."))
        self.empty_label.setAccessibleName(_("No weekly checks yet"))
        self.empty_label.setWordWrap(True)
        self.charts = pg.GraphicsLayoutWidget()
        self.charts.setAccessibleName(_("Weekly check charts"))
        self.charts.setMinimumSize(300, 210)
        self.charts.ci.setContentsMargins(4, 2, 8, 2)
        self.charts.ci.setSpacing(2)
        self.summary = QLabel()
        self.summary.setAccessibleName(_("Baseline and latest of each measure"))
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Beside the charts, scrolling should a language's words need more than the height.
        self.summary_area = QScrollArea()
        self.summary_area.setAccessibleName(_("Baseline and latest of each measure"))
        self.summary_area.setWidgetResizable(True)
        self.summary_area.setFrameShape(QFrame.Shape.NoFrame)
        self.summary_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary_area.setWidget(self.summary)
        self.summary_area.setMinimumWidth(220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.caption)
        layout.addWidget(self.empty_label)
        side = QHBoxLayout()
        side.setSpacing(8)
        side.addWidget(self.charts, stretch=3)
        side.addWidget(self.summary_area, stretch=2)
        layout.addLayout(side, stretch=1)
        self.plots: dict[str, pg.PlotItem] = {}
        self._titles: dict[pg.PlotItem, tuple[str, ...]] = {}
        self._built = False  # built when first shown: Progress opens on its other charts
        theme().changed.connect(self._recolour)

    def _build(self) -> None:
        self._built = True
        self.plots.clear()
        self._titles.clear()
        self._lines: dict[str, pg.PlotDataItem] = {}
        for row, measure in enumerate(self._weekly.measures.measures):
            low, high = measure.score_range
            step = 4 if high - low > 12 else 2 if high - low > 6 else 1
            ticks = [float(v) for v in range(low, high + 1, step)]
            axis = FittingAxis({v: f"{v:g}" for v in ticks}, [ticks, [ticks[0], ticks[-1]]])
            axis.setWidth(34)
            plot = self.charts.addPlot(
                row=row,
                col=0,
                axisItems={"bottom": LocalDateAxis(orientation="bottom"), "left": axis},
            )
            titles = measure_titles(measure)
            plot.setTitle(titles[0], size=TITLE_SIZE, justify="left")
            plot.layout.setRowFixedHeight(0, TITLE_ROW)
            plot.titleLabel.setMaximumHeight(TITLE_ROW)
            plot.setMouseEnabled(x=False, y=False)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            pad = (high - low) * 0.06
            plot.setYRange(low - pad, high + pad, padding=0)
            plot.enableAutoRange(axis="y", enable=False)
            role, symbol, style = LOOKS[row % len(LOOKS)]
            self._lines[measure.code] = plot.plot(
                pen=pen(role, style),
                symbol=symbol,
                symbolSize=9,
                symbolPen=pen(role, width=1.2),
                symbolBrush=chart_colour(role),
            )
            if row < len(self._weekly.measures.measures) - 1:  # the dates under the last only
                plot.getAxis("bottom").setStyle(showValues=False)
                plot.getAxis("bottom").setHeight(6)
            self._titles[plot] = titles
            plot.vb.sigResized.connect(lambda _=None, p=plot: self._fit_title(p))
            self.plots[measure.code] = plot

    def _fit_title(self, plot: pg.PlotItem) -> None:
        if plot in self._titles:
            fit_title(plot, self._titles[plot], 0, QFont(self.font()))

    def reload(self) -> None:
        """Read the checks again and redraw (building the charts the first time)."""
        if not self._built:
            self._build()
        weekly = self._weekly
        measures = list(weekly.measures.measures)
        days: list[dt.date] = []
        for measure in measures:
            found = weekly.scores(measure.code)
            days += [day for day, value in found]
            self._lines[measure.code].setData(
                [day_time(day) for day, value in found], [value for day, value in found]
            )
        empty = not days
        self.empty_label.setVisible(empty)
        self.charts.setVisible(not empty)
        self.summary_area.setVisible(not empty)
        if empty:
            return
        start = day_time(min(days)) - MARGIN_DAYS * DAY
        end = max(day_time(max(days)), day_time(weekly.today())) + MARGIN_DAYS * DAY
        for plot in self.plots.values():
            plot.setXRange(start, end, padding=0)
        text = summary_text(measures, list(weekly.changes()))
        self.summary.setText(text)
        self.charts.setAccessibleDescription(text)

    def sizeHint(self) -> QSize:
        """No more than its least: in the page's stack it must not make the other views
        (the charts, By exercise) taller than the window."""
        return self.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return False  # its wrapped texts scroll or fit: the charts give up the height

    def heightForWidth(self, width: int) -> int:
        return -1  # asked by the page's stack even when another view is shown

    def showEvent(self, event: QShowEvent) -> None:
        self.reload()
        super().showEvent(event)

    def _recolour(self) -> None:
        """Light or dark changed: the charts are built again in the new colours."""
        use_chart_colours(self.charts)
        if self._built:
            self._build()
            self.reload()


def attach(page: ProgressPage, weekly: MeasureService) -> ProgressPage:
    """Progress gains a "Weekly checks" button beside "By exercise", which shows the
    measures' charts (``page.views.widget(2)``) in place of the other charts."""
    charts = MeasureCharts(weekly)
    toggle = QPushButton(_("Weekly checks"))
    toggle.setCheckable(True)
    toggle.setAccessibleName(_("Show the weekly checks"))
    toggle.setToolTip(_("Shows each weekly measure over time instead of the charts"))
    page.views.add_view(toggle, charts)
    return page


def progress_page(progress: ProgressService, weekly: MeasureService) -> ProgressPage:
    """The Progress page with the weekly measures' charts."""
    return attach(ProgressPage(progress), weekly)
