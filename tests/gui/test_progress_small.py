"""The Progress page on small screens and with little data: one or two days show up in
every chart, legends sit beside the titles (never over the data), the body-level labels
never overlap, the pointer's read-out never widens the window, and the page fits a
1024×600 screen."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPicture

from sciatica_journal.gui.chart_parts import chart_colour
from sciatica_journal.gui.main_window import MainWindow
from sciatica_journal.gui.progress_page import ProgressPage
from sciatica_journal.services.demo_journal import generate_demo
from tests.builders import new_session, symptom_map
from tests.conftest import NOW

DAY = 86400


def _record_days(services, days: int) -> None:
    for k in range(days):
        services.sessions.record(
            new_session(
                NOW - dt.timedelta(days=k, hours=2),
                before=(6, 7),
                after=(5, 4),
                map_before=symptom_map("sole-right"),
                map_after=symptom_map("calf-right"),
            )
        )


@pytest.fixture
def small_page(qtbot, set_up_services):
    """The page alone at the size it gets inside a 1024×600 window."""
    page = ProgressPage(set_up_services.progress)
    qtbot.addWidget(page)
    page.resize(850, 480)
    page.show()
    qtbot.waitExposed(page)
    yield page
    page.release()


def _settle(qtbot) -> None:
    qtbot.wait(30)


def _ink(page: ProgressPage, plot, colour: str) -> int:
    """Pixels of ``colour`` (within a small tolerance) inside ``plot``'s data area."""
    image = page.charts.grab().toImage()
    rect = page.charts.mapFromScene(plot.vb.sceneBoundingRect()).boundingRect()
    want = QColor(colour)
    count = 0
    for x in range(max(rect.left(), 0), min(rect.right(), image.width())):
        for y in range(max(rect.top(), 0), min(rect.bottom(), image.height())):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - want.red())
                + abs(c.green() - want.green())
                + abs(c.blue() - want.blue())
                < 60
            ):
                count += 1
    return count


@pytest.mark.parametrize("days", [1, 2])
@pytest.mark.parametrize("preset", [7, 30, None])
def test_one_or_two_days_show_in_the_charts(qtbot, set_up_services, small_page, days, preset):
    _record_days(set_up_services, days)
    small_page.reload()
    small_page.show_days(preset)
    _settle(qtbot)
    # The leg extent (a step line) and the daily pain line both have ink in their plots.
    assert _ink(small_page, small_page.charts.extent_plot, chart_colour("right")) > 12
    assert _ink(small_page, small_page.charts.pain_plot, chart_colour("leg")) > 12
    x, _ = small_page.charts.right_extent.getData()
    assert x.max() - x.min() >= DAY * 0.9  # a lone day covers its day
    assert small_page.charts.back_points.opts["symbolSize"] >= 7  # marks, not specks


def test_legends_sit_beside_the_titles_not_over_the_data(qtbot, set_up_services, small_page):
    generate_demo(set_up_services)
    small_page.reload()
    for width in (1200, 850, 600):
        small_page.resize(width, 480)
        _settle(qtbot)
        for plot in (
            small_page.charts.pain_plot,
            small_page.charts.extent_plot,
            small_page.charts.range_plot,
        ):
            legend = small_page.charts.legend(plot).sceneBoundingRect()
            assert legend.width() > 40
            assert not legend.intersects(plot.vb.sceneBoundingRect()), (width, plot)
            title = plot.titleLabel.item.sceneBoundingRect()
            assert not legend.intersects(title), (width, plot.titleLabel.text)
            # Inside the charts' visible area.
            assert small_page.charts.sceneRect().contains(legend)


def _label_rects(axis) -> list[QRectF]:
    picture = QPicture()
    painter = QPainter(picture)
    if axis.style["tickFont"]:
        painter.setFont(axis.style["tickFont"])
    _, _, texts = axis.generateDrawSpecs(painter)
    painter.end()
    return [rect for rect, _, text in texts if text]


@pytest.mark.parametrize("height", [300, 380, 480, 900])
def test_axis_labels_never_overlap(qtbot, set_up_services, small_page, height):
    generate_demo(set_up_services)
    small_page.reload()
    small_page.resize(700, height)
    _settle(qtbot)
    axes = [
        small_page.charts.pain_plot.getAxis("left"),
        small_page.charts.extent_plot.getAxis("left"),
        small_page.charts.count_plot.getAxis("left"),
        small_page.charts.range_plot.getAxis("left"),
    ]
    for axis in axes:
        rects = _label_rects(axis)
        assert len(rects) >= 2, (height, axis)  # every chart keeps a scale
        for a, b in itertools.combinations(rects, 2):
            assert not a.intersects(b), (height, a, b)
    levels = [
        t
        for _, _, t in small_page.charts.extent_plot.getAxis("left").generateDrawSpecs(
            QPainter(QImage(1, 1, QImage.Format.Format_RGB32))
        )[2]
        if t
    ]
    assert "low back" in levels
    if height >= 900:  # room for every body level
        assert len(levels) == 8


@pytest.mark.parametrize("window_width", [1024, 900])
def test_the_pointer_never_changes_the_window_width(qtbot, set_up_services, window_width):
    generate_demo(set_up_services)
    window = MainWindow(set_up_services)
    qtbot.addWidget(window)
    window.resize(window_width, 600)
    window.show()
    window.navigation.setCurrentRow(2)
    page = window.progress_page
    page.reload()
    qtbot.wait(100)
    width, page_width = window.width(), page.width()
    hint = page.minimumSizeHint().width()
    before = page.readout.text()
    view = page.charts
    for plot in (page.charts.pain_plot, page.charts.range_plot):
        centre = view.mapFromScene(plot.vb.sceneBoundingRect().center())
        for dx in (-200, 0, 200):
            qtbot.mouseMove(view.viewport(), centre + QPoint(dx, 0))
            qtbot.wait(40)
    qtbot.waitUntil(lambda: page.readout.text() != before)
    assert " · " in page.readout.text()
    _settle(qtbot)
    assert window.width() == width
    assert page.width() == page_width
    assert page.minimumSizeHint().width() == hint
    window.close()


def test_the_page_fits_a_small_screen(qtbot, set_up_services, small_page):
    generate_demo(set_up_services)
    small_page.reload()
    small_page.show_day_at(NOW.timestamp())  # the longest read-out
    hint = small_page.minimumSizeHint()
    # The page area of the main window on a 1024x600 screen is about 850 x 505 px; the
    # charts keep enough height to read (at least 340 px for the four).
    assert hint.width() <= 600 and hint.height() <= 500
    assert small_page.charts.minimumHeight() >= 340
