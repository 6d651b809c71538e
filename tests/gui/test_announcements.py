"""A screen reader hears what changes in a session without moving the focus (Qt
accessibility announcements): the floor view's instruction as each cue of a guided set
reaches it ("Get ready", "Up", "Hold", "Down", "Relax", a hold's "Relax" and "Done"), a set
that ends or is stopped (assertive: it interrupts), and the outcome (assertive). The count
and the time left are the floor view's "Count" label, its description saying them in words
(what a reader says when it reads the label); the voice of the set says the numbers and the
minutes left."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel

from tests.gui.conftest import find
from tests.gui.test_session_wizard import (  # the same wizard, driven the same way
    check_in,
    check_out,
    choose,
    count_myself,
    hold_for,
    press,
    run_clock,
    run_to_the_end,
    stepped_clock,
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


def spoken_count(wizard) -> str:
    """The count or the time left as a screen reader reads the "Count" label."""
    return find(wizard, "Count", QLabel).accessibleDescription()


def test_a_set_counted_oneself_and_the_outcome_are_announced(qtbot, window, heard):  # noqa: F811
    wizard = window.start_session()
    check_in(qtbot, wizard)
    choose(qtbot, wizard, "baby-press-up")
    press(qtbot, wizard, "Next")
    heard.clear()
    count_myself(qtbot, wizard, 3, done=False)
    assert spoken_count(wizard) == "3 repetitions"
    press(qtbot, wizard, "Remove a repetition")
    assert spoken_count(wizard) == "2 repetitions"
    # What to do is said once, then each count as it changes (with the voice off, or no
    # sound device, a screen reader still follows the set).
    counts = ["1 repetition", "2 repetitions", "3 repetitions", "2 repetitions"]
    assert heard == [
        ("Instruction", "Count each press-up", POLITE),
        *[("Count", said, POLITE) for said in counts],
    ]
    press(qtbot, wizard, "Set done")
    assert wizard.step == 3
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


def test_the_pace_cues_are_announced(qtbot, window, heard):  # noqa: F811
    clock = stepped_clock(window)
    wizard = window.start_session()
    check_in(qtbot, wizard)
    choose(qtbot, wizard, "baby-press-up")
    press(qtbot, wizard, "Next")
    find(wizard, "Repetitions planned").setValue(5)
    assert wizard.reps.counts_for_me()  # the default: the app leads and counts
    heard.clear()
    press(qtbot, wizard, "Start the set")
    assert heard == [("Instruction", "Get ready… start", POLITE)]
    while wizard.reps.reps() < 2:
        run_clock(qtbot, wizard, clock, 0.5)
    assert spoken_count(wizard) == "2 repetitions"
    run_to_the_end(qtbot, wizard, clock)

    def rep(n: int) -> list:
        said = "1 repetition" if n == 1 else f"{n} repetitions"
        moves = [("Instruction", shown, POLITE) for shown in ("Up", "Hold", "Down", "Relax")]
        return [*moves, ("Count", said, POLITE)]

    assert heard == [
        ("Instruction", "Get ready… start", POLITE),
        *[said for n in range(1, 6) for said in rep(n)],
        ("Instruction", "Set complete", ASSERTIVE),
    ]
    assert wizard.step == 3  # on to the range by itself


def test_the_hold_says_its_start_and_its_end(qtbot, window, heard):  # noqa: F811
    clock = stepped_clock(window)
    wizard = window.start_session()
    check_in(qtbot, wizard)
    choose(qtbot, wizard, "prone-lying")
    press(qtbot, wizard, "Next")
    heard.clear()
    press(qtbot, wizard, "Start the set")
    assert spoken_count(wizard) == "180 seconds left"
    hold_for(qtbot, wizard, clock, 60)
    assert spoken_count(wizard) == "120 seconds left"
    hold_for(qtbot, wizard, clock, 60)
    assert spoken_count(wizard) == "60 seconds left"
    hold_for(qtbot, wizard, clock, 50)
    assert spoken_count(wizard) == "10 seconds left"
    # What the voice says is heard too: the minutes left, then the last ten seconds once.
    assert heard == [
        ("Instruction", "Get ready… start", POLITE),
        ("Instruction", "Relax", POLITE),
        ("Instruction", "2 minutes left", POLITE),
        ("Instruction", "1 minute left", POLITE),
        ("Instruction", "10 seconds left", POLITE),
    ]
    hold_for(qtbot, wizard, clock, 10)
    assert spoken_count(wizard) == "0 seconds left"
    assert heard[5:] == [("Instruction", "Done. Roll to your side and get up slowly.", ASSERTIVE)]
    run_to_the_end(qtbot, wizard, clock)
    assert len(heard) == 6
    assert wizard.step == 4


def test_a_stopped_set_says_so(qtbot, window, heard):  # noqa: F811
    clock = stepped_clock(window)
    wizard = window.start_session()
    check_in(qtbot, wizard)
    press(qtbot, wizard, "Next")
    press(qtbot, wizard, "Start the set")
    hold_for(qtbot, wizard, clock, 5)
    heard.clear()
    qtbot.keyClick(find(wizard, "Floor view"), Qt.Key.Key_X)
    assert heard == [("Instruction", "Stopped", ASSERTIVE)]
    assert wizard.step == 4
