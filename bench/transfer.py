"""Export and import of the JSON journal, 1 and 10 years, in fresh processes of the program.

DESIGN §8 / issue 16.3: ``export --format json`` of 10 years ≤ 0.6 s with a peak ≤ 150 MiB;
``import`` of 10 years ≤ 3 s and linear (10 years ≤ 11× one year).

The journals are the top of the programme's band (8 sessions every day, no gaps): ten
years from ``journal_size.make_ten_year_journal`` (cached in results/ten-years), one year
generated the same way (cached in results/one-year). Each run starts the installed
``sciatica-journal`` with ``--data-dir`` on a private copy of the journal: ``export
--format json --out FILE`` of the journal, and ``import FILE`` of that export into a new,
empty data folder (the import's backup of the journal first included, as for a user). A
third command, the yardstick, is a fresh Python parsing the exported file with the C
parser (``json.loads``): the ratios against it compare between machines and loads. A
run is timed from the start of the process to its exit (status 0), by a small parent
process that also reads the child's peak memory (``getrusage(RUSAGE_CHILDREN)
.ru_maxrss``), so that every figure is the program's own. Runs alternate between the
journals (and, with ``--baseline PROGRAM``, between this program and another one, e.g.
the previous version); min, median and max of ``--runs`` (3) runs. Figures go to the
terminal and to results/transfer.json.
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
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
RESULTS = BENCH / "results" / "transfer.json"
EXPORT_TARGET_S = 0.6
EXPORT_TARGET_MIB = 150.0
IMPORT_TARGET_S = 3.0
LINEAR_TARGET = 11.0  # import of 10 years ≤ 11× one year
TIMEOUT = 600
# The same-run yardstick: a fresh Python reading the exported file and parsing it with the
# C parser (no checks, no journal): what the machine does with that much JSON.
REFERENCE = [sys.executable, "-c", "import json, sys; json.loads(open(sys.argv[1], 'rb').read())"]

# Runs one command, prints "seconds peak_kib" (peak of the child, the program itself).
_TIMED = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
if sys.platform == "darwin":
    peak //= 1024  # bytes there, KiB on Linux
if done.returncode:
    sys.stderr.write(done.stderr.decode(errors="replace"))
    sys.exit(done.returncode)
print(seconds, peak)
"""


def app_command():
    script = Path(sys.executable).with_name("sciatica-journal")
    return [str(script)] if script.exists() else [sys.executable, "-m", "sciatica_journal"]


def make_one_year(folder: Path) -> Path:
    """A cached 1-year journal of the same density as the 10-year one."""
    folder = Path(folder)
    if (folder / "journal.sqlite3").exists():
        return folder
    code = (
        "import sys; from pathlib import Path\n"
        "from sciatica_journal.paths import prepare_data_dir\n"
        "from sciatica_journal.services.container import build_services\n"
        "from sciatica_journal.synthetic import generate_years\n"
        "s = build_services(prepare_data_dir(Path(sys.argv[1])))\n"
        "generate_years(s, years=1, sessions_per_day=(8, 8), gaps=False)\n"
        "s.close()\n"
    )
    subprocess.run([sys.executable, "-c", code, str(folder)], check=True, cwd=REPO)
    return folder


def private_copy(source: Path, folder: Path) -> Path:
    folder.mkdir(mode=0o700)
    for item in source.glob("journal.sqlite3*"):
        shutil.copyfile(item, folder / item.name)
    return folder


def timed(command, env):
    """(seconds, peak MiB) of one run of ``command``; raises if it fails."""
    done = subprocess.run(
        [sys.executable, "-c", _TIMED, *command],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=TIMEOUT,
    )
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)}: exit status {done.returncode}\n{done.stderr}")
    seconds, peak = done.stdout.split()
    return float(seconds), int(peak) / 1024


def summary(runs):
    times = [t for t, _ in runs]
    peaks = [p for _, p in runs]
    return {
        "min_s": min(times),
        "median_s": statistics.median(times),
        "max_s": max(times),
        "runs_s": times,
        "peak_mib_max": max(peaks),
        "peaks_mib": peaks,
    }


def _export(program, folder: Path, out: Path):
    return [*program, "--data-dir", str(folder), "export", "--format", "json", "--out", str(out)]


def measure(journals, runs, tmp: Path, env, programs):
    """{program: {journal: figures}}; each run goes through every journal and program."""
    verbs = ("export", "import", "reference")
    raw = {p: {name: {verb: [] for verb in verbs} for name in journals} for p in programs}
    exported = {}
    for name, source in journals.items():  # the file every import run reads (a warm-up)
        copy = private_copy(source, tmp / f"{name}-source")
        exported[name] = tmp / f"{name}.json"
        timed(_export(programs["app"], copy, exported[name]), env)
    for run in range(runs):
        for name in journals:
            for label, program in programs.items():
                figures = raw[label][name]
                out = tmp / f"{name}-{label}-run{run}.json"
                figures["export"].append(timed(_export(program, tmp / f"{name}-source", out), env))
                out.unlink()
                target = tmp / f"{name}-{label}-import{run}"
                target.mkdir(mode=0o700)
                command = [*program, "--data-dir", str(target), "import", str(exported[name])]
                figures["import"].append(timed(command, env))
                shutil.rmtree(target)
                figures["reference"].append(timed([*REFERENCE, str(exported[name])], env))
    return {
        label: {
            name: {
                "bytes": exported[name].stat().st_size,
                **{verb: summary(figures[verb]) for verb in verbs},
            }
            for name, figures in by_journal.items()
        }
        for label, by_journal in raw.items()
    }


def print_table(results, runs, label):
    print(f"\n{label}: the JSON journal in fresh processes ({runs} runs each, alternating)")
    print(
        f"{'journal':<10}{'verb':<10}{'min':>9}{'median':>9}{'max':>9}{'peak':>11}{'file':>10}"
        f"{'vs ref':>9}"
    )
    for name, figures in results.items():
        for verb in ("export", "import", "reference"):
            f = figures[verb]
            ratio = f["median_s"] / figures["reference"]["median_s"]
            print(
                f"{name:<10}{verb:<10}{f['min_s']:>7.2f} s{f['median_s']:>7.2f} s"
                f"{f['max_s']:>7.2f} s{f['peak_mib_max']:>7.0f} MiB"
                f"{figures['bytes'] / 1e6:>7.1f} MB{ratio:>8.1f}x"
            )
    print("reference = a fresh Python parsing the exported file (json.loads), same run")


def verdicts(results):
    ten, one = results["10 years"], results["1 year"]
    ratio = ten["import"]["median_s"] / one["import"]["median_s"]
    checks = {
        "export 10 years (median)": (ten["export"]["median_s"], EXPORT_TARGET_S, "s"),
        "export 10 years (peak)": (ten["export"]["peak_mib_max"], EXPORT_TARGET_MIB, "MiB"),
        "import 10 years (median)": (ten["import"]["median_s"], IMPORT_TARGET_S, "s"),
        "import 10 years / 1 year (medians)": (ratio, LINEAR_TARGET, "x"),
    }
    return {
        label: {"value": value, "target": target, "unit": unit, "within": value <= target}
        for label, (value, target, unit) in checks.items()
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--baseline",
        metavar="PROGRAM",
        help="another sciatica-journal (e.g. an older checkout's .venv/bin/sciatica-journal), "
        "measured alternating with this one in the same run",
    )
    args = parser.parse_args(argv)
    from journal_size import make_ten_year_journal

    journals = {
        "1 year": make_one_year(BENCH / "results" / "one-year"),
        "10 years": make_ten_year_journal(BENCH / "results" / "ten-years"),
    }
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(REPO / "sciatica_journal")],
        check=True,
        env=env,
    )  # as installed: compiled once
    programs = {"app": app_command()}
    if args.baseline:
        programs["baseline"] = [args.baseline]
    with tempfile.TemporaryDirectory(prefix="sciatica-journal-bench-") as tmp:
        everything = measure(journals, args.runs, Path(tmp), env, programs)
    for label, results in everything.items():
        print_table(results, args.runs, label if label == "app" else f"baseline {args.baseline}")
        for check_label, check in verdicts(results).items():
            verdict = "within" if check["within"] else "OVER"
            print(
                f"  {check_label}: {check['value']:.2f} {check['unit']}, target ≤ "
                f"{check['target']:g} {check['unit']}: {verdict}"
            )
    results = everything["app"]
    checks = verdicts(results)
    report = {
        "benchmark": "transfer",
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "runs": args.runs,
        "machine": {
            "python": platform.python_version(),
            "system": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "results": results,
        "checks": checks,
        "baseline": None
        if not args.baseline
        else {"program": args.baseline, "results": everything["baseline"]},
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written: {RESULTS.relative_to(REPO)}")
    return 0 if all(c["within"] for c in checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
