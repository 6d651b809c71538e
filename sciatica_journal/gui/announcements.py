"""Telling assistive technology what just changed on screen (Qt's accessibility
announcements): a screen reader speaks the text without the user moving the focus.

Polite announcements wait until the reader has finished what it is saying (a count, a
time left); assertive ones interrupt it (a hold that is done, the session's outcome)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

from sciatica_journal.domain.language import n_

Politeness = QAccessible.AnnouncementPoliteness


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Have a screen reader say ``text``, coming from ``widget``."""
    if not text:
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(Politeness.Assertive if assertive else Politeness.Polite)
    QAccessible.updateAccessibility(event)


def hold_milestone(seconds_left: int, goal: int) -> str | None:
    """What to say while a hold runs: each whole minute left, ten seconds left, and the end
    (not every second: that would drown everything else out)."""
    if seconds_left <= 0:
        return None  # the end is said with the "done" text
    if seconds_left == 10 or (seconds_left % 60 == 0 and seconds_left != goal):
        minutes, rest = divmod(seconds_left, 60)
        if rest:
            return n_("{n} second left", "{n} seconds left", seconds_left).format(n=seconds_left)
        return n_("{n} minute left", "{n} minutes left", minutes).format(n=minutes)
    return None
