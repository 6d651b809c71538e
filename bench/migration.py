"""The one-time update of a 10-year journal of the format before the compact one (schema
0004, 30 MB) to this version's (issue 16.5: measure the migration's time).

The 0004 journal is written once from the JSON export of the cached 10-year journal
(journal_size.py) with ``tests/old_journals.py`` (plain SQL into the 0001-0004 tables, as
that version wrote them) and kept in results/ten-years-0004/. Each run updates a fresh
copy in a new process, the way the window does before it opens
(``services.journal_upgrade.upgrade``: the verified backup, every migration in one
transaction, VACUUM), and times that process as a whole. Reported: min / median / max and
the sizes before and after. ``python bench/migration.py --runs 3``.
"""

import argparse
import datetime as dt
import json
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
RESULTS = BENCH / "results" / "migration.json"
OLD = BENCH / "results" / "ten-years-0004"
UPDATE = (
    "import sys; from pathlib import Path\n"
    "from sciatica_journal.services.journal_upgrade import upgrade\n"
    "assert upgrade(Path(sys.argv[1])) == ('0005_compact',)\n"
)


def old_journal() -> Path:
    """The 10-year journal as schema 0004 (made when missing)."""
    target = OLD / "journal.sqlite3"
    if target.exists():
        return target
    sys.path.insert(0, str(BENCH))
    sys.path.insert(0, str(REPO))
    from journal_size import make_ten_year_journal

    from sciatica_journal.paths import DATABASE_FILE_NAME, prepare_data_dir
    from sciatica_journal.services.container import build_services
    from tests.old_journals import write_old_journal

    source = make_ten_year_journal(BENCH / "results" / "ten-years")
    with tempfile.TemporaryDirectory() as tmp:
        copy = prepare_data_dir(Path(tmp) / "copy")
        shutil.copy(source / DATABASE_FILE_NAME, copy / DATABASE_FILE_NAME)
        services = build_services(copy)
        try:
            document = services.transfer.journal_document()
        finally:
            services.close()
        OLD.mkdir(parents=True, exist_ok=True)
        work = Path(tmp) / "old"
        work.mkdir(mode=0o700)
        write_old_journal(
            work / DATABASE_FILE_NAME, document, copy / DATABASE_FILE_NAME, Path(tmp), 4
        )
        shutil.copy(work / DATABASE_FILE_NAME, target)
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    source = old_journal()
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            folder = Path(tmp) / f"run-{run}"
            folder.mkdir(mode=0o700)
            shutil.copy(source, folder / "journal.sqlite3")
            began = time.perf_counter()
            subprocess.run([sys.executable, "-c", UPDATE, str(folder)], check=True, cwd=REPO)
            times.append(time.perf_counter() - began)
            after = (folder / "journal.sqlite3").stat().st_size
    result = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": platform.platform(),
        "runs": args.runs,
        "seconds": {"min": min(times), "median": statistics.median(times), "max": max(times)},
        "megabytes": {"before": source.stat().st_size / 1e6, "after": after / 1e6},
    }
    s, mb = result["seconds"], result["megabytes"]
    print(
        f"update of 10 years, 0004 -> 0005: min {s['min']:.2f} / median {s['median']:.2f} / "
        f"max {s['max']:.2f} s; {mb['before']:.1f} MB -> {mb['after']:.2f} MB"
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
