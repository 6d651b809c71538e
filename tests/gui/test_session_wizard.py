"""Complete sessions through the wizard, driven like a user by accessible names:
a good one, one that spreads down the leg, one stopped for pain, and a red-flag day."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSlider,
)

from sciatica_journal.domain.body import Mark, SymptomKind, SymptomMap
from sciatica_journal.domain.sessions import PainScores
from sciatica_journal.gui.guide_sound import GuideSetup
from sciatica_journal.gui.main_window import MainWindow
from sciatica_journal.storage import models
from tests.gui.conftest import find, when_modal

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot, set_up_services):
    set_up_services.symptoms.record_check_in(
        SymptomMap(
            (
                Mark("low-back-right", SymptomKind.PAIN, 2),
                Mark("calf-right", SymptomKind.PAIN, 2),
                Mark("sole-right", SymptomKind.TINGLING, 2),
            )
        )
    )
    win = MainWindow(set_up_services)
    qtbot.addWidget(win)
    win.show()
    return win


def press(qtbot, root, name):
    button = find(root, name, QPushButton)
    assert button.isEnabled(), name
    qtbot.mouseClick(button, LEFT)


def tick(qtbot, root, name):
    """Click a radio button on its indicator, as a user would."""
    radio = find(root, name, QRadioButton)
    qtbot.mouseClick(radio, LEFT, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked(), name


def score(qtbot, root, name, value):
    slider = find(root, name, QSlider)
    slider.setFocus()
    for digit in str(value):
        qtbot.keyClick(slider, digit)
    assert slider.value() == value


def answer_safety(qtbot, yes=()):
    def answer(dialog):
        for number in range(1, 8):
            choice = "yes" if number in yes else "no"
            tick(qtbot, dialog, f"Question {number}: {choice}")
        press(qtbot, dialog, "Continue")

    when_modal(qtbot, answer)


def region_click(qtbot, step, code, button=LEFT):
    board = step.editor.map_widget
    qtbot.mouseClick(board, button, pos=board.region_point(code).toPoint())


def score_by_click(qtbot, root, name, value):
    """Click the scale where the value's tick is."""
    slider = find(root, name, QSlider)
    qtbot.mouseClick(slider, LEFT, pos=QPoint(slider.tick_x(value), slider.height() // 2))
    assert slider.value() == value


def check_out(qtbot, wizard, back=4, leg=6):
    """Score the pain after: nothing is prefilled, every score is the user's."""
    assert wizard.check_out.pain() is None
    score_by_click(qtbot, wizard, "Back pain after", back)
    score(qtbot, wizard, "Leg pain after", leg)


def check_in(qtbot, wizard, back=4, leg=6):
    score(qtbot, wizard, "Back pain before", back)
    score(qtbot, wizard, "Leg pain before", leg)
    answer_safety(qtbot)
    press(qtbot, wizard, "Next")
    qtbot.waitUntil(lambda: wizard.step == 1)


def choose(qtbot, wizard, exercise, anyway: bool = True):
    """Choose ``exercise`` from the list; a choice against the advice asks first, and the
    question is answered "Do it anyway" (or, ``anyway=False``, "Keep the advised
    exercise")."""
    combo = find(wizard, "Exercise", QComboBox)
    if wizard.exercise.warning_for(exercise) is not None:
        answer = "Do it anyway" if anyway else "Keep the advised exercise"
        when_modal(qtbot, lambda box: find(box, answer, QPushButton).click())
    combo.setCurrentIndex(combo.findData(exercise))


def latest_session(services):
    with services.journal.bound():
        return models.ExerciseSession.select().order_by(models.ExerciseSession.id.desc()).first()


# ---- the set (issue 13) ----------------------------------------------------------------


def count_myself(qtbot, wizard, n, *, done=True):
    """A set the user counts: "I count myself", "Start the set", "Add a repetition" ``n``
    times on the floor view, then "Set done" (the wizard then moves on by itself)."""
    tick(qtbot, wizard, "I count myself")
    press(qtbot, wizard, "Start the set")
    assert wizard.reps.running
    assert find(wizard, "Floor view").isVisible()
    for _ in range(n):
        press(qtbot, wizard, "Add a repetition")
    assert find(wizard, "Count", QLabel).text() == str(n)
    if done:
        press(qtbot, wizard, "Set done")
        assert not wizard.reps.running


class SteppedClock:
    """The guided set's monotonic clock, moved on only by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def stepped_clock(window) -> SteppedClock:
    """Give the window's session wizards a clock the test moves (before start_session)."""
    clock = SteppedClock()
    window.guide = GuideSetup(sound=window.guide.sound, clock=clock)
    return clock


def run_clock(qtbot, wizard, clock: SteppedClock, seconds: float) -> None:
    """The clock moves ``seconds`` on; returns once the running set has seen it (its timer
    wakes at least every 100 ms)."""
    guided = wizard.reps._guided
    target = guided.elapsed_ms() + round(seconds * 1000)
    with qtbot.waitSignal(guided.ticked, check_params_cb=lambda ms: ms >= target, timeout=5000):
        clock.advance(seconds)


def hold_for(qtbot, wizard, clock: SteppedClock, seconds: int) -> None:
    """``seconds`` of the hold pass (after its lead-in, "Get ready… start", the first time)."""
    guided = wizard.reps._guided
    now = guided.elapsed_ms()
    run_clock(qtbot, wizard, clock, (max(now, guided.timeline.begins_ms) - now) / 1000 + seconds)


def run_to_the_end(qtbot, wizard, clock: SteppedClock) -> None:
    """The guided set runs its whole course, its last words included: the wizard moves on."""
    guided = wizard.reps._guided
    run_clock(qtbot, wizard, clock, (guided.timeline.duration_ms - guided.elapsed_ms()) / 1000)
    assert not wizard.reps.running


def test_a_good_session_is_saved_whole_and_explained(qtbot, window, set_up_services):
    wizard = window.start_session()
    assert wizard is not None
    check_in(qtbot, wizard)
    assert find(wizard, "Why this exercise", QLabel).text() == "Start with lying face down."
    choose(qtbot, wizard, "baby-press-up")
    press(qtbot, wizard, "Next")
    assert find(wizard, "Dose", QLabel).text() == "Aim: 5–10 repetitions"
    count_myself(qtbot, wizard, 8)
    assert wizard.step == 3  # "Set done" went on to the range by itself
    assert find(wizard, "Your set", QLabel).text() == "✓ 8 of 10 repetitions."
    assert not find(wizard, "Next", QPushButton).isEnabled()  # range not answered yet
    tick(qtbot, wizard, "Range: half")
    tick(qtbot, wizard, "Pelvis stayed down: yes")
    press(qtbot, wizard, "Next")
    score(qtbot, wizard, "Back pain after", 4)
    score(qtbot, wizard, "Leg pain after", 5)
    region_click(qtbot, wizard.check_out, "sole-right", Qt.MouseButton.RightButton)
    press(qtbot, wizard, "Next")
    assert find(wizard, "Outcome", QLabel).text() == "Moved up (centralized)"
    assert find(wizard, "Why", QLabel).text() == (
        "In your right leg, the tingling in your foot has gone; pain remains in your lower "
        "leg. That is centralization, a good sign."
    )
    assert "Keep going with baby press-ups" in find(wizard, "Next", QLabel).text()
    with qtbot.waitSignal(wizard.saved):
        press(qtbot, wizard, "Finish")
    row = latest_session(set_up_services)
    assert (row.rung, row.reps_done, row.range_reached, row.pelvis_stayed_down) == (
        "baby-press-up",
        8,
        "half",
        True,
    )
    assert (row.back_pain_before, row.leg_pain_before, row.back_pain_after, row.leg_pain_after) == (
        4,
        6,
        4,
        5,
    )
    assert row.outcome == "centralized" and not row.stopped_for_pain
    with set_up_services.journal.bound():
        assert {m[0] for m in row.map_before.marks} == {
            "low-back-right",
            "calf-right",
            "sole-right",
        }
        assert {m[0] for m in row.map_after.marks} == {"low-back-right", "calf-right"}
        (screen,) = row.screens
    assert screen.result == "clear" and screen.trigger == "daily"
    # Today shows the session and the advice.
    assert find(window, "Sessions today", QLabel).text() == "1 of 5–8 today"
    assert "Keep going with baby press-ups" in find(window, "Why this exercise", QLabel).text()


def test_a_session_that_spreads_down_the_leg(qtbot, window, set_up_services):
    wizard = window.start_session()
    check_in(qtbot, wizard)
    choose(qtbot, wizard, "full-press-up")
    press(qtbot, wizard, "Next")
    tick(qtbot, wizard, "I count myself")
    qtbot.keyClick(find(wizard, "Start the set", QPushButton), Qt.Key.Key_Space)
    floor = find(wizard, "Floor view")
    assert wizard.focusWidget() is floor  # the keys are the floor view's now
    qtbot.keyClick(floor, Qt.Key.Key_Space)  # one press-up
    assert find(wizard, "Count", QLabel).text() == "1"
    qtbot.keyClick(floor, Qt.Key.Key_Return)  # the set is done
    assert wizard.step == 3
    tick(qtbot, wizard, "Range: quarter")
    tick(qtbot, wizard, "Pelvis stayed down: no")
    press(qtbot, wizard, "Next")
    region_click(qtbot, wizard.check_out, "small-toes-right")
    check_out(qtbot, wizard)
    press(qtbot, wizard, "Next")
    assert find(wizard, "Outcome", QLabel).text() == "Spread further down"
    assert "peripheralization" in find(wizard, "Why", QLabel).text()
    assert "go one step down, to baby press-ups" in find(wizard, "Next", QLabel).text()
    press(qtbot, wizard, "Finish")
    assert latest_session(set_up_services).outcome == "peripheralized"
    assert set_up_services.sessions.advice().rung.slug == "baby-press-up"


def test_stop_this_hurts_saves_the_reps_done_as_worse(qtbot, window, set_up_services):
    wizard = window.start_session()
    check_in(qtbot, wizard, back=3, leg=3)
    choose(qtbot, wizard, "baby-press-up")
    press(qtbot, wizard, "Next")
    count_myself(qtbot, wizard, 3, done=False)
    press(qtbot, wizard, "Stop — this hurts")  # the floor view's own, the set running
    assert wizard.step == 4
    assert wizard.check_out.title.text() == "You stopped: how is it now?"
    assert not find(wizard, "Back", QPushButton).isEnabled()
    check_out(qtbot, wizard, back=3, leg=6)
    press(qtbot, wizard, "Next")
    assert find(wizard, "Outcome", QLabel).text() == "Worse"
    assert find(wizard, "Why", QLabel).text().startswith("You stopped because it hurt.")
    press(qtbot, wizard, "Finish")
    row = latest_session(set_up_services)
    assert (row.stopped_for_pain, row.reps_done, row.outcome) == (True, 3, "worse")
    assert row.range_reached is None


def test_a_hold_is_timed_and_saved(qtbot, window, set_up_services):
    clock = stepped_clock(window)
    wizard = window.start_session()
    check_in(qtbot, wizard)
    press(qtbot, wizard, "Next")  # lying face down, as recommended
    assert find(wizard, "Dose", QLabel).text() == "Hold for 3 min"
    press(qtbot, wizard, "Start the set")
    assert find(wizard, "Count", QLabel).text() == "3:00"
    assert find(wizard, "Planned", QLabel).text() == "of 3:00"
    assert find(wizard, "Instruction", QLabel).text() == "Get ready"
    hold_for(qtbot, wizard, clock, 70)
    assert find(wizard, "Count", QLabel).text() == "1:50"
    assert find(wizard, "Instruction", QLabel).text() == "Relax"
    floor = find(wizard, "Floor view")
    qtbot.keyClick(floor, Qt.Key.Key_Space)  # pause
    assert find(wizard, "Instruction", QLabel).text() == "Paused: Space goes on"
    clock.advance(500)  # paused time does not count
    qtbot.wait(250)
    assert find(wizard, "Count", QLabel).text() == "1:50"
    assert wizard.reps.hold_seconds() == 70
    qtbot.keyClick(floor, Qt.Key.Key_Space)  # on again
    assert find(wizard, "Instruction", QLabel).text() == "Relax"
    hold_for(qtbot, wizard, clock, 110)
    assert find(wizard, "Count", QLabel).text() == "0:00"
    assert find(wizard, "Instruction", QLabel).text() == "Done"
    run_to_the_end(qtbot, wizard, clock)
    assert wizard.step == 4  # no range step for a hold: on to the check-out by itself
    assert find(wizard, "Your set", QLabel).text() == (
        "✓ Held 3:00 of 3:00. Roll to your side and get up slowly."
    )
    assert not wizard.check_out.title.text().startswith("You stopped")
    check_out(qtbot, wizard)
    press(qtbot, wizard, "Next")
    press(qtbot, wizard, "Finish")
    row = latest_session(set_up_services)
    assert (row.rung, row.hold_seconds, row.reps_done, row.stopped_for_pain) == (
        "prone-lying",
        180,
        None,
        False,
    )


def test_a_hold_stopped_by_a_key_saves_the_time_held(qtbot, window, set_up_services):
    clock = stepped_clock(window)
    wizard = window.start_session()
    check_in(qtbot, wizard)
    press(qtbot, wizard, "Next")
    press(qtbot, wizard, "Start the set")
    hold_for(qtbot, wizard, clock, 70)
    qtbot.keyClick(find(wizard, "Floor view"), Qt.Key.Key_Escape)  # any key but Space stops
    assert not wizard.reps.running
    assert wizard.step == 4
    assert wizard.check_out.title.text() == "You stopped: how is it now?"
    check_out(qtbot, wizard)
    press(qtbot, wizard, "Next")
    press(qtbot, wizard, "Finish")
    row = latest_session(set_up_services)
    assert (row.rung, row.hold_seconds, row.stopped_for_pain) == ("prone-lying", 70, True)


def test_counting_oneself_may_pass_the_dose_and_answers_its_keys(qtbot, window, set_up_services):
    wizard = window.start_session()
    check_in(qtbot, wizard)
    choose(qtbot, wizard, "baby-press-up")
    press(qtbot, wizard, "Next")
    assert find(wizard, "Repetitions planned").value() == 10  # the dose's default
    tick(qtbot, wizard, "I count myself")
    press(qtbot, wizard, "Start the set")
    floor = find(wizard, "Floor view")
    assert find(wizard, "Planned", QLabel).text() == "of 10"
    assert find(wizard, "Instruction", QLabel).text() == "Count each press-up"
    for _ in range(11):
        qtbot.keyClick(floor, Qt.Key.Key_Space)
    assert find(wizard, "Count", QLabel).text() == "11"
    assert find(wizard, "Planned", QLabel).text() == "Above the dose of 5–10 repetitions"
    qtbot.keyClick(floor, Qt.Key.Key_Backspace)
    press(qtbot, wizard, "Remove a repetition")
    assert find(wizard, "Count", QLabel).text() == "9"
    assert find(wizard, "Planned", QLabel).text() == "of 10"
    qtbot.mouseClick(floor, LEFT)  # a click on the floor view counts one too
    assert find(wizard, "Count", QLabel).text() == "10"
    qtbot.keyClick(floor, Qt.Key.Key_Escape)  # Esc: Stop — this hurts
    assert wizard.step == 4
    assert wizard.check_out.title.text() == "You stopped: how is it now?"
    check_out(qtbot, wizard)
    press(qtbot, wizard, "Next")
    press(qtbot, wizard, "Finish")
    row = latest_session(set_up_services)
    assert (row.reps_done, row.stopped_for_pain) == (10, True)


def test_a_red_flag_day_stops_the_session_and_blocks_the_day(qtbot, window, set_up_services):
    wizard = window.start_session()
    seen = {}

    def urgent(dialog):
        seen["title"] = dialog.windowTitle()
        press(qtbot, dialog, "I understand")

    def answer(dialog):
        for number in range(1, 8):
            choice = "yes" if number == 3 else "no"
            tick(qtbot, dialog, f"Question {number}: {choice}")
        when_modal(qtbot, urgent)
        press(qtbot, dialog, "Continue")

    score(qtbot, wizard, "Back pain before", 2)
    score(qtbot, wizard, "Leg pain before", 3)
    when_modal(qtbot, answer)
    press(qtbot, wizard, "Next")
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert seen["title"] == "Seek emergency care now"
    with set_up_services.journal.bound():
        assert models.ExerciseSession.select().count() == 0
    (screen,) = set_up_services.red_flags.screens_today()
    assert screen.result.value == "urgent"
    assert not find(window, "Start session", QPushButton).isEnabled()
    assert find(window, "Exercises paused today", QLabel).isVisible()
    assert window.start_session() is None


def test_cancel_asks_first_and_saves_nothing(qtbot, window, set_up_services):
    wizard = window.start_session()
    score(qtbot, wizard, "Back pain before", 5)

    def discard(box):
        assert isinstance(box, QMessageBox)
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), LEFT)

    when_modal(qtbot, discard)
    press(qtbot, wizard, "Cancel")
    qtbot.waitUntil(lambda: not wizard.isVisible())
    with set_up_services.journal.bound():
        assert models.ExerciseSession.select().count() == 0
    assert QApplication.activeModalWidget() is None


def test_cancel_without_input_closes_at_once(qtbot, window):
    wizard = window.start_session()
    press(qtbot, wizard, "Cancel")
    assert not wizard.isVisible()


def test_every_step_works_from_the_keyboard(qtbot, window, set_up_services):
    wizard = window.start_session()
    back = find(wizard, "Back pain before", QSlider)
    assert wizard.focusWidget() is back
    qtbot.keyClick(back, Qt.Key.Key_Right)  # an unset score: Right from nothing gives 1
    qtbot.keyClick(back, Qt.Key.Key_Tab)
    assert wizard.focusWidget() is find(wizard, "Leg pain before", QSlider)
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_5)
    assert wizard.check_in.pain() == PainScores(back=1, leg=5)
    answer_safety(qtbot)
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)  # Next is the default button
    qtbot.waitUntil(lambda: wizard.step == 1)
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)
    assert wizard.step == 2
    assert wizard.focusWidget() is find(wizard, "Start the set", QPushButton)
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Space)  # starts the hold
    assert wizard.reps.running
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    assert wizard.focusWidget() is find(wizard, "Floor view")
    # Alt+S, the Stop of the wizard's bar, reaches the floor view: any key but Space stops.
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.step == 4)  # a button's key "clicks" it visibly, a bit later
    assert wizard.focusWidget() is find(wizard, "Back pain after", QSlider)
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_End)  # 10
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Home)  # 0: Home on an unset score sets it
    assert wizard.check_out.pain() == PainScores(back=10, leg=0)
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)
    assert wizard.step == 5
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)
    assert not wizard.isVisible()
    assert latest_session(set_up_services).stopped_for_pain


def test_a_session_ending_before_it_started_is_refused_at_the_field(
    qtbot, window, set_up_services, clock
):
    import datetime as dt

    guided = stepped_clock(window)
    wizard = window.start_session()
    check_in(qtbot, wizard)
    press(qtbot, wizard, "Next")
    press(qtbot, wizard, "Start the set")
    run_to_the_end(qtbot, wizard, guided)
    assert wizard.step == 4
    check_out(qtbot, wizard)
    clock.moment = clock.moment - dt.timedelta(hours=1)  # the system clock jumped back
    seen = {}

    def warning(box):
        seen["text"] = box.text()
        box.accept()

    when_modal(qtbot, warning)
    press(qtbot, wizard, "Next")
    assert seen["text"] == "The session ends before it starts."
    assert wizard.step == 4  # still on the check-out step
    with set_up_services.journal.bound():
        assert models.ExerciseSession.select().count() == 0


def test_the_demo_journal_gets_sensible_advice(services):
    from sciatica_journal.services.demo_journal import generate_demo

    generate_demo(services)
    advice = services.sessions.advice()
    assert advice.rung.slug in ("full-press-up", "baby-press-up")
    assert not advice.contact_clinician
    assert services.sessions.best_range().value == "full"


def test_going_back_from_check_out_keeps_what_was_entered_there(qtbot, window):
    wizard = window.start_session()
    check_in(qtbot, wizard, back=5, leg=6)
    press(qtbot, wizard, "Next")  # lying face down: no range step
    press(qtbot, wizard, "Next")
    score(qtbot, wizard, "Back pain after", 1)
    score(qtbot, wizard, "Leg pain after", 1)
    press(qtbot, wizard, "Back")
    press(qtbot, wizard, "Next")
    assert wizard.check_out.pain().back == 1 and wizard.check_out.pain().leg == 1


def test_nothing_is_prefilled_in_the_scores(qtbot, window, set_up_services):
    wizard = window.start_session()
    check_in(qtbot, wizard, back=5, leg=6)
    press(qtbot, wizard, "Next")  # lying face down: no range step
    press(qtbot, wizard, "Next")
    assert wizard.step == 4
    assert wizard.check_out.pain() is None  # not the scores from before the exercise
    assert find(wizard, "Back pain after", QSlider).accessibleDescription() == "not set"
    assert wizard.check_out.missing_scores() == ["back pain", "leg pain"]
    # The map, though, starts from the check-in's.
    assert wizard.check_out.symptom_map() == wizard.check_in.symptom_map()


def _tab_until(qtbot, wizard, target, limit=40):
    presses = 0
    while wizard.focusWidget() is not target and presses < limit:
        qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Tab)
        presses += 1
    return presses


def test_next_is_a_few_tabs_from_the_pain_scores(qtbot, window):
    wizard = window.start_session()
    back = find(wizard, "Back pain before", QSlider)
    back.setFocus()
    qtbot.waitUntil(back.hasFocus)
    board = wizard.check_in.editor.map_widget
    seen = []
    presses = 0
    while wizard.focusWidget() is not wizard.next_button and presses < 40:
        qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Tab)
        seen.append(wizard.focusWidget())
        presses += 1
    assert wizard.focusWidget() is wizard.next_button
    assert presses <= 12, [w.accessibleName() for w in seen]
    regions = [w for w in seen if w.parent() is board]
    assert len(regions) == 1  # the whole diagram is one tab stop


def test_enter_after_tabbing_away_from_the_diagram_changes_no_mark(qtbot, window):
    wizard = window.start_session()
    step = wizard.check_in
    board = step.editor.map_widget
    score(qtbot, wizard, "Back pain before", 3)
    score(qtbot, wizard, "Leg pain before", 4)
    leg = find(wizard, "Leg pain before", QSlider)
    # Into the diagram with Tab, to the left calf with the arrows, Space marks it.
    while wizard.focusWidget().parent() is not board:
        qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Home)  # Low back, left
    for _ in range(4):  # buttock, thigh, knee, calf
        qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Down)
    assert wizard.focusWidget().accessibleName() == "Left calf"
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Space)
    marked = step.symptom_map()
    assert Mark("calf-left", SymptomKind.PAIN, 2) in marked.marks
    # Back out to the leg pain score with Shift+Tab; Enter there is the dialog's (Next).
    while wizard.focusWidget() is not leg:
        qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Backtab)
    answer_safety(qtbot)
    qtbot.keyClick(leg, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.step == 1)
    assert step.symptom_map() == marked
    assert latest_map_regions(step) == {"low-back-right", "calf-right", "sole-right", "calf-left"}


def latest_map_regions(step):
    return {m.region for m in step.symptom_map().marks}
