"""The guided set's sound during a session (issue 13), for the floor view.

The window keeps the clock (a ``QTimer`` and a fake clock in tests) and, as it reaches each
cue of the set's ``Timeline`` (``Timeline.due``), calls ``player.play(cue)``: the cue's
clip (tone, then words) starts on the sound device at once, over anything still sounding.
``stop()`` cuts the sound short and says "Stopped"; ``test()`` is the Settings' Test
button. ``open_player(options)`` never raises: without a sound device or a voice it still
returns a player (silent, or tones only) and its ``notice`` is the one sentence to show.

Load this only when a session starts: it opens the voice and the sound device."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sciatica_journal.domain.language import _
from sciatica_journal.domain.pacing import Cue, CueKind, Timeline, stopped_cue
from sciatica_journal.services.audio_guide import cue_sounds
from sciatica_journal.services.audio_output import NoSink, Output, Sink, open_output
from sciatica_journal.services.audio_render import AudioOptions, CueSounds


@dataclass
class GuidePlayer:
    sounds: CueSounds
    sink: Sink
    notice: str | None = None  # one sentence for the window, or None when all works

    @property
    def options(self) -> AudioOptions:
        return self.sounds.options

    def prepare(self, timeline: Timeline) -> None:
        """Make every clip of the set before it starts (a cue then sounds at once)."""
        self.sounds.prepare(timeline)
        self.sounds.clip(stopped_cue())

    def play(self, cue: Cue) -> None:
        """Sound ``cue`` now."""
        self.sink.play(self.sounds.clip(cue))

    def play_due(self, timeline: Timeline, after_ms: int, until_ms: int) -> tuple[Cue, ...]:
        """Sound the cues the clock reached between two ticks; returns them (to show)."""
        due = timeline.due(after_ms, until_ms)
        for cue in due:
            self.play(cue)
        return due

    def stop(self) -> None:
        """The set was stopped: silence, then "Stopped"."""
        self.sink.silence()
        self.play(stopped_cue())

    def test(self) -> None:
        """A sample for the Settings' Test button: a start and one counted repetition."""
        self.sink.silence()
        sample = Cue(0, CueKind.UP, _("Up"), _("Up"), 1)
        self.sink.play(self.sounds.clip(sample))

    def silence(self) -> None:
        self.sink.silence()

    def close(self) -> None:
        self.sink.close()


def _notice(output: Output, voice_problem: str | None, options: AudioOptions) -> str | None:
    if options.silent:
        return None
    if not output.available:
        return output.notice
    if voice_problem is not None:
        return _(
            "Spoken cues are not available ({reason}): the cues are sounded and shown."
        ).format(reason=voice_problem)
    return None


def open_player(
    options: AudioOptions,
    language: str | None = None,
    *,
    sink: Sink | None = None,
    backends: Sequence[str] | None = None,
) -> GuidePlayer:
    """A player for ``options`` in ``language`` (default: the one spoken). ``sink``: play
    there instead of the sound device (tests: ``RecordingSink``); ``backends``: which of
    miniaudio's to try (tests: ``["null"]``). Never raises."""
    found = cue_sounds(options, language)
    if sink is not None:
        output = Output(sink, None)
    elif options.silent:  # voice and tones off, or no volume: no device is opened
        output = Output(NoSink(), None)
    else:
        output = open_output(backends)
    return GuidePlayer(found.sounds, output.sink, _notice(output, found.notice, options))
