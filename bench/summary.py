"""``summary --json`` on the 10-year journal (issue 16.4: ≤ 2× the sqlite3 command-line tool
running the same aggregates on the same file), both measured in the same run.

In rounds, in fresh processes, after one warm-up round that is not counted: the real
program ``python -m sciatica_journal --data-dir DIR summary --json`` (the whole history:
no --from/--to) and ``sqlite3 FILE < summary_aggregates.sql`` (the same numbers in SQL,
see that file), one right after the other (their order alternating), on a private copy
of the cached 10-year journal (journal_size.py; about 29,000 sessions). Both write to a
pipe that is read to its end. The app's modules are compiled to bytecode first, as an
install does (launch.py).

The figure is the median of the rounds' ratios (program ÷ sqlite3 of the same round): the
machine's speed drifts within a run, by up to a half within minutes, and a round's two
commands see the same speed; the ratio of the medians, which such a drift moves, is
printed beside it. Reported: min / median / max of each command, both ratios against the
target, and the load average. Figures go to the terminal and to results/summary.json.
``python bench/summary.py --runs 9``.
"""

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RESULTS = BENCH / "results" / "summary.json"
AGGREGATES = BENCH / "summary_aggregates.sql"
TARGET_RATIO = 2.0  # issue 16.4: summary --json ≤ 2× the sqlite3 CLI


def timed(args, env, stdin=None):
    """Seconds from start to exit of one process (its output read and thrown away)."""
    began = time.perf_counter()
    done = subprocess.run(args, cwd=REPO, env=env, stdin=stdin, capture_output=True, check=False)
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(map(str, args))}: exit status {done.returncode}\n"
            f"{done.stderr.decode(errors='replace').strip()}"
        )
    return elapsed


def figures(values):
    return {
        "min_s": min(values),
        "median_s": statistics.median(values),
        "max_s": max(values),
        "runs_s": values,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    sqlite3_cli = shutil.which("sqlite3")
    if sqlite3_cli is None:
        print(
            "summary: the sqlite3 command-line tool is not installed (e.g. apt-get install "
            "sqlite3): it is this benchmark's yardstick, nothing was measured",
            file=sys.stderr,
        )
        return 1
    sys.path.insert(0, str(BENCH))
    from launch import as_installed, ten_year_copy

    env = as_installed(dict(os.environ))
    version = subprocess.run(
        [sqlite3_cli, "--version"], capture_output=True, text=True, check=True
    ).stdout.split()[0]
    with tempfile.TemporaryDirectory(prefix="sciatica-journal-bench-") as tmp:
        folder = ten_year_copy(Path(tmp))
        database = folder / "journal.sqlite3"
        program = [sys.executable, "-m", "sciatica_journal", "--data-dir", str(folder)]
        commands = {
            "program": ("summary --json", lambda: timed([*program, "summary", "--json"], env)),
            "sqlite3": (
                f"sqlite3 < {AGGREGATES.name}",
                lambda: _sqlite3(sqlite3_cli, database, env),
            ),
        }
        times = {name: [] for name in commands}
        loads = []
        for round_ in range(args.runs + 1):  # round 0 is the warm-up
            order = list(commands) if round_ % 2 == 0 else list(reversed(commands))
            for name in order:
                elapsed = commands[name][1]()
                if round_ > 0:
                    times[name].append(elapsed)
            loads.append(os.getloadavg()[0])
    results = {name: {"label": commands[name][0], **figures(times[name])} for name in commands}
    rounds = [a / b for a, b in zip(times["program"], times["sqlite3"], strict=True)]
    ratio = statistics.median(rounds)
    of_medians = results["program"]["median_s"] / results["sqlite3"]["median_s"]
    print(f"\nsummary --json on the 10-year journal, {args.runs} runs each after 1 warm-up")
    print(f"{'command':<34}{'min':>9}{'median':>10}{'max':>9}")
    for result in results.values():
        print(
            f"{result['label']:<34}{result['min_s'] * 1000:>6.0f} ms"
            f"{result['median_s'] * 1000:>7.0f} ms{result['max_s'] * 1000:>6.0f} ms"
        )
    verdict = "ok" if ratio <= TARGET_RATIO else "OVER"
    print(
        f"ratio in each round: {min(rounds):.2f} / {ratio:.2f} / {max(rounds):.2f}x "
        f"(min / median / max); the ratio of the medians: {of_medians:.2f}x"
    )
    print(
        f"median of the rounds' ratios: {ratio:.2f}x, target ≤ {TARGET_RATIO:.0f}x: {verdict} "
        f"(sqlite3 {version}; load average during the run {min(loads):.2f}-{max(loads):.2f} "
        f"on {os.cpu_count()} cpus)"
    )
    report = {
        "benchmark": "summary",
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "runs": args.runs,
        "machine": {
            "python": platform.python_version(),
            "sqlite3_cli": version,
            "system": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average_1min": {"min": min(loads), "max": max(loads)},
        },
        "results": results,
        "ratio": ratio,  # the median of the rounds' ratios
        "round_ratios": rounds,
        "ratio_of_medians": of_medians,
        "target_ratio": TARGET_RATIO,
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written: {RESULTS.relative_to(REPO)}")
    return 0 if ratio <= TARGET_RATIO else 1


def _sqlite3(cli, database, env):
    with AGGREGATES.open("rb") as script:
        return timed([cli, str(database)], env, stdin=script)


if __name__ == "__main__":
    sys.exit(main())
