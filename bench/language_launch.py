"""What speaking German adds to launch: the app on the same 8-week journal started in
English and in German (the catalogs loaded, Qt's translators installed, every text looked
up), alternating with a bare PySide6 + pyqtgraph window in the same run.

The figure is median(German) / median(English); the issue's target is at most 1.03 (the
translation layer adds at most 3 %). Figures go to the terminal and to
results/language_launch.json. ``python bench/language_launch.py --runs 15``.
"""

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from launch import app_command, as_installed, launch_once, make_journal  # noqa: E402

RESULTS = BENCH / "results" / "language_launch.json"
TARGET = 1.03


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="timed launches per program")
    args = parser.parse_args(argv)
    base = as_installed(
        dict(os.environ, QT_QPA_PLATFORM="offscreen", SCIATICA_JOURNAL_EXIT_AFTER_PAINT="1")
    )
    base.pop("LC_ALL", None)
    english = dict(base, LANGUAGE="en", LANG="en_GB.UTF-8")
    german = dict(base, LANGUAGE="de", LANG="de_DE.UTF-8")
    app = app_command()
    with tempfile.TemporaryDirectory(prefix="sciatica-journal-bench-") as tmp:
        journal = Path(tmp) / "journal"
        journal.mkdir(mode=0o700)
        make_journal(journal)
        command = [*app, "--data-dir", str(journal)]
        programs = {
            "bare": ([sys.executable, str(BENCH / "bare_window.py")], "bare: ready", english),
            "english": (command, "sciatica-journal: ready", english),
            "german": (command, "sciatica-journal: ready", german),
        }
        times = {name: [] for name in programs}
        names = list(programs)
        for round_ in range(args.runs + 1):  # round 0 is the warm-up
            shift = round_ % len(names)
            for name in names[shift:] + names[:shift]:
                cmd, ready, env = programs[name]
                elapsed = launch_once(cmd, ready, env)
                if round_ > 0:
                    times[name].append(elapsed)
    medians = {name: statistics.median(values) for name, values in times.items()}
    ratio = medians["german"] / medians["english"]
    print(f"\nLaunch to first paint, offscreen, {args.runs} runs each, alternating (medians)")
    for name in names:
        print(
            f"{name:<10}{medians[name] * 1000:>8.0f} ms"
            f"{medians[name] / medians['bare']:>8.2f}x bare"
        )
    print(f"German / English: {ratio:.3f} (target <= {TARGET})")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "benchmark": "language_launch",
                "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "runs": args.runs,
                "python": platform.python_version(),
                "medians_s": medians,
                "german_over_english": ratio,
                "target": TARGET,
                "times_s": times,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
