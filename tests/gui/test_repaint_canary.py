"""Canary for the broken PySide6 build of DESIGN §7: 6.12.0 on Python 3.11 corrupts the
reference counts of None/True/False on every Python override and aborts after a few
thousand paints. Fifty thousand repaints of a widget with a Python paintEvent must pass."""

from __future__ import annotations

import sys

import pytest

from sciatica_journal.domain.today import DailyCount
from sciatica_journal.gui.day_dots import DayDots

REPAINTS = 50_000


class CountingDots(DayDots):
    painted = 0

    def paintEvent(self, event):  # a Python override, as in every custom widget
        CountingDots.painted += 1
        super().paintEvent(event)


@pytest.mark.slow
def test_fifty_thousand_repaints_do_not_crash_or_leak_singletons(qtbot):
    CountingDots.painted = 0
    widget = CountingDots()
    qtbot.addWidget(widget)
    widget.set_count(DailyCount(3, 5, 8))
    widget.show()
    qtbot.waitUntil(lambda: CountingDots.painted > 0)  # the first paint has happened
    counts = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    CountingDots.painted = 0
    for _ in range(REPAINTS):
        widget.repaint()
    assert CountingDots.painted >= REPAINTS
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    # Immortal on 3.12+; on 3.11 a broken binding drifts by about one per call.
    for before_count, after_count in zip(counts, after, strict=True):
        assert abs(after_count - before_count) < REPAINTS // 10
