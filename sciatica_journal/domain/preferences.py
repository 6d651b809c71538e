"""How the app looks and behaves on this computer, apart from the clinical profile:
the colour scheme, whether it keeps running in the background for reminders, the
language, and how a guided set sounds and shows (voice, tones, volume, the press-ups'
pace, counting by itself, full screen)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from sciatica_journal.domain.pacing_plan import Speed


class Appearance(StrEnum):
    SYSTEM = "system"  # follow the desktop's light or dark scheme
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class Preferences:
    """How the app looks and sounds, and whether it runs in the background."""

    appearance: Appearance = Appearance.SYSTEM
    run_in_background: bool = False  # closing the window keeps the reminders running
    language: str = "system"  # "system" (follow the desktop) or a language code ("de")
    voice: bool = True  # the guided set's cues are spoken
    tones: bool = True  # ... and sounded
    volume: int = 80  # 0..100
    speed: Speed = Speed.NORMAL  # the pace of press-ups
    counts_for_me: bool = True  # the app paces and counts press-ups (else the user does)
    full_screen: bool = True  # the set runs full screen (the floor view)
    report_identity: bool = False  # the last report printed the name and birth date

    def to_values(self) -> dict[str, str]:
        """As text, one value per name (how they are kept)."""
        return {
            "appearance": self.appearance.value,
            "run_in_background": _flag(self.run_in_background),
            "language": self.language,
            "voice": _flag(self.voice),
            "tones": _flag(self.tones),
            "volume": str(self.volume),
            "speed": self.speed.value,
            "counts_for_me": _flag(self.counts_for_me),
            "full_screen": _flag(self.full_screen),
            "report_identity": _flag(self.report_identity),
        }

    @classmethod
    def from_values(cls, values: Mapping[str, str]) -> Preferences:
        """Read back what ``to_values`` wrote; a missing or unknown value is the default
        (a journal from a newer or older version still opens)."""
        default = cls()
        try:
            appearance = Appearance(values.get("appearance", default.appearance.value))
        except ValueError:
            appearance = default.appearance
        try:
            speed = Speed(values.get("speed", default.speed.value))
        except ValueError:
            speed = default.speed
        volume = values.get("volume", "")
        return cls(
            appearance=appearance,
            run_in_background=values.get("run_in_background", "0") == "1",
            language=values.get("language", default.language) or default.language,
            voice=_read_flag(values, "voice", default.voice),
            tones=_read_flag(values, "tones", default.tones),
            volume=max(0, min(100, int(volume))) if volume.isdigit() else default.volume,
            speed=speed,
            counts_for_me=_read_flag(values, "counts_for_me", default.counts_for_me),
            full_screen=_read_flag(values, "full_screen", default.full_screen),
            report_identity=_read_flag(values, "report_identity", default.report_identity),
        )


def _flag(value: bool) -> str:
    return "1" if value else "0"


def _read_flag(values: Mapping[str, str], name: str, default: bool) -> bool:
    value = values.get(name)
    return default if value not in ("0", "1") else value == "1"
