"""A session done lying face down (issue 13): the set runs from Start to its end with no
input at all, paced and counted by the app, on a fake clock and a fake sound sink; the
cues come in order and the saved session holds what was done of what was planned."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton

from sciatica_journal.domain.pacing import Cue, CueKind
from sciatica_journal.gui.guide_sound import GuideSetup, audio_options
from sciatica_journal.gui.main_window import MainWindow
from sciatica_journal.services.audio_output import RecordingSink
from sciatica_journal.services.guide_player import open_player
from tests.gui.conftest import find
from tests.gui.test_session_wizard import (
    check_in,
    check_out,
    choose,
    latest_session,
    press,
    tick,
)

SPEED_UP = 60  # fake seconds per real second


class FakeClock:
    """Monotonic seconds running SPEED_UP times faster than real ones."""

    def __init__(self) -> None:
        self._real = time.monotonic()
        self.offset = 1000.0

    def __call__(self) -> float:
        return self.offset + (time.monotonic() - self._real) * SPEED_UP


@dataclass
class Listener:
    """The real player over a recording sink, noting each cue as it is sounded."""

    clock: FakeClock
    cues: list[Cue] = field(default_factory=list)
    stops: int = 0
    sink: RecordingSink | None = None

    def open(self, preferences):
        self.sink = RecordingSink(clock=self.clock)
        player = open_player(audio_options(preferences), sink=self.sink)
        listener = self

        class Heard:
            notice = player.notice

            def prepare(self, timeline):
                player.prepare(timeline)

            def play(self, cue):
                listener.cues.append(cue)
                player.play(cue)

            def stop(self):
                listener.stops += 1
                player.stop()

            def silence(self):
                player.silence()

            def close(self):
                player.close()

        return Heard(), player.notice


@pytest.fixture
def listener(window):
    heard = Listener(FakeClock())
    window.guide = GuideSetup(sound=heard.open, clock=heard.clock)
    return heard


@pytest.fixture
def window(qtbot, set_up_services):
    win = MainWindow(set_up_services)
    qtbot.addWidget(win)
    win.show()
    return win


class NoInput:
    """Counts every key and mouse event the application gets while it is on."""

    def __init__(self) -> None:
        self.events = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (
            event.Type.KeyPress,
            event.Type.MouseButtonPress,
            event.Type.MouseButtonRelease,
        ):
            self.events += 1
        return False


def run_set_untouched(qtbot, wizard, timeout_ms: int) -> None:
    from PySide6.QtCore import QObject

    class Filter(QObject):
        def __init__(self, counter):
            super().__init__()
            self.counter = counter

        def eventFilter(self, watched, event):
            return self.counter.eventFilter(watched, event)

    counter = NoInput()
    spy = Filter(counter)
    QApplication.instance().installEventFilter(spy)
    try:
        wizard.reps.start_set()  # what "Start" does, without an input event
        assert wizard.reps.running
        qtbot.waitUntil(lambda: not wizard.reps.running, timeout=timeout_ms)
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert counter.events == 0


def test_ten_press_ups_are_led_counted_and_saved_without_a_touch(qtbot, window, listener):
    wizard = window.start_session()
    check_in(qtbot, wizard)
    choose(qtbot, wizard, "baby-press-up")
    press(qtbot, wizard, "Next")
    assert wizard.reps.counts_for_me()  # the default: the app leads and counts
    run_set_untouched(qtbot, wizard, 10_000)
    kinds = [c.kind for c in listener.cues]
    assert kinds[0] is CueKind.START
    counts = [c.words for c in listener.cues if c.kind is CueKind.COUNT]
    assert counts == ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"]
    assert kinds[-1] is CueKind.SET_END
    each = [c.kind for c in listener.cues if c.rep == 3 and c.kind is not CueKind.SET_END]
    assert each == [CueKind.UP, CueKind.TOP, CueKind.DOWN, CueKind.COUNT]
    assert len(listener.sink.played) == len(listener.cues)
    assert all(len(clip) > 0 for _at, clip in listener.sink.played)
    # The step moved on by itself to the range question, saying what the set did.
    assert wizard.step == 3
    assert find(wizard, "Your set", QLabel).text() == "✓ 10 of 10 repetitions."
    tick(qtbot, wizard, "Range: half")
    tick(qtbot, wizard, "Pelvis stayed down: yes")
    press(qtbot, wizard, "Next")
    check_out(qtbot, wizard, 3, 5)
    press(qtbot, wizard, "Next")
    with qtbot.waitSignal(wizard.saved):
        press(qtbot, wizard, "Finish")
    row = latest_session(window._services)
    assert (row.rung, row.reps_done, row.planned, row.stopped_for_pain) == (
        "baby-press-up",
        10,
        10,
        False,
    )


def test_a_three_minute_hold_runs_to_its_end_and_moves_on(qtbot, window, listener):
    wizard = window.start_session()
    check_in(qtbot, wizard)
    assert wizard.exercise.selected_rung().dose.kind == "hold"
    press(qtbot, wizard, "Next")
    run_set_untouched(qtbot, wizard, 20_000)
    kinds = [c.kind for c in listener.cues]
    assert kinds[:2] == [CueKind.START, CueKind.RELAX]
    assert [c.words for c in listener.cues if c.kind is CueKind.MINUTES_LEFT] == [
        "2 minutes left",
        "1 minute left",
    ]
    countdown = [c.words for c in listener.cues if c.kind is CueKind.COUNTDOWN]
    assert countdown == [
        "Ten",
        "Nine",
        "Eight",
        "Seven",
        "Six",
        "Five",
        "Four",
        "Three",
        "Two",
        "One",
    ]
    assert listener.cues[-1].kind is CueKind.HOLD_END
    assert listener.cues[-1].words == "Done. Roll to your side and get up slowly."
    assert wizard.step == 4  # the check-out, by itself; the end stays on screen above it
    note = find(wizard, "Your set", QLabel)
    assert note.isVisible()
    assert note.text() == "✓ Held 3:00 of 3:00. Roll to your side and get up slowly."
    check_out(qtbot, wizard, 3, 5)
    press(qtbot, wizard, "Next")
    with qtbot.waitSignal(wizard.saved):
        press(qtbot, wizard, "Finish")
    row = latest_session(window._services)
    assert (row.rung, row.hold_seconds, row.planned) == ("prone-lying", 180, 180)


def test_any_key_stops_the_set_says_stopped_and_checks_out(qtbot, window, listener):
    wizard = window.start_session()
    check_in(qtbot, wizard)
    choose(qtbot, wizard, "baby-press-up")
    press(qtbot, wizard, "Next")
    wizard.reps.start_set()
    assert not find(wizard, "Next", QPushButton).isVisible()  # the floor view is the step
    qtbot.waitUntil(lambda: wizard.reps.reps() >= 2, timeout=5000)
    qtbot.keyClick(wizard.reps.floor, Qt.Key.Key_A)
    assert listener.stops == 1
    assert listener.sink.silenced  # the cue in play is cut short, then "Stopped"
    assert wizard.step == 4  # the check-out follows
    assert wizard.check_out.isVisible()
    done = wizard.reps.reps()
    assert 2 <= done < 10
    assert wizard.draft().stopped_for_pain
    assert wizard.draft().reps_done == done


def test_a_stop_for_another_reason_is_saved_incomplete_and_not_counted(qtbot, window, listener):
    wizard = window.start_session()
    check_in(qtbot, wizard)
    choose(qtbot, wizard, "baby-press-up")
    press(qtbot, wizard, "Next")
    wizard.reps.start_set()
    qtbot.waitUntil(lambda: wizard.reps.reps() >= 2, timeout=5000)
    qtbot.keyClick(wizard.reps.floor, Qt.Key.Key_Escape)  # the phone rang
    done = wizard.reps.reps()
    assert done < 5
    reason = find(wizard, "Stopped for another reason", QCheckBox)
    assert reason.isVisible()
    qtbot.mouseClick(reason, Qt.MouseButton.LeftButton, pos=QPoint(8, reason.height() // 2))
    press(qtbot, wizard, "Next")  # not stopped for pain: the scores are wanted
    assert wizard.step == 4
    check_out(qtbot, wizard, 4, 6)
    press(qtbot, wizard, "Next")
    summary = find(wizard, "What you did", QLabel).text()
    assert f"{done} of 10 reps, incomplete" in summary
    assert "does not count" in summary
    with qtbot.waitSignal(wizard.saved):
        press(qtbot, wizard, "Finish")
    row = latest_session(window._services)
    assert (row.stopped_for_pain, row.reps_done, row.planned) == (False, done, 10)
    today = find(window, "Sessions today", QLabel).text()
    assert today.startswith("0 of 5–8")


def test_a_click_anywhere_stops_and_space_pauses_and_goes_on(qtbot, window, listener):
    wizard = window.start_session()
    check_in(qtbot, wizard)
    press(qtbot, wizard, "Next")  # lying face down: a hold
    wizard.reps.start_set()
    floor = wizard.reps.floor
    qtbot.waitUntil(lambda: find(wizard, "Instruction", QLabel).text() == "Relax", timeout=5000)
    qtbot.keyClick(floor, Qt.Key.Key_Space)
    assert find(wizard, "Instruction", QLabel).text() == "Paused: Space goes on"
    shown = find(wizard, "Count", QLabel).text()
    qtbot.wait(300)  # 18 fake seconds: the paused clock stands still
    assert find(wizard, "Count", QLabel).text() == shown
    qtbot.keyClick(floor, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: find(wizard, "Count", QLabel).text() != shown, timeout=5000)
    qtbot.mouseClick(floor, Qt.MouseButton.LeftButton)
    assert wizard.step == 4 and listener.stops == 1
    assert 0 < wizard.draft().hold_seconds < 180


def test_counting_oneself_may_pass_the_dose_with_a_note(qtbot, window, listener):
    wizard = window.start_session()
    check_in(qtbot, wizard)
    choose(qtbot, wizard, "baby-press-up")
    press(qtbot, wizard, "Next")
    tick(qtbot, wizard, "I count myself")
    press(qtbot, wizard, "Start the set")
    floor = wizard.reps.floor
    for _ in range(11):
        qtbot.mouseClick(floor, Qt.MouseButton.LeftButton)
    qtbot.keyClick(floor, Qt.Key.Key_Space)
    assert find(wizard, "Count", QLabel).text() == "12"
    assert find(wizard, "Planned", QLabel).text() == "Above the dose of 5–10 repetitions"
    assert [c.words for c in listener.cues][-2:] == ["Eleven", "Twelve"]
    qtbot.keyClick(floor, Qt.Key.Key_Backspace)
    qtbot.keyClick(floor, Qt.Key.Key_Return)
    assert wizard.step == 3
    assert find(wizard, "Your set", QLabel).text() == "✓ 11 of 10 repetitions."
    assert wizard.draft().reps_done == 11
    # Coming back to the step shows what the set did, ready to start again.
    press(qtbot, wizard, "Back")
    assert find(wizard, "Last set", QLabel).text() == "11 of 10 repetitions"


def test_full_screen_by_default_f11_switches_and_is_remembered(qtbot, window, listener):
    services = window._services
    wizard = window.start_session()
    check_in(qtbot, wizard)
    press(qtbot, wizard, "Next")
    assert find(wizard, "Full screen during the set", QCheckBox).isChecked()
    wizard.reps.start_set()
    qtbot.waitUntil(wizard.isFullScreen, timeout=3000)
    qtbot.keyClick(wizard.reps.floor, Qt.Key.Key_F11)  # not a stop
    assert wizard.reps.running
    qtbot.waitUntil(lambda: not wizard.isFullScreen(), timeout=3000)
    assert services.preferences.preferences().full_screen is False
    qtbot.keyClick(wizard.reps.floor, Qt.Key.Key_Escape)
    assert wizard.step == 4 and not wizard.isFullScreen()
    again = window.start_session()
    check_in(qtbot, again)
    press(qtbot, again, "Next")
    assert not find(again, "Full screen during the set", QCheckBox).isChecked()
    again.reps.start_set()
    assert not again.isFullScreen()
    qtbot.keyClick(again.reps.floor, Qt.Key.Key_Escape)


LAUNCH = """
import os, sys, tempfile
from pathlib import Path
from sciatica_journal.paths import prepare_data_dir
from sciatica_journal.services.container import build_services
services = build_services(prepare_data_dir(Path(tempfile.mkdtemp()) / "j"))
services.profiles.accept_disclaimer()
services.profiles.save(services.profiles.default_profile())
from sciatica_journal.gui.application import make_application
from sciatica_journal.gui.main_window import MainWindow
app = make_application()
window = MainWindow(services)
window.show()
app.processEvents()
audio = ("miniaudio", "espeakng_loader", "sciatica_journal.services.speech",
         "sciatica_journal.services.audio_output", "sciatica_journal.services.guide_player")
print(sorted(m for m in audio if m in sys.modules), flush=True)
# Only the modules matter here: leave without tearing Qt down in an arbitrary order.
os._exit(0)
"""


def test_a_launched_window_has_loaded_no_audio():
    import subprocess
    import sys

    found = subprocess.run(
        [sys.executable, "-c", LAUNCH], capture_output=True, text=True, check=True, timeout=120
    )
    assert found.stdout.strip().splitlines()[-1] == "[]"


def test_without_a_sound_device_the_set_step_says_so_once(qtbot, window):
    from sciatica_journal.services.audio_output import NoSink, Output

    opened = []

    def no_device(preferences):
        from sciatica_journal.services import guide_player

        player = guide_player.open_player(audio_options(preferences), sink=NoSink())
        player.notice = guide_player._notice(
            Output(NoSink(), "No sound device was found: the cues are shown on screen."),
            None,
            audio_options(preferences),
        )
        opened.append(player)
        return player, player.notice

    window.guide = GuideSetup(sound=no_device, clock=FakeClock())
    wizard = window.start_session()
    check_in(qtbot, wizard)
    press(qtbot, wizard, "Next")
    notice = find(wizard, "Sound", QLabel)
    assert notice.isVisible()
    assert notice.text() == "No sound device was found: the cues are shown on screen."
    wizard.reps.start_set()  # the set runs, its cues on screen only
    qtbot.waitUntil(lambda: find(wizard, "Instruction", QLabel).text() == "Relax", timeout=5000)
    assert len(opened) == 1  # one player, one notice, for the whole session


def test_tab_during_a_set_is_a_key_like_any_other_not_a_focus_move(qtbot, window, listener):
    wizard = window.start_session()
    check_in(qtbot, wizard)
    choose(qtbot, wizard, "baby-press-up")
    press(qtbot, wizard, "Next")
    tick(qtbot, wizard, "I count myself")
    press(qtbot, wizard, "Start the set")
    floor = wizard.reps.floor
    qtbot.keyClick(floor, Qt.Key.Key_Space)
    assert wizard.focusWidget() is floor
    qtbot.keyClick(floor, Qt.Key.Key_Tab)  # the keys stay with the set: it is a stop
    assert listener.stops == 1
    assert wizard.step == 4
