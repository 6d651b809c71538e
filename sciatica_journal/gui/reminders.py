"""Opt-in reminders: when a session is due (decided by ``ReminderService.due_now``), a
reminder, with Snooze; and the tray icon with its menu, where a tray exists."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from sciatica_journal import APP_NAME
from sciatica_journal.domain.language import _, n_
from sciatica_journal.gui.style import app_icon
from sciatica_journal.services.reminder_service import ReminderService

SNOOZE = dt.timedelta(minutes=30)
CHECK_EVERY_MS = 60_000


def snooze_text() -> str:
    minutes = int(SNOOZE.total_seconds() // 60)
    return n_("Snooze {n} minute", "Snooze {n} minutes", minutes).format(n=minutes)


class ReminderScheduler(QObject):
    remind = Signal(str)

    def __init__(self, reminders: ReminderService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reminders = reminders
        self.snoozed_until: dt.datetime | None = None
        self.last_reminded: dt.datetime | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> bool:
        """Remind now if due; True when a reminder was sent."""
        self._reminders.seen_now()  # running: nothing is missed while the app is up
        if not self._reminders.due_now(self.snoozed_until, self.last_reminded):
            return False
        self.last_reminded = self._reminders.now()
        self.snoozed_until = None
        self.remind.emit(self._reminders.reminder_text())
        return True

    def snooze(self) -> None:
        self.snoozed_until = self._reminders.now() + SNOOZE


class TrayReminders(QObject):
    """The tray icon (where a system tray exists): Start session, Snooze, Open the journal
    and Quit; a click on its message starts a session."""

    start_requested = Signal()
    open_requested = Signal()
    quit_requested = Signal()

    def __init__(self, scheduler: ReminderScheduler, window: QWidget) -> None:
        super().__init__(window)
        self.scheduler = scheduler
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(app_icon(), self)
            self.tray.setToolTip(APP_NAME)
            menu = QMenu(window)
            start = QAction(_("Start session"), menu)
            start.triggered.connect(self.start_requested)
            snooze = QAction(snooze_text(), menu)
            snooze.triggered.connect(scheduler.snooze)
            show = QAction(_("Open the journal"), menu)
            show.triggered.connect(self.open_requested)
            quit_action = QAction(_("Quit"), menu)
            quit_action.triggered.connect(self.quit_requested)
            for action in (start, snooze, show, quit_action):
                menu.addAction(action)
            self.tray.setContextMenu(menu)
            self.tray.messageClicked.connect(self.start_requested)
            self.tray.activated.connect(self._activated)
            self.tray.show()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason is QSystemTrayIcon.ActivationReason.Trigger:  # a click on the icon
            self.open_requested.emit()
