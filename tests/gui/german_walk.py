"""What a German user sees, gathered from a window: every visible text (labels, buttons,
titles, tooltips, accessible names and descriptions, placeholders, list, combo and table
entries, menus), and the English words left in it.

English is told by words no German screen uses (the proper names Sciatica Journal,
McKenzie, PDF, A4 and US-Letter are allowed)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

ENGLISH = frozenset(
    """the and your you of to with session sessions exercise exercises pain back leg legs
    save cancel next today yesterday week weeks day days note notes from for this that not
    yet yes is are were be been have has what when where how why it its on at before
    done left right lying press up down moderate severe numbness tingling map report entry
    entries edit delete undo redo open close quit help file settings profile reminder
    reminders print preview period include paper range half full quarter repetition
    repetitions hold relax breathe better worse centralized peripheralized none nothing
    every only more less than then there here new last first one two three saved scores
    score level levels stopped outcome advice summary check sort""".split()  # noqa: SIM905
)
ALLOWED = ("Sciatica Journal", "McKenzie", "US-Letter", "PDF", "A4")
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
TAG = re.compile(r"<[^>]+>|&nbsp;|&amp;")


def english_words(text: str) -> list[str]:
    for name in ALLOWED:
        text = text.replace(name, " ")
    text = TAG.sub(" ", text).replace("&", "")
    return [w for w in WORD.findall(text) if w.lower() in ENGLISH]


def _item_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    # A list model has one column (and hides columnCount).
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
    for column in range(columns):
        yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        yield str(
            model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) or ""
        )
    for row in range(min(model.rowCount(), 30)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.AccessibleTextRole,
            ):
                value = index.data(role)
                if isinstance(value, str):
                    yield value


def texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything ``window`` shows a user or a screen reader."""
    widgets = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        if widget is not window and not widget.isVisibleTo(window):
            continue
        where = f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"
        for text in (
            widget.windowTitle() if widget.isWindow() else "",
            widget.toolTip(),
            widget.accessibleName(),
            widget.accessibleDescription(),
        ):
            yield where, text
        if isinstance(widget, QLabel | QAbstractButton):
            yield where, widget.text()
        if isinstance(widget, QGroupBox):
            yield where, widget.title()
        if isinstance(widget, QLineEdit):
            yield where, widget.placeholderText()
            if widget.isReadOnly():
                yield where, widget.text()
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            yield where, widget.placeholderText()
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield where, widget.itemText(index)
        if isinstance(widget, QAbstractItemView):
            for text in _item_texts(widget):
                yield where, text
        if isinstance(widget, QMenu):
            for action in widget.actions():
                yield where, action.text()
                yield where, action.toolTip() if action.toolTip() != action.text() else ""


def english_left(window: QWidget) -> list[str]:
    """Each text of ``window`` that still has English in it, with where it is."""
    found = []
    for where, text in texts(window):
        words = english_words(text or "")
        if words:
            found.append(f"{where}: {text!r} ({', '.join(sorted(set(words)))})")
    return sorted(set(found))
