"""What a new user met walking through the session wizard: the keys of the set step, the
floor view's lines while paused and at the end, the check-out after a stop for another
reason, the steps counted above, Today after an urgent answer, and where the focus goes
after the safety questions. Driven like a user, controls found by accessible name."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QWidget,
)

from sciatica_journal.gui.session_wizard import CHECK_OUT, EXERCISE, RANGE, REPS
from tests.builders import new_session
from tests.conftest import NOW
from tests.gui.conftest import find, when_modal
from tests.gui.test_session_wizard import (
    LEFT,
    answer_safety,
    check_in,
    check_out,
    choose,
    hold_for,
    press,
    run_clock,
    run_to_the_end,
    score,
    stepped_clock,
    tick,
)
from tests.gui.test_session_wizard import window as session_window

window = session_window  # the fixture: a main window, a check-in done


def to_the_set(qtbot, wizard, exercise: str = "baby-press-up") -> None:
    check_in(qtbot, wizard)
    choose(qtbot, wizard, exercise)
    press(qtbot, wizard, "Next")
    assert wizard.step == REPS


def click_into(qtbot, wizard, name: str) -> QWidget:
    """Click a control of the step (a check box or a choice on its box), as a user would:
    it takes the focus."""
    control = find(wizard, name)
    boxed = isinstance(control, QCheckBox | QRadioButton)
    where = QPoint(8, control.height() // 2) if boxed else control.rect().center()
    qtbot.mouseClick(control, LEFT, pos=where)
    return control


# ---- 1. Enter and Space on the set step start the set -----------------------------------


def test_enter_in_the_number_planned_starts_the_set_and_never_skips_it(qtbot, window):
    wizard = window.start_session()
    to_the_set(qtbot, wizard)
    planned = click_into(qtbot, wizard, "Repetitions planned")
    assert isinstance(planned, QSpinBox)
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)
    assert wizard.step == REPS  # not on to the range with nothing done
    assert wizard.reps.running


def test_enter_on_a_choice_starts_the_set(qtbot, window):
    wizard = window.start_session()
    to_the_set(qtbot, wizard)
    tick(qtbot, wizard, "I count myself")
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Enter)
    assert wizard.step == REPS and wizard.reps.running
    assert find(wizard, "Set done", QPushButton).isVisible()  # the user's own count


def test_space_in_the_planned_repetitions_starts_the_set(qtbot, window):
    wizard = window.start_session()
    to_the_set(qtbot, wizard)
    clicked = click_into(qtbot, wizard, "Repetitions planned")
    assert wizard.focusWidget() in (clicked, *clicked.findChildren(QWidget))
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Space)
    assert wizard.reps.running
    assert wizard.focusWidget() is find(wizard, "Floor view")


@pytest.mark.parametrize("control", ["Full screen during the set", "I count myself"])
def test_space_ticks_a_focused_choice_and_enter_then_starts(qtbot, window, control):
    """Space keeps its meaning on a check box or radio button (keyboard and screen-reader
    users rely on it); Enter starts the set from there."""
    wizard = window.start_session()
    to_the_set(qtbot, wizard)
    box = find(wizard, control)
    box.setFocus()
    before = box.isChecked()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not wizard.reps.running
    assert box.isChecked() is (not before if isinstance(box, QCheckBox) else True)
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Enter)
    assert wizard.reps.running


def test_space_on_the_step_itself_starts_the_set(qtbot, window):
    """A click on an empty part of the step gives the focus to the step's scroll area."""
    wizard = window.start_session()
    to_the_set(qtbot, wizard)
    title = wizard.reps.title
    qtbot.mouseClick(title, LEFT, pos=QPoint(title.width() - 4, title.height() // 2))
    assert isinstance(wizard.focusWidget(), QScrollArea)
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Space)
    assert wizard.reps.running


def test_counting_myself_after_a_led_set_saves_my_count(qtbot, window):
    """A set led by the app, Back, then one counted by the user: what was done is the
    user's count, not the earlier set's."""
    clock = stepped_clock(window)
    wizard = window.start_session()
    to_the_set(qtbot, wizard)
    press(qtbot, wizard, "Start the set")
    run_to_the_end(qtbot, wizard, clock)
    assert wizard.step == RANGE
    press(qtbot, wizard, "Back")
    tick(qtbot, wizard, "I count myself")
    press(qtbot, wizard, "Start the set")
    for _ in range(6):
        press(qtbot, wizard, "Add a repetition")
    press(qtbot, wizard, "Set done")
    assert find(wizard, "Your set", QLabel).text() == "✓ 6 of 10 repetitions."


# ---- 3. the keys line says what the keys do now -------------------------------------------


def test_the_keys_line_follows_the_hold_paused_and_at_its_end(qtbot, window):
    clock = stepped_clock(window)
    wizard = window.start_session()
    to_the_set(qtbot, wizard, "prone-lying")
    press(qtbot, wizard, "Start the set")
    keys = find(wizard, "Keys", QLabel)
    running = "Space: pause · any other key or a click: stop"
    assert keys.text() == running
    hold_for(qtbot, wizard, clock, 30)
    floor = find(wizard, "Floor view")
    qtbot.keyClick(floor, Qt.Key.Key_Space)  # pause
    assert keys.text() == "Space: go on · any other key or a click: stop"
    qtbot.keyClick(floor, Qt.Key.Key_Space)  # on again
    assert keys.text() == running
    hold_for(qtbot, wizard, clock, 150)
    assert find(wizard, "Instruction", QLabel).text() == "Done"
    assert keys.text() == "Any key or a click: go on"
    stop = find(wizard, "Stop — this hurts", QPushButton)
    assert not stop.isVisible()  # nothing is left to stop
    qtbot.keyClick(floor, Qt.Key.Key_Escape)  # goes on, not a stop
    assert wizard.step == CHECK_OUT
    assert wizard.check_out.title.text() == "How are you after the exercise?"


def test_the_keys_line_says_any_key_goes_on_at_the_end_of_led_press_ups(qtbot, window):
    clock = stepped_clock(window)
    wizard = window.start_session()
    to_the_set(qtbot, wizard)
    press(qtbot, wizard, "Start the set")
    guided = wizard.reps._guided
    run_clock(qtbot, wizard, clock, (guided.timeline.ends_ms - guided.elapsed_ms()) / 1000)
    assert find(wizard, "Keys", QLabel).text() == "Any key or a click: go on"


# ---- 4. the check-out after a stop for another reason ------------------------------------


def test_the_check_out_words_follow_a_stop_for_another_reason(qtbot, window):
    wizard = window.start_session()
    to_the_set(qtbot, wizard)
    press(qtbot, wizard, "Start the set")
    press(qtbot, wizard, "Stop — this hurts")
    assert wizard.step == CHECK_OUT
    words = find(wizard, "What to record", QLabel)
    assert words.text().startswith("Stopping when it hurts")
    other = click_into(qtbot, wizard, "Stopped for another reason")
    assert other.isChecked()
    assert words.text() == (
        "You stopped for another reason, so the session is not counted as worse. "
        "Record how you feel now."
    )
    click_into(qtbot, wizard, "Stopped for another reason")
    assert words.text().startswith("Stopping when it hurts")


# ---- 5, 6. the steps counted above, and the hold's step named a hold ---------------------


def trail(wizard) -> str:
    return find(wizard, "Step", QLabel).text()


def test_a_hold_session_counts_five_steps_at_each_step_and_names_the_hold(qtbot, window):
    clock = stepped_clock(window)
    wizard = window.start_session()  # a new user: lying face down, a timed hold
    seen = [trail(wizard)]
    check_in(qtbot, wizard)
    seen.append(trail(wizard))
    press(qtbot, wizard, "Next")
    seen.append(trail(wizard))
    assert "<b>Hold</b>" in trail(wizard) and "Repetitions" not in trail(wizard)
    press(qtbot, wizard, "Start the set")
    run_to_the_end(qtbot, wizard, clock)
    seen.append(trail(wizard))
    check_out(qtbot, wizard)
    press(qtbot, wizard, "Next")
    seen.append(trail(wizard))
    assert [text.rsplit("(", 1)[1] for text in seen] == [f"step {n} of 5)" for n in range(1, 6)]


def test_choosing_press_ups_counts_their_six_steps_at_once(qtbot, window):
    wizard = window.start_session()
    assert trail(wizard).endswith("(step 1 of 5)")  # lying face down is advised
    check_in(qtbot, wizard)
    choose(qtbot, wizard, "baby-press-up")
    assert trail(wizard).endswith("(step 2 of 6)")
    press(qtbot, wizard, "Next")
    assert "<b>Repetitions</b>" in trail(wizard)
    assert trail(wizard).endswith("(step 3 of 6)")


def test_the_check_in_counts_the_steps_of_the_advised_press_ups(qtbot, set_up_services):
    """Advised press-ups: the first step already counts their six steps, as the next do."""
    from sciatica_journal.gui.main_window import MainWindow

    set_up_services.sessions.record(new_session(NOW - dt.timedelta(hours=30)))  # a good one
    assert set_up_services.sessions.advice().rung.slug == "baby-press-up"
    shown = MainWindow(set_up_services)
    qtbot.addWidget(shown)
    shown.show()
    wizard = shown.start_session()
    assert trail(wizard).endswith("(step 1 of 6)")
    check_in(qtbot, wizard)
    assert trail(wizard).endswith("(step 2 of 6)")


# ---- 8. Today after an urgent answer ---------------------------------------------------


def test_today_does_not_congratulate_after_an_urgent_answer(qtbot, window, set_up_services):
    for hours in range(6, 1, -1):  # five sessions today: within the target
        set_up_services.sessions.record(new_session(NOW - dt.timedelta(hours=hours)))
    window.today_page.refresh()
    status = find(window, "Daily target status", QLabel)
    assert "Well done" in status.text()
    wizard = window.start_session()
    score(qtbot, wizard, "Back pain before", 2)
    score(qtbot, wizard, "Leg pain before", 3)

    def answer(dialog):
        for number in range(1, 8):
            tick(qtbot, dialog, f"Question {number}: {'yes' if number == 3 else 'no'}")
        when_modal(qtbot, lambda told: press(qtbot, told, "I understand"))
        press(qtbot, dialog, "Continue")

    when_modal(qtbot, answer)
    press(qtbot, wizard, "Next")
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert find(window, "Exercises paused today", QLabel).isVisible()
    assert status.text() == "No more sessions today."
    assert not find(window, "Why this exercise", QLabel).isVisible()


# ---- 9. the focus after the safety questions -----------------------------------------------


def test_after_the_safety_questions_the_focus_is_on_next(qtbot, window):
    wizard = window.start_session()
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    score(qtbot, wizard, "Back pain before", 3)
    score(qtbot, wizard, "Leg pain before", 3)
    answer_safety(qtbot)
    qtbot.keyClick(find(wizard, "Leg pain before", QSlider), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.step == EXERCISE)
    assert wizard.focusWidget() is find(wizard, "Next", QPushButton)
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)
    assert wizard.step == REPS
    assert wizard.focusWidget() is find(wizard, "Start the set", QPushButton)
