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
    assert "they appear only while it is open" in seen["note"]


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


# ---- where reminders go, closing to the background, the launch notice ------------------


class FakeSink:
    """Stands in for the desktop's notifications: records what it was asked to show."""

    name = "fake"

    def __init__(self, available=True):
        self._available = available
        self.shown = []

    def available(self):
        return self._available

    def notify(self, title, text):
        self.shown.append((title, text))


def _window_with(qtbot, services, sinks, autostart=None):
    window = MainWindow(services, autostart, sinks)
    qtbot.addWidget(window, before_close_func=lambda w: w.quit_app())
    window.show()
    return window, window.reminder_parts


def _keep_running(services, on=True):
    from sciatica_journal.domain.preferences import Preferences

    _enable(services)
    services.preferences.save(Preferences(run_in_background=on))


def test_a_due_reminder_goes_to_the_first_available_sink(qtbot, set_up_services):
    _enable(set_up_services)
    absent, desktop, fallback = FakeSink(False), FakeSink(), FakeSink()
    window, parts = _window_with(qtbot, set_up_services, [absent, desktop, fallback])
    assert parts.sink is desktop
    assert window.reminders.check()
    assert desktop.shown == [("Sciatica Journal", "Time for your exercises: a session is due now.")]
    assert absent.shown == [] and fallback.shown == []


def test_no_notification_at_night_after_the_maximum_or_on_a_paused_day(
    qtbot, set_up_services, clock
):
    from sciatica_journal.domain.red_flags import Trigger

    _enable(set_up_services)
    sink = FakeSink()
    window, _parts = _window_with(qtbot, set_up_services, [sink])
    clock.moment = dt.datetime(2026, 11, 24, 22, 30, tzinfo=dt.UTC)  # 23:30 in Berlin
    assert not window.reminders.check()
    clock.moment = dt.datetime(2026, 11, 25, 5, 0, tzinfo=dt.UTC)  # 06:00, before waking
    assert not window.reminders.check()
    clock.moment = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)  # 10:00
    answers = {q.code: False for q in set_up_services.program.red_flags}
    set_up_services.red_flags.record({**answers, "incontinence": True}, Trigger.DAILY)
    assert not window.reminders.check()
    assert sink.shown == []


def test_the_window_closes_to_the_background_when_chosen_and_quit_ends_it(qtbot, set_up_services):
    _keep_running(set_up_services)
    sink = FakeSink()
    window, parts = _window_with(qtbot, set_up_services, [sink])
    window.close()
    assert not window.isVisible()  # hidden, not gone: the reminders keep running
    assert parts.scheduler.timer.isActive()
    assert "keeps running for your reminders" in sink.shown[-1][1]
    assert window.reminders.check()  # a due session still reminds
    assert sink.shown[-1][1].startswith("Time for your exercises")
    parts.bring_up()  # the notification's click, the tray's Open or a second start
    assert window.isVisible()
    window.quit_app()
    assert not window.isVisible()


def test_without_the_choice_closing_the_window_closes_it(qtbot, set_up_services):
    _keep_running(set_up_services, on=False)
    window, _parts = _window_with(qtbot, set_up_services, [FakeSink()])
    assert window.close()


def test_settings_keep_running_in_the_background_writes_the_autostart_entry(
    qtbot, set_up_services, tmp_path
):
    from sciatica_journal.services.autostart import Autostart

    _enable(set_up_services)
    config = tmp_path / "config"
    autostart = Autostart(["/usr/bin/sciatica-journal"], environ={"XDG_CONFIG_HOME": str(config)})
    window, _parts = _window_with(qtbot, set_up_services, [FakeSink()], autostart)

    from sciatica_journal.gui.profile_dialog import ProfileDialog
    from sciatica_journal.gui.profile_form import ProfileForm

    services = set_up_services
    dialog = ProfileDialog(  # as File → Settings… builds it, shown without a modal loop
        services.profiles,
        ProfileForm(services.program),
        first_run=False,
        parent=window,
        runner=window.runner,
        preferences=services.preferences,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    box = find(dialog, "Keep running in the background", QCheckBox)
    assert box.isEnabled()  # reminders are on
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    qtbot.mouseClick(find(dialog, "Save", QPushButton), Qt.MouseButton.LeftButton)
    window.runner.changed.emit  # noqa: B018  (Save ran the operation: the window followed)
    entry = config / "autostart" / "sciatica-journal.desktop"
    assert set_up_services.preferences.preferences().run_in_background
    assert "Exec=/usr/bin/sciatica-journal --background" in entry.read_text()
    window.runner.undo_action.trigger()  # Ctrl+Z takes the choice back, and the entry
    assert not set_up_services.preferences.preferences().run_in_background
    assert not entry.exists()
    window.quit_app()


def test_the_launch_notice_says_what_was_missed(qtbot, set_up_services, clock):
    _enable(set_up_services)
    set_up_services.reminders.seen_now()  # the app ran on Tuesday at 15:00
    clock.moment += dt.timedelta(days=1)  # opened again on Wednesday at 15:00
    sink = FakeSink()
    window, parts = _window_with(qtbot, set_up_services, [sink])
    text = parts.show_launch_notice()
    notice = find(window, "Missed sessions", QLabel)
    # Tuesday 16:00 and 19:00, then Wednesday 07:00, 10:00 and 13:00 (5 a day from 7 to 22)
    assert notice.text() == text == "You missed 5 sessions since Tuesday 24 November, 16:00."
    assert notice.isVisible()
    qtbot.mouseClick(find(window, "Dismiss the notice", QPushButton), Qt.MouseButton.LeftButton)
    assert not notice.isVisible()
    assert parts.show_launch_notice() is None  # counted once


def test_no_launch_notice_when_reminders_were_off(qtbot, set_up_services, clock):
    set_up_services.reminders.seen_now()  # off: nothing remembered
    _enable(set_up_services)
    clock.moment += dt.timedelta(days=1)
    window, parts = _window_with(qtbot, set_up_services, [FakeSink()])
    assert parts.show_launch_notice() is None
    assert not find(window, "Missed sessions", QLabel).isVisible()


def test_in_german_the_launch_notice_and_a_reminder_are_german(qtbot, qapp, set_up_services, clock):
    from sciatica_journal.gui.translation import install_translators
    from sciatica_journal.services import languages
    from tests.gui.german_walk import english_left, english_words

    languages.use_language("de")
    install_translators(qapp)
    try:
        _enable(set_up_services)
        set_up_services.reminders.seen_now()  # the app ran on Tuesday at 15:00
        clock.moment += dt.timedelta(days=1)
        sink = FakeSink()
        _window, parts = _window_with(qtbot, set_up_services, [sink])
        text = parts.show_launch_notice()
        assert text is not None and "Dienstag" in text and "24. November" in text, text
        assert english_left(parts.notice) == []
        assert english_left(parts.snooze_button) == []
        parts.show_reminder(text)  # what the status bar says, in the same words
        assert english_words(parts.label.text()) == []
    finally:
        languages.use_language("en")
        install_translators(qapp)
