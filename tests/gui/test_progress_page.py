"""The Progress page: the charts show the journal, share one date axis, switch periods,
read out the day under the pointer, and save as PNG."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QPushButton

from sciatica_journal.gui.main_window import MainWindow
from sciatica_journal.services.demo_journal import generate_demo
from tests.builders import new_session, symptom_map
from tests.conftest import NOW
from tests.gui.conftest import find

DAY = 86400


@pytest.fixture
def page(qtbot, set_up_services):
    window = MainWindow(set_up_services)
    qtbot.addWidget(window)
    window.resize(1200, 900)
    window.show()
    window.navigation.setCurrentRow(2)
    assert window.pages.currentWidget() is window.progress_page
    yield window.progress_page  # the window stays referenced (alive) until the test ends
    window.close()


def test_an_empty_journal_says_so(page):
    assert page.empty_label.isVisible()


def test_the_charts_show_the_sessions(qtbot, set_up_services, page):
    set_up_services.sessions.record(
        new_session(
            NOW - dt.timedelta(days=1, hours=2),
            before=(6, 7),
            after=(5, 4),
            map_before=symptom_map("sole-right"),
            map_after=symptom_map("calf-right"),
        )
    )
    set_up_services.sessions.record(
        new_session(NOW - dt.timedelta(hours=2), before=(4, 3), after=(3, 2))
    )
    page.reload()
    assert not page.empty_label.isVisible()
    _, y = page.charts.leg_before.getData()
    assert list(y) == [7.0, 3.0]
    _, y = page.charts.right_extent.getData()
    assert 4.0 in list(y)  # lower leg after the first session
    heights = page.charts.bars.opts["height"]
    assert list(heights) == [1.0, 1.0]
    assert page.charts.band.getRegion() == (5, 8)


def test_presets_move_the_shared_axis(qtbot, set_up_services, page):
    generate_demo(set_up_services)
    page.reload()
    qtbot.mouseClick(find(page, "Show the last 7 days", QPushButton), Qt.MouseButton.LeftButton)
    x0, x1 = page.visible_range()
    assert round((x1 - x0) / DAY) == 7
    # The other charts follow (one shared date axis).
    assert page.charts.count_plot.viewRange()[0] == pytest.approx(
        page.charts.pain_plot.viewRange()[0]
    )
    qtbot.mouseClick(find(page, "Show all", QPushButton), Qt.MouseButton.LeftButton)
    x0, x1 = page.visible_range()
    assert (x1 - x0) / DAY > 55
    qtbot.mouseClick(find(page, "Show the last 90 days", QPushButton), Qt.MouseButton.LeftButton)
    assert round(np.diff(page.visible_range())[0] / DAY) == 90


def test_hovering_reads_out_the_day(qtbot, set_up_services, page):
    set_up_services.sessions.record(
        new_session(NOW - dt.timedelta(hours=3), before=(6, 7), after=(5, 4))
    )
    page.reload()
    page.show_day_at(NOW.timestamp())
    text = find(page, "Values of the day under the pointer", QLabel).text()
    assert text.startswith("Tue 24 Nov 2026: 1 session ·")
    assert "back pain 6 → 5" in text and "leg pain 7 → 4" in text
    assert "reaches: left nothing, right thigh" in text
    assert all(cursor.isVisible() for cursor in page.charts.cursors)


def test_the_charts_save_as_png(qtbot, set_up_services, page, tmp_path):
    generate_demo(set_up_services)
    page.reload()
    target = tmp_path / "progress.png"
    assert page.save_png(target)
    image = QImage(str(target))
    assert image.width() > 400 and image.height() > 400


def test_a_saved_session_refreshes_the_open_charts(qtbot, set_up_services, page):
    window = page.window()
    set_up_services.sessions.record(new_session(NOW - dt.timedelta(hours=1)))
    window.journal_changed.emit()
    assert len(page.charts.leg_points.getData()[0]) == 1


def chart_data(page) -> list:
    c = page.charts
    items = (c.back_points, c.leg_points, c.back_before, c.back_after, c.leg_before)
    items += (c.leg_after, c.left_extent, c.right_extent, c.range_points, c.range_best)
    found = [tuple(np.asarray(v).astype(str).tolist() for v in item.getData()) for item in items]
    found.append((list(c.bars.opts["x"]), list(c.bars.opts["height"])))
    return [*found, page.visible_range(), page.describe_day(0)]


@pytest.mark.parametrize("days", [7, None])
def test_a_save_shown_at_once_is_what_a_reload_shows(qtbot, set_up_services, days, monkeypatch):
    """A save while Progress is shown reads only the changed days' weeks again: the charts
    then show exactly what reading the whole journal again shows."""
    generate_demo(set_up_services)
    window = MainWindow(set_up_services)
    qtbot.addWidget(window)
    window.resize(1200, 900)
    window.show()
    window.navigation.setCurrentRow(2)
    page = window.progress_page
    page.show_days(days)
    ops, progress = set_up_services.operations, set_up_services.progress
    load, loads = progress.load, []
    monkeypatch.setattr(
        progress, "load", lambda session_days=None: loads.append(session_days) or load(session_days)
    )
    done = window.runner.run(
        lambda: ops.record_session(new_session(NOW - dt.timedelta(hours=1), before=(9, 9)))
    )
    assert done is not None
    window.runner.run(lambda: ops.edit_session_pain(done.value.uuid, 1, 2, 3, 4))
    shown = chart_data(page)
    assert loads == []  # the two changes read only their days' weeks
    page.reload()
    assert chart_data(page) == shown
    window.close()
