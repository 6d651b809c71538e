"""The Today page: count against the band, today's sessions, the current exercise."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QTableWidget

from sciatica_journal.gui.main_window import MainWindow
from sciatica_journal.gui.today_page import TodayPage
from tests.builders import new_session
from tests.conftest import NOW
from tests.gui.conftest import find


def _record(services, hours_ago: float, **kwargs):
    return services.sessions.record(new_session(NOW - dt.timedelta(hours=hours_ago), **kwargs))


def test_an_empty_day(qtbot, set_up_services):
    page = TodayPage(set_up_services.sessions, set_up_services.red_flags, set_up_services.frequency)
    qtbot.addWidget(page)
    page.show()
    assert find(page, "Sessions today", QLabel).text() == "0 of 5–8 today"
    assert (
        find(page, "Daily target status", QLabel).text() == "5 more to reach today's minimum of 5."
    )
    assert find(page, "No sessions yet today", QLabel).isVisible()
    assert not find(page, "Today's sessions", QTableWidget).isVisible()


def test_todays_sessions_are_listed_in_order_with_local_times(qtbot, set_up_services):
    _record(set_up_services, 5, before=(6, 7), after=(5, 5))
    _record(set_up_services, 2, rung="full-press-up", before=(4, 4), after=(4, 4))
    # Yesterday's session does not count today.
    _record(set_up_services, 30)
    page = TodayPage(set_up_services.sessions, set_up_services.red_flags, set_up_services.frequency)
    qtbot.addWidget(page)
    page.show()
    assert find(page, "Sessions today", QLabel).text() == "2 of 5–8 today"
    table = find(page, "Today's sessions", QTableWidget)
    assert table.rowCount() == 2
    cells = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(2)]
    assert cells[0][:2] == ["10:00", "Baby press-ups"]  # 09:00 UTC is 10:00 in Berlin
    assert cells[0][3:5] == ["6 → 5", "7 → 5"]
    assert cells[1][1] == "Full press-ups"
    assert find(page, "Next exercise", QLabel).text() == "Full press-ups"


def test_the_band_message_follows_the_count(qtbot, set_up_services):
    page = TodayPage(set_up_services.sessions, set_up_services.red_flags, set_up_services.frequency)
    qtbot.addWidget(page)
    for i in range(5):
        _record(set_up_services, 6 - i)
    page.refresh()
    assert "within today's target" in find(page, "Daily target status", QLabel).text()
    for i in range(4):
        _record(set_up_services, 0.9 - i * 0.2, minutes=5)
    page.refresh()
    assert find(page, "Sessions today", QLabel).text() == "9 of 5–8 today"
    assert "More than the 8 planned" in find(page, "Daily target status", QLabel).text()


def test_main_window_has_title_icon_and_today(qtbot, set_up_services):
    window = MainWindow(set_up_services)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Sciatica Journal"
    icon = window.windowIcon().pixmap(64, 64).toImage()
    assert not icon.isNull()
    assert icon.pixelColor(32, 20).alpha() == 255  # the SVG really rendered
    assert window.pages.currentWidget() is window.today_page


def test_today_refreshes_when_shown_again_and_at_midnight(qtbot, set_up_services, clock):
    window = MainWindow(set_up_services)
    qtbot.addWidget(window)
    window.show()
    window.navigation.setCurrentRow(1)
    _record(set_up_services, 1)
    window.navigation.setCurrentRow(0)
    assert find(window, "Sessions today", QLabel).text() == "1 of 5–8 today"
    # At midnight the page turns to the new day by itself.
    clock.moment = clock.moment + dt.timedelta(days=1)
    window.today_page._midnight.timeout.emit()
    assert find(window, "Sessions today", QLabel).text() == "0 of 5–8 today"
    assert window.today_page._midnight.isActive()


def test_a_stopped_hold_shows_it_was_stopped(qtbot, set_up_services):
    _record(set_up_services, 2, rung="prone-lying", reps=None, stopped=True, after=None)
    page = TodayPage(set_up_services.sessions, set_up_services.red_flags, set_up_services.frequency)
    qtbot.addWidget(page)
    table = find(page, "Today's sessions", QTableWidget)
    assert table.item(0, 2).text() == "stopped early"
    assert table.item(0, 5).text() == "Worse"


def test_the_ladder_marks_the_exercise_the_advice_gives(qtbot, set_up_services, clock):
    """After baby press-ups made things worse, the advice steps down: the ladder's "now"
    is that rung too, not the one that just made things worse."""
    import datetime as dt

    from sciatica_journal.gui.main_window import MainWindow
    from tests.builders import new_session

    services = set_up_services
    services.sessions.record(
        new_session(clock.now() - dt.timedelta(hours=1), before=(3, 3), after=(6, 6))
    )
    window = MainWindow(services)
    qtbot.addWidget(window)
    page = window.today_page
    advice = services.sessions.advice()
    assert advice.rung.slug != "baby-press-up"
    now_rows = [slug for slug, label in page.ladder.rows.items() if "now" in label.text()]
    assert now_rows == [advice.rung.slug]
    assert page.rung_label.text() == advice.rung.name
