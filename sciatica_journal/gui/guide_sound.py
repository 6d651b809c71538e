"""Where a session's guided set gets its sound and its clock (issue 13).

``GuideSetup`` is what the main window hands each session wizard: ``sound(preferences)``
opens the voice and the sound device as the Settings say (loaded only then, never at
launch) and returns the player with its one notice, or none; ``clock`` is the monotonic
clock. Tests give a recording sink and a fake clock instead."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sciatica_journal.domain.preferences import Preferences
from sciatica_journal.gui.guided_set import Clock, Player

if TYPE_CHECKING:
    from sciatica_journal.services.audio_render import AudioOptions

Sound = Callable[[Preferences], tuple[Player | None, str | None]]


def audio_options(preferences: Preferences) -> AudioOptions:
    from sciatica_journal.services.audio_render import AudioOptions

    return AudioOptions(
        voice=preferences.voice, tones=preferences.tones, volume=preferences.volume / 100
    )


def open_guide_player(preferences: Preferences) -> tuple[Player | None, str | None]:
    """The sound of the guided set as ``preferences`` say; never raises."""
    from sciatica_journal.services.guide_player import open_player

    player = open_player(audio_options(preferences))
    return player, player.notice


@dataclass
class GuideSetup:
    sound: Sound | None = None  # None: ``open_guide_player``
    clock: Clock = field(default=time.monotonic)

    def open(self, preferences: Preferences) -> tuple[Player | None, str | None]:
        return (self.sound or open_guide_player)(preferences)
