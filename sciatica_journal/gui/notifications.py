"""Where a reminder is shown: the desktop's notification service (freedesktop
notifications over the D-Bus session bus), else the system tray, else the window itself.

Each is a ``NotificationSink``; ``choose_sink`` takes the first one available. A click on
the notification (its default action) calls ``on_activated``: the app opens its window."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, SLOT, QMetaObject, QObject, Qt, Slot
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from sciatica_journal import APP_ID, APP_NAME
from sciatica_journal.domain.language import _

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
OPEN_ACTION = "default"  # the action a click on the notification invokes
SHOWN_FOR_MS = 15_000


class NotificationSink(Protocol):
    name: str

    def available(self) -> bool: ...

    def notify(self, title: str, text: str) -> None: ...


class DBusNotifications(QObject):
    """org.freedesktop.Notifications ``Notify`` on the session bus (local, never the
    network). Available when a notification server answers there."""

    name = "desktop notifications"

    def __init__(
        self,
        on_activated: Callable[[], None],
        parent: QObject | None = None,
        bus_address: str | None = None,
    ) -> None:
        """``bus_address``: another bus than the session's (the tests' own)."""
        super().__init__(parent)
        self._on_activated = on_activated
        self._interface: QObject | None = None
        self._last_id = 0
        self.sent: list[tuple[str, str]] = []
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface
        except ImportError:  # pragma: no cover - QtDBus is part of PySide6-Essentials
            return
        if bus_address is None:
            bus = QDBusConnection.sessionBus()
        else:
            bus = QDBusConnection.connectToBus(bus_address, f"notifications-{id(self)}")
        if not bus.isConnected():
            return
        interface = QDBusInterface(SERVICE, PATH, SERVICE, bus)
        if not interface.isValid():
            return
        self._interface = interface
        slot = SLOT("action_invoked(uint,QString)").encode()
        bus.connect(SERVICE, PATH, SERVICE, "ActionInvoked", self, slot)

    def available(self) -> bool:
        return self._interface is not None

    def notify(self, title: str, text: str) -> None:
        if self._interface is None:
            return
        # Called through the interface's introspected method, so that each argument has
        # the type the server expects (the replaced id is a uint, the actions a string list).
        try:
            sent = QMetaObject.invokeMethod(
                self._interface,
                "Notify",
                Qt.ConnectionType.DirectConnection,
                Q_RETURN_ARG("uint"),
                Q_ARG(str, APP_NAME),
                Q_ARG("uint", self._last_id),
                Q_ARG(str, APP_ID),
                Q_ARG(str, title),
                Q_ARG(str, text),
                Q_ARG("QStringList", [OPEN_ACTION, _("Open the journal")]),
                Q_ARG("QVariantMap", {"desktop-entry": APP_ID}),
                Q_ARG(int, SHOWN_FOR_MS),
            )
        except (RuntimeError, TypeError):
            sent = None
        if not sent:
            log.warning("the desktop's notification service did not take the reminder")
            return
        self._last_id = int(sent)  # type: ignore[call-overload]  # the reply: a uint
        self.sent.append((title, text))

    @Slot("uint", str)
    def action_invoked(self, notification: int, action: str) -> None:
        if notification == self._last_id and action == OPEN_ACTION:
            self._on_activated()


class TrayNotifications(QObject):
    """A balloon from the system tray icon (where a tray exists)."""

    name = "tray"

    def __init__(self, tray: QSystemTrayIcon | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tray = tray

    def available(self) -> bool:
        return self._tray is not None and QSystemTrayIcon.supportsMessages()

    def notify(self, title: str, text: str) -> None:
        if self._tray is not None:
            self._tray.showMessage(
                title, text, QSystemTrayIcon.MessageIcon.Information, SHOWN_FOR_MS
            )


class WindowNotifications(QObject):
    """The fallback: the reminder in the window (its status bar shows it); a hidden window
    comes back minimised and asks for attention, so the taskbar shows it."""

    name = "window"

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window

    def available(self) -> bool:
        return True

    def notify(self, title: str, text: str) -> None:
        if not self._window.isVisible():
            self._window.showMinimized()
        QApplication.alert(self._window)


def choose_sink(sinks: Sequence[NotificationSink]) -> NotificationSink:
    """The first sink available (the last one should always be)."""
    for sink in sinks:
        if sink.available():
            log.info("reminders go to the %s", sink.name)
            return sink
    return sinks[-1]
