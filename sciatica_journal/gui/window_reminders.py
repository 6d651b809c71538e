"""The main window's reminders: the scheduler, where its reminders go (the desktop's
notifications, the tray, the window), Snooze in the status bar, the launch notice "You
missed N sessions since …", closing to the background and the autostart entry."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton

from sciatica_journal import APP_NAME
from sciatica_journal.domain.language import _
from sciatica_journal.gui.notifications import (
    DBusNotifications,
    NotificationSink,
    TrayNotifications,
    WindowNotifications,
    choose_sink,
)
from sciatica_journal.gui.reminders import ReminderScheduler, TrayReminders, snooze_text
from sciatica_journal.services.autostart import Autostart
from sciatica_journal.services.reminder_service import ReminderService


class LaunchNotice(QFrame):
    """A calm line above the pages: what was missed while the app was not running."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("launchNotice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(_("Missed sessions"))
        dismiss = QPushButton(_("Dismiss"))
        dismiss.setAccessibleName(_("Dismiss the notice"))
        dismiss.clicked.connect(self.hide)
        layout.addWidget(self.label, stretch=1)
        layout.addWidget(dismiss)
        self.hide()

    def say(self, text: str) -> None:
        self.label.setText(text)
        self.show()


class WindowReminders(QObject):
    def __init__(
        self,
        window: QMainWindow,
        reminders: ReminderService,
        start_session: Callable[[], object],
        quit_app: Callable[[], object],
        autostart: Autostart | None = None,
        sinks: list[NotificationSink] | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._reminders = reminders
        self._autostart = autostart
        self._start_session = start_session
        self._told_background = False
        self.scheduler = ReminderScheduler(reminders, self)
        self.tray = TrayReminders(self.scheduler, window)
        self.tray.start_requested.connect(self.start_session)
        self.tray.open_requested.connect(self.bring_up)
        self.tray.quit_requested.connect(quit_app)
        if sinks is None:
            sinks = [
                DBusNotifications(self.start_session, self),
                TrayNotifications(self.tray.tray, self),
                WindowNotifications(window, self),
            ]
        self.sink = choose_sink(sinks)
        self.notice = LaunchNotice()
        self.label = QLabel()
        self.label.setAccessibleName(_("Reminder"))
        self.snooze_button = QPushButton(snooze_text())
        self.snooze_button.setAccessibleName(_("Snooze the reminder"))
        self.snooze_button.clicked.connect(self.scheduler.snooze)
        self.snooze_button.clicked.connect(self.hide_reminder)
        window.statusBar().addWidget(self.label, 1)
        window.statusBar().addPermanentWidget(self.snooze_button)
        self.hide_reminder()
        self.scheduler.remind.connect(self.show_reminder)

    def show_reminder(self, text: str) -> None:
        self.label.setText(text)
        self.snooze_button.show()
        self.sink.notify(APP_NAME, text)

    def hide_reminder(self) -> None:
        self.label.clear()
        self.snooze_button.hide()

    def start_session(self) -> None:
        self.bring_up()
        self._start_session()

    def bring_up(self) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()

    # ---- the launch notice -------------------------------------------------------------

    def show_launch_notice(self) -> str | None:
        """At start: what was missed since the app last ran with reminders on (in the
        window, and as a notification when it starts in the background)."""
        text = self._reminders.launch_notice()
        if text is not None:
            self.notice.say(text)
            if not self._window.isVisible():
                self.sink.notify(APP_NAME, text)
        return text

    # ---- running in the background -----------------------------------------------------

    def keeps_running(self) -> bool:
        return self._reminders.keeps_running()

    def hide_to_background(self) -> None:
        """The window closes; the app stays for the reminders (said once per run)."""
        self._window.hide()
        if self._told_background:
            return
        self._told_background = True
        if self.tray.tray is not None:
            said = _(
                "Sciatica Journal keeps running for your reminders. Open it or quit it "
                "from its icon in the tray."
            )
        else:
            said = _(
                "Sciatica Journal keeps running for your reminders. Start it again to "
                "open the window; File → Quit ends it."
            )
        if not isinstance(self.sink, WindowNotifications):
            self.sink.notify(APP_NAME, said)

    def follow_preferences(self) -> None:
        """After Settings (or its undo): the autostart entry as chosen."""
        if self._autostart is not None:
            self._autostart.apply(self.keeps_running())

    def autostart_note(self) -> str:
        autostart = self._autostart or Autostart(None)
        if autostart.supported:
            return ""
        return autostart.unsupported_reason()

    def retire(self) -> None:
        self.scheduler.timer.stop()
        if self.tray.tray is not None:
            self.tray.tray.hide()
