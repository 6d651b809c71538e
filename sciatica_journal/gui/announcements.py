"""Telling assistive technology what just changed on screen (Qt's accessibility
announcements): a screen reader speaks the text without the user moving the focus.

Polite announcements wait until the reader has finished what it is saying (a count, a
time left); assertive ones interrupt it (a hold that is done, the session's outcome)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

Politeness = QAccessible.AnnouncementPoliteness


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Have a screen reader say ``text``, coming from ``widget``."""
    if not text:
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(Politeness.Assertive if assertive else Politeness.Polite)
    QAccessible.updateAccessibility(event)
