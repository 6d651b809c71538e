"""A screen reader hears what changes in a session without moving the focus: each
repetition counted, the hold's minutes left and its end, the pace cues, and the outcome
(Qt accessibility announcements; the outcome and a finished hold interrupt)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from sciatica_journal.gui import wizard_exercise
from sciatica_journal.gui.announcements import hold_milestone
from tests.gui.test_session_wizard import (  # the same wizard, driven the same way
    check_in,
    check_out,
    choose,
    press,
    tick,
    window,  # noqa: F401 (the fixture)
)

POLITE = QAccessible.AnnouncementPoliteness.Polite
ASSERTIVE = QAccessible.AnnouncementPoliteness.Assertive


@pytest.fixture
def heard(monkeypatch) -> list[tuple[str, str, object]]:
    """What assistive technology was told: (accessible name of the widget, text, politeness)."""
    said: list[tuple[str, str, object]] = []
    real = QAccessible.updateAccessibility

    def listen(event) -> None:
        if event.type() == QAccessible.Event.Announcement:
            said.append((event.object().accessibleName(), event.message(), event.politeness()))
        real(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", listen)
    return said


def test_each_repetition_and_the_outcome_are_announced(qtbot, window, heard):  # noqa: F811
    wizard = window.start_session()
    check_in(qtbot, wizard)
    choose(qtbot, wizard, "baby-press-up")
    press(qtbot, wizard, "Next")
    heard.clear()
    for _ in range(3):
        press(qtbot, wizard, "Add a repetition")
    press(qtbot, wizard, "Remove a repetition")
    assert heard == [
        ("Count", "1 repetition", POLITE),
        ("Count", "2 repetitions", POLITE),
        ("Count", "3 repetitions", POLITE),
        ("Count", "2 repetitions", POLITE),
    ]
    press(qtbot, wizard, "Next")
    tick(qtbot, wizard, "Range: half")
    tick(qtbot, wizard, "Pelvis stayed down: yes")
    press(qtbot, wizard, "Next")
    check_out(qtbot, wizard, back=4, leg=6)
    heard.clear()
    press(qtbot, wizard, "Next")
    [(name, text, politeness)] = heard
    assert (name, politeness) == ("Outcome", ASSERTIVE)
    assert text.startswith("Outcome: No change.")
    assert wizard.result_step.advice.text() in text  # what to do next is said too


def test_the_hold_says_the_minutes_left_and_its_end(qtbot, window, heard, monkeypatch):  # noqa: F811
    now = [1000.0]
    monkeypatch.setattr(wizard_exercise.time, "monotonic", lambda: now[0])
    wizard = window.start_session()
    check_in(qtbot, wizard)
    choose(qtbot, wizard, "prone-lying")
    press(qtbot, wizard, "Next")
    reps = wizard.reps
    press(qtbot, wizard, "Start or pause the timer")
    heard.clear()
    goal = reps._rung.dose.default  # 3 minutes lying face down
    assert goal == 180
    for elapsed in range(1, goal + 1):  # the 200 ms tick, once per second of the hold
        now[0] = 1000.0 + elapsed
        reps._tick.timeout.emit()
    assert heard == [
        ("Count", "2 minutes left", POLITE),
        ("Count", "1 minute left", POLITE),
        ("Count", "10 seconds left", POLITE),
        ("Pace", "Done. Roll to your side to get up.", ASSERTIVE),
    ]


def test_the_pace_cues_are_announced(qtbot, window, heard):  # noqa: F811
    wizard = window.start_session()
    check_in(qtbot, wizard)
    choose(qtbot, wizard, "baby-press-up")
    press(qtbot, wizard, "Next")
    heard.clear()
    qtbot.mouseClick(wizard.reps.pace, Qt.MouseButton.LeftButton)
    wizard.reps._pace_timer.timeout.emit()
    assert heard == [("Pace", "Press up…", POLITE), ("Pace", "…and lower slowly", POLITE)]


@pytest.mark.parametrize(
    ("left", "said"),
    [
        (180, None),
        (179, None),
        (120, "2 minutes left"),
        (60, "1 minute left"),
        (90, None),
        (10, "10 seconds left"),
        (9, None),
        (0, None),
    ],
)
def test_a_hold_speaks_only_at_milestones(left, said):
    assert hold_milestone(left, 180) == said
