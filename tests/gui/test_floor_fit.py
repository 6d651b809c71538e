"""The floor view at 1024 × 600, the smallest screen: the longest instruction (German
"Angehalten: Leertaste setzt fort") stays on one line, and Stop — this hurts stays in view,
with no scroll bar, while the set is paused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QScrollArea, QWidget

from sciatica_journal.gui.session_wizard import REPS
from tests.gui.conftest import find
from tests.gui.test_german_walk import (
    LEFT,
    check_in,
    choose,
    de,
    open_window,
    press,
    start,
)
from tests.gui.test_german_walk import german as german_journal
from tests.gui.test_german_walk import journal as journal_opener
from tests.gui.test_session_wizard import hold_for, stepped_clock

german, journal = german_journal, journal_opener  # the fixtures: a German journal


def on_one_line(label: QLabel) -> bool:
    metrics = QFontMetrics(label.font())
    return (
        metrics.horizontalAdvance(label.text()) <= label.contentsRect().width()
        and label.height() < 2 * metrics.lineSpacing()
    )


def inside(widget: QWidget, view: QWidget) -> bool:
    where = QRect(widget.mapTo(view, QPoint(0, 0)), widget.size())
    return view.rect().contains(where)


@pytest.mark.parametrize("exercise", ["prone-lying", "baby-press-up"])
def test_the_paused_set_fits_1024_by_600_in_german(qtbot, german, exercise):
    window = open_window(qtbot, german)
    clock = stepped_clock(window)
    wizard = start(qtbot, window)
    check_in(qtbot, wizard)
    choose(qtbot, wizard, exercise)
    press(qtbot, wizard, de("Next"))
    assert wizard.step == REPS
    full_screen = find(wizard, de("Full screen during the set"), QCheckBox)
    qtbot.mouseClick(full_screen, LEFT, pos=QPoint(8, full_screen.height() // 2))
    assert not full_screen.isChecked()  # a window of the smallest screen's size
    wizard.resize(1024, 600)
    qtbot.waitUntil(lambda: wizard.size().width() == 1024)
    press(qtbot, wizard, de("Start the set"))
    if exercise == "prone-lying":
        hold_for(qtbot, wizard, clock, 10)
    floor = wizard.reps.floor
    qtbot.keyClick(floor, Qt.Key.Key_Space)  # pause
    instruction = floor.instruction
    assert instruction.text() == "Angehalten: Leertaste setzt fort"
    qtbot.wait(50)  # the layout settles
    assert on_one_line(instruction)
    assert inside(find(floor, de("Stop — this hurts"), QPushButton), floor)
    area = wizard.stack.widget(REPS)
    assert isinstance(area, QScrollArea)
    assert not area.verticalScrollBar().isVisible()
    assert not area.horizontalScrollBar().isVisible()
    size = floor.size()
    qtbot.keyClick(floor, Qt.Key.Key_Space)  # on again: the short words grow back
    qtbot.wait(50)
    assert floor.size() == size  # no resize came back from the type
