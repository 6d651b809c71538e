"""Progress over a journal of many months, clicked like a user: a short period shows a mark
for each session and daily lines, "All" the weekly means (and says so in its titles and
legend), each figure the one the database aggregated."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from sciatica_journal.gui.main_window import MainWindow
from tests.builders import new_session
from tests.conftest import NOW
from tests.gui.conftest import find

DAYS = 200  # longer than the 120 days that still show a mark for each session


@pytest.fixture
def long_page(qtbot, set_up_services):
    for k in range(0, DAYS, 3):  # a session every third day, pain easing over time
        pain = 8 - (k * 6) // DAYS
        set_up_services.sessions.record(
            new_session(NOW - dt.timedelta(days=k, hours=3), before=(pain, pain), after=(2, 1))
        )
    window = MainWindow(set_up_services)
    qtbot.addWidget(window)
    window.resize(1200, 900)
    window.show()
    window.navigation.setCurrentRow(2)
    yield window.progress_page
    window.close()


def click(qtbot, page, name: str) -> None:
    qtbot.mouseClick(find(page, name, QPushButton), Qt.MouseButton.LeftButton)


def finite(values) -> list[float]:
    return [float(v) for v in values if not np.isnan(v)]


def marks(item) -> np.ndarray:
    """The times of the marks drawn (clipped to the view)."""
    x = item.getData()[0]
    return np.array([]) if x is None else x


def test_all_shows_the_weekly_means_and_says_so(qtbot, long_page):
    charts = long_page.charts
    click(qtbot, long_page, "Show all")
    weeks = long_page._data.weeks
    assert len(weeks.t) >= DAYS // 7
    # No mark for each session over so many months; the lines are the weeks' means.
    assert len(marks(charts.leg_points)) == 0
    assert finite(charts.leg_before.yData) == pytest.approx(finite(weeks.leg_before))
    assert list(charts.bars.opts["height"]) == pytest.approx(list(weeks.sessions))
    assert "weekly mean" in charts.pain_plot.titleLabel.text
    assert "weekly mean" in charts.count_plot.titleLabel.text
    legend = charts.legend(charts.range_plot)
    assert legend.getLabel(charts.range_best).text == "best of the week"
    assert not legend.getLabel(charts.range_points).isVisible()  # no marks over weeks
    # Above the dates, the charts mark the years alone (not each month of ten years).
    assert charts.pain_plot.getAxis("bottom").major_only
    assert not charts.range_plot.getAxis("bottom").major_only


def test_a_short_period_shows_each_session_and_the_daily_means(qtbot, long_page):
    charts = long_page.charts
    click(qtbot, long_page, "Show all")
    click(qtbot, long_page, "Show the last 7 days")
    data = long_page._data
    # The daily lines hold the days a short period can show (from 121 days back), no more.
    days = data.days.since(data.now - 121 * 86400)
    assert 121 // 3 <= len(days.t) < len(data.days.t)
    x0, _x1 = long_page.visible_range()
    shown = marks(charts.leg_points)
    assert 2 <= len(shown) <= 4 and min(shown) >= x0 - 86400  # the sessions of the week
    assert finite(charts.leg_before.yData) == pytest.approx(finite(days.leg_before))
    assert list(charts.bars.opts["height"]) == list(days.sessions)
    assert "daily mean" in charts.pain_plot.titleLabel.text
    assert "weekly" not in charts.count_plot.titleLabel.text
    legend = charts.legend(charts.range_plot)
    assert legend.getLabel(charts.range_best).text == "best of the day"
    assert legend.getLabel(charts.range_points).isVisible()
    assert not charts.pain_plot.getAxis("bottom").major_only  # a tick for each day
    # 90 days: still a mark for each session of the period, about 30 of them.
    click(qtbot, long_page, "Show the last 90 days")
    assert 28 <= len(marks(charts.leg_points)) <= 32


def test_the_read_out_is_of_a_day_in_every_period(qtbot, long_page):
    click(qtbot, long_page, "Show all")
    long_page.show_day_at((NOW - dt.timedelta(days=3)).timestamp())
    assert long_page.readout.text().startswith("Sat 21 Nov 2026: 1 session")
