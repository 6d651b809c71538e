"""Size on disk of a 10-year journal, and the time to generate it (issue 16.5: ≤ 8 MB).

Two journals are generated with ``sciatica_journal.synthetic.generate_years`` in a
temporary folder, each in one transaction through the bulk store: a typical course
(3-8 sessions a day, 5-8 on most days, with days off and weeks of illness) and the top
of the programme's band (8 sessions every day, ~29,000 sessions). The clock is the real
one; the zone is fixed (Europe/Berlin) because the zone name is stored in every row. The
size is that of the file after the journal is closed (write-ahead log checkpointed), in
decimal megabytes. Per-table sizes come from SQLite's dbstat table when it is built in.

Other benchmarks get a ready 10-year data folder (the top of the band unless told
otherwise) from ``make_ten_year_journal(folder)``.
"""

import argparse
import datetime as dt
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
RESULTS = BENCH / "results" / "journal_size.json"
TARGET_MB = 8.0  # issue 16.5: 10 years at 8 a day ≤ 8 MB on disk (DESIGN §8 asked ≤ 20)
MEGABYTE = 1_000_000
ZONE = "Europe/Berlin"
YEARS = 10
JOURNALS = {
    "typical": ("typical (3-8 a day, gaps)", {"sessions_per_day": (3, 8), "gaps": True}),
    "top": ("top of the band (8 every day)", {"sessions_per_day": (8, 8), "gaps": False}),
}


def _database_file(folder):
    from sciatica_journal.paths import DATABASE_FILE_NAME

    return Path(folder) / DATABASE_FILE_NAME


def generate(folder, kind="typical", zone=None):
    """Generate a 10-year journal into the (new) data folder ``folder``; returns figures.

    Runs in this process: it opens the app's journal database, so call it from a process
    that has no journal open (``make_ten_year_journal`` runs it in a child process)."""
    from sciatica_journal.paths import prepare_data_dir
    from sciatica_journal.services.clock import Clock
    from sciatica_journal.services.container import build_services
    from sciatica_journal.storage import models
    from sciatica_journal.synthetic import generate_years

    os.umask(0o077)
    folder = prepare_data_dir(Path(folder))
    services = build_services(folder, Clock(zone))
    try:
        start = time.perf_counter()
        sessions = generate_years(services, years=YEARS, **JOURNALS[kind][1])
        seconds = time.perf_counter() - start

        def count(model):
            return model.select().count()

        with services.journal.bound():  # the models query this journal
            figures = {
                "sessions": sessions,
                "maps": count(models.SymptomMap),
                "marks": sum(
                    len(marks)
                    for (marks,) in models.SymptomMap.select(models.SymptomMap.marks).tuples()
                ),
                "red_flag_screens": count(models.RedFlagScreen),
                "red_flag_answers": count(models.RedFlagAnswer),
                "days_with_sessions": models.ExerciseSession.select(
                    models.ExerciseSession.local_date
                )
                .distinct()
                .count(),
                "generation_s": seconds,
            }
    finally:
        start = time.perf_counter()
        services.close()
        closing = time.perf_counter() - start
    path = _database_file(folder)
    figures["close_s"] = closing
    figures["file_bytes"] = path.stat().st_size
    figures["file_mb"] = figures["file_bytes"] / MEGABYTE
    figures["bytes_per_session"] = figures["file_bytes"] / max(1, sessions)
    figures["largest_objects_mb"] = _largest_objects(path)
    return figures


def _largest_objects(path, top=8):
    """Tables and indexes by size, largest first (empty when SQLite lacks dbstat)."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT ?", (top,)
        ).fetchall()
    except sqlite3.DatabaseError:
        return {}
    finally:
        conn.close()
    return {name: size / MEGABYTE for name, size in rows}


def make_ten_year_journal(folder: Path, kind: str = "top") -> Path:
    """A ready 10-year data folder at ``folder`` (disclaimer accepted, profile set), for
    other benchmarks: by default the top of the band (8 sessions every day, ~29,000
    sessions, the heaviest journal the programme asks for); ``kind="typical"`` for the
    typical course (~20,000). A folder that already holds a journal is reused as it is.
    The journal ends now, in the machine's zone; it is generated in a child process so
    that the caller's own journal, if any, is not disturbed."""
    if kind not in JOURNALS:
        raise ValueError(f"kind must be one of {', '.join(JOURNALS)}, not {kind!r}")
    folder = Path(folder)
    path = _database_file(folder)
    if path.exists() and path.stat().st_size > 0:
        return folder
    subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--make", str(folder), "--kind", kind],
        check=True,
        cwd=REPO,
    )
    return folder


def print_table(results):
    print(f"\n{YEARS}-year journals (zone {ZONE}; file size after close, 1 MB = 10^6 bytes)")
    print(
        f"{'journal':<32}{'sessions':>9}{'maps':>8}{'marks':>8}{'screens':>8}"
        f"{'generate':>10}{'size':>10}{'per session':>13}"
    )
    for result in results.values():
        print(
            f"{result['label']:<32}{result['sessions']:>9}{result['maps']:>8}"
            f"{result['marks']:>8}{result['red_flag_screens']:>8}"
            f"{result['generation_s']:>8.2f} s{result['file_mb']:>7.1f} MB"
            f"{result['bytes_per_session']:>11.0f} B"
        )
    print(f"target: ≤ {TARGET_MB:.0f} MB for {YEARS} years (issue 16.5)")
    for result in results.values():
        verdict = "within" if result["file_mb"] <= TARGET_MB else "OVER"
        print(f"  {result['label']}: {result['file_mb']:.1f} MB, {verdict} the target")
    largest = results["top"]["largest_objects_mb"]
    if largest:
        print("largest tables and indexes of the top-of-the-band journal:")
        for name, size in largest.items():
            print(f"  {name:<45}{size:>6.2f} MB")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--make", metavar="FOLDER", help=argparse.SUPPRESS)
    parser.add_argument("--kind", choices=tuple(JOURNALS), default="top", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.make:  # the child process of make_ten_year_journal
        figures = generate(args.make, args.kind)
        print(f"{figures['sessions']} sessions, {figures['file_mb']:.1f} MB in {args.make}")
        return 0

    results = {}
    with tempfile.TemporaryDirectory(prefix="sciatica-journal-bench-") as tmp:
        for kind, (label, _) in JOURNALS.items():
            results[kind] = {"label": label, **generate(Path(tmp) / kind, kind, ZONE)}
    print_table(results)
    over = [r["label"] for r in results.values() if r["file_mb"] > TARGET_MB]
    report = {
        "benchmark": "journal_size",
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "years": YEARS,
        "zone": ZONE,
        "target_mb": TARGET_MB,
        "megabyte_bytes": MEGABYTE,
        "machine": {
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "system": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "results": results,
        "over_target": over,
    }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written: {RESULTS.relative_to(REPO)}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
