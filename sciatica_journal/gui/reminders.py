"""Opt-in reminders: a tray notification when a session is due (while the app is open),
with Snooze. When to remind is decided by ``domain.frequency.should_remind``."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from sciatica_journal import APP_NAME
from sciatica_journal.domain.frequency import should_remind
from sciatica_journal.gui.style import app_icon
from sciatica_journal.services.frequency_service import FrequencyService
from sciatica_journal.services.profile_service import ProfileService
from sciatica_journal.services.red_flag_service import RedFlagService

SNOOZE = dt.timedelta(minutes=30)
CHECK_EVERY_MS = 60_000


class ReminderScheduler(QObject):
    remind = Signal(str)

    def __init__(
        self,
        profiles: ProfileService,
        frequency: FrequencyService,
        red_flags: RedFlagService,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._profiles = profiles
        self._frequency = frequency
        self._red_flags = red_flags
        self.snoozed_until: dt.datetime | None = None
        self.last_reminded: dt.datetime | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> bool:
        """Remind now if due; True when a reminder was sent."""
        summary = self._frequency.summary()
        now = self._frequency.now()
        if not should_remind(
            enabled=self._profiles.profile().reminders_enabled,
            now=now,
            due=summary.next_due,
            snoozed_until=self.snoozed_until,
            last_reminded=self.last_reminded,
            paused=self._red_flags.blocked_today(),  # no exercises after an urgent answer
        ):
            return False
        self.last_reminded = now
        self.snoozed_until = None
        self.remind.emit("Time for your exercises: a session is due now.")
        return True

    def snooze(self) -> None:
        self.snoozed_until = self._frequency.now() + SNOOZE


class TrayReminders(QObject):
    """Shows the scheduler's reminders in the system tray, with Start session and Snooze."""

    start_requested = Signal()

    def __init__(self, scheduler: ReminderScheduler, window: QWidget) -> None:
        super().__init__(window)
        self.scheduler = scheduler
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.setToolTip(APP_NAME)
            menu = QMenu(window)
            start = QAction("Start session", menu)
            start.triggered.connect(self.start_requested)
            snooze = QAction(f"Snooze {int(SNOOZE.total_seconds() // 60)} minutes", menu)
            snooze.triggered.connect(scheduler.snooze)
            show = QAction("Show the journal", menu)
            show.triggered.connect(window.showNormal)
            show.triggered.connect(window.activateWindow)
            for action in (start, snooze, show):
                menu.addAction(action)
            self.tray.setContextMenu(menu)
            self.tray.messageClicked.connect(self.start_requested)
            self.tray.show()
        scheduler.remind.connect(self._show)
        self.last_message = ""

    def _show(self, text: str) -> None:
        self.last_message = text
        if self.tray is not None:
            self.tray.showMessage(
                APP_NAME,
                text + " (Right-click the tray icon to snooze.)",
                QSystemTrayIcon.MessageIcon.Information,
                15_000,
            )
