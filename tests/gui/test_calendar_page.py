"""The month calendar: counts per day, met or not, navigation, and the chosen day's sessions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QToolButton

from sciatica_journal.gui.calendar_page import CalendarPage
from tests.builders import new_session
from tests.conftest import NOW
from tests.gui.conftest import find


def _record_day(services, days_ago: int, count: int) -> None:
    for i in range(count):
        services.sessions.record(
            new_session(NOW - dt.timedelta(days=days_ago, hours=1 + i), minutes=5)
        )


def test_the_month_shows_counts_and_days_on_target(qtbot, set_up_services):
    _record_day(set_up_services, 1, 5)  # 23 November: met
    _record_day(set_up_services, 2, 2)  # 22 November: some
    page = CalendarPage(set_up_services.frequency, set_up_services.program)
    qtbot.addWidget(page)
    page.show()
    days = page.calendar.days
    assert (days[dt.date(2026, 11, 23)].sessions, days[dt.date(2026, 11, 23)].met) == (5, True)
    assert (days[dt.date(2026, 11, 22)].sessions, days[dt.date(2026, 11, 22)].met) == (2, False)
    summary = find(page, "Streak and adherence", QLabel).text()
    assert "Current streak: 1 day ·" in summary
    # The journal's first day is 22 November: 22 and 23 are whole days (one on target);
    # today (24) counts once its minimum is met.
    assert "this month: 1 of 2 days on target" in summary
    assert "last 30 days: 1 of 2 days on target (50.0 %)" in summary
    assert page.day_title.text() == "Tuesday 24 November: 0 sessions"


def test_choosing_a_day_with_the_keyboard_lists_its_sessions(qtbot, set_up_services):
    _record_day(set_up_services, 1, 5)
    page = CalendarPage(set_up_services.frequency, set_up_services.program)
    qtbot.addWidget(page)
    page.show()
    view = page.calendar.findChild(object, "qt_calendar_calendarview")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert page.day_title.text() == "Monday 23 November: 5 sessions"
    items = find(page, "Sessions on the chosen day", QListWidget)
    assert items.count() == 5
    assert "Baby press-up" in items.item(0).text()


def test_months_can_be_browsed(qtbot, set_up_services):
    _record_day(set_up_services, 40, 6)  # 15 October
    page = CalendarPage(set_up_services.frequency, set_up_services.program)
    qtbot.addWidget(page)
    page.show()
    previous = page.calendar.findChild(QToolButton, "qt_calendar_prevmonth")
    qtbot.mouseClick(previous, Qt.MouseButton.LeftButton)
    assert page.calendar.monthShown() == 10
    assert page.calendar.days[dt.date(2026, 10, 15)].sessions == 6
