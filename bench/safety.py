"""The safety work on the 10-year journal: the damage check run at every open (SQLite's
quick check, every page read) and the daily verified backup (copy, integrity check, entry
counts), each against reading the whole file once in the same run. Targets (issue): the
open-time check ≤ 50 ms, else it must move after the first paint; the backup runs on a
worker thread after the first paint, so its time is reported, not bounded."""

import argparse
import datetime as dt
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))
RESULTS = BENCH / "results" / "safety.json"
CHECK_TARGET_MS = 50.0


def _ms(action, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    from journal_size import make_ten_year_journal

    from sciatica_journal.paths import DATABASE_FILE_NAME
    from sciatica_journal.services.backup_service import BackupService
    from sciatica_journal.services.clock import Clock
    from sciatica_journal.services.program_loader import load_program
    from sciatica_journal.storage.database import damage

    source = make_ten_year_journal(BENCH / "results" / "ten-years")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        shutil.copy2(source / DATABASE_FILE_NAME, folder / DATABASE_FILE_NAME)
        journal = folder / DATABASE_FILE_NAME

        def read_whole_file():
            with journal.open("rb") as fh:
                while fh.read(1 << 20):
                    pass

        service = BackupService(folder, Clock(), load_program().backups)
        rows = {
            "read the whole file once (reference)": _ms(read_whole_file, args.runs),
            "damage check at open (quick_check)": _ms(lambda: damage(journal), args.runs),
            "daily verified backup": _ms(service.make_daily, args.runs),
        }
        size = journal.stat().st_size / 1e6
    reference = statistics.median(rows["read the whole file once (reference)"])
    print(f"10-year journal, {size:.1f} MB")
    print(f"{'':40} {'min':>8} {'median':>8} {'max':>8}  ratio")
    for name, times in rows.items():
        median = statistics.median(times)
        print(
            f"{name:40} {min(times):8.1f} {median:8.1f} {max(times):8.1f}"
            f"  {median / reference:5.1f}×"
        )
    check = statistics.median(rows["damage check at open (quick_check)"])
    verdict = "met" if check <= CHECK_TARGET_MS else "NOT met"
    print(f"open-time check: {check:.1f} ms median, target ≤ {CHECK_TARGET_MS:.0f} ms: {verdict}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        json.dumps({"when": dt.datetime.now(dt.UTC).isoformat(), "ms": rows}, indent=1)
    )
    return 0 if check <= CHECK_TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
