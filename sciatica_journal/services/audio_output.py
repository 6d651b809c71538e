"""Playing clips on the computer's sound device, through miniaudio (docs/audio.md).

A ``Sink`` plays clips (``audio_render.Clip``, float32 mono at ``SAMPLE_RATE``) now, mixed
over whatever is still sounding; ``silence()`` cuts everything short (Stop). Three sinks:

- ``DeviceSink``: the sound device, opened once; a clip starts within one device period
  (``PERIOD_MS``) of ``play``. miniaudio pulls the samples from a generator on its own
  thread; the clips in play are mixed there.
- ``RecordingSink``: keeps what it was asked to play, with the time (tests, and a GUI test
  that asserts the cues without sound).
- ``NoSink``: where no device could be opened; plays nothing.

``open_output()`` never raises: it returns an ``Output`` with the sink and, when there is
no sound device, one ``notice`` sentence the window shows (the cues are then shown only).
miniaudio is imported here only, when a device is opened."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import logging
import sys
import threading
import time
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from sciatica_journal.domain.language import _
from sciatica_journal.services.audio_render import SAMPLE_RATE, Clip, pcm16

log = logging.getLogger(__name__)

PERIOD_MS = 20  # the device's period: the most a clip waits to start (about)


class Sink(Protocol):
    def play(self, clip: Clip) -> None: ...
    def silence(self) -> None: ...
    def close(self) -> None: ...


@dataclass(frozen=True)
class Output:
    sink: Sink
    notice: str | None  # None: sound works; else one sentence for the window
    backend: str = ""  # which of the system's audio services plays it ("ALSA", "Null")

    @property
    def available(self) -> bool:
        return self.notice is None


class NoSink:
    """No sound device: nothing is played."""

    def play(self, clip: Clip) -> None:
        del clip

    def silence(self) -> None:
        pass

    def close(self) -> None:
        pass


@dataclass
class RecordingSink:
    """Keeps each clip asked for with ``clock()`` at that moment (for tests)."""

    clock: Callable[[], float] = time.monotonic
    played: list[tuple[float, Clip]] = field(default_factory=list)
    silenced: list[float] = field(default_factory=list)
    closed: bool = False

    def play(self, clip: Clip) -> None:
        self.played.append((self.clock(), clip))

    def silence(self) -> None:
        self.silenced.append(self.clock())

    def close(self) -> None:
        self.closed = True


class _Mixer:
    """The clips in play, mixed a device period at a time (on the device's thread)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.playing: list[list[Any]] = []  # [clip, position]
        self.started: list[float] = []  # when each clip's first samples were handed over

    def add(self, clip: Clip) -> None:
        if len(clip):
            with self.lock:
                self.playing.append([clip, 0])

    def clear(self) -> None:
        with self.lock:
            self.playing.clear()

    def next(self, frames: int) -> bytes:
        out = np.zeros(frames, dtype=np.float32)
        with self.lock:
            for item in self.playing:
                clip, position = item
                if position == 0:
                    self.started.append(time.perf_counter())
                part = clip[position : position + frames]
                out[: len(part)] += part
                item[1] = position + frames
            self.playing = [item for item in self.playing if item[1] < len(item[0])]
        return pcm16(out)

    def stream(self) -> Generator[bytes, int, None]:
        frames = yield b""
        while True:
            frames = yield self.next(frames)


class DeviceSink:
    """The sound device (miniaudio), open until ``close``."""

    def __init__(self, device: Any) -> None:
        self._device = device
        self.mixer = _Mixer()
        stream = self.mixer.stream()
        next(stream)
        device.start(stream)

    @property
    def backend(self) -> str:
        return str(getattr(self._device, "backend", ""))

    def play(self, clip: Clip) -> None:
        self.mixer.add(clip)

    def silence(self) -> None:
        self.mixer.clear()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._device.close()


def _quiet_alsa() -> None:
    """ALSA writes its complaints (no card, no such device) to stderr; the app says the
    one thing that matters itself. Linux only; harmless when ALSA is absent."""
    if not sys.platform.startswith("linux"):
        return
    name = ctypes.util.find_library("asound") or "libasound.so.2"
    try:
        alsa = ctypes.CDLL(name)
    except OSError:
        return
    handler_type = ctypes.CFUNCTYPE(
        None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
    )
    handler = handler_type(lambda *args: None)
    _Quiet.handler = handler  # kept alive as long as ALSA may call it
    alsa.snd_lib_error_set_handler(handler)


class _Quiet:
    handler: Any = None


NO_DEVICE = "no-device"


def open_output(backends: Sequence[str] | None = None) -> Output:
    """The sound device as a sink, or ``NoSink`` with a notice when there is none.
    ``backends``: miniaudio's names to try (e.g. ``["null"]``, a device that plays into
    nothing at the device's pace, for tests); default: the system's own."""
    try:
        import miniaudio
    except ImportError as exc:
        log.warning("miniaudio is not installed: %s", exc)
        return Output(NoSink(), _("Sound is not available here: the cues are shown on screen."))
    _quiet_alsa()
    chosen = [miniaudio.Backend[name.upper()] for name in backends] if backends else None
    try:
        device = miniaudio.PlaybackDevice(
            output_format=miniaudio.SampleFormat.SIGNED16,
            nchannels=1,
            sample_rate=SAMPLE_RATE,
            buffersize_msec=PERIOD_MS,
            backends=chosen,
            app_name="Sciatica Journal",
        )
        sink = DeviceSink(device)
    except Exception as exc:  # miniaudio.MiniaudioError and whatever a driver raises
        log.info("no sound device: %s", exc)
        return Output(NoSink(), _("No sound device was found: the cues are shown on screen."))
    return Output(sink, None, sink.backend)
