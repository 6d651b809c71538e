"""The guide's sound (services/speech, audio_render, audio_output, guide_player): the voice
speaks English and German offline, a rendered guide has the timeline's length, its rate and
one channel and is not silent; playback goes to a fake sink or miniaudio's null device, and
a computer without a sound device gives one notice, never an error."""

from __future__ import annotations

import io
import time
import wave

import numpy as np
import pytest

from sciatica_journal.domain.pacing import CueKind, guide_timeline, stopped_cue
from sciatica_journal.services import audio_output, speech
from sciatica_journal.services.audio_guide import cue_sounds
from sciatica_journal.services.audio_output import RecordingSink, open_output
from sciatica_journal.services.audio_render import (
    SAMPLE_RATE,
    AudioOptions,
    CueSounds,
    beep,
    render,
    tone,
    wav_bytes,
    write_wav,
)
from sciatica_journal.services.guide_player import open_player
from sciatica_journal.services.program_loader import load_program

PROGRAM = load_program()
PRESS = guide_timeline(PROGRAM.rung("baby-press-up"), PROGRAM.pacing, reps=5)


def _rms(samples, start_s, end_s):
    part = samples[int(start_s * SAMPLE_RATE) : int(end_s * SAMPLE_RATE)]
    return float(np.sqrt(np.mean(np.square(part, dtype=np.float64)))) if len(part) else 0.0


def test_the_voice_speaks_both_languages():
    english = speech.open_voice("en")
    german = speech.open_voice("de")
    assert english.rate == german.rate == SAMPLE_RATE
    for voice, text in ((english, "Get ready… start"), (german, "Machen Sie sich bereit … los")):
        samples = voice.say(text)
        assert samples.dtype == np.int16
        assert 0.5 < len(samples) / voice.rate < 4.0
        assert np.abs(samples).max() > 3000
    # Another language the app does not speak falls back to English.
    assert speech.open_voice("fr").language == "en"


def test_a_beep_is_a_sine_that_fades_in_and_out():
    clip = beep(440.0, 100)
    assert len(clip) == SAMPLE_RATE // 10
    assert clip[0] == 0.0 and abs(clip[-1]) < 0.01
    assert 0.4 < np.abs(clip).max() <= 0.45
    assert {kind for kind in CueKind} == {k for k in CueKind if len(tone(k))}


def test_a_cue_is_its_tone_then_its_words_at_the_volume():
    loud = CueSounds(AudioOptions(volume=1.0), speech.open_voice("en"))
    quiet = CueSounds(AudioOptions(volume=0.25), speech.open_voice("en"))
    cue = PRESS.cues[1]
    assert cue.kind is CueKind.UP
    assert len(loud.clip(cue)) > len(tone(CueKind.UP))
    assert np.abs(quiet.clip(cue)).max() == pytest.approx(
        np.abs(loud.clip(cue)).max() / 4, rel=0.05
    )
    tones_only = CueSounds(AudioOptions(voice=False), speech.open_voice("en"))
    assert len(tones_only.clip(cue)) == len(tone(CueKind.UP))
    assert len(CueSounds(AudioOptions(voice=False, tones=False), None).clip(cue)) == 0


def test_a_rendered_press_up_guide(tmp_path):
    sounds = cue_sounds(AudioOptions(volume=1.0), "en")
    assert sounds.notice is None
    target = tmp_path / "guide.wav"
    write_wav(target, PRESS, sounds.sounds)
    with wave.open(str(target), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 22050)
        frames = wav.getnframes()
        data = np.frombuffer(wav.readframes(frames), dtype="<i2").astype(np.float32) / 32768
    assert frames / SAMPLE_RATE == pytest.approx(PRESS.duration, abs=0.5)
    assert np.abs(data).max() > 0.3
    # Sound at each cue, quiet between the rest's end and the next "Up".
    for cue in PRESS.cues:
        assert _rms(data, cue.at, cue.at + 0.3) > 0.05, cue
    up2 = PRESS.cues[5]
    assert up2.kind is CueKind.UP and up2.rep == 2
    assert _rms(data, up2.at - 0.6, up2.at - 0.05) < 0.01
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_guide_in_german_sounds_different():
    from sciatica_journal.services import languages

    languages.use_language("de")
    try:
        german = guide_timeline(PROGRAM.rung("baby-press-up"), PROGRAM.pacing, reps=5)
        sounds = cue_sounds(AudioOptions(), "de").sounds
        assert sounds.voice is not None and sounds.voice.language == "de"
        clip = sounds.words(german.cues[0].words)
    finally:
        languages.use_language("en")
    english = cue_sounds(AudioOptions(), "en").sounds.words(PRESS.cues[0].words)
    assert german.cues[0].words == "Machen Sie sich bereit … los"
    assert len(clip) != len(english)


@pytest.mark.slow
def test_a_rendered_three_minute_hold_is_three_minutes_and_not_silent():
    hold = guide_timeline(PROGRAM.rung("prone-lying"), PROGRAM.pacing, seconds=180)
    samples = render(hold, cue_sounds(AudioOptions(), "en").sounds)
    with wave.open(io.BytesIO(wav_bytes(samples)), "rb") as wav:
        assert wav.getnframes() / wav.getframerate() == pytest.approx(hold.duration, abs=0.5)
    assert _rms(samples, 3.0, 4.0) > 0.05  # "Relax"
    assert _rms(samples, 20.0, 60.0) == 0.0  # lying still: nothing said
    assert _rms(samples, 183.0, 186.0) > 0.05  # "Done. Roll to your side ..."


def test_without_a_sound_device_there_is_one_notice(monkeypatch):
    import miniaudio

    def no_device(*args, **kwargs):
        raise miniaudio.MiniaudioError("failed to init device", -401)

    monkeypatch.setattr(miniaudio, "PlaybackDevice", no_device)
    output = open_output()
    assert not output.available
    assert output.notice == "No sound device was found: the cues are shown on screen."
    output.sink.play(np.ones(100, dtype=np.float32))  # plays nothing, raises nothing
    output.sink.silence()
    player = open_player(AudioOptions())
    assert player.notice == output.notice
    player.prepare(PRESS)
    for cue in PRESS.cues:
        player.play(cue)
    player.stop()
    player.close()


def test_without_a_voice_the_cues_keep_their_tones(monkeypatch):
    def no_voice(language):
        raise speech.VoiceUnavailable("no voice is installed on this computer")

    monkeypatch.setattr("sciatica_journal.services.audio_guide.open_voice", no_voice)
    sink = RecordingSink()
    player = open_player(AudioOptions(), sink=sink)
    assert player.notice == (
        "Spoken cues are not available (no voice is installed on this computer): "
        "the cues are sounded and shown."
    )
    player.play(PRESS.cues[1])
    assert len(sink.played[0][1]) == len(tone(CueKind.UP))


def test_the_player_plays_each_cue_the_clock_reaches():
    now = [0.0]
    sink = RecordingSink(clock=lambda: now[0])
    player = open_player(AudioOptions(), "en", sink=sink)
    assert player.notice is None
    player.prepare(PRESS)
    played = []
    for tick in range(0, PRESS.duration_ms + 100, 100):  # a 100 ms timer
        now[0] = tick / 1000
        played += player.play_due(PRESS, tick - 100, tick)
    assert played == list(PRESS.cues)
    assert [t for t, _clip in sink.played] == [c.at for c in PRESS.cues]
    player.stop()
    assert sink.silenced == [now[0]]
    assert len(sink.played[-1][1]) == len(player.sounds.clip(stopped_cue()))


def test_playing_through_miniaudio_to_its_null_device():
    output = open_output(["null"])
    assert output.available and output.backend == "Null"
    sink = output.sink
    assert isinstance(sink, audio_output.DeviceSink)
    clip = beep(440.0, 200)
    asked = time.perf_counter()
    sink.play(clip)
    deadline = time.monotonic() + 2
    while not sink.mixer.started and time.monotonic() < deadline:
        time.sleep(0.005)
    assert sink.mixer.started, "the device never took the clip"
    assert sink.mixer.started[0] - asked < 0.25
    while sink.mixer.playing and time.monotonic() < deadline:
        time.sleep(0.01)
    assert sink.mixer.playing == []  # played to its end
    sink.play(clip)
    sink.silence()
    assert sink.mixer.playing == []
    sink.close()


def test_silent_options_open_no_device(monkeypatch):
    monkeypatch.setattr(audio_output, "open_output", pytest.fail)
    player = open_player(AudioOptions(voice=False, tones=False))
    assert player.notice is None
    player.play(PRESS.cues[0])


def test_the_program_loads_no_audio_until_asked():
    import subprocess
    import sys

    code = (
        "import sys, sciatica_journal.cli, sciatica_journal.services.container;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('miniaudio', 'espeakng_loader', '_miniaudio')"
        " or m.endswith(('.speech', '.audio_output'))))"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"
