"""The session's guided set, as the patient hears it (issue 13).

- **Cue delay**: from a cue's time on the set's clock to its sound starting, through the
  whole path the session uses: the set step and its floor view on screen (repainting the
  digits and the instruction), ``GuidedSet``'s timer, the player, the mixer, the device's
  callback taking the clip's first samples (miniaudio's null device: no sound card here; a
  real device adds its own output latency). Target ≤ 50 ms.
- **Launch cost of the audio**: which audio modules a launched window has loaded (none:
  they load when a session's set step opens), and, in fresh processes, the time the step
  then spends opening the voice and the device (import, open, the set's clips).

The set is 10 press-ups with every phase a quarter as long as at normal speed (the cues
come as they do in a set, only closer together; the delay does not depend on the gaps),
and a 40-second hold. ``python bench/floor_cues.py --runs 3``; figures to the terminal and
to results/floor_cues.json.
"""

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RESULTS = BENCH / "results" / "floor_cues.json"
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

AUDIO_MODULES = (
    "miniaudio",
    "sciatica_journal.services.speech",
    "sciatica_journal.services.audio_render",
    "sciatica_journal.services.audio_output",
    "sciatica_journal.services.guide_player",
)

LOADED_AT_LAUNCH = """
import os, sys, tempfile
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from sciatica_journal.paths import prepare_data_dir
from sciatica_journal.services.container import build_services
services = build_services(prepare_data_dir(Path(tempfile.mkdtemp()) / "j"))
services.profiles.accept_disclaimer()
services.profiles.save(services.profiles.default_profile())
from sciatica_journal.gui.application import make_application
from sciatica_journal.gui.main_window import MainWindow
app = make_application()
window = MainWindow(services)
window.show()
app.processEvents()
print(",".join(m for m in {modules!r} if m in sys.modules), flush=True)
os._exit(0)
"""

OPEN_SOUND = """
import time
import numpy
from sciatica_journal.domain.preferences import Preferences
from sciatica_journal.services.program_loader import load_program
program = load_program()
from sciatica_journal.domain.pacing import guide_timeline
timeline = guide_timeline(program.rung("baby-press-up"), program.pacing, reps=10)
t0 = time.perf_counter()
from sciatica_journal.services.audio_render import AudioOptions
from sciatica_journal.services.guide_player import open_player
player = open_player(AudioOptions(), backends=["null"])
t1 = time.perf_counter()
player.prepare(timeline)
t2 = time.perf_counter()
player.close()
print((t1 - t0) * 1000, (t2 - t1) * 1000)
"""


def median_ms(values):
    return statistics.median(values) * 1000


def cue_delays(rung_slug, amount, quick):
    """Run one set in a real set step; the delay of each cue, in seconds."""
    from PySide6.QtWidgets import QApplication

    from sciatica_journal.domain.pacing_plan import Speed
    from sciatica_journal.gui.guided_set import GuidedSet
    from sciatica_journal.gui.wizard_set import SetStep
    from sciatica_journal.services.audio_render import AudioOptions
    from sciatica_journal.services.guide_player import open_player
    from sciatica_journal.services.program_loader import load_program

    app = QApplication.instance() or QApplication([])
    program = load_program()
    plan = program.pacing
    if quick:
        plan = replace(plan, speeds={speed: 0.25 for speed in Speed}, closing_ms=500)
    player = open_player(AudioOptions(), backends=["null"])
    sink = player.sink
    step = SetStep(plan, lambda: (player, player.notice), time.perf_counter)
    step.resize(1024, 600)
    step.show()
    rung = program.rung(rung_slug)
    if rung.dose.kind == "hold":  # a shorter hold than the dose's: the same cues, closer
        rung = replace(rung, dose=replace(rung.dose, default=amount))
    step.set_rung(rung, Speed.NORMAL, True, False)
    if not step.holds:
        step.planned.setValue(amount)
    started_before = len(sink.mixer.started)
    begun = time.perf_counter()
    step.start_set()
    guided = step.findChild(GuidedSet)
    timeline = guided.timeline
    while step.running:
        app.processEvents()
        time.sleep(0.001)
    heard = sink.mixer.started[started_before:]
    player.close()
    step.deleteLater()
    app.processEvents()
    cues = [c for c in timeline.cues if c.at_ms <= timeline.duration_ms]
    # Clips of cues at the same moment start in the same callback: pair them in order.
    return [h - (begun + c.at_ms / 1000) for c, h in zip(cues, heard, strict=False)]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    delays = []
    for _ in range(args.runs):
        delays += cue_delays("baby-press-up", 10, quick=True)
        delays += cue_delays("prone-lying", 40, quick=True)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    loaded = subprocess.run(
        [sys.executable, "-c", LOADED_AT_LAUNCH.format(modules=AUDIO_MODULES)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env=env,
    ).stdout.strip()
    opening, clips = [], []
    for _ in range(max(3, args.runs)):
        out = subprocess.run(
            [sys.executable, "-c", OPEN_SOUND],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
            env=env,
        ).stdout.split()
        opening.append(float(out[0]))
        clips.append(float(out[1]))
    result = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": platform.platform(),
        "cue_delay_ms": {
            "min": min(delays) * 1000,
            "median": median_ms(delays),
            "max": max(delays) * 1000,
            "count": len(delays),
            "target_max": 50,
        },
        "audio_modules_at_launch": [m for m in loaded.split(",") if m],
        "open_sound_ms": {"min": min(opening), "median": statistics.median(opening)},
        "prepare_press_up_clips_ms": {"min": min(clips), "median": statistics.median(clips)},
    }
    d = result["cue_delay_ms"]
    print(
        f"cue delay (cue's time → its sound starting, {d['count']} cues): "
        f"min {d['min']:.1f} / median {d['median']:.1f} / max {d['max']:.1f} ms (target ≤ 50)"
    )
    print(f"audio modules loaded at launch: {result['audio_modules_at_launch'] or 'none'}")
    print(
        f"opening the sound when a set step opens: median {result['open_sound_ms']['median']:.0f}"
        f" ms; the set's clips: {result['prepare_press_up_clips_ms']['median']:.0f} ms"
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0 if d["max"] <= 50 and not result["audio_modules_at_launch"] else 1


if __name__ == "__main__":
    sys.exit(main())
