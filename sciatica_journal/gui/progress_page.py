"""Progress: the charts on one shared date axis (``gui.progress_charts``) with 7 d / 30 d /
90 d / all, a read-out of the day under the pointer, and Save as PNG. The figures are read
once per change: the days and weeks of the whole journal, the sessions of the last few
months; a period of up to about a season shows daily lines and a mark for each session,
a longer one weekly lines."""

from __future__ import annotations

from pathlib import Path

import numpy as np
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
from sciatica_journal.gui.chart_parts import (
    DAY,
    DETAIL_DAYS,
    PRESETS,
    ReadOut,
    ask_and_save_png,
    day_readout,
    nearest_day,
    preset_label,
    preset_name,
    save_charts_png,
    use_chart_colours,
)
from sciatica_journal.gui.progress_charts import ProgressCharts
from sciatica_journal.gui.response_table import ResponseView
from sciatica_journal.gui.theme import theme
from sciatica_journal.services.operations import ChangeSet, Kind
from sciatica_journal.services.progress_service import ProgressData, ProgressService

SESSIONS = frozenset({Kind.SESSIONS})


class ProgressPage(QWidget):
    shows = frozenset({Kind.SESSIONS, Kind.CHECK_INS, Kind.PROFILE})

    def __init__(self, progress: ProgressService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._progress = progress
        self._data: ProgressData | None = None
        self._days_shown: int | None = 30
        self._detail: bool | None = None  # daily or weekly lines: chosen by the visible span
        self._points_from: int | None = None  # the first session given a mark (none: None)
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

        self.charts = ProgressCharts(self._progress.level_names())
        self.charts.hovered.connect(self.show_day_at)
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

    # ---- data ------------------------------------------------------------------

    def refresh(self) -> None:
        self.reload()

    def out_of_date(self) -> bool:
        """Whether its data are of a day gone by (e.g. built the evening before)."""
        return self._data is not None and self._data.today != self._progress.today()

    def refresh_changed(self, changes: ChangeSet) -> None:
        """After a change shown here: sessions of the days it names read again (their
        weeks), the rest kept (``ProgressService.update``); anything else: ``reload``."""
        old = self._data
        if old is None or not changes.days or changes.kinds & self.shows != SESSIONS:
            self.reload()
            return
        self._data = data = self._progress.update(old, changes.days)
        self.empty_label.setVisible(data.empty)
        # Only what changed is given to the charts again (their items keep the rest).
        if data.sessions is not old.sessions:
            self._points_from = None
        if data.days is not old.days:
            self._detail = None
        most = float(np.max(data.days.sessions, initial=0))
        self.charts.show_target(data.target_min, data.target_max, most)
        # The period ends with today: moved on only when the move would show (a pixel).
        start, end = self._period(self._days_shown)
        x0, x1 = self.visible_range()
        pixel = (x1 - x0) / max(self.charts.pain_plot.vb.width(), 1.0)
        if max(abs(start - x0), abs(end - x1)) >= pixel:
            self.charts.pain_plot.setXRange(start, end, padding=0)
        self._range_changed()
        self.views.show_days(self._days_shown)

    def reload(self) -> None:
        """Read the journal again (after a change) and redraw: the days and weeks of the
        whole journal, and the sessions of the last days that show a mark for each."""
        self._show(self._progress.load(session_days=DETAIL_DAYS + 2))

    def _show(self, data: ProgressData) -> None:
        self._data = data
        self.empty_label.setVisible(data.empty)
        self._detail = None
        self._points_from = None
        most = float(np.max(data.days.sessions, initial=0))
        self.charts.show_target(data.target_min, data.target_max, most)
        self.show_days(self._days_shown)

    def show_days(self, days: int | None) -> None:
        """The preset periods: the last 7, 30 or 90 days, or everything."""
        self._days_shown = days
        if self._data is None:
            return
        self.charts.pain_plot.setXRange(*self._period(days), padding=0)
        self._range_changed()
        self.preset_group.button(PRESETS.index(days)).setChecked(True)
        self.views.show_days(days)

    def _period(self, days: int | None) -> tuple[float, float]:
        """The times a preset shows: to the end of today, from ``days`` before (None: from
        the first day)."""
        assert self._data is not None
        data = self._data
        end = data.now + DAY * 0.5
        if days is None:
            return (float(data.days.t[0]) - DAY * 1.5 if not data.empty else end - 30 * DAY), end
        return end - days * DAY, end

    def _range_changed(self) -> None:
        """Up to about a season: a mark for every session and daily lines. Wider: weekly
        lines only — the same picture at that scale, and redraws stay fast over years."""
        assert self._data is not None
        x0, x1 = self.visible_range()
        detailed = (x1 - x0) <= DETAIL_DAYS * DAY
        s = self._data.sessions
        first = int(np.searchsorted(s.t, x0 - DAY)) if detailed else len(s.t)
        if first != self._points_from:  # years of marks would cost much: none then
            self._points_from = first
            self.charts.show_marks(s, first)
        if detailed != self._detail:
            self._detail = detailed
            # Over days, only the days any short period shows (not ten years' worth).
            recent = self._data.now - (DETAIL_DAYS + 1) * DAY
            days = self._data.days.since(recent)
            self.charts.show_lines(days if detailed else self._data.weeks)

    def visible_range(self) -> tuple[float, float]:
        x0, x1 = self.charts.pain_plot.viewRange()[0]
        return float(x0), float(x1)

    # ---- hover -------------------------------------------------------------------

    def show_day_at(self, x: float) -> None:
        """Put the cursor on the day nearest to ``x`` and read its values out."""
        data = self._data
        if data is None or len(data.days.t) == 0:
            return
        i = nearest_day(data.days.t, x)
        self.charts.show_cursor(float(data.days.t[i]))
        self.readout.setText(self.describe_day(i))

    def describe_day(self, i: int) -> str:
        assert self._data is not None
        return day_readout(self._data.days, i, self._progress.level_names())

    def _recolour(self) -> None:
        """Light or dark changed: the charts are built again in the new colours."""
        self.charts.recolour()
        self.reload()

    def release(self) -> None:
        """Unlink the plots before Qt deletes them (pyqtgraph's links would outlive them)."""
        self.charts.release()

    # ---- saving ------------------------------------------------------------------

    def save_png(self, path: Path) -> bool:
        """The charts as they are shown, without the pointer's day line."""
        return save_charts_png(self.charts, self.charts.cursors, path)
