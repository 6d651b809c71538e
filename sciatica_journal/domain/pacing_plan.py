"""The pacing of a guided set as data: ``[pacing]`` of ``resources/program.toml``.

How long each phase of a press-up lasts at each speed, how long the lead-in and the close
are, and which cues a timed hold gets. ``parse_pacing`` validates the table and raises
``ProgramError`` naming the key; ``domain.pacing`` turns a plan into a timeline of cues.
Times are kept in whole milliseconds, so offsets add up exactly."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sciatica_journal.domain.program_errors import ProgramError


class Speed(StrEnum):
    """The pace of press-ups the user chooses (Settings, ``audio-guide --speed``)."""

    SLOWER = "slower"
    NORMAL = "normal"
    FASTER = "faster"


@dataclass(frozen=True)
class PressUpTiming:
    """One press-up at normal speed, in milliseconds."""

    up_ms: int  # pressing up
    top_ms: int  # the brief hold at the top
    down_ms: int  # lowering
    rest_ms: int  # resting before the next one

    def scaled(self, factor: float) -> PressUpTiming:
        """Every phase times ``factor`` (a speed), to the millisecond."""
        return PressUpTiming(
            up_ms=round(self.up_ms * factor),
            top_ms=round(self.top_ms * factor),
            down_ms=round(self.down_ms * factor),
            rest_ms=round(self.rest_ms * factor),
        )

    @property
    def repetition_ms(self) -> int:
        return self.up_ms + self.top_ms + self.down_ms + self.rest_ms


@dataclass(frozen=True)
class HoldCuePlan:
    """Which cues a timed hold gets besides its start and its end."""

    minutes_left: bool  # "N minutes left" at each whole minute left ...
    minutes_after_ms: int  # ... that comes at least this long after the hold began
    countdown: int  # the last this many seconds are counted down aloud (0: none)


@dataclass(frozen=True)
class PacingPlan:
    """How a guided set is paced: its lead-in, the press-ups, the speeds and the hold's cues."""

    lead_in_ms: int  # "Get ready… start" until the first repetition or the hold begins
    closing_ms: int  # after the last cue, time for its words before the guide ends
    press_up: PressUpTiming  # at normal speed
    speeds: Mapping[Speed, float]  # the factor of each speed
    hold: HoldCuePlan

    def timing(self, speed: Speed) -> PressUpTiming:
        """A press-up's phases at ``speed``."""
        return self.press_up.scaled(self.speeds[speed])


def _value(table: Mapping[str, Any], key: str, path: str) -> Any:
    if key not in table:
        raise ProgramError(f"program.toml: missing key '{path}{key}'")
    return table[key]


def _number(table: Mapping[str, Any], key: str, path: str, low: float, high: float) -> float:
    value = _value(table, key, path)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ProgramError(f"program.toml: '{path}{key}' must be a number, not {value!r}")
    if not low <= value <= high:
        raise ProgramError(f"program.toml: '{path}{key}' = {value} is outside {low:g}..{high:g}")
    return float(value)


def _ms(table: Mapping[str, Any], key: str, path: str, low: float, high: float) -> int:
    """Seconds (a whole or decimal number) as milliseconds."""
    return round(_number(table, key, path, low, high) * 1000)


def _table(table: Mapping[str, Any], key: str, path: str) -> Mapping[str, Any]:
    value = _value(table, key, path)
    if not isinstance(value, Mapping):
        raise ProgramError(f"program.toml: '{path}{key}' must be a table")
    return value


def parse_pacing(table: Mapping[str, Any]) -> PacingPlan:
    """The ``[pacing]`` table of ``program.toml`` as a plan."""
    path = "pacing."
    press = _table(table, "press_up", path)
    p = "pacing.press_up."
    timing = PressUpTiming(
        up_ms=_ms(press, "up_seconds", p, 0.5, 30),
        top_ms=_ms(press, "top_seconds", p, 0, 30),
        down_ms=_ms(press, "down_seconds", p, 0.5, 30),
        rest_ms=_ms(press, "rest_seconds", p, 0, 60),
    )
    raw_speeds = _table(table, "speeds", path)
    speeds = {speed: _number(raw_speeds, speed.value, "pacing.speeds.", 0.25, 4) for speed in Speed}
    if not speeds[Speed.SLOWER] >= speeds[Speed.NORMAL] >= speeds[Speed.FASTER]:
        raise ProgramError(
            "program.toml: 'pacing.speeds' must give slower >= normal >= faster factors"
        )
    hold = _table(table, "hold", path)
    h = "pacing.hold."
    minutes_left = _value(hold, "minutes_left", h)
    if not isinstance(minutes_left, bool):
        raise ProgramError(f"program.toml: '{h}minutes_left' must be true or false")
    countdown = _number(hold, "countdown_seconds", h, 0, 60)
    if countdown != int(countdown):
        raise ProgramError(f"program.toml: '{h}countdown_seconds' must be a whole number")
    return PacingPlan(
        lead_in_ms=_ms(table, "lead_in_seconds", path, 0, 30),
        closing_ms=_ms(table, "closing_seconds", path, 0, 30),
        press_up=timing,
        speeds=speeds,
        hold=HoldCuePlan(
            minutes_left=minutes_left,
            minutes_after_ms=_ms(hold, "minutes_after_seconds", h, 0, 600),
            countdown=int(countdown),
        ),
    )
