"""Progress charts each weekly measure over time (issue 15 point 2): "Weekly checks" beside
"By exercise" shows one chart per measure with every check, and baseline vs latest of each
in the report's words; found by accessible names; it fits 1024×600 and reads in dark mode."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from sciatica_journal.domain.preferences import Appearance, Preferences
from sciatica_journal.gui import palette
from sciatica_journal.gui.main_window import MainWindow
from sciatica_journal.gui.measure_chart import MeasureCharts
from sciatica_journal.gui.theme import theme
from tests.contrast import unreadable
from tests.gui.conftest import find
from tests.gui.test_pdf_measures import record_checks
from tests.gui.test_window_fit import clipped

SHOW = "Show the weekly checks"


def _window(qtbot, services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    window.navigation.setCurrentRow(2)
    assert window.pages.currentWidget() is window.progress_page
    return window


@pytest.fixture
def window(qtbot, set_up_services):
    record_checks(set_up_services)
    return _window(qtbot, set_up_services)


def _charts(window: MainWindow) -> MeasureCharts:
    return find(window.progress_page, "Weekly checks", MeasureCharts)


def test_each_measure_charted_with_every_check(qtbot, window):
    page = window.progress_page
    button = find(page, SHOW, QPushButton)
    assert button.text() == "Weekly checks" and button.isVisible()
    button.click()
    charts = _charts(window)
    assert charts.isVisible() and not page.charts.isVisible()
    assert find(page, "Weekly check charts").isVisible()
    lines = charts._lines
    assert list(lines["sbi"].getData()[1]) == [16.0, 12.0, 6.0]
    assert list(lines["psfs"].getData()[1]) == [3.5, 5.0, 6.0]
    assert list(lines["pgic"].getData()[1]) == [3.0, 2.0]  # from the second week
    summary = find(page, "Baseline and latest of each measure", QLabel).text()
    assert "SBI: baseline 16 (Tue 10 Nov 2026) → latest 6 (Tue 24 Nov 2026); change -10" in summary
    assert "“Walking to the shop”: baseline 5 → latest 6" in summary
    assert "PGIC: first answer 3 (a little better)" in summary
    # By exercise and Weekly checks take turns in place of the charts
    page.views.toggle.click()
    assert not button.isChecked() and not charts.isVisible()
    button.click()
    assert not page.views.toggle.isChecked() and charts.isVisible()
    button.click()
    assert page.charts.isVisible() and not charts.isVisible()


def test_without_checks_one_line_says_how_to_take_one(qtbot, set_up_services):
    window = _window(qtbot, set_up_services)
    find(window.progress_page, SHOW, QPushButton).click()
    empty = find(window.progress_page, "No weekly checks yet", QLabel)
    assert empty.isVisible() and "Today" in empty.text()
    assert not find(window.progress_page, "Weekly check charts").isVisible()


def test_it_fits_1024_by_600_and_reads_in_dark_mode(qtbot, window, set_up_services):
    page = window.progress_page
    find(page, SHOW, QPushButton).click()
    try:
        for appearance in (Appearance.LIGHT, Appearance.DARK):
            set_up_services.preferences.save(Preferences(appearance=appearance))
            theme().set_appearance(appearance)
            qtbot.wait(50)
            charts = _charts(window)
            assert charts.isVisible()
            assert charts.geometry().bottom() <= page.height()
            assert page.geometry().bottom() <= window.height()
            for plot in charts.plots.values():
                # each chart keeps room for its points
                assert plot.vb.height() >= 40, (
                    plot.vb.height(),
                    charts.charts.height(),
                    charts.summary.geometry(),
                    charts.geometry(),
                    charts.caption.geometry(),
                )
            assert clipped(charts) == []
            assert unreadable(window) == [], appearance
            background = charts.charts.backgroundBrush().color().name()
            assert background == palette.current().chart_background
            assert len(charts._lines["sbi"].getData()[1]) == 3  # built again, with its data
    finally:
        theme().reset()
