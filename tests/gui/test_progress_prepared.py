"""Progress made ready while the window is idle (issue 16 point 2): the page is built
hidden after the first paint, opening it then only shows it; what changed while it was
hidden is caught up from the changes themselves when it is shown, and a page built on a
day gone by reads the journal again."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from sciatica_journal.gui.chart_preload import preload_when_idle
from sciatica_journal.gui.main_window import PROGRESS, TODAY, MainWindow
from tests.builders import new_session
from tests.conftest import NOW

HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


@pytest.fixture
def window(qtbot, set_up_services) -> MainWindow:
    shown = MainWindow(set_up_services)
    qtbot.addWidget(shown)
    shown.resize(1180, 800)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def marks(window: MainWindow) -> int:
    data = window.progress_page.charts.leg_points.getData()[0]
    return 0 if data is None else len(data)


def test_the_idle_window_builds_progress_hidden_and_opening_it_only_shows_it(qtbot, window):
    ops = window._services.operations
    window.runner.run(lambda: ops.record_session(new_session(NOW - 2 * HOUR)))
    preload_when_idle(window.prepare_progress)
    qtbot.waitUntil(lambda: window.page_set.is_built(PROGRESS))
    assert window.navigation.currentRow() == TODAY  # Today stays in front
    assert not window.progress_page.isVisible()
    assert marks(window) == 1  # it read the journal when built
    before = window.page_set.refreshes
    window.navigation.setCurrentRow(PROGRESS)
    assert window.progress_page.isVisible()
    assert window.page_set.refreshes == before  # shown as built: nothing read again


def test_a_window_in_the_background_is_not_given_the_page(qtbot, window):
    window.hide()
    window.prepare_progress()
    assert not window.page_set.is_built(PROGRESS)


def test_saves_while_progress_is_hidden_are_caught_up_from_their_days(qtbot, window):
    services = window._services
    ops = services.operations
    window.runner.run(lambda: ops.record_session(new_session(NOW - 3 * DAY)))
    window.prepare_progress()
    for hours in (5, 3):  # two saves, Today in front
        window.runner.run(lambda h=hours: ops.record_session(new_session(NOW - h * HOUR)))
    window.runner.run(lambda: ops.record_session(new_session(NOW - 28 * HOUR)))  # yesterday
    assert marks(window) == 1 and window.page_set.is_stale(PROGRESS)
    page = window.progress_page
    loads = []
    real_load = services.progress.load
    services.progress.load = lambda *a, **k: loads.append(1) or real_load(*a, **k)
    window.navigation.setCurrentRow(PROGRESS)
    assert not window.page_set.is_stale(PROGRESS)
    assert loads == []  # the weeks of the changed days only, not the whole journal
    assert marks(window) == 4
    whole = real_load(page._data.session_days)
    np.testing.assert_array_equal(page._data.days.sessions, whole.days.sessions)
    np.testing.assert_array_equal(page._data.weeks.sessions, whole.weeks.sessions)
    np.testing.assert_array_equal(page._data.sessions.t, whole.sessions.t)


def test_a_page_built_on_a_day_gone_by_reads_the_journal_again(qtbot, window, clock):
    window.prepare_progress()
    page = window.progress_page
    assert page._data.today == dt.date(2026, 11, 24)
    clock.moment = NOW + DAY  # the next morning: the window stayed open overnight
    window.navigation.setCurrentRow(PROGRESS)
    assert page._data.today == dt.date(2026, 11, 25)
    x1 = page.visible_range()[1]
    noon = dt.datetime(2026, 11, 25, 11, tzinfo=dt.UTC).timestamp()  # noon in Berlin
    assert x1 > noon  # the period ends with the new day
