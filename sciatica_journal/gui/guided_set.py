"""A guided set on the clock (issue 13): plays a ``Timeline``'s cues as the time reaches
them, pauses and resumes, and stops.

The clock is the monotonic clock (tests give a fake one). A timer wakes at the next cue
(a precise timer, so a cue is sounded on time) and at least every ``TICK_MS`` (the time
left on screen, and a fake clock that jumps). Each wake-up sounds the cues reached since
the last one, in order, and says them to the view (``cue``); ``ticked`` carries the
elapsed time; ``ended`` comes once the set's last words have had their time
(``Timeline.duration_ms``). The player is the one of ``services.guide_player`` (or
``None``: cues shown only)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from sciatica_journal.domain.pacing import Cue, CueKind, Timeline

TICK_MS = 100


class Player(Protocol):
    def play(self, cue: Cue) -> None: ...
    def stop(self) -> None: ...
    def silence(self) -> None: ...


Clock = Callable[[], float]  # seconds, monotonic


class GuidedSet(QObject):
    cue = Signal(object)  # a Cue the time reached (after it was sounded)
    ticked = Signal(int)  # the elapsed time of the set, in ms
    ended = Signal()  # the set ran its whole course

    def __init__(
        self,
        timeline: Timeline,
        player: Player | None,
        clock: Clock = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self._player = player
        self._clock = clock
        self._since: float | None = None  # the clock when the set last (re)started
        self._banked_ms = 0  # elapsed before the last pause
        self._reached_ms = -1  # cues at or before this were played
        self._finished = False
        self.last_cue: Cue | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)

    # ---- state --------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._since is not None

    @property
    def paused(self) -> bool:
        return self._since is None and self._reached_ms >= 0 and not self._finished

    @property
    def finished(self) -> bool:
        return self._finished

    def elapsed_ms(self) -> int:
        if self._since is None:
            return self._banked_ms
        return self._banked_ms + round((self._clock() - self._since) * 1000)

    @property
    def last_countdown_start(self) -> int | None:
        """When the spoken count over a hold's last seconds begins (its first cue)."""
        countdown = [c.at_ms for c in self.timeline.cues if c.kind is CueKind.COUNTDOWN]
        return min(countdown) if countdown else None

    def reps_done(self) -> int:
        return self.timeline.reps_done(self._reached_ms)

    def seconds_held(self) -> int:
        return self.timeline.seconds_held(max(0, self._reached_ms))

    def over(self) -> bool:
        """The set's planned work is done (its last repetition counted, its hold held)."""
        return self._reached_ms >= self.timeline.ends_ms

    # ---- control ------------------------------------------------------------------

    def start(self) -> None:
        if self._finished or self._since is not None:
            return
        self._since = self._clock()
        self._tick()

    def pause(self) -> None:
        if self._since is None:
            return
        self._tick()  # what was due by now is played first
        self._banked_ms = self.elapsed_ms()
        self._since = None
        self._timer.stop()
        if self._player is not None:
            self._player.silence()

    def toggle_pause(self) -> None:
        if self._since is None:
            self.start()
        else:
            self.pause()

    def stop(self) -> None:
        """The user stopped the set: the clock stops and the voice says "Stopped"."""
        if self._since is not None:
            self._tick()
            self._banked_ms = self.elapsed_ms()
            self._since = None
        self._timer.stop()
        self._finished = True
        if self._player is not None:
            self._player.stop()

    def halt(self) -> None:
        """Stop quietly (the wizard closed or went back)."""
        self._since = None
        self._timer.stop()
        self._finished = True
        if self._player is not None:
            self._player.silence()

    # ---- the clock ----------------------------------------------------------------

    def _tick(self) -> None:
        if self._since is None:
            return
        now = self.elapsed_ms()
        for cue in self.timeline.due(self._reached_ms, now):
            if self._player is not None:
                self._player.play(cue)
            self.last_cue = cue
            self.cue.emit(cue)
        self._reached_ms = max(self._reached_ms, now)
        self.ticked.emit(now)
        if now >= self.timeline.duration_ms:
            self._banked_ms, self._since = now, None
            self._finished = True
            self.ended.emit()
            return
        self._timer.start(self._wait_ms(now))

    def _wait_ms(self, now: int) -> int:
        upcoming = [c.at_ms for c in self.timeline.cues if c.at_ms > now]
        next_at = min([*upcoming, self.timeline.duration_ms])
        second = 1000 - (now - self.timeline.begins_ms) % 1000  # the digits of a hold
        return max(0, min(next_at - now, second, TICK_MS))
