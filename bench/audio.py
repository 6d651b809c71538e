"""The guided set's sound (docs/audio.md): what the voice and playback cost.

- installed size of the audio wheels (miniaudio with cffi and pycparser, espeakng-loader);
- start-up: a fresh Python imports the voice, opens it and says a first cue, and imports
  miniaudio and opens a playback device (its null backend, which needs no sound card);
- synthesis: every cue of a 3-minute hold and of 10 press-ups, tones and voice, in English
  and in German (``CueSounds.prepare``, what a session does before it starts);
- cue latency: from ``play(clip)`` to the device's callback taking its first samples, on
  the null device (a real device adds its output latency; the period is 20 ms).

Figures go to the terminal and to results/audio.json. ``python bench/audio.py --runs 7``.
"""

import argparse
import datetime as dt
import json
import platform
import statistics
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results" / "audio.json"
PACKAGES = ("miniaudio", "cffi", "pycparser", "espeakng-loader")

# numpy and the app's language module are loaded before a session in any case.
VOICE_START = """
import time
import numpy
import sciatica_journal.domain.language
t0 = time.perf_counter()
from sciatica_journal.services import speech
t1 = time.perf_counter()
voice = speech.open_voice({language!r})
t2 = time.perf_counter()
voice.say({text!r})
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""

DEVICE_START = """
import time
import numpy
import sciatica_journal.domain.language
t0 = time.perf_counter()
import miniaudio
t1 = time.perf_counter()
from sciatica_journal.services.guide_player import open_player
t2 = time.perf_counter()
from sciatica_journal.services.audio_output import open_output
output = open_output(["null"])
t3 = time.perf_counter()
assert output.available, output.notice
output.sink.close()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def installed_bytes(name):
    files = metadata.distribution(name).files or []
    return sum(f.locate().stat().st_size for f in files if f.locate().is_file())


def fresh(code):
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return [float(x) for x in out.split()]


def median_ms(values):
    return statistics.median(values) * 1000


def synthesis(language, runs):
    from sciatica_journal.domain.pacing import guide_timeline
    from sciatica_journal.services import languages
    from sciatica_journal.services.audio_guide import cue_sounds
    from sciatica_journal.services.audio_render import AudioOptions
    from sciatica_journal.services.program_loader import load_program

    languages.use_language(language)
    program = load_program(language=language)
    timelines = {
        "hold 3 min": guide_timeline(program.rung("prone-lying"), program.pacing, seconds=180),
        "10 press-ups": guide_timeline(program.rung("baby-press-up"), program.pacing, reps=10),
    }
    found = {}
    for name, timeline in timelines.items():
        times = []
        for _ in range(runs):
            sounds = cue_sounds(AudioOptions(), language).sounds  # a new cache each time
            start = time.perf_counter()
            sounds.prepare(timeline)
            times.append(time.perf_counter() - start)
        distinct = len({(c.kind, c.words) for c in timeline.cues})
        found[name] = {"median_ms": median_ms(times), "cues": len(timeline.cues), "clips": distinct}
    languages.use_language("en")
    return found


def latency(runs):
    import numpy as np

    from sciatica_journal.services.audio_output import open_output
    from sciatica_journal.services.audio_render import beep

    output = open_output(["null"])
    sink = output.sink
    clip = beep(880.0, 50)
    delays = []
    for _ in range(runs * 10):
        before = len(sink.mixer.started)
        asked = time.perf_counter()
        sink.play(clip)
        while len(sink.mixer.started) == before:
            time.sleep(0.0005)
        delays.append(sink.mixer.started[before] - asked)
        time.sleep(0.03 + float(np.random.default_rng().uniform(0, 0.02)))
    sink.close()
    return {"median_ms": median_ms(delays), "max_ms": max(delays) * 1000, "count": len(delays)}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    sizes = {name: installed_bytes(name) for name in PACKAGES}
    voice = {}
    for language, text in (("en", "Get ready… start"), ("de", "Machen Sie sich bereit … los")):
        runs = [fresh(VOICE_START.format(language=language, text=text)) for _ in range(args.runs)]
        voice[language] = {
            "import_ms": median_ms([r[0] for r in runs]),
            "open_ms": median_ms([r[1] for r in runs]),
            "first_cue_ms": median_ms([r[2] for r in runs]),
        }
    runs = [fresh(DEVICE_START) for _ in range(args.runs)]
    device = {
        "import_ms": median_ms([r[0] for r in runs]),
        "modules_ms": median_ms([r[1] for r in runs]),
        "open_ms": median_ms([r[2] for r in runs]),
    }
    synth = {language: synthesis(language, args.runs) for language in ("en", "de")}
    delay = latency(args.runs)

    print("\nInstalled size")
    for name, size in sizes.items():
        print(f"  {name:<18}{size / 1e6:>7.1f} MB")
    print("\nStart-up in a fresh Python (medians)")
    for language, v in voice.items():
        print(
            f"  voice {language}: import {v['import_ms']:.0f} ms, open {v['open_ms']:.0f} ms, "
            f"first cue {v['first_cue_ms']:.0f} ms"
        )
    print(
        f"  miniaudio: import {device['import_ms']:.0f} ms, open a device "
        f"{device['open_ms']:.0f} ms; the app's audio modules {device['modules_ms']:.0f} ms"
    )
    print("\nEvery clip of a set, tones and voice (medians)")
    for language, found in synth.items():
        for name, s in found.items():
            print(
                f"  {language} {name:<13}{s['median_ms']:>7.0f} ms "
                f"({s['cues']} cues, {s['clips']} clips)"
            )
    print(
        f"\nCue latency (null device): median {delay['median_ms']:.1f} ms, "
        f"max {delay['max_ms']:.1f} ms over {delay['count']} cues (target <= 50 ms)"
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "benchmark": "audio",
                "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "runs": args.runs,
                "python": platform.python_version(),
                "machine": platform.machine(),
                "installed_bytes": sizes,
                "voice_start": voice,
                "device_start": device,
                "synthesis": synth,
                "cue_latency": delay,
            },
            indent=2,
        )
        + "\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
