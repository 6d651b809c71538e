"""Reminders: off by default; when on, due sessions remind (not after the day's maximum,
not outside waking hours), and Snooze quiets them for a while."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton

from sciatica_journal.gui.main_window import MainWindow
from tests.builders import new_session
from tests.gui.conftest import find, when_modal


def _window(qtbot, services):
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    return window


def _enable(services):
    services.profiles.save(dataclasses.replace(services.profiles.profile(), reminders_enabled=True))


def test_reminders_are_off_by_default(qtbot, set_up_services):
    window = _window(qtbot, set_up_services)
    assert not set_up_services.profiles.profile().reminders_enabled
    assert window.reminders.check() is False


def test_settings_turn_reminders_on_and_explain_the_limits(qtbot, set_up_services):
    window = _window(qtbot, set_up_services)
    seen = {}

    def turn_on(dialog):
        box = find(dialog, "Remind me when a session is due", QCheckBox)
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        seen["note"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        qtbot.mouseClick(find(dialog, "Save", QPushButton), Qt.MouseButton.LeftButton)

    when_modal(qtbot, turn_on)
    window.open_settings()
    assert set_up_services.profiles.profile().reminders_enabled
    assert "only while Sciatica Journal is open" in seen["note"]


def test_a_due_session_reminds_and_snooze_quiets_it(qtbot, set_up_services, clock):
    _enable(set_up_services)
    window = _window(qtbot, set_up_services)
    with qtbot.waitSignal(window.reminders.remind):
        assert window.reminders.check()  # 15:00, nothing done yet: due now
    assert find(window, "Reminder", QLabel).text().startswith("Time for your exercises")
    qtbot.mouseClick(find(window, "Snooze the reminder", QPushButton), Qt.MouseButton.LeftButton)
    assert not find(window, "Snooze the reminder", QPushButton).isVisible()
    clock.moment += dt.timedelta(minutes=20)
    assert not window.reminders.check()
    clock.moment += dt.timedelta(minutes=15)
    assert window.reminders.check()


def test_no_reminder_on_a_day_paused_by_an_urgent_answer(qtbot, set_up_services):
    from sciatica_journal.domain.red_flags import Trigger

    _enable(set_up_services)
    window = _window(qtbot, set_up_services)
    answers = {q.code: False for q in set_up_services.program.red_flags}
    set_up_services.red_flags.record({**answers, "incontinence": True}, Trigger.DAILY)
    assert not window.reminders.check()


def test_no_reminder_once_the_maximum_is_reached_or_at_night(qtbot, set_up_services, clock):
    _enable(set_up_services)
    window = _window(qtbot, set_up_services)
    for i in range(8):
        set_up_services.sessions.record(
            new_session(clock.moment - dt.timedelta(hours=7, minutes=-50 * i), minutes=5)
        )
    assert not window.reminders.check()
    clock.moment = dt.datetime(2026, 11, 25, 22, 30, tzinfo=dt.UTC)  # 23:30 in Berlin
    assert not window.reminders.check()
