"""Typing a whole date into a date field in one go (birth date, report period)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit

SEPARATORS = frozenset("-/. ")


class TypedDateEntry(QObject):
    """Lets a whole date be typed into a QDateTimeEdit in one go, e.g. "1985-03-14".

    Qt moves on to the next section by itself once a section is full (the year after four
    digits), so the separator the user types next would skip a whole section: it is
    swallowed. And typing while the whole text is selected, or after a click left the cursor
    in a full section, replaces that section (the first one when the click gave the field
    the focus) instead of being refused.
    """

    def __init__(self, edit: QDateTimeEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self._advanced_from: int | None = None  # section index before the last digit
        self._clicked_in = False
        edit.installEventFilter(self)
        edit.lineEdit().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        edit = self._edit
        if event.type() == QEvent.Type.KeyPress and watched is edit:
            assert isinstance(event, QKeyEvent)
            text = event.text()
            if text and text in SEPARATORS and self._advanced_from is not None:
                advanced = edit.currentSectionIndex() > self._advanced_from
                self._advanced_from = None
                if advanced:
                    return True  # Qt has moved on already
            elif text.isdigit():
                self._before_digit()
                self._advanced_from = edit.currentSectionIndex()
            else:
                self._advanced_from = None
        elif event.type() == QEvent.Type.FocusIn:
            assert isinstance(event, QFocusEvent)
            self._advanced_from = None
            self._clicked_in = event.reason() == Qt.FocusReason.MouseFocusReason
        elif event.type() == QEvent.Type.MouseButtonPress and not edit.hasFocus():
            self._clicked_in = True  # e.g. the click that also activates the window
        elif event.type() == QEvent.Type.MouseButtonRelease:
            self._advanced_from = None
            if self._clicked_in:  # clicked into the field: a whole date starts with the year
                edit.setCurrentSectionIndex(0)
            # Otherwise the section clicked. Either way what is typed next replaces it.
            edit.setSelectedSection(edit.currentSection())
            self._clicked_in = False
        return False

    def _before_digit(self) -> None:
        edit, line = self._edit, self._edit.lineEdit()
        selected = line.selectedText()
        if selected and selected == line.text():
            edit.setCurrentSectionIndex(0)
            edit.setSelectedSection(edit.sectionAt(0))
