"""Progress: the table of what each exercise did shows the counts of the period chosen,
found by its accessible name, and fits a 1024×600 window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTableWidget

from sciatica_journal.gui.main_window import MainWindow
from tests.builders import new_session, symptom_map
from tests.conftest import NOW
from tests.gui.conftest import find

TABLE = "Responses observed with each exercise"


def _record(services) -> None:
    """Today: baby press-ups 2× centralized, 1× abolished, 1 incomplete; lying propped 1×
    spread further down and 1× stopped for pain (worse). 40 days ago: full press-ups 1×
    better (in "All" only)."""
    at = NOW - dt.timedelta(hours=7)
    prop = {"rung": "prone-prop", "reps": None, "hold": 180}
    sessions = [
        new_session(
            at,
            **prop,
            map_before=symptom_map("thigh-back-right"),
            map_after=symptom_map("calf-right"),
        ),
        new_session(at + dt.timedelta(hours=1), **{**prop, "hold": 40}, stopped=True),
        new_session(at + dt.timedelta(hours=2)),
        new_session(at + dt.timedelta(hours=3)),
        new_session(at + dt.timedelta(hours=4), map_after=symptom_map()),
        new_session(at + dt.timedelta(hours=5), reps=2),
        new_session(
            NOW - dt.timedelta(days=40),
            rung="full-press-up",
            before=(5, 6),
            after=(4, 6),
            map_before=symptom_map("calf-right"),
            map_after=symptom_map("calf-right"),
        ),
    ]
    for session in sessions:
        services.sessions.record(session)


@pytest.fixture
def window(qtbot, set_up_services):
    _record(set_up_services)
    window = MainWindow(set_up_services)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    window.navigation.setCurrentRow(2)
    assert window.pages.currentWidget() is window.progress_page
    yield window
    window.close()


def _rows(table: QTableWidget) -> list[list[str]]:
    """Each exercise (a column of the table) as [its name, its counts from top to bottom]."""
    return [
        [table.horizontalHeaderItem(c).text().replace("\n", " ")]
        + [table.item(r, c).text() for r in range(table.rowCount())]
        for c in range(table.columnCount())
    ]


def test_the_table_shows_the_counts_of_the_period(qtbot, window):
    page = window.progress_page
    assert not page.views.panel.isVisible()  # the charts first
    toggle = find(page, "Show what each exercise did", QPushButton)
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    table = find(page, TABLE, QTableWidget)
    assert table.isVisible() and not page.charts.isVisible()
    heads = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    assert heads == [
        "Sessions",
        "Centralized",
        "Abolished",
        "Better",
        "No change",
        "Worse",
        "Peripheralized",
        "Not counted",
        "Mostly centralizing",
    ]
    assert _rows(table) == [  # the last 30 days (the page's default)
        ["Lying propped on elbows", "2", "0", "0", "0", "0", "1", "1", "0", "no"],
        ["Baby press-ups", "3", "2", "1", "0", "0", "0", "0", "1", "yes"],
    ]
    assert "the last 30 days" in page.views.panel.caption.text()
    qtbot.mouseClick(find(page, "Show all", QPushButton), Qt.MouseButton.LeftButton)
    assert _rows(table)[2] == ["Full press-ups", "1", "0", "0", "1", "0", "0", "0", "0", "no"]
    assert "every session" in page.views.panel.caption.text()
    qtbot.mouseClick(find(page, "Show the last 7 days", QPushButton), Qt.MouseButton.LeftButton)
    assert len(_rows(table)) == 2
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert page.charts.isVisible() and not table.isVisible()


def test_a_new_session_updates_the_shown_table(qtbot, window, set_up_services):
    page = window.progress_page
    page.views.toggle.click()
    set_up_services.sessions.record(new_session(NOW - dt.timedelta(minutes=30)))
    page.reload()
    table = find(page, TABLE, QTableWidget)
    assert _rows(table)[1][:3] == ["Baby press-ups", "4", "3"]


def test_the_table_fits_a_small_window(qtbot, window):
    page = window.progress_page
    page.views.toggle.click()
    qtbot.wait(30)
    table = find(page, TABLE, QTableWidget)
    assert table.horizontalScrollBar().maximum() == 0  # every exercise in view
    assert table.verticalScrollBar().maximum() == 0
    note = find(page, "What the responses mean")
    assert note.isVisible() and "Centralized:" in note.text()
    assert page.geometry().bottom() <= window.height()
