"""The sound of each cue, and a whole guide as one recording (docs/audio.md).

``CueSounds`` makes the clip of a cue: its tone (sine beeps made here, no sound files),
then its words in the voice, at the chosen volume; clips are kept, so a set's repeated
"Up" is spoken once. The floor view plays a cue's clip when its clock reaches the cue
(``audio_output``); ``render`` lays every cue's clip at its time into one recording, which
``write_wav`` saves atomically (``audio-guide``): the same sounds at the same times.

Samples are float32 in -1..1 while mixed, 16-bit mono when played or written."""

from __future__ import annotations

import io
import math
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from sciatica_journal.domain.pacing import Cue, CueKind, Timeline
from sciatica_journal.services.file_writing import write_bytes
from sciatica_journal.services.speech import Voice

Clip = npt.NDArray[np.float32]

SAMPLE_RATE = 22_050  # espeak-ng's rate; tones are made at the same rate
FADE_MS = 6  # each beep fades in and out: no click
GAP_MS = 40  # between a cue's tone and its words
TONE_LEVEL = 0.45  # a beep's peak, below the voice's
VOICE_LEVEL = 0.8  # the voice's scale: espeak-ng's German reaches full scale, this leaves room

# Each kind's beeps: (frequency in Hz, length in ms), one after another with a short gap.
# Rising for up, falling for down, a tick for each of the last seconds, a chord to finish.
TONES: dict[CueKind, tuple[tuple[float, int], ...]] = {
    CueKind.START: ((660.0, 120), (880.0, 160)),
    CueKind.UP: ((784.0, 90),),
    CueKind.TOP: ((880.0, 60),),
    CueKind.DOWN: ((523.0, 90),),
    CueKind.COUNT: ((659.0, 70),),
    CueKind.SET_END: ((523.0, 140), (659.0, 140), (784.0, 260)),
    CueKind.RELAX: ((523.0, 220),),
    CueKind.MINUTES_LEFT: ((659.0, 160),),
    CueKind.COUNTDOWN: ((988.0, 50),),
    CueKind.HOLD_END: ((523.0, 140), (659.0, 140), (784.0, 260)),
    CueKind.STOPPED: ((440.0, 200), (330.0, 300)),
}


@dataclass(frozen=True)
class AudioOptions:
    """What the guide sounds like (Settings: voice, tones, volume)."""

    voice: bool = True
    tones: bool = True
    volume: float = 0.8  # 0..1

    @property
    def silent(self) -> bool:
        return self.volume <= 0 or not (self.voice or self.tones)


def _samples(ms: float) -> int:
    return round(SAMPLE_RATE * ms / 1000)


def _faded(clip: Clip) -> Clip:
    """``clip`` fading in and out over ``FADE_MS`` (no click where it starts or stops)."""
    count = len(clip)
    fade = min(_samples(FADE_MS), count // 2)
    if fade:
        ramp = np.linspace(0.0, 1.0, fade, dtype=np.float32)
        clip[:fade] *= ramp
        clip[count - fade :] *= ramp[::-1]
    return clip


def beep(frequency: float, ms: int, level: float = TONE_LEVEL) -> Clip:
    """A sine tone of ``ms`` milliseconds with a short fade at both ends."""
    t = np.arange(_samples(ms), dtype=np.float32) / SAMPLE_RATE
    return _faded((level * np.sin(2 * math.pi * frequency * t)).astype(np.float32))


def tone(kind: CueKind) -> Clip:
    """The beeps of ``kind``, one after another."""
    gap = np.zeros(_samples(GAP_MS), dtype=np.float32)
    parts: list[Clip] = []
    for frequency, ms in TONES[kind]:
        if parts:
            parts.append(gap)
        parts.append(beep(frequency, ms))
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)


def _resampled(samples: Clip, rate: int) -> Clip:
    if rate == SAMPLE_RATE or not len(samples):
        return samples
    count = round(len(samples) * SAMPLE_RATE / rate)
    positions = np.linspace(0, len(samples) - 1, count)
    return np.interp(positions, np.arange(len(samples)), samples).astype(np.float32)


class CueSounds:
    """The clip of each cue: tone, then words, at the volume of ``options``. ``voice`` None:
    tones only (no voice here, or the voice is off)."""

    def __init__(self, options: AudioOptions, voice: Voice | None) -> None:
        self.options = options
        self.voice = voice if options.voice else None
        self._clips: dict[tuple[CueKind, str], Clip] = {}

    def words(self, text: str) -> Clip:
        """``text`` in the voice (nothing without one)."""
        if self.voice is None:
            return np.zeros(0, dtype=np.float32)
        spoken = self.voice.say(text).astype(np.float32) * (VOICE_LEVEL / 32768.0)
        return _faded(_resampled(spoken, self.voice.rate))

    def clip(self, cue: Cue) -> Clip:
        """What ``cue`` sounds like (empty when the guide is silent)."""
        key = (cue.kind, cue.words)
        found = self._clips.get(key)
        if found is None:
            found = self._make(cue)
            self._clips[key] = found
        return found

    def _make(self, cue: Cue) -> Clip:
        if self.options.silent:
            return np.zeros(0, dtype=np.float32)
        parts: list[Clip] = []
        if self.options.tones:
            parts.append(tone(cue.kind))
        spoken = self.words(cue.words)
        if len(spoken):
            if parts:
                parts.append(np.zeros(_samples(GAP_MS), dtype=np.float32))
            parts.append(spoken)
        clip = np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)
        return (clip * min(1.0, self.options.volume)).astype(np.float32)

    def prepare(self, timeline: Timeline) -> None:
        """Make every clip of ``timeline`` now (before the set starts: no delay later)."""
        for cue in timeline.cues:
            self.clip(cue)


def render(timeline: Timeline, sounds: CueSounds) -> Clip:
    """The whole guide: each cue's clip at its time, as long as the timeline (longer only if
    the last words run past its end)."""
    placed = [(_samples(cue.at_ms), sounds.clip(cue)) for cue in timeline.cues]
    length = max([_samples(timeline.duration_ms)] + [start + len(c) for start, c in placed])
    out = np.zeros(length, dtype=np.float32)
    for start, clip in placed:
        out[start : start + len(clip)] += clip
    return np.clip(out, -1.0, 1.0)


def pcm16(samples: Clip) -> bytes:
    """16-bit little-endian mono samples."""
    scaled = np.clip(samples, -1.0, 1.0) * 32767.0
    return np.round(scaled).astype("<i2").tobytes()


def wav_bytes(samples: Clip) -> bytes:
    """A WAV file (16-bit mono, ``SAMPLE_RATE``) of ``samples``."""
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(pcm16(samples))
    return out.getvalue()


def write_wav(path: Path, timeline: Timeline, sounds: CueSounds) -> None:
    """The guide as a WAV file at ``path``, written atomically: the file appears whole or
    not at all. Raises ``OSError``."""
    write_bytes(path, wav_bytes(render(timeline, sounds)))
