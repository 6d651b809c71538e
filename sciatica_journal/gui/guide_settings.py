"""Settings → Guided sessions (issue 13): how a set sounds and shows. The voice and the
tones on or off, the volume, the pace of press-ups (slower, normal, faster), full screen
during the set, and a Test button that plays a sample as chosen (before it is saved)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QWidget,
)

from sciatica_journal.domain.language import N_, _
from sciatica_journal.domain.pacing_plan import Speed
from sciatica_journal.domain.preferences import Preferences
from sciatica_journal.gui.guide_sound import GuideSetup
from sciatica_journal.gui.guided_set import Player
from sciatica_journal.gui.window_fit import reveal

SPEED_LABELS = {
    Speed.SLOWER: N_("Slower"),
    Speed.NORMAL: N_("Normal"),
    Speed.FASTER: N_("Faster"),
}


class GuideSettings(QGroupBox):
    def __init__(self, guide: GuideSetup, parent: QWidget | None = None) -> None:
        super().__init__(_("Guided sessions"), parent)
        self._guide = guide
        self._player: Player | None = None
        self.voice = QCheckBox(_("Speak the cues"))
        self.voice.setAccessibleName(_("Speak the cues"))
        self.tones = QCheckBox(_("Sound a tone with each cue"))
        self.tones.setAccessibleName(_("Tones"))
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setSingleStep(5)
        self.volume.setPageStep(10)
        self.volume.setAccessibleName(_("Volume"))
        self.volume_value = QLabel()
        self.volume_value.setMinimumWidth(40)
        self.volume.valueChanged.connect(lambda v: self.volume_value.setText(f"{v} %"))
        self.test_button = QPushButton(_("&Test"))
        self.test_button.setAccessibleName(_("Test the sound"))
        self.test_button.setToolTip(_("Play a cue as chosen here"))
        self.test_button.clicked.connect(self.test)
        self.speed = QComboBox()
        self.speed.setAccessibleName(_("Pace of press-ups"))
        for speed, label in SPEED_LABELS.items():
            self.speed.addItem(_(label), speed.value)
        self.full_screen = QCheckBox(_("Full screen during the set (F11 switches)"))
        self.full_screen.setAccessibleName(_("Full screen during the set"))
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("hint")
        self.notice.setAccessibleName(_("Sound"))
        self.notice.hide()

        volume_row = QHBoxLayout()
        volume_row.addWidget(self.volume, stretch=1)
        volume_row.addWidget(self.volume_value)
        volume_row.addWidget(self.test_button)
        form = QFormLayout(self)
        form.addRow(self.voice)
        form.addRow(self.tones)
        volume_label = QLabel(_("&Volume:"))
        volume_label.setBuddy(self.volume)
        form.addRow(volume_label, volume_row)
        form.addRow(self.notice)  # under the Test button, whose result it tells
        speed_label = QLabel(_("&Pace of press-ups:"))
        speed_label.setBuddy(self.speed)
        form.addRow(speed_label, self.speed)
        form.addRow(self.full_screen)

    def set_preferences(self, chosen: Preferences) -> None:
        self.voice.setChecked(chosen.voice)
        self.tones.setChecked(chosen.tones)
        self.volume.setValue(chosen.volume)
        self.volume_value.setText(f"{chosen.volume} %")
        self.speed.setCurrentIndex(max(0, self.speed.findData(chosen.speed.value)))
        self.full_screen.setChecked(chosen.full_screen)

    def chosen(self, before: Preferences) -> Preferences:
        """``before`` with this group's choices."""
        return replace(
            before,
            voice=self.voice.isChecked(),
            tones=self.tones.isChecked(),
            volume=self.volume.value(),
            speed=Speed(self.speed.currentData()),
            full_screen=self.full_screen.isChecked(),
        )

    def test(self) -> None:
        """A sample cue with the choices as they are now (saved or not)."""
        self.close_sound()
        player, notice = self._guide.open(self.chosen(Preferences()))
        self._player = player
        silent = not (self.voice.isChecked() or self.tones.isChecked()) or not self.volume.value()
        if silent:
            notice = _("Voice and tones are off (or the volume is 0): the cues are only shown.")
        self.notice.setText(notice or "")
        self.notice.setVisible(bool(notice))
        if notice:
            reveal(self.notice)
        sample = getattr(player, "test", None)
        if sample is not None:
            sample()

    def close_sound(self) -> None:
        player, self._player = self._player, None
        close = getattr(player, "close", None)
        if close is not None:
            close()
