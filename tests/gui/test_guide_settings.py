"""Settings → Guided sessions (issue 13): voice, tones, volume, the pace of press-ups and
full screen are kept; Test plays a cue as chosen, before Save; a silent choice says so."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton, QSlider

from sciatica_journal.domain.pacing_plan import Speed
from sciatica_journal.gui.guide_sound import GuideSetup, audio_options
from sciatica_journal.gui.main_window import MainWindow
from sciatica_journal.services.audio_output import RecordingSink
from sciatica_journal.services.guide_player import open_player
from tests.gui.conftest import find, when_modal
from tests.gui.test_session_wizard import check_in

LEFT = Qt.MouseButton.LeftButton


class Sounds:
    """Each player the window opens plays into its own recording sink."""

    def __init__(self) -> None:
        self.sinks: list[RecordingSink] = []
        self.asked: list = []

    def open(self, preferences):
        self.asked.append(preferences)
        sink = RecordingSink()
        self.sinks.append(sink)
        player = open_player(audio_options(preferences), sink=sink)
        return player, player.notice


def _window(qtbot, services) -> tuple[MainWindow, Sounds]:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    sounds = Sounds()
    window.guide = GuideSetup(sound=sounds.open)
    return window, sounds


def test_the_guide_choices_are_saved_and_used_by_the_next_session(qtbot, set_up_services):
    window, sounds = _window(qtbot, set_up_services)

    def edit(dialog):
        tones = find(dialog, "Tones", QCheckBox)
        qtbot.mouseClick(tones, LEFT, pos=QPoint(8, tones.height() // 2))
        volume = find(dialog, "Volume", QSlider)
        volume.setFocus()
        qtbot.keyClick(volume, Qt.Key.Key_PageDown)  # 80 % → 70 %
        speed = find(dialog, "Pace of press-ups", QComboBox)
        speed.setCurrentIndex(speed.findData("slower"))
        qtbot.mouseClick(find(dialog, "Save", QPushButton), LEFT)

    when_modal(qtbot, edit)
    window.open_settings()
    chosen = set_up_services.preferences.preferences()
    assert (chosen.voice, chosen.tones, chosen.volume, chosen.speed) == (
        True,
        False,
        70,
        Speed.SLOWER,
    )
    # The next session's set step opens the sound as chosen, and paces slower.
    wizard = window.start_session()
    check_in(qtbot, wizard)
    qtbot.mouseClick(find(wizard, "Next", QPushButton), LEFT)
    assert (sounds.asked[-1].tones, sounds.asked[-1].volume) == (False, 70)
    assert wizard.reps._speed is Speed.SLOWER
    wizard._touched = False
    wizard.reject()


def test_test_plays_a_cue_as_chosen_before_save(qtbot, set_up_services):
    window, sounds = _window(qtbot, set_up_services)
    seen = {}

    def edit(dialog):
        volume = find(dialog, "Volume", QSlider)
        volume.setValue(40)
        qtbot.mouseClick(find(dialog, "Test the sound", QPushButton), LEFT)
        seen["played"] = [len(clip) for _at, clip in sounds.sinks[-1].played]
        seen["peak"] = max(abs(clip).max() for _at, clip in sounds.sinks[-1].played)
        off = find(dialog, "Speak the cues", QCheckBox)
        off.setChecked(False)
        find(dialog, "Tones", QCheckBox).setChecked(False)
        qtbot.mouseClick(find(dialog, "Test the sound", QPushButton), LEFT)
        seen["notice"] = find(dialog, "Sound", QLabel).text()
        dialog.reject()

    when_modal(qtbot, edit)
    window.open_settings()
    assert len(seen["played"]) == 1 and seen["played"][0] > 1000  # a cue, not silence
    assert 0 < seen["peak"] <= 0.41  # at the volume chosen (40 %), not the saved 80 %
    assert sounds.asked[0].volume == 40
    assert "off" in seen["notice"]
    assert set_up_services.preferences.preferences().volume == 80  # not saved: Cancel
