"""The FHIR export of a 10-year journal (issue 15: ≤ 2 s), against the JSON export of the
same journal in the same run.

The real program in fresh processes, alternately: ``export --format fhir`` and
``export --format json`` on a private copy of the cached 10-year journal (journal_size.py;
about 29,000 sessions), each to a new file. Reported: min / median / max of each, the
ratio FHIR / JSON, the file sizes and the resources by type. Figures go to the terminal
and to results/fhir_export.json. ``python bench/fhir_export.py --runs 5``.
"""

import argparse
import collections
import datetime as dt
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RESULTS = BENCH / "results" / "fhir_export.json"
TARGET_S = 2.0


def program() -> list[str]:
    return [sys.executable, "-m", "sciatica_journal"]


def timed(args: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(args, check=True, cwd=REPO, capture_output=True)
    return time.perf_counter() - began


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(BENCH))
    from launch import ten_year_copy

    with tempfile.TemporaryDirectory() as tmp:
        folder = ten_year_copy(Path(tmp))
        times: dict[str, list[float]] = {"fhir": [], "json": []}
        for run in range(args.runs):
            for kind in ("fhir", "json"):
                out = Path(tmp) / f"{kind}-{run}.json"
                times[kind].append(
                    timed(
                        [
                            *program(),
                            "--data-dir",
                            str(folder),
                            "export",
                            "--format",
                            kind,
                            "--out",
                            str(out),
                        ]
                    )
                )
                if run > 0:  # the first is kept to be counted; the others would only fill
                    out.unlink()  # the disk's cache with gigabytes a user never writes
        fhir_file = Path(tmp) / "fhir-0.json"
        bundle = json.loads(fhir_file.read_text(encoding="utf-8"))
        kinds = collections.Counter(e["resource"]["resourceType"] for e in bundle["entry"])
        sizes = {
            kind: (Path(tmp) / f"{kind}-0.json").stat().st_size / 1e6 for kind in ("fhir", "json")
        }
    result = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": platform.platform(),
        "runs": args.runs,
        "seconds": {
            kind: {
                "min": min(values),
                "median": statistics.median(values),
                "max": max(values),
            }
            for kind, values in times.items()
        },
        "fhir_over_json": statistics.median(times["fhir"]) / statistics.median(times["json"]),
        "megabytes": sizes,
        "resources": dict(kinds),
        "target_s": TARGET_S,
    }
    for kind in ("fhir", "json"):
        s = result["seconds"][kind]
        print(
            f"export --format {kind}: min {s['min']:.2f} / median {s['median']:.2f} / "
            f"max {s['max']:.2f} s, {sizes[kind]:.0f} MB"
        )
    print(f"FHIR / JSON: {result['fhir_over_json']:.2f}; target FHIR ≤ {TARGET_S} s")
    print("resources:", ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0 if result["seconds"]["fhir"]["median"] <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
