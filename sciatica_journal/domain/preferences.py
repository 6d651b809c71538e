"""How the app looks and behaves on this computer, apart from the clinical profile:
the colour scheme, whether it keeps running in the background for reminders, and the
language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class Appearance(StrEnum):
    SYSTEM = "system"  # follow the desktop's light or dark scheme
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class Preferences:
    appearance: Appearance = Appearance.SYSTEM
    run_in_background: bool = False  # closing the window keeps the reminders running
    language: str = "system"  # "system" (follow the desktop) or a language code ("de")

    def to_values(self) -> dict[str, str]:
        """As text, one value per name (how they are kept)."""
        return {
            "appearance": self.appearance.value,
            "run_in_background": "1" if self.run_in_background else "0",
            "language": self.language,
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
        return cls(
            appearance=appearance,
            run_in_background=values.get("run_in_background", "0") == "1",
            language=values.get("language", default.language) or default.language,
        )
