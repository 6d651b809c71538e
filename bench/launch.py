"""Launch benchmark: time from starting the program to its painted main window.

Each program is started --runs times, the programs alternating, after one warm-up
round that is not counted. A run is timed from just before the process is started
to the moment its "ready" line (printed at the first paint) is read from its
stderr; the process must then exit with status 0. The result is the ratio of the
app's median to the median of a bare PySide6 + pyqtgraph window (bare_window.py)
measured in the same run, against its target: 1.1x for --demo (issue 16.6), 1.3x for
the app on a journal (DESIGN §8). The demo's cache is a fresh folder of this run (so the
user's is never used): the warm-up round makes it, as the first --demo of a day does,
and that one launch is reported apart. Figures go to the terminal and to
results/launch.json.
"""

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RESULTS = BENCH / "results" / "launch.json"
TARGET = 1.3  # DESIGN §8: launch with a 10-year journal ≤ 1.3× the bare window
DEMO_TARGET = 1.1  # issue 16.6: --demo ≤ 1.1× the bare window
TARGETS = {"demo": DEMO_TARGET, "data_dir": TARGET, "ten_years": TARGET}
TIMEOUT = 120.0  # seconds for one launch, a hung program fails the benchmark


def app_command():
    script = Path(sys.executable).with_name("sciatica-journal")
    return [str(script)] if script.exists() else [sys.executable, "-m", "sciatica_journal"]


def make_journal(folder):
    """An existing 8-week journal (disclaimer accepted, profile set), so the window opens."""
    code = (
        "from pathlib import Path\n"
        "from sciatica_journal.services.container import build_services\n"
        "from sciatica_journal.services.demo_journal import generate_demo\n"
        f"s = build_services(Path({str(folder)!r}))\n"
        "generate_demo(s)\n"
        "s.close()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def ten_year_copy(tmp):
    """A private copy of the cached 10-year journal (see journal_size.py), set up so that the
    app opens straight on its main window."""
    sys.path.insert(0, str(BENCH))
    from journal_size import make_ten_year_journal

    source = make_ten_year_journal(BENCH / "results" / "ten-years")
    folder = tmp / "ten-years"
    folder.mkdir(mode=0o700)
    for item in source.glob("journal.sqlite3*"):
        (folder / item.name).write_bytes(item.read_bytes())
    code = (
        "import sys; from pathlib import Path\n"
        "from sciatica_journal.services.container import build_services\n"
        "s = build_services(Path(sys.argv[1]))\n"
        "s.profiles.accept_disclaimer() if s.profiles.needs_disclaimer() else None\n"
        "s.profiles.save(s.profiles.profile()) if s.profiles.needs_setup() else None\n"
        "s.close()\n"
    )
    subprocess.run([sys.executable, "-c", code, str(folder)], check=True, cwd=REPO)
    return folder


def as_installed(env):
    """The environment of an installed app: its modules compiled to bytecode once, as
    ``pip``/``pipx`` compile them at install time (the libraries in the venv already are).
    Without this, a PYTHONDONTWRITEBYTECODE=1 environment recompiles every module of the
    app at every launch (~0.1-0.2 s here) while the bare window's pyqtgraph is compiled."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(REPO / "sciatica_journal")],
        check=True,
        env={k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"},
    )
    return {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}


def launch_once(command, ready_line, env):
    """Seconds from start to the ready line on stderr; raises if it never comes or exit != 0."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    killer = threading.Timer(TIMEOUT, proc.kill)
    killer.start()
    try:
        seen = []
        elapsed = None
        for line in proc.stderr:
            if line.strip() == ready_line:
                elapsed = time.perf_counter() - start
                break
            seen.append(line)
        rest, _ = proc.communicate()
        seen.append(rest)
    finally:
        killer.cancel()
    if elapsed is None or proc.returncode != 0:
        output = "".join(seen).strip()
        raise RuntimeError(
            f"{' '.join(command)}: exit status {proc.returncode}, "
            f"ready line {'seen' if elapsed is not None else 'never seen'}\n{output}"
        )
    return elapsed


def summary(times):
    return {
        "median_s": statistics.median(times),
        "min_s": min(times),
        "max_s": max(times),
        "runs_s": times,
    }


def print_table(results, args, cold_demo_s=None):
    bare = results["bare"]["median_s"]
    bare_qt = results["bare_qt"]["median_s"]
    print(
        f"\nLaunch to first paint ({args.platform}, {args.runs} runs each after 1 warm-up, "
        "programs alternating)"
    )
    print(
        f"{'program':<38}{'min':>9}{'median':>10}{'max':>9}"
        f"{'ratio':>8}{'target':>8}{'':>6}{'vs Qt':>7}"
    )
    for name, result in results.items():
        ratio = result["median_s"] / bare
        target = TARGETS.get(name)
        verdict = "" if target is None else "ok" if ratio <= target else "OVER"
        print(
            f"{result['label']:<38}{result['min_s'] * 1000:>6.0f} ms"
            f"{result['median_s'] * 1000:>7.0f} ms{result['max_s'] * 1000:>6.0f} ms"
            f"{ratio:>7.2f}x{'' if target is None else f'{target:.1f}x':>8}{verdict:>6}"
            f"{result['median_s'] / bare_qt:>6.2f}x"
        )
    print(
        "ratio = median(program) / median(bare PySide6 + pyqtgraph window); targets: "
        f"{DEMO_TARGET}x for --demo (issue 16.6), {TARGET}x on a journal (DESIGN §8, with the "
        "10-year journal); vs Qt = the same against the bare PySide6 window without "
        "pyqtgraph. Numbers are machine-relative."
    )
    if cold_demo_s is not None:
        print(
            f"first --demo of the day (its cache made, the warm-up run): "
            f"{cold_demo_s * 1000:.0f} ms, {cold_demo_s / bare:.2f}x (not a target)"
        )


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed launches per program")
    parser.add_argument(
        "--platform",
        choices=("offscreen", "xcb"),
        default="offscreen",
        help="Qt platform plugin (xcb needs a DISPLAY)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.platform == "xcb" and not os.environ.get("DISPLAY"):
        parser.error("--platform xcb needs a DISPLAY")
    return args


def main(argv=None):
    args = parse_args(argv)
    env = as_installed(
        dict(os.environ, QT_QPA_PLATFORM=args.platform, SCIATICA_JOURNAL_EXIT_AFTER_PAINT="1")
    )
    app = app_command()
    cold_demo_s = None
    with tempfile.TemporaryDirectory(prefix="sciatica-journal-bench-") as tmp:
        env["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")  # the demo's cache: this run's own
        journal = Path(tmp) / "journal"
        journal.mkdir(mode=0o700)
        make_journal(journal)
        programs = {
            "bare": (
                "bare PySide6 + pyqtgraph window",
                [sys.executable, str(BENCH / "bare_window.py")],
                "bare: ready",
            ),
            "bare_qt": (
                "bare PySide6 window (no pyqtgraph)",
                [sys.executable, str(BENCH / "bare_window.py"), "--no-plot"],
                "bare: ready",
            ),
            "demo": ("sciatica-journal --demo", [*app, "--demo"], "sciatica-journal: ready"),
            "data_dir": (
                "sciatica-journal --data-dir (8 weeks)",
                [*app, "--data-dir", str(journal)],
                "sciatica-journal: ready",
            ),
            "ten_years": (
                "sciatica-journal, 10-year journal",
                [*app, "--data-dir", str(ten_year_copy(Path(tmp)))],
                "sciatica-journal: ready",
            ),
        }
        times = {name: [] for name in programs}
        names = list(programs)
        for round_ in range(args.runs + 1):  # round 0 is the warm-up
            shift = round_ % len(names)
            for name in names[shift:] + names[:shift]:
                _, command, ready_line = programs[name]
                elapsed = launch_once(command, ready_line, env)
                if round_ > 0:
                    times[name].append(elapsed)
                elif name == "demo":
                    cold_demo_s = elapsed
    results = {name: {"label": programs[name][0], **summary(times[name])} for name in names}
    bare = results["bare"]["median_s"]
    for name, result in results.items():
        result["target_ratio"] = TARGETS.get(name)
        result["ratio_to_bare"] = result["median_s"] / bare
        result["ratio_to_bare_qt"] = result["median_s"] / results["bare_qt"]["median_s"]
    print_table(results, args, cold_demo_s)
    RESULTS.parent.mkdir(exist_ok=True)
    report = {
        "benchmark": "launch",
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "platform": args.platform,
        "runs": args.runs,
        "machine": {
            "python": platform.python_version(),
            "pyside6": metadata.version("PySide6-Essentials"),
            "pyqtgraph": metadata.version("pyqtgraph"),
            "system": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "target_ratio": TARGET,
        "target_note": "DESIGN §8: launch with a 10-year journal ≤ 1.3x the bare window",
        "targets": TARGETS,
        "cold_demo_s": cold_demo_s,
        "results": results,
    }
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written: {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
