"""The spoken, paced guide of an exercise (issue 13): its timeline, its sounds, its file.

``guide_for`` finds the exercise and checks the amount against its dose (``GuideError``,
one sentence); ``cue_sounds`` gives the sounds in the language spoken, with the voice when
there is one (else tones only, and a notice saying so); ``write_guide`` writes the guide
as a WAV file (atomically: whole or not at all). ``audio-guide`` uses all three, and the
session's floor view the first two (``guide_player``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sciatica_journal.domain import language
from sciatica_journal.domain.language import _
from sciatica_journal.domain.pacing import PacingError, Timeline, guide_timeline
from sciatica_journal.domain.pacing_plan import Speed
from sciatica_journal.domain.program import Program
from sciatica_journal.services.audio_render import AudioOptions, CueSounds, write_wav
from sciatica_journal.services.speech import VoiceUnavailable, open_voice

FILE_OPTIONS = AudioOptions(voice=True, tones=True, volume=1.0)  # a phone sets its own volume


class GuideError(ValueError):
    """The guide asked for cannot be made (one sentence for the user)."""


def guide_for(
    program: Program,
    slug: str,
    *,
    reps: int | None = None,
    seconds: int | None = None,
    speed: Speed = Speed.NORMAL,
) -> Timeline:
    """The timeline of the exercise ``slug`` (the dose's default when neither amount is
    given). Raises ``GuideError`` for an unknown exercise or an amount outside its dose."""
    if not program.has_rung(slug):
        raise GuideError(
            _("unknown exercise {slug} (one of: {known})").format(
                slug=repr(slug), known=", ".join(r.slug for r in program.rungs)
            )
        )
    try:
        return guide_timeline(
            program.rung(slug), program.pacing, reps=reps, seconds=seconds, speed=speed
        )
    except PacingError as exc:
        raise GuideError(str(exc)) from exc


@dataclass(frozen=True)
class Sounds:
    sounds: CueSounds
    notice: str | None  # why the voice is missing (tones only), or None


def cue_sounds(options: AudioOptions, code: str | None = None) -> Sounds:
    """The sounds of cues in the language ``code`` (default: the one spoken now); never
    raises: without a voice the cues keep their tones, and ``notice`` says why."""
    if not options.voice:
        return Sounds(CueSounds(options, None), None)
    try:
        voice = open_voice(code or language.code())
    except VoiceUnavailable as exc:
        return Sounds(CueSounds(options, None), str(exc))
    return Sounds(CueSounds(options, voice), None)


@dataclass(frozen=True)
class WrittenGuide:
    path: Path
    seconds: float  # how long it plays
    notice: str | None  # e.g. no voice: tones only


def write_guide(
    path: Path, timeline: Timeline, options: AudioOptions = FILE_OPTIONS
) -> WrittenGuide:
    """Write ``timeline`` as a WAV file at ``path`` (16-bit mono, 22,050 Hz), atomically.
    Raises ``OSError`` (nothing is left behind then)."""
    found = cue_sounds(options)
    write_wav(path, timeline, found.sounds)
    return WrittenGuide(path=path, seconds=timeline.duration, notice=found.notice)
